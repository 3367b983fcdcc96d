"""Input readers, one module per format, and the format detection in front of them.

:func:`read_bytes` decides the format from the content (magic bytes first,
the file name ending only where content cannot tell) and hands the bytes
to :mod:`.pdf`, :mod:`.docx`, :mod:`.html`, :mod:`.jsonresume` or
:mod:`.text`. Each returns a :class:`Document`: the text the parsers read
and an :class:`ExtractionReport`. Files and standard input come in
through :func:`read_document`, which adds the file checks (missing,
directory, size) in front of :func:`read_bytes`.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from ..errors import InputError
from ..files import check_file, display_name, read_file_bytes
from ..textio import decode_bytes
from .base import Document, ExtractionReport

__all__ = [
    "FORMATS",
    "Document",
    "ExtractionReport",
    "check_file",
    "display_name",
    "read_bytes",
    "read_document",
    "read_file_bytes",
    "read_text",
]

#: Largest text input accepted, in bytes (text resumes and postings are a
#: few kilobytes; anything this large is almost certainly the wrong file).
#: It also limits the text extracted from a PDF, DOCX or HTML file.
MAX_INPUT_BYTES = 2_000_000
#: Largest file accepted at all, in bytes: PDF and DOCX files (and saved web
#: pages) carry fonts, images and markup around a few kilobytes of text.
MAX_RAW_BYTES = 20_000_000
#: The name that reads standard input, and how it is shown in messages.
STDIN = "-"
STDIN_NAME = "<stdin>"

#: Formats amfit reads, as reported in :attr:`ExtractionReport.format`.
FORMATS = ("text", "markdown", "pdf", "docx", "html", "json-resume")

#: Name endings that say "this is text" (used only when content cannot tell).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:head|body|meta|title|div|p|h[1-6]|ul|li|article|main)\b[^>]*>", re.I)
_RTF = re.compile(r"^\s*\{\\rtf", re.I)


def _suffix(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def sniff_binary(data: bytes, source: str, suffix: str = "") -> str | None:
    """``pdf`` / ``docx`` from magic bytes, or None for anything else (read as text).

    An Office file in the old binary container (``.doc``, or any Office
    file saved with a password) is refused here with a message naming it.
    """
    head = data[:1024]
    if head.lstrip(b"\x00\t\n\r\f ").startswith(b"%PDF-") or (
        suffix == ".pdf" and b"%PDF-" in head
    ):
        return "pdf"
    if data.startswith(_ZIP):
        return "docx"  # the DOCX reader says what else a zip is
    if data.startswith(_OLE):
        what = (
            "an old Word .doc file"
            if suffix == ".doc"
            else "a password-protected Office file or an old .doc/.xls file"
        )
        raise InputError(
            f"{source}: {what}, which amfit cannot read: save it as .docx or PDF without a password"
        )
    return None


def sniff_text(text: str, suffix: str = "") -> str:
    """``html`` / ``json`` / ``markdown`` / ``text`` for decoded text."""
    head = text[:4096].lstrip("\ufeff")
    stripped = head.lstrip()
    if _RTF.match(head):
        return "rtf"
    if _HTML_START.match(head) or (suffix in HTML_SUFFIXES and _HTML_TAGS.search(head)):
        return "html"
    if stripped.startswith("{") or (suffix in JSON_SUFFIXES and stripped.startswith("[")):
        return "json"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _peek(data: bytes) -> str:
    """The start of ``data`` as text, good enough to recognise HTML."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def read_bytes(
    data: bytes,
    source: str,
    *,
    name: str | None = None,
    max_bytes: int,
) -> Document:
    """Read one input's bytes, whatever its format.

    ``source`` names the input in messages; ``name`` (default ``source``)
    gives the file name ending, used only where the content cannot tell.
    ``max_bytes`` limits text inputs (plain text, Markdown, JSON) and the
    text extracted from any format; the caller limits the raw size.
    """
    suffix = _suffix(name if name is not None else source)
    kind = sniff_binary(data, source, suffix)
    if kind == "pdf":
        from . import pdf

        return pdf.read(data, source, max_bytes=max_bytes)
    if kind == "docx":
        from . import docx

        return docx.read(data, source, max_bytes=max_bytes)
    if suffix == ".pdf":
        raise InputError(
            f"{source}: not a PDF (it does not start with %PDF-): the file is damaged or "
            "misnamed; export it again, or give DOCX or text"
        )
    if suffix in (".docx", ".docm", ".dotx"):
        raise InputError(
            f"{source}: not a valid DOCX: not a zip archive (a .docx is one); "
            "open it in Word and save it again, or export it as PDF or text"
        )
    if not data.strip():
        raise InputError(f"{source}: the file is empty (no text to read)")
    too_big = InputError(
        f"{source}: file is {len(data):,} bytes, over the {max_bytes:,}-byte limit for a text input"
    )
    # Markup is mostly not text: an HTML page's size is checked on what is
    # extracted from it, everything else before it is decoded.
    if len(data) > max_bytes and sniff_text(_peek(data), suffix) != "html":
        raise too_big
    from . import text as plain

    decoded = decode_bytes(data, source)
    kind = sniff_text(decoded, suffix)
    if len(data) > max_bytes and kind != "html":
        raise too_big
    if kind == "rtf":
        raise InputError(
            f"{source}: an RTF file, which amfit cannot read: save it as DOCX, PDF or text"
        )
    if kind == "html":
        from . import html

        return html.read_decoded(decoded, source, max_bytes=max_bytes)
    if kind == "json":
        from . import jsonresume

        return jsonresume.read_decoded(decoded, source, max_bytes=max_bytes)
    return plain.read_decoded(decoded, source, fmt=kind, encoding=plain.encoding_of(data))


def _read_file(p: Path, name: str, limit: int) -> bytes:
    return read_file_bytes(p, name, limit=limit)


def _read_stdin(limit: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError(f"{STDIN_NAME}: there is no standard input to read")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(limit + 1)
        else:  # a text stream (some test harnesses): take its text as UTF-8
            data = stream.read(limit + 1).encode("utf-8")
    except (OSError, ValueError) as exc:
        raise InputError(f"{STDIN_NAME}: cannot read standard input ({exc})") from exc
    if len(data) > limit:
        raise InputError(f"{STDIN_NAME}: over the {limit:,}-byte limit")
    return data


def read_document(
    path: str | Path,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    max_raw_bytes: int = MAX_RAW_BYTES,
) -> Document:
    """Read a resume or posting the user named, in any supported format.

    ``path`` is a file, or ``-`` for standard input. The format comes from
    the content (``%PDF``, a zip holding ``word/``, ``<html``, a JSON
    object), the file name ending only where content cannot tell. No file
    may exceed ``max_raw_bytes``; text inputs (plain text, Markdown, JSON)
    and the text extracted from any format may not exceed ``max_bytes``.

    Returns a :class:`~amfit.readers.Document`, which unpacks as
    ``text, report``. Raises :class:`InputError` (one line: what is wrong
    and what to do) for every input that cannot be used.
    """
    limit = max(max_raw_bytes, max_bytes)
    if str(path) == STDIN:
        data = _read_stdin(limit)
        if not data.strip():
            raise InputError(f"{STDIN_NAME}: standard input is empty (no text to read)")
        return read_bytes(data, STDIN_NAME, name="", max_bytes=max_bytes)
    name = display_name(path)
    data = _read_file(Path(path), name, limit)
    if not data.strip():
        raise InputError(f"{name}: the file is empty (no text to read)")
    return read_bytes(data, name, max_bytes=max_bytes)


def read_text(
    path: str | Path,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    max_raw_bytes: int = MAX_RAW_BYTES,
) -> str:
    """Read a file the user named (or ``-``, standard input) and return its text.

    Any supported format (see :func:`read_document`); one-line errors for
    every bad case.
    """
    return read_document(path, max_bytes=max_bytes, max_raw_bytes=max_raw_bytes).text
