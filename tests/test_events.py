"""Events and stories: grouping, alignment within an event, the gazetteer and the CLI.

The evaluation runs on the Libya articles of SaudiNewsNet (../shared/data, CC BY-NC-SA: read
there, never copied into the repo) against the hand labels in tests/data/events_gold.csv.
"""

from __future__ import annotations

import doctest
import gzip
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT, SEEDS, shared_path
from framing import analyze
from framing.cli import main
from framing.corpus import load_corpus
from framing.errors import FramingError
from framing.events import (align_event, bcubed, group_events, label_comparison, load_gazetteer,
                            pairwise_scores, summarize_events)
from framing.text import normalize

GOLD = ROOT / "tests" / "data" / "events_gold.csv"
SNN = ("data", "saudinewsnet", "saudinewsnet.jsonl.gz")
# Libya articles: the normalised title or text names Libya or Libyans (with clitics), or an
# unambiguous Libyan city. (سرت alone is also a verb and طرابلس also the Lebanese city.)
_CLITICS = r"(?<!\w)(?:[وفبل]?(?:ال|لل)?)?"
LIBYA_RE = re.compile(_CLITICS + r"(?:ليبيا|ليبي|ليبية|ليبيين|ليبيون|ليبيتين|ليبيان"
                      r"|بنغازي|درنة|طبرق|مصراتة|الزنتان)(?!\w)")
# A cheap test on the raw JSON line before decoding; every Libya article passes it.
_RAW_HINTS = ("ليب", "بنغازي", "درن", "طبرق", "مصرات", "الزنتان")


# --- fixtures -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus(SEEDS)
    return corpus, analyze(corpus)


@pytest.fixture(scope="module")
def libya(tmp_path_factory):
    """The ~380 Libya articles of SaudiNewsNet, loaded with load_corpus, and their analysis."""
    src = shared_path(*SNN)
    tmp = tmp_path_factory.mktemp("snn") / "libya-candidates.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as fin, tmp.open("w", encoding="utf-8") as fout:
        for line in fin:
            if any(h in line for h in _RAW_HINTS):
                fout.write(line)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # real feeds repeat items and carry empty texts
        corpus = load_corpus(tmp)
    text = corpus["title"].fillna("") + "\n" + corpus["text"].fillna("")
    corpus = corpus[[bool(LIBYA_RE.search(normalize(t))) for t in text]].reset_index(drop=True)
    gold = pd.read_csv(GOLD)
    return corpus, analyze(corpus), gold


@pytest.fixture(scope="module")
def libya_events(libya):
    corpus, analysis, _ = libya
    return group_events(corpus, analysis)


def _with_gold(events, corpus, gold):
    return (events.merge(corpus[["doc_id", "url"]], on="doc_id")
            .merge(gold, on="url", validate="one_to_one"))


# --- the seed story -------------------------------------------------------------------------

@pytest.mark.parametrize("with_analysis", [False, True])
def test_seeds_are_five_meetings_of_one_story(seeds, with_analysis):
    corpus, analysis = seeds
    events = group_events(corpus, analysis if with_analysis else None)
    assert list(events.columns) == ["doc_id", "event_id", "story_id", "similarity"]
    assert len(events) == 5
    # Five different meetings on different dates: five events, one story.
    assert events["event_id"].nunique() == 5
    assert events["story_id"].unique().tolist() == ["S001"]
    # Alone in its event, an article has no similarity to the rest of it.
    assert events["similarity"].isna().all()


def test_ids_follow_dates_then_doc_ids(seeds):
    corpus, _ = seeds
    events = group_events(corpus).set_index("doc_id")["event_id"]
    # 000 (2025-09-16) and 004 (2026-02-17) are dated; the undated follow in doc_id order.
    assert events["000_d3e141acfa460186"] == "E0001"
    assert events["004_07d685bfe4e10dc6"] == "E0002"
    assert events[["001_96635321e4ee60bd", "002_be25e2c6883d7c20",
                   "003_19dffe29337ef76b"]].tolist() == ["E0003", "E0004", "E0005"]


def test_deterministic_and_independent_of_row_order(seeds):
    corpus, analysis = seeds
    first = group_events(corpus, analysis)
    again = group_events(corpus, analysis)
    shuffled = group_events(corpus.sample(frac=1, random_state=7), analysis)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first, shuffled)


def test_dates_gate_events_but_not_stories(seeds):
    corpus, _ = seeds
    base = corpus[corpus["doc_id"] == "000_d3e141acfa460186"]
    copies = pd.concat([
        base,
        base.assign(doc_id="copy_next_day", date="2025-09-17"),   # same event
        base.assign(doc_id="copy_next_week", date="2025-09-23"),  # outside the window
        base.assign(doc_id="copy_undated", date=""),              # content alone decides
    ], ignore_index=True)
    events = group_events(copies).set_index("doc_id")
    ev = events["event_id"]
    assert ev["copy_next_day"] == ev["000_d3e141acfa460186"] == ev["copy_undated"]
    assert ev["copy_next_week"] != ev["000_d3e141acfa460186"]
    assert events["story_id"].nunique() == 1
    # The similarity is the content score, whatever the dates: identical texts score 1.
    assert events.loc["copy_next_day", "similarity"] == pytest.approx(1.0)


def test_undated_articles_need_a_stricter_threshold(seeds):
    corpus, _ = seeds
    undated = corpus.assign(date="")
    # With dates removed, the five meetings stay five events under the default rule, but the
    # dated rule (undated_threshold = event_threshold) would join the closest pair.
    assert group_events(undated)["event_id"].nunique() == 5
    loose = group_events(undated, event_threshold=0.2, undated_threshold=0.2)
    assert loose["event_id"].nunique() < 5


def test_parameters_are_checked(seeds):
    corpus, _ = seeds
    with pytest.raises(FramingError, match="event_threshold"):
        group_events(corpus, event_threshold=0)
    with pytest.raises(FramingError, match="undated_threshold"):
        group_events(corpus, event_threshold=0.4, undated_threshold=0.3)
    with pytest.raises(FramingError, match="text"):
        group_events(corpus.drop(columns="text"))


def test_summary_reads_the_grouping(seeds):
    corpus, _ = seeds
    summary = summarize_events(group_events(corpus), corpus)
    assert summary["event_id"].tolist() == [f"E000{k}" for k in range(1, 6)]
    assert summary["n_articles"].tolist() == [1] * 5
    assert summary.loc[0, "first_date"] == "2025-09-16"


# --- SaudiNewsNet, Libya articles -----------------------------------------------------------

def test_gold_labels_cover_real_articles(libya):
    corpus, _, gold = libya
    assert 350 <= len(corpus) <= 420
    assert gold["url"].is_unique
    assert set(gold["url"]) <= set(corpus["url"])
    sizes = gold.groupby("event").size()
    assert (sizes >= 2).sum() >= 8  # events reported by several articles
    assert (sizes == 1).sum() >= 10  # and unrelated items, each its own event


def test_events_match_hand_labels(libya, libya_events):
    corpus, _, gold = libya
    data = _with_gold(libya_events, corpus, gold)
    scores = bcubed(data["event_id"], data["event"])[["precision", "recall"]].mean()
    # Measured 0.92 / 0.90 (docs/events.md). 0.85 leaves room for three to five of the 92
    # labelled articles to move with a dependency update; single linkage instead of average
    # linkage (precision 0.75) fails it. The date gate is tested on the seeds above.
    assert scores["precision"] >= 0.85
    assert scores["recall"] >= 0.85


def test_stories_match_hand_labels(libya, libya_events):
    corpus, _, gold = libya
    data = _with_gold(libya_events, corpus, gold)
    scores = bcubed(data["story_id"], data["story"])[["precision", "recall"]].mean()
    # Measured 0.85 / 0.84; stories are a coarser, more subjective notion than events.
    assert scores["precision"] >= 0.75
    assert scores["recall"] >= 0.75


# Events reported within a day or two by several outlets whose leads report that event alone.
# (dabbashi_plot_foiled is left out on purpose: one of its reports opens with a second, unrelated
# happening and is grouped with that one; docs/events.md lists it among the errors.)
@pytest.mark.parametrize("event", ["migrant_shipwreck", "saif_death_sentence",
                                   "ajdabiya_clashes", "misrata_security_alert",
                                   "unhcr_224k_arrivals", "tunisia_denies_us_base",
                                   "eu_fac_libya_sanctions", "shipwreck_survivors_sicily"])
def test_same_day_reports_by_several_outlets_group_together(libya, libya_events, event):
    corpus, _, gold = libya
    data = _with_gold(libya_events, corpus, gold)
    assert data.loc[data["event"] == event, "event_id"].nunique() == 1


def test_unrelated_libya_items_stay_apart(libya, libya_events):
    corpus, _, gold = libya
    data = _with_gold(libya_events, corpus, gold)
    lone = gold.groupby("story")["event"].transform("nunique").eq(1) & \
        gold.groupby("event")["url"].transform("size").eq(1)
    lone_urls = set(gold.loc[lone, "url"])
    assert len(lone_urls) >= 10
    for url in lone_urls:
        ev = data.loc[data["url"] == url, "event_id"].iloc[0]
        assert (data["event_id"] == ev).sum() == 1, url


def test_libya_grouping_is_deterministic(libya, libya_events):
    corpus, analysis, _ = libya
    pd.testing.assert_frame_equal(libya_events, group_events(corpus, analysis))


# --- within an event ------------------------------------------------------------------------

def test_align_event_finds_shared_and_omitted_claims(libya, libya_events):
    corpus, analysis, gold = libya
    data = _with_gold(libya_events, corpus, gold)
    event_id = data.loc[data["event"] == "migrant_shipwreck", "event_id"].iloc[0]
    table = align_event(corpus, analysis, event_id, events=libya_events)
    assert list(table.columns) == ["claim_id", "claim_text", "outlet", "doc_id", "date",
                                   "sent_id", "text", "included", "similarity"]
    assert set(table["outlet"]) == {"aawsat", "aleqtisadiya", "alweeam"}
    # Every claim has one row per article.
    assert (table.groupby("claim_id").size() == 3).all()
    included = table.pivot(index="claim_id", columns="outlet", values="included")
    # The agency report (Italian coast guard: more than 200 missing, 400 rescued) is shared by
    # two outlets; the third reported the capsizing in other words and omits those claims.
    shared = included[included["aawsat"] & included["aleqtisadiya"] & ~included["alweeam"]]
    assert len(shared) >= 3
    first = table[table["claim_id"] == shared.index[0]].set_index("outlet")
    assert "خفر السواحل" in first.loc["aawsat", "text"]
    assert first.loc["aleqtisadiya", "similarity"] >= 0.35
    assert first.loc["alweeam", "similarity"] < 0.35
    # alweeam ran the Reuters copy, which aawsat also folded into its report: those claims
    # align between the two and are absent from aleqtisadiya's AFP copy.
    assert (included["aawsat"] & included["alweeam"] & ~included["aleqtisadiya"]).any()
    # And each outlet has claims of its own.
    assert (included.sum(axis=1) == 1).any()


def test_align_event_by_doc_ids_and_errors(seeds):
    corpus, analysis = seeds
    ids = ["000_d3e141acfa460186", "002_be25e2c6883d7c20"]
    table = align_event(corpus, analysis, ids)
    assert set(table["doc_id"]) == set(ids)
    assert table.groupby("claim_id")["included"].any().all()
    # Without an analysis the texts are split here, with the same sentence ids.
    assert not align_event(corpus, None, ids).empty
    with pytest.raises(FramingError, match="two articles"):
        align_event(corpus, analysis, ids[:1])
    with pytest.raises(FramingError, match="events table"):
        align_event(corpus, analysis, "E0001")
    with pytest.raises(FramingError, match="not in the corpus"):
        align_event(corpus, analysis, ["000_d3e141acfa460186", "nope"])


def test_label_comparison_per_outlet(seeds):
    _, analysis = seeds
    table = label_comparison(analysis)
    assert list(table.columns) == ["actor", "outlet", "label", "connotation", "count",
                                   "n_articles", "share"]
    sisi = table[table["actor"] == "sisi"]
    # The same president, named neutrally by most outlets and as a coup leader by one.
    assert "delegitimizing" in set(sisi["connotation"])
    assert "neutral" in set(sisi["connotation"])
    shares = table.groupby(["actor", "outlet"])["share"].sum()
    assert np.allclose(shares, 1.0)
    one = label_comparison(analysis, ["004_07d685bfe4e10dc6"])
    assert set(one["outlet"]) == {"ميدل إيست أونلاين"}


# --- places ---------------------------------------------------------------------------------

def test_gazetteer_matches_clitics_and_avoids_common_words():
    gaz = load_gazetteer()
    assert gaz.find("وصل وفد من بنغازي ووبنغازي وبالقاهرة إلى ترهونة") == [
        "benghazi", "cairo", "tarhuna"]
    assert gaz.find("مؤتمر في الدار البيضاء") == ["casablanca"]
    assert gaz.find("يتقن ثلاث لغات") == []
    assert gaz.find("اشتباكات في إجدابيا وراس لانوف") == ["ajdabiya", "ras_lanuf"]
    assert gaz.places["place"].is_unique


def test_gazetteer_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "places.yaml"
    bad.write_text("places:\n  x: {name: س, variants: []}\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"places.yaml:2.*variants"):
        load_gazetteer(bad)
    with pytest.raises(FramingError, match="unknown gazetteer"):
        load_gazetteer("nowhere")


# --- evaluation helpers ---------------------------------------------------------------------

def test_bcubed_and_pairwise_scores():
    pred, gold = ["a", "a", "b", "c"], ["x", "x", "x", "y"]
    per_item = bcubed(pred, gold)
    assert per_item["precision"].tolist() == [1, 1, 1, 1]
    assert per_item["recall"].round(3).tolist() == [0.667, 0.667, 0.333, 1.0]
    pw = pairwise_scores(pred, gold)
    assert (pw["precision"], pw["n_gold_pairs"], pw["n_correct_pairs"]) == (1.0, 3, 1)
    with pytest.raises(FramingError):
        bcubed(["a"], ["x", "y"])


def test_docstring_examples():
    import framing.events.align
    import framing.events.evaluate
    import framing.events.gazetteer
    import framing.events.leads

    for module in (framing.events.align, framing.events.evaluate, framing.events.gazetteer,
                   framing.events.leads):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__


# --- command line ---------------------------------------------------------------------------

def test_cli_writes_events_csv(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["events", str(SEEDS), "--out", str(out), "--codebook", "libya-egypt"]) == 0
    events = pd.read_csv(out / "events.csv")
    assert list(events.columns) == ["doc_id", "event_id", "story_id", "similarity"]
    assert events["event_id"].nunique() == 5 and events["story_id"].nunique() == 1
    assert "5 events" in capsys.readouterr().out
    assert [p.name for p in out.iterdir()] == ["events.csv"]  # no temporary file left


@pytest.mark.parametrize("argv", [
    ["events", "{missing}", "--out", "{out}"],
    ["events", "{seeds}", "--out", "{out}", "--event-threshold", "1.5"],
    ["events", "{seeds}", "--out", "{out}", "--codebook", "no-such-codebook"],
    ["events", "{seeds}", "--out", "{out}", "--gazetteer", "{missing}.yaml"],
])
def test_cli_user_errors(tmp_path, capsys, argv):
    out = tmp_path / "out"
    argv = [a.format(missing=tmp_path / "missing", out=out, seeds=SEEDS) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_refuses_a_file_as_output(tmp_path, capsys):
    out = tmp_path / "events.csv"
    out.write_text("keep me", encoding="utf-8")
    assert main(["events", str(SEEDS), "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "not a folder" in capsys.readouterr().err


def test_gold_file_has_the_documented_columns():
    gold = pd.read_csv(GOLD)
    assert list(gold.columns) == ["url", "event", "story"]
    assert gold.notna().all().all()
    # Each event belongs to exactly one story.
    assert (gold.groupby("event")["story"].nunique() == 1).all()


def test_cli_defaults_are_the_function_defaults():
    import inspect

    from framing.cli import build_parser

    args = build_parser().parse_args(["events", "CORPUS", "--out", "OUT"])
    for name, param in inspect.signature(group_events).parameters.items():
        if param.kind is param.KEYWORD_ONLY and hasattr(args, name):
            assert getattr(args, name) == param.default, name
