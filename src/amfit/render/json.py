"""JSON output: ``Report.to_dict()`` with stable key order and indentation."""

from __future__ import annotations

import json
from typing import Any


def dumps(data: dict[str, Any]) -> str:
    """Deterministic JSON text (UTF-8, two-space indent, trailing newline)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
