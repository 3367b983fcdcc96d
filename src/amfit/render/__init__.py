"""Renderers: one function per output format, each reading the one report model."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
