"""Cue suggestions from coded data: words and phrases typical of the articles a coder coded 1,
that the codebook does not match yet -- for the researcher to accept or reject by what they
mean, never added automatically.

Terms are word unigrams and bigrams of the normalised text (:func:`framing.text.tokenize` with
``normalize=True``), without stop words (:func:`framing.text.load_stopwords`) and numbers, and
never across punctuation. The first word of a term loses its article and the particles attached
to it (``والإرهاب`` -> ``ارهاب``), as the matcher ignores them before a cue, so a term can be
pasted into the codebook as it is; a word with a bare proclitic (``وليبيا``) counts as the word
(``ليبيا``) when that occurs too. Each term is counted once per article (or per sentence) in
the coded-1 and the coded-0 articles and ranked by the log-odds ratio with an informative
Dirichlet prior (Monroe et al. 2008, :func:`framing.compare.log_odds_dirichlet`). Terms the
field's cues already match, in any of their written forms, are left out.

Examples
--------
>>> gold = read_labels("../shared/gold/saudinewsnet_dev.csv")                    # doctest: +SKIP
>>> suggest_cues(gold, corpus, "topic:counterterrorism").head(10)                # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from .. import schema
from ..compare.terms import log_odds_dirichlet
from ..errors import FramingError, ParameterError
from ..text.clitics import PROCLITICS, strip_article
from ..text.match import CueMatcher
from ..text.sentences import split_sentences
from ..text.stopwords import load_stopwords
from ..text.tokens import tokenize
from .sample import coded_sample
from .thresholds import field_kind

COLUMNS = ["rank", "field", "term", "example", "n_words", "count_pos", "count_neg", "share_pos",
           "share_neg", "log_odds", "z", "examples", "example_ids"]
#: The label that counts as "coded 1" by default, per kind of field.
DEFAULT_POSITIVE = {schema.TOPIC: "1", schema.STANCE: "pro", schema.TONE: "positive"}
UNITS = ("article", "sentence")


def field_matcher(compiled, field):
    """A matcher of every cue that already stands for ``field`` in the codebook.

    A topic's cues and context names; a stance target's target, pro and con cues, its context
    names and the labels of its actors; for tone the sentiment cues and intensifiers.
    """
    kind, name = schema.parse_field(field)
    if kind == schema.TOPIC:
        groups = {field, f"scope:{field}"}
    elif kind == schema.STANCE:
        groups = {f"target:{name}", f"eval:{name}", f"scope:{field}"}
    else:
        groups = {"sentiment", "intensifier"}
    entries = [e for e in compiled.matcher.entries if e.group in groups
               or (kind == schema.STANCE and e.group == "actor"
                   and name in compiled.actor_stance[e.payload[0]])]
    return CueMatcher(entries)


def sentence_terms(text, stopwords, ngrams=(1, 2)):
    """The n-grams of one sentence: ``[(normalised n-gram, start, end)]``.

    ``start, end`` are offsets into ``text``; n-grams never span punctuation, stop words or
    numbers.

    Examples
    --------
    >>> [t[0] for t in sentence_terms("مكافحة الإرهاب، والإرهابيين", frozenset())]
    ['مكافحة', 'الارهاب', 'والارهابيين', 'مكافحة الارهاب']
    """
    toks = tokenize(text, normalize=True, spans=True)
    ok = [t[0][0].isalpha() and len(t[0]) >= 2 and t[0] not in stopwords
          and strip_article(t[0], 3, particles=True) not in stopwords for t in toks]
    out = []
    for n in sorted(set(ngrams)):
        for i in range(len(toks) - n + 1):
            if all(ok[i:i + n]):
                out.append((" ".join(w for w, _, _ in toks[i:i + n]), toks[i][1],
                            toks[i + n - 1][2]))
    return out


#: Proclitic chains by kind: with the article (وال، بال ...), ل + article (لل، ولل ...), bare.
_ARTICLE = tuple(sorted((p for p in PROCLITICS if p.endswith("ال")), key=len, reverse=True))
_LAM = tuple(sorted((p for p in PROCLITICS if p.endswith("لل")), key=len, reverse=True))
_BARE = tuple(sorted((p for p in PROCLITICS if p and p not in _ARTICLE + _LAM), key=len,
                     reverse=True))


def cue_forms(vocab):
    """``{n-gram: term}``: each n-gram as a cue would be written, its first word without the
    clitics the matcher allows before a cue (``vocab``: n-grams, or ``{n-gram: count}``).

    An article chain (ال، وال، بال ...) goes; ``لل`` is ل + ال (للانتخابات -> انتخابات) unless
    the word with one ل occurs on its own (لليبيا -> ليبيا); a bare proclitic (و، ب، ل ...)
    goes where the rest occurs on its own at least as often (وليبيا -> ليبيا, but وزير stays).

    Examples
    --------
    >>> forms = cue_forms({"للانتخابات": 1, "لليبيا": 2, "ليبيا": 9, "وليبيا": 3, "وزير": 5,
    ...                    "زير": 1})
    >>> [forms[w] for w in ("للانتخابات", "لليبيا", "وليبيا", "وزير")]
    ['انتخابات', 'ليبيا', 'ليبيا', 'وزير']
    """
    def split(t):
        first, _, rest = t.partition(" ")
        return first, (" " + rest if rest else "")

    def strip(t):
        first, rest = split(t)
        for p in _ARTICLE:
            if first.startswith(p) and len(first) - len(p) >= 3:
                return first[len(p):] + rest
        return t

    counts = vocab if isinstance(vocab, dict) else dict.fromkeys(vocab, 1)
    out = {t: strip(t) for t in counts}
    seen = Counter()
    for t, n in counts.items():
        seen[out[t]] += n
    for t in vocab:
        first, rest = split(t)
        lam = next((p for p in _LAM if first.startswith(p) and len(first) - len(p) >= 3), None)
        if lam:  # لل + ليبيا is ل + the word; otherwise ل + ال
            alone = "ل" + first[len(lam):] + rest
            out[t] = alone if alone in seen else first[len(lam):] + rest
        elif out[t] == t:  # the word alone must be at least as common (وزير is not و + زير)
            out[t] = next((first[len(p):] + rest for p in _BARE if first.startswith(p)
                           and len(first) - len(p) >= 3
                           and seen[first[len(p):] + rest] >= counts[t]), t)
    return out


def _units(corpus):
    """``(doc_id, sent_index, sentence)`` of every counted sentence (no URLs, no repeats)."""
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        seen = set()
        for i, s in enumerate(split_sentences(text if isinstance(text, str) else "")):
            if s.kind == "url" or s.text in seen:
                continue
            seen.add(s.text)
            yield doc_id, i, s


def _kwic(sentence, start, end, width=60):
    a, b = max(0, start - width), min(len(sentence.text), end + width)
    return ("…" if a else "") + sentence.text[a:b].replace("\n", " ") + ("…" if b < len(
        sentence.text) else "")


def count_terms(corpus, groups, unit="article", ngrams=(1, 2), stopwords="default",
                n_examples=3):
    """Term counts per group of documents, each term counted once per article or sentence.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id, text``.
    groups : dict
        ``{doc_id: group}``; documents not in it are skipped.
    unit : {"article", "sentence"}

    Returns
    -------
    counts : dict
        ``{group: Counter of terms}`` (terms as :func:`cue_forms` writes them).
    units : dict
        ``{group: number of articles or sentences}``.
    forms, written : dict
        ``{term: Counter}`` of its normalised forms and of its forms as written.
    examples : dict
        ``{term: [(doc_id, sent_index, keyword in context)]}``: up to ``n_examples`` sentences
        of group ``1`` articles that hold the term, one per article, in ``doc_id`` order.
    """
    if unit not in UNITS:
        raise ParameterError(f"unit must be 'article' or 'sentence', not {unit!r}")
    stop = load_stopwords(stopwords)
    grams, group_of = defaultdict(set), {}  # unit (article or sentence) -> its n-grams, group
    written, places = defaultdict(Counter), defaultdict(list)
    for doc_id, i, s in _units(corpus):
        group = groups.get(doc_id)
        if group is None:
            continue
        key = doc_id if unit == "article" else (doc_id, i)
        group_of[key] = group
        for gram, a, b in sentence_terms(s.text, stop, ngrams):
            written[gram][s.text[a:b]] += 1
            if group == 1 and gram not in grams[key] and len(places[gram]) < n_examples:
                places[gram].append((doc_id, i, _kwic(s, a, b)))
            grams[key].add(gram)
    term_of = cue_forms({g: sum(c.values()) for g, c in written.items()})
    counts, units = defaultdict(Counter), Counter(group_of.values())
    for key, found in grams.items():
        counts[group_of[key]].update({term_of[g] for g in found})
    forms, written_of, examples = defaultdict(Counter), defaultdict(Counter), defaultdict(list)
    for gram, term in sorted(term_of.items()):
        forms[term][gram] += sum(written[gram].values())
        written_of[term].update(written[gram])
        for e in places[gram]:  # one example per article, the first articles first
            if all(e[0] != d for d, _, _ in examples[term]):
                examples[term].append(e)
    examples = {t: sorted(e)[:n_examples] for t, e in examples.items()}
    return counts, units, forms, written_of, examples


def suggest_cues(gold, corpus, field, codebook="libya-egypt", *, positive=None, negative=None,
                 unit="article", ngrams=(1, 2), min_count=3, top=30, n_examples=3,
                 stopwords="default", prior=None, a0=None):
    """Candidate cues for a field: terms typical of the articles coded 1, not yet matched.

    Parameters
    ----------
    gold : pandas.DataFrame
        Wide gold table (``doc_id`` + fields).
    corpus : pandas.DataFrame
        The texts of the coded articles (``doc_id``, ``text``).
    field : str
        ``topic:T``, ``stance:S`` or ``tone``.
    codebook : str, path, Codebook or CompiledCodebook, default "libya-egypt"
    positive : str or list of str, optional
        The labels that count as coded 1; default ``1`` (topics), ``pro`` (stances),
        ``positive`` (tone).
    negative : str or list of str, optional
        The labels compared with; default every other label coded.
    unit : {"article", "sentence"}, default "article"
        Count a term once per article, or once per sentence (the sentences of coded-1 articles
        against those of coded-0 articles).
    ngrams : tuple of int, default (1, 2)
    min_count : int, default 3
        Keep terms found in at least this many coded-1 articles (or sentences).
    top : int or None, default 30
        How many terms to return (None: all).
    n_examples : int, default 3
        Example sentences per term (from different coded-1 articles where possible).
    stopwords : None, "default", path or iterable, default "default"
    prior, a0
        The prior of :func:`framing.compare.log_odds_dirichlet` (default: the pooled counts).

    Returns
    -------
    pandas.DataFrame
        ``rank, field, term`` (as a cue would be written, normalised), ``example`` (its most
        frequent form in the texts), ``n_words``, ``count_pos`` / ``count_neg`` (articles or
        sentences holding it), ``share_pos`` / ``share_neg``, ``log_odds``, ``z``, ``examples``
        (keyword-in-context snippets, `` | ``-separated) and ``example_ids``
        (``doc_id:sentence``); sorted by ``z``, only terms more typical of the coded-1 side.
    """
    kind = field_kind(field)
    sample = coded_sample(gold, corpus, codebook, fields=[field], analyse=False)
    labels = sample.labels(field)
    pos = _labels(positive if positive is not None else DEFAULT_POSITIVE[kind])
    neg = _labels(negative) if negative is not None else set(labels) - pos
    groups = {d: 1 if lab in pos else 0 for d, lab in labels.items() if lab in pos | neg}
    n_pos = sum(v == 1 for v in groups.values())
    if not n_pos or n_pos == len(groups):
        raise FramingError(f"{field} needs coded articles on both sides: {n_pos} coded "
                           f"{'/'.join(sorted(pos))}, {len(groups) - n_pos} coded "
                           f"{'/'.join(sorted(neg)) or 'otherwise'}",
                           fix="pass --positive with a label the coders used, or more articles")
    counts, units, forms, written, examples = count_terms(sample.corpus, groups, unit, ngrams,
                                                          stopwords, n_examples)
    scores = log_odds_dirichlet(counts[1], counts[0], prior=prior, a0=a0)
    scores = scores[(scores["z"] > 0) & (scores["count_a"] >= min_count)]
    matcher = field_matcher(sample.compiled, field)
    new = [not matcher.find(t) and not any(matcher.find(f) for f in forms[t])
           for t in scores["term"]]
    scores = scores[np.array(new, dtype=bool)].head(top).reset_index(drop=True)
    out = pd.DataFrame({
        "rank": np.arange(1, len(scores) + 1), "field": field, "term": scores["term"],
        "example": [_most_common(written[t]) for t in scores["term"]],
        "n_words": [len(t.split()) for t in scores["term"]],
        "count_pos": scores["count_a"].astype(int), "count_neg": scores["count_b"].astype(int),
        "share_pos": scores["count_a"] / max(units[1], 1),
        "share_neg": scores["count_b"] / max(units[0], 1),
        "log_odds": scores["log_odds"], "z": scores["z"],
        "examples": [" | ".join(e for _, _, e in examples.get(t, [])) for t in scores["term"]],
        "example_ids": [" ".join(f"{d}:{i}" for d, i, _ in examples.get(t, []))
                        for t in scores["term"]],
    }, columns=COLUMNS)
    out.attrs["units"] = {"positive": int(units[1]), "negative": int(units[0]), "unit": unit}
    return out


def _most_common(counter):
    # ties alphabetically, not by first occurrence: the same inputs give the same table
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _labels(value):
    return {value} if isinstance(value, str) else {str(v) for v in value}


__all__ = ["COLUMNS", "count_terms", "field_matcher", "sentence_terms", "suggest_cues"]
