"""framing.corpus.metadata: masthead, title, byline, dateline, dates and URL from the text."""

from __future__ import annotations

from framing.corpus import corpus_summary, extract_metadata, format_summary, load_corpus
from helpers import MEO, S000, S001, S002, S003, S004, by_id


def test_dates_are_read_from_the_seed_texts(bare_seeds):
    df = by_id(load_corpus(bare_seeds))
    assert "2025-09-15 event 'أمس الإثنين 15 سبتمبر 2025'" in df.loc[S000, "date_candidates"]
    # "أمس" dates the event; the article appeared the day after.
    assert df.loc[S000, ["event_date", "date"]].tolist() == ["2025-09-15", "2025-09-16"]
    assert "2026-02-17 published" in df.loc[S004, "date_candidates"]
    assert df.loc[S004, "date"] == "2026-02-17"
    assert df.loc[S004, "date_source"] == "text"
    # 002 says "أمس الاثنين" without a date: nothing is guessed.
    assert df.loc[S002, ["date", "event_date", "date_source"]].tolist() == ["", "", "unknown"]


def test_masthead_url_byline_dateline_title_are_read_from_the_seed_texts(bare_seeds):
    df = by_id(load_corpus(bare_seeds))
    assert df.loc[S004, ["outlet", "outlet_source"]].tolist() == [MEO, "text"]
    assert df.loc[S004, "title"].startswith("رئيس المخابرات المصرية")
    assert df.loc[S004, "url"].startswith("https://middle-east-online.com/")
    assert df.loc[S004, "url_source"] == "text"
    assert df.loc[S001, ["byline", "byline_source"]].tolist() == ["م/ خالد عبد العزيز", "text"]
    assert df.loc[S002, "dateline"] == "القاهرة"
    assert df.loc[S002, "title"] == "مصر توسع مجالات التعاون العسكري والأمني مع شرق ليبيا"
    # A long first sentence or a byline is not a title.
    assert df.loc[S000, "title"] == "" and df.loc[S001, "title"] == ""
    assert df.loc[S000, "outlet_source"] == "unknown"


def test_repeated_title_is_noticed_and_summarised(bare_seeds):
    df = by_id(load_corpus(bare_seeds))
    assert df["repeated_title"].to_dict() == {d: d == S003 for d in df.index}
    assert df.loc[S003, "title"] == "حفتر في القاهرة: مصر تسعى لإنهاء أزمة ليبيا"
    summary = corpus_summary(df.reset_index())
    assert summary["repeated_titles"] == [S003]
    assert S003 in format_summary(summary)


def test_extract_metadata_handles_a_text_with_nothing_to_find():
    meta = extract_metadata("نص قصير بلا عنوان ولا تاريخ.")
    assert {k: v for k, v in meta.items() if v} == {}
