"""The scoring pipeline: posting analysis, resume evidence, report.

:class:`Scorer` compiles the taxonomy and loads the background statistics
once; each :meth:`Scorer.score` call then costs one parse and one match of
each document. The library never prints and never exits.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import scoring
from ._version import __version__
from .document import Unit
from .matcher import Hit, Matcher
from .model import (
    SCHEMA_VERSION,
    Ask,
    AtsLiteral,
    Component,
    DocumentInfo,
    Evidence,
    KeywordResult,
    Placement,
    Report,
    TitleFit,
)
from .nlp import Token, segments
from .posting import IGNORED_SECTIONS, MUST_SECTIONS, NICE_SECTIONS, Posting, parse_posting
from .readers.base import Document
from .resume import Resume, parse_resume
from .taxonomy import Concept, load_taxonomy
from .terms import Term, load_background, salient_terms
from .textio import check_text, read_document
from .titles import compare_titles


@dataclass(frozen=True, slots=True)
class AskedKeyword:
    """A keyword the posting asks for, with its tier and why."""

    id: str
    label: str
    source: str  # taxonomy | tfidf
    category: str
    tier: str  # must | nice | term
    tier_reason: str
    asks: tuple[Ask, ...]
    forms: tuple[str, ...]  # the posting's own wordings (for the ATS-literal view)
    where: str  # bullet | skills | summary
    keys: tuple[str, ...] = ()  # lemma keys of a TF-IDF term
    tfidf_weight: float | None = None


@dataclass(frozen=True, slots=True)
class PostingAnalysis:
    source: str
    posting: Posting
    title_family: str
    keywords: tuple[AskedKeyword, ...]

    def to_dict(self) -> dict:
        from .model import _plain

        return {
            "schema_version": SCHEMA_VERSION,
            "amfit_version": __version__,
            "posting": {
                "source": self.source,
                "title": self.posting.title,
                "title_line": self.posting.title_line or None,
                "title_family": self.title_family,
                "sections": [
                    {"kind": s.kind, "heading": s.heading, "line": s.line}
                    for s in self.posting.sections
                ],
            },
            "keywords": [
                _plain(
                    {
                        "id": k.id,
                        "label": k.label,
                        "source": k.source,
                        "category": k.category,
                        "tier": k.tier,
                        "tier_reason": k.tier_reason,
                        "tfidf_weight": k.tfidf_weight,
                        "asks": [asdict(a) for a in k.asks],
                    }
                )
                for k in self.keywords
            ],
        }


#: Lint options used when a caller gives none: every stable rule.
_DEFAULT_LINT: Mapping[str, Any] = MappingProxyType({})

_TIER_ORDER = {"must": 0, "nice": 1, "term": 2}


@cache
def _nice_markers() -> dict[str, tuple[re.Pattern[str], ...]]:
    from .document import section_patterns

    return dict(section_patterns("markers"))


#: Words that make an intro sentence an ask of the reader, not company blurb.
_ASK_WORDS = re.compile(
    r"\b(you|your|you'll|you're|we're looking|we are looking|candidate|ideal|this role|"
    r"the role|this position|responsible for|hiring)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def _sentence_at(text: str, offset: int) -> tuple[str, int]:
    """The sentence of ``text`` holding ``offset``, and the offset inside it."""
    starts, sentences = _sentences(text)
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i], offset - starts[i]


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each sentence of ``text`` starts, and the sentences, found once
    per text: every keyword of a line asks for its sentence, and splitting
    the line again for each made a long line cost its length squared. The
    same string objects come back each time, so the caches keyed on a
    sentence hash it once."""
    starts = [0]
    ends = []
    for m in _SENTENCE_END.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return tuple(starts), tuple(text[a:b] for a, b in zip(starts, ends, strict=True))


def _marked_nice(sentence: str, offset: int) -> bool:
    """Does an in-line marker make the words at ``offset`` nice-to-have?"""
    anywhere, first_after = _nice_marks(sentence)
    return anywhere or (first_after is not None and first_after < offset)


@lru_cache(maxsize=4096)
def _nice_marks(sentence: str) -> tuple[bool, int | None]:
    """(a marker makes the whole sentence nice-to-have, where the first
    marker that makes what follows it nice-to-have starts); cached, as every
    keyword of a sentence asks the same."""
    lower = sentence.lower()
    markers = _nice_markers()
    if any(p.search(lower) for p in markers.get("nice", ())):
        return True, None
    starts = [m.start() for p in markers.get("nice_after", ()) for m in p.finditer(lower)]
    return False, min(starts) if starts else None


class _PreparedResume:
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


class Scorer:
    """A reusable scorer: taxonomy compiled and statistics loaded once."""

    def __init__(self, keywords: Sequence[str | Path] = ()) -> None:
        self.concepts: dict[str, Concept] = {c.id: c for c in load_taxonomy(tuple(keywords))}
        self.background = load_background()
        self.matcher = Matcher(list(self.concepts.values()), self.background.vocabulary)
        self._resume_cache: _PreparedResume | None = None

    # -- posting ------------------------------------------------------------

    def analyze_posting(self, text: str, source: str = "<posting>") -> PostingAnalysis:
        """Parse a posting and work out what it asks for, with tiers and reasons."""
        posting = parse_posting(text)
        # Boilerplate sections (about the company, benefits, EEO, how to
        # apply) ask for nothing: they are not even tokenised.
        hits = self.matcher.find(u for u in posting.units if u.section not in IGNORED_SECTIONS)
        by_concept: dict[str, list[tuple[Hit, str]]] = defaultdict(list)
        for hit in hits:
            unit = posting.units[hit.unit]
            signal = self._signal(unit, hit, posting.has_headings)
            if signal is not None:
                by_concept[hit.concept_id].append((hit, signal))
        asked: list[AskedKeyword] = []
        for cid, mentions in by_concept.items():
            concept = self.concepts[cid]
            tier, reason = _tier(concept, mentions, posting)
            asks = tuple(
                Ask(
                    signal,
                    posting.units[h.unit].section,
                    posting.units[h.unit].heading,
                    h.line,
                    h.text,
                    h.how,
                )
                for h, signal in mentions
            )
            forms = tuple(dict.fromkeys(h.text for h, _ in mentions))
            asked.append(
                AskedKeyword(
                    cid,
                    concept.label,
                    "taxonomy",
                    concept.category,
                    tier,
                    reason,
                    asks,
                    forms,
                    concept.where,
                )
            )
        covered = [(h.start, h.end) for h in hits]
        terms = salient_terms(posting.units, covered, ignored_sections=IGNORED_SECTIONS | {"title"})
        asked.extend(self._term_keyword(t, posting) for t in terms)
        asked.sort(key=lambda k: (_TIER_ORDER[k.tier], k.asks[0].line, k.id))
        family = compare_titles("", posting.title).posting_family
        return PostingAnalysis(source, posting, family, tuple(asked))

    @staticmethod
    def _signal(unit: Unit, hit: Hit, has_headings: bool) -> str | None:
        """must / nice / none for one mention; None when it is no ask at all."""
        if unit.section == "title":
            return "must"
        sentence, offset = _sentence_at(unit.text, _unit_offset(unit, hit))
        if unit.section == "intro" and has_headings and not _ASK_WORDS.search(sentence):
            # Text above the first heading that does not address the reader
            # describes the company ("Acme grew ARR 40%"), not the hire.
            return None
        if _marked_nice(sentence, offset):
            return "nice"
        if unit.section in NICE_SECTIONS:
            return "nice"
        if unit.section in MUST_SECTIONS:
            return "must"
        return "none"

    @staticmethod
    def _term_keyword(term: Term, posting: Posting) -> AskedKeyword:
        unit = next((u for u in posting.units if u.line == term.line), None)
        ask = Ask(
            "none",
            term.section,
            unit.heading if unit else "",
            term.line,
            term.text,
            "tfidf",
        )
        reason = (
            f"posting-specific term: TF-IDF {term.weight:.2f}, used {term.count}x here, "
            f"in {term.df} of {load_background().documents} background ads"
        )
        return AskedKeyword(
            "term:" + term.key.replace(" ", "_"),
            term.text,
            "tfidf",
            "term",
            "term",
            reason,
            (ask,),
            (term.text,),
            "bullet",
            tuple(term.key.split(" ")),
            term.weight,
        )

    # -- resume -------------------------------------------------------------

    def _prepare_resume(self, text: str, source: str) -> _PreparedResume:
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
        prepared = _PreparedResume(text, resume_text, resume, units, self.matcher.find(units))
        self._resume_cache = prepared
        return prepared

    def score(
        self,
        resume_text: str,
        posting_text: str,
        *,
        resume_source: str = "<resume>",
        posting_source: str = "<posting>",
        analysis: PostingAnalysis | None = None,
        lint: Mapping[str, Any] | None = _DEFAULT_LINT,
    ) -> Report:
        """Score a resume against a posting (both already-read text).

        ``lint`` holds :func:`amfit.lint.lint_resume` options (``select``,
        ``ignore``, ``preview``); the report carries the bullet findings.
        Pass ``lint=None`` to skip linting.
        """
        prepared = self._prepare_resume(resume_text, resume_source)
        resume, resume_text = prepared.resume, prepared.text
        if analysis is None:
            posting_text = check_text(posting_text, posting_source)
            analysis = self.analyze_posting(posting_text, posting_source)
        concept_hits = prepared.concept_hits
        term_hits = _term_hits(prepared, [k for k in analysis.keywords if k.keys])

        evidences: list[tuple[Evidence, ...]] = []
        items: list[scoring.Item] = []
        for k in analysis.keywords:
            if k.keys:
                found = [(h, "") for h in term_hits.get(k.id, [])]
            else:
                found = [(h, "") for h in concept_hits.get(k.id, [])]
                for other in self.concepts[k.id].narrower:
                    label = self.concepts[other].label
                    found += [(h, label) for h in concept_hits.get(other, [])]
            ev = _evidence(found, resume)
            evidences.append(ev)
            strength = ev[0].strength if ev else 0.0
            component = {"must": "must", "nice": "nice", "term": "terms"}[k.tier]
            weight = k.tfidf_weight if k.tfidf_weight else 1.0
            items.append(scoring.Item(k.id, component, weight, strength))

        match = compare_titles(resume.title, analysis.posting.title)
        title_value: float | None = scoring.TITLE_VALUES[match.level]
        if match.level == "unknown":
            # No title to compare: leave the component out rather than score 0.
            title_value = None
        score, parts = scoring.compute(items, title_value)

        results: list[KeywordResult] = []
        for i, k in enumerate(analysis.keywords):
            ev = evidences[i]
            status = scoring.status_of(items[i].strength)
            literal = any(prepared.has_literal(f) for f in k.forms)
            points = (
                scoring.points_if_full(items, i, title_value, score) if status != "found" else 0.0
            )
            placement = _placement(k, self.concepts, prepared, status)
            results.append(
                KeywordResult(
                    id=k.id,
                    label=k.label,
                    source=k.source,
                    category=k.category,
                    tier=k.tier,
                    tier_reason=k.tier_reason,
                    asks=k.asks,
                    status=status,
                    strength=items[i].strength,
                    evidence=ev,
                    ats_literal=literal,
                    points=points,
                    placement=placement,
                    tfidf_weight=k.tfidf_weight,
                )
            )
        lint_report = None
        if lint is not None:
            from .lint import lint_resume

            lint_report = lint_resume(resume, source=resume_source, **lint)
        matched = sum(1 for r in results if r.ats_literal)
        total = len(results)
        warnings = _warnings(resume, analysis)
        return Report(
            schema_version=SCHEMA_VERSION,
            amfit_version=__version__,
            resume=DocumentInfo(
                resume_source,
                resume.title,
                resume_text.count("\n") + 1,
                len(resume.bullets),
                tuple(s.kind for s in resume.sections),
            ),
            posting=DocumentInfo(
                analysis.source,
                analysis.posting.title,
                analysis.posting.text.count("\n") + 1,
                sum(1 for u in analysis.posting.units if u.kind == "bullet"),
                tuple(s.kind for s in analysis.posting.sections),
            ),
            score=score,
            ats_literal=AtsLiteral(round(matched / total, 4) if total else 0.0, matched, total),
            title_fit=TitleFit(
                resume.title,
                resume.title_line or None,
                match.resume_family,
                analysis.posting.title,
                analysis.posting.title_line or None,
                match.posting_family,
                match.level,
                scoring.TITLE_VALUES[match.level] if title_value is not None else 0.0,
            ),
            components=tuple(
                Component(p.name, p.weight, p.coverage, p.points, p.items, p.found) for p in parts
            ),
            keywords=tuple(results),
            warnings=warnings,
            lint=lint_report,
        )


def _unit_offset(unit: Unit, hit: Hit) -> int:
    """Offset of a hit inside its unit's joined text."""
    for p in reversed(unit.pieces):
        if p.line == hit.line:
            return p.offset + (hit.start - p.start)
    return 0


def _tier(concept: Concept, mentions: list[tuple[Hit, str]], posting: Posting) -> tuple[str, str]:
    def where(h: Hit) -> str:
        u = posting.units[h.unit]
        if u.section == "title":
            return f"the title (line {h.line})"
        if u.heading:
            return f"{u.section} section '{u.heading}' (line {h.line})"
        return f"line {h.line}"

    for h, signal in mentions:
        if signal == "must":
            return "must", f"asked in {where(h)}"
    for h, signal in mentions:
        if signal == "nice":
            u = posting.units[h.unit]
            if u.section in NICE_SECTIONS:
                return "nice", f"only in {where(h)}"
            return "nice", f"marked nice-to-have in {where(h)}"
    h = mentions[0][0]
    return concept.tier, f"no tier signal at {where(h)}; taxonomy default '{concept.tier}'"


def _term_hits(prepared: _PreparedResume, terms: list[AskedKeyword]) -> dict[str, list[Hit]]:
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


def _evidence(hits: list[tuple[Hit, str]], resume: Resume) -> tuple[Evidence, ...]:
    """Evidence from (hit, narrower-concept label or "") pairs, strongest first;
    the strongest entry per line."""
    best: dict[int, Evidence] = {}
    for h, via in hits:
        unit = resume.units[h.unit]
        ev = Evidence(
            "narrower" if via else h.how,
            h.text,
            via or h.form,
            h.score,
            h.line,
            unit.section,
            unit.kind == "bullet",
            scoring.evidence_strength(unit.section, h.how, h.score, narrower=bool(via)),
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


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _placement(
    k: AskedKeyword,
    concepts: dict[str, Concept],
    prepared: _PreparedResume,
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
    bullets = [b for b in resume.bullets if b.section in scoring.FULL_EVIDENCE_SECTIONS]
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


def _warnings(resume: Resume, analysis: PostingAnalysis) -> tuple[str, ...]:
    out: list[str] = []
    if not resume.title:
        out.append("no job title found in the resume (expected a job heading under Experience)")
    if not resume.bullets:
        out.append("no bullets found in the resume: evidence counts only partially")
    if not analysis.posting.title:
        out.append("no job title found on the posting's first line: title fit is left out")
    if not any(k.source == "taxonomy" for k in analysis.keywords):
        out.append("the posting asks for no account-management keyword amfit knows")
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
) -> Report:
    """Score resume text against posting text and return the :class:`Report`.

    The report includes the bullet findings (``lint`` options as in
    :func:`amfit.lint.lint_resume`; ``None`` skips linting).
    """
    return get_scorer(keywords).score(
        resume_text,
        posting_text,
        resume_source=resume_source,
        posting_source=posting_source,
        lint=lint,
    )


def score_files(
    resume_path: str | Path,
    posting_path: str | Path,
    *,
    keywords: Sequence[str | Path] = (),
    max_bytes: int | None = None,
    lint: Mapping[str, Any] | None = _DEFAULT_LINT,
) -> Report:
    """Read both files in any supported format (with clean errors) and score them."""
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    return score_documents(
        read_document(resume_path, **kwargs),
        read_document(posting_path, **kwargs),
        keywords=keywords,
        resume_source=str(resume_path),
        posting_source=str(posting_path),
        lint=lint,
    )


def score_documents(
    resume_doc: Document,
    posting_doc: Document,
    *,
    keywords: Sequence[str | Path] = (),
    resume_source: str = "<resume>",
    posting_source: str = "<posting>",
    lint: Mapping[str, Any] | None = _DEFAULT_LINT,
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
    )
    docs = (resume_doc, posting_doc)
    notes = tuple(f"{d.report.source}: {w}" for d in docs for w in d.report.warnings)
    return replace(
        report,
        resume=replace(report.resume, extraction=resume_doc.report.to_dict()),
        posting=replace(report.posting, extraction=posting_doc.report.to_dict()),
        warnings=report.warnings + notes,
    )


def analyze_posting(
    posting_text: str, *, keywords: Sequence[str | Path] = (), source: str = "<posting>"
) -> PostingAnalysis:
    """What a posting asks for, with tiers and reasons."""
    return get_scorer(keywords).analyze_posting(check_text(posting_text, source), source)
