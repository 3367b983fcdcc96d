"""The schema version and the one JSON serialiser every result type uses."""

from __future__ import annotations

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
