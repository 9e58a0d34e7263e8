"""``framing explain CORPUS DOC_ID``: why an article got its labels, as text or an RTL HTML page."""

from __future__ import annotations

import re

from framing.cli import main
from helpers import one_error_line, run_cli


def test_explain_html_is_rtl_and_highlights_evidence(seeds_dir, tmp_path, capsys):
    page = tmp_path / "why.html"
    assert main(["explain", str(seeds_dir), "004_07d685bfe4e10dc6", "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "<mark" in html and "رئيس الانقلاب" in html
    assert main(["explain", str(seeds_dir), "004_07d685bfe4e10dc6"]) == 0
    out = capsys.readouterr().out
    assert "stance:sisi = con" in out and "رئيس الانقلاب" in out
    assert main(["explain", str(seeds_dir), "nope"]) == 2


def test_explain_reads_an_analysis_folder_without_analysing_again(seeds_dir, seeds_run, tmp_path,
                                                                  capsys):
    doc = "004_07d685bfe4e10dc6"
    code, from_corpus, _ = run_cli(capsys, "explain", seeds_dir, doc)
    assert code == 0
    code, from_folder, _ = run_cli(capsys, "explain", seeds_run, doc)
    assert code == 0 and from_folder == from_corpus
    marks = []
    for source in (seeds_dir, seeds_run):
        page = tmp_path / f"{len(marks)}.html"
        assert run_cli(capsys, "explain", source, doc, "--html", page)[0] == 0
        marks.append(re.findall(r"<mark[^>]*>[^<]*</mark>", page.read_text(encoding="utf-8")))
    assert marks[0] == marks[1] and len(marks[0]) > 20  # the same evidence, highlighted alike
    code, _, err = run_cli(capsys, "explain", seeds_run, "nope")
    assert code == 2 and "no article with doc_id 'nope'" in one_error_line(err)
