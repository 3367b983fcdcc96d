"""Facts read out of account-manager bullets: figures, periods, segment, number tokens.

Every bullet here was written for these tests, modelled on how AM resumes
state their book, retention and expansion numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from amfit.facts import (
    KINDS,
    MEASURES,
    PERIOD_KINDS,
    RETENTION_TYPES,
    SEGMENTS,
    BulletFacts,
    Figure,
    Period,
    extract_facts,
    numbers_in,
    segment_of,
    words,
)
from amfit.resources import keywords_path

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def F(
    kind: str,
    text: str,
    value: float | None,
    measure: str = "other",
    rtype: str = "",
    *,
    high: float | None = None,
    noun: str | None = None,
    currency: str | None = None,
) -> dict:
    """An expected figure; ``noun`` and ``currency`` are checked only when given."""
    return {
        "kind": kind,
        "text": text,
        "value": value,
        "measure": measure,
        "retention_type": rtype,
        "high": high,
        "noun": noun,
        "currency": currency,
    }


def _actual(fig: Figure, want: dict) -> dict:
    got = {
        "kind": fig.kind,
        "text": fig.text,
        "value": fig.value,
        "measure": fig.measure,
        "retention_type": fig.retention_type,
        "high": fig.high,
        "noun": fig.noun if want["noun"] is not None else None,
        "currency": fig.currency if want["currency"] is not None else None,
    }
    return got


M = 1_000_000.0
K = 1_000.0

# (bullet, expected figures in order, expected periods as (text, kind))
CASES: list[tuple[str, list[dict], list[tuple[str, str]]]] = [
    # -- the book: dollars, account counts, segment ------------------------------------
    (
        "Managed a $6.2M book of 45 mid-market accounts with 97% gross revenue retention",
        [
            F("money", "$6.2M", 6.2 * M, "book", currency="$"),
            F("count", "45 mid-market accounts", 45, "book", noun="mid-market accounts"),
            F("percent", "97%", 97, "retention", "gross"),
        ],
        [],
    ),
    (
        "Carried a $3.9M ARR book across 15 strategic accounts and 3 Fortune 100 institutions",
        [
            F("money", "$3.9M", 3.9 * M, "book"),
            F("count", "15 strategic accounts", 15, "book", noun="strategic accounts"),
            F("count", "3 Fortune 100 institutions", 3, "book", noun="Fortune 100 institutions"),
        ],
        [],
    ),
    (
        "Owned renewals for 240 SMB accounts ($2.1M ARR), keeping gross logo retention at 93%",
        [
            F("count", "240 SMB accounts", 240, "book", noun="SMB accounts"),
            F("money", "$2.1M", 2.1 * M, "book"),
            F("percent", "93%", 93, "retention", "gross logo"),
        ],
        [],
    ),
    (
        "Averaged $84K ACV across a book of 40 mid-market customers",
        [
            F("money", "$84K", 84 * K, "book"),
            F("count", "40 mid-market customers", 40, "book"),
        ],
        [],
    ),
    (
        "Serviced a portfolio of 150 small business customers generating $1.8M in ARR",
        [
            F("count", "150 small business customers", 150, "book"),
            F("money", "$1.8M", 1.8 * M, "book"),
        ],
        [],
    ),
    (
        "Responsible for $25 million book across North America",
        [F("money", "$25 million", 25 * M, "book", currency="$")],
        [],
    ),
    (
        "Managed $12M in ARR across 8 key accounts in EMEA, H1 2024",
        [
            F("money", "$12M", 12 * M, "book"),
            F("count", "8 key accounts", 8, "book", noun="key accounts"),
        ],
        [("H1 2024", "other")],
    ),
    (
        "Built 12-month account plans for a dozen accounts, with 24/7 support",
        [F("count", "a dozen accounts", 12, "book", noun="accounts")],
        [("12-month", "month")],
    ),
    (
        "Managed two dozen customers worth $1.4 million in annual recurring revenue",
        [
            F("count", "two dozen customers", 24, "book", noun="customers"),
            F("money", "$1.4 million", 1.4 * M, "book"),
        ],
        [],
    ),
    (
        "Managed 2,000 SMB accounts with 5+ years of experience in SaaS",
        [F("count", "2,000 SMB accounts", 2000, "book")],
        [("5+ years", "multi_year")],
    ),
    (
        "Ran QBRs for 30+ accounts each quarter, multi-threading with 4-6 stakeholders per account",
        [
            F("count", "30+ accounts", 30, "book"),
            F("count", "4-6 stakeholders", 4, "other", high=6, noun="stakeholders"),
        ],
        [("each quarter", "quarter")],
    ),
    (
        "Covered 6-10 accounts per rep across 58 mid-market accounts",
        [
            F("count", "6-10 accounts", 6, "book", high=10),
            F("count", "58 mid-market accounts", 58, "book"),
        ],
        [],
    ),
    (
        "Managed a book of 85 accounts (avg $45K ACV) with 108% NRR and 96% GRR",
        [
            F("count", "85 accounts", 85, "book"),
            F("money", "$45K", 45 * K, "book"),
            F("percent", "108%", 108, "retention", "net"),
            F("percent", "96%", 96, "retention", "gross"),
        ],
        [],
    ),
    (
        "€2M book, £350k expansion, $1,250,000 renewal, $25K–$100K ACV",
        [
            F("money", "€2M", 2 * M, "book", currency="€"),
            F("money", "£350k", 350 * K, "expansion", currency="£"),
            F("money", "$1,250,000", 1_250_000, "retention", currency="$"),
            F("money", "$25K–$100K", 25 * K, "book", high=100 * K, currency="$"),
        ],
        [],
    ),
    (
        "Grew ARR from 3.1M to 4.2M",
        [
            F("money", "3.1M", 3.1 * M, "book", currency=""),
            F("money", "4.2M", 4.2 * M, "book", currency=""),
        ],
        [],
    ),
    (
        "Oversaw 1.4 million dollars in renewals for 11 hospitals",
        [
            F("money", "1.4 million dollars", 1.4 * M, "retention", currency="$"),
            F("count", "11 hospitals", 11, "book", noun="hospitals"),
        ],
        [],
    ),
    (
        "Managed 58 accounts in the Northeast region since 2019; promoted in 2021",
        [F("count", "58 accounts", 58, "book")],
        [("2019", "year"), ("2021", "year")],
    ),
    # -- retention, typed and untyped ------------------------------------------------------
    (
        "Grew NRR from 104% to 112% across 60 SMB accounts in FY24",
        [
            F("percent", "104%", 104, "retention", "net"),
            F("percent", "112%", 112, "retention", "net"),
            F("count", "60 SMB accounts", 60, "book"),
        ],
        [("FY24", "fiscal_year")],
    ),
    (
        "NRR of 112% and GRR of 94% on a $9.4M enterprise book",
        [
            F("percent", "112%", 112, "retention", "net"),
            F("percent", "94%", 94, "retention", "gross"),
            F("money", "$9.4M", 9.4 * M, "book"),
        ],
        [],
    ),
    (
        "Retention rose from 86% to 91% over two quarters",
        [
            F("percent", "86%", 86, "retention", ""),
            F("percent", "91%", 91, "retention", ""),
        ],
        [("over two quarters", "quarter")],
    ),
    (
        "Held a 95% retention rate while growing NRR to 110%",
        [
            F("percent", "95%", 95, "retention", ""),
            F("percent", "110%", 110, "retention", "net"),
        ],
        [],
    ),
    (
        "Achieved 97% gross and 112% net revenue retention",
        [
            F("percent", "97%", 97, "retention", "gross"),
            F("percent", "112%", 112, "retention", "net"),
        ],
        [],
    ),
    (
        "Improved gross retention from 88% to 94% and NRR to 115%",
        [
            F("percent", "88%", 88, "retention", "gross"),
            F("percent", "94%", 94, "retention", "gross"),
            F("percent", "115%", 115, "retention", "net"),
        ],
        [],
    ),
    (
        "Increased NDR to 121% and GDR to 95% in FY2024",
        [
            F("percent", "121%", 121, "retention", "net dollar"),
            F("percent", "95%", 95, "retention", "gross"),
        ],
        [("FY2024", "fiscal_year")],
    ),
    (
        "Delivered 135% NRR on an SMB book of 300+ accounts",
        [
            F("percent", "135%", 135, "retention", "net"),
            F("count", "300+ accounts", 300, "book"),
        ],
        [],
    ),
    (
        "Renewed 97% of ARR, 95% of logos, and closed 12 multi-year renewals",
        [
            F("percent", "97%", 97, "retention", ""),
            F("percent", "95%", 95, "retention", "logo"),
            F("count", "12 multi-year renewals", 12, "retention", noun="multi-year renewals"),
        ],
        [],
    ),
    (
        "Retained 92% of logos and 104% of revenue",
        [
            F("percent", "92%", 92, "retention", "logo"),
            F("percent", "104%", 104, "retention", ""),
        ],
        [],
    ),
    (
        "Maintained GRR above 95% for 3 years while managing 12 Global 2000 accounts",
        [
            F("percent", "95%", 95, "retention", "gross"),
            F("count", "12 Global 2000 accounts", 12, "book"),
        ],
        [("for 3 years", "multi_year")],
    ),
    (
        "Reduced logo churn from 9% to 4% and cut churn 12 percent",
        [
            F("percent", "9%", 9, "retention", "logo"),
            F("percent", "4%", 4, "retention", "logo"),
            F("percent", "12 percent", 12, "retention", ""),
        ],
        [],
    ),
    (
        "Reduced gross dollar churn to 3% annually",
        [F("percent", "3%", 3, "retention", "gross")],
        [("annually", "year")],
    ),
    (
        "Kept churn under 5% for 8 consecutive quarters",
        [F("percent", "5%", 5, "retention", "")],
        [("for 8 consecutive quarters", "quarter")],
    ),
    (
        "Achieved a 98% renewal rate across mid-market and enterprise segments",
        [F("percent", "98%", 98, "retention", "")],
        [],
    ),
    (
        "Renewal rate of 96% across 2022-2024",
        [F("percent", "96%", 96, "retention", "")],
        [("2022-2024", "multi_year")],
    ),
    (
        "Maintained 94% renewal rate on $5.5M of annual recurring revenue",
        [
            F("percent", "94%", 94, "retention", ""),
            F("money", "$5.5M", 5.5 * M, "retention"),
        ],
        [],
    ),
    (
        "Retained 45 of 48 at-risk accounts, saving $1.1M ARR",
        [
            F("count", "45", 45, "retention", noun="at-risk accounts"),
            F("count", "48 at-risk accounts", 48, "retention"),
            F("money", "$1.1M", 1.1 * M, "retention"),
        ],
        [],
    ),
    (
        "Protected $3.4M of at-risk ARR through health monitoring in Gainsight",
        [F("money", "$3.4M", 3.4 * M, "retention")],
        [],
    ),
    (
        "Recovered 3 churning accounts worth $450K",
        [
            F("count", "3 churning accounts", 3, "retention"),
            F("money", "$450K", 450 * K, "retention"),
        ],
        [],
    ),
    (
        "Retained 100% of strategic accounts through the 2020 downturn",
        [F("percent", "100%", 100, "retention", "")],
        [("2020", "year")],
    ),
    (
        "Negotiated 11 multi-year renewals worth $4.2M, averaging 3-year terms",
        [
            F("count", "11 multi-year renewals", 11, "retention"),
            F("money", "$4.2M", 4.2 * M, "retention"),
        ],
        [("3-year", "multi_year")],
    ),
    (
        "Renewal rate (logo) 91%; net dollar retention 117% in Q3 2024",
        [
            F("percent", "91%", 91, "retention", ""),
            F("percent", "117%", 117, "retention", "net dollar"),
        ],
        [("Q3 2024", "quarter")],
    ),
    # -- expansion ---------------------------------------------------------------------
    (
        "Upsold $400K-$1.2M expansion deals; cross-sold 3 modules per quarter",
        [
            F("money", "$400K-$1.2M", 400 * K, "expansion", high=1.2 * M),
            F("count", "3 modules", 3, "expansion", noun="modules"),
        ],
        [("per quarter", "quarter")],
    ),
    (
        "Added $84K ACV from existing customers via a module that fixed their ticket backlog",
        [F("money", "$84K", 84 * K, "expansion")],
        [],
    ),
    (
        "Grew expansion revenue 40% YoY to $2.3M by running QBRs with 12 executive sponsors",
        [
            F("percent", "40%", 40, "expansion"),
            F("money", "$2.3M", 2.3 * M, "expansion"),
            F("count", "12 executive sponsors", 12, "other"),
        ],
        [("YoY", "year")],
    ),
    (
        "Closed $2.3M in upsell and cross-sell across 30 enterprise clients over 18 months",
        [
            F("money", "$2.3M", 2.3 * M, "expansion"),
            F("count", "30 enterprise clients", 30, "book"),
        ],
        [("over 18 months", "month")],
    ),
    (
        "Expanded 12 accounts by $1.4M ARR over 3 years",
        [
            F("count", "12 accounts", 12, "expansion"),
            F("money", "$1.4M", 1.4 * M, "expansion"),
        ],
        [("over 3 years", "multi_year")],
    ),
    (
        "Drove $650K in expansion ARR (up 3x) from 20 existing clients",
        [
            F("money", "$650K", 650 * K, "expansion"),
            F("count", "20 existing clients", 20, "book"),
        ],
        [],
    ),
    (
        "Sold 6 modules worth $210K to existing customers in Q2 and Q3",
        [
            F("count", "6 modules", 6, "expansion"),
            F("money", "$210K", 210 * K, "expansion"),
        ],
        [("Q2", "quarter"), ("Q3", "quarter")],
    ),
    (
        "Drove 20-30% expansion YoY across four to six stakeholders per account",
        [
            F("percent", "20-30%", 20, "expansion", high=30),
            F("count", "four to six stakeholders", 4, "other", high=6),
        ],
        [("YoY", "year")],
    ),
    (
        "Grew account revenue 22% by cross-selling analytics to 9 of 14 hospitals",
        [
            F("percent", "22%", 22, "expansion"),
            F("count", "9", 9, "expansion", noun="hospitals"),
            F("count", "14 hospitals", 14, "book"),
        ],
        [],
    ),
    (
        "Cross-sold the time-and-attendance add-on to 62 of those customers",
        [F("count", "62 of those customers", 62, "expansion", noun="customers")],
        [],
    ),
    (
        "Reached 118%, 124% and 131% of annual new-business quota in three consecutive years",
        [
            F("percent", "118%", 118, "quota"),
            F("percent", "124%", 124, "quota"),
            F("percent", "131%", 131, "quota"),
        ],
        [("in three consecutive years", "multi_year")],
    ),
    (
        "Churned ARR in my book fell from $410K in FY2022 to $150K in FY2024",
        [
            F("money", "$410K", 410 * K, "retention"),
            F("money", "$150K", 150 * K, "retention"),
        ],
        [("FY2022", "fiscal_year"), ("FY2024", "fiscal_year")],
    ),
    (
        "Recovered a $190K account; NPS 62 (up from 38) within five business days",
        [
            F("money", "$190K", 190 * K, "retention"),
            F("score", "62", 62, "nps"),
            F("score", "38", 38, "nps"),
        ],
        [("within five business days", "other")],
    ),
    (
        "The renewal forecast landed within 3% of the committed number",
        [F("percent", "3%", 3, "other")],
        [],
    ),
    (
        "Closed 100% of Q4 renewals on time and 30% above target",
        [
            F("percent", "100%", 100, "retention"),
            F("percent", "30%", 30, "quota"),
        ],
        [("Q4", "quarter")],
    ),
    (
        "Achieved NPS of +52 and CSAT of 96% after a 6-month rollout",
        [F("score", "52", 52, "nps"), F("percent", "96%", 96, "csat")],
        [("6-month", "month")],
    ),
    (
        "Book: $4.2M ARR / 38 accounts / 104% NRR",
        [
            F("money", "$4.2M", 4.2 * M, "book"),
            F("count", "38 accounts", 38, "book"),
            F("percent", "104%", 104, "retention", "net"),
        ],
        [],
    ),
    (
        "Closed 14 upsell deals averaging $38K",
        [
            F("count", "14 upsell deals", 14, "expansion", noun="upsell deals"),
            F("money", "$38K", 38 * K, "expansion"),
        ],
        [],
    ),
    (
        "Upsold 9 accounts to the premium tier, adding $310K in ARR",
        [
            F("count", "9 accounts", 9, "expansion"),
            F("money", "$310K", 310 * K, "expansion"),
        ],
        [],
    ),
    (
        "Expanded wallet share by 25% with 5 Fortune 500 customers",
        [
            F("percent", "25%", 25, "expansion"),
            F("count", "5 Fortune 500 customers", 5, "book"),
        ],
        [],
    ),
    (
        "$2M+ in renewals; 40%+ expansion rate",
        [
            F("money", "$2M+", 2 * M, "retention"),
            F("percent", "40%+", 40, "expansion"),
        ],
        [],
    ),
    # -- NPS, CSAT, quota, other ---------------------------------------------------------
    (
        "Raised NPS from 21 to 44 and CSAT to 94% within 90 days",
        [
            F("score", "21", 21, "nps"),
            F("score", "44", 44, "nps"),
            F("percent", "94%", 94, "csat"),
        ],
        [("within 90 days", "other")],
    ),
    (
        "Increased CSAT from 4.2 to 4.7 and NPS by 18 points",
        [
            F("score", "4.2", 4.2, "csat"),
            F("score", "4.7", 4.7, "csat"),
            F("count", "18 points", 18, "nps"),
        ],
        [],
    ),
    (
        "Held a CSAT of 4.8/5 across 6-10 accounts; 3x expansion",
        [
            F("score", "4.8/5", 4.8, "csat"),
            F("count", "6-10 accounts", 6, "book", high=10),
        ],
        [],
    ),
    (
        "Handled 1,200 support tickets per month with a 4.7 CSAT",
        [
            F("count", "1,200 support tickets", 1200, "other"),
            F("score", "4.7", 4.7, "csat"),
        ],
        [("per month", "month")],
    ),
    (
        "Beat quota by 20% in Q3 2024 and hit 118% of annual target",
        [
            F("percent", "20%", 20, "quota"),
            F("percent", "118%", 118, "quota"),
        ],
        [("Q3 2024", "quarter")],
    ),
    (
        "Hit 124% of renewal quota and 110% of expansion target in FY23",
        [
            F("percent", "124%", 124, "quota"),
            F("percent", "110%", 110, "quota"),
        ],
        [("FY23", "fiscal_year")],
    ),
    (
        "Named to President's Club in 2022 and 2023 for 130% quota attainment",
        [F("percent", "130%", 130, "quota")],
        [("2022", "year"), ("2023", "year")],
    ),
    (
        "Ranked #1 of 40 AMs; President's Club 2023",
        [F("count", "40 AMs", 40, "other", noun="AMs")],
        [("2023", "year")],
    ),
    (
        "Lifted adoption 35% in two quarters and cut time-to-value to 30 days",
        [F("percent", "35%", 35, "other")],
        [("in two quarters", "quarter"), ("30 days", "other")],
    ),
    (
        "Saved client $300K annually in licensing costs",
        [F("money", "$300K", 300 * K, "other")],
        [("annually", "year")],
    ),
    (
        "Onboarded 25 new logos and added $1.2M net-new ARR",
        [
            F("count", "25 new logos", 25, "other"),
            F("money", "$1.2M", 1.2 * M, "other"),
        ],
        [],
    ),
    (
        "Generated $500K pipeline from 7 referrals",
        [
            F("money", "$500K", 500 * K, "other"),
            F("count", "7 referrals", 7, "other", noun="referrals"),
        ],
        [],
    ),
    (
        "Increased usage by 60% across 1.2K users",
        [
            F("percent", "60%", 60, "other"),
            F("count", "1.2K users", 1200, "other"),
        ],
        [],
    ),
    (
        "Delivered 4 quarterly business reviews per account per year",
        [F("count", "4 quarterly business reviews", 4, "other")],
        [("per year", "year")],
    ),
    (
        "In 2023 ran 3 EBRs a quarter for the 10 largest customers",
        [
            F("count", "3 EBRs", 3, "other"),
            F("count", "10 largest customers", 10, "book"),
        ],
        [("2023", "year"), ("a quarter", "quarter")],
    ),
    (
        "Hosted 2 annual customer advisory boards with 15 CIOs",
        [
            F("count", "2 annual customer advisory boards", 2, "other"),
            F("count", "15 CIOs", 15, "other"),
        ],
        [],
    ),
    (
        "Closed one multi-year renewal and twenty-five upsells in the first year",
        [
            F("count", "one multi-year renewal", 1, "retention"),
            F("count", "twenty-five upsells", 25, "expansion"),
        ],
        [("in the first year", "year")],
    ),
    (
        "Grew the book from 40 to 55 accounts between 20 and 30 percent faster than plan",
        [
            F("count", "40", 40, "book", noun="accounts"),
            F("count", "55 accounts", 55, "book"),
            F("percent", "20 and 30 percent", 20, "quota", high=30),
        ],
        [],
    ),
    (
        "Managed USD 2M across deals ranging from $25K to $100K, paid $5K/month",
        [
            F("money", "USD 2M", 2 * M, "book", currency="$"),
            F("money", "$25K to $100K", 25 * K, "book", high=100 * K),
            F("money", "$5K", 5 * K, "other"),
        ],
        [("/month", "month")],
    ),
    (
        "Secured $1-2M renewals quarter over quarter",
        [F("money", "$1-2M", 1 * M, "retention", high=2 * M)],
        [("quarter over quarter", "quarter")],
    ),
]


@pytest.mark.parametrize(("bullet", "figures", "periods"), CASES, ids=[c[0][:48] for c in CASES])
def test_bullet_facts(bullet: str, figures: list[dict], periods: list[tuple[str, str]]) -> None:
    facts = extract_facts(bullet)
    got = [_actual(f, want) for f, want in zip(facts.figures, figures, strict=False)]
    assert got == figures
    assert len(facts.figures) == len(figures)
    assert [(p.text, p.kind) for p in facts.periods] == periods


def test_case_table_is_large() -> None:
    assert len(CASES) >= 60


# -- things that are not figures -------------------------------------------------------


@pytest.mark.parametrize(
    "bullet",
    [
        "Drove adoption in Q3 and across FY24",
        "Built 12-month account plans for every named account",
        "Provided 24/7 coverage for escalations",
        "Grew expansion 3x through land-and-expand plays",
        "Ranked No. 1 in the region; Tier 1 support lead",
        "Joined in 2019 and promoted in 2021",
        "Led the COVID-19 response for B2B SaaS customers",
        "Held one-on-one check-ins with one of the top accounts",
        "Served Fortune 500 and Global 2000 clients",
        "Managed accounts for 3 years, within 90 days of onboarding",
        "Call 555-123-4567 or see ticket #4471",
        "Finished 1st of the 2nd cohort",
        "Version 2 rollout, Step 3 of the playbook",
        "Scheduled reviews on 3/15 and 6/30",
        "Worked 12-hour shifts in a 5-star hotel",
        "Responsible for client relationships and conducted QBRs",
    ],
)
def test_no_figures(bullet: str) -> None:
    facts = extract_facts(bullet)
    assert facts.figures == ()
    assert not facts.has_figure
    assert not facts.has_money


@pytest.mark.parametrize(
    ("bullet", "periods"),
    [
        ("Renewals closed per quarter grew QoQ", [("per quarter", "quarter"), ("QoQ", "quarter")]),
        ("ARR up 30% year over year", [("year over year", "year")]),
        ("ARR up 30% year-over-year", [("year-over-year", "year")]),
        ("Reported renewals monthly and MoM", [("monthly", "month"), ("MoM", "month")]),
        ("Grew the book over the past three years", [("over the past three years", "multi_year")]),
        ("Doubled seats in two quarters", [("in two quarters", "quarter")]),
        ("Closed the save within 90 days", [("within 90 days", "other")]),
        ("Ran quarterly business reviews", []),
        ("Tracked monthly recurring revenue", []),
        (
            "Hit plan in FY 2024 and fiscal 2025",
            [("FY 2024", "fiscal_year"), ("fiscal 2025", "fiscal_year")],
        ),
        ("Best quarter: Q4 FY24", [("Q4 FY24", "quarter")]),
        ("Two-year contracts, 18-month plans", [("Two-year", "multi_year"), ("18-month", "month")]),
        ("Renewed 40 accounts a year", [("a year", "year")]),
        ("$120K/yr in savings", [("/yr", "year")]),
        ("Top performer 2019–2023", [("2019–2023", "multi_year")]),
        ("Grew 12% in my first year", [("in my first year", "year")]),
    ],
)
def test_periods(bullet: str, periods: list[tuple[str, str]]) -> None:
    assert [(p.text, p.kind) for p in extract_facts(bullet).periods] == periods


# -- segment ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("Managed 240 SMB accounts", "smb"),
        ("Served small business owners", "smb"),
        ("Book of small and medium-sized businesses", "smb"),
        ("58 mid-market accounts", "mid-market"),
        ("Midmarket SaaS customers", "mid-market"),
        ("Mid market book", "mid-market"),
        ("Enterprise Account Manager", "enterprise"),
        ("Served Fortune 500 retailers", "enterprise"),
        ("12 Global 2000 accounts", "enterprise"),
        ("15 strategic accounts", "strategic"),
        ("Key Account Manager", "strategic"),
        ("Owned 6 key accounts in enterprise software", "strategic"),
        ("Strategic thinking and key stakeholders", ""),
        ("Account Manager", ""),
        ("", ""),
        ("SMB book, then enterprise, then more enterprise accounts", "enterprise"),
    ],
)
def test_segment_of(text: str, segment: str) -> None:
    assert segment_of(text) == segment
    assert segment in (*SEGMENTS, "")


def test_segment_from_bullet_beats_role_and_resume() -> None:
    facts = extract_facts(
        "Managed 58 mid-market accounts",
        role="Enterprise Account Manager",
        resume_text="SMB SMB SMB",
    )
    assert (facts.segment, facts.segment_source) == ("mid-market", "bullet")


def test_segment_from_role() -> None:
    facts = extract_facts("Grew NRR to 112%", role="Enterprise Account Manager", resume_text="SMB")
    assert (facts.segment, facts.segment_source) == ("enterprise", "role")


def test_segment_from_resume_is_most_frequent() -> None:
    resume = "SMB renewals.\nEnterprise deals.\nEnterprise book.\nEnterprise QBRs."
    facts = extract_facts("Grew NRR to 112%", role="Account Manager", resume_text=resume)
    assert (facts.segment, facts.segment_source) == ("enterprise", "resume")


def test_no_segment_anywhere() -> None:
    facts = extract_facts("Grew NRR to 112%", role="Account Manager", resume_text="no segment")
    assert (facts.segment, facts.segment_source) == ("", "")


# -- number tokens ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Managed a $6.2M book, 97% GRR", ("$6.2M", "97%")),
        ("40%+ expansion, 20-30% growth", ("40%", "20", "30%")),
        ("$1,250,000 in FY24 and Q3 2024", ("$1,250,000", "FY24", "Q3", "2024")),
        ("3x growth, 24/7 support, 12-month plans", ("3x", "24", "7", "12")),
        ("Ended 2019.", ("2019",)),
        ("€2M, £350k, $400K-$1.2M", ("€2M", "£350k", "$400K", "$1.2M")),
        ("B2B SaaS, H1 results, FY'24 plan", ("B2B", "H1", "FY'24")),
        ("1st place, 3.9 avg", ("1st", "3.9")),
        ("a dozen accounts and twelve renewals", ()),
        ("", ()),
        ("[N] [segment] accounts, [$X ARR], [Y]% GRR", ()),
    ],
)
def test_numbers_in(text: str, tokens: tuple[str, ...]) -> None:
    assert numbers_in(text) == tokens


def test_numbers_field_matches_numbers_in() -> None:
    text = "Grew NRR from 104% to 112% across 60 SMB accounts in FY24"
    assert extract_facts(text).numbers == numbers_in(text) == ("104%", "112%", "60", "FY24")


def test_rewrite_check_catches_an_invented_number() -> None:
    original = "Managed a dozen accounts and kept GRR at 95%"
    good = "Kept 95% gross revenue retention across a dozen [segment] accounts"
    bad = "Kept 95% gross revenue retention across 12 [segment] accounts"
    allowed = set(numbers_in(original))
    assert set(numbers_in(good)) <= allowed
    assert not set(numbers_in(bad)) <= allowed


# -- the BulletFacts helpers -----------------------------------------------------------


def test_by_measure_and_flags() -> None:
    facts = extract_facts("Managed a $6.2M book, 97% GRR and $400K in upsell")
    assert isinstance(facts, BulletFacts)
    assert [f.text for f in facts.by_measure("book")] == ["$6.2M"]
    assert [f.text for f in facts.by_measure("retention")] == ["97%"]
    assert [f.text for f in facts.by_measure("expansion")] == ["$400K"]
    assert facts.by_measure("nps") == ()
    assert facts.has_money and facts.has_figure


def test_percent_only_has_figure_but_no_money() -> None:
    facts = extract_facts("Held GRR at 95%")
    assert facts.has_figure and not facts.has_money


def test_retention_type_only_on_retention_figures() -> None:
    facts = extract_facts("Managed a $6.2M gross book and 97% gross revenue retention")
    book, retention = facts.figures
    assert (book.measure, book.retention_type) == ("book", "")
    assert (retention.measure, retention.retention_type) == ("retention", "gross")


@pytest.mark.parametrize(
    ("bullet", "rtype"),
    [
        ("Held 95% gross revenue retention", "gross"),
        ("Held 95% GRR", "gross"),
        ("Held 95% gross dollar retention", "gross"),
        ("Held 112% net revenue retention", "net"),
        ("Held 112% NRR", "net"),
        ("Held 118% NDR", "net dollar"),
        ("Held 118% net dollar retention", "net dollar"),
        ("Held 93% gross logo retention", "gross logo"),
        ("Held 93% logo retention", "logo"),
        ("Held 93% dollar retention", "dollar"),
        ("Held a 95% retention rate", ""),
        ("Held a 95% renewal rate", ""),
        ("Held 95% customer retention", ""),
    ],
)
def test_retention_types(bullet: str, rtype: str) -> None:
    (fig,) = extract_facts(bullet).figures
    assert fig.measure == "retention"
    assert fig.retention_type == rtype
    assert rtype in (*RETENTION_TYPES, "")


# -- properties ------------------------------------------------------------------------

_AM_PIECES = (
    "$6.2M",
    "$400K-$1.2M",
    "97%",
    "20–30%",
    "12 percent",
    "45 accounts",
    "a dozen",
    "four to six",
    "from",
    "to",
    "of",
    "and",
    "between",
    " NRR",
    " gross",
    " retention",
    " upsell",
    " quota",
    " NPS",
    "FY24",
    "Q3 2024",
    "over 3 years",
    "12-month",
    "24/7",
    "Fortune 500",
    "4.8/5",
    "1,250,000",
    "million dollars",
    ", ",
    "; ",
    " ",
)
AM_TEXT = st.lists(st.one_of(st.sampled_from(_AM_PIECES), st.text(max_size=6)), max_size=30).map(
    "".join
)
ANY_TEXT = st.one_of(st.text(), AM_TEXT)
_NUMBER_WORD_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|dozen)\b",
    re.IGNORECASE,
)


@pytest.mark.slow
@SETTINGS
@given(ANY_TEXT, st.text(max_size=30), st.text(max_size=60))
@example("$400K-$1.2M from 86% to 91% and 4.8/5 CSAT", "", "")
@example("12 percent of 45 accounts", "Enterprise Account Manager", "")
def test_extract_facts_never_raises_and_spans_trace_back(text: str, role: str, resume: str) -> None:
    facts = extract_facts(text, role=role, resume_text=resume)
    assert facts.text == text
    previous_end = 0
    for fig in facts.figures:
        assert text[fig.start : fig.end] == fig.text
        assert fig.start >= previous_end  # in order, not overlapping
        previous_end = fig.end
        assert set(fig.text) <= set(text)
        assert fig.kind in KINDS
        assert fig.measure in MEASURES
        assert fig.retention_type in (*RETENTION_TYPES, "")
        assert fig.retention_type == "" or fig.measure == "retention"
        assert fig.currency in ("$", "€", "£", "")
        assert (fig.noun != "") == (fig.kind == "count")
        if fig.high is not None:
            assert fig.value is not None and fig.value <= fig.high
    for period in facts.periods:
        assert isinstance(period, Period)
        assert text[period.start : period.end] == period.text
        assert period.kind in PERIOD_KINDS
    assert facts.segment in (*SEGMENTS, "")
    assert (facts.segment == "") == (facts.segment_source == "")
    assert facts.numbers == numbers_in(text)


@SETTINGS
@given(ANY_TEXT)
def test_number_tokens_are_substrings_with_a_digit(text: str) -> None:
    for token in numbers_in(text):
        assert token in text
        assert any(ch in "0123456789" for ch in token)


@SETTINGS
@given(st.text())
def test_no_digits_and_no_number_words_means_no_numbers(text: str) -> None:
    text = "".join(ch for ch in text if ch not in "0123456789")
    text = _NUMBER_WORD_RE.sub(" ", text)
    assert numbers_in(text) == ()
    assert extract_facts(text).figures == ()


def test_the_word_sets_come_from_the_shipped_data_file_and_every_list_is_used() -> None:
    assert words.FILE.path == str(keywords_path("facts.toml"))
    source = Path(words.__file__).read_text(encoding="utf-8")
    unused = [
        name
        for name in words.FILE.lists
        if f'"{name}"' not in source and not name.startswith("acronym_heads_")
    ]
    assert unused == []
    assert words.ACRONYM_HEADS["CSM"] == "other" and words.ACRONYM_HEADS["OEM"] == "account"
    assert words.WORD_VALUES["twenty"] == 20.0 and words.WORD_VALUES["ninety"] == 90.0
