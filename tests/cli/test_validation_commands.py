"""``framing diagnose``, ``framing suggest`` and ``framing calibrate``: the researcher's loop on
coded articles from the command line (the seeds, and the tuning part of the coded SaudiNewsNet
sample written to a temporary file -- never into the repository)."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest

from framing import load_codebook
from framing.validate.diagnose import COLUMNS
from framing.validate.yamledit import with_thresholds
from helpers import (SEEDS, SEEDS_GOLD, SNN, devset, one_error_line,
                     run_cli, shared_path, write_table)


@pytest.fixture(scope="module")
def codebooks(tmp_path_factory):
    """A copy of the packaged codebook, and the same with topic:elections out of reach."""
    folder = tmp_path_factory.mktemp("codebooks")
    text = (resources.files("framing") / "data" / "codebooks" / "libya-egypt.yaml").read_text(
        encoding="utf-8")
    (folder / "copy.yaml").write_text(text, encoding="utf-8")
    (folder / "moved.yaml").write_text(
        with_thresholds(text, {"topic:elections": {"min_weight": 99.0}}), encoding="utf-8")
    (folder / "minimal.yaml").write_text(
        'name: ct\nversion: "0.1"\ntopics:\n  counterterrorism:\n    cues:\n'
        '      - {cue: "إرهاب*", weight: 2.0}\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seeds_gold():
    return (SEEDS_GOLD / "seeds_articles.csv")


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    """The 110 coded SaudiNewsNet articles as a temporary JSONL corpus, and their gold table."""
    shared_path(*SNN)
    gold = shared_path("gold", "saudinewsnet_dev.csv")
    corpus = devset().dev_corpus()[["doc_id", "outlet", "date", "title", "text"]]
    return write_table(corpus, tmp_path_factory.mktemp("dev") / "dev.jsonl"), gold


def test_diagnose_prints_and_writes_the_explained_errors(capsys, codebooks, seeds_gold, tmp_path):
    out = tmp_path / "diagnosis.csv"
    code, printed, err = run_cli(capsys, "diagnose", SEEDS, "--gold", seeds_gold, "--codebook",
                                 codebooks / "moved.yaml", "--fields", "topic:elections",
                                 "--out", out)
    assert code == 0, err
    assert "below_min_weight" in printed and "< min_weight of the field 99.0" in printed
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == COLUMNS and set(table["kind"]) == {"FN"}
    assert set(table["doc_id"]) == set(pd.read_csv(seeds_gold, dtype=str).query(
        "`topic:elections` == '1'")["doc_id"])
    assert table["text"].str.len().gt(0).any()  # the sentences are in the file


def test_diagnose_reads_an_analysis_folder_with_its_own_codebook(capsys, codebooks, seeds_gold,
                                                                 tmp_path):
    folder = tmp_path / "analysis"
    code, _, err = run_cli(capsys, "analyze", SEEDS, "--codebook", codebooks / "copy.yaml",
                           "--out", folder)
    assert code == 0, err
    code, printed, err = run_cli(capsys, "diagnose", folder, "--gold", seeds_gold)
    assert code == 0, err
    assert "cause" in printed
    # another codebook than the analysis was made with is refused, in one line
    code, _, err = run_cli(capsys, "diagnose", folder, "--gold", seeds_gold, "--codebook",
                           codebooks / "moved.yaml")
    assert code == 2 and "another codebook" in one_error_line(err)


def test_suggest_ranks_terms_of_the_tuning_part(capsys, codebooks, dev, tmp_path):
    corpus, gold = dev
    out = tmp_path / "suggest.csv"
    code, printed, err = run_cli(capsys, "suggest", corpus, "--gold", gold, "--part", "tuning",
                                 "--field", "topic:counterterrorism", "--codebook",
                                 codebooks / "minimal.yaml", "--top", "5", "--out", out)
    assert code == 0, err
    assert "23 coded-1 articles against 48" in printed  # the tuning part only: 71 articles
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(table) == 5 and "داعش" in table["term"].head(3).tolist()
    assert "داعش" in printed


def test_calibrate_writes_the_same_codebook_twice(capsys, codebooks, seeds_gold, tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (a, b):
        code, printed, err = run_cli(capsys, "calibrate", SEEDS, "--gold", seeds_gold,
                                     "--codebook", codebooks / "copy.yaml", "--out", path,
                                     "--folds", "2", "--min-positive", "1")
        assert code == 0, err
    assert a.read_bytes() == b.read_bytes()
    cb = load_codebook(a)
    fields = [f for f in cb.fields if f in pd.read_csv(seeds_gold, nrows=0).columns]
    for field in fields:
        assert field in printed
    assert f"wrote {b}" in printed
    assert cb.meta["calibration"]["sample"]["size"] == 5
    assert list(cb.meta["calibration"]["fields"]) == fields


def test_calibrate_on_the_tuning_part_records_that_sample(capsys, codebooks, dev, tmp_path):
    corpus, gold = dev
    out = tmp_path / "calibrated.yaml"
    code, printed, err = run_cli(capsys, "calibrate", corpus, "--gold", gold, "--part", "tuning",
                                 "--codebook", codebooks / "copy.yaml", "--out", out)
    assert code == 0, err
    assert "cv_after" in printed and "sample sha256" in printed
    record = load_codebook(out).meta["calibration"]
    assert record["sample"]["size"] == 71 and record["folds"] == 5


@pytest.mark.parametrize("case", ["missing gold", "unknown field", "one fold", "no corpus",
                                  "unknown part"])
def test_bad_input_is_one_line_and_exit_2(case, capsys, codebooks, seeds_gold, tmp_path):
    args = {
        "missing gold": ["diagnose", SEEDS, "--gold", tmp_path / "absent.csv"],
        "unknown field": ["suggest", SEEDS, "--gold", seeds_gold, "--field", "topic:nothing"],
        "one fold": ["calibrate", SEEDS, "--gold", seeds_gold, "--out", tmp_path / "x.yaml",
                     "--folds", "1", "--codebook", codebooks / "copy.yaml"],
        "no corpus": ["diagnose", tmp_path / "absent", "--gold", seeds_gold],
        "unknown part": ["diagnose", SEEDS, "--gold", seeds_gold, "--part", "check"],
    }[case]
    if case == "unknown part":  # the check part is not offered: argparse refuses it
        with pytest.raises(SystemExit) as info:
            run_cli(capsys, *args)
        assert info.value.code == 2 and "invalid choice" in capsys.readouterr().err
        return
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    one_error_line(err)
    assert not (tmp_path / "x.yaml").exists()
