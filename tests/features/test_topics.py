"""framing.features.topics: cues with clitics and suffixes, sentences addressing a topic, shares."""

from __future__ import annotations

from framing.codebook import load_codebook
from framing.schema import TOPIC, names_of
from helpers import run_texts


def test_clitics_and_suffixes_match(mini):
    res = run_texts(mini, "دعا للانتخابات، وانتخاباتهم المقبلة، وبالانتخابات.")
    matched = res.evidence[res.evidence.field == "topic:elections"]["matched"].tolist()
    assert matched == ["للانتخابات", "وانتخاباتهم", "وبالانتخابات"]
    assert "انتخابي" not in res.evidence["matched"].tolist()


def test_article_topics_and_shares_follow_from_the_sentences(seeds_analysis):
    """share:T = the share of counted sentences addressing T; topic:T = enough of them."""
    _, res = seeds_analysis
    cb = load_codebook("libya-egypt")
    arts = res.articles.set_index("doc_id")
    counted = res.sentences[res.sentences["kind"] != "repeat"]
    topics = names_of(res.articles.columns, TOPIC)
    assert list(topics) == [t.name for t in cb.topics]
    for doc_id, rows in counted.groupby("doc_id"):
        for t in cb.topics:
            col = topics[t.name]
            addressing = int(rows[col].sum())
            assert arts.loc[doc_id, f"share:{t.name}"] == round(addressing / len(rows), 4)
            assert arts.loc[doc_id, col] == int(
                addressing >= t.setting(cb.settings, "topic_min_sentences"))


def test_a_sentence_addresses_a_topic_by_the_weight_of_its_distinct_cues(seeds_analysis):
    _, res = seeds_analysis
    cb = load_codebook("libya-egypt")
    weights = {(f"topic:{t.name}", c.text): c.weight for t in cb.topics for c in t.cues}
    min_weight = {f"topic:{t.name}": t.setting(cb.settings, "topic_min_weight") for t in cb.topics}
    ev = res.evidence[res.evidence["field"].str.startswith("topic:")]
    assert "1" in set(ev["label"])
    ev = ev[ev["label"] == "1"]  # the topic's own cues (not its context cues)
    total = ev.drop_duplicates(["doc_id", "sent_id", "field", "cue"]).groupby(
        ["doc_id", "sent_id", "field"])["cue"].apply(list)
    sentences = res.sentences.set_index(["doc_id", "sent_id"])
    for (doc_id, sent_id, col), cues in total.items():
        weight = sum(weights[(col, c)] for c in cues)  # each cue once per sentence
        addresses = weight >= min_weight[col]
        assert sentences.loc[(doc_id, sent_id), col] == int(addresses)
