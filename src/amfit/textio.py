"""Read user files safely and normalise text.

:func:`read_document` reads a file or standard input (``-``) in any format
amfit knows (plain text, Markdown, PDF, DOCX, HTML, JSON Resume; see
:mod:`amfit.readers`) and returns its text with an extraction report;
:func:`read_text` returns the text alone. Nothing here writes anywhere.
Every failure is an :class:`InputError` with a one-line message that says
what is wrong and what to do.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .readers.base import Document

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

# Regular expressions and str.replace rather than str.translate with a
# table: translate walks the text in Python-level steps and was the largest
# cost of reading a posting in amfit batch.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\f\v]")
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))
#: Control characters (Unicode category Cc) other than line and tab breaks.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")


def normalize_text(text: str) -> str:
    """NFKC-normalise, unify newlines, spaces and quotes, drop zero-width characters.

    The number of lines is preserved (line N of the result is line N of the
    input as an editor shows it), so reported line numbers stay true.
    """
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


def display_name(path: str | Path) -> str:
    """A file name fit for a one-line message (control characters escaped)."""
    return "".join(
        ch if unicodedata.category(ch) != "Cc" else ch.encode("unicode_escape").decode()
        for ch in str(path)
    )


_FILE_TYPES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int, name: str) -> InputError:
    if stat.S_ISDIR(mode):
        return InputError(f"{name}: is a directory, expected a file")
    what = next((label for test, label in _FILE_TYPES if test(mode)), "not a regular file")
    return InputError(
        f"{name}: {what}, not a regular file; give a file, or - to read standard input"
    )


def _os_error(exc: OSError, p: Path, name: str) -> InputError:
    """One line for an OSError met looking at or opening ``p``."""
    code = exc.errno
    if code == errno.ENOENT:
        if os.path.islink(p):
            return InputError(f"{name}: a broken symbolic link (what it points to does not exist)")
        return InputError(f"{name}: no such file")
    if code == errno.ELOOP:
        return InputError(f"{name}: a symbolic link loop (the link leads back to itself)")
    if code == errno.ENOTDIR:
        return InputError(f"{name}: no such file (a part of the path is not a folder)")
    if code in (errno.EACCES, errno.EPERM):
        return InputError(f"{name}: permission denied")
    if code == errno.ENAMETOOLONG:
        return InputError(f"{name}: the file name is too long")
    if code == errno.EISDIR:
        return InputError(f"{name}: is a directory, expected a file")
    return InputError(f"{name}: cannot read the file ({exc.strerror or exc})")


def check_file(path: str | Path, name: str | None = None) -> os.stat_result:
    """The ``os.stat`` of a regular file the user named, or an :class:`InputError`.

    Checked before the file is opened, so a named pipe with no writer (which
    would block ``open`` forever), a device or a socket is refused at once;
    a missing file, a broken symbolic link and a symbolic link loop each get
    their own message.
    """
    p = Path(path)
    name = display_name(p) if name is None else name
    try:
        st = os.stat(p)
    except OSError as exc:
        raise _os_error(exc, p, name) from exc
    except ValueError as exc:  # an embedded NUL in the name
        raise InputError(f"{name}: not a valid file name ({exc})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(st.st_mode, name)
    return st


def read_file_bytes(path: str | Path, name: str | None = None, *, limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them, or an :class:`InputError`.

    The file is opened without blocking and checked again once open, so a
    file swapped for a named pipe between the check and the open cannot hang.
    """
    p = Path(path)
    name = display_name(p) if name is None else name
    st = check_file(p, name)
    if st.st_size > limit:
        raise InputError(f"{name}: file is {st.st_size:,} bytes, over the {limit:,}-byte limit")
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _os_error(exc, p, name) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(mode, name)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise _os_error(exc, p, name) from exc
    finally:
        os.close(fd)
    if len(data) > limit:  # a file that grew while read
        raise InputError(f"{name}: over the {limit:,}-byte limit")
    return data


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
    from .readers import read_bytes

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
