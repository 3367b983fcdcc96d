"""AM3xx: expansion (upsell, cross-sell, growing accounts)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import words
from ..base import BulletContext, Examples, Finding, ResumeContext, Rule, Severity, register


def expansion_quote(text: str) -> str:
    m = words.find("expansion_words", text)
    return m.group(0) if m else ""


def has_expansion_figure(ctx: BulletContext) -> bool:
    facts = ctx.facts
    return facts.has_money or any(f.kind == "percent" for f in facts.figures)


@register
class ExpansionWithoutFigure(Rule):
    """Flags expansion (upsell, cross-sell, growing accounts) with no figure.

    ## What it does
    Fires when a bullet speaks of upselling, cross-selling, expansion or
    growing accounts and gives no dollar or percentage figure.

    ## Why is this bad?
    Expansion revenue closed ranks third among what hiring managers look for
    on an AM resume, after NRR and gross retention. "Upsold additional
    products" says the writer did it, not whether it mattered.

    ## Example
    Upsold additional products to existing customers.

    ## Use instead
    Upsold [product] to [N] existing customers, adding [$E] expansion
    ([Z]% of the book's ARR).

    ## Source
    DOMAIN.md section 3 (ranking of AM resume facts) and section 4
    (expansion without a figure).
    """

    code = "AM301"
    name = "expansion-without-figure"
    severity = Severity.warning
    hint = "give the figure: [$E] expansion, or [Z]% account growth"
    examples = Examples(
        flag=(
            "Upsold additional products to existing customers",
            "Drove cross-sell of the analytics add-on across my book",
            "Identified expansion opportunities in key accounts",
        ),
        passes=(
            "Upsold the analytics module to 14 customers, adding $220K ARR",
            "Grew the Acme account 35% by cross-selling payroll",
            "Ran quarterly business reviews for 20 accounts",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        quote = expansion_quote(ctx.text)
        if quote and not has_expansion_figure(ctx):
            yield self.finding(f'"{quote}" has no dollar or percentage figure', ctx.line, quote)


@register
class ExpansionFramedAsQuota(Rule):
    """Flags expansion told as the writer's quota instead of the customer's outcome.

    ## What it does
    Fires when a bullet about expansion speaks of quota, "my number",
    attainment or "upsold them $X" and says nothing of what the customer
    got (a problem solved, a workflow fixed, a renewal saved).

    ## Why is this bad?
    An account manager is hired to grow accounts by making customers
    better off; a quota story reads as an Account Executive's. The test:
    delete the dollar figure; if the customer would no longer be glad, the
    bullet is a quota story.

    ## Example
    Upsold them $40K and beat my quota by 120%.

    ## Use instead
    A QBR showed [customer's problem]; the [module] that fixed it added
    $40K and [customer outcome, e.g. the renewal was safe].

    ## Source
    DOMAIN.md section 4 (expansion told as quota, with the delete-the-figure
    test).
    """

    code = "AM302"
    name = "expansion-framed-as-quota"
    severity = Severity.warning
    hint = "tell the customer's outcome: the problem the expansion solved"
    examples = Examples(
        flag=(
            "Upsold them $40K and beat my quota by 120%",
            "Exceeded upsell quota at 135% attainment for FY24",
            "Cross-sold $300K in add-ons, finishing #1 on the team's number",
        ),
        passes=(
            "A QBR showed their tickets traced to one workflow; the module that fixed it "
            "added $40K and the renewal was safe",
            "Upsold the analytics add-on to 12 accounts ($180K) after usage reviews showed "
            "their teams exporting data by hand",
            "Beat my quota by 120% on new-logo deals",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        expansion = expansion_quote(ctx.text)
        quota = words.find("quota_words", ctx.text) or _team_number(ctx.text)
        if expansion and quota and not words.find("customer_outcome_words", ctx.text):
            q = quota.group(0)
            yield self.finding(
                f'"{expansion}" is told as quota ("{q}") with no customer outcome', ctx.line, q
            )


def _team_number(text: str):  # type: ignore[no-untyped-def]
    import re

    return re.search(r"\b(?:team'?s|my|the) number\b", text, re.IGNORECASE)


@register
class NoExpansionStory(Rule):
    """Flags a resume with no expansion figure anywhere.

    ## What it does
    A resume-level check: fires when no bullet gives a figure for expansion
    (a dollar amount or percentage next to upsell, cross-sell or expansion).

    ## Why is this bad?
    Expansion is what separates an account manager from a renewals clerk:
    at $50-100M ARR it is about 58% of new ARR, above $100M about 67%. A
    mid-level AM resume is expected to hold at least one expansion story.

    ## Example
    A resume that speaks only of renewals, QBRs and relationships.

    ## Use instead
    One bullet per role with an expansion told as the customer's outcome:
    "[problem] surfaced in a QBR; [module] fixed it and added [$E]".

    ## Source
    DOMAIN.md section 3 (expansion as the growth engine) and section 6
    (mid-level: one expansion story).
    """

    code = "AM303"
    name = "expansion-story-missing"
    severity = Severity.info
    scope = "resume"
    hint = "add one expansion story with its figure, told as the customer's outcome"
    examples = Examples(
        flag=("- Managed 40 accounts ($3M ARR)\n- Ran QBRs with every account\n",),
        passes=("- Upsold reporting to 9 accounts, adding $120K ARR\n",),
    )

    def check_resume(self, ctx: ResumeContext) -> Iterable[Finding]:
        for b in ctx.bullets:
            if expansion_quote(b.text) and has_expansion_figure(b):
                return
            if b.facts.by_measure("expansion"):
                return
        if ctx.bullets:
            yield self.finding("no bullet gives an expansion figure", None)


_FROM_TO = re.compile(r"\bfrom\s+\S+\s+to\b|\bto\s+\$?\d[\d,.]*[kKmM]?\s+(?:from|up from)\b", re.I)


def growth_without_base(ctx: BulletContext) -> str:
    """The growth percentage a bullet gives with no base or book, or ""."""
    if ctx.facts.has_money or _FROM_TO.search(ctx.text):
        return ""
    if any(
        f.kind == "count" and not f.noun.lower().startswith(("year", "month", "quarter"))
        for f in ctx.facts.figures
    ):
        return ""
    if words.find("quota_words", ctx.text):
        return ""
    for fig in ctx.facts.figures:
        if fig.kind != "percent" or fig.measure == "retention":
            continue
        if re.match(r"\s+of\b", ctx.text[fig.end :]):  # a share or attainment: "130% of target"
            continue
        head = ctx.text[: fig.start]
        before = head[max(head.rfind(". "), head.rfind(";"), 0) :]
        after = ctx.text[fig.end : fig.end + 25]
        if words.find("growth_words", before) or words.find("growth_words", after):
            return fig.text
    return ""


@register
class GrowthWithoutBase(Rule):
    """Flags a growth percentage with no base, book or dollar figure behind it.

    ## What it does
    Fires when a bullet claims growth as a percentage ("grew portfolio
    sales by 400%", "increased revenue 250%") and gives nothing to size it
    by: no dollar figure, no "from X to Y", no count of accounts or deals.
    Retention rates and attainment of a quota or target are left to the
    retention and quota rules.

    ## Why is this bad?
    A percentage without a base cannot be judged: 400% growth of a $5K
    account is $20K, of a $2M book it is a career. Hiring managers read an
    unsized big percentage as small or invented, and it costs the other
    numbers their credibility.

    ## Example
    Grew portfolio sales by 400% in two years.

    ## Use instead
    Grew portfolio sales from [$X] to [$Y] (400%) across [N] accounts in two
    years.

    ## Source
    DOMAIN.md section 3 (numbers, and what makes them believable: a figure
    with its base and period).
    """

    code = "AM304"
    name = "growth-figure-without-base"
    severity = Severity.warning
    hint = "give the base: from [$X] to [$Y], or across [N] accounts ([$X ARR])"
    examples = Examples(
        flag=(
            "Grew portfolio sales by 400% in two years",
            "Increased regional revenue by over 250%",
            "Boosted webinar sign-ups 80% through a new email sequence",
            "Delivered 35% revenue growth for the partner channel",
        ),
        passes=(
            "Grew portfolio sales from $400K to $1.6M (400%) in two years",
            "Increased revenue 250% across 14 franchise accounts",
            "Achieved 130% of the annual growth target",
            "Held 96% gross revenue retention across the book",
            "Cut onboarding time by 40%",
            "Grew webinar sign-ups from 50 to 90 a month",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        quote = growth_without_base(ctx)
        if quote:
            yield self.finding(
                f'"{quote}" growth has no base: from what, or of what book?', ctx.line, quote
            )
