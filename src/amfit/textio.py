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


def normalize_text(text: str) -> str:
    """NFKC-normalise, unify newlines, spaces and quotes, drop zero-width characters.

    The number of lines is preserved (line N of the result is line N of the
    input as an editor shows it), so reported line numbers stay true. A lone
    surrogate becomes U+FFFD, the replacement character.
    """
    if text.isascii():
        # Half the postings are plain ASCII: of the forms above, only "\r"
        # line breaks and tab, form feed and vertical tab can occur (NFKC
        # leaves ASCII alone), so two passes replace seven.
        if "\r" in text:
            text = _NEWLINES.sub("\n", text)
        return _ASCII_SPACES.sub(" ", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = _NEWLINES.sub("\n", text)
    # Zero-width characters go before NFKC, so that what they separated is
    # composed now and a second pass changes nothing (idempotent).
    text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in _QUOTES:
        text = text.replace(curly, straight)
    text = _SPACES.sub(" ", text)
    # NFKC may have produced new line breaks (it does not for the forms above,
    # but stay safe): keep only "\n".
    return _NEWLINES.sub("\n", text)


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


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


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
