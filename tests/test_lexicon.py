"""The verb lexicon (data/verb_forms.tsv) and the notions of duty and result."""

from __future__ import annotations

import pytest

from amfit.facts import extract_facts
from amfit.lint.base import BulletContext
from amfit.lint.shape import duty_quote, line_kind, result_quote
from amfit.lint.verbs import lookup, opener, past_of
from conftest import ROOT, load_script


def _build_module():
    return load_script("build_verbs")


def test_verb_table_is_built_from_the_word_list() -> None:
    module = _build_module()
    source = (ROOT / "data" / "verbs.txt").read_text(encoding="utf-8")
    table = (ROOT / "data" / "verb_forms.tsv").read_text(encoding="utf-8")
    assert module.build(source) == table, "run: python scripts/build_verbs.py"


@pytest.mark.parametrize(
    ("base", "past", "third", "gerund"),
    [
        ("manage", "managed", "manages", "managing"),
        ("plan", "planned", "plans", "planning"),
        ("visit", "visited", "visits", "visiting"),
        ("control", "controlled", "controls", "controlling"),
        ("clarify", "clarified", "clarifies", "clarifying"),
        ("coach", "coached", "coaches", "coaching"),
        ("lead", "led", "leads", "leading"),
        ("agree", "agreed", "agrees", "agreeing"),
    ],
)
def test_inflection_rules(base: str, past: str, third: str, gerund: str) -> None:
    module = _build_module()
    double = base in {"plan", "control"}
    irregular = {"lead": "led"}.get(base, "")
    assert (irregular or module.past(base, double)) == past
    assert module.third(base) == third
    assert module.gerund(base, double) == gerund


def test_lookup_knows_every_tense() -> None:
    assert lookup("Managing").base == "manage"
    assert lookup("manages").tenses == {"third"}
    assert "duty" in lookup("handled").classes
    assert "outcome" in lookup("grew").classes
    assert past_of("drive") == "drove"
    assert lookup("services") is not None  # the verb "service"; AM101 lists only its verb forms


def test_opener_skips_adverbs() -> None:
    first = opener("Directly managed two associates")
    assert first is not None and first.verb.base == "manage"
    assert opener("Successful relaunch of the portal") is None


@pytest.mark.parametrize(
    ("text", "duty"),
    [
        ("Manage and coach a team of 12 reps", True),
        ("Handling enquiries by phone", True),
        ("Managed the onboarding calendar", True),
        ("Launched the partner portal", False),
        ("Reporting & Research", True),
        ("Operations lead responsible for vendor contracts", True),
        ("Client Focus - Builds trust with every stakeholder", False),
        ("Skills: Salesforce, Gainsight, Excel", False),
    ],
)
def test_duty_in_any_tense(text: str, duty: bool) -> None:
    assert bool(duty_quote(text)) is duty


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Led a team of 40+ team members", False),  # team size is scope
        ("Supported 135 customers in the region", False),  # accounts are scope
        ("Recommend improved onboarding materials", False),  # "improved" is an adjective
        ("Partner with sales to increase attendance", False),  # intent, not result
        ("Fuel the region's growth through events", False),  # a noun, not a verb
        ("Renewed 38 of 40 accounts", True),
        ("Cut ticket backlog by 30%", True),
        ("Coached two associates, resulting in both promotions", True),
        ("Ran 12 webinars for the partner channel", True),  # an output count
        ("Managed ad spend of $500K a month", True),
    ],
)
def test_result_is_outcome_or_figure_not_scope(text: str, result: bool) -> None:
    ctx = BulletContext(text, 1, extract_facts(text))
    assert bool(result_quote(ctx)) is result


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Skills: Negotiation · Salesforce · Forecasting", "skills"),
        ("Salesforce | Gainsight | HubSpot | Excel", "skills"),
        ("Website", "list_item"),
        ("TMS", "list_item"),
        ("President's Club 2023", "award"),
        ("Key achievements:", "heading"),
        ("Client Focus - Builds trust with every stakeholder", "competency"),
        ("Renewed 38 of 40 accounts", "achievement"),
        ("Provide CMS training", "achievement"),
    ],
)
def test_line_kind(text: str, kind: str) -> None:
    assert line_kind(text) == kind
