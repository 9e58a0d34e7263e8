"""framing.corpus.encoding: UTF-8 with or without BOM, UTF-16, Windows-1256; entities and CRLF."""

from __future__ import annotations

import warnings

import pytest

from framing.corpus import CorpusWarning, corpus_summary, load_corpus
from helpers import S001, S002, S004, write_folder


def test_cp1256_file_loads_to_the_same_text_with_a_warning(tmp_path, seed_texts):
    text = seed_texts[S002]
    folder = write_folder(tmp_path / "legacy", {"a.txt": text.encode("cp1256")})
    with pytest.warns(CorpusWarning, match=r"a\.txt.*UTF-8"):
        df = load_corpus(folder)
    assert df["text"].iat[0] == text
    assert df["encoding"].iat[0] == "cp1256"
    assert any("a.txt" in w for w in corpus_summary(df)["warnings"])


@pytest.mark.parametrize("codec, encoded", [
    ("utf-8-sig", lambda t: t.encode("utf-8-sig")),
    ("utf-16", lambda t: t.encode("utf-16-le").join([b"\xff\xfe", b""])),
    ("utf-16", lambda t: t.encode("utf-16-be").join([b"\xfe\xff", b""])),
])
def test_bom_and_utf16_files_load_to_the_same_text(tmp_path, seed_texts, codec, encoded):
    text = seed_texts[S004]
    folder = write_folder(tmp_path / "enc", {"a.txt": encoded(text)})
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        df = load_corpus(folder)
    assert df["text"].iat[0] == text
    assert df["encoding"].iat[0] == codec


def test_explicit_encoding_is_used(tmp_path, seed_texts):
    folder = write_folder(tmp_path / "enc", {"a.txt": seed_texts[S001].encode("cp1256")})
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        df = load_corpus(folder, encoding="cp1256")
    assert df["text"].iat[0] == seed_texts[S001]


def test_html_entities_are_unescaped_and_crlf_becomes_lf(tmp_path):
    text = "قال &quot;نعم&quot; &#8220;لا&#8221;\r\nسطر\rآخر"
    folder = write_folder(tmp_path / "h", {"a.txt": text},
                          metadata="doc_id,title\na,&quot;عنوان&quot; &amp; آخر\n")
    row = load_corpus(folder).iloc[0]
    assert row["text"] == "قال \"نعم\" \u201cلا\u201d\nسطر\rآخر"
    assert row["title"] == "\"عنوان\" & آخر"


def test_a_file_mixing_utf8_and_cp1256_lines_is_decoded_line_by_line(tmp_path):
    lines = ["أعلنت مصر وليبيا تعاونا عسكريا.", "قال المتحدث إن القوات انتشرت.",
             "وأكد الجيش الوطني الليبي ذلك.", "وتابعت الحكومة الاجتماعات."]
    data = b"\n".join(line.encode("cp1256" if i in (1, 3) else "utf-8")
                      for i, line in enumerate(lines)) + b"\n"
    folder = write_folder(tmp_path / "mixed", {"a.txt": data})
    with pytest.warns(CorpusWarning, match=r"mixes UTF-8 and Windows-1256.*line\(s\) 2, 4 decoded"):
        df = load_corpus(folder)
    assert df["text"].iat[0] == "\n".join(lines) + "\n"
    assert df["encoding"].iat[0] == "utf-8+cp1256"


def test_cp1256_metadata_with_latin_headers_and_short_arabic_values(tmp_path, seed_texts):
    meta = "doc_id,outlet,date\na,الأهرام,2020-01-01\nb,الوسط,2020-01-02\n".encode("cp1256")
    folder = write_folder(tmp_path / "m", {"a.txt": seed_texts[S001], "b.txt": seed_texts[S002]})
    (folder / "metadata.csv").write_bytes(meta)
    with pytest.warns(CorpusWarning, match="metadata.csv: not UTF-8; decoded as Windows-1256"):
        df = load_corpus(folder)
    assert sorted(df["outlet"]) == ["الأهرام", "الوسط"]


def test_a_damaged_utf8_line_is_not_taken_for_cp1256(tmp_path):
    data = "نص عربي سليم\n".encode() + "نص عربي".encode() + b"\xff" + " آخر\n".encode()
    folder = write_folder(tmp_path / "d", {"a.txt": data})
    with pytest.raises(ValueError, match=r"a.txt:2: is not UTF-8 \(byte 0xff\)"):
        load_corpus(folder)
