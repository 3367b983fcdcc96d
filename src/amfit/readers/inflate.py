"""A cap on what the streams of one PDF may decompress to (a decompression-bomb guard).

pdfminer.six inflates every stream it reads (page contents, fonts, object
and cross-reference streams) in one call with no size limit, so a PDF of a
megabyte whose stream inflates to a gigabyte takes minutes and gigabytes of
memory before a single line of text is seen. :func:`inflate_budget` sets a
budget for the PDF being read; while it is set, the Flate, LZW and
RunLength decoders pdfminer calls are replaced by ones that stop as soon as
the budget is spent and raise :class:`InflateLimit` (an
:class:`~amfit.errors.InputError`). Outside a budget they behave exactly as
pdfminer's own.

The decoders are swapped on pdfminer's ``pdftypes`` module once, when this
module is first used; the budget is per thread, so concurrent reads each
have their own.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import InputError

#: Largest total size the streams of one PDF may decompress to, in bytes:
#: the same bound as an unpacked DOCX (a resume's page contents and fonts
#: come to a few megabytes).
MAX_INFLATED_BYTES = 50_000_000


class InflateLimit(InputError):
    """The streams of a PDF decompress to more than the budget allows."""


class _Budget(threading.local):
    left: int | None = None
    limit: int = 0
    source: str = ""
    spent: bool = False


_BUDGET = _Budget()


def _max_out() -> int:
    """How many bytes the next decoder call may produce (0: no limit)."""
    left = _BUDGET.left
    if left is None:
        return 0
    if left <= 0 or _BUDGET.spent:
        _exceeded()
    return left + 1


def _take(n: int) -> None:
    if _BUDGET.left is None:
        return
    _BUDGET.left -= n
    if _BUDGET.left < 0:
        _exceeded()


def _exceeded() -> None:
    _BUDGET.spent = True
    raise InflateLimit(
        f"{_BUDGET.source}: the PDF's compressed streams unpack to over "
        f"{_BUDGET.limit:,} bytes (a decompression bomb?); export the file again "
        "from the original, or give DOCX or text"
    )


def _inflate(data: bytes) -> bytes:
    """``zlib.decompress(data)``, stopping at the budget."""
    d = zlib.decompressobj()
    out = d.decompress(data, _max_out())
    if d.unconsumed_tail:
        _exceeded()
    if not d.eof:  # what zlib.decompress says of a truncated stream
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    _take(len(out))
    return out


def _inflate_corrupted(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted``: inflate a stream whose checksum is
    damaged, keeping what comes before the damage; stops at the budget, in
    linear time (pdfminer's own joins bytes one at a time)."""
    d = zlib.decompressobj()
    parts: list[bytes] = []
    for i in range(len(data)):
        try:
            chunk = d.decompress(data[i : i + 1], _max_out())
        except zlib.error:
            if i < len(data) - 3:  # not in the checksum: a real error
                raise
            break
        _take(len(chunk))
        parts.append(chunk)
        while d.unconsumed_tail:
            chunk = d.decompress(d.unconsumed_tail, _max_out())
            _take(len(chunk))
            parts.append(chunk)
    return b"".join(parts)


def _lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    parts: list[bytes] = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        _take(len(piece))
        parts.append(piece)
    return b"".join(parts)


def _runlength(data: bytes) -> bytes:
    """RunLength decoding (PDF Reference 3.3.4), stopping at the budget."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            piece = data[i + 1 : i + 2 + length]
            if len(piece) < length + 1:
                raise ValueError("truncated RunLength data")
            i += 2 + length
        else:
            if i + 1 >= n:
                raise ValueError("truncated RunLength data")
            piece = data[i + 1 : i + 2] * (257 - length)
            i += 2
        _take(len(piece))
        out += piece
    return bytes(out)


class _Zlib:
    """What pdfminer's ``pdftypes`` uses of :mod:`zlib`, with a bounded ``decompress``."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)
    decompress = staticmethod(_inflate)


_INSTALLED = False
_LOCK = threading.Lock()


def _install() -> None:
    global _INSTALLED
    with _LOCK:
        if _INSTALLED:
            return
        from pdfminer import pdftypes

        pdftypes.zlib = _Zlib  # type: ignore[assignment]
        pdftypes.decompress_corrupted = _inflate_corrupted
        pdftypes.lzwdecode = _lzw
        pdftypes.rldecode = _runlength
        _INSTALLED = True


@contextmanager
def inflate_budget(source: str, limit: int = MAX_INFLATED_BYTES) -> Iterator[None]:
    """Within the block, pdfminer's decoders stop at ``limit`` bytes in total.

    Raises :class:`InflateLimit` at the end of the block if the budget was
    spent, even where pdfminer caught the error on the way.
    """
    _install()
    saved = (_BUDGET.left, _BUDGET.limit, _BUDGET.source, _BUDGET.spent)
    _BUDGET.left, _BUDGET.limit, _BUDGET.source, _BUDGET.spent = limit, limit, source, False
    try:
        yield
        if _BUDGET.spent:
            _exceeded()
    finally:
        _BUDGET.left, _BUDGET.limit, _BUDGET.source, _BUDGET.spent = saved
