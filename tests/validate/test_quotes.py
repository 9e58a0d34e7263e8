"""framing.validate.quotes: the scoring rule of coded statements, the split, the CLI."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.validate.quotes import (
    QUOTES_SALT, as_quotes, evaluate_quotes, match_quotes, quote_scores, quote_split,
    read_quote_gold, speaker_words, token_f1,
)
from helpers import GOLD, S003, SEEDS, devset, load_quietly, run_cli, shared_path


@pytest.fixture(scope="module")
def seed_analysis():
    from framing import analyze

    return analyze(load_quietly(SEEDS).query("doc_id == @S003"), "libya-egypt")


def _gold_of(analysis):
    """A coder's table written from the analysis's own phrase quotes (snippet = 6 words)."""
    q = analysis.quotes[analysis.quotes.resolved == "phrase"]
    text = analysis.sentences.set_index("sent_id")["text"]
    rows = [{"doc_id": r.doc_id, "n": str(i + 1), "speaker": r.speaker,
             "source_type": r.source_type, "verb": r.verb,
             "snippet": " ".join(text[r.sent_id].split()[-6:])} for i, r in enumerate(q.itertuples())]
    return pd.DataFrame(rows)


def test_speaker_words_follow_the_readme_rule():
    assert speaker_words("والمتحدث باسم الحكومة") == ["متحدث", "باسم", "حكومه"]
    assert speaker_words("وزير") == ["وزير"]  # four letters: no proclitic is stripped
    assert speaker_words("الأُمم") == speaker_words("الامم")
    assert token_f1(["a", "b"], ["a", "b"]) == 1.0 and token_f1(["a"], []) == 0.0


def test_a_coder_scored_against_itself_is_perfect_and_a_lost_statement_is_missed(seed_analysis):
    gold = _gold_of(seed_analysis)
    assert len(gold) >= 3
    m = match_quotes(gold, seed_analysis.quotes[seed_analysis.quotes.resolved == "phrase"],
                     seed_analysis.sentences)
    s = quote_scores(m).iloc[0]
    assert (s.precision, s.recall, s.source_type_accuracy, s.speaker_f1) == (1, 1, 1, 1)
    fewer = seed_analysis.quotes[seed_analysis.quotes.resolved == "phrase"].iloc[1:]
    m = match_quotes(gold, fewer, seed_analysis.sentences)
    missed = m[m.status == "missed"]
    assert len(missed) == 1 and missed.iloc[0]["sentence"]  # listed with its sentence
    assert quote_scores(m).iloc[0].recall == pytest.approx((len(gold) - 1) / len(gold))


def test_a_speaker_sharing_too_few_words_is_not_a_match(seed_analysis):
    gold = _gold_of(seed_analysis)
    wrong = gold.assign(speaker="شخص آخر تماما")
    m = match_quotes(wrong, seed_analysis.quotes, seed_analysis.sentences)
    assert (m.status == "matched").sum() == 0 and (m.status == "spurious").any()


def test_the_split_is_fixed_by_rule():
    ids = [f"snn{i:05d}" for i in range(60)]
    parts = quote_split(ids)
    assert QUOTES_SALT == "framing-quotes-v1"
    assert parts.tolist() == quote_split(list(reversed(ids))).reindex(ids).tolist()
    assert 0.15 < (parts == "check").mean() < 0.5


def test_coder_b_against_coder_a_reproduces_the_readme():
    a = read_quote_gold(shared_path("gold", "saudinewsnet_dev_quotes_a.csv"))
    b = read_quote_gold(GOLD / "saudinewsnet_dev_quotes_b.csv")
    shared_path(*("data", "saudinewsnet", "saudinewsnet.jsonl.gz"))
    from framing.features.document import Document

    ds = devset()
    labels = pd.read_csv(ds.GOLD, dtype=str, keep_default_na=False)
    corpus = ds.dev_corpus(labels[labels.doc_id.isin(a.attrs["doc_ids"])])
    rows = [{"doc_id": d, "sent_id": i, "text": s.text} for d, t in zip(corpus.doc_id, corpus.text)
            for i, s in enumerate(Document(t).sentences)]
    sentences = pd.DataFrame(rows)
    s = quote_scores(match_quotes(a, as_quotes(b, sentences), sentences)).iloc[0]
    assert round(s.f1, 2) == 0.97 and round(s.source_type_accuracy, 2) == 0.97
    assert round(s.speaker_f1, 2) == 0.76


def test_evaluate_quotes_cli(tmp_path, capsys, seed_analysis):
    pred = tmp_path / "res"
    seed_analysis.save(pred)
    gold = tmp_path / "gold.csv"
    _gold_of(seed_analysis).to_csv(gold, index=False)
    code, out, _ = run_cli(capsys, "evaluate", "--quotes", gold, "--pred", pred, "--out", tmp_path)
    assert code == 0 and "precision" in out
    scores = pd.read_csv(tmp_path / "quote_scores.csv")
    assert scores["recall"].iloc[0] == 1.0
    code, _, err = run_cli(capsys, "evaluate", "--quotes", tmp_path / "nope.csv", "--pred", pred)
    assert code == 2 and "nope.csv" in err
    scores, matches = evaluate_quotes(read_quote_gold(gold), seed_analysis,
                                      quote_split([S003]))
    assert set(scores["part"]) == {quote_split([S003]).iloc[0], "all"}
