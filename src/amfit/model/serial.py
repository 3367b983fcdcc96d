"""The schema version and the one JSON serialiser every result type uses."""

from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from typing import Any

#: Version of the JSON outputs. Bump the major part on breaking changes,
#: the minor part when a field is added (1.1 added ``lint``, 1.2 the
#: ``extraction`` report of each input, 1.3 the resume ``checks`` and text,
#: 1.4 the bullets' ``rewrite_note``, 1.5 the ``form`` of each posting ask,
#: 1.6 ``role_fit``, ``top_edits`` and the title fit's ``reason``).
SCHEMA_VERSION = "1.7"

_LEAVES = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The names a result type writes: its ``JSON_FIELDS`` (which may name
    properties), else its dataclass fields in declaration order; None for
    a type that is no result type."""
    if not hasattr(cls, "__dataclass_fields__"):
        return None
    named = getattr(cls, "JSON_FIELDS", None)
    return tuple(named) if named is not None else tuple(f.name for f in fields(cls))


def plain(value: Any) -> Any:
    """JSON-ready data: dataclasses as dicts in field order, tuples as lists.

    What ``dataclasses.asdict`` gives, without its deep copy of every leaf
    (a third of the time amfit batch spent writing JSON Lines). Leaves are
    taken as they are without a call (most values of a report are leaves),
    and what a type writes is looked up once per type.
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _field_names(kind)
    leaves = _LEAVES
    if names is not None:
        out = {}
        for name in names:
            v = getattr(value, name)
            out[name] = v if type(v) in leaves else plain(v)
        return out
    if isinstance(value, dict):
        return {k: v if type(v) in leaves else plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in leaves else plain(v) for v in value]
    return value


#: ``json.dumps(..., ensure_ascii=False, check_circular=False)`` without
#: building the encoder per call (check_circular off: :func:`plain` builds
#: a fresh tree, which holds no cycle).
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def dumps(value: Any) -> str:
    """``value`` as JSON text: ``json.dumps(plain(value), ensure_ascii=False)``."""
    return _ENCODER.encode(value if type(value) in _LEAVES else plain(value))


class Kept:
    """The JSON text of values that many reports share, kept by identity.

    A batch scores one resume against posting after posting: every report
    holds the same resume text and the same resume-only check results (the
    same objects, from the checks' per-resume cache), and writing them again
    was a third of the time spent turning a report into JSON. A value is
    kept with its text, so its ``id`` cannot be reused while it is; the
    table starts again when full. Only for values that are never changed
    after they are made (strings, frozen results with plain data).
    """

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._kept: dict[int, tuple[Any, str]] = {}

    def text(self, value: Any) -> str:
        """``dumps(value)``, worked out once per value."""
        got = self._kept.get(id(value))
        if got is not None and got[0] is value:
            return got[1]
        text = dumps(value)
        if len(self._kept) >= self._size:
            self._kept.clear()
        self._kept[id(value)] = (value, text)
        return text


KEPT = Kept()


def object_json(
    value: Any, kept: frozenset[str] = frozenset(), extra: tuple[tuple[str, str], ...] = ()
) -> str:
    """``dumps(value)`` for a result type, with the fields named in ``kept``
    through :data:`KEPT` (a tuple field item by item) and ``extra`` (name,
    JSON text) pairs added at the end, as ``json.dumps`` writes a dict."""
    names = _field_names(type(value))
    assert names is not None, type(value)
    parts = []
    for name in names:
        v = getattr(value, name)
        if name not in kept or v is None:
            text = dumps(v)
        elif type(v) is tuple:
            text = "[" + ", ".join(KEPT.text(item) for item in v) + "]"
        else:
            text = KEPT.text(v)
        parts.append(f"{_ENCODER.encode(name)}: {text}")
    parts += [f"{_ENCODER.encode(name)}: {text}" for name, text in extra]
    return "{" + ", ".join(parts) + "}"
