"""Reading spreadsheets (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``) into a raw table.

The reader is python-calamine (MIT), a binding of the Rust library calamine: one maintained
package reads all four formats, quickly and without executing anything in the file. The first
non-empty row of the sheet is the header; every cell becomes a string, so that a spreadsheet and
the same table saved as CSV give the same corpus:

- text cells as written (an id typed as text, ``00``, stays ``00``);
- numbers that are whole as integers (``17``, not ``17.0``; Excel keeps every number as a float),
  other numbers as Python writes them;
- dates as ISO ``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM:SS`` when the cell has a time of day);
- empty cells as missing values; empty rows are skipped.

Rows are counted as in the spreadsheet program (row 1 is the first row of the sheet), so an error
names the row the user sees.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..errors import CorpusError

#: Spreadsheet suffixes read by :func:`read_workbook`.
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_ZIP_MAGIC = b"PK\x03\x04"
_PROTECTED_FIX = ("open it in Excel or LibreOffice, remove the password (File > Info > Protect "
                  "Workbook, or Save As without a password) and save an unprotected copy")


def is_workbook(path):
    """Whether ``path`` names a spreadsheet by its suffix."""
    return Path(path).name.lower().endswith(EXCEL_SUFFIXES)


def _protected(path):
    return CorpusError("is a password-protected (encrypted) workbook, which cannot be read",
                       fix=_PROTECTED_FIX, path=path)


def _check_container(path, data):
    """Refuse what calamine would misreport: empty files, encrypted workbooks, non-spreadsheets."""
    if not data.strip(b"\0 \t\r\n"):
        raise CorpusError("is empty", fix="remove it, or save the workbook again", path=path)
    if data.startswith(_CFB_MAGIC):
        # Excel writes an encrypted .xlsx as an OLE container holding an EncryptedPackage stream.
        if _ENCRYPTED in data:
            raise _protected(path)
        return
    if data.startswith(_ZIP_MAGIC):
        if _encrypted_ods(data):
            raise _protected(path)
        return
    raise CorpusError("is not a readable workbook (neither an Office/OpenDocument file nor an "
                      "old .xls)", path=path,
                      fix="open it in Excel or LibreOffice and save it again as .xlsx or .ods, "
                          "or export the sheet as CSV")


def _encrypted_ods(data):
    """Whether a zip is an OpenDocument file whose parts are encrypted (saved with a password)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "META-INF/manifest.xml" not in z.namelist():
                return False
            return b"encryption-data" in z.read("META-INF/manifest.xml")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        return False  # calamine reports the damage


def _open(path):
    import python_calamine as calamine

    data = path.read_bytes()
    _check_container(path, data)
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise _protected(path) from None
    except (calamine.CalamineError, OSError, ValueError) as exc:
        detail = " ".join(str(exc).split())[:120]
        raise CorpusError(f"is a corrupt or unreadable workbook ({detail})", path=path,
                          fix="open it in Excel or LibreOffice and save it again, or export the "
                              "sheet as CSV") from None


def sheet_names(path):
    """The sheet names of a workbook, in workbook order."""
    path = Path(path)
    return list(_open(path).sheet_names)


def _pick_sheet(book, sheet, path):
    names = list(book.sheet_names)
    listing = ", ".join(map(repr, names)) or "none"
    if sheet is None:
        if not names:
            raise CorpusError("has no sheets", fix="add a sheet with the articles", path=path)
        return names[0]
    if isinstance(sheet, str) and sheet not in names and sheet.strip().lstrip("-").isdigit():
        sheet = int(sheet)  # --sheet 2 is the second sheet, unless a sheet is named "2"
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 1 <= sheet <= len(names):
            return names[sheet - 1]
        raise CorpusError(f"has no sheet number {sheet} (it has {len(names)}: {listing})",
                          fix="give a sheet name, or a number from 1", path=path)
    if sheet in names:
        return sheet
    raise CorpusError(f"has no sheet {sheet!r} (sheets: {listing})",
                      fix="give one of the sheet names listed, or its number (1 = first)",
                      path=path)


def cell_text(value):
    """One cell as a string, or ``None`` when it is empty.

    Examples
    --------
    >>> [cell_text(v) for v in ("00", 17.0, 2.5, True, "", dt.datetime(2025, 1, 10))]
    ['00', '17', '2.5', 'True', None, '2025-01-10']
    """
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _column_letter(i):
    letters = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_workbook(path, *, sheet=None):
    """Read one sheet of a workbook.

    Parameters
    ----------
    path : pathlib.Path
    sheet : str or int, optional
        The sheet's name, or its number counted from 1 (a string of digits is a number unless a
        sheet has that name). Default: the first sheet.

    Returns
    -------
    framing.corpus.readers.RawTable
        Columns as in the header row, values as strings (missing: ``None``), ``unit="row"``
        and the spreadsheet row number of each record.

    Raises
    ------
    framing.errors.CorpusError
        A sheet that does not exist (the message lists the sheets), an empty sheet, a header
        without names or with a name twice, a password-protected or corrupt workbook.
    """
    from .readers import RawTable

    path = Path(path)
    book = _open(path)
    name = _pick_sheet(book, sheet, path)
    where = f"{path} (sheet {name!r})"
    try:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine's errors for a damaged sheet are not all CalamineError
        raise CorpusError(f"sheet {name!r} cannot be read ({' '.join(str(exc).split())[:120]})",
                          fix="open the workbook and save it again, or export the sheet as CSV",
                          path=path) from None
    cells = [[cell_text(v) for v in row] for row in rows]
    filled = [i for i, row in enumerate(cells) if any(v is not None for v in row)]
    if len(filled) < 2:
        what = "is empty" if not filled else "has a header row but no rows of data"
        raise CorpusError(what, path=where,
                          fix="put the column names in the first row and one article per row "
                              "below, or choose another sheet with --sheet")
    head_row = filled[0]
    header, keep = [], []
    for j, value in enumerate(cells[head_row]):
        used = any(j < len(cells[i]) and cells[i][j] is not None for i in filled[1:])
        if value is None or not value.strip():
            if used:
                raise CorpusError(f"column {_column_letter(j)} has values but no name in the "
                                  f"header row (row {head_row + 1})", path=where,
                                  fix="type a column name in the header cell")
            continue
        header.append(value.strip())
        keep.append(j)
    dup = next((h for i, h in enumerate(header) if h in header[:i]), None)
    if dup is not None:
        raise CorpusError(f"names column {dup!r} twice (row {head_row + 1})", path=where,
                          fix="give each column its own name")
    data = [[cells[i][j] if j < len(cells[i]) else None for j in keep] for i in filled[1:]]
    frame = pd.DataFrame(data, columns=header, dtype=object)
    return RawTable(frame, path, [i + 1 for i in filled[1:]], "row", "utf-8")
