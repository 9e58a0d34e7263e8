"""Reading label tables: reference labels (gold) and the toolkit's predictions, as strings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import FramingError, SchemaError


def read_labels(path):
    """Read a wide labels table -- CSV, Parquet, or the output folder of ``framing analyze``.

    Every cell is a string (``1`` and ``"1"`` are the same label; ids such as ``00`` stay as
    written).

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` and one column per field.
    """
    from ..analysis import is_analysis, read_analysis

    path = Path(path)
    if path.is_dir():
        if not is_analysis(path):
            raise FramingError("no articles.csv or articles.parquet here", path=path,
                               fix="point --pred at the --out folder of `framing analyze`")
        df = read_analysis(path).articles
    elif not path.exists():
        raise FramingError("file not found", path=path, fix="check the path")
    elif path.suffix == ".parquet":
        df = pd.read_parquet(path)
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "doc_id" not in df.columns:
        raise SchemaError("no doc_id column", path=path, fix="add a doc_id column")
    return df.astype(str)
