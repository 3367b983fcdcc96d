"""The entry point: :func:`extract_facts` reads one bullet section by section."""

from __future__ import annotations

from .atoms import find_atoms
from .cues import clause_spans, find_cues
from .figures import raw_figures
from .measure import measure_of
from .numbers import numbers_in
from .periods import find_periods
from .records import BulletFacts, Figure
from .segments import segment_of


def extract_facts(text: str, *, role: str = "", resume_text: str = "") -> BulletFacts:
    """Read the figures, periods, segment and number tokens of one bullet.

    ``role`` (the job title the bullet sits under) and ``resume_text`` (the
    whole resume) supply the segment when the bullet names none.
    """
    periods = find_periods(text)
    atoms = find_atoms(text, [(p.start, p.end) for p in periods])
    raws = raw_figures(text, atoms)
    cues = find_cues(text)
    clauses = clause_spans(text, raws)
    blockers = [r for r in raws if r.kind != "count"]
    figures: list[Figure] = []
    for raw in raws:
        prev = figures[-1] if figures else None
        measure, rtype = measure_of(raw, text, cues, clauses, blockers, prev)
        figures.append(
            Figure(
                kind=raw.kind,
                text=text[raw.start : raw.end],
                start=raw.start,
                end=raw.end,
                value=raw.value,
                high=raw.high,
                currency=raw.currency,
                noun=raw.noun,
                measure=measure,
                retention_type=rtype if measure == "retention" else "",
            )
        )
    segment, source = segment_of(text), "bullet"
    if not segment:
        segment, source = segment_of(role), "role"
    if not segment:
        segment, source = segment_of(resume_text), "resume"
    if not segment:
        source = ""
    return BulletFacts(
        text=text,
        figures=tuple(figures),
        periods=tuple(periods),
        segment=segment,
        segment_source=source,
        numbers=numbers_in(text),
    )
