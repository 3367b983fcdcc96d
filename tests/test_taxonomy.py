"""The shipped taxonomy (keywords/am.toml), user taxonomy files, and title families."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amfit.errors import TaxonomyError
from amfit.matcher import Matcher
from amfit.nlp import phrase_keys
from amfit.posting import parse_posting
from amfit.taxonomy import (
    CATEGORIES,
    TIERS,
    builtin_concepts,
    load_concepts,
    load_taxonomy,
    title_families,
)
from amfit.terms import load_background
from amfit.titles import compare_titles

DOMAIN_MUST = (
    "account_management",
    "client_retention",
    "revenue_growth",
    "upsell",
    "cross_sell",
    "renewal",
    "stakeholder",
    "customer_success",
    "relationship_management",
    "strategic_accounts",
)
DOMAIN_NICE = (
    "nrr",
    "qbr",
    "account_planning",
    "expansion_revenue",
    "customer_health",
    "nps",
    "annual_contract_value",
    "book_of_business",
    "churn_reduction",
)
DOMAIN_TOOLS = ("salesforce", "gainsight", "hubspot", "churnzero", "gong", "zendesk")


@pytest.fixture(scope="module")
def concepts():
    return {c.id: c for c in load_taxonomy(())}


@pytest.fixture(scope="module")
def matcher(concepts) -> Matcher:
    return Matcher(list(concepts.values()), load_background().vocabulary)


def found_ids(matcher: Matcher, text: str) -> set[str]:
    return {h.concept_id for h in matcher.find(parse_posting(text).units)}


# -- the shipped taxonomy -----------------------------------------------------


def test_taxonomy_size_and_unique_ids() -> None:
    raw = builtin_concepts()
    assert len(raw) >= 60
    ids = [c.id for c in raw]
    assert len(ids) == len(set(ids))
    assert len(load_taxonomy(())) == len(raw)


def test_every_concept_is_complete(concepts) -> None:
    for c in concepts.values():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", c.id), c.id
        assert c.label.strip(), c.id
        assert c.category in CATEGORIES, c.id
        assert c.tier in TIERS, c.id
        assert c.where in ("bullet", "skills", "summary"), c.id
        assert c.line > 0, c.id
        for other in c.narrower:
            assert other in concepts and other != c.id, (c.id, other)
        for acr in c.acronyms:
            assert " " not in acr, (c.id, acr)


def test_no_two_concepts_share_a_form(concepts) -> None:
    owner: dict[tuple[str, ...], str] = {}
    for c in concepts.values():
        for form in (c.label, *c.aliases):
            keys = phrase_keys(form)
            assert owner.setdefault(keys, c.id) == c.id, (form, owner[keys], c.id)
        for acr in c.acronyms:
            key = ("ACRONYM", acr)
            assert owner.setdefault(key, c.id) == c.id, (acr, owner[key], c.id)


def test_every_form_finds_its_own_concept(concepts, matcher: Matcher) -> None:
    # "*" in an alias stands for any one word.
    misses = [
        (c.id, form)
        for c in concepts.values()
        for form in (c.label, *c.aliases, *c.acronyms)
        if c.id not in found_ids(matcher, form.replace("*", "enterprise"))
    ]
    assert misses == []


@pytest.mark.parametrize("cid", DOMAIN_MUST)
def test_domain_must_concepts(concepts, cid: str) -> None:
    assert concepts[cid].tier == "must"


@pytest.mark.parametrize("cid", DOMAIN_NICE)
def test_domain_nice_concepts(concepts, cid: str) -> None:
    assert concepts[cid].tier == "nice"


@pytest.mark.parametrize("cid", DOMAIN_TOOLS)
def test_domain_tool_concepts(concepts, cid: str) -> None:
    assert concepts[cid].category == "tools"
    assert concepts[cid].tier == "nice"
    assert concepts[cid].where == "skills"


# DOMAIN.md §2: the 20 baseline terms and every listed equivalence, in
# wordings written for this test.
DOMAIN_TERMS = [
    ("account management", "account_management"),
    ("client retention", "client_retention"),
    ("revenue growth", "revenue_growth"),
    ("upsell", "upsell"),
    ("cross-sell", "cross_sell"),
    ("renewal", "renewal"),
    ("stakeholder", "stakeholder"),
    ("customer success", "customer_success"),
    ("relationship management", "relationship_management"),
    ("strategic accounts", "strategic_accounts"),
    ("NRR", "nrr"),
    ("net revenue retention", "nrr"),
    ("QBR", "qbr"),
    ("account planning", "account_planning"),
    ("expansion revenue", "expansion_revenue"),
    ("customer health", "customer_health"),
    ("NPS", "nps"),
    ("annual contract value", "annual_contract_value"),
    ("book of business", "book_of_business"),
    ("churn reduction", "churn_reduction"),
    # equivalences
    ("net dollar retention", "nrr"),
    ("NDR", "nrr"),
    ("GRR", "grr"),
    ("gross revenue retention", "grr"),
    ("gross logo retention", "grr"),
    ("quarterly business review", "qbr"),
    ("EBR", "ebr"),
    ("executive business review", "ebr"),
    ("ACV", "annual_contract_value"),
    ("ARR", "arr"),
    ("annual recurring revenue", "arr"),
    ("up-sell", "upsell"),
    ("upselling", "upsell"),
    ("upsold", "upsell"),
    ("cross-selling", "cross_sell"),
    ("cross-sold", "cross_sell"),
    ("renewals", "renewal"),
    ("renewed", "renewal"),
    ("renewing", "renewal"),
    ("renewal rate", "renewal"),
    ("stakeholders", "stakeholder"),
    ("multi-threaded relationships", "multi_threading"),
    ("multi-threading", "multi_threading"),
    ("health score", "customer_health"),
    ("account health", "customer_health"),
    ("reduced churn", "churn_reduction"),
    ("lower churn", "churn_reduction"),
    ("downgrade", "contraction"),
    ("Cut contraction by a third", "contraction"),
    ("Own a book of 40 accounts", "book_of_business"),
    ("Grew a $3M book by 18%", "book_of_business"),
    ("Managed a portfolio of 30 enterprise accounts", "book_of_business"),
    ("portfolio of accounts", "book_of_business"),
    ("land and expand", "land_and_expand"),
    ("land-and-expand", "land_and_expand"),
]


@pytest.mark.parametrize(("text", "cid"), DOMAIN_TERMS)
def test_domain_terms_are_found(matcher: Matcher, text: str, cid: str) -> None:
    assert cid in found_ids(matcher, text)


def test_portfolio_of_qualified_accounts_without_a_number(matcher: Matcher) -> None:
    assert "book_of_business" in found_ids(matcher, "Managed a portfolio of enterprise accounts")


def test_crm_and_cs_tools_are_found(matcher: Matcher) -> None:
    text = "Tools: Salesforce, Gainsight, ChurnZero, HubSpot, Catalyst, Planhat, Gong"
    expected = {"salesforce", "gainsight", "churnzero", "hubspot", "catalyst", "planhat", "gong"}
    assert expected <= found_ids(matcher, text)


# -- malformed taxonomy files -------------------------------------------------

GOOD = """\
# a user taxonomy
[[concept]]
id = "alpha"
label = "alpha widgets"
category = "custom"
tier = "nice"

"""


def write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def bad_entry(body: str) -> str:
    """GOOD plus a second [[concept]] at line 8 with the given body."""
    return GOOD + "[[concept]]\n" + body


MALFORMED = [
    ("invalid_toml", GOOD + '[[concept]]\nid = "beta"\nlabel = "beta\n', 10, "invalid TOML"),
    (
        "missing_label",
        bad_entry('id = "beta"\ncategory = "custom"\ntier = "nice"\n'),
        8,
        "missing 'label'",
    ),
    (
        "bad_tier",
        bad_entry('id = "beta"\nlabel = "b"\ncategory = "custom"\ntier = "sometimes"\n'),
        8,
        "tier 'sometimes'",
    ),
    (
        "unknown_field",
        bad_entry('id = "beta"\nlabel = "b"\ncategory = "custom"\ntier = "nice"\ncolour = 1\n'),
        8,
        "unknown field(s) colour",
    ),
    (
        "duplicate_id",
        bad_entry('id = "alpha"\nlabel = "b"\ncategory = "custom"\ntier = "nice"\n'),
        8,
        "duplicate id 'alpha' (first at line 2)",
    ),
    (
        "bad_id",
        bad_entry('id = "Beta-Two"\nlabel = "b"\ncategory = "custom"\ntier = "nice"\n'),
        8,
        "id 'Beta-Two'",
    ),
    (
        "unknown_narrower",
        bad_entry(
            'id = "beta"\nlabel = "b"\ncategory = "custom"\ntier = "nice"\nnarrower = ["nope"]\n'
        ),
        8,
        "narrower id 'nope'",
    ),
    (
        "bad_category",
        bad_entry('id = "beta"\nlabel = "b"\ncategory = "misc"\ntier = "nice"\n'),
        8,
        "category 'misc'",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [m[1:] for m in MALFORMED],
    ids=[m[0] for m in MALFORMED],
)
def test_malformed_file_names_path_and_line(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy((path,))
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message
    assert info.value.path == str(path)
    assert info.value.line == line
    assert "\n" not in message


def test_missing_user_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(TaxonomyError, match=r"no such file"):
        load_taxonomy((path,))


def test_file_without_concepts(tmp_path: Path) -> None:
    path = write(tmp_path, "# nothing here\n")
    with pytest.raises(TaxonomyError, match=r"no \[\[concept\]\] entries"):
        load_concepts(path)


def test_header_inside_multiline_string_is_not_a_header(tmp_path: Path) -> None:
    text = (
        "[[concept]]\n"
        'id = "alpha"\n'
        'label = "alpha widgets"\n'
        'category = "custom"\n'
        'tier = "nice"\n'
        'note = """\n'
        "[[concept]] tables follow\n"  # line 7: inside a string, not a header
        '"""\n'
        "\n"
        "[[concept]]\n"  # line 10: the bad entry
        'id = "beta"\n'
        'label = "b"\n'
        'category = "custom"\n'
        'tier = "maybe"\n'
    )
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy((path,))
    assert str(info.value).startswith(f"{path}:10: ")


# -- user taxonomy files ------------------------------------------------------


def test_user_file_adds_a_concept_that_matches(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[concept]]\nid = "payroll_compliance"\nlabel = "payroll compliance"\n'
        'category = "custom"\ntier = "must"\naliases = ["payroll audits"]\n',
    )
    concepts = load_taxonomy((path,))
    assert len(concepts) == len(builtin_concepts()) + 1
    added = next(c for c in concepts if c.id == "payroll_compliance")
    assert added.source == str(path) and added.line == 1
    m = Matcher(list(concepts), load_background().vocabulary)
    assert "payroll_compliance" in found_ids(m, "Ran quarterly payroll audits for 30 clients")


def test_user_concept_replaces_builtin_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[concept]]\nid = "renewal"\nlabel = "contract rollover"\n'
        'category = "retention"\ntier = "nice"\n',
    )
    concepts = {c.id: c for c in load_taxonomy((path,))}
    assert len(concepts) == len(builtin_concepts())
    assert concepts["renewal"].label == "contract rollover"
    assert concepts["renewal"].tier == "nice"
    m = Matcher(list(concepts.values()), load_background().vocabulary)
    assert "renewal" in found_ids(m, "Handled every contract rollover")
    assert "renewal" not in found_ids(m, "Handled every renewal")
    # The built-in taxonomy is untouched.
    assert {c.id: c for c in load_taxonomy(())}["renewal"].label == "renewal"


def test_user_file_through_the_scorer(tmp_path: Path) -> None:
    from amfit.fit.scorer import analyze_posting

    path = write(
        tmp_path,
        '[[concept]]\nid = "payroll_compliance"\nlabel = "payroll compliance"\n'
        'category = "custom"\ntier = "must"\n',
    )
    posting = "Account Manager\n\nRequirements\n- Know payroll compliance inside out\n"
    with_file = {k.id: k for k in analyze_posting(posting, keywords=(path,)).keywords}
    assert with_file["payroll_compliance"].tier == "must"
    without = {k.id for k in analyze_posting(posting).keywords}
    assert "payroll_compliance" not in without


# -- title families -----------------------------------------------------------


def test_title_families_are_consistent() -> None:
    families = title_families()
    by_id = {f.id: f for f in families}
    assert len(by_id) == len(families)
    for fam in families:
        assert fam.titles, fam.id
        for other in fam.neighbours:
            assert other in by_id, (fam.id, other)
            assert fam.id in by_id[other].neighbours, f"{fam.id} <-> {other} not symmetric"
    assert "account_executive" not in by_id["account_manager"].neighbours
    assert "customer_success" in by_id["account_manager"].neighbours


@pytest.mark.parametrize(
    ("resume_title", "posting_title", "level"),
    [
        ("Senior Account Manager", "Account Manager, SMB", "same"),
        ("Account Manager", "Account Manager - Remote", "same"),
        ("Strategic Account Manager", "Account Manager", "family"),
        ("Key Account Manager", "Account Manager", "family"),
        ("Account Manager", "Key Account Manager", "family"),
        ("Customer Success Manager", "Account Manager", "neighbour"),
        ("Account Manager", "Renewals Manager", "neighbour"),
        ("Account Executive", "Account Manager", "different"),
        ("SDR", "Account Manager", "different"),
        ("Sales Development Representative", "Account Manager", "different"),
        ("", "Account Manager", "unknown"),
        ("Account Manager", "", "unknown"),
    ],
)
def test_compare_titles(resume_title: str, posting_title: str, level: str) -> None:
    assert compare_titles(resume_title, posting_title).level == level


def test_compare_titles_reports_families() -> None:
    match = compare_titles("Customer Success Manager", "Account Manager")
    assert match.resume_family == "customer_success"
    assert match.posting_family == "account_manager"
    assert compare_titles("SDR", "Account Manager").resume_family == "sdr"
