"""amfit.posting.parse_posting and keyword tiering through Scorer.analyze_posting."""

from __future__ import annotations

import pytest

from amfit.model import AskedKeyword, PostingAnalysis
from amfit.posting import Posting, parse_posting
from amfit.readers import read_text
from conftest import AE_POSTING, AM_POSTINGS, posting_path


def sections(posting: Posting) -> list[tuple[str, int]]:
    return [(s.kind, s.line) for s in posting.sections]


def analyze(scorer, text: str) -> PostingAnalysis:
    return scorer.analyze_posting(text)


def concepts(analysis: PostingAnalysis) -> dict[str, AskedKeyword]:
    return {k.id: k for k in analysis.keywords if k.source == "taxonomy"}


def tiers(analysis: PostingAnalysis) -> dict[str, str]:
    return {cid: k.tier for cid, k in concepts(analysis).items()}


# -- (a) Markdown headings ------------------------------------------------------

MARKDOWN = """\
# Senior Account Manager

## About us
Northwind builds billing software. Our customers love how we run customer health checks.

## Responsibilities
- Own renewals for a book of 50 mid-market accounts
- Drive upsell and cross-sell across your book
- Run QBRs with key stakeholders

## Requirements
- 3+ years of account management, ideally in SaaS
- Experience with Gainsight is a plus
- Salesforce proficiency

## Nice to have
- Familiarity with NPS programs
- Salesforce admin experience

## Benefits
- Health insurance and a churn reduction bonus
"""


def test_markdown_sections() -> None:
    posting = parse_posting(MARKDOWN)
    assert posting.title == "Senior Account Manager"
    assert posting.title_line == 1
    assert sections(posting) == [
        ("about", 3),
        ("responsibilities", 6),
        ("required", 11),
        ("preferred", 16),
        ("benefits", 20),
    ]
    assert [s.heading for s in posting.sections][:2] == ["About us", "Responsibilities"]
    assert posting.has_headings


def test_markdown_tiers(scorer) -> None:
    got = tiers(analyze(scorer, MARKDOWN))
    for cid in ("renewal", "upsell", "cross_sell", "qbr", "stakeholder", "account_management"):
        assert got[cid] == "must", cid
    # Only in "Nice to have" -> nice.
    assert got["nps"] == "nice"
    # In the requirements and in "Nice to have" -> must.
    assert got["salesforce"] == "must"
    # In-line "is a plus" in a requirements list -> nice.
    assert got["gainsight"] == "nice"
    # Only in About us / Benefits -> no ask at all.
    assert "customer_health" not in got
    assert "churn_reduction" not in got


def test_ideally_only_affects_the_words_after_it(scorer) -> None:
    found = concepts(analyze(scorer, MARKDOWN))
    account = found["account_management"]
    line12 = [a for a in account.asks if a.line == 12]
    assert [a.signal for a in line12] == ["must"]
    saas = found["saas"]
    assert saas.tier == "nice"
    assert [(a.signal, a.line) for a in saas.asks] == [("nice", 12)]


def test_ideally_keeps_the_ask_before_it_must_without_a_title(scorer) -> None:
    text = (
        "Client Partner\n\nRequirements\n"
        "- 3+ years of account management, ideally with Gainsight\n"
        "- Ideally you have run QBRs\n"
    )
    found = concepts(analyze(scorer, text))
    assert found["account_management"].tier == "must"
    assert found["account_management"].tier_reason == (
        "asked in required section 'Requirements' (line 4)"
    )
    assert found["gainsight"].tier == "nice"
    assert found["qbr"].tier == "nice"


def test_marker_is_per_sentence(scorer) -> None:
    text = (
        "Client Partner\n\nRequirements\n"
        "- Salesforce is required. HubSpot is a plus.\n"
        "- Own renewals; Gong experience preferred\n"
    )
    got = tiers(analyze(scorer, text))
    assert got["salesforce"] == "must"
    assert got["hubspot"] == "nice"
    assert got["renewal"] == "must"
    assert got["gong"] == "nice"


def test_tier_reasons_name_heading_and_line(scorer) -> None:
    found = concepts(analyze(scorer, MARKDOWN))
    assert found["renewal"].tier_reason == (
        "asked in responsibilities section 'Responsibilities' (line 7)"
    )
    assert found["nps"].tier_reason == "only in preferred section 'Nice to have' (line 17)"
    assert found["gainsight"].tier_reason == (
        "marked nice-to-have in required section 'Requirements' (line 13)"
    )
    assert found["account_management"].tier_reason == "asked in the title (line 1)"


def test_asks_record_section_heading_and_text(scorer) -> None:
    found = concepts(analyze(scorer, MARKDOWN))
    asks = [(a.signal, a.section, a.heading, a.line) for a in found["salesforce"].asks]
    assert asks == [
        ("must", "required", "Requirements", 14),
        ("nice", "preferred", "Nice to have", 18),
    ]
    lines = MARKDOWN.split("\n")
    for k in found.values():
        for ask in k.asks:
            assert ask.text.lower() in lines[ask.line - 1].lower()


def test_keywords_sorted_must_then_nice_then_term(scorer) -> None:
    order = {"must": 0, "nice": 1, "term": 2}
    keys = [order[k.tier] for k in analyze(scorer, MARKDOWN).keywords]
    assert keys == sorted(keys)


# -- (b) "Heading:" lines with • bullets -------------------------------------------

COLON = """\
Job Title: Key Account Manager
Company: Fabrikam

What you'll do:
• Negotiate contract renewals with procurement
• Build account plans for 20 accounts

What we're looking for:
• Track record of upsell
• Experience with HubSpot is a plus

Bonus points:
• Exposure to NPS surveys
• Gainsight

Equal opportunity:
We welcome every applicant and measure CSAT nowhere.
"""


def test_colon_headings_sections_and_title() -> None:
    posting = parse_posting(COLON)
    assert posting.title == "Key Account Manager"
    assert posting.title_line == 1
    assert ("responsibilities", 4) in sections(posting)
    assert ("required", 8) in sections(posting)
    assert ("preferred", 12) in sections(posting)
    assert ("eeo", 16) in sections(posting)
    bullets = [u for u in posting.units if u.kind == "bullet"]
    assert [(b.text, b.section) for b in bullets[:2]] == [
        ("Negotiate contract renewals with procurement", "responsibilities"),
        ("Build account plans for 20 accounts", "responsibilities"),
    ]


def test_colon_headings_tiers(scorer) -> None:
    found = concepts(analyze(scorer, COLON))
    got = {cid: k.tier for cid, k in found.items()}
    assert got["renewal"] == "must"
    assert got["account_planning"] == "must"
    assert got["upsell"] == "must"
    assert got["hubspot"] == "nice"
    assert got["nps"] == "nice"
    assert got["gainsight"] == "nice"
    assert "csat" not in got
    # "Key Account Manager" in the "Job Title:" line -> a must from the title.
    assert got["strategic_accounts"] == "must"
    assert found["strategic_accounts"].asks[0].section == "title"
    assert found["gainsight"].tier_reason == "only in preferred section 'Bonus points:' (line 14)"


# -- (c) ALL CAPS headings with numbered lists ----------------------------------------

CAPS = """\
ACCOUNT MANAGER, SMB

ABOUT THE COMPANY
Contoso sells payroll tools. Gainsight is our CS platform.

KEY RESPONSIBILITIES
1. Manage renewals for 300 small business customers
2. Identify upsell opportunities

QUALIFICATIONS
1. Two years of experience in a customer-facing role
2. Comfortable with Salesforce

PREFERRED
1. Knowledge of NPS
2) Upsell experience at scale
"""


def test_caps_sections() -> None:
    posting = parse_posting(CAPS)
    assert posting.title == "ACCOUNT MANAGER, SMB"
    assert sections(posting) == [
        ("about", 3),
        ("responsibilities", 6),
        ("required", 10),
        ("preferred", 14),
    ]
    numbered = [(u.line, u.section) for u in posting.units if u.kind == "bullet"]
    assert numbered == [
        (7, "responsibilities"),
        (8, "responsibilities"),
        (11, "required"),
        (12, "required"),
        (15, "preferred"),
        (16, "preferred"),
    ]


def test_caps_tiers(scorer) -> None:
    found = concepts(analyze(scorer, CAPS))
    got = {cid: k.tier for cid, k in found.items()}
    assert got["renewal"] == "must"
    assert got["salesforce"] == "must"
    assert got["nps"] == "nice"
    # In responsibilities and in PREFERRED -> must.
    assert got["upsell"] == "must"
    assert [a.signal for a in found["upsell"].asks] == ["must", "nice"]
    # Title concepts are must.
    assert got["account_management"] == "must"
    assert got["smb_segment"] == "must"
    # Only in the company blurb.
    assert "gainsight" not in got


# -- (d) bold **Heading** lines ---------------------------------------------------

BOLD = """\
**Account Manager, Mid-Market**

**The role**
You will own renewals and drive upsell across 60 accounts.

**What you bring**
- Salesforce skills
- Experience running QBRs

**Bonus points**
- Gainsight or ChurnZero experience
- NPS programs

**Benefits**
- Stock options and a budget for customer health workshops
"""


def test_bold_sections() -> None:
    posting = parse_posting(BOLD)
    assert posting.title == "Account Manager, Mid-Market"
    assert posting.title_line == 1
    assert sections(posting) == [
        ("responsibilities", 3),
        ("required", 6),
        ("preferred", 10),
        ("benefits", 14),
    ]
    assert [s.heading for s in posting.sections] == [
        "The role",
        "What you bring",
        "Bonus points",
        "Benefits",
    ]


def test_bold_tiers(scorer) -> None:
    found = concepts(analyze(scorer, BOLD))
    got = {cid: k.tier for cid, k in found.items()}
    assert got["renewal"] == "must"
    assert got["upsell"] == "must"
    assert got["salesforce"] == "must"
    assert got["qbr"] == "must"
    assert got["gainsight"] == "nice"
    assert got["churnzero"] == "nice"
    assert got["nps"] == "nice"
    assert "customer_health" not in got
    # Only in the title -> still must, and the reason says so.
    assert got["mid_market_segment"] == "must"
    assert found["mid_market_segment"].tier_reason == "asked in the title (line 1)"


# -- (e) no headings at all --------------------------------------------------------

NO_HEADINGS = (
    "We are hiring someone to own renewals, drive upsell, and track NPS for our "
    "customers. You will use Salesforce daily and run QBRs.\n"
)


def test_no_headings_parse() -> None:
    posting = parse_posting(NO_HEADINGS)
    assert posting.sections == ()
    assert not posting.has_headings
    assert posting.title == ""
    assert posting.title_line == 0
    assert {u.section for u in posting.units} == {"intro"}


def test_no_headings_use_taxonomy_defaults(scorer) -> None:
    found = concepts(analyze(scorer, NO_HEADINGS))
    got = {cid: k.tier for cid, k in found.items()}
    # keywords/am.toml: renewal and upsell default to must; nps, salesforce, qbr to nice.
    assert got == {
        "renewal": "must",
        "upsell": "must",
        "nps": "nice",
        "salesforce": "nice",
        "qbr": "nice",
    }
    for cid, k in found.items():
        assert scorer.concepts[cid].tier == k.tier
        assert k.tier_reason == f"no tier signal at line 1; taxonomy default '{k.tier}'"
        assert {a.signal for a in k.asks} == {"none"}


def test_in_line_marker_still_counts_without_headings(scorer) -> None:
    text = "You will own renewals.\nExperience with upsell motions is a plus.\n"
    got = tiers(analyze(scorer, text))
    assert got["renewal"] == "must"  # taxonomy default
    assert got["upsell"] == "nice"  # default must, but marked


# -- (f) "Preferred but not required" ----------------------------------------------

PREFERRED = """\
Account Manager

Requirements
- Renewals experience with SMB customers
- Upsell track record

Preferred but not required
- Gainsight
- NPS
- Upsell of add-on modules
"""


def test_preferred_but_not_required_section(scorer) -> None:
    posting = parse_posting(PREFERRED)
    assert sections(posting) == [("required", 3), ("preferred", 7)]
    assert posting.sections[1].heading == "Preferred but not required"
    found = concepts(analyze(scorer, PREFERRED))
    assert found["gainsight"].tier == "nice"
    assert found["gainsight"].tier_reason == (
        "only in preferred section 'Preferred but not required' (line 8)"
    )
    assert found["nps"].tier == "nice"
    assert found["upsell"].tier == "must"
    assert found["renewal"].tier == "must"


# -- ignored sections ----------------------------------------------------------------


def test_about_benefits_and_eeo_mentions_are_not_asks(scorer) -> None:
    text = """\
Client Partner

About us
We help clinics with renewals and NPS.

Benefits
- Upsell bonus for everyone

Equal Opportunity Employer
We value cross-sell diversity and Salesforce-level inclusion.

How to apply
Send us your best QBR deck.

Responsibilities
- Talk to customers every week
"""
    posting = parse_posting(text)
    assert [s.kind for s in posting.sections] == [
        "about",
        "benefits",
        "eeo",
        "apply",
        "responsibilities",
    ]
    found = concepts(analyze(scorer, text))
    for cid in ("renewal", "nps", "upsell", "cross_sell", "salesforce", "qbr"):
        assert cid not in found, cid


def test_company_blurb_above_headings_is_not_an_ask(scorer) -> None:
    text = (
        "Client Partner\n"
        "Northwind grew NRR to 130% and its upsell motion is famous.\n"
        "You will own renewals.\n\n"
        "Responsibilities\n- Talk to customers\n"
    )
    found = concepts(analyze(scorer, text))
    assert "nrr" not in found
    assert "upsell" not in found
    # A sentence addressed to the reader is an ask, read like a
    # responsibilities section.
    assert found["renewal"].tier == "must"
    assert [a.signal for a in found["renewal"].asks] == ["must"]


# -- titles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "line"),
    [
        ("Account Manager, SMB\nAcme · Remote\n", "Account Manager, SMB", 1),
        ("\n\n# Renewals Manager\n\nText.\n", "Renewals Manager", 3),
        ("Acme Corp\nJob Title: Client Success Manager\n", "Client Success Manager", 2),
        ("**Position:** Key Account Manager\n", "Key Account Manager", 1),
        ("Role: Account Manager (EMEA)\n", "Account Manager (EMEA)", 1),
        ("We are looking for a great account manager to join us.\n", "", 0),
        ("About us\nAcme builds things.\n", "", 0),
    ],
)
def test_title_line(text: str, title: str, line: int) -> None:
    posting = parse_posting(text)
    assert (posting.title, posting.title_line) == (title, line)
    if line:
        unit = next(u for u in posting.units if u.line == line)
        assert unit.section == "title"


# -- bundled examples -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "kinds"),
    [
        (
            "smb-account-manager",
            "Account Manager, SMB",
            ["about", "responsibilities", "required", "preferred", "benefits"],
        ),
        (
            "mid-market-account-manager",
            "Account Manager, Mid-Market",
            ["responsibilities", "responsibilities", "required", "preferred", "benefits"],
        ),
        (
            "enterprise-account-manager",
            "Strategic Account Manager",
            [
                "about",
                "responsibilities",
                "responsibilities",
                "required",
                "preferred",
                "benefits",
            ],
        ),
        ("account-executive", "Account Executive, Mid-Market", ["required", "preferred"]),
    ],
)
def test_bundled_postings(name: str, title: str, kinds: list[str]) -> None:
    posting = parse_posting(read_text(posting_path(name)))
    assert posting.title == title
    assert posting.title_line == 1
    assert [s.kind for s in posting.sections][: len(kinds)] == kinds


def test_bundled_names_match_conftest() -> None:
    for name in (*AM_POSTINGS, AE_POSTING):
        assert posting_path(name).is_file()


def test_mid_market_example_tiers(scorer) -> None:
    analysis = analyze(scorer, read_text(posting_path("mid-market-account-manager")))
    assert analysis.title_family == "account_manager"
    found = concepts(analysis)
    for cid in ("renewal", "upsell", "cross_sell", "qbr", "salesforce", "nrr", "grr"):
        assert found[cid].tier == "must", cid
    # "Experience with Gainsight or ChurnZero is a plus" sits in Requirements.
    assert found["gainsight"].tier == "nice"
    assert found["gainsight"].tier_reason.startswith("marked nice-to-have in required section")
    assert found["nps"].tier == "nice"
    assert found["nps"].tier_reason.startswith("only in preferred section")


def test_account_executive_example_tiers(scorer) -> None:
    analysis = analyze(scorer, read_text(posting_path(AE_POSTING)))
    assert analysis.title_family == "account_executive"
    got = tiers(analysis)
    assert got["quota"] == "must"
    assert got["salesforce"] == "must"
    # Only under "Preferred but not required".
    assert got["account_management"] == "nice"
    assert got["gong"] == "nice"


def test_analysis_to_dict_lists_sections(scorer) -> None:
    data = analyze(scorer, read_text(posting_path("smb-account-manager"))).to_dict()
    assert data["posting"]["title"] == "Account Manager, SMB"
    assert data["posting"]["title_line"] == 1
    assert data["posting"]["sections"][0]["kind"] == "about"
    assert {k["tier"] for k in data["keywords"]} <= {"must", "nice", "term"}


# -- regressions --------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["Responsibilities", "Requirements:", "## What you'll do"])
def test_posting_that_starts_with_a_heading(scorer, heading: str) -> None:
    # Regression: the heading used to be taken as the title and the asks under it,
    # left in the "intro", were dropped.
    text = (
        f"{heading}\n- Own renewals for 50 accounts\n- Drive upsell\n\nNice to have\n- Gainsight\n"
    )
    posting = parse_posting(text)
    got = tiers(analyze(scorer, text))
    assert posting.title == ""
    assert got.get("renewal") == "must"
    assert got.get("upsell") == "must"


def test_title_with_a_section_word_is_still_a_title() -> None:
    # "experience" names a required section, but this line is a job title.
    posting = parse_posting("Customer Experience Manager\n\nRequirements\n- Renewals\n")
    assert posting.title == "Customer Experience Manager"
    assert sections(posting) == [("required", 3)]
