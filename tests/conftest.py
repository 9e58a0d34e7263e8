"""Shared test fixtures: the seed corpus in the repo, its analysis, and the real corpora in
../shared/data (tests that need those skip with a reason where they are absent).

Plain helpers and paths are in ``tests/helpers.py``; the names re-exported here keep
``from conftest import ROOT`` working.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import warnings

import numpy as np
import pandas as pd
import pytest

from helpers import (  # noqa: F401  (ROOT, SHARED, GOLD and shared_path are re-exported)
    ARMPRO,
    EVENTS_GOLD,
    GOLD,
    MINI,
    ROOT,
    SEEDS,
    SHARED,
    SHARED_DATA,
    SNN,
    libya_rows,
    shared_path,
    write_libya_candidates,
)


# -- running in parallel (pytest-xdist: `-n auto --dist loadgroup` in pyproject.toml) ----------

#: Session fixtures that cost seconds to build: the modules that use one of them run on the same
#: worker, which builds it once (each worker is a process with its own session fixtures).
COSTLY = ("libya_candidates", "coarse_model", "persuasion_model")
#: At most this many workers: more would each build the costly fixtures again.
MAX_WORKERS = 4


def pytest_xdist_auto_num_workers(config):
    """``-n auto``: one worker per available core, at most MAX_WORKERS
    (``PYTEST_XDIST_AUTO_NUM_WORKERS`` overrides; ``-n 0`` runs in this process)."""
    env = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if env and env.isdigit():
        return int(env)
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1, MAX_WORKERS))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Schedule for pytest-xdist: a slow test (a notebook, a full-corpus run) that shares no
    fixture with its module is a unit of its own, scheduled first, so that none starts last;
    every other test runs with the rest of its module (its module-scoped fixtures are built
    once), and modules sharing a COSTLY session fixture run together.

    Without xdist the marks do nothing and only the order changes (no test depends on it).
    """
    def module(item):
        return item.nodeid.split("::", 1)[0]

    def shares_state(item):
        info = getattr(item, "_fixtureinfo", None)
        defs = [d for ds in (info.name2fixturedefs.values() if info else ()) for d in ds]
        return any(d.argname in COSTLY or d.scope in ("module", "class", "package")
                   for d in defs)

    parent = {}  # union-find of the modules over the costly fixtures they use

    def find(key):
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for item in items:
        for name in set(getattr(item, "fixturenames", ())) & set(COSTLY):
            parent[find(module(item))] = find(name)
    alone = set()
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        if item.get_closest_marker("slow") and not shares_state(item):
            alone.add(item.nodeid)
        else:
            item.add_marker(pytest.mark.xdist_group(find(module(item))))
    items.sort(key=lambda item: item.nodeid not in alone)  # stable: the lone slow tests first


# -- the seeds --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def seeds_dir():
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def bare_seeds(tmp_path):
    """The seed texts without metadata.csv: everything must come from the text."""
    folder = tmp_path / "bare"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def mini():
    """The mini codebook of tests/data, compiled."""
    from framing.features import CompiledCodebook

    return CompiledCodebook(MINI)


@pytest.fixture(scope="session")
def seeds_analysis():
    """``(corpus, analysis)`` of the seeds with the packaged codebook (do not modify them)."""
    from framing import analyze
    from framing.corpus import load_corpus

    corpus = load_corpus(SEEDS)
    return corpus, analyze(corpus)


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """The output folder of ``framing analyze seeds --out DIR`` (flat CSV; read it only)."""
    from framing.cli import main

    out = tmp_path_factory.mktemp("analyze")
    assert main(["analyze", str(SEEDS), "--out", str(out)]) == 0
    return out


# -- SaudiNewsNet: the Libya articles (../shared/data) -------------------------------------------

@pytest.fixture(scope="session")
def libya_candidates(tmp_path_factory):
    """The SaudiNewsNet articles whose raw line may concern Libya, loaded with load_corpus."""
    from framing.corpus import load_corpus

    src = shared_path(*SNN)
    path = write_libya_candidates(src, tmp_path_factory.mktemp("snn") / "libya-candidates.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # real feeds repeat items and carry empty texts
        return load_corpus(path)


@pytest.fixture(scope="session")
def libya(libya_candidates):
    """The ~380 Libya articles of SaudiNewsNet, their analysis, and the event hand labels."""
    from framing import analyze

    corpus = libya_rows(libya_candidates)
    gold = pd.read_csv(EVENTS_GOLD)
    return corpus, analyze(corpus), gold


@pytest.fixture(scope="session")
def libya_events(libya):
    from framing.events import group_events

    corpus, analysis, _ = libya
    return group_events(corpus, analysis)


# -- figure inputs ----------------------------------------------------------------------------

FIGURE_OUTLETS = {"بوابة الأهرام": 14, "Middle East Online": 6, "الوسط": 12}


@pytest.fixture(scope="session")
def run_tables(seed_texts):
    """Articles and actors tables of three outlets (Arabic and Latin names) over the seed texts."""
    rng = np.random.default_rng(3)
    rows, actor_rows = [], []
    labels = {"lna": [("الجيش الوطني الليبي", "legitimizing"), ("قوات حفتر", "delegitimizing")],
              "sisi": [("الرئيس المصري", "neutral")]}
    texts = list(seed_texts.values())
    for k, (outlet, n) in enumerate(FIGURE_OUTLETS.items()):
        for i in range(n):
            doc = f"{k}-{i}"
            row = {"doc_id": doc, "outlet": outlet,
                   "date": f"2025-{7 + i % 3:02d}-{1 + (3 * i) % 27:02d}",
                   "text": texts[(k + i) % len(texts)], "event_id": "cairo" if i < 2 else None}
            for t in ("elections", "border_security", "foreign_forces"):
                row[f"topic:{t}"] = int(rng.random() < 0.3 + 0.2 * k)
            for s in ("haftar", "sisi"):
                row[f"stance:{s}"] = rng.choice(["pro", "con", "neutral", "absent"])
            row["tone_score"] = float(np.clip(rng.normal(0.2 - 0.2 * k, 0.3), -1, 1))
            row["tone"] = "positive" if row["tone_score"] > 0.1 else "negative"
            rows.append(row)
            for actor, options in labels.items():
                label, connotation = options[(i + k) % len(options)]
                actor_rows.append({"doc_id": doc, "actor": actor, "label": label,
                                   "connotation": connotation, "count": 1 + i % 3})
    return pd.DataFrame(rows), pd.DataFrame(actor_rows)


@pytest.fixture(scope="session")
def figure_inputs(run_tables):
    """The compare tables each figure draws, keyed by figure."""
    from framing import compare
    from framing.errors import SmallSampleWarning

    articles, actors = run_tables
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        return {
            "shares": compare.topic_shares(articles, n_boot=100),
            "stance": compare.stance_distribution(articles, n_boot=100),
            "tone": compare.tone_over_time(articles, "M", n_boot=100),
            "actors": compare.actor_label_table(actors, articles),
            "terms": compare.distinctive_terms(articles, min_count=2),
            "event": compare.event_profile(articles, actors,
                                           articles.loc[articles["event_id"] == "cairo", "doc_id"]),
        }


# -- ArMPro (../shared/data) ------------------------------------------------------------------

@pytest.fixture(scope="session")
def armpro():
    from framing.models import read_armpro

    return read_armpro(shared_path(*ARMPRO, "ArMPro_multilabel_dev_V2.jsonl"))


@pytest.fixture(scope="session")
def sample(armpro):
    """A fixed subsample of whole articles (all paragraphs of a page stay together)."""
    pages = armpro["page_id"].drop_duplicates().sample(frac=0.45, random_state=3)
    return armpro[armpro["page_id"].isin(pages)].reset_index(drop=True)


@pytest.fixture(scope="session")
def coarse_model(sample):
    from framing.models import make_text_classifier
    from framing.models.persuasion import persuasion_targets

    Y, names = persuasion_targets(sample, "coarse")
    return make_text_classifier(C=0.01).fit(sample["text"].tolist(), Y), names, Y


# -- models trained by `framing train` ----------------------------------------------------------

def _train(argv):
    """Run ``framing train ARGV``; its exit code and what it printed."""
    from framing.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["train", *map(str, argv)])
    return code, out.getvalue()


@pytest.fixture(scope="session")
def persuasion_model(tmp_path_factory):
    """``framing train --task persuasion`` on 160 ArMPro paragraphs (a temporary subset; ArMPro
    is never copied into the repo): ``(model path, printed output, ArMPro lines)``."""
    src = shared_path(*ARMPRO, "ArMPro_multilabel_dev_V2.jsonl")
    lines = src.read_text(encoding="utf-8").splitlines()
    folder = tmp_path_factory.mktemp("persuasion")
    data = folder / "train.jsonl"
    data.write_text("\n".join(lines[:160]) + "\n", encoding="utf-8")
    model = folder / "persuasion.skops"
    code, out = _train(["--task", "persuasion", "--data", data, "--out", model,
                        "--level", "coarse", "--cv", "3"])
    assert code == 0
    return model, out, lines


FRAMES = [("الجيش الوطني يحقق النصر", "army"), ("هجوم إرهابي على الحدود", "terror"),
          ("الجيش يؤمن الحدود", "army"), ("إرهابيون يهاجمون القرية", "terror"),
          ("انتصار الجيش", "army"), ("هجوم الإرهاب", "terror"), ("بلا تصنيف", "")] * 3


@pytest.fixture(scope="session")
def frames_model(tmp_path_factory):
    """``framing train --task text`` on a coded CSV (text ``body``, label ``frame``):
    ``(model path, data path, printed output)``."""
    folder = tmp_path_factory.mktemp("frames")
    data = folder / "coded.csv"
    pd.DataFrame(FRAMES, columns=["body", "frame"]).to_csv(data, index=False)
    model = folder / "frames.skops"
    code, out = _train(["--task", "text", "--data", data, "--text-col", "body",
                        "--label-col", "frame", "--out", model])
    assert code == 0
    return model, data, out
