"""framing.features.actors: labels and connotations, the longest label, names that mask cues."""

from __future__ import annotations

from framing.features import CompiledCodebook
from framing.features.actors import mask_actor_names
from framing.features.document import Document
from framing.schema import CONNOTATIONS
from framing.text import normalize
from helpers import run_texts


def test_longest_actor_label_wins(mini):
    res = run_texts(mini, "أوضح الوزير أن قوات حفتر تقدمت، وأن الجيش الوطني الليبي صامد.")
    got = res.actors.set_index("label")["connotation"].to_dict()
    assert got == {"قوات حفتر": "delegitimizing", "الجيش الوطني الليبي": "legitimizing"}


def test_evaluative_words_inside_an_actor_name_do_not_count(mini):
    res = run_texts(mini, "أوضح الوزير أن البرلمان الشرعي اجتمع.")
    tone = res.evidence[res.evidence.field == "tone"]
    assert tone.empty


def test_actor_labels_and_connotations(seeds_analysis):
    _, res = seeds_analysis
    a = res.actors
    def has(doc, actor, label, conn):
        rows = a[(a.doc_id.str.startswith(doc)) & (a.actor == actor) & (a.connotation == conn)]
        return rows["label"].str.contains(label, regex=False).any()
    assert has("004", "sisi", "رئيس الانقلاب", "delegitimizing")
    assert has("002", "lna", "قوات حفتر", "delegitimizing")
    assert has("003", "lna", "الجيش الوطني الليبي", "legitimizing")


def test_actor_counts_are_their_evidence_rows(seeds_analysis):
    corpus, res = seeds_analysis
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    ev = res.evidence[res.evidence["field"].str.startswith("actor:")]
    assert set(ev["label"]) <= set(CONNOTATIONS)
    counts = res.actors.groupby(["doc_id", "actor", "connotation"])["count"].sum()
    from_evidence = ev.assign(actor=ev["field"].str[len("actor:"):]).groupby(
        ["doc_id", "actor", "label"]).size()
    assert counts.to_dict() == from_evidence.to_dict()
    # A label is the codebook's label that matched (a stem label: the word matched, normalised).
    for r in res.actors.itertuples():
        rows = ev[(ev.doc_id == r.doc_id) & (ev.field == f"actor:{r.actor}")]
        assert any(e.cue == r.label or (e.cue.endswith("*") and
                                        r.label in normalize(texts[r.doc_id][e.start:e.end]))
                   for e in rows.itertuples()), r.label
    # Each sentence lists the actors whose labels it holds.
    for s in res.sentences[res.sentences["actors"] != ""].itertuples():
        here = ev[(ev.doc_id == s.doc_id) & (ev.sent_id == s.sent_id)]
        assert set(s.actors.split(";")) == set(here["field"].str[len("actor:"):])


def test_mask_actor_names_drops_cues_inside_a_name():
    """بعثة الأمم المتحدة للدعم is a name: its دعم is not support; the welcome around it is."""
    compiled = CompiledCodebook()
    doc = Document("رحبت بعثة الأمم المتحدة للدعم في ليبيا بإجراء الانتخابات.")
    groups = compiled.hits_by_sentence(doc)[0]
    (name,) = groups["actor"]

    def inside(hits):
        return [h for h in hits if name.start <= h.start and h.end <= name.end]

    evaluative = [g for g in groups if g == "sentiment" or g.startswith("eval:")]
    assert any(inside(groups[g]) for g in evaluative)  # للدعم is an evaluative cue ...
    outside = {g: [h for h in groups[g] if not inside([h])] for g in evaluative}
    mask_actor_names(groups)
    for g in evaluative:  # ... but not inside the name; every other cue stays
        assert not inside(groups[g]) and groups[g] == outside[g], g
    assert [doc.nt.text[h.start:h.end] for h in groups["eval:elections"]] == ["رحبت", "باجراء"]
    assert groups["actor"] == [name] and groups["target:elections"]


def test_wire_formulas_for_the_eastern_army_are_neutral():
    """'The army loyal to Haftar' is the wire's formula (neutral), the bare 'Libyan army'
    legitimising; 'the Libyan army' of the Tripoli government is the GNU's, not the LNA's."""
    res = run_texts(CompiledCodebook("libya-egypt"),
                    "وقال الجيش الليبي الموالي لحفتر إنه صد هجوما في بنغازي.",
                    "وأعلن الجيش الليبي السيطرة على منطقة الصابري في بنغازي.",
                    "وقال الجيش الليبي التابع لحكومة الوفاق إنه استعاد مدينة غريان.")
    acts = res.actors.set_index("doc_id")
    assert acts.loc[["d0"], "connotation"].tolist() == ["neutral"]
    assert acts.loc[["d0"], "actor"].tolist() == ["lna"]
    assert acts.loc[["d1"], "connotation"].tolist() == ["legitimizing"]
    assert "lna" not in acts.loc[["d2"], "actor"].tolist()
    arts = res.articles.set_index("doc_id")
    assert arts["stance:haftar"].tolist() == ["neutral", "pro", "absent"]


def test_haftar_air_force_under_his_name_is_delegitimising():
    """His aircraft and drones under his name are a marked choice, as قوات حفتر."""
    res = run_texts(CompiledCodebook("libya-egypt"),
                    "عاجل | حكومة الوفاق: طيران حفتر يقصف مدرسة في طرابلس",
                    "عاجل | مسيرات حفتر تستهدف الكلية العسكرية في طرابلس")
    acts = res.actors
    assert set(acts.loc[acts.actor == "lna", "connotation"]) == {"delegitimizing"}
    assert set(acts.loc[acts.actor == "lna", "doc_id"]) == {"d0", "d1"}
    assert res.articles["stance:haftar"].tolist() == ["con", "con"]
