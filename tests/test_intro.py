"""Text above the first heading: duties unless company description."""

from __future__ import annotations

import pytest

from amfit.fit.scorer import default_scorer
from amfit.posting import intro_reading


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("You will own a book of 40 mid-market accounts.", "duties"),
        ("The Account Manager is responsible for renewals and upsell.", "duties"),
        ("Directors work closely with the client services team.", "duties"),
        ("Own the renewal of every account in your region.", "duties"),
        ("We are looking for a Customer Success Manager to join us.", "duties"),
        ("Acme is a scheduling platform for clinics.", "company"),
        ("Contoso Labs helps 2,000 retailers plan stock.", "company"),
        ("[Fabrikam](https://example.com) was founded in 2016.", "company"),
        ("Our customers love the product.", "company"),
        ("We have raised $20M from leading investors.", "company"),
        ("Health insurance and a home-office budget are part of our benefits.", "company"),
        ("Renewals and expansion across the enterprise segment.", ""),
    ],
)
def test_intro_sentence_reading(sentence: str, reading: str) -> None:
    assert intro_reading(sentence) == reading


def test_words_before_an_opening_are_read_as_the_company() -> None:
    sentence = "Acme is a B2B SaaS company looking for a manager to grow enterprise accounts."
    assert intro_reading(sentence, sentence.index("B2B")) == "company"
    assert intro_reading(sentence, sentence.index("enterprise")) == "duties"


POSTING = """Customer Success Manager

Northwind is a payroll platform trusted by 5,000 companies. Our customers
renew at 95% and our net revenue retention is 120%.

You will own the onboarding of new customers and run quarterly business reviews.

Requirements

- 3+ years in customer success
- Salesforce, ideally
"""


def test_intro_duties_are_asks_and_company_text_is_not() -> None:
    keywords = {k.id: k for k in default_scorer().analyze_posting(POSTING).keywords}
    assert keywords["onboarding"].tier == "must"
    assert keywords["onboarding"].tier_reason == "asked in line 6"
    assert keywords["qbr"].tier == "must"
    # The company's own retention figures are company description.
    assert "net_revenue_retention" not in keywords
    assert "renewal" not in keywords


def test_a_headed_section_decides_over_the_intro() -> None:
    text = POSTING.replace(
        "- Salesforce, ideally", "\nNice to have\n\n- Experience onboarding new customers"
    )
    keywords = {k.id: k for k in default_scorer().analyze_posting(text).keywords}
    assert keywords["onboarding"].tier == "nice"
