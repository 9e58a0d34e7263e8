"""Shared test helpers: paths, the ``../shared`` skip helper, small builders used by several files.

Fixtures live in ``tests/conftest.py``; this module holds plain constants and functions, imported
as ``from helpers import ...`` (``tests/`` itself has no ``__init__.py``, so pytest puts it on
``sys.path``; each subfolder is a package named after the part of ``framing`` it tests).
"""

from __future__ import annotations

import contextlib
import csv
import doctest
import gzip
import importlib.util
import json
import os
import re
import signal
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import strategies as st

# -- paths ------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
DATA = TESTS / "data"
SEEDS = ROOT / "seeds"
#: Our own coding of the seeds, shipped beside them (seeds/README.md).
SEEDS_GOLD = SEEDS / "gold"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
GOLD = SHARED / "gold"
#: A small codebook for unit tests: one topic, one stance, two actors, a few sentiment terms.
MINI = DATA / "mini-codebook.yaml"
#: Hand labels of events and stories of the SaudiNewsNet Libya articles (by URL).
EVENTS_GOLD = DATA / "events_gold.csv"
SNN = ("data", "saudinewsnet", "saudinewsnet.jsonl.gz")
ARMPRO = ("data", "armpro")

S000, S001, S002, S003, S004 = SEED_IDS = (
    "000_d3e141acfa460186", "001_96635321e4ee60bd", "002_be25e2c6883d7c20",
    "003_19dffe29337ef76b", "004_07d685bfe4e10dc6",
)
MEO = "ميدل إيست أونلاين"


def shared_path(*parts):
    """Path under ../shared, or skip the test with a reason naming what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora sit beside the repo in development and CI)")
    return path


# -- corpora ----------------------------------------------------------------------------------

def corpus_of(texts, ids=None):
    """A corpus table (``doc_id``, ``text``) of ``texts``; ids ``d0, d1, ...`` unless given."""
    texts = list(texts)
    ids = [f"d{i}" for i in range(len(texts))] if ids is None else list(ids)
    return pd.DataFrame({"doc_id": ids, "text": texts})


def run_texts(codebook, *texts):
    """The analysis of ``texts`` (ids ``d0, d1, ...``) with ``codebook``."""
    from framing import analyze

    return analyze(corpus_of(texts), codebook)


def load_quietly(path, **kwargs):
    """:func:`framing.load_corpus` without its corpus warnings."""
    from framing.corpus import CorpusWarning, load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(path, **kwargs)


def by_id(df):
    return df.set_index("doc_id")


def write_folder(folder, files, metadata=None):
    """Create ``folder`` with ``{name: bytes or str}`` files and an optional metadata CSV text."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if metadata is not None:
        (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
    return folder


def write_table(frame, path):
    """Write ``frame`` as CSV, Parquet, JSONL or JSONL.gz, by the name of ``path``."""
    name = path.name
    if name.endswith(".csv"):
        frame.to_csv(path, index=False)
    elif name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records"))
        path.write_bytes(gzip.compress(lines.encode()) if name.endswith(".gz") else lines.encode())
    return path


#: A corpus table with the column names of common exports (ids sort as numbers: a1, b2, b10).
TABLE = pd.DataFrame({
    "ID": ["b2", "b10", "a1"],
    "headline": ["عنوان &amp; أول", "عنوان ثان", "عنوان ثالث"],
    "Body": ["نص أول\nفي سطرين.", "نص ثان.", "نص ثالث."],
    "publisher": ["alyaum", "okaz", "okaz"],
    "published": ["2015-07-21 02:51:32", "12 مايو/ أيار 2020", ""],
    "link": ["http://a", "http://b", ""],
    "section": ["سياسة", "رياضة", "اقتصاد"],
})


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _bad_folder_file(tmp, name, data):
    folder = write_folder(tmp / "c", {"ok.txt": "نص.", name: data})
    return folder, name, None


def _csv(tmp, rows, name="t.csv"):
    path = tmp / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


#: Inputs that ``load_corpus`` (and ``framing corpus``) must refuse: case -> builder of
#: ``(path, name the message must contain, line number or None)`` in a temporary folder.
BAD_INPUTS = {
    "missing path": lambda tmp: (tmp / "absent", "absent", None),
    "binary file": lambda tmp: _bad_folder_file(tmp, "scan.txt", b"%PDF-1.4\x00\x01\x02binary"),
    "undecodable file": lambda tmp: _bad_folder_file(tmp, "latin.txt",
                                                     "caf\xe9 cr\xe8me".encode("latin-1")),
    "empty file": lambda tmp: _bad_folder_file(tmp, "blank.txt", " \n\n"),
    "folder without txt": lambda tmp: (write_folder(tmp / "c", {"notes.md": "x"}), "c", None),
    "metadata names a missing file": lambda tmp: (
        write_folder(tmp / "c", {"a.txt": "نص."}, metadata="doc_id,outlet\na,x\nghost,y\n"),
        "metadata.csv", 3),
    "metadata repeats an id": lambda tmp: (
        write_folder(tmp / "c", {"a.txt": "نص."}, metadata="doc_id,outlet\na,x\na,y\n"),
        "metadata.csv", 3),
    "metadata without doc_id": lambda tmp: (
        write_folder(tmp / "c", {"a.txt": "نص."}, metadata="file,outlet\na,x\n"),
        "metadata.csv", 1),
    "csv repeats an id": lambda tmp: (
        _csv(tmp, [["id", "text"], ["1", "سطر\nثان"], ["2", "نص"], ["1", "نص"]]), "t.csv", 5),
    "csv without text column": lambda tmp: (
        _csv(tmp, [["id", "words"], ["1", "نص"]]), "t.csv", None),
    "csv with a short row": lambda tmp: (
        _csv(tmp, [["id", "text"], ["1", "نص"], ["2"]]), "t.csv", 3),
    "jsonl repeats an id": lambda tmp: (
        write_table(pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["x", "y", "z"]}),
                    tmp / "t.jsonl"), "t.jsonl", 3),
    "unreadable jsonl line": lambda tmp: (
        _write(tmp / "t.jsonl", '{"text": "نص"}\n\n{"text": "نص\n'), "t.jsonl", 3),
    "csv with a header only": lambda tmp: (_csv(tmp, [["id", "text"]]), "t.csv", None),
    "unknown file type": lambda tmp: (_write(tmp / "corpus.docx", "x"), "corpus.docx", None),
    "text column not found": lambda tmp: (
        _csv(tmp, [["id", "body"], ["1", "نص"]], name="t.csv"), "t.csv", None),
}
BAD_OPTIONS = {"text column not found": {"text_col": "article_body"}}


def count_mentions(text, term):
    """How often the one-word ``term`` occurs in ``text``: the word, without its article or
    not, after a proclitic chain or not (``القاهرة``, ``قاهرة``, ``للقاهرة``, ``والقاهرة``).

    An independent count, from the tokenizer, to check :func:`framing.corpus.select_mentions`
    against (it ignores pronoun suffixes: use terms that do not take one in the text).
    """
    from framing.text import normalize, tokenize
    from framing.text.clitics import PROCLITICS, strip_article

    core = strip_article(normalize(term))
    return sum(1 for tok in tokenize(text, normalize=True, words_only=True)
               if tok.endswith(core) and tok[:len(tok) - len(core)] in PROCLITICS | {""})


# -- SaudiNewsNet: the Libya articles -----------------------------------------------------------

# Libya articles: the normalised title or text names Libya or Libyans (with clitics), or an
# unambiguous Libyan city. (سرت alone is also a verb and طرابلس also the Lebanese city.)
_CLITICS = r"(?<!\w)(?:[وفبل]?(?:ال|لل)?)?"
LIBYA_RE = re.compile(_CLITICS + r"(?:ليبيا|ليبي|ليبية|ليبيين|ليبيون|ليبيتين|ليبيان"
                      r"|بنغازي|درنة|طبرق|مصراتة|الزنتان)(?!\w)")
# A cheap test on the raw JSON line before decoding; every Libya article passes it.
_RAW_HINTS = ("ليب", "بنغازي", "درن", "طبرق", "مصرات", "الزنتان")


def write_libya_candidates(src, path):
    """Copy the lines of SaudiNewsNet ``src`` that may concern Libya into JSONL ``path``."""
    with gzip.open(src, "rt", encoding="utf-8") as fin, path.open("w", encoding="utf-8") as fout:
        for line in fin:
            if any(h in line for h in _RAW_HINTS):
                fout.write(line)
    return path


def libya_rows(corpus):
    """The rows of a corpus whose normalised title or text matches :data:`LIBYA_RE`."""
    from framing.text import normalize

    text = corpus["title"].fillna("") + "\n" + corpus["text"].fillna("")
    return corpus[[bool(LIBYA_RE.search(normalize(t))) for t in text]].reset_index(drop=True)


def with_gold(events, corpus, gold):
    """An events table joined to the hand labels (``event``, ``story``) by article URL."""
    return (events.merge(corpus[["doc_id", "url"]], on="doc_id")
            .merge(gold, on="url", validate="one_to_one"))


# -- analysis tables --------------------------------------------------------------------------

def articles_table(sizes, with_topic, seed=0):
    """Articles of outlets ``sizes = {outlet: n}``; the first ``with_topic[outlet]`` have it."""
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, n in sizes.items():
        for i in range(n):
            rows.append({
                "doc_id": f"{outlet}-{i}", "outlet": outlet,
                "date": f"2025-09-{1 + i % 28:02d}",
                "topic:elections": int(i < with_topic[outlet]),
                "share:elections": 0.25 if i < with_topic[outlet] else 0.0,
                "topic:border_security": int(i % 2 == 0),
                "share:border_security": 0.5 if i % 2 == 0 else 0.0,
                "stance:haftar": ["pro", "con", "neutral", "absent"][i % 4],
                "stance_score:haftar": [0.5, -0.5, 0.0, 0.0][i % 4],
                "tone": ["positive", "neutral", "negative"][i % 3],
                "tone_score": float(rng.uniform(-1, 1)),
            })
    return pd.DataFrame(rows)


def assert_same_tables(got, want):
    """Two :class:`framing.Analysis` objects hold equal tables (values and dtypes)."""
    assert list(got.tables()) == list(want.tables())
    for name, df in want.tables().items():
        pd.testing.assert_frame_equal(got.tables()[name], df, obj=name)


# -- codebooks --------------------------------------------------------------------------------

def broken_codebook(tmp_path, old, new):
    """The mini codebook with ``old`` replaced by ``new``, and the line of the change."""
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return path, line


# -- Arabic text for property tests -------------------------------------------------------------

# Arabic block, presentation forms, Persian letters, digits, bidi controls, spaces and punctuation:
# the characters that real noisy Arabic news contains.
ARABIC_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x0600, 0x0700)]
    + [chr(c) for c in range(0xFE70, 0xFEFD)]
    + [chr(c) for c in range(0xFB50, 0xFBB2)]
    + list("ی ک ۀ □ \u200f\u200e\u202b\u202c\u00a0 .،؟!:\n-*«»“”abcXYZ0123456789")
)
arabic_text = st.text(alphabet=ARABIC_ALPHABET, max_size=200)


# -- figures ----------------------------------------------------------------------------------

def figure_texts(fig):
    """The figure's strings, without bidi controls and with wrapped lines joined."""
    from matplotlib.text import Text

    controls = str.maketrans("\n", " ", "\u200e\u200f\u2066\u2067\u2068\u2069")
    return [t.get_text().translate(controls) for t in fig.findobj(Text) if t.get_text()]


def draw_figure(draw, data, lang, width):
    """Draw one figure, check its type and width, render it, and return its text joined."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from framing import plots

    fig = draw(data, lang=lang, width=width)
    assert isinstance(fig, Figure)
    assert fig.get_figwidth() == plots.figure_width(width)
    FigureCanvasAgg(fig).draw()  # lays out and renders every text without error
    return " ".join(figure_texts(fig))


# -- command line and docs --------------------------------------------------------------------

def run_cli(capsys, *args):
    """Run ``framing ARGS`` in-process: ``(exit code, stdout, stderr)``."""
    from framing.cli import main

    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err):
    """The single ``error: ...`` line a user error prints (and nothing else on stderr)."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


def assert_doctests(module):
    """The examples in ``module``'s docstrings run as written."""
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, module.__name__


def devset():
    """tools/devset.py (how the project's coded SaudiNewsNet sample becomes a corpus)."""
    if "devset" not in sys.modules:
        spec = importlib.util.spec_from_file_location("devset", ROOT / "tools" / "devset.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules["devset"] = module
    return sys.modules["devset"]


@contextlib.contextmanager
def held_by_another_process(folder):
    """A forked child holds the output lock of ``folder`` (framing.outdir.locked) while the block
    runs, as a concurrent ``framing`` run would; the child is killed afterwards."""
    from framing.outdir import locked

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child holds the lock for a while
        try:
            with locked(folder):
                os.write(write_end, b"x")
                time.sleep(5)
        finally:
            os._exit(0)
    try:
        assert os.read(read_end, 1) == b"x"
        yield
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
        os.close(write_end)
