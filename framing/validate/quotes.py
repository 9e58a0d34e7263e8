"""Who is quoted, measured: the toolkit's quotes against coded attributed statements.

A coder lists every attributed statement of an article (``doc_id, n, speaker, source_type, verb,
snippet``; ``../shared/docs/CODING-PROTOCOL-QUOTES.md``). The scoring rule (the same for the
toolkit and for one coder against another):

- a coded statement is *found* when a reported quote lies in the sentence that holds the
  statement's snippet (or, when the snippet cannot be found, a sentence that holds its speaker)
  and the two speakers share at least half of the shorter speaker's words, compared after
  removing diacritics, unifying alef, ya and ta marbuta and stripping proclitics from words longer
  than four letters (:func:`speaker_words`); each quote is found for at most one statement;
- statement precision, recall and F1 over the found pairs; source-type accuracy on the found
  pairs; speaker token-F1 (how exactly the speaker span was cut), averaged over the found pairs.

Unmatched coded statements are *missed*, unmatched quotes *spurious*; both are listed with their
sentence (:func:`match_quotes`). The fixed tuning / check split of the coded articles is
:func:`quote_split` (salt ``framing-quotes-v1``): develop on the tuning part, read only the check
part's scores.

Examples
--------
>>> speaker_words("والمتحدث باسم الحكومة")
['متحدث', 'باسم', 'حكومه']
>>> round(token_f1(speaker_words("العقيد أحمد المسماري"), speaker_words("المسماري")), 2)
0.5
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from ..errors import FramingError, SchemaError
from ..text.clitics import strip_article
from ..text.normalize import normalize
from ..text.tokens import tokenize
from .split import holdout_split

#: The salt of the project's tuning / check split of the quote-coded articles.
QUOTES_SALT = "framing-quotes-v1"
GOLD_COLUMNS = ("doc_id", "n", "speaker", "source_type", "verb", "snippet")
SCORE_COLUMNS = ("n_gold", "n_pred", "matched", "precision", "recall", "f1",
                 "source_type_accuracy", "speaker_f1")
_SINGLE_PROCLITICS = ("و", "ف", "ب", "ل")


def quote_split(doc_ids, check_fraction=1 / 3):
    """``tuning`` / ``check`` per article (:func:`framing.validate.split.holdout_split` with
    the salt :data:`QUOTES_SALT`)."""
    return holdout_split(doc_ids, check_fraction=check_fraction, salt=QUOTES_SALT)


def _norm_words(text):
    return tokenize(normalize(str(text), taa_marbuta=True), words_only=True)


def speaker_words(text):
    """The words of a speaker as the scoring rule compares them (see the module docstring)."""
    out = []
    for w in _norm_words(text):
        if len(w) > 4:
            stripped = strip_article(w, 2, particles=True)
            if stripped == w and w[0] in _SINGLE_PROCLITICS:
                stripped = w[1:]
            w = stripped
        out.append(w)
    return out


def token_f1(a, b):
    """Token-F1 of two word lists (multisets); 0 when either is empty."""
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def _speakers_match(a, b):
    if not a or not b:
        return False
    common = sum((Counter(a) & Counter(b)).values())
    return common >= min(len(a), len(b)) / 2


def read_quote_gold(path):
    """Read a coder's statements (CSV with ``doc_id, n, speaker, source_type, verb, snippet``).

    Returns
    -------
    pandas.DataFrame
        One row per statement (rows with ``n`` = 0, an article without statements, are dropped;
        their ``doc_id`` is kept in ``frame.attrs["doc_ids"]``, the articles that were coded).
    """
    path = Path(path)
    if not path.is_file():
        raise FramingError("file not found", path=path, fix="check the path")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing column(s) {', '.join(missing)}", path=path,
                          fix="give the coded statements: " + ",".join(GOLD_COLUMNS))
    ids = list(dict.fromkeys(df["doc_id"]))
    df = df[df["n"].str.strip() != "0"].reset_index(drop=True)
    df.attrs["doc_ids"] = ids
    return df


def _sentence_words(sentences):
    """``{doc_id: [(sent_id, words), ...]}`` of a sentences table."""
    out = {}
    for doc_id, sent_id, text in zip(sentences["doc_id"].astype(str), sentences["sent_id"],
                                     sentences["text"]):
        out.setdefault(doc_id, []).append((int(sent_id), _norm_words(text)))
    return out


def _contains(words, part):
    n = len(part)
    return n > 0 and any(words[i:i + n] == part for i in range(len(words) - n + 1))


def _find(sents, words, prefixes=(None, 5, 3)):
    for k in prefixes:
        part = words if k is None else words[:k]
        if not part or (k is not None and len(words) <= k):
            continue
        found = [sid for sid, ws in sents if _contains(ws, part)]
        if found:
            return found
    return []


def locate(gold, sentences):
    """The sentences that hold each coded statement: ``sent_ids`` (list) per gold row.

    A statement is placed by its snippet (all its words, else its first five or three); a
    snippet found nowhere places it at the sentences that hold its speaker.
    """
    by_doc = _sentence_words(sentences)
    out = []
    for doc_id, snippet, speaker in zip(gold["doc_id"], gold["snippet"], gold["speaker"]):
        sents = by_doc.get(str(doc_id), [])
        found = _find(sents, _norm_words(snippet))
        out.append(found or _find(sents, _norm_words(speaker), (None,)))
    return out


def as_quotes(gold, sentences):
    """A coder's statements as a quotes table (``doc_id, sent_id, speaker, source_type``), each
    at the first sentence that holds it, so that one coder can be scored against another."""
    sids = locate(gold, sentences)
    rows = [{"doc_id": d, "sent_id": s[0], "speaker": sp, "source_type": t}
            for d, s, sp, t in zip(gold["doc_id"], sids, gold["speaker"], gold["source_type"]) if s]
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "speaker", "source_type"])


def match_quotes(gold, quotes, sentences):
    """Pair coded statements with reported quotes by the scoring rule.

    Parameters
    ----------
    gold : pandas.DataFrame
        Coded statements (:func:`read_quote_gold`).
    quotes : pandas.DataFrame
        The quotes table of :func:`framing.analyze` (``doc_id, sent_id, speaker, source_type``);
        only the coded articles' quotes are scored.
    sentences : pandas.DataFrame
        The sentences table of the same analysis (``doc_id, sent_id, text``).

    Returns
    -------
    pandas.DataFrame
        One row per coded statement and per unmatched quote: ``doc_id, status`` (``matched``,
        ``missed``, ``spurious``), ``n``, the gold and predicted ``speaker``, ``source_type`` and
        ``sent_id``, ``speaker_f1`` (matched rows), ``sentence`` (the text the row lies in).
    """
    docs = set(gold.attrs.get("doc_ids") or gold["doc_id"])
    quotes = quotes[quotes["doc_id"].astype(str).isin(docs)].reset_index(drop=True)
    sent_text = {(str(d), int(s)): t for d, s, t in
                 zip(sentences["doc_id"], sentences["sent_id"], sentences["text"])}
    where = locate(gold, sentences)
    q_words = [speaker_words(s) for s in quotes["speaker"]]
    q_by_sent = {}
    for i, (d, s) in enumerate(zip(quotes["doc_id"].astype(str), quotes["sent_id"])):
        q_by_sent.setdefault((d, int(s)), []).append(i)
    cands = []
    for g, (d, sids, speaker) in enumerate(zip(gold["doc_id"], where, gold["speaker"])):
        g_words = speaker_words(speaker)
        for rank, sid in enumerate(sids):
            for i in q_by_sent.get((str(d), sid), ()):
                if _speakers_match(g_words, q_words[i]):
                    f = token_f1(g_words, q_words[i])
                    cands.append((-f, rank, g, i))
    used_g, used_q, pairs = set(), set(), {}
    for _, _, g, i in sorted(cands):
        if g not in used_g and i not in used_q:
            used_g.add(g)
            used_q.add(i)
            pairs[g] = i
    rows = []
    for g, r in enumerate(gold.itertuples(index=False)):
        sid = where[g][0] if where[g] else None
        row = {"doc_id": r.doc_id, "status": "missed", "n": r.n, "gold_speaker": r.speaker,
               "gold_type": r.source_type, "pred_speaker": "", "pred_type": "",
               "sent_id": sid, "speaker_f1": float("nan")}
        if g in pairs:
            q = quotes.iloc[pairs[g]]
            row.update(status="matched", pred_speaker=q["speaker"], pred_type=q["source_type"],
                       sent_id=int(q["sent_id"]),
                       speaker_f1=token_f1(speaker_words(r.speaker), q_words[pairs[g]]))
        rows.append(row)
    for i, q in quotes.iterrows():
        if i not in used_q:
            rows.append({"doc_id": q["doc_id"], "status": "spurious", "n": "", "gold_speaker": "",
                         "gold_type": "", "pred_speaker": q["speaker"],
                         "pred_type": q["source_type"], "sent_id": int(q["sent_id"]),
                         "speaker_f1": float("nan")})
    out = pd.DataFrame(rows, columns=["doc_id", "status", "n", "gold_speaker", "gold_type",
                                      "pred_speaker", "pred_type", "sent_id", "speaker_f1"])
    out["sentence"] = [sent_text.get((str(d), int(s)), "") if pd.notna(s) else ""
                       for d, s in zip(out["doc_id"], out["sent_id"])]
    out["sent_id"] = out["sent_id"].astype("Int64")
    return out


def quote_scores(matches):
    """Statement P/R/F1, source-type accuracy and speaker token-F1 of a :func:`match_quotes`
    table (one row)."""
    m = matches[matches["status"] == "matched"]
    n_gold = int((matches["status"] != "spurious").sum())
    n_pred = int((matches["status"] != "missed").sum())
    p = len(m) / n_pred if n_pred else 0.0
    r = len(m) / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = float((m["gold_type"] == m["pred_type"]).mean()) if len(m) else 0.0
    sf1 = float(m["speaker_f1"].mean()) if len(m) else 0.0
    return pd.DataFrame([{"n_gold": n_gold, "n_pred": n_pred, "matched": len(m), "precision": p,
                          "recall": r, "f1": f, "source_type_accuracy": acc,
                          "speaker_f1": sf1}], columns=list(SCORE_COLUMNS))


def evaluate_quotes(gold, analysis, parts=None):
    """Scores of an analysis against one coder, overall and per part.

    Parameters
    ----------
    gold : pandas.DataFrame
        Coded statements (:func:`read_quote_gold`).
    analysis : framing.Analysis
        Its ``quotes`` and ``sentences`` tables are read.
    parts : pandas.Series, optional
        Part name per ``doc_id`` (:func:`quote_split`); scores of each part and of ``all``.

    Returns
    -------
    scores : pandas.DataFrame
        ``part`` and :data:`SCORE_COLUMNS` per part.
    matches : pandas.DataFrame
        :func:`match_quotes` with a ``part`` column.
    """
    matches = match_quotes(gold, analysis.quotes, analysis.sentences)
    labels = parts.reindex(matches["doc_id"].astype(str)).fillna("all").to_numpy() \
        if parts is not None else ["all"] * len(matches)
    matches.insert(0, "part", labels)
    names = [*(dict.fromkeys(parts.tolist()) if parts is not None else ()), "all"]
    rows = []
    for name in names:
        sub = matches if name == "all" else matches[matches["part"] == name]
        rows.append(quote_scores(sub).assign(part=name))
    scores = pd.concat(rows, ignore_index=True)[["part", *SCORE_COLUMNS]]
    return scores, matches
