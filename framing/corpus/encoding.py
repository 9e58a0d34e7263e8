"""Decoding corpus files: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy Windows-1256.

Arabic text saved by older Windows software is often Windows-1256 (``cp1256``). Such a file is
not valid UTF-8; it is decoded as cp1256 only if the letters its non-ASCII bytes stand for are
mostly Arabic (so that a metadata.csv with Latin headers and short Arabic outlet names is
recognised), and the user is warned to re-save it as UTF-8. A file that mixes UTF-8 lines and
cp1256 lines (two files pasted together) is decoded line by line, and the warning names the
cp1256 lines. A line that is UTF-8 with a few broken bytes is not taken for cp1256. Anything else
that is not UTF-8 is an error, as is a file with binary content (NUL or other control bytes).

The loaded text is the file's text with two changes only, so that character offsets computed
later refer to a text the user can reproduce: HTML entities are unescaped (``&quot;`` -> ``"``)
and Windows line ends ``\\r\\n`` become ``\\n`` (a lone ``\\r`` is kept).
"""

from __future__ import annotations

import codecs
import html
import re

from ..errors import CorpusError
from ..text.charsets import is_arabic_letter

# C0 control bytes other than tab, line feed, vertical tab, form feed and carriage return:
# they do not occur in text files.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.001
_MIN_ARABIC_SHARE = 0.5
_SAMPLE_CHARS = 100_000  # enough to tell Arabic from other text; keeps big files quick


def mostly_arabic(text, min_share=_MIN_ARABIC_SHARE):
    """Whether at least ``min_share`` of the letters in ``text`` (its first 100,000 characters)
    are Arabic letters."""
    letters = [ch for ch in text[:_SAMPLE_CHARS] if ch.isalpha()]
    if not letters:
        return False
    return sum(map(is_arabic_letter, letters)) / len(letters) >= min_share


def _line_of(data, offset):
    return data.count(b"\n", 0, offset) + 1


def _check_not_binary(data, path):
    n_control = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if n_control and (b"\x00" in data or n_control > _MAX_CONTROL_SHARE * len(data)):
        raise CorpusError(
            "is a binary file, not text (it contains NUL or control bytes)",
            fix="remove it from the corpus, or re-save it as UTF-8 text (a UTF-16 file needs "
                "its byte-order mark)",
            path=path,
        )


def decode_bytes(data, path, *, encoding=None, notes=None):
    """Decode the bytes of a corpus file.

    Parameters
    ----------
    data : bytes
    path : str or os.PathLike
        The file, named in errors and warnings.
    encoding : str, optional
        Decode with this codec and nothing else.
    notes : framing.corpus.notes.Notes, optional
        Receives the warning for a Windows-1256 file.

    Returns
    -------
    text : str
    encoding : str
        ``utf-8``, ``utf-8-sig`` (UTF-8 with BOM), ``utf-16`` (with BOM), ``cp1256`` or the
        ``encoding`` given.

    Raises
    ------
    CorpusError
        Binary content, or bytes that are neither UTF-8 nor Arabic Windows-1256.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise CorpusError(f"unknown encoding {encoding!r}",
                              fix="use a Python codec name such as utf-8 or cp1256") from None
        except UnicodeDecodeError as exc:
            raise CorpusError(f"cannot be decoded as {encoding} (byte {data[exc.start]:#04x})",
                              fix="give the file's real encoding, or re-save it as UTF-8",
                              path=path, line=_line_of(data, exc.start)) from None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise CorpusError("starts with a UTF-16 byte-order mark but is not valid UTF-16",
                              fix="re-save it as UTF-8", path=path) from None
    else:
        encoding = "utf-8"
    _check_not_binary(data, path)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        bad = exc.start
    return _decode_legacy(data, path, encoding, bad, notes)


def _is_cp1256_arabic(raw):
    """Whether bytes ``raw`` read as Windows-1256 are Arabic: the non-ASCII characters are mostly
    Arabic letters, and the bytes are not UTF-8 with a few broken sequences."""
    legacy = raw.decode("cp1256", errors="replace")
    if "\ufffd" in legacy:
        return False
    as_utf8 = raw.decode("utf-8", errors="replace")
    non_ascii = sum(1 for ch in as_utf8 if ord(ch) > 127)
    if non_ascii and as_utf8.count("\ufffd") < 0.5 * non_ascii:
        return False  # mostly good UTF-8 sequences: a damaged UTF-8 line, not cp1256
    return mostly_arabic("".join(ch for ch in legacy if ord(ch) > 127))


def _lines_note(numbers, limit=8):
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f" (and {len(numbers) - limit} more)" if len(numbers) > limit else "")


def _decode_legacy(data, path, encoding, bad, notes):
    """Decode a file that is not valid UTF-8: cp1256 Arabic whole, or line by line where UTF-8
    and cp1256 lines are mixed."""
    lines = data.split(b"\n")
    texts, legacy, utf8_lines = [], [], 0
    for number, raw in enumerate(lines, 1):
        try:
            texts.append(raw.decode(encoding if number == 1 else "utf-8"))
            utf8_lines += not raw.isascii()
        except UnicodeDecodeError as exc:
            if not _is_cp1256_arabic(raw):
                start = sum(len(r) + 1 for r in lines[:number - 1]) + exc.start
                raise CorpusError(
                    f"is not UTF-8 (byte {data[start]:#04x}) and not Windows-1256 Arabic either",
                    fix="re-save it as UTF-8, or give its encoding with --encoding CODEC "
                        "(Python: encoding=)", path=path, line=number) from None
            texts.append(raw.decode("cp1256"))
            legacy.append(number)
    if not utf8_lines:
        if notes is not None:
            notes.warn(f"{path}: not UTF-8; decoded as Windows-1256 (cp1256) Arabic. "
                       "Re-save it as UTF-8 so that every tool reads the same text")
        return data.decode("cp1256"), "cp1256"
    if notes is not None:
        notes.warn(f"{path}: mixes UTF-8 and Windows-1256 (cp1256) lines; line(s) "
                   f"{_lines_note(legacy)} decoded as cp1256, the others as UTF-8. Re-save it "
                   "as UTF-8 so that every tool reads the same text")
    return "\n".join(texts), "utf-8+cp1256"


def clean_text(text):
    """Unescape HTML entities and turn ``\\r\\n`` into ``\\n``; nothing else changes.

    Examples
    --------
    >>> clean_text("قال &quot;نعم&quot;\\r\\n")
    'قال "نعم"\\n'
    """
    if "&" in text:
        text = html.unescape(text)
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return replace_surrogates(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text):
    """Replace lone surrogates (half an emoji cut by a scraper) with U+FFFD, one for one.

    They cannot be written as UTF-8; the replacement keeps every offset where it was.

    Examples
    --------
    >>> replace_surrogates("نص " + chr(0xD83D)) == "نص " + chr(0xFFFD)
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
