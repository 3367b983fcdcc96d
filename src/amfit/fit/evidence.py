"""What the resume shows: each asked keyword's evidence, strongest first.

:class:`PreparedResume` holds a resume parsed and matched once, with the
indexes every posting's scoring reads (hits by concept and by unit, lemma
n-grams, literal look-ups); :func:`term_hits` finds TF-IDF terms in it and
:func:`collect_evidence` turns hits into :class:`~amfit.model.Evidence`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

from ..document import Unit
from ..matcher import Hit
from ..model import Evidence
from ..nlp import Token, segments
from ..resume import Resume
from . import weights
from .asks import AskedKeyword


class PreparedResume:
    """A resume parsed and matched once, with what every posting's scoring
    reads from it; reused while one resume is scored against many postings
    (amfit batch)."""

    __slots__ = (
        "_literal",
        "_ngrams",
        "bullet_keys",
        "concept_hits",
        "hits_by_unit",
        "key",
        "lower",
        "resume",
        "text",
        "units",
    )

    def __init__(
        self, key: str, text: str, resume: Resume, units: list[Unit], hits: list[Hit]
    ) -> None:
        self.key = key  # the text as given, before normalisation
        self.text = text
        self.resume = resume
        self.units = units
        self.concept_hits: dict[str, list[Hit]] = defaultdict(list)
        self.hits_by_unit: dict[int, list[Hit]] = defaultdict(list)
        for h in hits:
            self.concept_hits[h.concept_id].append(h)
            self.hits_by_unit[h.unit].append(h)
        self.lower = " ".join(text.lower().split())
        self.bullet_keys = {
            b.index: {t.key for seg in segments(b.text) for t in seg} for b in resume.bullets
        }
        self._literal: dict[str, bool] = {}
        self._ngrams: dict[int, dict[tuple[str, ...], list[tuple[Unit, tuple[Token, ...]]]]] = {}

    def has_literal(self, form: str) -> bool:
        """Does the resume hold ``form`` word for word (ignoring case and spacing)?"""
        found = self._literal.get(form)
        if found is None:
            found = self._literal[form] = _literal_in(form, self.lower)
        return found

    def ngrams(self, width: int) -> dict[tuple[str, ...], list[tuple[Unit, tuple[Token, ...]]]]:
        """Every run of ``width`` words by its lemma keys: (unit, the words)."""
        index = self._ngrams.get(width)
        if index is None:
            index = self._ngrams[width] = defaultdict(list)
            for unit in self.units:
                for seg in segments(unit.text):
                    for i in range(len(seg) - width + 1):
                        window = seg[i : i + width]
                        index[tuple(tok.key for tok in window)].append((unit, window))
        return index


def term_hits(prepared: PreparedResume, terms: list[AskedKeyword]) -> dict[str, list[Hit]]:
    """Resume hits of TF-IDF terms: the same lemma keys in a row."""
    out: dict[str, list[Hit]] = defaultdict(list)
    for t in terms:
        for unit, window in prepared.ngrams(len(t.keys)).get(t.keys, ()):
            text = unit.text[window[0].start : window[-1].end]
            how = "exact" if text.lower() == t.label.lower() else "lemma"
            line, start = unit.locate(window[0].start)
            out[t.id].append(
                Hit(t.id, how, text, t.label, 100.0, unit.index, line, start, start + len(text))
            )
    return out


@cache
def _shape_rules() -> tuple[tuple[str, ...], dict[str, float]]:

    from ..resources import keywords_path, parse_toml

    data = parse_toml(keywords_path("roles.toml").read_text(encoding="utf-8"))
    return tuple(data["result_words"]), dict(data["list_shape"])


_LIST_SPLIT = re.compile(r"\s*(?:[,;·|•/]|\band\b)\s*", re.IGNORECASE)
_LABEL = re.compile(r"^[A-Za-z][A-Za-z &/-]{1,30}:\s+")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def bullet_shape(text: str) -> str:
    """``result`` (a figure or a result word), ``list`` (only a list of terms)
    or ``plain``; the rules and words are in ``keywords/roles.toml``."""
    if _DIGIT.search(text):
        return "result"
    words, rules = _shape_rules()
    body = _LABEL.sub("", text.strip())
    items = [i for i in _LIST_SPLIT.split(body.rstrip(".")) if i.strip()]
    lengths = [len(i.split()) for i in items]
    if (
        len(items) >= rules["min_items"]
        and sum(lengths) / len(lengths) <= rules["max_mean_words"]
        and max(lengths) <= rules["max_item_words"]
    ):
        return "list"
    lower = f" {text.lower()} "
    if any(f" {w}" in lower for w in words):
        return "result"
    return "plain"


def collect_evidence(hits: list[tuple[Hit, str]], resume: Resume) -> tuple[Evidence, ...]:
    """Evidence from (hit, narrower-concept label or "") pairs, strongest first;
    the strongest entry per line."""
    best: dict[int, Evidence] = {}
    for h, via in hits:
        unit = resume.units[h.unit]
        shape = "plain" if unit.kind == "job" else bullet_shape(unit.text)
        ev = Evidence(
            "narrower" if via else h.how,
            h.text,
            via or h.form,
            h.score,
            h.line,
            unit.section,
            unit.kind == "bullet",
            weights.evidence_strength(
                unit.section, h.how, h.score, narrower=bool(via), shape=shape
            ),
        )
        if h.line not in best or ev.strength > best[h.line].strength:
            best[h.line] = ev
    return tuple(sorted(best.values(), key=lambda e: (-e.strength, -int(e.in_bullet), e.line)))


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _literal_in(form: str, lower_text: str) -> bool:
    """Is ``form`` in the text as whole words? (A plain search with a check of
    the characters either side: a regular expression per form cost more
    than the rest of scoring.)"""
    needle = " ".join(form.lower().split())
    if not needle:
        return False
    start = lower_text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or lower_text[start - 1] not in _ALNUM) and (
            end == len(lower_text) or lower_text[end] not in _ALNUM
        ):
            return True
        start = lower_text.find(needle, start + 1)
    return False
