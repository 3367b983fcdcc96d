"""Normalise text: decode bytes, unify newlines, spaces and quotes, check it is text.

Every reader (:mod:`amfit.readers`) and every text given to the library
goes through :func:`normalize_text`; reading files and standard input is
:func:`amfit.readers.read_document`. Every failure is an
:class:`InputError` with a one-line message that says what is wrong and
what to do.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

from .errors import InputError

# Regular expressions and str.replace rather than str.translate with a
# table: translate walks the text in Python-level steps and was the largest
# cost of reading a posting in amfit batch.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\f\v]")
_ASCII_SPACES = re.compile(r"[\t\f\v]")  # the ASCII members of _SPACES
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))
#: Control characters (Unicode category Cc) other than line and tab breaks.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
#: A lone surrogate (half of a UTF-16 pair) is no character: text from a
#: badly decoded source can hold one, and it cannot be encoded as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")


#: The characters of the classes above, for ``in`` tests: a test of a
#: few characters with ``in`` (a fast search in C) costs a tenth of one
#: regex pass over a posting, and most postings hold none of them, so
#: each pass below runs only when it has something to replace.
#: tests/test_textio.py checks each string holds exactly its class.
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_CHARS = "\u00a0\u2007\u202f\u3000\t\f\v" + "".join(map(chr, range(0x2000, 0x200B)))
_NEWLINE_CHARS = "\r\u2028\u2029\x85"  # what _NEWLINES replaces starts with one


def _holds_any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


def _ascii_breaks(text: str) -> str:
    """``text`` with "\\r" line breaks made "\\n" and tab, form feed and
    vertical tab made spaces: all that normalising does to ASCII text."""
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if "\t" in text or "\f" in text or "\v" in text:
        text = _ASCII_SPACES.sub(" ", text)
    return text


def normalize_text(text: str) -> str:
    """NFKC-normalise, unify newlines, spaces and quotes, drop zero-width characters.

    The number of lines is preserved (line N of the result is line N of the
    input as an editor shows it), so reported line numbers stay true. A lone
    surrogate becomes U+FFFD, the replacement character.
    """
    if text.isascii():
        # Half the postings are plain ASCII: of the forms above, only "\r"
        # line breaks and tab, form feed and vertical tab can occur (NFKC
        # leaves ASCII alone).
        return _ascii_breaks(text)
    # Each pass only where it has something to replace (see _SPACE_CHARS).
    try:
        text.encode("utf-8")  # fails on a lone surrogate and on nothing else
    except UnicodeEncodeError:
        text = _SURROGATES.sub("\ufffd", text)
    if _holds_any(text, _NEWLINE_CHARS):
        text = _NEWLINES.sub("\n", text)
    # Zero-width characters go before NFKC, so that what they separated is
    # composed now and a second pass changes nothing (idempotent).
    if _holds_any(text, _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in _QUOTES:
        text = text.replace(curly, straight)
    if _holds_any(text, _SPACE_CHARS):
        text = _SPACES.sub(" ", text)
    # NFKC may have produced new line breaks (it does not for the forms above,
    # but stay safe): keep only "\n".
    if _holds_any(text, _NEWLINE_CHARS):
        text = _NEWLINES.sub("\n", text)
    return text


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", name)
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode the text (not UTF-8, UTF-16 or cp1252)") from exc
    return text


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding.upper()} text") from exc


#: The ASCII characters that are no control character of :data:`_CONTROL`.
_ASCII_NOT_CONTROL = bytes([0x09, 0x0A, 0x0B, 0x0C, 0x0D, *range(0x20, 0x7F)])


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    if text.isascii():
        # The bytes left once every other ASCII character is deleted are
        # the control characters: one pass in C, a fifth of the search.
        count = len(text.encode("ascii").translate(None, _ASCII_NOT_CONTROL))
    else:
        count = len(_CONTROL.findall(text))
    return count / len(text)


def check_text(text: str, name: str) -> str:
    """Validate decoded text and return it normalised."""
    if _control_ratio(text) > 0.01:
        raise InputError(f"{name}: looks like a binary file, not text")
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"{name}: the file is empty (no text to read)")
    return text


#: Names that moved to :mod:`amfit.readers` with file reading; kept here
#: for user code written against the documented ``amfit.textio`` paths.
#: Looked up lazily, so textio itself never imports the readers.
_MOVED = frozenset(
    {"read_document", "read_text", "MAX_INPUT_BYTES", "MAX_RAW_BYTES", "STDIN", "STDIN_NAME"}
)


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module("amfit.readers"), name)
    raise AttributeError(f"module 'amfit.textio' has no attribute {name!r}")
