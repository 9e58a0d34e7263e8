"""framing.features.quote_speakers: names remembered beside a role, nisba surnames, name cuts."""

from __future__ import annotations

import pytest

from framing.features import CompiledCodebook
from framing.features.quote_grammar import is_role_adjective, starts_name
from framing.text import normalize, tokenize
from helpers import run_texts


@pytest.fixture(scope="module")
def packaged():
    return CompiledCodebook("libya-egypt")


def _rows(packaged, text):
    return run_texts(packaged, text).quotes


def test_a_nisba_after_a_role_is_its_adjective_and_any_other_is_a_surname():
    assert is_role_adjective(normalize("المصري")) and is_role_adjective(normalize("الأممي"))
    assert is_role_adjective(normalize("الرسمية"))
    assert not is_role_adjective(normalize("الزوي")) and not is_role_adjective(normalize("السبسي"))
    assert not is_role_adjective(normalize("الوزير"))  # no nisba at all


def test_a_surname_written_before_the_role_makes_the_bare_name_an_official(packaged):
    q = _rows(packaged, "التقى عبد الرحمن الزوي وزير الطاقة بالوفد الزائر صباح اليوم. "
                        "وقال الزوي إن المحطات تعمل بكامل طاقتها.")
    assert q["speaker"].tolist() == ["الزوي"]
    assert q["source_type"].tolist() == ["official"]


def test_a_role_and_name_written_where_no_one_speaks_is_the_fullest_mention(packaged):
    q = _rows(packaged, "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس. "
                        "وقال كيري إن المحادثات كانت مثمرة.")
    assert q["speaker"].tolist() == ["وزير الخارجية الأمريكي جون كيري"]
    assert q["resolved"].tolist() == ["name"] and q["source_type"].tolist() == ["official"]


def test_a_name_that_begins_with_a_particle_is_a_speaker(packaged):
    words = tokenize(normalize("ما شاء الله الزوي"), words_only=True)
    assert starts_name(words, 0) and not starts_name(words, 1)
    q = _rows(packaged, "وقال ما شاء الله الزوي وزير الطاقة إن الإنتاج ارتفع.")
    assert q["speaker"].tolist() == ["ما شاء الله الزوي وزير الطاقة"]
    assert q["source_type"].tolist() == ["official"]


def test_the_head_of_a_business_association_is_not_an_official(packaged):
    q = _rows(packaged, "وقال حسن علي، رئيس جمعية رجال الأعمال، إن الأسعار سترتفع.")
    assert len(q) == 1 and q["speaker"].iloc[0].startswith("حسن علي")
    assert q["source_type"].iloc[0] == "other"


def test_a_report_of_an_institution_named_before_keeps_its_own_type(packaged):
    q = _rows(packaged, "وقالت المؤسسة العربية لضمان الاستثمار «ضمان» إن الاستثمارات تراجعت. "
                        "وأفاد تقرير مؤسسة «ضمان» بأن التدفقات انخفضت.")
    assert q["source_type"].tolist()[-1] == "report"
    assert q["speaker"].tolist()[-1].startswith("تقرير")
