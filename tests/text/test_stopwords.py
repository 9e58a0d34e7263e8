"""framing.text.stopwords: the packaged list (with its licence) and the loader."""

from __future__ import annotations

from importlib import resources

import pytest

from framing.errors import FramingError
from framing.text import load_stopwords, normalize, tokenize
from helpers import S000


def test_stopwords_ship_with_licence_and_are_normalised():
    folder = resources.files("framing") / "data" / "stopwords"
    assert "MIT" in (folder / "LICENSE-stopwords-ar").read_text(encoding="utf-8")
    words = load_stopwords("default")
    assert len(words) > 400
    assert {"الي", "ان", "هذا", "التي"} <= words            # إلى and أن, normalised
    assert all(normalize(w) == w for w in words)
    assert "إلى" not in words


def test_stopwords_from_a_file_an_iterable_or_none(tmp_path, seed_texts):
    path = tmp_path / "stop.txt"
    path.write_text("# local additions\nإلى\n\n  الذي  # relative pronoun\nقال\n", encoding="utf-8")
    from_file = load_stopwords(path)
    assert from_file == {"الي", "الذي", "قال"}                 # normalised, comments dropped
    assert load_stopwords(["إلى", "الذي", "قال", ""]) == from_file
    assert load_stopwords(None) == frozenset()
    # Dropped from the seeds' tokens in their normalised spelling.
    words = tokenize(seed_texts[S000], normalize=True, words_only=True)
    assert "الي" in words and "الي" not in tokenize(seed_texts[S000], normalize=True,
                                                    words_only=True, stopwords=from_file)


def test_a_missing_word_list_names_the_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FramingError) as info:
        load_stopwords("../nope/stop.txt")
    assert str(info.value).startswith("../nope/stop.txt: word list not found.")
