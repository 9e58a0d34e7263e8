"""Axis, legend and category labels in English and Arabic for the DESIGN.md fields.

:func:`label` looks a key up (``"topic:elections"``, ``"pro"``, ``"axis:share"``); unknown keys
(another codebook's topics) fall back to a readable form of the key. Pass ``overrides`` to rename
anything, e.g. ``{"stance:haftar": "Haftar"}``.
"""

from __future__ import annotations

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
    # LRI ... PDI keeps "−1 … 1" left to right inside the Arabic label (else it reads "1−").
    "axis:mean_tone": ("Mean tone score (−1 … 1)", "متوسط درجة النبرة (\u2066−1 … 1\u2069)"),
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
    if kind == "actor":  # actor ids are names: khalifa_haftar -> Khalifa Haftar
        return text.title()
    return text[:1].upper() + text[1:]
