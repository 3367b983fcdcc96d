"""The score: named weights, evidence weighting, rescored points, rankings."""

from __future__ import annotations

import pytest

from amfit.fit import weights as scoring
from amfit.fit.scorer import score_files
from amfit.fit.weights import Item, compute, points_if_full
from conftest import AE_POSTING, AM_POSTINGS, posting_path, resume_path


def _items(must=(), nice=(), terms=()):
    out = [Item(f"m{i}", "must", 1.0, s) for i, s in enumerate(must)]
    out += [Item(f"n{i}", "nice", 1.0, s) for i, s in enumerate(nice)]
    out += [Item(f"t{i}", "terms", w, s) for i, (w, s) in enumerate(terms)]
    return out


def test_weights_sum_to_one():
    assert sum(scoring.COMPONENT_WEIGHTS.values()) == pytest.approx(1.0)


def test_full_coverage_is_100_and_none_is_0():
    six_terms = [(1.0, 1.0)] * scoring.TERMS_FOR_FULL_WEIGHT
    full = [1.0] * scoring.MIN_MUST_CONCEPTS
    nice = [1.0] * scoring.MIN_NICE_CONCEPTS
    assert compute(_items(full, nice, six_terms), 1.0)[0] == 100.0
    assert compute(_items([0, 0], [0], [(1.0, 0.0)] * 6), 0.0)[0] == 0.0


def test_one_nice_to_have_cannot_carry_its_component():
    _, parts = compute(_items(must=[1.0] * 6, nice=[1.0]), None)
    nice = next(p for p in parts if p.name == "nice")
    assert nice.coverage == pytest.approx(1 / scoring.MIN_NICE_CONCEPTS, abs=1e-4)


def test_few_must_haves_cannot_make_a_perfect_fit():
    """One or two asks (an engineering ad naming stakeholders) give at most their share."""
    _, parts = compute(_items(must=[1.0, 1.0]), None)
    assert parts[0].coverage == pytest.approx(2 / scoring.MIN_MUST_CONCEPTS, abs=1e-4)
    _, parts = compute(_items(must=[1.0] * (scoring.MIN_MUST_CONCEPTS + 2)), None)
    assert parts[0].coverage == 1.0


@pytest.mark.parametrize(
    ("component", "weight"),
    [
        ("must", scoring.WEIGHT_MUST),
        ("nice", scoring.WEIGHT_NICE),
        ("terms", scoring.WEIGHT_TERMS),
        ("title", scoring.WEIGHT_TITLE),
    ],
)
def test_each_weight_is_the_share_of_its_component(component, weight):
    """With every component present and only one covered, the score is its weight."""
    n = scoring.TERMS_FOR_FULL_WEIGHT
    must = [1.0 if component == "must" else 0.0] * scoring.MIN_MUST_CONCEPTS
    nice = [1.0 if component == "nice" else 0.0] * scoring.MIN_NICE_CONCEPTS
    terms = [(1.0, 1.0 if component == "terms" else 0.0)] * n
    title = 1.0 if component == "title" else 0.0
    score, parts = compute(_items(must, nice, terms), title)
    assert score == pytest.approx(100 * weight, abs=0.05)
    assert {p.name: p.weight for p in parts}[component] == pytest.approx(weight)


def test_missing_components_share_out_their_weight():
    full = [1.0] * scoring.MIN_MUST_CONCEPTS
    score, parts = compute(_items(must=full), None)
    assert [p.name for p in parts] == ["must"]
    assert parts[0].weight == 1.0 and score == 100.0
    score, parts = compute(_items(must=full, nice=[0.0]), None)
    expected = scoring.WEIGHT_MUST / (scoring.WEIGHT_MUST + scoring.WEIGHT_NICE)
    assert score == pytest.approx(100 * expected, abs=0.05)


def test_terms_weight_shrinks_with_few_terms():
    _, parts = compute(_items(must=[1.0], terms=[(2.0, 1.0)]), None)
    terms = {p.name: p for p in parts}["terms"]
    raw = scoring.WEIGHT_TERMS / scoring.TERMS_FOR_FULL_WEIGHT
    assert terms.weight == pytest.approx(raw / (scoring.WEIGHT_MUST + raw), abs=1e-4)


def test_terms_are_weighted_by_tfidf():
    _, parts = compute(_items(terms=[(3.0, 1.0), (1.0, 0.0)] * 3), None)
    assert {p.name: p for p in parts}["terms"].coverage == pytest.approx(0.75)


def test_evidence_strengths():
    assert scoring.evidence_strength("experience", "exact", 100) == scoring.EVIDENCE_FULL
    assert scoring.evidence_strength("skills", "alias", 100) == scoring.EVIDENCE_LISTED
    assert scoring.evidence_strength("summary", "lemma", 100) == scoring.EVIDENCE_LISTED
    assert scoring.evidence_strength("experience", "fuzzy", 90) == pytest.approx(0.9)
    assert scoring.evidence_strength("experience", "exact", 100, narrower=True) == pytest.approx(
        scoring.NARROWER_FACTOR
    )
    assert scoring.EVIDENCE_LISTED < scoring.FOUND_THRESHOLD <= scoring.NARROWER_FACTOR


def test_status_thresholds():
    assert scoring.status_of(1.0) == "found"
    assert scoring.status_of(scoring.FOUND_THRESHOLD) == "found"
    assert scoring.status_of(scoring.EVIDENCE_LISTED) == "partial"
    assert scoring.status_of(0.0) == "missing"


@pytest.mark.parametrize("level", ["same", "family", "neighbour", "different", "unknown"])
def test_title_values_are_ordered(level):
    order = ["same", "family", "neighbour", "different"]
    values = [scoring.TITLE_VALUES[x] for x in order]
    assert values == sorted(values, reverse=True)
    assert 0.0 <= scoring.TITLE_VALUES[level] <= 1.0


def test_points_if_full_is_a_rescore():
    items = _items(must=[1.0] * 5 + [0.0], nice=[0.5])
    before, _ = compute(items, 1.0)
    gained = points_if_full(items, 5, 1.0)
    after, _ = compute([*items[:5], Item("m5", "must", 1.0, 1.0), items[6]], 1.0)
    assert gained == pytest.approx(after - before, abs=0.051)
    assert gained > 0


@pytest.mark.parametrize("posting", AM_POSTINGS)
def test_strong_resume_wins_on_am_postings(posting):
    scores = {
        name: score_files(resume_path(name), posting_path(posting)).score
        for name in ("strong", "weak", "stuffed", "ae")
    }
    assert scores["strong"] > max(scores["weak"], scores["stuffed"], scores["ae"]), scores
    assert scores["strong"] - scores["stuffed"] >= 8, scores


def test_ae_resume_wins_on_ae_posting():
    scores = {
        name: score_files(resume_path(name), posting_path(AE_POSTING)).score
        for name in ("strong", "weak", "stuffed", "ae")
    }
    assert scores["ae"] == max(scores.values()), scores
    assert scores["ae"] - scores["strong"] >= 20, scores


POSTING = """Account Manager

Responsibilities:
- Own renewals and upsell for a book of mid-market accounts
- Run QBRs with stakeholders and track customer health in Gainsight
- Report net revenue retention and churn reduction in Salesforce

Preferred:
- NPS programs
"""

STUFFED = """# Pat Lee
Account Manager

## Skills
Renewals, upsell, book of business, mid-market, QBRs, stakeholders, customer health,
Gainsight, net revenue retention, NRR, churn reduction, Salesforce, NPS

## Experience
### Account Manager, Acme
- Managed accounts
"""

EVIDENCED = """# Pat Lee
Account Manager

## Experience
### Account Manager, Acme
- Own a book of 42 mid-market accounts ($3.1M ARR); 93% gross and 109% net revenue retention
- Ran QBRs with 4-6 stakeholders per account; customer health in Gainsight flagged 9 risks early
- Churn reduction: churned ARR fell from $300K to $120K; renewals tracked in Salesforce
- Upsell of the reporting module to 11 accounts added $96K; NPS rose from 18 to 37
"""


def test_keyword_list_scores_clearly_lower_than_evidence(scorer):
    stuffed = scorer.score(STUFFED, POSTING)
    evidenced = scorer.score(EVIDENCED, POSTING)
    assert evidenced.score - stuffed.score >= 15, (evidenced.score, stuffed.score)
    partial = {k.id for k in stuffed.keywords if k.status == "partial"}
    assert {"gainsight", "salesforce", "nrr"} <= partial
    # The ATS-literal view barely sees the difference the recruiter view sees.
    assert stuffed.ats_literal.rate >= 0.8
    assert evidenced.ats_literal.rate - stuffed.ats_literal.rate < 0.2


def test_repeats_add_nothing(scorer):
    once = scorer.score(EVIDENCED, POSTING)
    twice = scorer.score(EVIDENCED + "- Gainsight Gainsight Gainsight renewals renewals\n", POSTING)
    assert twice.score == once.score


def test_points_to_add_match_a_real_rescore(scorer):
    """Adding the missing keyword in a bullet moves the score by its stated points."""
    resume = EVIDENCED.replace("; NPS rose from 18 to 37", "")
    before = scorer.score(resume, POSTING)
    nps = next(k for k in before.keywords if k.id == "nps")
    assert nps.status == "missing" and nps.points > 0
    after = scorer.score(resume + "- NPS rose from 18 to 37 after detractor calls\n", POSTING)
    assert after.score - before.score == pytest.approx(nps.points, abs=0.11)


def test_missing_keywords_say_where_they_go(scorer):
    report = scorer.score(EVIDENCED.replace("in Gainsight ", ""), POSTING)
    gainsight = next(k for k in report.keywords if k.id == "gainsight")
    assert gainsight.status == "missing"
    assert gainsight.placement is not None
    # A tool with no Skills section is placed by adding one.
    assert gainsight.placement.section == "skills"
    nrr_like = scorer.score(EVIDENCED.replace("109% net revenue retention", "109%"), POSTING)
    nrr = next(k for k in nrr_like.keywords if k.id == "nrr")
    # It goes next to the bullet that already speaks of retention.
    assert nrr.placement is not None and nrr.placement.section == "experience"
    assert nrr.placement.line == 8
    assert "Churn reduction" in nrr.placement.reason


def test_a_soft_skill_is_not_placed_by_its_category_alone(scorer):
    """Negotiation and cross-functional work are both soft skills: a bullet
    about working with internal teams is no place for negotiation."""
    resume = (
        "# Jo\n\n## Experience\nAccount Manager, Acme | Mar 2021 - Present\n"
        "- Worked cross-functionally with product and support on 30 launches\n"
        "- Renewed 40 accounts worth $2M ARR\n"
    )
    posting = "Account Manager\n\n## Requirements\n- Strong negotiation skills\n- Renewals\n"
    report = scorer.score(resume, posting, lint=None, checks=False)
    negotiation = next(k for k in report.keywords if k.id == "negotiation")
    p = negotiation.placement
    assert p is not None and p.section == "experience"
    assert "cross-functionally" not in p.text and "already speaks" not in p.reason


def test_score_files_takes_the_same_options_as_score() -> None:
    from amfit.fit.scorer import score

    resume, posting = resume_path("strong"), posting_path("mid-market-account-manager")
    options = {"as_title": "Customer Success Manager", "as_of": "2026-06"}
    from_files = score_files(resume, posting, **options)
    from_text = score(
        resume.read_text(encoding="utf-8"),
        posting.read_text(encoding="utf-8"),
        resume_source=str(resume),
        posting_source=str(posting),
        **options,
    )
    assert from_files.score == from_text.score
    assert from_files.title_fit == from_text.title_fit
    assert from_files.title_fit != score_files(resume, posting).title_fit
