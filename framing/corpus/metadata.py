"""Metadata that an article's own text establishes: masthead, title, byline, dateline, dates, URL.

Only the layout conventions below are read; anything else stays empty (nothing is guessed).

masthead
    The first non-empty line reads ``Outlet | title`` with a short outlet name (at most five
    words): ``ميدل إيست أونلاين | رئيس المخابرات المصرية يلتقي حفتر ...``.
title
    Otherwise the first non-empty line, if it is a heading: at most 25 words, no final
    sentence punctuation, and followed by more text. A heading repeated on the next non-empty
    line (a copy-paste slip) sets ``repeated_title``.
byline
    A short line near the top: ``كتب : م/ خالد عبد العزيز``, ``كتبت: ...`` (with a colon or dash),
    ``بقلم ...``; the value is the name.
dateline
    The first paragraph opens with one to three words and a dash: ``القاهرة – تتجه مصر ...``
    gives ``القاهرة``.
dates
    Every date of :func:`~framing.corpus.dates.find_dates`, with a role: ``published`` for a date
    that stands on its own near the top (``الثلاثاء 17 فبراير 2026 م 11:20``); ``event`` for a date
    after ``أمس``/``أول أمس``/``اليوم``, which also gives the publication date (the day after
    ``أمس``); ``mentioned`` for any other date. ``date`` is the first publication date,
    ``event_date`` the first event date.
url
    The last non-empty line is a URL, possibly in angle brackets: ``<https://...>``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text.charsets import BASIC_LETTER_CLASS as _L
from .dates import find_dates

_HEAD_LINES = 6  # how far from the top a masthead, byline, date line or dateline may sit
_MAX_TITLE_WORDS = 25
_MAX_OUTLET_WORDS = 5
_MAX_NAME_WORDS = 6
_DATE_LINE_SLACK = 20  # characters besides the date on a date line ("م 11:20", "نشر في")

_FINAL_PUNCT = tuple(".!?؟…،,:;؛")
# "كتب" and the like need a colon or dash ("كتب الرئيس رسالة" is a sentence); "بقلم" does not.
_BYLINE_RE = re.compile(r"^(?:(?:كتب|كتبت|كتبه|إعداد|اعداد|تقرير)\s*[:：\-–—]|بقلم\s*[:：\-–—]?)"
                        r"\s*(?P<name>\S.*)$")
_DATELINE_RE = re.compile(rf"^\(?(?P<place>[{_L}]+(?:\s+[{_L}]+){{0,2}})\)?"
                          r"\s*[–—-]\s+\S")
_URL_RE = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
_MASTHEAD_SEP = " | "


def _lines(text):
    """Non-empty lines as ``(start offset, stripped line)``."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line.strip()))
        pos += len(line) + 1
    return out


def first_lines(text, n=2):
    """The first ``n`` non-empty lines of ``text``, stripped (fewer if the text is shorter)."""
    out, pos = [], 0
    while len(out) < n and pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            out.append(text[pos:end].strip())
        pos = end + 1
    return out


def has_repeated_title(text):
    """Whether the first non-empty line is repeated as the second one."""
    head = first_lines(text, 2)
    return len(head) == 2 and head[0] == head[1]


def _is_heading(line):
    return len(line.split()) <= _MAX_TITLE_WORDS and not line.endswith(_FINAL_PUNCT)


def _byline(line):
    match = _BYLINE_RE.match(line)
    if match and len(match["name"].split()) <= _MAX_NAME_WORDS:
        return match["name"].strip()
    return ""


def _date_candidates(text, lines):
    """``(iso, role, phrase, note)`` for every date in the text, in order."""
    head_starts = [start for start, _ in lines[:_HEAD_LINES]]
    head_len = {start: len(line) for start, line in lines[:_HEAD_LINES]}
    out = []
    for mention in find_dates(text):
        iso = mention.date.isoformat()
        if mention.days_after is not None:
            out.append((iso, "event", mention.phrase, ""))
            published = (mention.date + dt.timedelta(days=mention.days_after)).isoformat()
            note = f"+{mention.days_after} day" if mention.days_after else "same day"
            out.append((published, "published", mention.phrase, note))
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        while line_start < len(text) and text[line_start] in " \t":
            line_start += 1
        stands_alone = (line_start in head_starts
                        and head_len[line_start] - len(mention.phrase) <= _DATE_LINE_SLACK)
        out.append((iso, "published" if stands_alone else "mentioned", mention.phrase, ""))
    return out


def format_candidates(candidates):
    """One string for the ``date_candidates`` column: ``"; "``-separated entries
    ``YYYY-MM-DD role 'phrase'`` (``+N day`` when the date is derived from a relative word)."""
    return "; ".join(f"{iso} {role} '{phrase}'" + (f" {note}" if note else "")
                     for iso, role, phrase, note in dict.fromkeys(candidates))


def extract_metadata(text):
    """Metadata established by the text itself.

    Parameters
    ----------
    text : str
        One article.

    Returns
    -------
    dict
        ``outlet, title, url, byline, dateline, date, event_date, date_candidates`` (str,
        ``""`` when the text does not establish it) and ``repeated_title`` (bool).

    Examples
    --------
    >>> meta = extract_metadata("ميدل إيست أونلاين | لقاء في بنغازي\\n\\nالثلاثاء 17 فبراير 2026\\n"
    ...                         "نص الخبر.\\n<https://example.org/a>")
    >>> meta["outlet"], meta["title"], meta["date"], meta["url"]
    ('ميدل إيست أونلاين', 'لقاء في بنغازي', '2026-02-17', 'https://example.org/a')
    """
    lines = _lines(text)
    meta = dict.fromkeys(("outlet", "title", "url", "byline", "dateline", "date", "event_date",
                          "date_candidates"), "")
    meta["repeated_title"] = has_repeated_title(text)
    if not lines:
        return meta
    head = [line for _, line in lines[:_HEAD_LINES]]
    used = set()  # head lines that are masthead, title, byline or date line

    outlet, sep, title = head[0].partition(_MASTHEAD_SEP)
    if sep and title.strip() and len(outlet.split()) <= _MAX_OUTLET_WORDS:
        meta["outlet"], meta["title"] = outlet.strip(), title.strip()
        used.add(0)
    elif len(lines) > 1 and _is_heading(head[0]) and not _byline(head[0]):
        meta["title"] = head[0]
        used.add(0)
    for i, line in enumerate(head):
        if i not in used and (name := _byline(line)):
            meta["byline"] = name
            used.add(i)
            break

    candidates = _date_candidates(text, lines)
    meta["date_candidates"] = format_candidates(candidates)
    meta["date"] = next((iso for iso, role, *_ in candidates if role == "published"), "")
    meta["event_date"] = next((iso for iso, role, *_ in candidates if role == "event"), "")
    date_lines = {c[2] for c in candidates if c[1] == "published" and not c[3]}
    used.update(i for i, line in enumerate(head) if any(line.startswith(p) for p in date_lines))
    if meta["repeated_title"]:
        used.add(1)

    body = next((line for i, line in enumerate(head) if i not in used), "")
    if match := _DATELINE_RE.match(body):
        meta["dateline"] = match["place"]
    if match := _URL_RE.match(lines[-1][1]):
        meta["url"] = match["url"]
    return meta
