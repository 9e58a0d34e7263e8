"""Persuasion techniques by outlet: mean share of paragraphs per article, with bootstrap intervals.

Draws the table of :func:`framing.models.persuasion_analysis.techniques_by_outlet`: one panel per
technique (``any`` first when present), one row per outlet, a dot at the outlet's mean share of
paragraphs with the technique (expected from calibrated probabilities, or predicted) and a line
for its bootstrap interval over articles. The shares come from a trained model, and the axis
label says which measure it is.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import PercentFormatter

from . import layout
from .style import LIGHT_GREY, OKABE_ITO, figure_style

#: English and Arabic names of the techniques, families and ``any`` (ArMPro / SemEval-2023 names).
TECHNIQUE_LABELS = {
    "any": ("Any technique", "أي أسلوب إقناع"),
    "Loaded_Language": ("Loaded language", "لغة مشحونة"),
    "Name_Calling-Labeling": ("Name calling, labelling", "الوصم بالألقاب"),
    "Exaggeration-Minimisation": ("Exaggeration, minimisation", "المبالغة أو التهوين"),
    "Questioning_the_Reputation": ("Questioning the reputation", "الطعن في السمعة"),
    "Obfuscation-Vagueness-Confusion": ("Obfuscation, vagueness", "الغموض والإبهام"),
    "Doubt": ("Doubt", "التشكيك"),
    "Causal_Oversimplification": ("Causal oversimplification", "التبسيط السببي المفرط"),
    "Appeal_to_Fear-Prejudice": ("Appeal to fear, prejudice", "إثارة الخوف والتحيز"),
    "Appeal_to_Authority": ("Appeal to authority", "الاحتجاج بالسلطة"),
    "Flag_Waving": ("Flag waving", "التلويح بالوطنية"),
    "Slogans": ("Slogans", "الشعارات"),
    "Appeal_to_Hypocrisy": ("Appeal to hypocrisy", "الاتهام بالنفاق"),
    "Appeal_to_Values": ("Appeal to values", "الاحتكام إلى القيم"),
    "Manipulative_Wording": ("Manipulative wording", "الصياغة التلاعبية"),
    "Reputation": ("Attack on reputation", "النيل من السمعة"),
    "Justification": ("Justification", "التبرير"),
    "Simplification": ("Simplification", "التبسيط"),
    "Call": ("Call", "الدعوة"),
    "Distraction": ("Distraction", "الإلهاء"),
}
_TEXT = {
    "predicted": ("Mean share of an article's paragraphs in which the model predicts the technique",
                  "متوسط نسبة فقرات المقال التي يتنبأ النموذج فيها بالأسلوب"),
    "expected": (("Expected share of an article's paragraphs with the technique "
                  "(mean calibrated probability)"),
                 "النسبة المتوقعة لفقرات المقال التي فيها الأسلوب (متوسط الاحتمال المعايَر)"),
    "ci": ("lines: {ci:.0%} bootstrap intervals over articles",
           "الخطوط: فترات ثقة {ci:.0%} بإعادة المعاينة على المقالات"),
    "small": ("† fewer than {n} articles", "† أقل من {n} مقالات"),
}


def _text(key, lang, labels=None, table=None):
    table = TECHNIQUE_LABELS if table is None else table
    if labels and key in labels:
        value = labels[key]
        return value.get(lang, value.get("*", key)) if isinstance(value, dict) else str(value)
    pair = table.get(key)
    return pair[lang == "ar"] if pair else str(key).replace("_", " ")


def techniques_by_outlet_plot(shares, *, by=None, techniques=None, lang="en", width="double",
                              labels=None, min_n=10, ci=0.95, max_panels=8, arabic_font="sans"):
    """Persuasion techniques by outlet, one panel per technique.

    Parameters
    ----------
    shares : pandas.DataFrame
        Output of :func:`framing.models.persuasion_analysis.techniques_by_outlet`.
    techniques : list of str, optional
        Panels in order; default ``any`` then the others by mean share, at most ``max_panels``.
    min_n : int, default 10
        The threshold named in the note under outlets flagged ``small_n`` (†).
    ci : float, default 0.95
        The interval coverage of ``shares``, named in the note.
    max_panels : int, default 8
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters); ``labels`` also renames techniques.

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(shares, by, lang, ["technique", "share"], "persuasion")
    if techniques is None:
        means = shares.groupby("technique", sort=False)["share"].mean()
        rest = means.drop("any", errors="ignore").sort_values(ascending=False, kind="stable")
        techniques = (["any"] if "any" in means.index else []) + list(rest.index)
        techniques = techniques[:max_panels]
    outlets = sorted(layout.in_order(shares[gcol]), key=str)
    n, small = layout.group_info(shares, gcol)
    has_ci = {"ci_low", "ci_high"} <= set(shares.columns) and \
        shares[["ci_low", "ci_high"]].notna().any().any()
    with figure_style(arabic_font):
        nrows, ncols = layout.grid_shape(len(techniques), width, 4, 2)
        fig = layout.new_figure(width, 0.9 + nrows * (0.3 + 0.17 * len(outlets)))
        panels = layout.panel_grid(fig, len(techniques), (nrows, ncols), lang,
                                   sharex=True, sharey=True)
        top = np.nanmax(shares[["share", "ci_high"] if has_ci else ["share"]].to_numpy(float))
        xmax = min(1.0, max(0.1, float(top) * 1.08)) if np.isfinite(top) else 1.0
        for k, (ax, tech) in enumerate(zip(panels, techniques)):
            rows = shares.loc[shares["technique"] == tech].set_index(gcol).reindex(outlets)
            p = rows["share"].to_numpy(dtype=float)
            err = layout.interval_errors(rows, "share") if has_ci else None
            color = OKABE_ITO["black"] if tech == "any" else OKABE_ITO["blue"]
            ax.errorbar(p, np.arange(len(outlets)), xerr=err, fmt="o", ms=3.0, lw=0.9,
                        capsize=0, color=color)
            ax.set_title(layout.mpl_text(_text(tech, lang, labels)), fontsize="medium")
            ax.set_xlim(0, xmax)
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            ax.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            ax.set_axisbelow(True)
            ax.tick_params(axis="y", length=0)
            if lang == "ar":
                ax.invert_xaxis()
                layout.labels_right(ax, show=k % ncols == 0)
        first = panels[0]
        first.set_yticks(range(len(outlets)), labels=[
            layout.group_ticklabel(o, lang, n, small, newline=False) for o in outlets])
        first.set_ylim(len(outlets) - 0.5, -0.5)
        note = _text("ci", lang, table=_TEXT).format(ci=ci) if has_ci else ""
        small_any = shares.get("small_n")
        small_txt = ""
        if small_any is not None and small_any.any():
            small_txt = "\n" + layout.mpl_text(_text("small", lang, table=_TEXT).format(n=min_n))
        measure = str(shares["measure"].iloc[0]) if "measure" in shares and len(shares) \
            else "predicted"
        fig.supxlabel(layout.mpl_text(_text(measure, lang, table=_TEXT))
                      + (f"\n{layout.mpl_text(note)}" if note else "") + small_txt,
                      fontsize="medium")
    return fig
