"""How each outlet names each actor: label counts by outlet, with the labels' connotation."""

from __future__ import annotations


from .independence import with_group


def actor_label_table(actors, articles=None, by="outlet"):
    """Count the labels used for each actor, per group.

    Parameters
    ----------
    actors : pandas.DataFrame
        The actors table (``doc_id, actor, label, connotation, count``).
    articles : pandas.DataFrame, optional
        Supplies ``by`` per ``doc_id`` when ``actors`` lacks it.
    by : str, default "outlet"

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, actor, label, connotation, count, n_articles, share``: ``count`` sums
        mentions, ``n_articles`` counts articles using the label, ``share`` is the label's part of
        the actor's mentions in that group. Sorted by group, actor, then count (descending).

    Examples
    --------
    >>> import pandas as pd
    >>> actors = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "actor": ["lna"] * 3,
    ...                        "label": ["الجيش الوطني", "قوات حفتر", "الجيش الوطني"],
    ...                        "connotation": ["legitimizing", "delegitimizing", "legitimizing"],
    ...                        "count": [2, 1, 1]})
    >>> arts = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["A", "A"]})
    >>> actor_label_table(actors, arts)[["label", "count", "n_articles", "share"]]
              label  count  n_articles  share
    0  الجيش الوطني      3           2   0.75
    1     قوات حفتر      1           1   0.25
    """
    data = with_group(actors, articles, by)
    # One connotation per label: a label coded two ways keeps the one it carries most often.
    connotation = (data.groupby(["actor", "label", "connotation"])["count"].sum()
                   .sort_values(ascending=False, kind="stable").reset_index()
                   .drop_duplicates(["actor", "label"])
                   .set_index(["actor", "label"])["connotation"])
    table = (data.groupby([by, "actor", "label"], sort=True)
             .agg(count=("count", "sum"), n_articles=("doc_id", "nunique")).reset_index())
    table.insert(3, "connotation", [connotation[(a, lab)] for a, lab in
                                    zip(table["actor"], table["label"])])
    table["share"] = table["count"] / table.groupby([by, "actor"])["count"].transform("sum")
    table = table.sort_values([by, "actor", "count", "label"], ascending=[True, True, False, True],
                              ignore_index=True)
    return table


def actor_label_pivot(table, values="count", by="outlet"):
    """Wide view of :func:`actor_label_table`: one row per actor label, one column per group.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of :func:`actor_label_table`.
    values : {"count", "n_articles", "share"}, default "count"
    by : str, default "outlet"

    Returns
    -------
    pandas.DataFrame
        Index ``(actor, label, connotation)``, columns the groups; missing cells are 0.
    """
    wide = table.pivot_table(index=["actor", "label", "connotation"], columns=by, values=values,
                             aggfunc="sum", fill_value=0)
    wide.columns.name = by
    return wide
