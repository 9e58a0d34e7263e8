"""framing.corpus.summary: what `framing corpus` prints -- counts, dates, missing fields."""

from __future__ import annotations

import json

import pandas as pd

from framing.corpus import corpus_summary, format_summary, load_corpus
from helpers import MEO, write_table


def test_summary_counts(seeds_dir):
    df = load_corpus(seeds_dir)
    summary = corpus_summary(df)
    assert summary["documents"] == 5
    assert summary["outlets"] == dict.fromkeys(sorted(df["outlet"]), 1)
    assert summary["dates"] == {"first": "2025-09-16", "last": "2026-02-17", "dated": 2}
    assert summary["missing"] == {
        f: int((df[f] == "").sum()) for f in ("outlet", "date", "title", "url")}
    assert summary["encodings"] == {"utf-8": 5}
    assert json.loads(json.dumps(summary, ensure_ascii=False)) == summary
    text = format_summary(summary)
    for fact in ("documents: 5", "outlets: 5", MEO, "2025-09-16 to 2026-02-17", "duplicates: 0"):
        assert fact in text


def test_summary_text_lists_the_largest_outlets_first(tmp_path):
    outlets = [f"outlet{i:02d}" for i in range(25) for _ in range(i + 1)]
    frame = pd.DataFrame({"text": [f"نص {i}." for i in range(len(outlets))], "outlet": outlets})
    text = format_summary(corpus_summary(load_corpus(write_table(frame, tmp_path / "o.csv"))))
    listed = [line.split()[0] for line in text.splitlines() if line.startswith("  outlet")]
    assert listed == [f"outlet{i:02d}" for i in range(24, 4, -1)]
    assert "and 5 more" in text
