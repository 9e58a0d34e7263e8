"""``framing export RESULTS --xlsx FILE | --bom-csv FILE``: a table of an analysis for Excel.

Excel opens a plain UTF-8 CSV on double-click as if it were in the machine's legacy code page,
so Arabic comes out as mojibake; a UTF-8 byte-order mark (BOM) tells it the encoding. An
``.xlsx`` file needs no such care. Both keep ids as text (``00`` stays ``00``), and both are
written atomically with the same bytes on every run (the workbook's timestamps are fixed).

The ``.xlsx`` writer is openpyxl (MIT), a core dependency. Cells are written as values, never
as formulas: a title that begins with ``=`` stays text.
"""

from __future__ import annotations

import datetime as dt
import zipfile

from ..errors import FramingError

TABLES = ("articles", "sentences", "evidence", "actors", "quotes")
_EXCEL_MAX_ROWS = 1_048_576
_EXCEL_MAX_CELL = 32_767
_FIXED_TIME = dt.datetime(2000, 1, 1)  # what the workbook records as created and modified
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def add_parser(subparsers):
    p = subparsers.add_parser(
        "export", help="write a table of an analysis as .xlsx or as CSV that Excel opens",
        description="Write the articles table (or another table) of an analysis folder as an "
                    "Excel workbook (--xlsx) and/or as CSV with a UTF-8 byte-order mark "
                    "(--bom-csv), which Excel opens with the Arabic intact on double-click.")
    p.add_argument("results", metavar="RESULTS_DIR", help="the output folder of `framing analyze`")
    p.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook (.xlsx)")
    p.add_argument("--bom-csv", metavar="FILE", help="write CSV in UTF-8 with a byte-order mark")
    p.add_argument("--table", choices=TABLES, default="articles",
                   help="which table (default: articles)")
    p.add_argument("--rtl", action="store_true",
                   help="show the sheet right-to-left (columns from the right), as for Arabic")
    p.set_defaults(func=run)


def write_bom_csv(df, path):
    """Write ``df`` as CSV in UTF-8 with a byte-order mark (``\\n`` line ends), atomically."""
    from ..io import atomic_path

    with atomic_path(path) as tmp:
        df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")


def _cell_value(value, column, row):
    import pandas as pd
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, (bool, int, float)):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if len(text) > _EXCEL_MAX_CELL:
        raise FramingError(f"column {column!r} of row {row} holds {len(text)} characters, more "
                           f"than an Excel cell takes ({_EXCEL_MAX_CELL})",
                           fix="export this table with --bom-csv instead")
    return text


def write_xlsx(df, path, *, sheet="articles", rtl=False):
    """Write ``df`` as one sheet of an ``.xlsx`` workbook, atomically and reproducibly.

    Strings are text cells (never formulas), numbers numbers, missing values empty cells; the
    header row is frozen. ``rtl`` shows the sheet right-to-left.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from ..io import atomic_path

    if len(df) + 1 > _EXCEL_MAX_ROWS:
        raise FramingError(f"the table has {len(df)} rows, more than an Excel sheet takes",
                           fix="export it with --bom-csv instead")
    book = Workbook(write_only=True)
    book.properties.creator = "framing"
    book.properties.created = book.properties.modified = _FIXED_TIME
    ws = book.create_sheet(sheet)
    ws.freeze_panes = "A2"
    if rtl:
        ws.sheet_view.rightToLeft = True

    def text_cell(value):
        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # a value starting with "=" is text, not a formula
        return cell

    ws.append([text_cell(str(c)) for c in df.columns])
    columns = [str(c) for c in df.columns]
    for n, row in enumerate(df.itertuples(index=False, name=None), start=2):
        ws.append([text_cell(_cell_value(v, c, n)) for v, c in zip(row, columns)])
    with atomic_path(path) as tmp:
        book.save(tmp)
        _fix_zip_times(tmp)


def _fix_zip_times(path):
    """Rewrite the workbook's zip with fixed entry times and a fixed "modified" property
    (openpyxl stamps the time of saving), so that a rerun gives the same bytes."""
    import re

    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    stamp = _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            z.writestr(fixed, data)


def run(args):
    from pathlib import Path

    from ..analysis import read_analysis
    from ..errors import ParameterError

    if not args.xlsx and not args.bom_csv:
        raise ParameterError("nothing to write", fix="give --xlsx FILE and/or --bom-csv FILE")
    for out in (args.xlsx, args.bom_csv):
        if out and Path(out).resolve().parent == Path(args.results).resolve():
            if Path(out).name.startswith(f"{args.table}."):
                raise ParameterError(f"{out} would replace a table of the analysis",
                                     fix="write the export under another name or folder")
    if args.xlsx and not args.xlsx.lower().endswith(".xlsx"):
        raise ParameterError(f"{args.xlsx} does not end in .xlsx",
                             fix="name the workbook FILE.xlsx (Excel refuses other endings)")
    df = getattr(read_analysis(args.results), args.table)
    if args.xlsx:
        write_xlsx(df, args.xlsx, sheet=args.table, rtl=args.rtl)
        print(f"wrote {args.xlsx} ({len(df)} rows)")
    if args.bom_csv:
        write_bom_csv(df, args.bom_csv)
        print(f"wrote {args.bom_csv} ({len(df)} rows, UTF-8 with BOM)")
    return 0
