"""framing.validate.fignews: the FIGNEWS-2024 multi-coder votes and their alpha (../shared/data)."""

from __future__ import annotations

import krippendorff
import pytest

from framing.validate import fignews_alpha, read_fignews
from helpers import shared_path


@pytest.fixture(scope="module")
def fignews():
    return shared_path("data", "fignews2024", "fignews_iaa_joined.jsonl")


def test_fignews_vote_counts(fignews):
    df = read_fignews(fignews, "bias")
    assert len(df) == 1491 and (df["source_language"] == "Arabic").sum() == 297
    assert df["unit"].is_unique
    assert "Unbiased" in df.columns and df.iloc[:, 2:].to_numpy().min() >= 0


@pytest.mark.parametrize("field", ["bias", "propaganda"])
def test_fignews_alpha(fignews, field):
    table = fignews_alpha(fignews, field, n_boot=200)
    assert table["subset"].tolist() == ["Arabic", "all"]
    df = read_fignews(fignews, field)
    for _, row in table.iterrows():
        part = df if row["subset"] == "all" else df[df["source_language"] == "Arabic"]
        counts = part.iloc[:, 2:].to_numpy()
        direct = krippendorff.alpha(value_counts=counts[counts.sum(axis=1) >= 2],
                                    level_of_measurement="nominal")
        assert row["alpha"] == pytest.approx(direct)
        assert 0 < row["ci_low"] < row["alpha"] < row["ci_high"] < 1
        # many teams, modest agreement: the teaching point of the data set
        assert row["alpha"] < 0.5 and row["percent_agreement"] > row["alpha"]
    assert table.loc[0, "n_units"] <= 297
