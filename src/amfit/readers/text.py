"""Plain text and Markdown: decoded and normalised, lines kept as they are.

Line N of the result is line N of the file, so every line number amfit
reports points into the file the user wrote. Encodings: UTF-8 (with or
without BOM), UTF-16 with BOM, cp1252 (see :func:`amfit.textio.decode_bytes`).
"""

from __future__ import annotations

import codecs
import re

from ..textio import check_text, decode_bytes
from .base import GARBLED_WARNING, Document, looks_garbled, report_for

#: A line holding two runs of text separated by a wide gap: what a
#: two-column PDF copied with its layout looks like.
_WIDE_GAP = re.compile(r"\S(?: {4,}|\t+ *)\S")

INTERLEAVED_WARNING = (
    "text looks interleaved from two columns (many lines hold two runs of text "
    "separated by a wide gap): copy each column separately, or give the original PDF or DOCX"
)


def encoding_of(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def looks_interleaved(decoded: str) -> bool:
    """Do many lines hold two columns side by side (before tabs become spaces)?"""
    lines = [line for line in decoded.splitlines() if line.strip()]
    wide = sum(1 for line in lines if _WIDE_GAP.search(line.strip()))
    return wide >= 5 and wide >= 0.3 * len(lines)


def read(data: bytes, source: str, *, fmt: str = "text") -> Document:
    """Decode and check text bytes; ``fmt`` is ``text`` or ``markdown``."""
    return read_decoded(decode_bytes(data, source), source, fmt=fmt, encoding=encoding_of(data))


def read_decoded(text: str, source: str, *, fmt: str = "text", encoding: str) -> Document:
    """Like :func:`read` for text already decoded by the caller."""
    checked = check_text(text, source)
    warnings = []
    if looks_interleaved(text):
        warnings.append(INTERLEAVED_WARNING)
    if looks_garbled(checked):
        warnings.append(GARBLED_WARNING)
    return Document(checked, report_for(checked, source, fmt, warnings, encoding=encoding))
