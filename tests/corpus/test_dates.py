"""framing.corpus.dates: dates written in Arabic news text, read into ISO dates; nothing guessed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.corpus import find_dates, parse_date
from framing.corpus.dates import _MONTHS


@pytest.mark.parametrize("phrase, iso", [
    ("الثلاثاء 17 فبراير 2026", "2026-02-17"),
    ("أمس الإثنين 15 سبتمبر 2025", "2025-09-15"),
    ("١٥ سبتمبر ٢٠٢٥", "2025-09-15"),
    ("3 كانون الثاني 2024", "2024-01-03"),
    ("28 شباط 2023", "2023-02-28"),
    ("1 تشرين الأول 2019", "2019-10-01"),
    ("30 تشرين الثاني 2019", "2019-11-30"),
    ("25 كانون الأول 2019", "2019-12-25"),
    ("9 آب 2024", "2024-08-09"),
    ("5 إبريل 2020", "2020-04-05"),
    ("5 ابريل 2020", "2020-04-05"),
    ("20 يونيه 2020", "2020-06-20"),
    ("4 يوليه 2021", "2021-07-04"),
    ("10 اغسطس 2015", "2015-08-10"),
    ("12 مايو/ أيار 2020", "2020-05-12"),
    ("3 تموز (يوليو) 2021", "2021-07-03"),
    ("٣ من شهر آذار عام ٢٠٢٤", "2024-03-03"),
    ("أبريل 30, 2020 01:00", "2020-04-30"),
    ("2015-07-21 02:51:32", "2015-07-21"),
])
def test_dates_written_in_arabic(phrase, iso):
    assert parse_date(phrase) == iso


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(date=st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), data=st.data())
def test_any_date_written_with_any_month_name_reads_back(date, data):
    month = data.draw(st.sampled_from(_MONTHS[date.month]))
    written = f"{date.day} {month} {date.year}"
    if data.draw(st.booleans()):
        written = written.translate(ARABIC_DIGITS)
    text = f"قال المتحدث في {written}، إن الاجتماع انتهى."
    assert [m.date for m in find_dates(text)] == [date]


@pytest.mark.parametrize("text", ["أمس الاثنين", "15 سبتمبر", "31 نيسان 2020", "منذ 2011",
                                  "2025-13-40"])
def test_incomplete_or_impossible_dates_are_not_guessed(text):
    assert find_dates(text) == []
