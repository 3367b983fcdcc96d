"""Word sets of the facts reader."""

from __future__ import annotations


def split_words(text: str) -> list[str]:
    return text.split()


def word_set(text: str) -> frozenset[str]:
    return frozenset(split_words(text))
