"""``framing export RESULTS --xlsx FILE --bom-csv FILE``: the articles table for Excel."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from helpers import one_error_line, run_cli

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def results(seeds_run, tmp_path):
    """A copy of the seeds' analysis with an id that looks like a number and a title that looks
    like a formula, the two things spreadsheets mangle."""
    folder = tmp_path / "results"
    shutil.copytree(seeds_run, folder)
    arts = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    arts.loc[0, "title"] = "=1+1 " + arts.loc[4, "title"]
    arts.to_csv(folder / "articles.csv", index=False, lineterminator="\n")
    return folder


def test_bom_csv_is_the_articles_table_with_a_byte_order_mark(seeds_run, tmp_path, capsys):
    out = tmp_path / "x" / "articles-excel.csv"
    code, printed, err = run_cli(capsys, "export", seeds_run, "--bom-csv", out)
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:] == (seeds_run / "articles.csv").read_bytes()
    arabic = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert "ميدل إيست أونلاين" in arabic["outlet"].tolist()
    assert sorted(p.name for p in out.parent.iterdir()) == ["articles-excel.csv"]  # no temp file


def test_xlsx_holds_the_table_as_values(results, tmp_path, capsys):
    out = tmp_path / "articles.xlsx"
    code, printed, err = run_cli(capsys, "export", results, "--xlsx", out, "--rtl")
    assert code == 0 and "5 rows" in printed, err
    want = pd.read_csv(results / "articles.csv", dtype=str, keep_default_na=False)
    ws = openpyxl.load_workbook(out)["articles"]
    assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == want.columns.tolist()
    got = pd.DataFrame(rows[1:], columns=rows[0])
    assert got["doc_id"].tolist() == want["doc_id"].tolist()
    assert got["outlet"].tolist() == want["outlet"].tolist()
    # the formula-like title is text, not a formula
    title = ws.cell(row=2, column=want.columns.get_loc("title") + 1)
    assert title.data_type == "s" and title.value == want.loc[0, "title"]
    # numbers are numbers (Excel can sum them), equal to the table's
    assert got["n_tokens"].tolist() == want["n_tokens"].astype(int).tolist()
    assert got["tone_score"].tolist() == pytest.approx(want["tone_score"].astype(float).tolist())
    # what the toolkit reads back from its own export is the table
    from framing.corpus.excel import read_workbook

    back = read_workbook(out).frame.fillna("")
    assert back["doc_id"].tolist() == want["doc_id"].tolist()
    assert back["title"].tolist() == want["title"].tolist()


def test_export_is_byte_for_byte_reproducible(seeds_run, tmp_path, capsys):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_cli(capsys, "export", seeds_run, "--xlsx", first, "--bom-csv",
                   tmp_path / "a.csv")[0] == 0
    assert run_cli(capsys, "export", seeds_run, "--xlsx", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_other_tables(seeds_run, tmp_path, capsys):
    out = tmp_path / "actors.csv"
    assert run_cli(capsys, "export", seeds_run, "--table", "actors", "--bom-csv", out)[0] == 0
    assert out.read_bytes()[3:] == (seeds_run / "actors.csv").read_bytes()


@pytest.mark.parametrize("case", ["nothing", "not analysis", "suffix", "own table"])
def test_mistakes_are_one_line(case, seeds_run, seeds_dir, tmp_path, capsys):
    args = {"nothing": [seeds_run],
            "not analysis": [seeds_dir, "--xlsx", tmp_path / "a.xlsx"],
            "suffix": [seeds_run, "--xlsx", tmp_path / "a.xls"],
            "own table": [seeds_run, "--bom-csv", seeds_run / "articles.csv"]}[case]
    before = (seeds_run / "articles.csv").read_bytes()
    code, out, err = run_cli(capsys, "export", *args)
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert {"nothing": "--xlsx", "not analysis": "not an analysis folder", "suffix": ".xlsx",
            "own table": "replace"}[case] in line
    assert (seeds_run / "articles.csv").read_bytes() == before
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "a.xls").exists()
