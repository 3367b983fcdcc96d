"""The scorer: posting asks and resume evidence put together into a report.

:class:`Scorer` compiles the taxonomy and loads the background statistics
once; each :meth:`Scorer.score` call then costs one parse and one match of
each document. The library never prints and never exits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .._version import __version__
from ..matcher import Matcher, builtin_matcher
from ..model import (
    SCHEMA_VERSION,
    AtsLiteral,
    DocumentInfo,
    Evidence,
    KeywordResult,
    PostingAnalysis,
    Report,
    TitleFit,
)
from ..readers import read_document
from ..readers.base import Document
from ..resume import Resume, parse_resume
from ..taxonomy import Concept, load_taxonomy
from ..terms import load_background
from ..textio import check_text
from . import asks, weights
from .evidence import PreparedResume, collect_evidence, term_hits
from .hold import hold_lift
from .per_resume import PerResume
from .placement import place
from .role import resume_lean, role_fit

#: Lint options used when a caller gives none: every stable rule.
_DEFAULT_LINT: Mapping[str, Any] = MappingProxyType({})


class Scorer:
    """A reusable scorer: taxonomy compiled and statistics loaded once."""

    def __init__(self, keywords: Sequence[str | Path] = ()) -> None:
        self.concepts: dict[str, Concept] = {c.id: c for c in load_taxonomy(tuple(keywords))}
        self.background = load_background()
        self.matcher = (
            Matcher(list(self.concepts.values()), self.background.vocabulary)
            if keywords
            else builtin_matcher()
        )
        self._resume_cache: PreparedResume | None = None
        self._per_resume: PerResume | None = None

    # -- posting ------------------------------------------------------------

    def analyze_posting(
        self, text: str, source: str = "<posting>", company: str = ""
    ) -> PostingAnalysis:
        """Parse a posting and work out what it asks for, with tiers and
        reasons; ``company`` (the employer's name, when the caller knows it)
        is never suggested as a term."""
        return asks.analyze_posting(text, source, self.matcher, self.concepts, company)

    # -- resume -------------------------------------------------------------

    def _prepare_resume(self, text: str, source: str) -> PreparedResume:
        """Check, parse and match a resume once; reused while the same
        resume is scored against many postings (amfit batch)."""
        cached = self._resume_cache
        if cached is not None and cached.key == text:
            return cached
        resume_text = check_text(text, source)
        resume = parse_resume(resume_text)
        # Job headings count too: holding the title "Account Manager" shows
        # account management.
        units = [u for u in resume.units if u.kind in ("bullet", "line", "job")]
        prepared = PreparedResume(text, resume_text, resume, units, self.matcher.find(units))
        self._resume_cache = prepared
        return prepared

    def _per_resume_of(self, prepared: PreparedResume) -> PerResume:
        """What the score reads of the resume alone, for ``prepared``:
        kept beside the prepared resume for the postings of a batch."""
        per = self._per_resume
        if per is None or per.prepared is not prepared:
            per = PerResume(prepared, resume_lean(prepared.concept_hits, self.concepts))
            self._per_resume = per
        return per

    def score(
        self,
        resume_text: str,
        posting_text: str,
        *,
        resume_source: str = "<resume>",
        posting_source: str = "<posting>",
        analysis: PostingAnalysis | None = None,
        lint: Mapping[str, Any] | None = _DEFAULT_LINT,
        checks: bool = True,
        as_title: str = "",
        as_of: str | None = None,
        company: str = "",
    ) -> Report:
        """Score a resume against a posting (both already-read text).

        ``company`` is the employer's name when the caller knows it (a batch
        record's ``company`` field): its words are never suggested as terms.

        ``as_title`` is the role the user targets (``--as``): compared with
        the posting's title instead of the resume's closest role.

        ``lint`` holds :func:`amfit.lint.lint_resume` options (``select``,
        ``ignore``, ``preview``); the report carries the bullet findings.
        Pass ``lint=None`` to skip linting, ``checks=False`` to skip the
        resume checks (:mod:`amfit.checks`). ``as_of`` (YYYY-MM[-DD]) is
        the month "Present" stands for in the checks' role dates (default:
        ``AMFIT_TODAY``, else today).
        """
        prepared = self._prepare_resume(resume_text, resume_source)
        resume, resume_text = prepared.resume, prepared.text
        if analysis is None:
            posting_text = check_text(posting_text, posting_source)
            analysis = self.analyze_posting(posting_text, posting_source, company)
        concept_hits = prepared.concept_hits
        terms_found = term_hits(prepared, [k for k in analysis.keywords if k.keys])

        per = self._per_resume_of(prepared)
        r_lean = per.lean
        evidences: list[tuple[Evidence, ...]] = []
        items: list[weights.Item] = []
        for k in analysis.keywords:
            if k.keys:
                found = [(h, "") for h in terms_found.get(k.id, [])]
            else:
                found = [(h, "") for h in concept_hits.get(k.id, [])]
                # Narrower concepts show this one; so does the same ask in
                # other words (the taxonomy's same_ask).
                for other in (
                    *self.concepts[k.id].narrower,
                    *sorted(self.matcher.same_ask_of(k.id)),
                ):
                    label = self.concepts[other].label
                    found += [(h, label) for h in concept_hits.get(other, [])]
            ev = collect_evidence(found, resume)
            evidences.append(ev)
            strength = ev[0].strength if ev else 0.0
            component = {"must": "must", "nice": "nice", "term": "terms"}[k.tier]
            weight = k.tfidf_weight if k.tfidf_weight else 1.0
            if k.source == "taxonomy":
                weight, _ = weights.ask_weight(k.id, k.category, r_lean, strength)
            items.append(weights.Item(k.id, component, weight, strength))

        chosen, match = per.title_pick(analysis.posting.title, as_title)
        fit = role_fit(match, analysis, self.concepts, prepared.concept_hits)
        title_value: float | None = fit.value
        if not analysis.posting.title:
            # No posting title: leave the component out rather than score 0.
            title_value = None
        elif not chosen.title:
            title_value = fit.body_value
        score, parts = weights.compute(items, title_value, fit.cap)

        results: list[KeywordResult] = []
        for i, k in enumerate(analysis.keywords):
            ev = evidences[i]
            status = weights.status_of(items[i].strength)
            literal = any(prepared.has_literal(f) for f in k.forms)
            placement = place(k, self.concepts, prepared, status, chosen.title)
            points = 0.0
            # A hunting ask an account-management resume lacks marks the
            # posting as another kind of job: shown as missing, never an
            # edit to make (it would lead the report with another role's asks).
            other_role = k.source == "taxonomy" and (
                weights.other_role_factor(k.category, r_lean, 0.0) > 1.0
            )
            if status != "found" and placement is not None and not other_role:
                gain = (
                    weights.EVIDENCE_LISTED
                    if placement.section in ("skills", "summary")
                    else weights.EVIDENCE_FULL
                )
                points = weights.points_if(items, i, gain, title_value, score, fit.cap)
            results.append(
                KeywordResult(
                    keyword=k,
                    status=status,
                    strength=items[i].strength,
                    evidence=ev,
                    ats_literal=literal,
                    points=points,
                    placement=placement,
                    other_role=other_role and status != "found",
                )
            )
        lint_report = None
        if lint is not None:
            from ..lint import lint_resume

            lint_report = lint_resume(resume, source=resume_source, **lint)
        checks_report = None
        if checks:
            from ..checks import run_checks

            checks_report = run_checks(resume, analysis.posting, tuple(results), as_of=as_of)
        matched = sum(1 for r in results if r.ats_literal)
        total = len(results)
        warnings = _warnings(resume, analysis, fit.reason if fit.cap is not None else "")
        hold = None
        if score > weights.THIN_EVIDENCE_KNEE and weights.thin_evidence(items):
            warnings += (
                f"held under the strong-fit band: {weights.evidence_share(items):.0%} of the "
                f"must-have weight is shown in experience ({weights.STRONG_FIT_EVIDENCE:.0%} "
                "needed); listed keywords count, but not as evidence",
            )
            hold = hold_lift(items, results, title_value, fit.cap, score)
        ranked = sorted((r for r in results if r.points > 0), key=lambda r: (-r.points, r.id))
        if hold is not None and ranked and hold.points < ranked[0].points + 1.0:
            hold = None  # the best single edit lifts it already: nothing to add
        return Report(
            schema_version=SCHEMA_VERSION,
            amfit_version=__version__,
            resume=DocumentInfo(
                resume_source,
                chosen.title,
                resume_text.count("\n") + 1,
                len(resume.bullets),
                tuple(s.kind for s in resume.sections),
                text=resume_text,
            ),
            posting=DocumentInfo(
                analysis.source,
                analysis.posting.title,
                analysis.posting.text.count("\n") + 1,
                sum(1 for u in analysis.posting.units if u.kind == "bullet"),
                tuple(s.kind for s in analysis.posting.sections),
            ),
            score=score,
            ats_literal=AtsLiteral(matched, total),
            title_fit=TitleFit(
                chosen.title,
                chosen.line or None,
                match.resume_family,
                analysis.posting.title,
                analysis.posting.title_line or None,
                match.posting_family,
                match.level,
                weights.TITLE_VALUES[match.level] if title_value is not None else 0.0,
                chosen.reason,
            ),
            components=parts,
            keywords=tuple(results),
            warnings=warnings,
            lint=lint_report,
            checks=checks_report,
            role_fit=fit,
            top_edits=tuple(r.id for r in ranked[:3]),
            hold=hold,
        )


def _warnings(resume: Resume, analysis: PostingAnalysis, capped: str) -> tuple[str, ...]:
    out: list[str] = []
    if not resume.roles:
        out.append(
            "no roles found in the resume (expected job lines such as 'Account Manager, "
            "Acme (2021 - Present)'): title fit and evidence count only partially"
        )
    if not resume.title and not resume.roles:
        out.append("no job title found in the resume (expected a job heading under Experience)")
    if not resume.bullets:
        out.append("no bullets found in the resume: evidence counts only partially")
    if not analysis.posting.title:
        out.append("no job title found on the posting's first line: title fit is left out")
    if not any(k.source == "taxonomy" for k in analysis.keywords):
        out.append("the posting asks for no account-management keyword amfit knows")
    if capped:
        out.append(capped[capped.find("not an account-management posting") :])
    return tuple(out)


@cache
def default_scorer() -> Scorer:
    return Scorer()


def get_scorer(keywords: Sequence[str | Path] = ()) -> Scorer:
    return Scorer(keywords) if keywords else default_scorer()


def score(
    resume_text: str,
    posting_text: str,
    *,
    keywords: Sequence[str | Path] = (),
    resume_source: str = "<resume>",
    posting_source: str = "<posting>",
    lint: Mapping[str, Any] | None = _DEFAULT_LINT,
    as_title: str = "",
    as_of: str | None = None,
) -> Report:
    """Score resume text against posting text and return the :class:`Report`.

    The report includes the bullet findings (``lint`` options as in
    :func:`amfit.lint.lint_resume`; ``None`` skips linting). ``as_title``
    names the role the resume targets (``amfit score --as``).
    """
    return get_scorer(keywords).score(
        resume_text,
        posting_text,
        resume_source=resume_source,
        posting_source=posting_source,
        lint=lint,
        as_title=as_title,
        as_of=as_of,
    )


def score_files(
    resume_path: str | Path,
    posting_path: str | Path,
    *,
    keywords: Sequence[str | Path] = (),
    max_bytes: int | None = None,
    lint: Mapping[str, Any] | None = _DEFAULT_LINT,
    as_title: str = "",
    as_of: str | None = None,
) -> Report:
    """Read both files in any supported format (with clean errors) and score
    them; the options are :func:`score`'s."""
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    return score_documents(
        read_document(resume_path, **kwargs),
        read_document(posting_path, **kwargs),
        keywords=keywords,
        resume_source=str(resume_path),
        posting_source=str(posting_path),
        lint=lint,
        as_title=as_title,
        as_of=as_of,
    )


def score_documents(
    resume_doc: Document,
    posting_doc: Document,
    *,
    keywords: Sequence[str | Path] = (),
    resume_source: str = "<resume>",
    posting_source: str = "<posting>",
    lint: Mapping[str, Any] | None = _DEFAULT_LINT,
    as_title: str = "",
    as_of: str | None = None,
) -> Report:
    """Score two read documents; the report carries what each reader
    extracted, and its warnings."""
    from dataclasses import replace

    report = score(
        resume_doc.text,
        posting_doc.text,
        keywords=keywords,
        resume_source=resume_source,
        posting_source=posting_source,
        lint=lint,
        as_title=as_title,
        as_of=as_of,
    )
    docs = (resume_doc, posting_doc)
    notes = tuple(f"{d.report.source}: {w}" for d in docs for w in d.report.warnings)
    checks = report.checks
    if checks is not None:
        from ..checks import with_extraction

        checks = with_extraction(checks, resume_doc.report.to_dict())
    return replace(
        report,
        checks=checks,
        resume=replace(report.resume, extraction=resume_doc.report.to_dict()),
        posting=replace(report.posting, extraction=posting_doc.report.to_dict()),
        warnings=report.warnings + notes,
    )


def analyze_posting(
    posting_text: str, *, keywords: Sequence[str | Path] = (), source: str = "<posting>"
) -> PostingAnalysis:
    """What a posting asks for, with tiers and reasons."""
    return get_scorer(keywords).analyze_posting(check_text(posting_text, source), source)
