"""Locate the data shipped with amfit (``keywords/`` and ``data/``).

In a wheel both folders are installed inside the package as
``amfit/_resources/``; in a source checkout (editable install, tests) they
sit at the repository root.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the folder ``keywords`` or ``data`` wherever it is installed."""
    for candidate in (_PACKAGE_DIR / "_resources" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"amfit is installed without its {name}/ folder")


def keywords_path(filename: str) -> Path:
    return resource_dir("keywords") / filename


def data_path(filename: str) -> Path:
    return resource_dir("data") / filename


# -- TOML files parsed at build time ---------------------------------------
#
# tomllib is pure Python: the 13 parses of the shipped TOML files (am.toml
# alone ~59M instructions) were a tenth of a cold `amfit score`'s own cost.
# scripts/build_parsed_toml.py writes each shipped file's parse as one JSON
# line keyed by the SHA-256 of its text; :func:`parse_toml` uses a line only
# when the text it is given has that digest, so an edited shipped file or a
# user's ``--keywords`` file is always parsed, and tests/test_parsed_toml.py
# fails until the file is rebuilt.

PARSED_TOML_FILE = "parsed_toml.jsonl"
PARSED_TOML_SCRIPT = "scripts/build_parsed_toml.py"


def toml_digest(text: str) -> str:
    """The key of a TOML text's parse in :data:`PARSED_TOML_FILE`."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``: the shipped parse of this very text when there
    is one, else parsed now (raising :class:`tomllib.TOMLDecodeError` as
    tomllib does). Every call returns a new object."""
    line = _parsed_toml().get(toml_digest(text))
    if line is not None:
        return json.loads(line)
    import tomllib

    return tomllib.loads(text)


def toml_error() -> type[Exception]:
    """``tomllib.TOMLDecodeError``, importing tomllib when asked. Written
    ``except toml_error() as exc:``: an except clause is evaluated only
    while an exception passes through it, so a run whose TOML all comes
    from :data:`PARSED_TOML_FILE` never imports tomllib (~8M instructions
    with its patterns)."""
    import tomllib

    return tomllib.TOMLDecodeError


@cache
def _parsed_toml() -> dict[str, str]:
    """Digest -> JSON text of that TOML text's parse; empty when the file is
    missing or unreadable. A line is ``<digest> <file> <json>``."""
    try:
        text = data_path(PARSED_TOML_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        digest, _, rest = line.partition(" ")
        _, _, data = rest.partition(" ")
        if len(digest) == 64 and data.startswith("{"):
            table[digest] = data
    return table


# -- regular expressions compiled at build time ----------------------------
#
# re's compiler is pure Python: the ~470 patterns a cold `amfit score`
# compiles (module constants, lint word lists, section headings) cost ~415M
# instructions, a quarter of its cost above the import floor.
# scripts/build_regex_code.py records the code re compiles amfit's patterns
# to on this very Python; seed_regex_cache() puts Pattern objects made from
# that code into re's own cache, so re.compile() of the same (pattern, flags)
# finds one ready. Another Python, a pattern not in the file (a --keywords
# file's), or AMFIT_REGEX_SEED=0 (the build script) compiles as before;
# tests/test_regex_code.py checks every seeded pattern equals (same code) a
# fresh compile.

REGEX_FILE = "regex_code.json"
#: How the file stores every pattern's code words: one base64 string of
#: unsigned 32-bit little-endian words, the patterns' codes one after another
#: (a row gives its length). Read as JSON lists of numbers they cost ~60M
#: instructions, most of the seeding's cost; decoded in C, a few million.
#: Only JSON, base64 and integers: nothing in the file is code Python runs,
#: and _sre.compile() validates each code before a pattern is made.
REGEX_CODE_ORDER = "little"


def regex_build_key() -> list[object]:
    """What compiled code depends on: the interpreter and its sre engine."""
    import _sre

    return [sys.implementation.name, list(sys.version_info[:3]), _sre.MAGIC, _sre.CODESIZE]


def seed_regex_cache() -> int:
    """Put the shipped compiled patterns into re's cache; the number seeded
    (0 when the file is missing, stale or broken: then none is seeded)."""
    if os.environ.get("AMFIT_REGEX_SEED") == "0":
        return 0
    import _sre
    import array
    import binascii

    try:
        data = json.loads(data_path(REGEX_FILE).read_bytes())
        if data.get("python") != regex_build_key():
            return 0
        rows = data["patterns"]
        words = array.array("I")
        if words.itemsize != _sre.CODESIZE:
            return 0
        words.frombytes(binascii.a2b_base64(data["code"], strict_mode=True))
        if sys.byteorder != REGEX_CODE_ORDER:
            words.byteswap()
        code = words.tolist()
        if sum(row[3] for row in rows) != len(code):
            return 0
        cache = re._cache  # type: ignore[attr-defined]
        ready = {}
        at = 0
        for pattern, flags, final, size, groups, groupindex, indexgroup in rows:
            key = (str, pattern, flags)
            if key not in cache:
                ready[key] = _sre.compile(
                    pattern, final, code[at : at + size], groups, groupindex, tuple(indexgroup)
                )
            at += size
    except (OSError, ValueError, TypeError, AttributeError, KeyError, RuntimeError):
        return 0
    # re keeps 512 patterns and drops the oldest first: spaCy's and the
    # rest would push the seeded ones out before use. Room for both.
    re._MAXCACHE = max(re._MAXCACHE, len(cache) + len(ready) + 512)  # type: ignore[attr-defined]
    cache.update(ready)
    return len(ready)
