"""The per-resume caches and fast paths of a batch against the plain computation.

A batch scores one resume against posting after posting, so what depends
on the resume alone (or on the resume and a posting's title) is worked out
once and kept. Each test here scores with the caches warm (several resumes
and postings interleaved, so each cache also has to notice a new resume)
and compares with a computation whose caches were emptied first.
"""

from __future__ import annotations

import itertools
import json

import pytest

from amfit import checks
from amfit.checks import experience, place, requirements
from amfit.fit import weights
from amfit.fit.per_resume import PerResume
from amfit.fit.role import family_title, pick_role, resume_lean
from amfit.fit.scorer import Scorer
from amfit.model import serial
from amfit.titles import compare_titles
from conftest import CORPUS, POSTINGS, RESUME_NAMES, resume_path

AS_OF = "2026-06-01"


def _postings(n: int = 40) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(POSTINGS.glob("*.txt"))]
    corpus = CORPUS / "postings.jsonl"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in itertools.islice(f, n)]
    return texts


def _resumes() -> list[str]:
    return [resume_path(name).read_text(encoding="utf-8") for name in RESUME_NAMES]


def _cold(scorer: Scorer) -> None:
    """Empty every cache a score may read from a previous score."""
    scorer._resume_cache = None
    scorer._per_resume = None
    weights._concept_weight.cache_clear()
    for slot in (
        checks._LAST,
        requirements._SPLIT,
        requirements._DEGREE_SHOWN,
        requirements._NAMED_ON,
        place._TRAVEL_SAID,
        experience._SORTED,
    ):
        slot._slot = None
    experience.areas_named.cache_clear()
    serial.KEPT._kept.clear()


def _report(scorer: Scorer, resume: str, posting: str) -> str:
    from amfit.batch import _report_json

    return _report_json(scorer.score(resume, posting, lint=None, as_of=AS_OF))


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str]]:
    resumes, postings = _resumes(), _postings()
    # Resume by resume (the batch case), then interleaved (each cache sees
    # a new resume at every score).
    by_resume = [(r, p) for r in resumes[:2] for p in postings]
    mixed = [(resumes[i % len(resumes)], p) for i, p in enumerate(postings)]
    return by_resume + mixed


def test_warm_scores_equal_cold_scores(pairs: list[tuple[str, str]]) -> None:
    warm = Scorer()
    cold = Scorer()
    for resume, posting in pairs:
        _cold(cold)
        got = _report(warm, resume, posting)
        assert got == _report(cold, resume, posting)


def test_per_resume_equals_the_plain_calls(scorer: Scorer) -> None:
    for resume in _resumes():
        prepared = scorer._prepare_resume(resume, "resume")
        per = PerResume(prepared, resume_lean(prepared.concept_hits, scorer.concepts))
        assert per.lean == resume_lean(prepared.concept_hits, scorer.concepts)
        titles = ["Account Manager", "Director, Key Accounts", "Data Analyst", ""]
        for title, as_title in itertools.product(titles * 2, ("", "Account Executive")):
            chosen, match = per.title_pick(title, as_title)
            plain = pick_role(prepared.resume, title, as_title)
            assert chosen == plain
            assert match == compare_titles(family_title(plain.title), family_title(title))


def test_concept_weight_equals_the_uncached_computation(scorer: Scorer) -> None:
    plain = weights._concept_weight.__wrapped__
    for concept in scorer.concepts.values():
        for lean in (None, 0.0, 0.5, weights.AM_RESUME_LEAN, 1.0):
            account = lean is not None and lean >= weights.AM_RESUME_LEAN
            assert weights.concept_weight(concept.id, concept.category, lean) == plain(
                concept.id, concept.category, account
            )


def test_resume_halves_of_the_checks_equal_the_plain_searches(scorer: Scorer) -> None:
    import re

    from amfit.checks.base import settings

    names = settings()["requirements"]["languages"]
    for resume in _resumes() * 2:
        parsed = scorer._prepare_resume(resume, "resume").resume
        for name in names:
            plain = next((u for u in parsed.units if re.search(rf"\b{name}\b", u.text)), None)
            assert requirements._named_on(parsed, name) == plain
        for _ in range(2):
            assert requirements._degree_shown(parsed) == requirements._find_degree(parsed)
            assert place._travel_said(parsed) == place._find_travel(parsed)
        roles = checks._resume_only(parsed, "2026-06").roles
        for text in ("5+ years of account management", "3 years in sales", "4 years", ""):
            named = experience.areas_named(text)
            assert named == experience.areas_named.__wrapped__(text)
            assert experience._sorted_roles(roles, named) == experience.sort_roles(roles, named)


def test_to_json_equals_json_dumps_of_to_dict(pairs: list[tuple[str, str]]) -> None:
    """Report.to_json writes shared parts once (serial.Kept): the same bytes
    as the plain json.dumps, with and without lint and checks."""
    scorer = Scorer()
    for i, (resume, posting) in enumerate(pairs):
        report = scorer.score(
            resume, posting, lint=None if i % 3 else {}, checks=i % 5 != 0, as_of=AS_OF
        )
        assert report.to_json() == json.dumps(report.to_dict(), ensure_ascii=False)


def test_to_json_of_a_report_with_extraction() -> None:
    from amfit.fit.scorer import score_files
    from conftest import posting_path

    report = score_files(resume_path("strong"), posting_path("smb-account-manager"), as_of=AS_OF)
    assert report.resume.extraction is not None
    assert report.to_json() == json.dumps(report.to_dict(), ensure_ascii=False)


def test_kept_text_is_dumps_and_starts_again_when_full() -> None:
    from amfit.model.serial import Kept, dumps

    kept = Kept(size=4)
    values = [f"text {i} é\n" for i in range(10)] + [None, 1.5, ("a", 2)]
    for _ in range(3):
        for v in values:
            assert kept.text(v) == dumps(v) == json.dumps(v, ensure_ascii=False)
    assert len(kept._kept) <= 4


def test_posting_units_point_at_their_text() -> None:
    """parse_posting's line offsets (from the line lengths) and one-line
    units (built without join_pieces) place every piece of every unit at
    its words in the posting, and each unit's text is its pieces joined."""
    from amfit.document import join_pieces, line_starts
    from amfit.posting import parse_posting
    from amfit.textio import check_text

    for raw in _postings():
        text = check_text(raw, "posting")
        posting = parse_posting(text)
        starts = line_starts(text)
        for unit in posting.units:
            ends = [p.offset for p in unit.pieces[1:]] + [len(unit.text) + 1]
            parts = []
            for piece, end in zip(unit.pieces, ends, strict=True):
                words = unit.text[piece.offset : end - 1]
                assert text[piece.start : piece.start + len(words)] == words
                assert starts[piece.line - 1] <= piece.start
                parts.append((piece.line, piece.start, words))
            assert join_pieces(parts) == (unit.text, unit.pieces)


def _compute_by_passes(items, title_value, cap=None):
    """weights.compute as it was: a pass over the items per component."""
    w = weights
    raw = []
    for name in ("must", "nice", "terms"):
        group = [i for i in items if i.component == name]
        if not group:
            continue
        total = sum(i.weight for i in group)
        if name == "must":
            total = max(total, float(w.MIN_MUST_CONCEPTS))
        elif name == "nice":
            total = max(total, float(w.MIN_NICE_CONCEPTS))
        coverage = sum(i.weight * i.strength for i in group) / total if total else 0.0
        found = sum(1 for i in group if w.status_of(i.strength) == "found")
        weight = w.COMPONENT_WEIGHTS[name]
        if name == "terms":
            weight *= min(1.0, len(group) / w.TERMS_FOR_FULL_WEIGHT)
        raw.append((name, weight, coverage, len(group), found))
    if title_value is not None:
        raw.append(("title", w.WEIGHT_TITLE, title_value, 1, int(title_value >= w.FOUND_THRESHOLD)))
    total_weight = sum(x[1] for x in raw)
    if not total_weight:
        return 0.0, ()

    def value_of(c):
        score = 100.0 * sum(x[1] * x[2] for x in raw) / total_weight
        return min(100.0 if c is None else c, max(0.0, score))

    value = value_of(cap)
    if w.thin_evidence(items):
        value = w._held_under_top(value)
    uncapped = value_of(None)
    scale = value / uncapped if uncapped else 1.0
    parts = tuple(
        w.Component(
            name,
            round(wt / total_weight, 4),
            round(cov, 4),
            round(100.0 * wt * cov / total_weight * scale, 2),
            n,
            f,
        )
        for name, wt, cov, n, f in raw
    )
    return round(value, 1), parts


def test_compute_equals_a_pass_per_component() -> None:
    import random

    rng = random.Random(3)
    strengths = (0.0, 0.25, 0.4, 0.5, 0.7, 1.0, rng.random())
    for _ in range(3000):
        items = [
            weights.Item(
                f"k{n}",
                rng.choice(("must", "nice", "terms")),
                rng.choice((1.0, 0.35, 0.5, rng.random() * 2)),
                rng.choice(strengths),
            )
            for n in range(rng.randint(0, 14))
        ]
        title = rng.choice((None, 0.0, 0.5, 1.0))
        cap = rng.choice((None, 40.0, 60.0))
        before = weights.compute(items, title, cap)
        assert before == _compute_by_passes(items, title, cap)
        for i in range(len(items)):
            gain = rng.choice((weights.EVIDENCE_FULL, weights.EVIDENCE_LISTED))
            changed = list(items)
            if gain > items[i].strength:
                it = items[i]
                changed[i] = weights.Item(it.key, it.component, it.weight, gain)
                expect = round(_compute_by_passes(changed, title, cap)[0] - before[0], 1)
            else:
                expect = 0.0
            assert weights.points_if(items, i, gain, title, before[0], cap) == expect


def test_may_ask_degree_tests_exactly_the_hints() -> None:
    hints = requirements._DEGREE_HINTS
    assert hints == ("degree", "bachelor", "master", "mba", "/")
    for text in [*hints, "a degree", "no", "", "m.b.a", "ba/bs", "masters", "MBA"]:
        fold = text.casefold()
        assert requirements._may_ask_degree(fold) == any(w in fold for w in hints)
