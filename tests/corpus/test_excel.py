"""framing.corpus.excel: spreadsheets (.xlsx, .ods; .xls through the same reader) as corpora."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from xml.sax.saxutils import escape

import pandas as pd
import pytest

from framing.corpus import load_corpus
from framing.corpus.excel import read_workbook, sheet_names
from framing.errors import CorpusError
from helpers import S000, S004, SEEDS, one_error_line, run_cli

openpyxl = pytest.importorskip("openpyxl")


def write_xlsx(path, sheets):
    """``{sheet name: rows}`` as an .xlsx workbook (rows: lists of cell values)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def write_ods(path, rows):
    """A minimal OpenDocument spreadsheet, as LibreOffice writes it (strings and numbers)."""
    def cell(v):
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
                "</table:table-cell>")
    body = "".join("<table:table-row>" + "".join(map(cell, r)) + "</table:table-row>"
                   for r in rows)
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Articles">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def write_encrypted_ods(path):
    """An OpenDocument spreadsheet saved with a password: its manifest lists encryption data."""
    write_ods(path, [["text"], ["نص"]])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["META-INF/manifest.xml"] = parts["META-INF/manifest.xml"].replace(
        b'manifest:media-type="text/xml"/>',
        b'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1"'
        b' manifest:checksum="x"/></manifest:file-entry>')
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def write_encrypted(path):
    """An OLE compound file holding the EncryptionInfo and EncryptedPackage streams, which is
    what Excel writes for a password-protected .xlsx (the streams are left empty)."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *[free] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, end, *[free] * 126)

    def entry(name, kind, child=free, right=free):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, free, right,
                                                   child) + b"\0" * 36 + struct.pack("<IQ", end, 0))
    directory = (entry("Root Entry", 5, child=1) + entry("EncryptionInfo", 2, right=2)
                 + entry("EncryptedPackage", 2) + b"\0" * 128)
    path.write_bytes(header + fat + directory)
    return path


@pytest.fixture
def seed_rows(seed_texts):
    meta = pd.read_csv(SEEDS / "metadata.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    return [[f"{i:02d}", seed_texts[d], meta.at[d, "outlet"], meta.at[d, "date"],
             meta.at[d, "title"]] for i, d in enumerate(sorted(seed_texts))]


def test_an_xlsx_reads_as_the_same_table_as_its_csv(tmp_path, seed_rows, seed_texts):
    header = ["ID", "Body", "Source", "Published", "Headline"]
    book = write_xlsx(tmp_path / "c.xlsx", {"Articles": [header, *seed_rows]})
    csv = tmp_path / "c.csv"
    pd.DataFrame(seed_rows, columns=header).to_csv(csv, index=False)
    from_xlsx, from_csv = load_corpus(book), load_corpus(csv)
    same = ["doc_id", "outlet", "date", "title", "text", "date_source", "title_source"]
    pd.testing.assert_frame_equal(from_xlsx[same], from_csv[same])
    assert from_xlsx["doc_id"].tolist() == ["00", "01", "02", "03", "04"]  # typed as text
    assert from_xlsx.loc[0, "text"] == seed_texts[S000].replace("\r\n", "\n")
    assert from_xlsx.loc[4, "date"] == "2026-02-17"
    # rows are counted as the spreadsheet program shows them (row 1 is the header)
    assert from_xlsx["path"].tolist() == [f"{book}#{n}" for n in range(2, 7)]
    assert from_xlsx.attrs["columns"] == {"ID": "doc_id", "Body": "text", "Source": "outlet",
                                          "Published": "date", "Headline": "title"}


def test_cells_become_strings_as_a_csv_would_hold_them(tmp_path, seed_texts):
    rows = [["doc_id", "text", "date", "n", "share", "note"],
            ["00", seed_texts[S004], dt.datetime(2026, 2, 17), 17, 0.25, None],
            ["7", seed_texts[S000], dt.datetime(2025, 9, 16, 14, 30), 3.0, 1.5, "مهم"]]
    table = read_workbook(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    assert table.frame.to_dict("list") == {
        "doc_id": ["00", "7"], "text": [seed_texts[S004], seed_texts[S000]],
        "date": ["2026-02-17", "2025-09-16 14:30:00"], "n": ["17", "3"],
        "share": ["0.25", "1.5"], "note": [None, "مهم"]}
    df = load_corpus(tmp_path / "t.xlsx")
    assert df["date"].tolist() == ["2026-02-17", "2025-09-16"]
    assert df["n"].tolist() == ["17", "3"] and df["doc_id"].tolist() == ["00", "7"]


def test_ods_and_header_below_empty_rows(tmp_path, seed_texts):
    path = write_ods(tmp_path / "c.ods", [["Body", "Source", "id"], [seed_texts[S004], "a", 7.0],
                                          [seed_texts[S000], "b", "00"]])
    df = load_corpus(path)
    assert df["doc_id"].tolist() == ["00", "7"] and df["outlet"].tolist() == ["b", "a"]
    book = write_xlsx(tmp_path / "gap.xlsx", {"S": [[], [None, None], ["text", "outlet"],
                                                    [seed_texts[S004], "x"], [], ["", ""],
                                                    [seed_texts[S000], "y"]]})
    df = load_corpus(book)
    assert df["outlet"].tolist() == ["x", "y"]
    assert df["path"].tolist() == [f"{book}#4", f"{book}#7"]


def test_sheet_by_name_or_number(tmp_path, seed_texts):
    book = write_xlsx(tmp_path / "b.xlsx", {
        "notes": [["text"], [seed_texts[S000]]],
        "2": [["text", "outlet"], [seed_texts[S004], "second"]],
        "third": [["text", "outlet"], [seed_texts[S004], "third"]]})
    assert sheet_names(book) == ["notes", "2", "third"]
    assert load_corpus(book)["text"].tolist() == [seed_texts[S000].replace("\r\n", "\n")]
    assert load_corpus(book, sheet="third")["outlet"].tolist() == ["third"]
    assert load_corpus(book, sheet=3)["outlet"].tolist() == ["third"]
    # a sheet named "2" is that sheet, not the second one
    assert load_corpus(book, sheet="2")["outlet"].tolist() == ["second"]


def _bad_books(tmp):
    yield "missing sheet", write_xlsx(tmp / "a.xlsx", {"Articles": [["text"], ["نص"]]}), \
        {"sheet": "Sheet9"}, ["Sheet9", "'Articles'"]
    yield "sheet number", write_xlsx(tmp / "n.xlsx", {"Articles": [["text"], ["نص"]]}), \
        {"sheet": 4}, ["number 4", "'Articles'"]
    yield "empty sheet", write_xlsx(tmp / "e.xlsx", {"Articles": [["text"], ["نص"]],
                                                     "Empty": []}), \
        {"sheet": "Empty"}, ["'Empty'", "empty"]
    yield "header only", write_xlsx(tmp / "h.xlsx", {"S": [["text", "outlet"]]}), {}, \
        ["no rows"]
    yield "unnamed column", write_xlsx(tmp / "u.xlsx", {"S": [["text", None], ["نص", "x"]]}), \
        {}, ["column B", "no name"]
    yield "encrypted", write_encrypted(tmp / "p.xlsx"), {}, ["password-protected",
                                                              "unprotected copy"]
    yield "encrypted ods", write_encrypted_ods(tmp / "p.ods"), {}, ["password-protected"]
    (tmp / "z.xlsx").write_bytes(b"PK\x03\x04" + b"\0broken" * 50)
    yield "corrupt", tmp / "z.xlsx", {}, ["corrupt", "save it again"]
    (tmp / "t.ods").write_text("doc_id,text\n1,نص\n", encoding="utf-8")
    yield "not a workbook", tmp / "t.ods", {}, ["not a readable workbook", "CSV"]
    (tmp / "0.xlsx").write_bytes(b"")
    yield "empty file", tmp / "0.xlsx", {}, ["is empty"]


@pytest.mark.parametrize("case", ["missing sheet", "sheet number", "empty sheet", "header only",
                                  "unnamed column", "encrypted", "encrypted ods", "corrupt",
                                  "not a workbook",
                                  "empty file"])
def test_bad_workbooks_are_one_line_errors_and_exit_2(tmp_path, capsys, case):
    name, path, options, words = next(c for c in _bad_books(tmp_path) if c[0] == case)
    with pytest.raises(CorpusError) as info:
        load_corpus(path, **options)
    message = str(info.value)
    assert path.name in message and all(w in message for w in words), message
    flags = [x for k, v in options.items() for x in (f"--{k}", v)]
    code, out, err = run_cli(capsys, "corpus", path, *flags)
    assert code == 2 and out == ""
    assert one_error_line(err) == f"error: {message}"


def test_sheet_option_on_a_file_that_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("text\nنص\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a spreadsheet"):
        load_corpus(path, sheet="Articles")
