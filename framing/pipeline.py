"""The stages chained: select a corpus, analyse it once, draw its figures -- for the CLI and
notebooks alike.

:func:`run` is the main job (``framing run``); :func:`figures_for` draws every figure of an
:class:`~framing.analysis.Analysis`, with or without the corpus it came from; :func:`select`
keeps the articles that concern a subject, by a preset (``framing/data/presets/*.yaml``) or a
list of terms.

Examples
--------
>>> from framing import load_corpus, pipeline
>>> corpus = pipeline.select(load_corpus("snn.jsonl.gz"), "libya")      # doctest: +SKIP
>>> res = pipeline.run(corpus, "results/libya", figures="figures/libya")  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .analysis import Analysis, analyze, is_analysis, read_analysis
from .codebook.yamlsrc import load_yaml
from .errors import FramingError

PRESET_DIR = resources.files("framing") / "data" / "presets"


@dataclass(frozen=True)
class Preset:
    """A corpus selection: articles that mention ``terms`` at least ``min_hits`` times."""

    name: str
    terms: tuple
    min_hits: int = 2
    drop_duplicates: bool = True
    description: str = ""


def presets():
    """Names of the packaged selection presets."""
    return sorted(p.name[:-5] for p in PRESET_DIR.iterdir() if p.name.endswith(".yaml"))


def load_preset(name_or_path):
    """A packaged preset by name (``"libya"``) or a preset YAML file.

    Raises
    ------
    FramingError
        Unknown name, or a file without ``terms``.
    """
    ref = PRESET_DIR / f"{name_or_path}.yaml"
    path = Path(str(ref)) if ref.is_file() else Path(name_or_path)
    if not path.is_file():
        raise FramingError(f"unknown selection preset {name_or_path!r}",
                           fix=f"use one of {', '.join(presets())}, a preset YAML file, or "
                               "comma-separated terms")
    raw = load_yaml(path.read_text(encoding="utf-8"), str(path))
    terms = raw.get("terms") if isinstance(raw, dict) else None
    if not isinstance(terms, list) or not terms or not all(isinstance(t, str) for t in terms):
        raise FramingError("a preset needs a non-empty `terms:` list of words", path=path)
    return Preset(str(raw.get("name", path.stem)), tuple(terms), int(raw.get("min_hits", 2)),
                  bool(raw.get("drop_duplicates", True)), str(raw.get("description", "")))


def select(corpus, selection):
    """The articles of ``corpus`` that a selection keeps.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus table (:func:`framing.load_corpus`).
    selection : str, Preset or list of str
        A preset name or file (:func:`load_preset`), or the terms themselves (then two mentions
        are needed and exact duplicates are dropped, as in the packaged presets).

    Returns
    -------
    pandas.DataFrame
        The kept rows, in corpus order; ``attrs["selection"]`` describes the selection.
    """
    from .corpus import select_mentions

    if isinstance(selection, str):
        preset = load_preset(selection)
    elif isinstance(selection, Preset):
        preset = selection
    else:
        preset = Preset("terms", tuple(selection))
    kept = select_mentions(corpus, preset.terms, min_hits=preset.min_hits)
    if preset.drop_duplicates and "duplicate_of" in kept:
        kept = kept[kept["duplicate_of"] == ""]  # a text published twice counts once
    kept = kept.copy()
    kept.attrs["selection"] = (f"{', '.join(preset.terms)} "
                               f"({'twice' if preset.min_hits == 2 else preset.min_hits} or more)")
    return kept


def corpus_from_analysis(analysis):
    """A corpus table rebuilt from an analysis: metadata from ``articles``, text from
    ``sentences``.

    Every sentence stands at its own offsets, so evidence offsets keep pointing into the text,
    and each gap between sentences ends in a line break. The words are those of the original
    article (what the distinctive terms, the selection and the event leads read); layout
    outside the sentences (bullet marks, blank lines) is not kept. ``duplicate_of`` marks
    articles whose rebuilt text repeats an earlier one.
    """
    from .corpus import mark_duplicates

    arts = analysis.articles
    sents = analysis.sentences.sort_values(["doc_id", "sent_id"], kind="stable")
    texts = {}
    for doc_id, rows in sents.groupby("doc_id", sort=False):
        parts, pos = [], 0
        for start, end, text in zip(rows["start"], rows["end"], rows["text"]):
            if start > pos:
                parts.append(" " * (start - pos - 1) + "\n")
            parts.append(text)
            pos = end
        texts[str(doc_id)] = "".join(parts)
    corpus = arts[[c for c in ("doc_id", "outlet", "date", "title") if c in arts]].copy()
    corpus["doc_id"] = corpus["doc_id"].astype(str)
    corpus["text"] = [texts.get(d, "") for d in corpus["doc_id"]]
    corpus["duplicate_of"] = mark_duplicates(corpus["doc_id"].tolist(), corpus["text"].tolist())
    return corpus.reset_index(drop=True)


def open_input(path, codebook="libya-egypt", **load_kwargs):
    """A corpus or an analysis folder, as ``(corpus, analysis)``.

    An analysis folder (``framing analyze --out``) is read, not analysed again; its corpus is
    rebuilt from the analysis (:func:`corpus_from_analysis`). A corpus is loaded and its
    analysis is ``None``: the caller analyses it once, when it needs to.
    """
    from .corpus import load_corpus

    if is_analysis(path):
        analysis = read_analysis(path)
        return corpus_from_analysis(analysis), analysis
    return load_corpus(path, **load_kwargs), None


def subset(analysis, doc_ids):
    """The part of ``analysis`` that concerns ``doc_ids`` (every table filtered)."""
    keep = set(map(str, doc_ids))
    tables = {name: df[df["doc_id"].astype(str).isin(keep)].reset_index(drop=True)
              for name, df in analysis.tables().items()}
    return Analysis(**tables, run=analysis.run)


def codebook_of(analysis):
    """The codebook an analysis was made with (from its run record), or ``None`` when it cannot
    be found any more (a codebook file moved or deleted)."""
    from .codebook import load_codebook

    record = (analysis.run or {}).get("codebook") or {}
    path, name = record.get("path", ""), record.get("name", "")
    packaged = path.startswith("framing/data/codebooks/")
    try:
        return load_codebook(name if packaged else path) if (path or name) else None
    except FramingError:
        return None


def figures_for(analysis, out_dir, *, corpus=None, codebook=None, lang="en", width="double",
                formats=("pdf", "png", "svg"), with_events=True, persuasion=None):
    """Group the events of an analysed corpus and draw every figure into ``out_dir``.

    Parameters
    ----------
    analysis : Analysis
    out_dir : str or os.PathLike
    corpus : pandas.DataFrame, optional
        The corpus analysed (texts for the distinctive terms and the event leads); default
        rebuilt from the analysis (:func:`corpus_from_analysis`).
    codebook : Codebook, optional
        Whose ``display:`` names label the figures; default the analysis's own
        (:func:`codebook_of`).
    lang, width, formats
        See :func:`framing.plots.make_figures`.
    with_events : bool, default True
        Also group the articles into events and draw a panel for the events most outlets
        covered.
    persuasion : pandas.DataFrame, optional
        Per-article persuasion shares (``persuasion_articles`` of ``framing analyze
        --persuasion``) for the figure of techniques by outlet.

    Returns
    -------
    list of pathlib.Path
        Every file written. Notes on figures that the data cannot support are printed.
    """
    from .events import group_events
    from .plots import codebook_labels, make_figures

    corpus = corpus_from_analysis(analysis) if corpus is None else corpus
    codebook = codebook if codebook is not None else codebook_of(analysis)
    names = codebook_labels(codebook) if codebook is not None else None
    events = group_events(corpus, analysis) if with_events and len(corpus) > 1 else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = make_figures(analysis.articles, analysis.actors, sentences=analysis.sentences,
                             docs=corpus, out_dir=out_dir, events=events, lang=lang, width=width,
                             formats=formats, stopwords="default", labels=names,
                             quotes=analysis.quotes, persuasion=persuasion)
    for message in dict.fromkeys(str(w.message) for w in caught):  # each note once
        print(f"note: {message}")
    return paths


def run(corpus, out, codebook="libya-egypt", *, figures=None, fmt="csv", progress=False):
    """The main job: analyse ``corpus`` once, write its tables to ``out`` and, with
    ``figures``, draw its figures into that folder.

    Returns
    -------
    analysis : Analysis
    figure_paths : list of pathlib.Path
        The figure files written (empty without ``figures``).
    """
    res = analyze(corpus, codebook, progress=progress)
    res.save(out, fmt)
    cb = getattr(codebook, "codebook", None)  # a CompiledCodebook carries its Codebook
    return res, (figures_for(res, figures, corpus=corpus, codebook=cb) if figures else [])


def article_table(analysis, drop_scores=True):
    """The articles table for display: labels, without the score columns."""
    arts = analysis.articles
    if not drop_scores:
        return arts
    from . import schema

    scores = [c for c in arts.columns if schema.parse_field(c)[0] in (schema.SHARE,
                                                                       schema.STANCE_SCORE)]
    return arts.drop(columns=scores)


__all__ = ["Preset", "article_table", "codebook_of", "corpus_from_analysis", "figures_for",
           "load_preset", "open_input", "presets", "run", "select", "subset"]
