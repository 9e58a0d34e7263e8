"""Shared test fixtures: the seed corpus in the repo and the real corpora in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
GOLD = SHARED / "gold"


def shared_path(*parts):
    """Path under ../shared, or skip the test with a reason naming what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora sit beside the repo in development and CI)")
    return path


@pytest.fixture(scope="session")
def seeds_dir():
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
