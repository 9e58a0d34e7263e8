"""``framing corpus PATH``: prints the summary, reports bad input in one line, writes nothing."""

from __future__ import annotations

import json

import pytest

from framing.cli import main
from framing.corpus import corpus_summary, format_summary, load_corpus
from helpers import BAD_INPUTS, BAD_OPTIONS, one_error_line, run_cli, write_folder

FLAGS = {"text_col": "--text-col", "id_col": "--id-col"}


def run(capsys, *args):
    code = main(["corpus", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_the_summary(seeds_dir, capsys):
    code, out, err = run(capsys, seeds_dir)
    assert code == 0 and err == ""
    assert out.strip() == format_summary(corpus_summary(load_corpus(seeds_dir)))
    assert "documents: 5" in out and "outlets: 5" in out


def test_json_summary(seeds_dir, capsys):
    code, out, _ = run(capsys, seeds_dir, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary == corpus_summary(load_corpus(seeds_dir))
    assert summary["documents"] == 5


def test_text_and_id_columns(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("key,words\nk1,نص أول.\nk2,نص ثان.\n", encoding="utf-8")
    code, _, err = run(capsys, path)
    assert code == 2 and "--text-col" in err
    code, out, _ = run(capsys, path, "--text-col", "words", "--id-col", "key", "--json")
    assert code == 0 and json.loads(out)["documents"] == 2


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_with_one_error_line(tmp_path, capsys, case):
    path, name, line = BAD_INPUTS[case](tmp_path)
    options = [x for key, value in BAD_OPTIONS.get(case, {}).items() for x in (FLAGS[key], value)]
    code, out, err = run(capsys, path, *options)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert name in lines[0]
    if line is not None:
        assert f"{name}:{line}:" in lines[0]


def test_warns_on_stderr_and_writes_nothing(tmp_path, capsys, monkeypatch, seed_texts):
    folder = write_folder(tmp_path / "c", {"legacy.txt": next(iter(seed_texts.values()))
                                           .encode("cp1256")})
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, out, err = run(capsys, "c")
    assert code == 0
    assert "documents: 1" in out and "cp1256" in out
    assert err.startswith("warning:") and "legacy.txt" in err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert folder.is_dir()


# -- a researcher's own data: any column names, spreadsheets, day-first dates -----------------

ENGLISH = ["Body", "Source", "Published", "Headline"]
ARABIC = ["النص", "المصدر", "التاريخ", "العنوان"]
FIELDS = ["text", "outlet", "date", "title"]


@pytest.fixture
def own_rows(seeds_dir, seed_texts):
    """The seed articles as a researcher's table: text, outlet, a day-first date, title."""
    import pandas as pd

    meta = pd.read_csv(seeds_dir / "metadata.csv", dtype=str, keep_default_na=False)
    meta = meta.set_index("doc_id")
    rows = []
    for doc_id in sorted(seed_texts):
        iso = meta.at[doc_id, "date"]
        day_first = f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""
        rows.append([seed_texts[doc_id], meta.at[doc_id, "outlet"], day_first,
                     meta.at[doc_id, "title"]])
    return rows


def test_own_data_in_four_forms_gives_the_same_articles_csv(tmp_path, capsys, own_rows,
                                                            monkeypatch):
    import datetime as dt

    import openpyxl
    import pandas as pd

    from framing import analyze, load_corpus
    from framing.features import CompiledCodebook

    codebook = CompiledCodebook("libya-egypt")  # compiled once for the four runs (2 s each)
    monkeypatch.setattr("framing.cli.analyze.compiled", lambda args: codebook)

    english = pd.DataFrame(own_rows, columns=ENGLISH)
    english.to_csv(tmp_path / "en.csv", index=False)
    english.set_axis(ARABIC, axis=1).to_csv(tmp_path / "ar.csv", index=False)
    book = openpyxl.Workbook()
    book.active.append(ENGLISH)
    for text, outlet, date, title in own_rows:  # real date cells, as Excel stores them
        cell = dt.datetime.strptime(date, "%d/%m/%Y") if date else None
        book.active.append([text, outlet, cell, title])
    book.save(tmp_path / "en.xlsx")

    mapping = ",".join(f"{a}={f}" for a, f in zip(ARABIC, FIELDS))
    runs = {"csv": ["en.csv", "--dayfirst"], "xlsx": ["en.xlsx"],
            "arabic": ["ar.csv", "--columns", mapping, "--dayfirst"]}
    for name, (path, *options) in runs.items():
        code, out, err = run_cli(capsys, "analyze", tmp_path / path, "--out", tmp_path / name,
                                 *options)
        assert code == 0, err
    frame = english.set_axis(ARABIC, axis=1)
    res = analyze(load_corpus(frame, columns=dict(zip(ARABIC, FIELDS)), dayfirst=True), codebook)
    res.save(tmp_path / "python")

    want = (tmp_path / "csv" / "articles.csv").read_bytes()
    for name in ("xlsx", "arabic", "python"):
        assert (tmp_path / name / "articles.csv").read_bytes() == want, name
    articles = pd.read_csv(tmp_path / "csv" / "articles.csv", dtype=str, keep_default_na=False)
    assert articles["outlet"].tolist() == [r[1] for r in own_rows]
    # 16/09/2025 read day first, and the dates the metadata lacks taken from the texts
    assert articles.loc[0, "date"] == "2025-09-16" and articles.loc[4, "date"] == "2026-02-17"
    assert articles["title"].tolist()[2:] == [r[3] for r in own_rows][2:]
    assert articles["n_sentences"].astype(int).gt(3).all()


def test_corpus_prints_the_mapping_and_the_extra_columns(tmp_path, capsys, own_rows):
    import pandas as pd

    frame = pd.DataFrame(own_rows, columns=ARABIC).assign(القسم="سياسة")
    frame.to_csv(tmp_path / "ar.csv", index=False)
    mapping = ",".join(f"{a}={f}" for a, f in zip(ARABIC, FIELDS))
    code, out, err = run(capsys, tmp_path / "ar.csv", "--columns", mapping, "--dayfirst")
    assert code == 0, err
    assert ("columns used: النص -> text, المصدر -> outlet, التاريخ -> date, العنوان -> title"
            in out)
    assert "carried as extra metadata): القسم" in out
    assert "dates: 2025-09-16 to 2026-02-17" in out
    # the same in JSON
    code, out, _ = run(capsys, tmp_path / "ar.csv", "--columns", mapping, "--dayfirst", "--json")
    assert json.loads(out)["columns"] == {"mapping": dict(zip(ARABIC, FIELDS)),
                                          "extras": {"القسم": "القسم"}}


def test_unknown_column_in_columns_is_one_line_listing_the_columns(tmp_path, capsys, own_rows):
    import pandas as pd

    pd.DataFrame(own_rows, columns=ARABIC).to_csv(tmp_path / "ar.csv", index=False)
    code, out, err = run(capsys, tmp_path / "ar.csv", "--columns", "Body=text")
    line = one_error_line(err)
    assert code == 2 and out == ""
    assert "no column 'Body'" in line and all(repr(c) in line for c in ARABIC)


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz", "c.csv", "c.parquet"])
def test_out_converts_to_one_file_that_reads_back_the_same(tmp_path, capsys, own_rows, name):
    import pandas as pd

    source = tmp_path / "ar.csv"
    pd.DataFrame(own_rows, columns=ARABIC).assign(القسم="سياسة").to_csv(source, index=False)
    mapping = ",".join(f"{a}={f}" for a, f in zip(ARABIC, FIELDS))
    out = tmp_path / name
    code, printed, err = run(capsys, source, "--columns", mapping, "--dayfirst", "--out", out)
    assert code == 0 and f"wrote {out} (5 documents)" in printed, err
    first = out.read_bytes()
    assert run(capsys, source, "--columns", mapping, "--dayfirst", "--out", out)[0] == 0
    assert out.read_bytes() == first  # the same bytes on a rerun
    original = load_corpus(source, columns=dict(zip(ARABIC, FIELDS)), dayfirst=True)
    again = load_corpus(out)  # the toolkit's own names: no mapping, no date options needed
    fields = ["doc_id", "outlet", "date", "title", "url", "text", "byline", "event_date", "القسم"]
    pd.testing.assert_frame_equal(again[fields], original[fields])


def test_out_with_an_unknown_suffix_is_refused_before_reading(tmp_path, capsys, seeds_dir):
    code, printed, err = run(capsys, seeds_dir, "--out", tmp_path / "c.txt")
    assert code == 2 and printed == "" and ".jsonl" in one_error_line(err)
    assert not (tmp_path / "c.txt").exists()
