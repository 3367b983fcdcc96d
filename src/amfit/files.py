"""Opening a file the user named, safely: one-line errors, no hang, a size cap.

:func:`check_file` refuses before opening what is not a regular file (a
named pipe with no writer would block ``open`` forever, a device, a
socket) and names a missing file, a broken symbolic link and a link loop
apart; :func:`read_file_bytes` reads at most ``limit`` bytes of it. Both
raise :class:`~amfit.errors.InputError`. Used by the readers and by the
taxonomy loader (``--keywords`` files), so it sits below both.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from .errors import InputError

__all__ = ["check_file", "display_name", "read_file_bytes"]


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
