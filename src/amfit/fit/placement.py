"""Where a missing or weak keyword would go in the resume.

Tools go in the Skills list, summary-level claims in the Summary; anything
else goes in the experience bullet that already speaks of the same
category or shares the most words, else the most recent role.
"""

from __future__ import annotations

from ..document import Unit
from ..model import Placement
from ..nlp import segments
from ..taxonomy import Concept
from . import weights
from .asks import AskedKeyword
from .evidence import PreparedResume


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def place(
    k: AskedKeyword,
    concepts: dict[str, Concept],
    prepared: PreparedResume,
    status: str,
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
    bullets = [b for b in resume.bullets if b.section in weights.FULL_EVIDENCE_SECTIONS]
    if not bullets:
        sec = resume.section("experience")
        return Placement(
            "experience",
            sec.line if sec else None,
            sec.heading if sec else "",
            "show it in an experience bullet with a result",
        )
    concept = concepts.get(k.id)
    category = concept.category if concept else ""
    words = set(k.keys) | (
        {t.key for seg in segments(k.label) for t in seg} if not k.keys else set()
    )
    best: tuple[float, int, Unit, str] | None = None
    for b in bullets:
        related = [
            h
            for h in prepared.hits_by_unit.get(b.index, ())
            if category and concepts[h.concept_id].category == category
        ]
        overlap = len(words & prepared.bullet_keys[b.index])
        value = 2.0 * len(related) + overlap
        if value > 0 and (best is None or value > best[0]):
            if related:
                why = "this bullet already speaks of " + ", ".join(
                    dict.fromkeys(f"'{h.text}'" for h in related)
                )
            else:
                why = "this bullet uses related words"
            best = (value, b.line, b, why)
    if best is None:
        b = bullets[0]
        return Placement("experience", b.line, _excerpt(b.text), "your most recent role")
    _, line, b, why = best
    return Placement("experience", line, _excerpt(b.text), why)
