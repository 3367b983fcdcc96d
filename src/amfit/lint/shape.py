"""What a bullet line is, whether it states a duty, and whether it reports a result.

* :func:`line_kind` -- ``"achievement"`` for a claim to be rewritten, or the
  kind of line that is no achievement bullet at all: a skills list, a list
  item, an award, a heading, a competency label ("Drive Metrics - ...").
* :func:`duty_quote` -- the words that make a bullet a duty: a duty phrase
  ("responsible for"), a first verb in the job-description voice (base,
  third person or gerund: "Manage", "Manages", "Managing"), the past of a
  duty verb ("Handled", "Worked with"), or a bare noun-phrase label of
  activities ("Reporting & Research").
* :func:`result_quote` -- the words that report a result: an outcome verb
  in the past used as a clause's verb ("renewed", "cut"; not "improved
  solutions" after another verb), a result phrase ("resulting in"), or a
  figure about the customer or revenue. A count of people (a team size or
  headcount) or of accounts (the book's scope) is not a result.
"""

from __future__ import annotations

import re

from ..facts import Figure
from . import words
from .base import BulletContext
from .verbs import clause_verbs, lookup, opener

#: Most words before a duty phrase still count as its opening ("Project manager in charge of").
DUTY_PHRASE_WORDS = 6
#: Longest noun-phrase label read as a duty ("Team management including ...").
LABEL_MAX_WORDS = 16

_SENTENCE = re.compile(r"(?<=[a-z0-9)%])[.!?]\s+(?=[A-Z])")
_COMPETENCY = re.compile(
    r"^\s*[A-Z][\w&/'-]*(?:\s+(?:[A-Z][\w&/'-]*|and|of|with|for|the|&)){0,4}\s+[-–—]\s+\S"
)
_FIELD_LABEL = re.compile(r"^\s*[A-Z][\w &/'-]{0,30}:\s+\S")
_LIST_SEPARATORS = re.compile(r"\s[·|•]\s|\s/\s")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
_BE = re.compile(r"\b(?:was|were|is|are|been|being)\b", re.IGNORECASE)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "our",
        "their",
        "its",
        "for",
        "with",
        "of",
        "in",
        "on",
        "to",
        "by",
    ]
)


def first_sentence(text: str) -> str:
    return _SENTENCE.split(text.strip(), maxsplit=1)[0]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s.strip()]


def has_finite_verb(text: str) -> bool:
    if _BE.search(text):
        return True
    return any(v.tenses & {"past", "third"} for _, v in clause_verbs(text))


def line_kind(text: str) -> str:
    """``achievement`` or the kind of non-achievement line (see the module doc)."""
    stripped = text.strip()
    n_words = len(stripped.split())
    if words.find("award_words", stripped) and not opener(stripped):
        return "award"
    m = _FIELD_LABEL.match(stripped)
    if m and words.find("skills_labels", stripped[: m.end()]):
        return "skills"
    if len(_LIST_SEPARATORS.findall(stripped)) >= 2:
        return "skills"
    if stripped.endswith(":") and n_words <= 8:
        return "heading"
    if _COMPETENCY.match(stripped):
        return "competency"
    if n_words <= 3 and not opener(stripped) and not has_finite_verb(stripped):
        return "list_item"
    return "achievement"


def duty_quote(text: str) -> str:
    """The words that open a duty (see the module doc), or ""."""
    kind = line_kind(text)
    if kind not in ("achievement", "list_item"):
        return ""
    head = first_sentence(text)
    phrase = words.find("duty_phrases", head)
    if phrase and len(head[: phrase.start()].split()) <= DUTY_PHRASE_WORDS:
        return phrase.group(0)
    first = opener(head)
    if first and first.start <= 2 + _lead_in_length(head):
        # "Set", "Cut", "Put" are past as often as present: read them as past.
        present = first.verb.present and "past" not in first.verb.tenses
        if present or "duty" in first.verb.classes:
            end = _phrase_end(head, first.end)
            return head[first.start : end]
        return ""
    if first is None and 2 <= len(head.split()) <= LABEL_MAX_WORDS and not has_finite_verb(head):
        return " ".join(head.split()[:3]).rstrip(",;:")
    return ""


def _lead_in_length(text: str) -> int:
    m = re.match(r"\s*(?:[A-Za-z]+ly\s+|also\s+)*", text, re.IGNORECASE)
    return m.end() if m else 0


def _phrase_end(text: str, end: int) -> int:
    """Extend a verb quote by a following particle or preposition ("Worked with")."""
    m = re.match(r"\s+(?:closely\s+)?(?:with|in|on|for|to|up|out)\b", text[end:], re.IGNORECASE)
    return end + m.end() if m else end


def result_quote(ctx: BulletContext) -> str:
    """The words that report a result (see the module doc), or ""."""
    text = ctx.text
    phrase = words.find("result_phrases", text)
    if phrase:
        return phrase.group(0)
    if re.match(r"\s*successful", text, re.IGNORECASE):
        return text.split()[0]
    previous = ""
    for m in _WORDS.finditer(text):
        word = m.group(0)
        verb = lookup(word)
        if verb and "outcome" in verb.classes and "past" in verb.tenses:
            before = lookup(previous)
            if previous.lower() not in _DETERMINERS and not (before and before.present):
                return word
        previous = word
    for fig in ctx.facts.figures:
        if result_figure(fig):
            return fig.text
    return ""


def result_figure(fig: Figure) -> bool:
    """A money, percentage or score figure, or a count that is not scope."""
    if fig.kind != "count":
        return True
    return not words.find("scope_nouns", fig.noun)
