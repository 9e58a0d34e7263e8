"""One event across outlets: topics, stances, tone, actor labels and whom each outlet quotes,
side by side."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from . import layout
from .arabic import arabic_display, isolate
from .style import (
    CONNOTATION_COLORS,
    GREY,
    LIGHT_GREY,
    PALETTE,
    STANCE_COLORS,
    TONE_COLORS,
    figure_style,
)
from .ticks import Fit, wrap_measured

#: Labels of the quote sections (en, ar); the source types are those of :mod:`.sourcing`.
QUOTE_LABELS = {
    "kind:source": ("Who is quoted", "من يُقتبس"),
    "kind:speaker": ("Most quoted on the event", "الأكثر اقتباسًا في الحدث"),
    "quotes:n": ("Quotes (n)", "عدد الاقتباسات"),
    "note:quotes": ("bars: share of the outlet's quotes on the event · numbers: quotes · "
                    "† fewer than {n} quotes: counts only",
                    "الأشرطة: النسبة من اقتباسات الوسيلة في الحدث · الأرقام: عدد الاقتباسات · "
                    "† أقل من {n} اقتباسات: أعداد فقط"),
}
SPEAKER_CHARS = 34  # a speaker's row label is cut to this many characters


def _quote_text(key, lang, labels):
    from .sourcing import SOURCE_LABELS

    if labels and key in labels:
        return layout.shown_label(key, lang, labels)
    en, ar = {**SOURCE_LABELS, **QUOTE_LABELS}.get(key, (key, key))
    return layout.mpl_text(ar if lang == "ar" else en)


def _speaker_label(text):
    text = " ".join(str(text).split())
    return text if len(text) <= SPEAKER_CHARS else text[:SPEAKER_CHARS - 1].rstrip() + "…"


def _quote_cell(ax, x, y, kind, cell, narrow):
    """A cell of the quote sections: the number of quotes, with a bar of the share (source
    types); its percentage too when the outlet is not flagged ``small_n`` and the column is
    not ``narrow``."""
    from .sourcing import SOURCE_COLORS

    n, small = int(cell["n"]), bool(cell["small_n"])
    if kind == "quotes":
        ax.text(x, y, f"{n}{'†' if small else ''}", ha="center", va="center",
                fontsize="small", fontweight="bold")
        return
    color = SOURCE_COLORS.get(cell["value"], GREY)
    if kind == "source":
        ax.add_patch(Rectangle((x - 0.4, y - 0.3), 0.8, 0.6, lw=0, fc=LIGHT_GREY, alpha=0.5))
        if n:
            ax.add_patch(Rectangle((x - 0.4, y - 0.3), 0.8 * float(cell["share"]), 0.6, lw=0,
                                   fc=color, alpha=0.35 if small else 0.8))
        shown = str(n) if small or narrow or not n else f"{n} · {float(cell['share']):.0%}"
        ax.text(x, y, shown, ha="center", va="center", fontsize="small",
                color="black" if n else GREY)
    else:
        ax.text(x, y, str(n), ha="center", va="center", fontsize="small", fontweight="bold",
                color=color)


def _title_lines(title, lang, width_in):
    """The title wrapped at spaces to the figure's width, each line in the figure's direction;
    a line given isolated (FSI ... PDI, a headline) keeps its own direction on every line."""
    import matplotlib as mpl

    out = []
    for line in str(title).split("\n"):
        isolated = line.startswith("\u2068") and line.endswith("\u2069")
        plain = line.strip("\u2068\u2069")
        for piece in wrap_measured(plain, width_in, size=mpl.rcParams["font.size"],
                                   shown=layout.mpl_text):
            out.append(arabic_display(isolate(piece) if isolated else piece,
                                      base=layout.DIRECTION[lang]))
    return "\n".join(out)


def event_panel(
    profile,
    *,
    by=None,
    max_actors=6,
    min_quotes=5,
    lang="en",
    width="double",
    labels=None,
    title=None,
    arabic_font="sans",
):
    """One event across outlets: a matrix of topics, stances, tone, actor labels and quotes.

    Rows are fields in up to six sections, columns outlets. Topics: a dot whose area is the
    share of the outlet's event articles addressing the topic (a small ring: not addressed).
    Stance and tone: the label, on its colour. Actor labels: the label the outlet used most,
    coloured by connotation. Who is quoted (with ``quotes`` rows in the profile): the outlet's
    number of quotes on the event, then per source type the number of its quotes and a bar of
    their share -- an outlet with fewer than ``min_quotes`` quotes gets counts only and a dagger.
    Most quoted: the speakers most outlets quote on the event, with each outlet's number of
    their quotes in the colour of their source type ("–": the outlet quotes others, not them).

    Parameters
    ----------
    profile : pandas.DataFrame
        Output of :func:`framing.compare.event_profile`.
    max_actors : int, default 6
        Actors shown (the ones most outlets name first).
    min_quotes : int, default 5
        The number of quotes named in the note on small counts (the profile's ``small_n``
        flags come from :func:`framing.compare.event_profile`).
    title : str, optional
        A title, e.g. the event's name.
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(
        profile, by, lang, ["kind", "field", "value", "share"], "event profile"
    )
    outlets = layout.in_order(profile[gcol])
    if lang == "ar":
        outlets = outlets[::-1]
    actor_rows = profile.loc[profile["kind"] == "actor"]
    keep_actors = list(
        actor_rows.groupby("field", sort=True)
        .size()
        .sort_values(ascending=False, kind="stable")
        .index[:max_actors]
    )
    rows = []  # (kind, field or None for a section heading)
    for kind in ("topic", "stance", "tone", "actor", "source", "speaker"):
        fields = layout.in_order(profile.loc[profile["kind"] == kind, "field"])
        if kind == "actor":
            fields = [f for f in fields if f in keep_actors]
        if kind == "source" and (profile["kind"] == "quotes").any():
            rows += [(kind, None), ("quotes", "n")] + [(kind, f) for f in fields]
        elif fields:
            rows += [(kind, None)] + [(kind, f) for f in fields]
    quoting = set(profile.loc[(profile["kind"] == "quotes")
                              & (pd.to_numeric(profile.get("n"), errors="coerce") > 0), gcol]) \
        if "n" in profile else set()
    speakers = dict(zip(profile.loc[profile["kind"] == "speaker", "field"],
                        profile.loc[profile["kind"] == "speaker", "speaker"])) \
        if "speaker" in profile else {}
    cells = profile.drop_duplicates([gcol, "kind", "field"]).set_index([gcol, "kind", "field"])
    n = profile.groupby(gcol, sort=False)["n_articles"].max() if "n_articles" in profile else None
    # Actor labels can be long: layout.wrap them to the column width (the row labels take ~1.6 in)
    # and give each actor row the height of its longest label.
    chars = layout.column_chars(width, len(outlets), 1.6)
    wrapped = {
        key: "\n".join(layout.wrap(value, chars))
        for key, value in zip(
            zip(profile[gcol], profile["kind"], profile["field"]), profile["value"]
        )
        if key[1] == "actor"
    }
    heights = []
    for kind, field in rows:
        lines = max(
            [
                wrapped[(o, kind, field)].count("\n") + 1
                for o in outlets
                if (o, kind, field) in wrapped
            ]
            + [1]
        )
        heights.append(max(1.0, 0.8 * lines + 0.5) if kind == "actor" and field else 1.0)
    narrow = (layout.figure_width(width) - 1.6) / max(len(outlets), 1) < 0.9  # "15 · 88%" fits?
    note_lines = []
    if quoting:  # what the numbers are, and that a few quotes are counts, not estimates
        note = (labels or {}).get("note:quotes") or QUOTE_LABELS["note:quotes"][lang == "ar"]
        note_lines = layout.wrap(str(note).replace("{n}", str(min_quotes)),
                                 int((layout.figure_width(width) - 0.3) * 15), max_lines=4)
        rows.append(("note", None))
        heights.append(0.8 * len(note_lines) + 0.7)
    y_pos = np.cumsum([0] + heights[:-1]) + np.array(heights) / 2 - 0.5
    with figure_style(arabic_font):
        fit = layout.fit_groups(outlets, width, 1.6, n, lang)
        if fit is None:  # one rotated line each, whatever the room: never a name cut
            fit = Fit(90, {str(o): [str(o)] for o in outlets})
        head_in = 0.17 + layout.header_height(fit)
    # Fixed parts (outlet header, title, layout.legend) plus 0.19 in per row unit.
    fixed_in = 0.3 + head_in + (0.45 if title else 0) + (0.5 if len(actor_rows) else 0) \


    with figure_style(arabic_font):
        fig = layout.new_figure(width, fixed_in + 0.19 * sum(heights))
        ax = fig.add_subplot()
        for (kind, field), y in zip(rows, y_pos):
            if field is None or kind == "note":
                continue
            for x, outlet in enumerate(outlets):
                key = (outlet, kind, field)
                if key not in cells.index:
                    if kind == "speaker" and outlet in quoting:
                        ax.text(x, y, "–", ha="center", va="center", color=GREY)
                    continue
                cell = cells.loc[key]
                if kind in ("quotes", "source", "speaker"):
                    _quote_cell(ax, x, y, kind, cell, narrow)
                    continue
                value, share = cell["value"], cell["share"]
                if kind == "topic":
                    present = bool(share > 0)
                    ax.scatter(
                        x,
                        y,
                        s=12 + 60 * share if present else 14,
                        facecolor=PALETTE[0] if present else "none",
                        edgecolor=PALETTE[0] if present else GREY,
                        lw=0.6,
                    )
                elif kind in ("stance", "tone"):
                    colors = STANCE_COLORS if kind == "stance" else TONE_COLORS
                    dark = value in ("pro", "con", "mixed", "positive", "negative")
                    # A box of fixed size in data units: rows never overlap, whatever the font.
                    ax.add_patch(
                        Rectangle(
                            (x - 0.4, y - 0.42), 0.8, 0.84, lw=0, fc=colors.get(value, LIGHT_GREY)
                        )
                    )
                    ax.text(
                        x,
                        y,
                        layout.shown_label(value, lang, labels),
                        ha="center",
                        va="center",
                        fontsize="small",
                        color="white" if dark else "black",
                    )
                else:
                    ax.text(
                        x,
                        y,
                        layout.mpl_text(wrapped[key]),
                        ha="center",
                        va="center",
                        fontsize="small",
                        color=CONNOTATION_COLORS.get(cell["connotation"], GREY),
                        linespacing=layout.LINESPACING,
                    )
        ticklabels = []
        for kind, field in rows:
            if kind == "note":
                ticklabels.append("")
            elif field is None and kind in ("source", "speaker"):
                ticklabels.append(_quote_text(f"kind:{kind}", lang, labels))
            elif field is None:
                ticklabels.append(layout.shown_label(f"kind:{kind}", lang, labels))
            elif kind == "quotes":
                ticklabels.append(_quote_text("quotes:n", lang, labels))
            elif kind == "source":
                ticklabels.append(_quote_text(field, lang, labels))
            elif kind == "speaker":
                ticklabels.append(layout.mpl_text(_speaker_label(speakers.get(field, field))))
            elif kind == "tone":
                ticklabels.append(layout.shown_label("tone:overall", lang, labels))
            else:
                prefix = {"topic": "topic", "stance": "stance", "actor": "actor"}[kind]
                ticklabels.append(layout.shown_label(f"{prefix}:{field}", lang, labels))
        ax.set_yticks(y_pos, labels=ticklabels)
        layout.bold_ticks(ax, [field is None for _, field in rows])
        for (kind, field), y, h in zip(rows, y_pos, heights):
            if field is None and y > 0:
                ax.axhline(y - h / 2, color=LIGHT_GREY, lw=0.5)
        ax.set_ylim(sum(heights) - 0.5, -0.5)
        ax.set_xlim(-0.5, len(outlets) - 0.5)
        ax.xaxis.tick_top()
        layout.set_group_xticks(ax, outlets, fit, lang, n, top=True)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if lang == "ar":
            layout.labels_right(ax)
            ax.spines["right"].set_visible(False)
        if title:
            fig.suptitle(_title_lines(title, lang, layout.figure_width(width) - 0.3),
                         fontsize="medium", linespacing=layout.LINESPACING)
        if not actor_rows.empty:
            handles = layout.marker_handles(CONNOTATION_COLORS, CONNOTATION_COLORS, "s", lang,
                                            labels)
            layout.legend_below(fig, lang, handles, layout.shown_label("kind:actor", lang, labels))
        if note_lines:  # under the last row, across the figure
            ax.annotate("\n".join(layout.mpl_text(line) for line in note_lines),
                        (0.5, y_pos[-1]), xycoords=("figure fraction", "data"), ha="center",
                        va="center", fontsize="x-small", color=GREY,
                        linespacing=layout.LINESPACING, annotation_clip=False)
    return fig
