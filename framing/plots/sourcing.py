"""Sourcing by outlet: one stacked bar per outlet of the source types of its quotes.

Drawn from the quotes table and the articles table (:func:`framing.compare.sourcing.source_shares`
computes the shares): each bar is an outlet's mean share of official, expert, media, report,
unnamed and other sources among the quotes of its articles, with ``(n=...)`` the articles that
quote anyone; a dagger marks an outlet with fewer than ``min_n`` such articles. A second panel
gives the share of quotes that give the voice to each of the most quoted actors of the codebook,
with its bootstrap interval.
"""

from __future__ import annotations

import warnings

import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from ..compare.sourcing import source_shares
from ..errors import SmallSampleWarning
from . import layout
from .style import GREY, LIGHT_GREY, OKABE_ITO, figure_style

#: Display names of the protocol's source types (en, ar).
SOURCE_LABELS = {
    "official": ("official", "رسمي"), "expert": ("expert", "خبير"),
    "media": ("media", "إعلام"), "report": ("report / statement", "تقرير أو بيان"),
    "unnamed": ("unnamed", "مصدر مجهل"), "other": ("other", "آخرون"),
    "axis:quote_share": ("Mean share of an article's quotes", "متوسط نسبة الاقتباسات في المقال"),
    "title:types": ("Who is quoted: source types", "من يُقتبس: أنواع المصادر"),
    "title:actors": ("Quotes giving the voice to each actor", "الاقتباسات المنسوبة إلى كل فاعل"),
    "note:small_n": ("† fewer than {n} articles with quotes", "† أقل من {n} مقالات فيها اقتباسات"),
}
SOURCE_COLORS = {"official": OKABE_ITO["blue"], "expert": OKABE_ITO["bluish_green"],
                 "media": OKABE_ITO["orange"], "report": OKABE_ITO["sky_blue"],
                 "unnamed": OKABE_ITO["vermillion"], "other": GREY}
SOURCE_HATCHES = {"official": "", "expert": "////", "media": "....", "report": "\\\\\\\\",
                  "unnamed": "xxx", "other": ""}


def _text(key, lang, labels=None):
    if labels and key in labels:
        return layout.mpl_text(labels[key])
    en, ar = SOURCE_LABELS.get(key, (key, key))
    return layout.mpl_text(ar if lang == "ar" else en)


def sourcing_by_outlet(quotes, articles, *, by="outlet", lang="en", width="double", labels=None,
                       min_n=10, top_actors=5, n_boot=2000, ci=0.95, random_state=0,
                       arabic_font="sans"):
    """Who each outlet quotes: source types (stacked bars) and the most quoted actors (dots).

    Parameters
    ----------
    quotes, articles : pandas.DataFrame
        The quotes and articles tables of one analysis.
    top_actors : int, default 5
        Actors in the second panel (0: no second panel).
    min_n, n_boot, ci, random_state
        See :func:`framing.compare.sourcing.source_shares`.
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout.check_lang(lang)
    types = source_shares(quotes, articles, by=by, n_boot=0, min_n=min_n)
    with warnings.catch_warnings():  # the same outlets were just flagged for the source types
        warnings.simplefilter("ignore", SmallSampleWarning)
        actors = source_shares(quotes, articles, by=by, what="actor", top=top_actors,
                               n_boot=n_boot, ci=ci, random_state=random_state,
                               min_n=min_n) if top_actors else None
    gcol = by
    info = types.groupby(gcol, sort=True)[["n_articles", "small_n"]].first()
    info = info[info["n_articles"] > 0]
    outlets = list(info.sort_values("n_articles", ascending=False, kind="stable").index)
    cats = layout.in_order(types["source_type"])
    show_actors = actors is not None and len(actors) and actors["n_quotes"].sum() > 0
    with figure_style(arabic_font):
        fig = layout.new_figure(width, 1.2 + 0.22 * max(len(outlets), 1))
        panels = layout.panel_grid(fig, 2 if show_actors else 1, (1, 2 if show_actors else 1),
                                   lang, sharey=True)
        ax = panels[0]
        y = np.arange(len(outlets))
        left = np.zeros(len(outlets))
        for c in cats:
            sub = types[types["source_type"] == c].set_index(gcol).reindex(outlets)
            vals = sub["proportion"].fillna(0).to_numpy(float)
            ax.barh(y, vals, left=left, color=SOURCE_COLORS.get(c, LIGHT_GREY),
                    hatch=SOURCE_HATCHES.get(c, ""), edgecolor="white", lw=0.3, height=0.75)
            left += vals
        ax.set_title(_text("title:types", lang, labels))
        ax.set_xlim(0, 1)
        if show_actors:
            _actor_dots(panels[1], actors, gcol, outlets, lang, labels)
            panels[1].tick_params(axis="y", labelleft=False, labelright=False)
        for a in panels:
            a.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            a.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            a.set_axisbelow(True)
            a.tick_params(axis="y", length=0)
        ticks = [layout.group_ticklabel(o, lang, info["n_articles"], info["small_n"],
                                        newline=False) for o in outlets]
        ax.set_yticks(y, labels=ticks)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        if lang == "ar":
            layout.labels_right(ax)
        handles = [Patch(facecolor=SOURCE_COLORS.get(c, LIGHT_GREY),
                         hatch=SOURCE_HATCHES.get(c, ""), edgecolor="white", lw=0,
                         label=_text(c, lang, labels)) for c in cats]
        layout.legend(fig, lang, handles, [h.get_label() for h in handles],
                      loc="outside upper center", ncols=min(len(cats), 6))
        note = ""
        if info["small_n"].any():
            en, ar = SOURCE_LABELS["note:small_n"]
            note = "\n" + layout.mpl_text((ar if lang == "ar" else en).format(n=min_n))
        fig.supxlabel(_text("axis:quote_share", lang, labels) + note, fontsize="medium")
    return fig


def _actor_dots(ax, actors, gcol, outlets, lang, labels):
    names = layout.in_order(actors["actor"])
    offsets = np.linspace(-0.3, 0.3, max(len(names), 1)) if len(names) > 1 else [0.0]
    colors = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple",
                                     "sky_blue", "yellow")]
    markers = ("o", "s", "^", "D", "v", "P", "X")  # colour and shape: the legend survives grey print
    for i, name in enumerate(names):
        sub = actors[actors["actor"] == name].set_index(gcol).reindex(outlets)
        y = np.arange(len(outlets)) + offsets[i]
        p = sub["proportion"].to_numpy(float)
        lo, hi = sub["ci_low"].to_numpy(float), sub["ci_high"].to_numpy(float)
        ok = ~np.isnan(lo)
        ax.errorbar(p[ok], y[ok], xerr=[p[ok] - lo[ok], hi[ok] - p[ok]], fmt="none",
                    ecolor=colors[i % len(colors)], lw=0.6, alpha=0.7)
        shown = layout.shown_label(f"actor:{name}", lang, labels)
        ax.plot(p, y, markers[i % len(markers)], ms=3.5, color=colors[i % len(colors)],
                label=shown, lw=0)
    ax.set_title(_text("title:actors", lang, labels))
    top = np.nanmax(actors[["proportion", "ci_high"]].to_numpy(float))
    ax.set_xlim(0, min(1.0, max(0.1, 1.05 * top)) if np.isfinite(top) else 1.0)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False,
              edgecolor="none")
