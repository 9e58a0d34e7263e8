"""Corpus loading: folders and tables, encodings, metadata from text, errors, summary."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import shutil
import time
import warnings

import datetime as dt

import pandas as pd
import pytest
from conftest import shared_path
from hypothesis import given
from hypothesis import strategies as st

from framing.corpus import (
    CorpusWarning,
    corpus_summary,
    extract_metadata,
    find_dates,
    format_summary,
    load_corpus,
    parse_date,
)
from framing.corpus.columns import CORE, EXTRACTED, PROVENANCE, SOURCED
from framing.corpus.dates import _MONTHS
from framing.errors import CorpusError, FramingError

S000, S001, S002, S003, S004 = (
    "000_d3e141acfa460186", "001_96635321e4ee60bd", "002_be25e2c6883d7c20",
    "003_19dffe29337ef76b", "004_07d685bfe4e10dc6",
)
MEO = "ميدل إيست أونلاين"


def load_quietly(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(path, **kwargs)


def by_id(df):
    return df.set_index("doc_id")


@pytest.fixture
def bare_seeds(tmp_path, seeds_dir):
    """The seed texts without metadata.csv: everything must come from the text."""
    folder = tmp_path / "bare"
    folder.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def write_folder(folder, files, metadata=None):
    """Create ``folder`` with ``{name: bytes or str}`` files and an optional metadata CSV text."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if metadata is not None:
        (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
    return folder


# --- the seed folder -------------------------------------------------------------------------

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
    gold = pd.read_csv(shared_path("gold", "seeds_articles.csv"), dtype=str,
                       keep_default_na=False).set_index("doc_id")
    df = by_id(load_corpus(seeds_dir))
    assert df["date"].to_dict() == gold["published"].to_dict()
    assert df["event_date"].to_dict() == gold["event_date"].to_dict()


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


# --- metadata from the text ------------------------------------------------------------------

def test_dates_are_read_from_the_seed_texts(bare_seeds):
    df = by_id(load_corpus(bare_seeds))
    assert "2025-09-15 event 'أمس الإثنين 15 سبتمبر 2025'" in df.loc[S000, "date_candidates"]
    # "أمس" dates the event; the article appeared the day after.
    assert df.loc[S000, ["event_date", "date"]].tolist() == ["2025-09-15", "2025-09-16"]
    assert "2026-02-17 published" in df.loc[S004, "date_candidates"]
    assert df.loc[S004, "date"] == "2026-02-17"
    assert df.loc[S004, "date_source"] == "text"
    # 002 says "أمس الاثنين" without a date: nothing is guessed.
    assert df.loc[S002, ["date", "event_date", "date_source"]].tolist() == ["", "", "unknown"]


def test_masthead_url_byline_dateline_title_are_read_from_the_seed_texts(bare_seeds):
    df = by_id(load_corpus(bare_seeds))
    assert df.loc[S004, ["outlet", "outlet_source"]].tolist() == [MEO, "text"]
    assert df.loc[S004, "title"].startswith("رئيس المخابرات المصرية")
    assert df.loc[S004, "url"].startswith("https://middle-east-online.com/")
    assert df.loc[S004, "url_source"] == "text"
    assert df.loc[S001, ["byline", "byline_source"]].tolist() == ["م/ خالد عبد العزيز", "text"]
    assert df.loc[S002, "dateline"] == "القاهرة"
    assert df.loc[S002, "title"] == "مصر توسع مجالات التعاون العسكري والأمني مع شرق ليبيا"
    # A long first sentence or a byline is not a title.
    assert df.loc[S000, "title"] == "" and df.loc[S001, "title"] == ""
    assert df.loc[S000, "outlet_source"] == "unknown"


def test_repeated_title_is_noticed_and_summarised(bare_seeds):
    df = by_id(load_corpus(bare_seeds))
    assert df["repeated_title"].to_dict() == {d: d == S003 for d in df.index}
    assert df.loc[S003, "title"] == "حفتر في القاهرة: مصر تسعى لإنهاء أزمة ليبيا"
    summary = corpus_summary(df.reset_index())
    assert summary["repeated_titles"] == [S003]
    assert S003 in format_summary(summary)


def test_metadata_wins_and_text_fills_only_the_gaps(tmp_path, seed_texts):
    folder = write_folder(tmp_path / "c", {f"{S004}.txt": seed_texts[S004]},
                          metadata=f"doc_id,outlet\n{S004},Outlet X\n")
    row = load_corpus(folder).iloc[0]
    assert row[["outlet", "outlet_source"]].tolist() == ["Outlet X", "metadata"]
    assert row[["date", "date_source"]].tolist() == ["2026-02-17", "text"]
    off = load_corpus(folder, extract_metadata=False).iloc[0]
    assert off[["date", "date_source", "date_candidates"]].tolist() == ["", "unknown", ""]


def test_extract_metadata_handles_a_text_with_nothing_to_find():
    meta = extract_metadata("نص قصير بلا عنوان ولا تاريخ.")
    assert {k: v for k, v in meta.items() if v} == {}


@pytest.mark.parametrize("phrase, iso", [
    ("الثلاثاء 17 فبراير 2026", "2026-02-17"),
    ("أمس الإثنين 15 سبتمبر 2025", "2025-09-15"),
    ("١٥ سبتمبر ٢٠٢٥", "2025-09-15"),
    ("3 كانون الثاني 2024", "2024-01-03"),
    ("28 شباط 2023", "2023-02-28"),
    ("1 تشرين الأول 2019", "2019-10-01"),
    ("30 تشرين الثاني 2019", "2019-11-30"),
    ("25 كانون الأول 2019", "2019-12-25"),
    ("9 آب 2024", "2024-08-09"),
    ("5 إبريل 2020", "2020-04-05"),
    ("5 ابريل 2020", "2020-04-05"),
    ("20 يونيه 2020", "2020-06-20"),
    ("4 يوليه 2021", "2021-07-04"),
    ("10 اغسطس 2015", "2015-08-10"),
    ("12 مايو/ أيار 2020", "2020-05-12"),
    ("3 تموز (يوليو) 2021", "2021-07-03"),
    ("٣ من شهر آذار عام ٢٠٢٤", "2024-03-03"),
    ("أبريل 30, 2020 01:00", "2020-04-30"),
    ("2015-07-21 02:51:32", "2015-07-21"),
])
def test_dates_written_in_arabic(phrase, iso):
    assert parse_date(phrase) == iso


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(date=st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), data=st.data())
def test_any_date_written_with_any_month_name_reads_back(date, data):
    month = data.draw(st.sampled_from(_MONTHS[date.month]))
    written = f"{date.day} {month} {date.year}"
    if data.draw(st.booleans()):
        written = written.translate(ARABIC_DIGITS)
    text = f"قال المتحدث في {written}، إن الاجتماع انتهى."
    assert [m.date for m in find_dates(text)] == [date]


@pytest.mark.parametrize("text", ["أمس الاثنين", "15 سبتمبر", "31 نيسان 2020", "منذ 2011",
                                  "2025-13-40"])
def test_incomplete_or_impossible_dates_are_not_guessed(text):
    assert find_dates(text) == []


# --- encodings and text cleaning -------------------------------------------------------------

def test_cp1256_file_loads_to_the_same_text_with_a_warning(tmp_path, seed_texts):
    text = seed_texts[S002]
    folder = write_folder(tmp_path / "legacy", {"a.txt": text.encode("cp1256")})
    with pytest.warns(CorpusWarning, match=r"a\.txt.*UTF-8"):
        df = load_corpus(folder)
    assert df["text"].iat[0] == text
    assert df["encoding"].iat[0] == "cp1256"
    assert any("a.txt" in w for w in corpus_summary(df)["warnings"])


@pytest.mark.parametrize("codec, encoded", [
    ("utf-8-sig", lambda t: t.encode("utf-8-sig")),
    ("utf-16", lambda t: t.encode("utf-16-le").join([b"\xff\xfe", b""])),
    ("utf-16", lambda t: t.encode("utf-16-be").join([b"\xfe\xff", b""])),
])
def test_bom_and_utf16_files_load_to_the_same_text(tmp_path, seed_texts, codec, encoded):
    text = seed_texts[S004]
    folder = write_folder(tmp_path / "enc", {"a.txt": encoded(text)})
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        df = load_corpus(folder)
    assert df["text"].iat[0] == text
    assert df["encoding"].iat[0] == codec


def test_explicit_encoding_is_used(tmp_path, seed_texts):
    folder = write_folder(tmp_path / "enc", {"a.txt": seed_texts[S001].encode("cp1256")})
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        df = load_corpus(folder, encoding="cp1256")
    assert df["text"].iat[0] == seed_texts[S001]


def test_html_entities_are_unescaped_and_crlf_becomes_lf(tmp_path):
    text = "قال &quot;نعم&quot; &#8220;لا&#8221;\r\nسطر\rآخر"
    folder = write_folder(tmp_path / "h", {"a.txt": text},
                          metadata="doc_id,title\na,&quot;عنوان&quot; &amp; آخر\n")
    row = load_corpus(folder).iloc[0]
    assert row["text"] == "قال \"نعم\" \u201cلا\u201d\nسطر\rآخر"
    assert row["title"] == "\"عنوان\" & آخر"


# --- tables ----------------------------------------------------------------------------------

TABLE = pd.DataFrame({
    "ID": ["b2", "b10", "a1"],
    "headline": ["عنوان &amp; أول", "عنوان ثان", "عنوان ثالث"],
    "Body": ["نص أول\nفي سطرين.", "نص ثان.", "نص ثالث."],
    "publisher": ["alyaum", "okaz", "okaz"],
    "published": ["2015-07-21 02:51:32", "12 مايو/ أيار 2020", ""],
    "link": ["http://a", "http://b", ""],
    "section": ["سياسة", "رياضة", "اقتصاد"],
})


def write_table(frame, path):
    name = path.name
    if name.endswith(".csv"):
        frame.to_csv(path, index=False)
    elif name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records"))
        path.write_bytes(gzip.compress(lines.encode()) if name.endswith(".gz") else lines.encode())
    return path


@pytest.mark.parametrize("name", ["t.csv", "t.jsonl", "t.jsonl.gz", "t.parquet"])
def test_tables_with_common_column_names(tmp_path, name):
    df = load_quietly(write_table(TABLE, tmp_path / name))
    assert df["doc_id"].tolist() == ["a1", "b2", "b10"]  # numbers in ids sort as numbers
    row = by_id(df).loc["b2"]
    assert row[["outlet", "date", "title", "url"]].tolist() == [
        "alyaum", "2015-07-21", "عنوان & أول", "http://a"]
    assert row["text"] == "نص أول\nفي سطرين."
    assert by_id(df).loc["b10", "date"] == "2020-05-12"
    assert by_id(df).loc["b10", "date_raw"] == "12 مايو/ أيار 2020"
    assert by_id(df).loc["a1", "date_source"] == "unknown"
    assert by_id(df)["section"].tolist() == ["اقتصاد", "سياسة", "رياضة"]
    extras = df.columns[len(CORE):df.columns.get_loc(EXTRACTED[0])].tolist()
    assert extras == ["section", "date_raw"]


def test_table_line_numbers_are_kept(tmp_path):
    path = write_table(TABLE, tmp_path / "t.csv")
    df = by_id(load_quietly(path))
    # b2's quoted text spans two lines, so the next record starts on line 4.
    assert [df.loc[d, "path"] for d in ("b2", "b10", "a1")] == [
        f"{path}:2", f"{path}:4", f"{path}:5"]


def test_column_mapping_and_text_col(tmp_path):
    frame = pd.DataFrame({"paragraph_key": ["p1", "p2"], "para": ["نص أول.", "نص ثان."],
                          "page_domain": ["bbc.com", "rt.com"], "when": ["2020-01-02", ""]})
    path = write_table(frame, tmp_path / "m.jsonl")
    df = load_corpus(path, text_col="para", id_col="paragraph_key", columns={"when": "date"})
    assert df[["doc_id", "text", "outlet", "date"]].values.tolist() == [
        ["p1", "نص أول.", "bbc.com", "2020-01-02"], ["p2", "نص ثان.", "rt.com", ""]]
    assert "when" not in df and "para" not in df


def test_parquet_index_is_kept_as_a_column(tmp_path):
    path = tmp_path / "i.parquet"
    TABLE.rename(columns={"ID": "doc_id"}).set_index("doc_id").to_parquet(path)
    assert sorted(load_quietly(path)["doc_id"]) == sorted(TABLE["ID"])


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
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    first, second = load_quietly(folder), load_quietly(folder)
    pd.testing.assert_frame_equal(first, second)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before


# --- bad input -------------------------------------------------------------------------------

def _bad_folder_file(tmp, name, data):
    folder = write_folder(tmp / "c", {"ok.txt": "نص.", name: data})
    return folder, name, None


def _csv(tmp, rows, name="t.csv"):
    path = tmp / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


BAD_INPUTS = {
    "missing path": lambda tmp: (tmp / "absent", "absent", None),
    "binary file": lambda tmp: _bad_folder_file(tmp, "scan.txt", b"%PDF-1.4\x00\x01\x02binary"),
    "undecodable file": lambda tmp: _bad_folder_file(tmp, "latin.txt",
                                                     "caf\xe9 cr\xe8me".encode("latin-1")),
    "empty file": lambda tmp: _bad_folder_file(tmp, "blank.txt", " \n\n"),
    "folder without txt": lambda tmp: (write_folder(tmp / "c", {"notes.md": "x"}), "c", None),
    "metadata names a missing file": lambda tmp: (
        write_folder(tmp / "c", {"a.txt": "نص."}, metadata="doc_id,outlet\na,x\nghost,y\n"),
        "metadata.csv", 3),
    "metadata repeats an id": lambda tmp: (
        write_folder(tmp / "c", {"a.txt": "نص."}, metadata="doc_id,outlet\na,x\na,y\n"),
        "metadata.csv", 3),
    "metadata without doc_id": lambda tmp: (
        write_folder(tmp / "c", {"a.txt": "نص."}, metadata="file,outlet\na,x\n"),
        "metadata.csv", 1),
    "csv repeats an id": lambda tmp: (
        _csv(tmp, [["id", "text"], ["1", "سطر\nثان"], ["2", "نص"], ["1", "نص"]]), "t.csv", 5),
    "csv without text column": lambda tmp: (
        _csv(tmp, [["id", "words"], ["1", "نص"]]), "t.csv", None),
    "csv with a short row": lambda tmp: (
        _csv(tmp, [["id", "text"], ["1", "نص"], ["2"]]), "t.csv", 3),
    "jsonl repeats an id": lambda tmp: (
        write_table(pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["x", "y", "z"]}),
                    tmp / "t.jsonl"), "t.jsonl", 3),
    "unreadable jsonl line": lambda tmp: (
        _write(tmp / "t.jsonl", '{"text": "نص"}\n\n{"text": "نص\n'), "t.jsonl", 3),
    "csv with a header only": lambda tmp: (_csv(tmp, [["id", "text"]]), "t.csv", None),
    "unknown file type": lambda tmp: (_write(tmp / "corpus.docx", "x"), "corpus.docx", None),
    "text column not found": lambda tmp: (
        _csv(tmp, [["id", "body"], ["1", "نص"]], name="t.csv"), "t.csv", None),
}
BAD_OPTIONS = {"text column not found": {"text_col": "article_body"}}


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


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


# --- summary ---------------------------------------------------------------------------------

def test_summary_counts(seeds_dir):
    df = load_corpus(seeds_dir)
    summary = corpus_summary(df)
    assert summary["documents"] == 5
    assert summary["outlets"] == dict.fromkeys(sorted(df["outlet"]), 1)
    assert summary["dates"] == {"first": "2025-09-16", "last": "2026-02-17", "dated": 2}
    assert summary["missing"] == {
        f: int((df[f] == "").sum()) for f in ("outlet", "date", "title", "url")}
    assert summary["encodings"] == {"utf-8": 5}
    assert json.loads(json.dumps(summary, ensure_ascii=False)) == summary
    text = format_summary(summary)
    for fact in ("documents: 5", "outlets: 5", MEO, "2025-09-16 to 2026-02-17", "duplicates: 0"):
        assert fact in text


def test_summary_text_lists_the_largest_outlets_first(tmp_path):
    outlets = [f"outlet{i:02d}" for i in range(25) for _ in range(i + 1)]
    frame = pd.DataFrame({"text": [f"نص {i}." for i in range(len(outlets))], "outlet": outlets})
    text = format_summary(corpus_summary(load_corpus(write_table(frame, tmp_path / "o.csv"))))
    listed = [line.split()[0] for line in text.splitlines() if line.startswith("  outlet")]
    assert listed == [f"outlet{i:02d}" for i in range(24, 4, -1)]
    assert "and 5 more" in text


# --- real corpora ----------------------------------------------------------------------------

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
