"""Dates written in Arabic news text, read into ISO ``YYYY-MM-DD``.

Recognised forms (digits may be Arabic-Indic ``٠-٩``):

- day, month name, year: ``17 فبراير 2026``, ``15 سبتمبر، 2025``, ``3 من شهر آب عام 2024``,
  optionally after a weekday (``الثلاثاء 17 فبراير 2026``) and a relative word
  (``أمس الإثنين 15 سبتمبر 2025``);
- double month names as many outlets write them: ``12 مايو/ أيار 2020``, ``3 تموز (يوليو) 2021``;
- month, day, comma, year: ``أبريل 30, 2020``;
- ISO dates ``2025-09-15`` (also the date part of ``2025-09-15T10:00:00Z``).

Metadata values (a table's date column) are read by :func:`metadata_date`, which also takes
numeric dates when told their order (``10/01/2025`` with ``dayfirst=True``) or their format
(``date_format="%d.%m.%Y"``, as :func:`pandas.to_datetime` has it).

Hijri dates (``12 رجب 1436 هـ``, ``1436/07/12هـ``) are recognised and *not* converted: the
arithmetic (tabular) Islamic calendar differs from the Umm al-Qura calendar and from the
sighted months by a day or two, and a publication date a day off is worse than none. A value
that holds a Hijri and a Gregorian date (``12 رجب 1436 هـ - 1 مايو 2015``) gives the Gregorian
one; a Hijri date alone gives ``""``, and :func:`is_hijri` tells the loader to say so.

Month names: Egyptian/Western (يناير ... ديسمبر, with the spelling variants إبريل/أبريل,
يونيه, يوليه, اغسطس ...), Levantine/Iraqi (كانون الثاني, شباط, آذار, نيسان, أيار, حزيران, تموز,
آب, أيلول, تشرين الأول, تشرين الثاني, كانون الأول) and Maghrebi (جانفي, فيفري, أفريل, ماي, جوان,
جويلية, أوت, شتنبر, نونبر, دجنبر). Hamza on alef, ة/ه and ى/ي are matched loosely.

A date without its year, or a weekday alone (``أمس الاثنين``), is not a date: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text.charsets import BASIC_LETTER_CLASS

_MONTHS = {
    1: ("يناير", "كانون الثاني", "جانفي"),
    2: ("فبراير", "شباط", "فيفري"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "أفريل", "نيسان"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية"),
    8: ("أغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "دجنبر"),
}
_WEEKDAYS = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
# Relative words before a date, and how many days after the event the article appeared.
_RELATIVE = {"أول أمس": 2, "أمس": 1, "البارحة": 1, "اليوم": 0}

_LOOSE = {"ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]", "ه": "[هة]", "ة": "[هة]",
          "ي": "[يى]", "ى": "[يى]", " ": r"\s+"}
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_D = "[0-9٠-٩۰-۹]"
_HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الاول", "ربيع الثاني", "ربيع الآخر",
                 "جمادى الأولى", "جمادى الاولى", "جمادى الآخرة", "جمادى الثانية", "جمادى الأخرى",
                 "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذي القعدة", "ذو الحجة", "ذي الحجة")
# A year followed by the Hijri mark (هـ, ه, or هجري/هجرية); a Gregorian year may carry م.
_HIJRI_YEAR = rf"{_D}{{3,4}}\s*(?:هـ|ه(?![{BASIC_LETTER_CLASS}])|هجري|هجرية)"


def _loose(word):
    return "".join(_LOOSE.get(ch, re.escape(ch)) for ch in word)


def _fold(word):
    return " ".join(word.translate(_FOLD).split())


def _alternation(words):
    # Longest first, so that مايو is not read as ماي followed by a stray letter.
    return "|".join(_loose(w) for w in sorted(words, key=len, reverse=True))


_MONTH_OF = {_fold(name): month for month, names in _MONTHS.items() for name in names}
_DAYS_AFTER = {_fold(word): days for word, days in _RELATIVE.items()}
_MONTH = f"(?:{_alternation(_MONTH_OF)})(?![{BASIC_LETTER_CLASS}])"
_DATE_RE = re.compile(
    rf"(?:(?P<rel>{_alternation(_DAYS_AFTER)})\s+)?"
    rf"(?:(?:يوم\s+)?(?P<weekday>{_alternation(_WEEKDAYS)})\s*[،,]?\s+)?"
    rf"(?<!{_D})(?P<day>{_D}{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?"
    rf"(?P<month>{_MONTH})(?:\s*[/(]\s*{_MONTH}\s*\)?)?"
    rf"\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<year>{_D}{{4}})(?!{_D})"
    rf"|(?P<month_b>{_MONTH})\s+(?P<day_b>{_D}{{1,2}})\s*[،,]\s*(?P<year_b>{_D}{{4}})(?!{_D})"
    rf"|(?<!{_D})(?P<iso>{_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}})(?!{_D}|\s*(?:هـ|ه(?![{BASIC_LETTER_CLASS}])))"
)
_HIJRI_RE = re.compile(
    rf"(?<![{BASIC_LETTER_CLASS}])(?:{_alternation(_HIJRI_MONTHS)})(?![{BASIC_LETTER_CLASS}])"
    rf"|(?<!{_D}){_HIJRI_YEAR}"
    rf"|(?<!{_D}){_D}{{1,4}}[/.-]{_D}{{1,2}}[/.-]{_D}{{1,4}}\s*(?:هـ|ه(?![{BASIC_LETTER_CLASS}]))"
)
_NUMERIC_RE = re.compile(
    rf"^\s*(?P<a>{_D}{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<b>{_D}{{1,2}})\s*(?P=sep)\s*(?P<y>{_D}{{4}})"
    rf"(?:\s*م)?(?:[ T,،]|$)"
)
_YMD_RE = re.compile(
    rf"^\s*(?P<y>{_D}{{4}})\s*(?P<sep>[/.])\s*(?P<m>{_D}{{1,2}})\s*(?P=sep)\s*(?P<d>{_D}{{1,2}})"
    rf"(?:\s*م)?(?:[ T,،]|$)"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in a text.

    Attributes
    ----------
    date : datetime.date
    phrase : str
        The words as written (whitespace collapsed).
    start, end : int
        Character span of the phrase in the text.
    days_after : int or None
        For ``أمس`` (1), ``أول أمس`` (2), ``اليوم`` (0): the publication date is the event date
        plus this many days. ``None`` when no relative word precedes the date.
    """

    date: dt.date
    phrase: str
    start: int
    end: int
    days_after: int | None = None


def _to_date(match):
    if match["iso"]:
        y, m, d = map(int, match["iso"].translate(_DIGIT_MAP).split("-"))
    else:
        suffix = "_b" if match["month_b"] else ""
        y = int(match["year" + suffix].translate(_DIGIT_MAP))
        m = _MONTH_OF[_fold(match["month" + suffix])]
        d = int(match["day" + suffix].translate(_DIGIT_MAP))
    try:
        return dt.date(y, m, d)
    except ValueError:  # 31 نيسان, month 13: not a date
        return None


def find_dates(text):
    """All dates written in ``text``, in order.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of DateMention

    Examples
    --------
    >>> [m.date.isoformat() for m in find_dates("أمس الإثنين 15 سبتمبر 2025 و٣ آب ٢٠٢٤")]
    ['2025-09-15', '2024-08-03']
    >>> find_dates("أمس الإثنين 15 سبتمبر 2025")[0].days_after
    1
    """
    mentions = []
    for match in _DATE_RE.finditer(text):
        date = _to_date(match)
        if date is None:
            continue
        rel = match["rel"]
        mentions.append(DateMention(date, " ".join(match.group().split()), match.start(),
                                    match.end(), _DAYS_AFTER[_fold(rel)] if rel else None))
    return mentions


def parse_date(value):
    """Read one metadata value as an ISO date, or return ``""`` if it holds no full date.

    Examples
    --------
    >>> parse_date("2015-07-21 02:51:32"), parse_date("12 مايو/ أيار 2020"), parse_date("أمس")
    ('2015-07-21', '2020-05-12', '')
    """
    found = find_dates(str(value))
    return found[0].date.isoformat() if found else ""


def is_hijri(value):
    """Whether ``value`` holds a Hijri date (a Hijri month name, or a year marked هـ).

    Examples
    --------
    >>> is_hijri("12 رجب 1436 هـ"), is_hijri("1436/07/12هـ"), is_hijri("12 مايو 2020")
    (True, True, False)
    """
    return bool(_HIJRI_RE.search(str(value)))


def _numeric(value, dayfirst):
    """``10/01/2025`` (also with ``.`` or ``-``) in the order given; ``2025/01/10`` always."""
    value = str(value).translate(_DIGIT_MAP)
    ymd = _YMD_RE.match(value)
    if ymd:
        y, m, d = int(ymd["y"]), int(ymd["m"]), int(ymd["d"])
    else:
        match = _NUMERIC_RE.match(value)
        if match is None:
            return ""
        a, b, y = int(match["a"]), int(match["b"]), int(match["y"])
        if dayfirst is None:  # only a date that one order alone can give (15/02/2021)
            found = {_date_or_none(y, m, d) for d, m in ((a, b), (b, a))} - {None}
            return found.pop().isoformat() if len(found) == 1 else ""
        d, m = (a, b) if dayfirst else (b, a)
    found = _date_or_none(y, m, d)
    return found.isoformat() if found else ""


def _date_or_none(y, m, d):
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def is_numeric_date(value):
    """Whether ``value`` is a day/month/year date whose order must be told (``10/01/2025``)."""
    return bool(_NUMERIC_RE.match(str(value).translate(_DIGIT_MAP)))


def _with_format(value, date_format):
    import pandas as pd

    try:
        stamp = pd.to_datetime(str(value).strip(), format=date_format)
    except (ValueError, TypeError, OverflowError):
        return ""
    return "" if stamp is pd.NaT else stamp.date().isoformat()


def metadata_date(value, *, dayfirst=None, date_format=None):
    """Read a metadata value (a date column's cell) as an ISO date, or ``""``.

    Parameters
    ----------
    value : str
    dayfirst : bool, optional
        How to read a numeric date such as ``10/01/2025``: ``True`` day first (2025-01-10),
        ``False`` month first (2025-10-01), as :func:`pandas.to_datetime` reads them. Without
        it only a date that one order alone can give is read (``15/02/2021``, ``02/15/2021``,
        ``05/05/2025``); ``10/01/2025`` is not guessed (``""``). ``2025/01/10`` needs no order.
    date_format : str, optional
        A :func:`pandas.to_datetime` format (``"%d.%m.%Y"``, ``"ISO8601"``), tried first.

    Returns
    -------
    str
        ``YYYY-MM-DD``, or ``""`` when the value holds no full Gregorian date (a Hijri date
        alone, a weekday, a year).

    Examples
    --------
    >>> metadata_date("10/01/2025", dayfirst=True), metadata_date("10/01/2025")
    ('2025-01-10', '')
    >>> metadata_date("10/01/2025", dayfirst=False), metadata_date("25/01/2025")
    ('2025-10-01', '2025-01-25')
    >>> metadata_date("10.01.2025", date_format="%d.%m.%Y"), metadata_date("١٥ سبتمبر ٢٠٢٥")
    ('2025-01-10', '2025-09-15')
    >>> metadata_date("12 رجب 1436 هـ"), metadata_date("12 رجب 1436 هـ - 1 مايو 2015")
    ('', '2015-05-01')
    """
    value = str(value).strip()
    if not value:
        return ""
    if date_format:
        found = _with_format(value, date_format)
        if found:
            return found
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)", value)
    if iso and not is_hijri(value):
        try:
            return dt.date.fromisoformat(iso[1]).isoformat()
        except ValueError:  # 2015-02-30
            return ""
    return _numeric(value, dayfirst) or parse_date(value)
