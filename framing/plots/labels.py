"""Axis, legend and category labels in English and Arabic for the DESIGN.md fields.

:func:`label` looks a key up (``"topic:elections"``, ``"pro"``, ``"axis:share"``); unknown keys
(another codebook's topics) fall back to a readable form of the key. Pass ``overrides`` to rename
anything, e.g. ``{"stance:haftar": "Haftar"}``.
"""

from __future__ import annotations

import re

from ..errors import check_choice

LANGS = ("en", "ar")

LABELS = {
    # stance labels
    "pro": ("pro", "مؤيد"),
    "con": ("con", "معارض"),
    "neutral": ("neutral", "محايد"),
    "absent": ("absent", "غائب"),
    "mixed": ("mixed", "متباين"),
    # tone
    "tone": ("Tone", "النبرة"),
    "tone:overall": ("Overall", "إجمالاً"),
    "positive": ("positive", "إيجابية"),
    "negative": ("negative", "سلبية"),
    # connotation
    "legitimizing": ("legitimizing", "مُضفٍ للشرعية"),
    "delegitimizing": ("delegitimizing", "نازع للشرعية"),
    # presence
    "present": ("present", "حاضر"),
    # axes, titles, legends
    "axis:outlet": ("Outlet", "الوسيلة الإعلامية"),
    "axis:topic": ("Topic", "الموضوع"),
    "axis:share": ("Share of articles", "نسبة المقالات"),
    "axis:sentence_share": ("Mean share of sentences", "متوسط نسبة الجمل"),
    "axis:proportion": ("Proportion of articles", "نسبة المقالات"),
    # "from −1 to 1" in words: matplotlib's own shaping (raqm) reverses a bare or isolated
    # "−1 … 1" inside Arabic text, but keeps each number whole between words.
    "axis:mean_tone": ("Mean tone score (−1 … 1)", "متوسط درجة النبرة (من −1 إلى 1)"),
    "axis:date": ("Date", "التاريخ"),
    "axis:z": ("Log-odds z-score against {reference}",
               "الدرجة المعيارية للوغاريتم الأرجحية مقارنةً بـ{reference}"),
    "rest": ("the other outlets", "بقية الوسائل"),
    "legend:actor_dots": ("colour: connotation · area: share of the actor's mentions",
                          "اللون: الدلالة · المساحة: النسبة من إشارات الفاعل"),
    "title:topics": ("Topics by outlet", "الموضوعات حسب الوسيلة"),
    "title:stance": ("Stance by outlet", "الموقف حسب الوسيلة"),
    "title:tone": ("Tone over time", "النبرة عبر الزمن"),
    "title:actor_labels": ("How outlets name actors", "تسميات الفاعلين حسب الوسيلة"),
    "title:terms": ("Distinctive terms by outlet", "المفردات المميزة لكل وسيلة"),
    "title:event": ("One event, several outlets", "حدث واحد في عدة وسائل"),
    "kind:topic": ("Topics", "الموضوعات"),
    "kind:stance": ("Stance", "الموقف"),
    "kind:tone": ("Tone", "النبرة"),
    "kind:actor": ("Actor labels", "تسميات الفاعلين"),
    "note:small_n": ("† fewer than {n} articles", "† أقل من {n} مقالات"),
    "axis:proportion_mentioning": ("Share of the articles that mention the target",
                                   "النسبة من المقالات التي تذكر الطرف"),
    "note:mentioning": ("numbers: articles mentioning the target / all articles (the rest: absent)",
                        "الأرقام: المقالات التي تذكر الطرف / كل المقالات (الباقي: غائب)"),
    "freq:D": ("one point per outlet and day; point area: number of articles",
               "نقطة لكل وسيلة ويوم؛ مساحة النقطة: عدد المقالات"),
    "freq:W": ("one point per outlet and week; point area: number of articles",
               "نقطة لكل وسيلة وأسبوع؛ مساحة النقطة: عدد المقالات"),
    "freq:M": ("one point per outlet and month; point area: number of articles",
               "نقطة لكل وسيلة وشهر؛ مساحة النقطة: عدد المقالات"),
    "freq:Q": ("one point per outlet and quarter; point area: number of articles",
               "نقطة لكل وسيلة وربع سنة؛ مساحة النقطة: عدد المقالات"),
    "freq:Y": ("one point per outlet and year; point area: number of articles",
               "نقطة لكل وسيلة وسنة؛ مساحة النقطة: عدد المقالات"),
    "note:tone_band": ("bands: 95% bootstrap intervals (periods with 2 or more articles); grey: "
                       "the other outlets",
                       "الأشرطة: فترات ثقة 95% بإعادة المعاينة (فترات فيها مقالان أو أكثر)؛ "
                       "الرمادي: بقية الوسائل"),
    "note:hidden_outlets": ("{k} more outlets with fewer articles ({n} articles) not shown",
                            "لم تُعرض {k} وسائل أخرى أقل مقالات ({n} مقالة)"),
    "note:hidden_terms": ("{k} more outlets with fewer words not shown (all are in the CSV)",
                          "لم تُعرض {k} وسائل أخرى أقل كلمات (كلها في ملف CSV)"),
    "note:undated": ("{n} articles without a date left out", "استُبعدت {n} مقالات بلا تاريخ"),
    "note:fewer_outlets": ("{k} outlets with fewest mentions left out (no room for their names)",
                           "استُبعدت {k} وسائل هي الأقل ذكرًا (لا مكان لأسمائها)"),
    "note:ci": ("bars: {ci:.0%} bootstrap intervals", "الخطوط: فترات ثقة {ci:.0%} بإعادة المعاينة"),
}


def label(key, lang="en", overrides=None):
    """The display label for ``key`` in ``lang``.

    Parameters
    ----------
    key : str
    lang : {"en", "ar"}, default "en"
    overrides : mapping, optional
        ``key -> label`` or ``key -> {language: label}`` (``"*"``: any language), taking
        precedence.

    Returns
    -------
    str

    Examples
    --------
    >>> label("con", "ar"), label("topic:water_rights"), label("actor:ahmed_maiteeq")
    ('معارض', 'Water rights', 'Ahmed Maiteeq')
    >>> label("topic:elections", "ar", {"topic:elections": {"en": "Elections", "ar": "الانتخابات"}})
    'الانتخابات'
    """
    check_choice("lang", lang, LANGS)
    if overrides and key in overrides:
        value = overrides[key]
        if not isinstance(value, dict):
            return str(value)
        if lang in value or "*" in value:
            return str(value.get(lang, value.get("*")))
    if key in LABELS:
        return LABELS[key][LANGS.index(lang)]
    kind, _, name = str(key).rpartition(":")
    text = name.replace("_", " ")
    if kind == "actor":  # actor ids are names: khalifa_haftar -> Khalifa Haftar, un -> UN
        return " ".join(w.upper() if len(w) <= 3 and w not in _SMALL else w[:1].upper() + w[1:]
                        for w in text.split())
    return text[:1].upper() + text[1:]


_SMALL = {"of", "the", "and", "al", "el", "for", "in", "de"}


def short_name(name):
    """The name before its first comma or parenthesis: ``"General National Congress"`` of
    ``"General National Congress (Tripoli, 2012-2016) and its ..."``."""
    head = re.split(r"\s*[(,;]", str(name), maxsplit=1)[0].strip()
    return head or str(name)


def codebook_labels(codebook):
    """Figure labels of a codebook's topics, targets and actors, written as the codebook writes
    them: its ``display:`` names, else an actor's ``name`` up to its first comma or parenthesis
    (``UN``, ``GNC`` and ``ISIS`` keep their capitals; no title-casing of ids).

    Examples
    --------
    >>> from framing.codebook import load_codebook
    >>> names = codebook_labels(load_codebook("libya-egypt"))
    >>> names["actor:gnc"]["*"], names["actor:un_mission"]["*"]
    ('General National Congress', 'United Nations in Libya')
    """
    out = dict(codebook.display_names())
    for actor in codebook.actors:
        key = f"actor:{actor.id}"
        if key not in out and getattr(actor, "name", ""):
            out[key] = {"*": short_name(actor.name)}
    return out
