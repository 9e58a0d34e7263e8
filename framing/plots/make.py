"""The whole figure set of a run, from the tables of ``framing analyze``."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from .. import compare
from ..errors import DataWarning, FigureSkippedWarning, FramingError, ParameterError
from ..io import write_table
from .actors import actor_labels_by_outlet
from .arabic import isolate
from .events import event_panel
from .heatmap import outlet_topic_heatmap
from .layout import check_lang
from .stance import stance_by_outlet
from .style import FORMATS, check_formats, figure_width, save_figure
from .terms import distinctive_terms_plot
from .tone import tone_over_time

_SAFE = re.compile(r"[^\w.-]+")  # characters not wanted in a file name (Arabic letters are fine)
#: The figures a folder of figures holds (and ``event_<id>``); with their data (``.csv``).
FIGURE_STEMS = ("topics_by_outlet", "stance_by_outlet", "tone_over_time", "actor_labels_by_outlet",
                "sourcing_by_outlet", "distinctive_terms", "persuasion_by_outlet")


def is_figure_entry(name):
    """Whether a folder entry is one of the files :func:`make_figures` writes (a figure in any
    format, its data, or the temporary file of one being written): the set that a new run
    replaces as a whole; any other file of the folder is kept."""
    if name.startswith(".") and name.endswith(".tmp"):
        name = name[1:].rsplit(".", 2)[0]  # .topics_by_outlet.png.XXXX.tmp
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() not in FORMATS + ("csv",):
        return False
    return stem in FIGURE_STEMS or stem.startswith("event_")


def _docs_table(articles, sentences, docs, by):
    """Documents with text and group: ``docs`` as given, else the sentences joined per article."""
    if docs is None and sentences is not None:
        if "sent_id" in sentences:
            sentences = sentences.sort_values(["doc_id", "sent_id"])
        docs = sentences.groupby("doc_id", sort=False)["text"].agg(" ".join).reset_index()
    if docs is None:
        raise FramingError("no article texts given", fix="pass docs= (doc_id, text) or sentences=")
    if by not in docs.columns:
        docs = docs.merge(articles[["doc_id", by]], on="doc_id", how="inner")
    return docs


def _events(articles, events):
    """``doc_id -> event_id`` from ``events`` or from an ``event_id`` column of ``articles``."""
    if events is None and "event_id" in articles.columns:
        events = articles[["doc_id", "event_id"]]
    if events is None:
        raise FramingError("no events given", fix="pass events= (doc_id, event_id)")
    return events.dropna(subset=["event_id"])


def _event_title(articles, ids, event_id):
    """``E0009 · 2015-07-21`` and, on a second line, the headline of the event's first article
    (isolated: its direction is its own)."""
    rows = articles[articles["doc_id"].isin(ids)]
    rows = rows.sort_values([c for c in ("date", "doc_id") if c in rows])
    parts = [str(event_id)]
    for col in ("date", "title"):
        value = rows[col].iloc[0] if col in rows and len(rows) else None
        if isinstance(value, str) and value:
            value = value if len(value) <= 70 else value[:69] + "…"
            parts.append(isolate(value) if col == "title" else value)
    head = " · ".join(p for p in parts if not p.startswith("\u2068"))
    return "\n".join([head] + [p for p in parts if p.startswith("\u2068")])


def _codebook_has_something(articles, actors, ids):
    """Whether the codebook found anything in these articles: a topic, a stance target
    mentioned, or an actor label (tone alone does not make an event worth a panel)."""
    rows = articles.loc[articles["doc_id"].isin(ids)]
    topics = [c for c in rows.columns if str(c).startswith("topic:")]
    if topics and (rows[topics].apply(pd.to_numeric, errors="coerce").fillna(0) > 0).any().any():
        return True
    stances = [c for c in rows.columns if str(c).startswith("stance:")]
    for col in stances:
        values = rows[col].astype("string").str.strip().str.lower()
        if (values.notna() & ~values.isin(["", "absent"])).any():
            return True
    return actors is not None and len(actors) and actors["doc_id"].isin(ids).any()


def make_figures(articles, actors=None, sentences=None, docs=None, *, out_dir, events=None,
                 by="outlet", lang="en", width="double", formats=("pdf", "png", "svg"),
                 freq="auto", n_terms=10, stopwords=None, n_boot=2000, random_state=0, min_n=10,
                 arabic_font="sans", write_data=True, max_events=6, labels=None, quotes=None,
                 persuasion=None):
    """Draw and save every figure the tables support; skip the others with a warning.

    Figures (file stems): ``topics_by_outlet``, ``stance_by_outlet``, ``tone_over_time``,
    ``actor_labels_by_outlet``, ``sourcing_by_outlet`` (with ``quotes``), ``distinctive_terms``,
    ``persuasion_by_outlet`` (with ``persuasion``) and one ``event_<id>`` per event covered by
    two or more outlets.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``articles.csv`` of a run.
    actors : pandas.DataFrame, optional
        ``actors.csv``; needed for the actor-label figure and the event panels' actor rows.
    sentences : pandas.DataFrame, optional
        ``sentences.csv``; its text, joined per article, feeds the distinctive-terms figure
        when ``docs`` is not given.
    docs : pandas.DataFrame, optional
        ``doc_id, text`` (the corpus) for the distinctive-terms figure.
    out_dir : str or os.PathLike
        Folder for the files (created if needed).
    events : pandas.DataFrame, optional
        ``doc_id, event_id``; default an ``event_id`` column of ``articles`` if there is one.
    max_events : int, default 6
        Event panels for at most this many events, those covered by most outlets (two or more)
        among the events in which the codebook finds something (a topic, a stance target or an
        actor label: a football match in a Libya selection gets no panel).
    by : str, default "outlet"
    lang : {"en", "ar"}, default "en"
    width : {"single", "double"} or float, default "double"
    formats : sequence of str, default ("pdf", "png", "svg")
        Any of :data:`framing.plots.style.FORMATS` (pdf, png, svg, tiff, eps, ps, jpeg); an
        other is a :class:`~framing.errors.ParameterError` before anything is drawn.
    freq : {"auto", "D", "W", "M"}, default "auto"
        Period of the tone series (:func:`framing.compare.tone_over_time`).
    n_terms : int, default 10
        Terms per outlet in the distinctive-terms figure.
    stopwords : None, "default", path or iterable
        Passed to :func:`framing.compare.distinctive_terms`.
    n_boot, random_state, min_n
        Bootstrap replicates, seed of the bootstrap, and small-sample threshold.
    arabic_font : {"sans", "naskh"}, default "sans"
    write_data : bool, default True
        Also write each figure's data as ``<stem>.csv``, so that every number in a figure can
        be traced and re-plotted.
    labels : mapping, optional
        Names of topics, targets and actors (and any other label) for every figure: the
        codebook's :meth:`~framing.codebook.Codebook.display_names`, or your own
        (:func:`framing.plots.label`).
    quotes : pandas.DataFrame, optional
        ``quotes.csv``; for the sourcing figure (who each outlet quotes) and the event panels'
        quote rows (who each outlet quotes on the same event).
    persuasion : pandas.DataFrame, optional
        ``persuasion_articles.csv`` of ``framing analyze --persuasion MODEL``; for the figure of
        persuasion techniques by outlet.

    Returns
    -------
    list of pathlib.Path
        Every file written (figures, then their data), in figure order.
    """
    check_lang(lang)
    figure_width(width)  # parameter mistakes are errors, not skipped figures
    formats = check_formats(formats)
    out_dir = Path(out_dir)
    style = dict(lang=lang, width=width, arabic_font=arabic_font, labels=labels)
    boot = dict(n_boot=n_boot, random_state=random_state, min_n=min_n)

    def topics():
        shares = compare.topic_shares(articles, by, **boot)
        return shares, outlet_topic_heatmap(shares, min_n=min_n, **style)

    def stance():
        dist = compare.stance_distribution(articles, by=by, among="mentioning", **boot)
        return dist, stance_by_outlet(dist, min_n=min_n, **style)

    def tone():
        with warnings.catch_warnings():  # the undated articles are counted in the figure's note
            warnings.simplefilter("ignore", DataWarning)
            series = compare.tone_over_time(articles, freq, by,
                                            **{**boot, "n_boot": min(n_boot, 1000)})
        undated = 0
        if "date" in articles:
            dates = pd.to_datetime(articles["date"], errors="coerce", format="ISO8601")
            undated = int(dates.isna().sum())
        return series, tone_over_time(series, n_undated=undated, **style)

    def actor_labels():
        if actors is None or actors.empty:
            raise FramingError("no actors table given or it is empty")
        table = compare.actor_label_table(actors, articles, by)
        return table, actor_labels_by_outlet(table, **style)

    def sourcing():
        from ..compare.sourcing import source_shares
        from .sourcing import sourcing_by_outlet

        if quotes.empty:
            raise FramingError("no quote was found in these articles")
        return (source_shares(quotes, articles, by=by, **boot),
                sourcing_by_outlet(quotes, articles, by=by, **boot, **style))

    def persuasion_fig():
        from ..models.persuasion_analysis import techniques_by_outlet
        from .persuasion import techniques_by_outlet_plot

        table = persuasion if by in persuasion else persuasion.merge(
            articles[["doc_id", by]], on="doc_id")
        shares = techniques_by_outlet(table, by=by, **boot)
        if shares.empty:
            raise FramingError("no article has a paragraph with persuasion scores")
        return shares, techniques_by_outlet_plot(shares, by=by, min_n=min_n, **style)

    def terms():
        table = compare.distinctive_terms(_docs_table(articles, sentences, docs, by), by,
                                          stopwords=stopwords)
        return table, distinctive_terms_plot(table, n_terms, **style)

    jobs = [("topics_by_outlet", topics), ("stance_by_outlet", stance),
            ("tone_over_time", tone), ("actor_labels_by_outlet", actor_labels),
            ("distinctive_terms", terms)]
    if quotes is not None:
        jobs.insert(4, ("sourcing_by_outlet", sourcing))
    if persuasion is not None:
        jobs.append(("persuasion_by_outlet", persuasion_fig))
    try:
        event_ids = _events(articles, events)
    except FramingError as exc:
        warnings.warn(f"event panels skipped: {exc}", FigureSkippedWarning, stacklevel=2)
    else:
        # The events most outlets covered: panels of one-outlet events say nothing.
        cover = event_ids.merge(articles[["doc_id", by]], on="doc_id")
        n_outlets = cover.groupby("event_id")[by].nunique()
        said = {e: _codebook_has_something(articles, actors, set(rows["doc_id"]))
                for e, rows in cover.groupby("event_id")}
        silent = [e for e in n_outlets.index if n_outlets[e] >= 2 and not said[e]]
        if silent:
            warnings.warn(f"{len(silent)} event(s) in which the codebook finds no topic, stance "
                          f"target or actor: no panel", FigureSkippedWarning, stacklevel=2)
        n_outlets = n_outlets[[said[e] for e in n_outlets.index]]
        chosen = n_outlets[n_outlets >= 2].sort_index().sort_values(ascending=False, kind="stable")
        skipped = int((n_outlets < 2).sum())
        if skipped:
            warnings.warn(f"{skipped} event(s) covered by one outlet only: no panel",
                          FigureSkippedWarning, stacklevel=2)
        if len(chosen) > max_events:
            warnings.warn(f"event panels for the {max_events} events covered by most outlets "
                          f"(of {len(chosen)}); raise max_events for more",
                          FigureSkippedWarning, stacklevel=2)
        for event_id in chosen.index[:max_events]:
            ids = list(event_ids.loc[event_ids["event_id"] == event_id, "doc_id"])

            def event(ids=ids, event_id=event_id):
                profile = compare.event_profile(articles, actors, ids, by, quotes=quotes)
                return profile, event_panel(profile, title=_event_title(articles, ids, event_id),
                                                    **style)

            jobs.append((f"event_{_SAFE.sub('_', str(event_id))}", event))

    from ..outdir import output_set

    written = []
    # The figures are drawn into a staging folder and published together: the folder holds the
    # figures of one run, never some of the last run beside some of this one.
    with output_set(out_dir, member=is_figure_entry, tag="figures-") as staging:
        for stem, job in jobs:
            try:
                data, fig = job()
            except ParameterError:
                raise
            except FramingError as exc:
                warnings.warn(f"figure {stem} skipped: {exc}", FigureSkippedWarning, stacklevel=2)
                continue
            written += [out_dir / p.name for p in save_figure(fig, staging / stem, formats)]
            if write_data:
                write_table(pd.DataFrame(data), staging / f"{stem}.csv")
                written.append(out_dir / f"{stem}.csv")
    return written
