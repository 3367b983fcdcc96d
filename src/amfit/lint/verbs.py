"""The verb lexicon of ``data/verb_forms.tsv`` (built by scripts/build_verbs.py).

Each form (``manage``, ``manages``, ``managed``, ``managing``) maps to its
base verb, the tenses it can be and the verb's classes: ``duty`` (its past
opens a duty bullet: "Handled renewals") and ``outcome`` (its past reports a
result: "renewed", "cut"). The forms are derived from a list of base verbs
by spelling rules, never from example bullets, so a duty bullet in any
tense is recognised by what its first verb is, not by a list of openers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import data_path


@dataclass(frozen=True, slots=True)
class VerbForm:
    form: str
    base: str
    tenses: frozenset[str]  # of "base", "past", "third", "gerund"
    classes: frozenset[str]  # of "duty", "outcome"

    @property
    def past_only(self) -> bool:
        return self.tenses == {"past"}

    @property
    def present(self) -> bool:
        """Base, third person or gerund: the job-description voice."""
        return bool(self.tenses & {"base", "third", "gerund"})


@cache
def _table() -> tuple[dict[str, VerbForm], dict[str, str], dict[str, str]]:
    forms: dict[str, VerbForm] = {}
    pasts: dict[str, str] = {}
    gerunds: dict[str, str] = {}
    for line in data_path("verb_forms.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        form, base, tenses, classes = (line.split("\t") + [""] * 4)[:4]
        entry = VerbForm(
            form,
            base.split(",")[0],
            frozenset(tenses.split(",")),
            frozenset(c for c in classes.split(",") if c),
        )
        forms[form] = entry
        for b in base.split(","):
            if "past" in entry.tenses:
                pasts.setdefault(b, form)
            if "gerund" in entry.tenses:
                gerunds.setdefault(b, form)
    return forms, pasts, gerunds


def lookup(word: str) -> VerbForm | None:
    """The verb form ``word`` is (any case), or None."""
    return _table()[0].get(word.lower().strip(".,;:!?()\"'"))


def past_of(base: str) -> str:
    """The past form of a base verb (``lead`` -> ``led``), or the base itself."""
    return _table()[1].get(base.lower(), base.lower())


def gerund_of(base: str) -> str:
    """The gerund of a base verb (``run`` -> ``running``), or the base itself."""
    return _table()[2].get(base.lower(), base.lower())


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
#: Words skipped before a bullet's first verb ("Directly managed", "Also led").
_LEAD_IN = re.compile(r"^(?:[a-z]+ly|also|then|personally)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Opener:
    verb: VerbForm
    word: str  # as written
    start: int
    end: int


def opener(text: str) -> Opener | None:
    """The verb a bullet opens with (after adverbs such as "Directly"), or None."""
    for m in _WORD.finditer(text):
        if _LEAD_IN.match(m.group(0)) and not lookup(m.group(0)):
            continue
        verb = lookup(m.group(0))
        return Opener(verb, m.group(0), m.start(), m.end()) if verb else None
    return None


def clause_verbs(text: str) -> list[tuple[re.Match[str], VerbForm]]:
    """Every word of ``text`` that is a form in the lexicon, with its form."""
    out = []
    for m in _WORD.finditer(text):
        verb = lookup(m.group(0))
        if verb:
            out.append((m, verb))
    return out
