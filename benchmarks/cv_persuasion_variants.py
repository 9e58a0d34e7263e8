"""Other models and decision rules for persuasion techniques, by the same grouped CV.

    python benchmarks/cv_persuasion_variants.py [--shared ../shared]

Same training table, folds and cross-fitted decision rule as ``cv_persuasion.py`` (grouped
5-fold CV on the ArMPro training part and ArAIEval 2023 1B; Platt sigmoids and thresholds chosen
on four folds' out-of-fold scores of the ArMPro paragraphs, applied to the fifth). Scored on the
453 ArMPro training paragraphs; the held-out articles are never read. Variants:

- other scorers on the same features: NB-SVM (log-count ratios of binary word 1-3-grams and
  char 2-5-grams, Wang & Manning 2012), complement and multinomial naive Bayes, word 1-2-grams
  of light-stemmed (clitic-stripped) tokens (a one-hidden-layer ``MLPClassifier`` on the same
  features is not included: it did not finish one fold in five minutes on the shared machine);
- probability averaging of the toolkit's regressions with those models;
- a decision rule over the label set: when the detector fires (the largest calibrated
  probability, or a separate any-technique regression, above a threshold) the top technique is
  predicted, others above their own thresholds (all thresholds by coordinate ascent on micro-F1);
- ArMPro's span file: a token-level Loaded-language regression trained on the technique spans of
  the training folds' paragraphs (never a held-out paragraph: only rows of the training table
  are looked up), whose largest, log-sum-exp and top-3 token scores are stacked with the
  paragraph regression's score;
- with ``--embeddings``: word vectors learnt without labels from SaudiNewsNet (positive PMI of
  words within 4 positions, 300-dimensional truncated SVD; the training texts are added, no
  held-out paragraph), a paragraph's idf-weighted mean vector appended to the toolkit's features.
  About four minutes more.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import warnings

import numpy as np
import scipy.sparse as sp
from bench_persuasion import load, parse_shared, shared_parser
from cv_persuasion import crossfit
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.naive_bayes import ComplementNB, MultinomialNB

from framing.models import read_armpro
from framing.models.classifiers import normalize_text
from framing.models.persuasion import (
    ALL_LABELS,
    TECHNIQUE_PARAMS,
    label_matrix,
    level_labels,
)
from framing.models.technique_model import TechniqueClassifier, choose_thresholds
from framing.text.clitics import light_stem
from framing.text.normalize import normalize
from framing.text.tokens import tokenize

N_EXTRA = 3  # type columns (araieval_paragraph, tweet) and length at the end of the features


def _lr(C=1.0):
    return LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=1000, random_state=0)


def _margin(model, X):
    jll = model.predict_joint_log_proba(X)
    return jll[:, 1] - jll[:, 0]


def _nb_ratio(A, y):
    p = 1 + np.asarray(A[y == 1].sum(axis=0)).ravel()
    q = 1 + np.asarray(A[y == 0].sum(axis=0)).ravel()
    return sp.diags(np.log(p / p.sum()) - np.log(q / q.sum()))


def oof_scores(ctx):
    """Out-of-fold scores of every scorer: name -> array (n_texts, n_labels)."""
    Y, texts, learn = ctx["Y"], np.asarray(ctx["texts"], dtype=object), ctx["learn"]
    stems = np.array([" ".join(light_stem(w) for w in tokenize(normalize_text(t), words_only=True))
                      for t in texts], dtype=object)
    names = ("lr", "nbsvm", "cnb", "mnb", "stem", "any")
    out = {k: np.zeros(Y.shape) for k in names}
    model = TechniqueClassifier(**TECHNIQUE_PARAMS)
    for tr, te in ctx["splits"]:
        char, word = model._vectorizers()
        Xtr = model._stack(char, word, list(texts[tr]), list(ctx["types"][tr]), fit=True)
        Xte = model._stack(char, word, list(texts[te]), list(ctx["types"][te]))
        bw = CountVectorizer(ngram_range=(1, 3), min_df=2, binary=True,
                             preprocessor=normalize_text, token_pattern=r"(?u)\b\w+\b")
        bc = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, binary=True,
                             preprocessor=normalize_text)
        Btr = sp.hstack([bw.fit_transform(texts[tr]), bc.fit_transform(texts[tr])], "csr") * 1.0
        Bte = sp.hstack([bw.transform(texts[te]), bc.transform(texts[te])], "csr") * 1.0
        sv = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+")
        Str = sp.hstack([sv.fit_transform(stems[tr]), Xtr[:, -N_EXTRA:]], "csr")
        Ste = sp.hstack([sv.transform(stems[te]), Xte[:, -N_EXTRA:]], "csr")
        anyy = Y[tr].any(axis=1).astype(int)
        out["any"][te, 0] = _lr().fit(Xtr, anyy).decision_function(Xte)
        for j in np.flatnonzero(learn):
            y = Y[tr, j]
            out["lr"][te, j] = _lr().fit(Xtr, y).decision_function(Xte)
            D = _nb_ratio(Btr, y)
            out["nbsvm"][te, j] = _lr(0.1).fit(
                sp.hstack([Btr @ D, Xtr[:, -N_EXTRA:]], "csr"), y).decision_function(
                sp.hstack([Bte @ D, Xte[:, -N_EXTRA:]], "csr"))
            out["cnb"][te, j] = _margin(ComplementNB(alpha=0.3).fit(Xtr, y), Xte)
            out["mnb"][te, j] = _margin(MultinomialNB(alpha=0.1).fit(Xtr, y), Xte)
            out["stem"][te, j] = _lr().fit(Str, y).decision_function(Ste)
    return out


def _token_rows(text, spans, technique):
    toks = tokenize(text, words_only=True, spans=True)
    words = [normalize(w) for w, _, _ in toks]
    feats, lab = [], []
    for k, (_, a, b) in enumerate(toks):
        w, s = words[k], light_stem(words[k])
        p = words[k - 1] if k else "<s>"
        n = words[k + 1] if k + 1 < len(words) else "</s>"
        pad = f"<{s}>"
        feats.append(["w=" + w, "s=" + s, "p=" + p, "n=" + n, f"pw={p}_{w}", f"wn={w}_{n}",
                      "ps=" + light_stem(p), "ns=" + light_stem(n),
                      *("c=" + pad[i:i + m] for m in (3, 4) for i in range(len(pad) - m + 1))])
        lab.append(any(x["technique"] == technique and x["start"] < b and a < x["end"]
                       for x in spans))
    return feats, np.array(lab, dtype=int)


def span_features(ctx, shared, technique="Loaded_Language"):
    """Out-of-fold paragraph features from a token-level span model (ArMPro rows only)."""
    spans = read_armpro(shared / "data" / "armpro" / "ArMPro_span_dev_V2.jsonl")
    by_text = {t: (s if isinstance(s, list) else []) for t, s in zip(spans["text"], spans["spans"])}
    arm = np.flatnonzero(ctx["arm"])  # rows of the training table: no held-out paragraph
    rows = {i: _token_rows(ctx["texts"][i], by_text[ctx["texts"][i]], technique) for i in arm}
    F = np.zeros((len(ctx["texts"]), 3))
    for tr, te in ctx["splits"]:
        tr, te = np.intersect1d(tr, arm), np.intersect1d(te, arm)
        vec = CountVectorizer(analyzer=lambda x: x, min_df=2, binary=True)
        X = vec.fit_transform([f for i in tr for f in rows[i][0]])
        m = LogisticRegression(C=0.5, solver="liblinear", max_iter=1000).fit(
            X, np.concatenate([rows[i][1] for i in tr]))
        for i in te:
            if rows[i][0]:
                z = np.sort(m.decision_function(vec.transform(rows[i][0])))[::-1]
                F[i] = z[0], np.log(np.exp(z).sum()), z[:3].mean()
    return F


def paragraph_vectors(shared, texts, dims=300, window=4, vocab_size=40000):
    """Idf-weighted mean PPMI-SVD word vectors (SaudiNewsNet + ``texts``), one row per text."""
    with gzip.open(shared / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt") as f:
        docs = [json.loads(line)["content"] for line in f] + list(texts)
    word = re.compile(r"\w+")
    toks = [word.findall(normalize_text(d)) for d in docs]
    vec = CountVectorizer(analyzer=lambda x: x, max_features=vocab_size, min_df=5)
    D = vec.fit_transform(toks)
    index = vec.vocabulary_
    rows, cols = [], []
    for d in toks:
        ids = np.array([index.get(w, -1) for w in d], dtype=int)
        for o in range(1, window + 1):
            a, b = ids[:-o], ids[o:]
            keep = (a >= 0) & (b >= 0)
            rows.append(a[keep])
            cols.append(b[keep])
    V = len(index)
    M = sp.coo_matrix((np.ones(sum(map(len, rows))), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(V, V)).tocsr()
    M = (M + M.T).tocoo()
    total, rs = M.sum(), np.asarray(M.sum(axis=1)).ravel()
    ctx = rs ** 0.75 / (rs ** 0.75).sum()
    pmi = np.log(M.data / total / (rs[M.row] / total) / ctx[M.col])
    keep = pmi > 0
    P = sp.csr_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=(V, V))
    svd = TruncatedSVD(dims, random_state=0, n_iter=5)
    U = svd.fit_transform(P) / np.sqrt(svd.singular_values_)
    U /= np.linalg.norm(U, axis=1, keepdims=True) + 1e-9
    n_unlab = len(docs) - len(texts)
    idf = np.log(n_unlab / (1 + np.asarray((D[:n_unlab] > 0).sum(axis=0)).ravel()))
    E = (D[n_unlab:] @ sp.diags(idf)) @ U
    return E / (np.linalg.norm(E, axis=1, keepdims=True) + 1e-9)


def embedding_scores(ctx, E, scale=1.0):
    """Out-of-fold scores of the toolkit's regressions with ``scale * E`` appended."""
    texts, Y = np.asarray(ctx["texts"], dtype=object), ctx["Y"]
    out = np.zeros(Y.shape)
    model = TechniqueClassifier(**TECHNIQUE_PARAMS)
    for tr, te in ctx["splits"]:
        char, word = model._vectorizers()
        Xtr = sp.hstack([model._stack(char, word, list(texts[tr]), list(ctx["types"][tr]),
                                      fit=True), scale * E[tr]], "csr")
        Xte = sp.hstack([model._stack(char, word, list(texts[te]), list(ctx["types"][te])),
                         scale * E[te]], "csr")
        for j in np.flatnonzero(ctx["learn"]):
            out[te, j] = _lr().fit(Xtr, Y[tr, j]).decision_function(Xte)
    return out


def _platt(s_tr, y_tr, s_te):
    m = LogisticRegression(C=1e4).fit(s_tr.reshape(len(s_tr), -1), y_tr)
    return (m.predict_proba(s_tr.reshape(len(s_tr), -1))[:, 1],
            m.predict_proba(s_te.reshape(len(s_te), -1))[:, 1])


def _micro(Yb, P):
    return 2 * (Yb & P).sum() / max(Yb.sum() + P.sum(), 1)


def _rule_thresholds(Ptr, Ytr, Pte, ok, **_):
    thr, f1 = choose_thresholds(Ptr, Ytr, ok, "micro")
    thr[f1 < 0.1] = np.inf
    return Pte >= np.where(ok, thr, np.inf)


def _top(P, A, t0, thr, ok):
    fire = A >= t0
    pred = (P >= thr) & fire[:, None]
    pred[np.arange(len(P)), np.where(ok, P, -1).argmax(axis=1)] |= fire
    return pred


def _rule_top(Ptr, Ytr, Pte, ok, Atr=None, Ate=None, q=60, passes=3):
    """Top technique when the detector fires, others above their thresholds."""
    if Atr is None:
        Atr, Ate = np.where(ok, Ptr, 0).max(axis=1), np.where(ok, Pte, 0).max(axis=1)
    Yb = Ytr.astype(bool)

    def grid(v):
        return np.append(np.unique(np.quantile(v, np.linspace(0, 1, q))), np.inf)

    def f(t0, thr):
        return _micro(Yb, _top(Ptr, Atr, t0, thr, ok))

    t0, thr = np.median(Atr), np.full(Ptr.shape[1], np.inf)
    for _ in range(passes):
        t0 = max(grid(Atr), key=lambda t: f(t, thr))
        for j in np.flatnonzero(ok):
            cands = grid(Ptr[:, j])
            thr[j] = cands[int(np.argmax([f(t0, np.where(np.arange(len(thr)) == j, t, thr))
                                          for t in cands]))]
    return _top(Pte, Ate, t0, thr, ok)


def crossfit_rule(ctx, columns, rule=_rule_thresholds, any_score=None):
    """Cross-fitted micro/macro/binary of a rule on averaged calibrated probabilities.

    ``columns``: list of dicts label -> score matrix (n_arm, k); each is Platt-calibrated
    (a k-column logistic stack) on the training folds, then the probabilities are averaged.
    """
    arm = ctx["arm"]
    Y, fold = ctx["Y"][arm], ctx["fold"][arm]
    pred, oof = np.zeros_like(Y, dtype=bool), np.zeros(Y.shape)
    for k in np.unique(fold):
        tr, te = fold != k, fold == k
        ok = ctx["learn"] & (Y[tr].sum(axis=0) >= 2)
        Ptr, Pte = np.tile(Y[tr].mean(axis=0), (tr.sum(), 1)), np.tile(Y[tr].mean(axis=0),
                                                                       (te.sum(), 1))
        for j in np.flatnonzero(ok):
            parts = [_platt(col(j)[tr], Y[tr, j], col(j)[te]) for col in columns]
            Ptr[:, j] = np.mean([a for a, _ in parts], axis=0)
            Pte[:, j] = np.mean([b for _, b in parts], axis=0)
        kw = {}
        if any_score is not None:
            kw["Atr"], kw["Ate"] = _platt(any_score[tr], Y[tr].any(axis=1), any_score[te])
        pred[te] = rule(Ptr, Y[tr], Pte, ok, **kw)
        oof[te] = Pte
    Yb = Y.astype(bool)
    per = 2 * (Yb & pred).sum(axis=0) / np.maximum(Yb.sum(axis=0) + pred.sum(axis=0), 1)
    top5 = np.argsort(-Y.sum(axis=0), kind="mergesort")[:5]
    return (_micro(Yb, pred), float(per[Yb.any(axis=0)].mean()),
            float((Yb.any(axis=1) == pred.any(axis=1)).mean()),
            float(np.mean([roc_auc_score(Y[:, j], oof[:, j]) for j in top5])))


def run(shared, embeddings=False):
    _, _, table = load(shared)
    Y, _ = label_matrix(level_labels(table["labels"], "fine"), names=ALL_LABELS["fine"])
    texts, groups = table["text"].tolist(), table["group"].to_numpy()
    splits = list(GroupKFold(5, shuffle=True, random_state=0).split(texts, groups=groups))
    fold = np.zeros(len(texts), dtype=int)
    for k, (_, te) in enumerate(splits):
        fold[te] = k
    ctx = {"Y": Y, "texts": texts, "types": table["type"].to_numpy(dtype=object),
           "arm": (table["type"] == "paragraph").to_numpy(), "fold": fold, "splits": splits,
           "learn": Y.sum(axis=0) >= TECHNIQUE_PARAMS["min_positives"]}
    S = {k: v[ctx["arm"]] for k, v in oof_scores(ctx).items()}
    ll = ALL_LABELS["fine"].index("Loaded_Language")
    span = span_features(ctx, shared)[ctx["arm"]]

    def col(name):
        return lambda j: S[name][:, j]

    def stacked(j):
        return np.column_stack([S["lr"][:, j], span]) if j == ll else S["lr"][:, j]

    arm_y = Y[ctx["arm"]]
    top = arm_y.sum(axis=0).argmax()
    tp = arm_y[:, top].sum()
    rows = [("majority", (2 * tp / (arm_y.sum() + len(arm_y)), None, None)),
            ("toolkit (cv_persuasion.py's rule)",
             crossfit(S["lr"], arm_y, fold[ctx["arm"]], TechniqueClassifier(**TECHNIQUE_PARAMS)))]
    variants = {
        "toolkit regressions, thresholds (this script)": ([col("lr")], _rule_thresholds, None),
        "top technique when max probability fires": ([col("lr")], _rule_top, None),
        "top technique when any-technique model fires": ([col("lr")], _rule_top, S["any"][:, 0]),
        "NB-SVM (word 1-3 + char 2-5 binary, C=0.1)": ([col("nbsvm")], _rule_thresholds, None),
        "complement naive Bayes": ([col("cnb")], _rule_thresholds, None),
        "multinomial naive Bayes": ([col("mnb")], _rule_thresholds, None),
        "light-stemmed word 1-2-grams, LR": ([col("stem")], _rule_thresholds, None),
        "average: toolkit + NB-SVM": ([col("lr"), col("nbsvm")], _rule_thresholds, None),
        "average: toolkit + stemmed words": ([col("lr"), col("stem")], _rule_thresholds, None),
        "average: toolkit + MNB + stemmed words": ([col("lr"), col("mnb"), col("stem")],
                                                   _rule_thresholds, None),
        "Loaded language stacked with span-token model": ([stacked], _rule_thresholds, None),
        "span stack + top technique rule": ([stacked], _rule_top, None),
    }
    if embeddings:
        E = paragraph_vectors(shared, texts)
        for scale in (0.5, 1.0):
            S[f"emb{scale}"] = embedding_scores(ctx, E, scale)[ctx["arm"]]
            variants[f"toolkit + SaudiNewsNet word vectors (x{scale})"] = (
                [col(f"emb{scale}")], _rule_thresholds, None)
    for name, (cols, rule, any_score) in variants.items():
        rows.append((name, crossfit_rule(ctx, cols, rule, any_score)))
        print(f"{name:50s} " + " / ".join(f"{v:.3f}" for v in rows[-1][1]), flush=True)
    head = (f"grouped 5-fold CV, {len(texts)} training texts, scored on the {ctx['arm'].sum()} "
            "ArMPro training paragraphs (micro-F1 / macro-F1 / binary accuracy / mean out-of-fold "
            "AUC of the five most frequent techniques)")
    return "\n".join([head] + [f"{n:50s} " + " / ".join(f"{v:.3f}" for v in r if v is not None)
                               for n, r in rows]) + "\n"


def main(argv=None):
    ap = shared_parser(__doc__)
    ap.add_argument("--embeddings", action="store_true",
                    help="also the variant with word vectors learnt from SaudiNewsNet")
    if (args := parse_shared(ap, argv)) is None:
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        print(run(args.shared, args.embeddings), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
