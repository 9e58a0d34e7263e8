"""The grammar of attribution in MSA news: which words end, cut or continue a speaker phrase.

The codebook lists the *lexicon* of saying (verbs, prepositions and participles of saying, the
cues of each source type); this module holds the closed word classes of the language that every
codebook shares, in normalised spelling (:mod:`framing.text.normalize`):

- complementisers and the colon or an opening quote that begin a statement (``أن``, ``إن``,
  ``بأن``, ``أنه`` ...), and the prepositions a verb of saying takes (أشار إلى، شدد على، أعرب
  عن، حذر من);
- words after which a speaker phrase is over: time words (أمس، اليوم، الثلاثاء، الشهر الماضي),
  relative pronouns (الذي، التي), the occasion (في بيان، في مؤتمر صحفي، خلال، عقب), the medium
  (لـ«الشرق الأوسط»، لوكالة);
- the forms of an attribution: a preposition of attribution (بحسب، وفقا لـ، نقلا عن، على
  لسان), a circumstantial participle (مؤكدا، مشيرة، مضيفين) that continues the clause's speaker,
  and a pronoun object (حسب قوله، على حد تعبيره) that repeats the speaker of the statement.
"""

from __future__ import annotations

from functools import lru_cache

from ..text.clitics import strip_article
from ..text.normalize import normalize

__all__ = ["strip_article"]


def _norm(words):
    return frozenset(normalize(w) for w in words.split())


COMPLEMENTISERS = _norm(
    "أن إن أنه إنه أنها إنها أنهم إنهم أنهما أنهن أننا إننا أنني إنني أني إني بأن بأنه بأنها "
    "بأنهم بأنهما بأننا لأن لأنه لأنها وأن وإن")
#: Prepositions that a verb of saying takes before its statement (أشار إلى، شدد على ...).
VERB_PREPOSITIONS = _norm("إلى على عن من")
OPEN_QUOTES = frozenset("«\"“'‘")
CLOSE_QUOTES = frozenset("»\"”'’")
PUNCT_END = frozenset(":")
CLAUSE_BREAKS = frozenset(".،,;؛!?؟")

RELATIVES = _norm("الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي")
#: Words after which a speaker phrase is over (a time, an occasion, a manner, a relative clause).
SPEAKER_STOPS = RELATIVES | _norm(
    "أمس اليوم الآن حاليا غدا الليلة صباح مساء ظهر صباحا مساء يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء "
    "الخميس الجمعة السبت خلال عقب أثناء إثر قبل بعد منذ أيضا كذلك بدوره بدورها بدورهم نيابة "
    "باعتبار حيث عبر أمام وسط لدى مخاطبا مضيفا قائلا قائلة إذ فيما بينما كما لكن غير")
#: Time nouns that end a speaker phrase when a temporal adjective follows (الشهر الماضي).
TIME_NOUNS = _norm("الشهر الأسبوع العام السنة الأيام الساعات الفترة الأشهر الأسابيع شهر أسبوع")
TIME_ADJECTIVES = _norm("الماضي الماضية الحالي الحالية الجاري الجارية المقبل المقبلة القادم "
                        "القادمة المنصرم الفائت السابق")
#: After في, the occasion of speaking (في بيان، في تصريح صحفي) rather than a place or an office.
OCCASIONS = _norm(
    "بيان بيانه بيانها تصريح تصريحه تصريحها تصريحات تصريحاته مؤتمر حديث حديثه حديثها مقابلة "
    "كلمة كلمته كلمتها رسالة رسالته لقاء اتصال ختام بداية افتتاح تقرير تقريره تقريرها تغريدة "
    "منشور حوار ندوة جلسة اجتماع خطاب خطابه مداخلة برنامج تعليق تعليقه معرض سياق إطار وقت ضوء "
    "رده ردها معرض")
#: Media nouns after the preposition لـ: the outlet spoken to, not a speaker (قال لوكالة ...).
MEDIA_NOUNS = _norm("وكالة صحيفة قناة موقع الصحفيين الصحافيين وسائل جريدة مجلة إذاعة تلفزيون")
#: Person roles that, after the preposition لـ, name the one spoken to (قالت دول الخليج لوزير
#: الخارجية الأميركي): the speaker phrase ends before them.
ADDRESSEES = _norm("وزير الرئيس رئيس نظيره نظيرته نظرائه المبعوث السفير الملك الأمير الصحفيين "
                   "الصحافيين")

#: Words a speaker phrase does not begin with (particles, pronouns, demonstratives).
NOT_SPEAKER_START = _norm(
    "في من عن مع على إلى الى بين إلا عندما حين حينما لما كلما حتى إذا ما لا لم لن قد كان كانت هذا هذه ذلك تلك هناك هنا هو هي هم حيث له "
    "لها لهم به بها بهم فيه فيها منه منها عنه عنها أنه أنها إنه أن إن بأن جميع أي أهمية ضرورة") \
    | COMPLEMENTISERS
#: The participle of قال (قائلا): after a verb of saying it introduces the same statement.
SAYING_PARTICIPLE = normalize("قائل")
#: Auxiliaries before the verb of a clause (وكان ساركوزي شكك ...).
AUXILIARIES = _norm("كان وكان فكان كانت وكانت")

#: Honorific titles: the source type comes from a role beside them when there is one (الدكتور
#: حيدر العبادي رئيس الوزراء is an official).
HONORIFICS = _norm("الدكتور الدكتورة دكتور دكتورة د. د")

#: Words before من that make it partitive (أحد من، واحدة من): inside a speaker phrase, not the
#: preposition of a verb of saying.
PARTITIVES = _norm("أحد إحدى واحد واحدة بعض")

#: Role heads whose complement says whose role it is (رئيس واحدة من أكبر الشركات الخاصة): when
#: a later cue of the phrase is not an official one, the source type is that cue's.
ROLE_HEADS = _norm("رئيس رئيسة الرئيس مدير مديرة المدير عضو مؤسس المؤسس")

#: Compound personal names that begin with a particle (ما شاء الله الزوي).
PARTICLE_NAMES = (tuple(normalize(w) for w in ("ما", "شاء", "الله")),)
#: Words not remembered as a speaker's name (الله in عبد الله، ما شاء الله).
NOT_NAMES = _norm("الله بذلك لذلك كذلك ذلك بهذا لهذا هذا")
#: Endings of a plural role (الوزراء، المسؤولون، المحللين): no personal name follows it.
PLURAL_ENDINGS = tuple(normalize(w) for w in ("اء", "ون", "ين", "ات"))
#: Source types that no personal name follows (مصدر أمني، البيان).
NAMELESS_TYPES = frozenset(("unnamed", "report"))
#: Proclitics before a role that are not part of its mention (لوزير، ووزير، بوزير).
NAME_PROCLITICS = frozenset(("و", "ل", "ب", "ف", "ول", "وب", "فل", "فب"))
#: Source types of the persons whose role and name, written where they do not speak, are the
#: fullest mention of a later speaker (وزير الخارجية الأميركي جون كيري ... وقال كيري).
INTRODUCED_TYPES = frozenset(("official", "expert", "media"))
#: Pronouns of an apposition (حسني بي وهو رئيس ...): a speaker phrase too long for one name is
#: cut before them or at its first comma.
APPOSITION_PRONOUNS = _norm("وهو وهي وهم وهما")
#: Prepositions that attach a place to a role (المبعوث الأممي إلى ليبيا برناردينو ليون).
ROLE_PLACE_PREPOSITIONS = _norm("إلى لدى في")


#: Stems of the nisba adjectives that follow a role (وزير الخارجية المصري، المبعوث الأممي، الناطق
#: الرسمي): countries and peoples, and the adjectives of office. Another ``ال...ي`` word after a
#: role is a surname (الرئيس التونسي الباجي قائد السبسي، العقيد أحمد المسماري).
_ADJECTIVE_STEMS = frozenset(normalize(w) for w in (
    "ليب مصر تونس جزائر مغرب سودان سعود قطر إمارات أمريك أميرك امريك فرنس بريطان إيطال ألمان "
    "روس صين ترك إيران أمم دول أوروب أفريق إفريق عرب خليج إسرائيل فلسطين سور عراق أردن لبنان "
    "يمن عمان كويت بحرين باكستان هند يونان مالط إسبان يابان كند أسترال تشاد نيجير مال موريتان "
    "نيجر سويد نرويج هولند بلجيك سويسر برازيل أفغان إثيوب أوغند كين صومال إريتر "
    "رسم عسكر أمن إعلام سياس اقتصاد وطن شرع إقليم محل حكوم رئاس استراتيج قانون حقوق اجتماع "
    "دبلوماس برلمان نياب تنفيذ شعب ثور إسلام ديمقراط جمهور ملك أمير مركز أساس فن طب علم "
    "قضائ إنسان تشريع انتخاب مصرف نفط إدار جنائ دستور حزب قوم شرق غرب جنوب شمال دول أممي "
    "أكاديم صحف صحاف بحر جو بر ميدان فعل أصل تاريخ ثقاف جامع عالم ثان ثالث رابع خامس "
    "ثن ثلاث").split())


@lru_cache(maxsize=1 << 16)
def is_role_adjective(tok):
    """A nisba adjective of a role (المصري، الأممي، الرسمية), not a nisba surname."""
    if not tok.startswith("ال"):
        return False
    stem = tok[2:]
    for suffix in ("يين", "يون", "ية", "ي"):
        if stem.endswith(suffix):
            return stem[:-len(suffix)] in _ADJECTIVE_STEMS
    return False


def starts_name(tokens, k):
    """A compound name that begins with a particle starts at ``tokens[k]`` (ما شاء الله)."""
    return any(tuple(tokens[k:k + len(n)]) == n for n in PARTICLE_NAMES)


#: Negators before a verb of saying: nothing was said (لا يقول، لم يذكر).
NEGATORS = _norm("لا لم لن ليس")

#: Reflexive and demonstrative words after a noun (المصادر نفسها، المسؤول ذاته): not names.
REFLEXIVES = _norm("نفسه نفسها نفسهم أنفسهم ذاته ذاتها ذاتهم عينه عينها")

#: Prepositions of attribution, as their first word is normalised (بحسب، وفقا لـ ...).
ATTRIBUTIONS = _norm("بحسب حسب حسبما وفقا وفق طبقا نقلا لسان")
#: Relaying verbs: نقل عن X (قوله): the source after عن is the speaker.
RELAYS = _norm("نقل نقلت ينقل تنقل نقلا")
#: Pronoun objects of an attribution: the statement's own speaker again (حسب قوله).
SELF_REFERENCES = _norm("قوله قولها قولهم تعبيره تعبيرها تعبيرهم وصفه وصفها زعمه زعمها حد ما")
#: A relayed speech noun: نقلت عن X قوله ... -- the speaker phrase ends before it.
SPEECH_NOUNS = _norm("قوله قولها قولهم بقوله بقولها بقولهم تأكيده تأكيدها تصريحه تصريحها")


def is_participle(word):
    """Whether a normalised verb of saying is a circumstantial participle (مؤكدا، مشيرة،
    مضيفين، قائلا): derived participles begin with م, form-I ones have the pattern فاعل, and all
    end in the accusative ``ا``, the feminine ``ة`` or the plural ``ين``."""
    if word.endswith("ين"):
        stem = word[:-2]
    elif word.endswith(("ا", "ة")):
        stem = word[:-1]
    else:
        return False
    if len(stem) < 3:
        return False
    return stem.startswith("م") or (len(stem) == 4 and stem[1] == "ا")


#: Article chains a speaker does not begin with (بالأحزاب، للإجراءات): a prepositional phrase.
PREPOSED_ARTICLES = tuple(normalize(w) for w in ("بال", "لل", "كال", "وبال", "فال", "وال"))
#: Object pronouns on a verb of saying (يذكرنا، أبلغه): not a report of what someone said.
OBJECT_SUFFIXES = tuple(normalize(w) for w in ("ه", "ها", "هم", "هما", "نا", "ني", "ك", "كم"))


def quoted_tokens(tokens):
    """Whether each token lies inside a quotation that also closes (« », “ ”, or a pair of
    straight quotes); an unclosed quote marks nothing."""
    inside = [False] * len(tokens)
    if "«" not in tokens and "“" not in tokens and '"' not in tokens:
        return inside  # no quotation opens (most sentences)
    stack, straight = [], None
    for i, t in enumerate(tokens):
        if t in ("«", "“"):
            stack.append(i)
        elif t in ("»", "”") and stack:
            o = stack.pop()
            for j in range(o, i + 1):
                inside[j] = True
        elif t == '"':
            if straight is None:
                straight = i
            else:
                for j in range(straight, i + 1):
                    inside[j] = True
                straight = None
    return inside


#: Proclitics a verb of saying may carry (وقال، فأكد، وسيعلن، ليؤكد); a word that begins with
#: the article or ك/ب is a noun or a name that contains a verb's letters (كيري، المضيفة).
VERB_PREFIXES = frozenset(("", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"))


def is_complementiser(tok):
    return tok in COMPLEMENTISERS


def is_time_pair(tokens, i):
    """``tokens[i]`` is a time noun followed by a temporal adjective (الشهر الماضي)."""
    return tokens[i] in TIME_NOUNS and i + 1 < len(tokens) and tokens[i + 1] in TIME_ADJECTIVES


def quote_closes_soon(tokens, i, within=4):
    """The quote opened at ``tokens[i]`` closes within ``within`` tokens: a quoted name
    (قالت "أجوكو") rather than a quoted statement."""
    for j in range(i + 1, min(len(tokens), i + 1 + within)):
        if tokens[j] in CLOSE_QUOTES:
            return True
    return False


def is_ala(doc, tok_index, tok):
    """على (a preposition) and علي (a name) meet under normalisation: read the original."""
    a = doc.starts[tok_index]
    start, end = doc.original(a, a + len(tok))
    return normalize(doc.text[start:end], ya=False).endswith("ى")
