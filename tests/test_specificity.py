"""Concept weights from corpus counts (data/concept_specificity.tsv)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from amfit.fit import weights
from amfit.fit.scorer import default_scorer
from amfit.resources import data_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
HAS_CORPUS = (CORPUS / "labels.json").is_file()


def test_data_file_is_well_formed() -> None:
    text = data_path("concept_specificity.tsv").read_text(encoding="utf-8")
    assert "scripts/build_concept_specificity.py" in text
    assert re.search(r"sha256 [0-9a-f]{16}", text)
    ads, counts, hunting = weights.concept_asks()
    assert ads > 1000
    assert set(counts) == set(hunting) == set(default_scorer().concepts)
    assert all(0 <= hunting[c] <= n <= ads for c, n in counts.items())


def test_generic_asks_weigh_less_than_specific_ones() -> None:
    communication, why = weights.concept_weight("communication", "soft_skills")
    stakeholder, _ = weights.concept_weight("stakeholder", "relationships")
    qbr, _ = weights.concept_weight("qbr", "planning")
    assert communication >= weights.MIN_SPECIFICITY * weights.GENERIC_CATEGORY_FACTOR
    assert communication < stakeholder < qbr == 1.0
    assert why.startswith(f"weight {communication:.2f} (asked by ")
    assert "generic category" in why


def test_asks_shared_with_hunting_seats_weigh_less() -> None:
    """A concept that ads for hunting seats ask as often (a CRM, quota)
    says less about an account seat than one they seldom ask (adoption)."""
    _, counts, hunting = weights.concept_asks()
    assert hunting["prospecting"] == counts["prospecting"]
    _, why = weights.concept_weight("crm", "tools", 1.0)
    assert "hunting ads x" in why
    adoption, _ = weights.concept_weight("adoption", "health", 1.0)
    quota, _ = weights.concept_weight("quota", "forecasting", 1.0)
    assert quota < adoption
    # The hunting concepts themselves keep their specificity weight: they
    # count against an account-management resume (other_role_factor).
    _, why = weights.concept_weight("prospecting", "new_business", 1.0)
    assert "hunting ads" not in why
    # For a hunter's resume a shared ask keeps its weight.
    assert "hunting ads" not in weights.concept_weight("crm", "tools", 0.2)[1]


def test_a_missing_hunting_ask_counts_against_an_account_resume() -> None:
    f = weights.other_role_factor
    assert f("new_business", 0.9, 0.0) == weights.OTHER_ROLE_FACTOR
    assert f("new_business", 0.9, weights.EVIDENCE_FULL) == 1.0  # shown: no gap
    assert f("new_business", 0.2, 0.0) == 1.0  # a hunter's resume
    assert f("retention", 0.9, 0.0) == 1.0


def test_weight_and_why_reach_the_explain_view() -> None:
    from amfit.render.text import render_text

    resume = "# Pat\n\n## Experience\n\n### Account Manager, Acme\n\n- Ran QBRs with 20 clients\n"
    posting = (
        "Account Manager\n\nRequirements:\n- QBRs with clients\n- Excellent communication skills\n"
    )
    report = default_scorer().score(resume, posting, lint=None, checks=False)
    text = render_text(report, explain=True)
    assert "weight 1.00 (asked by 0 of" in text
    assert "generic category x0.5)" in text


def test_a_generic_only_posting_is_a_weaker_keyword_fit() -> None:
    """The resume shows every ask of the generic ad (soft skills, a CRM) and
    only two of three of the specific one, yet the specific ad is the closer
    keyword fit: generic asks weigh little, and coverage is over at least
    MIN_MUST_CONCEPTS of weight."""
    resume = (
        "# Pat\n\n## Experience\n\n### Account Manager, Acme\n\n"
        "- Ran QBRs and renewals for 20 clients, 98% retained\n"
        "- Used communication skills and problem solving in Salesforce CRM to cut churn 5%\n"
    )
    specific = "Account Manager\n\nRequirements:\n- Run QBRs\n- Own renewals\n- Forecast ARR\n"
    generic = (
        "Account Manager\n\nRequirements:\n- Communication skills\n- Problem solving\n"
        "- CRM experience\n"
    )
    scorer = default_scorer()

    def must(posting: str) -> float:
        report = scorer.score(resume, posting, lint=None, checks=False)
        return next(c.coverage for c in report.components if c.name == "must")

    assert must(generic) < must(specific)


@pytest.mark.skipif(not HAS_CORPUS, reason="no ../shared corpus")
def test_data_file_matches_the_corpus_digest() -> None:
    digest = hashlib.sha256((CORPUS / "postings.jsonl").read_bytes()).hexdigest()[:16]
    assert f"sha256 {digest}" in data_path("concept_specificity.tsv").read_text("utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not HAS_CORPUS, reason="no ../shared corpus")
def test_data_file_is_fresh() -> None:
    script = ROOT / "scripts" / "build_concept_specificity.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
