"""Renderers: one function per output format, each reading the one report model."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
