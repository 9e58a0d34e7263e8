"""What a loaded corpus holds: documents per outlet, dates, encodings, duplicates, gaps."""

from __future__ import annotations

from .columns import SOURCED

_MISSING = ("outlet", "date", "title", "url")
_EXAMPLES = 5
_OUTLETS_SHOWN = 20


def _counts(series):
    """``{value: count}``, most frequent first, ties by value (deterministic)."""
    counts = series.value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def corpus_summary(df):
    """Describe a table from :func:`~framing.corpus.load_corpus`.

    Parameters
    ----------
    df : pandas.DataFrame

    Returns
    -------
    dict
        ``source``, ``documents``, ``outlets`` (documents per named outlet), ``dates``
        (``first``, ``last``, ``dated``), ``sources`` (per field: how many values came from
        ``metadata``/``text``/``unknown``), ``encodings``, ``duplicates`` (``documents``,
        ``examples`` as ``[doc_id, duplicate_of]``), ``empty_texts``, ``missing`` (empty
        outlet/date/title/url), ``repeated_titles`` (doc_ids), ``columns`` (``mapping``: input
        column -> field, as recognised or given; ``extras``: input column -> the name under which
        it is carried as extra metadata; none of the input's columns is dropped) and the load's
        ``warnings``. JSON-serialisable.

    Examples
    --------
    >>> corpus_summary(load_corpus("seeds"))["documents"]    # doctest: +SKIP
    5
    """
    dated = df.loc[df["date"] != "", "date"]
    dup = df[df["duplicate_of"] != ""]
    return {
        "source": df.attrs.get("source", ""),
        "documents": len(df),
        "outlets": _counts(df.loc[df["outlet"] != "", "outlet"]),
        "dates": {"first": dated.min() if len(dated) else None,
                  "last": dated.max() if len(dated) else None,
                  "dated": len(dated)},
        "sources": {f: _counts(df[f"{f}_source"]) for f in SOURCED},
        "encodings": _counts(df["encoding"]),
        "duplicates": {"documents": len(dup),
                       "examples": dup[["doc_id", "duplicate_of"]].head(_EXAMPLES).values.tolist()},
        "empty_texts": int((df["text"].str.strip() == "").sum()),
        "missing": {f: int((df[f] == "").sum()) for f in _MISSING},
        "repeated_titles": df.loc[df["repeated_title"], "doc_id"].tolist(),
        "columns": {"mapping": dict(df.attrs.get("columns", {})),
                    "extras": dict(df.attrs.get("extra_columns", {}))},
        "warnings": list(df.attrs.get("warnings", [])),
    }


def _column_lines(columns):
    """How the input's columns were read: the mapping used, and the extra columns kept."""
    if not columns or not (columns["mapping"] or columns["extras"]):
        return []
    mapping = ", ".join(src if src == field else f"{src} -> {field}"
                        for src, field in columns["mapping"].items())
    extras = ", ".join(src if src == name else f"{src} (as {name})"
                       for src, name in columns["extras"].items())
    return [f"columns used: {mapping or 'none'}",
            f"other columns (none ignored; carried as extra metadata): {extras or 'none'}"]


def _share(counts):
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def format_summary(summary):
    """The summary as plain text, one fact per line.

    Parameters
    ----------
    summary : dict
        From :func:`corpus_summary`.

    Returns
    -------
    str
    """
    n = summary["documents"]
    dates = summary["dates"]
    lines = [f"corpus: {summary['source']}", f"documents: {n}"]
    lines += _column_lines(summary.get("columns"))
    lines.append(f"outlets: {len(summary['outlets'])}")
    shown = list(summary["outlets"].items())[:_OUTLETS_SHOWN]
    width = max((len(name) for name, _ in shown), default=0)
    lines += [f"  {name:<{width}}  {count}" for name, count in shown]
    if len(summary["outlets"]) > _OUTLETS_SHOWN:
        lines.append(f"  and {len(summary['outlets']) - _OUTLETS_SHOWN} more (all in the JSON "
                     "summary)")
    if dates["dated"]:
        lines.append(f"dates: {dates['first']} to {dates['last']} ({dates['dated']} of {n} dated)")
    else:
        lines.append("dates: none")
    lines.append("value sources: " + "; ".join(
        f"{field} {_share(counts)}" for field, counts in summary["sources"].items()
        if field in _MISSING))
    lines.append(f"encodings: {_share(summary['encodings'])}")
    missing = {k: v for k, v in summary["missing"].items() if v}
    lines.append(f"missing metadata: {_share(missing)}")
    dup = summary["duplicates"]
    examples = ", ".join(f"{a} = {b}" for a, b in dup["examples"])
    lines.append(f"duplicates: {dup['documents']}" + (f" (e.g. {examples})" if examples else ""))
    if summary["empty_texts"]:
        lines.append(f"empty texts: {summary['empty_texts']}")
    if summary["repeated_titles"]:
        shown = ", ".join(summary["repeated_titles"][:_EXAMPLES])
        more = len(summary["repeated_titles"]) - _EXAMPLES
        lines.append(f"title line repeated: {shown}" + (f" and {more} more" if more > 0 else ""))
    lines += [f"warning: {w}" for w in summary["warnings"]]
    return "\n".join(lines)
