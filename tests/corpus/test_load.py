"""framing.corpus.load: the seed folder, metadata.csv, ids, duplicates, bad input, real corpora."""

from __future__ import annotations

import hashlib
import json
import shutil
import time

import pandas as pd
import pytest

from framing.corpus import CorpusWarning, corpus_summary, load_corpus
from framing.corpus.columns import CORE, EXTRACTED, PROVENANCE, SOURCED
from framing.errors import CorpusError, FramingError
from helpers import (BAD_INPUTS, BAD_OPTIONS, MEO, S000, S001, S002, S003, S004, by_id,
                     load_quietly, shared_path, write_folder, write_table)


def test_seeds_load_five_documents_in_the_documented_layout(seeds_dir, seed_texts):
    df = load_corpus(seeds_dir)
    assert len(df) == 5
    assert df["doc_id"].tolist() == sorted(seed_texts)
    columns = df.columns.tolist()
    assert columns[:len(CORE)] == list(CORE)
    assert columns[-len(PROVENANCE):] == list(PROVENANCE)
    assert set(EXTRACTED) <= set(columns)
    # The text is the file's text (the seeds have no entities and no \r\n).
    assert df["text"].tolist() == [seed_texts[d] for d in df["doc_id"]]
    assert set(df["encoding"]) == {"utf-8"}
    assert (df["duplicate_of"] == "").all()


def test_seed_metadata_csv_gives_outlets_and_dates(seeds_dir):
    df = by_id(load_corpus(seeds_dir))
    assert df.loc[S004, "outlet"] == MEO
    assert [df.loc[d, "outlet"] for d in (S000, S001, S002, S003)] == [
        "source_000", "source_001", "source_002", "source_003"]
    assert (df["outlet_source"] == "metadata").all()
    assert df.loc[S000, ["date", "event_date"]].tolist() == ["2025-09-16", "2025-09-15"]
    assert df.loc[S004, "date"] == "2026-02-17"
    # Unknown stays empty and says so.
    assert df.loc[S001, "date"] == "" and df.loc[S001, "date_source"] == "unknown"


def test_seed_metadata_agrees_with_the_reference_dates(seeds_dir):
    gold = pd.read_csv(seeds_dir / "gold" / "seeds_articles.csv", dtype=str,
                       keep_default_na=False).set_index("doc_id")
    df = by_id(load_corpus(seeds_dir))
    assert df["date"].to_dict() == gold["published"].to_dict()
    assert df["event_date"].to_dict() == gold["event_date"].to_dict()


@pytest.mark.parametrize("name", ["seeds_articles.csv", "seeds_actor_labels.csv"])
def test_the_shipped_seed_labels_are_the_maintainers_coding(seeds_dir, seed_texts, name):
    """seeds/gold/ ships our coding of the seeds (so that a fresh clone can measure); it is the
    maintainers' working copy in ../shared/gold, where that is present."""
    shipped = seeds_dir / "gold" / name
    table = pd.read_csv(shipped, dtype=str, keep_default_na=False)
    assert set(table["doc_id"]) == set(seed_texts)  # every seed coded, nothing else
    # the folder is still the five articles: the labels are not read as documents
    assert load_corpus(seeds_dir)["doc_id"].tolist() == sorted(seed_texts)
    assert shipped.read_bytes() == shared_path("gold", name).read_bytes()


def test_seed_metadata_agrees_with_what_the_texts_establish(seeds_dir, bare_seeds):
    written = by_id(load_corpus(seeds_dir))
    extracted = by_id(load_corpus(bare_seeds))
    compared = 0
    for field in SOURCED:
        for doc_id, value in extracted[field].items():
            if value:
                assert written.loc[doc_id, field] == value, (doc_id, field)
                compared += 1
    assert compared >= 10


def test_metadata_wins_and_text_fills_only_the_gaps(tmp_path, seed_texts):
    folder = write_folder(tmp_path / "c", {f"{S004}.txt": seed_texts[S004]},
                          metadata=f"doc_id,outlet\n{S004},Outlet X\n")
    row = load_corpus(folder).iloc[0]
    assert row[["outlet", "outlet_source"]].tolist() == ["Outlet X", "metadata"]
    assert row[["date", "date_source"]].tolist() == ["2026-02-17", "text"]
    off = load_corpus(folder, extract_metadata=False).iloc[0]
    assert off[["date", "date_source", "date_candidates"]].tolist() == ["", "unknown", ""]


def test_rows_without_ids_are_numbered_in_file_order(tmp_path):
    frame = pd.DataFrame({"content": [f"نص رقم {i}." for i in range(12)]})
    df = load_corpus(write_table(frame, tmp_path / "n.csv"))
    assert df["doc_id"].tolist() == [f"{i:02d}" for i in range(12)]
    assert df["text"].tolist() == frame["content"].tolist()


def test_duplicates_are_flagged_and_kept(tmp_path):
    folder = write_folder(tmp_path / "d", {"a.txt": "نص مكرر.", "b.txt": "\n نص مكرر. \n",
                                           "c.txt": "نص آخر.", "d.txt": "نص مكرر."})
    with pytest.warns(CorpusWarning, match="2 document"):
        df = load_corpus(folder)
    assert df["duplicate_of"].tolist() == ["", "a", "", "a"]
    assert corpus_summary(df)["duplicates"]["documents"] == 2


def test_loading_is_deterministic_and_leaves_inputs_untouched(tmp_path, seeds_dir, seed_texts):
    folder = tmp_path / "s"
    shutil.copytree(seeds_dir, folder)
    (folder / "legacy.txt").write_bytes(seed_texts[S000].encode("cp1256"))
    def sums():
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in folder.rglob("*") if p.is_file()}

    before = sums()
    first, second = load_quietly(folder), load_quietly(folder)
    pd.testing.assert_frame_equal(first, second)
    after = sums()
    assert after == before


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_a_corpus_error_naming_the_file(tmp_path, case):
    path, name, line = BAD_INPUTS[case](tmp_path)
    with pytest.raises(CorpusError) as info:
        load_corpus(path, **BAD_OPTIONS.get(case, {}))
    message = str(info.value)
    assert isinstance(info.value, FramingError)
    assert name in message
    assert "Fix:" in message
    if line is not None:
        assert f"{name}:{line}:" in message


def test_bad_input_messages_say_what_to_do(tmp_path):
    def message(case, **kwargs):
        folder = tmp_path / case.replace(" ", "_")
        folder.mkdir()
        path, *_ = BAD_INPUTS[case](folder)
        with pytest.raises(CorpusError) as info:
            load_corpus(path, **kwargs)
        return str(info.value)

    assert "remove it or add its text" in message("empty file")
    assert "'ghost'" in message("metadata names a missing file")
    no_text = message("csv without text column")
    assert "'id', 'words'" in no_text and "--text-col" in no_text
    assert "UTF-8" in message("undecodable file")
    assert "line 2" in message("csv repeats an id")


@pytest.mark.slow
@pytest.mark.shared_data
def test_saudinewsnet_loads_whole(record_property):
    path = shared_path("data", "saudinewsnet", "saudinewsnet.jsonl.gz")
    start = time.perf_counter()
    df = load_quietly(path)
    seconds = time.perf_counter() - start
    record_property("saudinewsnet_load_seconds", round(seconds, 2))
    assert len(df) == 30_989
    assert df["outlet"].nunique() == 14
    assert df["date"].str.fullmatch(r"2015-0[78]-\d\d").all()
    assert (df["date_source"] == "metadata").all()
    assert df["doc_id"].is_unique and df["doc_id"].is_monotonic_increasing
    stripped = df["text"].str.strip()
    assert ((df["duplicate_of"] != "") == (stripped.duplicated() & (stripped != ""))).all()
    assert not df["text"].str.contains("&quot;", regex=False).any()
    assert any("no text" in w for w in df.attrs["warnings"])
    assert seconds < 30


@pytest.mark.shared_data
def test_armpro_paragraphs_with_free_text_dates():
    path = shared_path("data", "armpro", "ArMPro_binary_dev_V2.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with pytest.warns(CorpusWarning, match="not dates"):
        df = load_corpus(path)
    assert len(df) == len(records)
    source = {r["paragraph_id"]: r for r in records}
    row = df.iloc[0]
    assert row["text"] == source[row["doc_id"]]["paragraph"]
    assert row["outlet"] == source[row["doc_id"]]["page_domain"]
    # Dates written as "12 مايو/ أيار 2020" or ISO are read; ambiguous ones stay empty.
    assert (df["date"] != "").mean() > 0.9
    assert df.loc[df["date"] == "", "date_source"].eq("unknown").all()
