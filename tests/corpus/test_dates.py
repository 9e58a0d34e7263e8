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


# -- metadata values: numeric dates, formats, Hijri dates --------------------------------------

from framing.corpus.dates import is_hijri, metadata_date  # noqa: E402


@pytest.mark.parametrize("value, dayfirst, iso", [
    ("10/01/2025", True, "2025-01-10"),
    ("10/01/2025", False, "2025-10-01"),
    ("10/01/2025", None, ""),             # either order gives a date: not guessed
    ("25/01/2025", None, "2025-01-25"),   # only one order gives a date
    ("01/25/2025", None, "2025-01-25"),
    ("05/05/2025", None, "2025-05-05"),
    ("١٠/٠١/٢٠٢٥", True, "2025-01-10"),
    ("10.01.2025", True, "2025-01-10"),
    ("10-01-2025 14:00", True, "2025-01-10"),
    ("2025/01/10", None, "2025-01-10"),   # year first needs no order
    ("31/02/2025", True, ""),
    ("10/01/2025", True, "2025-01-10"),
])
def test_numeric_dates_in_the_order_told(value, dayfirst, iso):
    assert metadata_date(value, dayfirst=dayfirst) == iso


def test_date_format_as_pandas_takes_it():
    assert metadata_date("10.01.2025", date_format="%d.%m.%Y") == "2025-01-10"
    assert metadata_date("01/10/2025", date_format="%m/%d/%Y") == "2025-01-10"
    assert metadata_date("Jan 10 2025", date_format="%b %d %Y") == "2025-01-10"
    # a value the format does not fit is still read when it is unambiguous on its own
    assert metadata_date("2025-01-10", date_format="%d.%m.%Y") == "2025-01-10"
    assert metadata_date("hier", date_format="%d.%m.%Y") == ""


@pytest.mark.parametrize("value, gregorian", [
    ("12 رجب 1436 هـ", ""),
    ("1436/07/12هـ", ""),
    ("1436-07-12 هـ", ""),                 # not the year 1436 of the Gregorian calendar
    ("الأحد 12 رجب 1436هـ الموافق 3 مايو 2015م", "2015-05-03"),
    ("12 رمضان 1446 - 12 مارس 2025", "2025-03-12"),
])
def test_hijri_dates_are_recognised_not_converted(value, gregorian):
    assert is_hijri(value)
    assert metadata_date(value) == gregorian
    if not gregorian:  # nor is it read as a Gregorian date in a text
        assert find_dates(f"نشر في {value}") == []


@pytest.mark.parametrize("value", ["12 مايو 2020", "2015-07-21 02:51:32", "10/01/2025",
                                   "صفرية 2020"])
def test_gregorian_dates_are_not_hijri(value):
    assert not is_hijri(value)


def test_load_corpus_with_dayfirst_and_the_value_kept(tmp_path, seed_texts):
    from framing.corpus import load_corpus
    from framing.errors import CorpusWarning
    from helpers import load_quietly

    import pandas as pd

    texts = list(seed_texts.values())[:3]
    path = tmp_path / "c.csv"
    pd.DataFrame({"text": texts, "date": ["10/01/2025", "11/01/2025", "12 رجب 1436 هـ"]}).to_csv(
        path, index=False)
    with pytest.warns(CorpusWarning) as caught:
        df = load_corpus(path, dayfirst=True)
    assert df["date"].tolist() == ["2025-01-10", "2025-01-11", ""]
    assert df["date_raw"].tolist() == ["10/01/2025", "11/01/2025", "12 رجب 1436 هـ"]
    messages = [str(w.message) for w in caught]
    assert any("Hijri" in m and "date_raw" in m for m in messages), messages
    with pytest.warns(CorpusWarning) as caught:
        undecided = load_corpus(path, extract_metadata=False)
    assert any("--dayfirst" in str(w.message) for w in caught)
    assert undecided["date"].tolist() == ["", "", ""]
    assert undecided["date_source"].tolist() == ["unknown"] * 3
    assert load_quietly(path, date_format="%d/%m/%Y")["date"].tolist()[:2] == [
        "2025-01-10", "2025-01-11"]
