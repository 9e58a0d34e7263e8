"""Read human annotations into one tidy table: ``unit, coder, field, label``.

Three sources are understood:

- a tidy CSV with the columns ``unit, coder, field, label`` (extra columns are kept; rows with an
  empty label are units not yet coded, e.g. an export of :func:`framing.models.export_for_annotation`
  that was only partly filled in);
- a Label Studio JSON export (a list of tasks; each ``annotations[].result[]`` gives ``from_name``
  as the field and ``value.choices`` or ``value.labels`` as the label(s); ``completed_by`` is the
  coder);
- doccano JSONL (one record a line; ``label`` or ``labels`` is a list of class names or of
  ``[start, end, label]`` spans; the coder is ``annotator`` or ``user`` when present, else the file
  name, since doccano exports one file per user).

Span labels (Label Studio ``labels``, doccano ``[start, end, label]``) keep ``start`` and ``end``;
for agreement they are compared as presence per unit (:func:`as_presence`).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FramingError
from ..io import iter_jsonl

COLUMNS = ["unit", "coder", "field", "label"]
SPAN_COLUMNS = ["start", "end"]
# Keys that name the unit inside a Label Studio task's ``data`` or a doccano record, in order.
UNIT_KEYS = ("unit", "doc_id", "id")


def read_annotations(path, format=None, *, field="label", unit_key=None):
    """Read annotations from one file or several into a tidy table.

    Parameters
    ----------
    path : str, os.PathLike or list of them
        A tidy CSV, a Label Studio JSON export or a doccano JSONL file. Several files (e.g. one
        doccano export per coder) are read and stacked.
    format : {"csv", "label-studio", "doccano"}, optional
        Defaults to the file extension: ``.csv``, ``.json``, ``.jsonl``.
    field : str, default "label"
        Field name for doccano records, which do not name one.
    unit_key : str, optional
        Key of the unit id in a Label Studio task's ``data`` or a doccano record. By default the
        first of ``unit``, ``doc_id``, ``id`` that is present (for Label Studio, else the task id).

    Returns
    -------
    pandas.DataFrame
        Columns ``unit, coder, field, label`` (strings), plus ``start, end`` (nullable integers,
        empty for whole-unit labels) for sources with spans, plus any extra CSV columns.

    Examples
    --------
    >>> tidy = read_annotations("coding/round1.csv")            # doctest: +SKIP
    >>> tidy = read_annotations(["ali.jsonl", "sara.jsonl"], field="stance")  # doctest: +SKIP
    """
    if isinstance(path, (list, tuple)):
        if not path:
            raise FramingError("no annotation files given")
        tables = [read_annotations(p, format, field=field, unit_key=unit_key) for p in path]
        return pd.concat(tables, ignore_index=True)
    path = Path(path)
    if not path.is_file():
        raise FramingError("annotation file not found", path=path)
    format = format or _FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if format not in ("csv", "label-studio", "doccano"):
        raise FramingError(
            f"unknown annotation format {format!r}", path=path,
            fix="use a .csv (tidy), .json (Label Studio) or .jsonl (doccano) file, or pass format=",
        )
    if format == "csv":
        return read_tidy_csv(path)
    if format == "label-studio":
        return read_label_studio(path, unit_key=unit_key)
    return read_doccano(path, field=field, unit_key=unit_key)


_FORMATS_BY_SUFFIX = {".csv": "csv", ".json": "label-studio", ".jsonl": "doccano"}


def read_tidy_csv(path):
    """Read a tidy annotation CSV (``unit, coder, field, label``); rows without a label are dropped.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    pandas.DataFrame
    """
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise FramingError(f"cannot read as CSV ({exc})", path=path) from None
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise FramingError(
            f"missing column(s) {', '.join(missing)}", path=path, line=1,
            fix="a tidy annotation table has one row per unit, coder and field: "
                "unit,coder,field,label",
        )
    for col in COLUMNS:
        df[col] = df[col].str.strip()
    # A row without a label is a unit not coded yet (its coder cell is empty too).
    coded = df["label"].ne("").to_numpy()
    for col in ("unit", "coder", "field"):
        empty = np.flatnonzero(coded & df[col].eq("").to_numpy())
        if len(empty):
            # +2: the header is line 1 and data lines start at 2
            raise FramingError(f"empty {col}", path=path, line=int(empty[0]) + 2, key=col)
    return df[coded].reset_index(drop=True)


def read_label_studio(path, *, unit_key=None):
    """Read a Label Studio JSON export (the full "JSON" export, a list of tasks).

    Choice results give one row per chosen value; span results (``labels``) one row per span with
    ``start`` and ``end``. Cancelled annotations are skipped.

    Parameters
    ----------
    path : str or os.PathLike
    unit_key : str, optional
        Key in the task's ``data`` holding the unit id (default: ``unit``, ``doc_id`` or ``id`` if
        present there, else the task id).

    Returns
    -------
    pandas.DataFrame
    """
    tasks = _load_json(path)
    if not isinstance(tasks, list):
        raise FramingError(
            "expected a list of tasks", path=path,
            fix="export the project from Label Studio as 'JSON' (not JSON-MIN or CSV)",
        )
    rows = []
    for i, task in enumerate(tasks):
        where = f"task {i}"
        if not isinstance(task, dict) or "annotations" not in task:
            raise FramingError("task without 'annotations'", path=path, key=where)
        unit = _unit_id(task.get("data") or {}, unit_key, task.get("id", i), path)
        for ann in task["annotations"]:
            if ann.get("was_cancelled"):
                continue
            coder = _coder_name(ann.get("completed_by"))
            for res in ann.get("result", []):
                value = res.get("value")
                if not isinstance(value, dict) or "from_name" not in res:
                    raise FramingError("result without 'from_name' and 'value'", path=path, key=where)
                rows.extend(_label_studio_rows(value, unit, coder, res["from_name"]))
    return _frame(rows)


def _label_studio_rows(value, unit, coder, field):
    span = (value.get("start"), value.get("end"))
    for kind in ("choices", "labels"):
        for label in value.get(kind, []):
            yield unit, coder, field, str(label), *(span if kind == "labels" else (None, None))


def read_doccano(path, *, field="label", unit_key=None):
    """Read a doccano JSONL export.

    Parameters
    ----------
    path : str or os.PathLike
    field : str, default "label"
        The field these labels code (doccano does not store one).
    unit_key : str, optional
        Record key holding the unit id (default: ``unit``, ``doc_id`` or ``id``, else the line number).

    Returns
    -------
    pandas.DataFrame
    """
    path = Path(path)
    rows = []
    for lineno, rec in iter_jsonl(path):
        labels = rec.get("label", rec.get("labels", []))
        if not isinstance(labels, list):
            raise FramingError("'label' must be a list", path=path, line=lineno, key="label")
        unit = _unit_id(rec, unit_key, lineno, path)
        coder = str(rec.get("annotator", rec.get("user", path.stem)))
        for lab in labels:
            if isinstance(lab, list) and len(lab) == 3:
                start, end, name = lab
            elif isinstance(lab, (str, int)):
                start, end, name = None, None, lab
            else:
                raise FramingError(
                    f"cannot read label {lab!r}", path=path, line=lineno, key="label",
                    fix="labels are class names or [start, end, label] spans",
                )
            rows.append((unit, coder, field, str(name), start, end))
    return _frame(rows)


def _load_json(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise FramingError(f"not valid JSON ({exc.msg})", path=path, line=exc.lineno) from None


def _unit_id(record, unit_key, default, path):
    keys = [unit_key] if unit_key else UNIT_KEYS
    for key in keys:
        if key in record:
            return str(record[key])
    if unit_key:
        raise FramingError(f"no key {unit_key!r} in record {record!r:.80}", path=path, key=unit_key)
    return str(default)


def _coder_name(completed_by):
    # Label Studio writes a user id, or a user object in some versions.
    if isinstance(completed_by, dict):
        return str(completed_by.get("email") or completed_by.get("id"))
    return "unknown" if completed_by is None else str(completed_by)


def _frame(rows):
    df = pd.DataFrame(rows, columns=COLUMNS + SPAN_COLUMNS)
    for col in COLUMNS:
        df[col] = df[col].astype(str)
    for col in SPAN_COLUMNS:
        df[col] = pd.array(df[col], dtype="Int64")
    if df[SPAN_COLUMNS].isna().all().all():
        df = df[COLUMNS]
    return df


def wide_to_tidy(df, *, unit_col="doc_id", coder="gold", fields=None):
    """Turn a wide label table (one row per unit, one column per field) into the tidy form.

    Parameters
    ----------
    df : pandas.DataFrame
        E.g. a gold table ``doc_id, topic:elections, stance:haftar, ...`` or the toolkit's
        ``articles.csv``.
    unit_col : str, default "doc_id"
    coder : str, default "gold"
        Name given to the coder of this table.
    fields : list of str, optional
        Columns to take; by default all columns except ``unit_col``.

    Returns
    -------
    pandas.DataFrame
        ``unit, coder, field, label``; empty cells are dropped.
    """
    if unit_col not in df.columns:
        raise FramingError(f"no column {unit_col!r}", key=unit_col)
    fields = [c for c in df.columns if c != unit_col] if fields is None else list(fields)
    long = df.melt(id_vars=[unit_col], value_vars=fields, var_name="field", value_name="label")
    long = long.rename(columns={unit_col: "unit"})
    long["label"] = label_strings(long["label"])
    long["unit"] = long["unit"].astype(str)
    long["coder"] = coder
    return long.loc[long["label"] != "", COLUMNS].reset_index(drop=True)


def label_strings(values):
    """Labels as strings, with whole floats written as integers (``1.0`` -> ``"1"``), NaN -> ``""``.

    CSV readers turn a 1/0 column with a gap into floats; this keeps ``1`` and ``1.0`` the same label.
    """
    def one(v):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            return ""
        if isinstance(v, (float, np.floating)) and float(v).is_integer():
            return str(int(v))
        return str(v).strip()

    return pd.Series([one(v) for v in values], index=getattr(values, "index", None), dtype=object)


def as_presence(tidy):
    """Recode multi-valued fields (spans, multi-select) as one 1/0 field per label.

    A coder who coded a unit gets ``field:label = 1`` for each label they used on it and ``0`` for
    every other label of that field used by anyone on that unit.

    Parameters
    ----------
    tidy : pandas.DataFrame
        ``unit, coder, field, label``.

    Returns
    -------
    pandas.DataFrame
        ``unit, coder, field, label`` with fields named ``field:label`` and labels ``"1"``/``"0"``.
    """
    used = tidy[COLUMNS].drop_duplicates()
    coded = used[["unit", "coder", "field"]].drop_duplicates()
    labels = used[["unit", "field", "label"]].drop_duplicates()
    grid = coded.merge(labels, on=["unit", "field"])
    grid = grid.merge(used.assign(_hit=True), on=COLUMNS, how="left")
    return pd.DataFrame({
        "unit": grid["unit"],
        "coder": grid["coder"],
        "field": grid["field"] + ":" + grid["label"],
        "label": np.where(grid["_hit"].eq(True), "1", "0"),
    }).sort_values(COLUMNS, ignore_index=True)


def reliability_matrix(tidy, field):
    """Units × coders table of the labels given to one field (missing where a coder did not code).

    Parameters
    ----------
    tidy : pandas.DataFrame
        ``unit, coder, field, label``.
    field : str

    Returns
    -------
    pandas.DataFrame
        Index ``unit``, one column per coder.
    """
    sub = _one_field(tidy, field)
    return sub.pivot(index="unit", columns="coder", values="label")


def value_counts(tidy, field, categories=None):
    """Units × categories table: how many coders gave each label to each unit.

    Parameters
    ----------
    tidy : pandas.DataFrame
        ``unit, coder, field, label``.
    field : str
    categories : list, optional
        Column order (needed for ordinal data); by default the labels in sorted order.

    Returns
    -------
    pandas.DataFrame
        Index ``unit``, one integer column per category.
    """
    sub = _one_field(tidy, field)
    counts = pd.crosstab(sub["unit"], sub["label"])
    if categories is not None:
        unknown = sorted(set(counts.columns) - set(map(str, categories)))
        if unknown:
            raise FramingError(f"labels {unknown} are not among the categories given", key=field)
        counts = counts.reindex(columns=[str(c) for c in categories], fill_value=0)
    counts.columns.name = None
    return counts


def _one_field(tidy, field):
    missing = [c for c in COLUMNS if c not in tidy.columns]
    if missing:
        raise FramingError(f"annotation table lacks column(s) {missing}",
                           fix="read it with read_annotations")
    sub = tidy.loc[tidy["field"] == field, COLUMNS]
    if sub.empty:
        raise FramingError(f"no annotations for field {field!r}", key=field)
    dup = sub.duplicated(["unit", "coder"], keep=False)
    if dup.any():
        row = sub[dup].iloc[0]
        raise FramingError(
            f"coder {row['coder']} gave unit {row['unit']} more than one label", key=field,
            fix="for multi-label or span fields, recode with as_presence() first",
        )
    return sub


__all__ = [
    "COLUMNS", "as_presence", "label_strings", "read_annotations", "read_doccano",
    "read_label_studio", "read_tidy_csv", "reliability_matrix", "value_counts", "wide_to_tidy",
]
