"""Where a missing or weak keyword would go in the resume.

Tools go in the Skills list, summary-level claims in the Summary; anything
else goes in the experience bullet, of a role of the same kind as the one
the resume is scored as, that already speaks of a concept of the same
category (or shares at least two words), else that role. Soft skills are
one category but no one concept: negotiation is not spoken of by a bullet
about working with internal teams, so they match by words only.
"""

from __future__ import annotations

from functools import cache

from ..document import Unit
from ..model import Placement
from ..nlp import segments
from ..taxonomy import Concept
from ..titles import compare_titles
from . import weights
from .asks import AskedKeyword
from .evidence import PreparedResume

#: Categories whose concepts have little in common but the category: a
#: bullet speaking of one of them is no place for another.
LOOSE_CATEGORIES = frozenset({"soft_skills"})


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def place(
    k: AskedKeyword,
    concepts: dict[str, Concept],
    prepared: PreparedResume,
    status: str,
    fit_title: str = "",
) -> Placement | None:
    resume = prepared.resume
    if status == "found":
        return None
    if k.where == "skills" and status == "missing":
        sec = resume.section("skills")
        if sec:
            return Placement("skills", sec.line, sec.heading, "tools belong in the Skills list")
        return Placement("skills", None, "", "add a Skills section")
    if k.where == "summary" and status == "missing":
        sec = resume.section("summary")
        if sec:
            return Placement("summary", sec.line, sec.heading, "a summary-level claim")
        return Placement("summary", None, "", "add a Summary section")
    bullets = [
        b
        for b in resume.bullets
        if b.section in weights.FULL_EVIDENCE_SECTIONS and _same_kind(b.role, fit_title)
    ]
    if not bullets:
        role = next((r for r in resume.roles if _same_kind(r.title, fit_title)), None)
        if role is not None:
            return Placement(
                "experience", role.line, role.title, "add a bullet with a result to this role"
            )
        sec = resume.section("experience")
        return Placement(
            "experience",
            sec.line if sec else None,
            sec.heading if sec else "",
            "show it in an experience bullet with a result",
        )
    concept = concepts.get(k.id)
    category = concept.category if concept else ""
    if category in LOOSE_CATEGORIES:
        category = ""
    words = (set(k.keys) or {t.key for seg in segments(k.label) for t in seg}) - _stops()
    best: tuple[float, int, Unit, str] | None = None
    for b in bullets:
        related = [
            h
            for h in prepared.hits_by_unit.get(b.index, ())
            if category and concepts[h.concept_id].category == category
        ]
        overlap = len(words & prepared.bullet_keys[b.index])
        # One shared word is no sign of the same concept ("quarterly business
        # review" is not "quarterly quotas"); a concept of the same kind is.
        value = 2.0 * len(related) + (overlap if overlap >= min(2, len(words)) else 0)
        if value > 0 and (best is None or value > best[0]):
            if related:
                why = "this bullet already speaks of " + ", ".join(
                    dict.fromkeys(f"'{h.text}'" for h in related)
                )
            else:
                why = "this bullet uses the same words"
            best = (value, b.line, b, why)
    if best is None:
        # No bullet speaks of it: a new bullet under the closest role.
        b = bullets[0]
        role = next((r for r in resume.roles if b.index in r.units), None)
        if role is None:
            return Placement("experience", b.line, _excerpt(b.text), f"your role as {b.role}")
        return Placement(
            "experience", role.line, role.title, "add a bullet with a result to this role"
        )
    _, line, b, why = best
    return Placement("experience", line, _excerpt(b.text), why)


def _same_kind(role: str, fit_title: str) -> bool:
    """Is a role of the same kind as the role the resume is scored as (the
    same family or a neighbour)? Any role is when that role is unknown."""
    if not fit_title or not role or role == fit_title:
        return True
    return compare_titles(role, fit_title).level in ("same", "family", "neighbour")


@cache
def _stops() -> frozenset[str]:
    from ..terms import stop_words

    return stop_words()
