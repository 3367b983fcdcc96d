"""Locate the data shipped with amfit (``keywords/`` and ``data/``).

In a wheel both folders are installed inside the package as
``amfit/_resources/``; in a source checkout (editable install, tests) they
sit at the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

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
