"""framing.validate.suggest: candidate cues from coded articles, on the tuning part of the coded
SaudiNewsNet sample (never its check part) and on the seeds."""

from __future__ import annotations


import pandas as pd
import pytest

from framing.errors import FramingError, ParameterError
from framing.features import CompiledCodebook
from framing.text import Cue, CueMatcher, Entry, normalize
from framing.validate import read_labels
from framing.validate.split import holdout_split
from framing.validate.suggest import COLUMNS, cue_forms, field_matcher, suggest_cues
from helpers import SEEDS, SEEDS_GOLD, SNN, devset, load_quietly, shared_path

FIELD = "topic:counterterrorism"
#: A codebook that knows terrorism by one stem only: what else marks the coders' 1s?
MINIMAL = """\
name: ct-minimal
version: "0.1"
topics:
  counterterrorism:
    cues:
      - {cue: "إرهاب*", weight: 2.0}
"""


@pytest.fixture(scope="module")
def tuning():
    shared_path(*SNN)
    gold = read_labels(shared_path("gold", "saudinewsnet_dev.csv"))
    gold = gold[holdout_split(gold["doc_id"]).to_numpy() == "tuning"].reset_index(drop=True)
    return gold, devset().dev_corpus(gold)


@pytest.fixture(scope="module")
def packaged():
    return CompiledCodebook("libya-egypt")


@pytest.fixture(scope="module")
def minimal(tmp_path_factory):
    path = tmp_path_factory.mktemp("cb") / "ct-minimal.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return CompiledCodebook(path)


def test_the_words_of_the_concept_rank_high_where_the_codebook_lacks_them(tuning, minimal):
    gold, corpus = tuning
    s = suggest_cues(gold, corpus, FIELD, minimal, top=10)
    assert list(s.columns) == COLUMNS and s["rank"].tolist() == list(range(1, len(s) + 1))
    # the name of the group the coders' counterterrorism articles are about comes first
    assert "داعش" in s["term"].head(3).tolist()
    stem = CueMatcher([Entry(FIELD, None, Cue.from_text("إرهاب*"))])
    assert not any(stem.find(t) for t in s["term"])  # nothing إرهاب* already finds
    assert s["z"].is_monotonic_decreasing and (s["z"] > 0).all()
    assert (s["count_pos"] >= 3).all() and (s["share_pos"] > s["share_neg"]).all()


def test_never_a_term_the_codebook_already_matches(tuning, packaged, minimal):
    gold, corpus = tuning
    s = suggest_cues(gold, corpus, FIELD, packaged, top=None)
    cues = CueMatcher([Entry(FIELD, None, c) for t in packaged.codebook.topics
                       if t.name == "counterterrorism" for c in t.cues])
    for term, written in zip(s["term"], s["example"]):
        assert not cues.find(term) and not cues.find(normalize(written)), term
    # what the minimal codebook is told (داعش among them) and the full one knows is left out
    known = [t for t in suggest_cues(gold, corpus, FIELD, minimal, top=30)["term"]
             if cues.find(t)]
    assert known and not set(known) & set(s["term"])


def test_examples_come_from_coded_1_articles_and_hold_the_term(tuning, packaged):
    gold, corpus = tuning
    s = suggest_cues(gold, corpus, FIELD, packaged, top=15, n_examples=3)
    coded = set(gold.loc[gold[FIELD] == "1", "doc_id"])
    n_pos = len(coded)
    assert s.attrs["units"] == {"positive": n_pos, "negative": len(gold) - n_pos,
                                "unit": "article"}
    for r in s.itertuples():
        ids = r.example_ids.split()
        assert 1 <= len(ids) <= 3 and len({i.split(":")[0] for i in ids}) == len(ids)
        assert {i.split(":")[0] for i in ids} <= coded
        for snippet in r.examples.split(" | "):  # each snippet shows the term
            assert r.term.split()[-1] in normalize(snippet), (r.term, snippet)
        assert r.count_pos <= n_pos and r.share_pos == pytest.approx(r.count_pos / n_pos)


def test_sentences_as_units_and_other_labels(tuning, packaged):
    gold, corpus = tuning
    s = suggest_cues(gold, corpus, FIELD, packaged, unit="sentence", top=5)
    assert s.attrs["units"]["unit"] == "sentence" and s.attrs["units"]["positive"] > 100
    tone = suggest_cues(gold, corpus, "tone", packaged, positive="negative", top=5)
    assert len(tone) == 5
    again = suggest_cues(gold, corpus, FIELD, packaged, unit="sentence", top=5)
    pd.testing.assert_frame_equal(s, again)  # the same inputs, the same table


def test_field_matcher_covers_the_cues_of_the_field(packaged):
    m = field_matcher(packaged, "stance:haftar")
    groups = {e.group for e in m.entries}
    assert {"target:haftar", "eval:haftar"} <= groups
    assert "actor" in groups  # the labels of the actors the target names


def test_proclitics_fold_into_the_word_they_stand_before():
    forms = cue_forms({"لليبيا": 4, "ليبيا": 40, "وليبيا": 6, "للانتخابات": 3, "والانتخابات": 2,
                       "وزير": 9, "زير": 1, "بالتزامن": 2})
    assert forms == {"لليبيا": "ليبيا", "ليبيا": "ليبيا", "وليبيا": "ليبيا",
                     "للانتخابات": "انتخابات", "والانتخابات": "انتخابات", "وزير": "وزير",
                     "زير": "زير", "بالتزامن": "تزامن"}


def test_bad_requests_are_framing_errors(packaged):
    gold = read_labels((SEEDS_GOLD / "seeds_articles.csv"))
    corpus = load_quietly(SEEDS)
    with pytest.raises(FramingError, match="both sides"):  # every seed is coded 1
        suggest_cues(gold, corpus, "topic:elections", packaged)
    with pytest.raises(ParameterError, match="unit"):
        suggest_cues(gold, corpus, "topic:border_security", packaged, unit="paragraph")
    with pytest.raises(FramingError):
        suggest_cues(gold, corpus, "topic:nothing", packaged)
