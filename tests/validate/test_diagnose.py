"""framing.validate.diagnose: each error against the coders explained from the evidence.

On real text: the seed articles (with codebooks whose thresholds are moved so that known cues
fall short) and the tuning part of the coded SaudiNewsNet sample (never its check part).
"""

from __future__ import annotations

import re
import warnings
from importlib import resources

import pandas as pd
import pytest

from framing import analyze, load_codebook
from framing.errors import FramingError, SchemaError
from framing.features import CompiledCodebook
from framing.text import tokenize
from framing.validate import errors, paired_labels, read_labels
from framing.validate.diagnose import COLUMNS, diagnose, reason_counts
from framing.validate.notes import note_quotes
from framing.validate.split import holdout_split
from framing.validate.yamledit import with_thresholds
from helpers import SEEDS, SEEDS_GOLD, SNN, devset, load_quietly, shared_path


def packaged_text():
    return (resources.files("framing") / "data" / "codebooks" / "libya-egypt.yaml").read_text(
        encoding="utf-8")


def codebook_with(tmp_path, thresholds, name="moved.yaml"):
    """The packaged codebook with some thresholds moved, as a file."""
    path = tmp_path / name
    path.write_text(with_thresholds(packaged_text(), thresholds), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeds():
    gold = read_labels((SEEDS_GOLD / "seeds_articles.csv"))
    return gold, load_quietly(SEEDS)


@pytest.fixture(scope="module")
def packaged():
    return CompiledCodebook("libya-egypt")  # compiled once for the module


@pytest.fixture(scope="module")
def tuning(packaged):
    """The tuning part of saudinewsnet_dev.csv, its texts and the packaged codebook's analysis."""
    shared_path(*SNN)
    gold = read_labels(shared_path("gold", "saudinewsnet_dev.csv"))
    gold = gold[holdout_split(gold["doc_id"]).to_numpy() == "tuning"].reset_index(drop=True)
    corpus = devset().dev_corpus(gold)
    return gold, corpus, analyze(corpus, packaged)


def content_words(text):
    """Words of three letters or more, without a leading conjunction, preposition or article."""
    out = set()
    for w in tokenize(text, normalize=True, words_only=True):
        w = re.sub(r"^[وف]?(?:[بلك]?ال|لل|[بلك])?", "", w) if len(w) > 4 else w
        if len(w) >= 3:
            out.add(w)
    return out


def distinct_weight(evidence, doc, field, sent):
    """The weight of a topic in a sentence, from the evidence: distinct cues, each once."""
    rows = evidence[(evidence["doc_id"] == doc) & (evidence["field"] == field)
                    & (evidence["sent_id"] == sent) & (evidence["label"] == "1")]
    return float(rows.drop_duplicates("cue")["weight"].sum())


# -- seeds: known false negatives, the right reason -------------------------------------------

def test_a_topic_below_its_min_weight_is_explained_sentence_by_sentence(seeds, tmp_path):
    gold, corpus = seeds
    path = codebook_with(tmp_path, {"topic:elections": {"min_weight": 99.0}})
    d = diagnose(gold, corpus, path, fields=["topic:elections"])
    coded = set(gold.loc[gold["topic:elections"] == "1", "doc_id"])
    assert set(d["doc_id"]) == coded and set(d["kind"]) == {"FN"}  # every 1 is now missed
    res = analyze(corpus, path)
    below = d[d["cause"] == "below_min_weight"]
    assert len(below) >= len(coded)
    for r in below.itertuples():
        # the weight reported is the sum of the distinct cues the evidence has in that sentence
        assert r.weight == distinct_weight(res.evidence, r.doc_id, "topic:elections", r.sent_id)
        assert f"in s{r.sent_id}" in r.reason and "< min_weight of the field 99.0" in r.reason
        text = res.sentences.set_index(["doc_id", "sent_id"]).loc[(r.doc_id, r.sent_id), "text"]
        assert r.text == text
        ev = res.evidence
        found = ev[(ev["doc_id"] == r.doc_id) & (ev["field"] == "topic:elections")
                   & (ev["sent_id"] == r.sent_id)]
        listed = {re.sub(r" \([\d.]+\)( x\d+)?$", "", c) for c in r.cues.split("; ")}
        assert listed == set(found["cue"])


def test_an_evaluative_cue_beyond_the_window_is_named_with_its_distance(seeds, tmp_path):
    gold, corpus = seeds
    narrow = codebook_with(tmp_path, {f"stance:{s.name}": {"window": 1}
                                      for s in load_codebook().stances})
    d = diagnose(gold, corpus, narrow)
    far = d[(d["cause"] == "outside_window") & (d["kind"] == "FN")]
    assert len(far), "a window of one token leaves the seeds' evaluative cues outside"
    default = analyze(corpus)
    window = load_codebook().settings["stance_window"]
    checked = 0
    for r in far.itertuples():
        m = re.match(r"(pro|con) cue '(.+?)' (\d+) tokens from the target \(window of the "
                     r"field 1\)", r.reason)
        assert m, r.reason
        distance = int(m.group(3))
        assert distance > 1
        if distance <= window:  # with the packaged window the same cue counts there
            ev = default.evidence
            hit = ev[(ev["doc_id"] == r.doc_id) & (ev["field"] == r.field)
                     & (ev["sent_id"] == r.sent_id) & (ev["cue"] == m.group(2))]
            assert len(hit) and set(hit["label"]) <= {"pro", "con"}
            checked += 1
    assert checked


def test_false_positives_list_the_cues_that_fired(seeds, tmp_path):
    gold, corpus = seeds
    # any one cue now sets a topic: each coded-0 article with a cue of it is a false positive
    topics = [f for f in gold.columns if f.startswith("topic:")]
    path = codebook_with(tmp_path, {f: {"min_weight": 0.5} for f in topics})
    d = diagnose(gold, corpus, path, fields=topics)
    ev = analyze(corpus, path).evidence
    ev = ev[ev["label"] == "1"]  # a topic cue (not a context name, not out of the scope)
    with_cue = {(f, doc) for f, doc in zip(ev["field"], ev["doc_id"].astype(str))
                if f in topics and (gold.set_index("doc_id").loc[doc, f] == "0")}
    fp = d[d["kind"] == "FP"]
    assert with_cue and set(zip(fp["field"], fp["doc_id"])) == with_cue
    assert (fp["cause"] == "cues_fired").all() and (fp["weight"] >= 0.5).all()
    assert fp["cues"].str.len().gt(0).all() and fp["reason"].str.contains(">= min_weight").all()


# -- the tuning part of the coded SaudiNewsNet sample ------------------------------------------

def test_every_error_of_the_tuning_part_is_explained(tuning, packaged):
    gold, corpus, res = tuning
    d = diagnose(gold, corpus, packaged, analysis=res)
    assert list(d.columns) == COLUMNS and str(d["sent_id"].dtype) == "Int64"
    fields = [f for f in load_codebook().fields if f in gold]
    wrong = errors(paired_labels(gold, res.articles.astype(str), fields))
    assert set(zip(d["field"], d["doc_id"])) == set(zip(wrong["field"], wrong["doc_id"]))
    assert set(d["doc_id"]) <= set(gold["doc_id"])  # nothing of the check part
    counts = reason_counts(d)
    assert list(counts.columns) == ["field", "kind", "cause", "n"] and counts["n"].gt(0).all()


def test_topic_reasons_agree_with_the_evidence(tuning, packaged):
    gold, corpus, res = tuning
    d = diagnose(gold, corpus, packaged, analysis=res)
    st = load_codebook().settings
    topics = d[d["field"].str.startswith("topic:")]
    for r in topics.itertuples():
        if r.cause == "below_min_weight":
            w = distinct_weight(res.evidence, r.doc_id, r.field, r.sent_id)
            assert r.weight == w and w < st["topic_min_weight"]
        elif r.cause == "no_cue":
            ev = res.evidence
            assert not ((ev["doc_id"] == r.doc_id) & (ev["field"] == r.field)
                        & (ev["label"] == "1")).any()
        elif r.kind == "FP" and pd.notna(r.sent_id):
            assert r.cause == "cues_fired" and r.weight >= st["topic_min_weight"]


def test_the_coders_quoted_sentences_are_found_from_their_notes(tuning, packaged):
    gold, corpus, res = tuning
    d = diagnose(gold, corpus, packaged, analysis=res)
    noted = d[d["basis"] == "note"]
    assert len(noted), "the coders quote the words they coded from"
    notes = gold.set_index("doc_id")[["note_coder_a", "note_coder_b"]]
    for r in noted.itertuples():
        quotes = [q for n in notes.loc[r.doc_id] for q in note_quotes(n, r.field)]
        words = content_words(r.text)
        # the sentence holds at least half of the words of one fragment the coder quoted
        assert any(len(content_words(q) & words) >= len(content_words(q)) / 2 for q in quotes
                   if content_words(q)), (r.doc_id, r.field, r.sent_id)
    without = diagnose(gold, corpus, packaged, analysis=res, notes=False)
    assert not (without["basis"] == "note").any()


def test_the_same_article_analysed_or_not_gives_the_same_diagnosis(tuning, packaged):
    gold, corpus, res = tuning
    some = gold.head(20)
    a = diagnose(some, corpus, packaged, analysis=res)
    b = diagnose(some, corpus, packaged)
    pd.testing.assert_frame_equal(a, b)


# -- bad input ----------------------------------------------------------------------------------

def test_bad_input_is_a_framing_error(seeds):
    gold, corpus = seeds
    with pytest.raises(SchemaError, match="topic:nothing"):
        diagnose(gold, corpus, fields=["topic:nothing"])
    with pytest.raises(FramingError, match="no coded article is in the corpus"):
        diagnose(gold.assign(doc_id="x" + gold["doc_id"]), corpus)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        diagnose(gold, corpus[corpus["doc_id"] != gold["doc_id"].iloc[0]])
    assert any("not in the corpus" in str(w.message) for w in caught)


def test_a_one_sentence_post_is_diagnosed_with_the_short_report_threshold(seeds, tmp_path):
    """In a short report a sentence addresses a topic from SHORT_REPORT_FACTOR of min_weight
    (framing.features.topics): the reason names that threshold, not the full one."""
    from framing.features.topics import SHORT_REPORT_FACTOR
    from framing.text.sentences import split_sentences

    _, corpus = seeds
    path = codebook_with(tmp_path, {"topic:elections": {"min_weight": 99.0}})
    full = analyze(corpus, path)
    ev = full.evidence[(full.evidence["field"] == "topic:elections")
                       & (full.evidence["label"] == "1")]
    doc, sent = ev[["doc_id", "sent_id"]].iloc[0]
    text = full.sentences.set_index(["doc_id", "sent_id"]).loc[(doc, sent), "text"]
    assert len(split_sentences(text)) == 1
    post = corpus[corpus["doc_id"] == doc].assign(doc_id="post", text=text)
    gold = pd.DataFrame({"doc_id": ["post"], "topic:elections": ["1"]})
    d = diagnose(gold, post, path, fields=["topic:elections"])
    below = d[d["cause"] == "below_min_weight"]
    assert len(below) == 1
    assert f"< {SHORT_REPORT_FACTOR:g} x min_weight of the field (short report) " \
           f"{SHORT_REPORT_FACTOR * 99.0:g}" in below["reason"].iloc[0]


def test_two_weak_words_of_a_post_are_diagnosed_as_below_the_short_report_threshold():
    """Two 0.5 words add up to half of min_weight, but a short report needs one cue that
    weighs it alone: the false negative is `below_min_weight`, naming the strongest cue."""
    from framing import load_corpus

    post = "عاجل | وزير الدفاع يفتتح معرض القاهرة للكتاب ويشيد بالتعاون مع دور النشر"
    corpus = load_corpus(pd.DataFrame({"doc_id": ["post"], "text": [post]}))
    gold = pd.DataFrame({"doc_id": ["post"], "topic:military_cooperation": ["1"]})
    d = diagnose(gold, corpus, fields=["topic:military_cooperation"])
    below = d[d["cause"] == "below_min_weight"]
    assert len(below) == 1 and not (d["cause"] == "cues_fired").any()
    assert "the strongest cue, 0.5, < 0.5 x" in below["reason"].iloc[0]
