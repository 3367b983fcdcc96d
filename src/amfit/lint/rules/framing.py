"""AM4xx: framing and language (duties, service framing, clichés, metrics)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import words
from ..base import BulletContext, Examples, Finding, ResumeContext, Rule, Severity, register
from ..shape import duty_quote, result_quote


def duty_opener(text: str) -> str:
    """The words that make a bullet a duty (:func:`amfit.lint.shape.duty_quote`)."""
    return duty_quote(text)


def has_result(ctx: BulletContext) -> bool:
    """Whether the bullet reports a result (:func:`amfit.lint.shape.result_quote`)."""
    return bool(result_quote(ctx))


@register
class DutyWithoutResult(Rule):
    """Flags a bullet that describes a duty and no result.

    ## What it does
    Fires when a bullet is written as a duty and reports no result. A duty
    is a duty phrase in its first words ("Responsible for", "In charge
    of"), a first verb in the job-description voice in any tense the verb
    lexicon knows ("Manage", "Manages", "Managing"), the past of a duty
    verb ("Handled", "Worked with", "Managed"), or a bare label of
    activities ("Reporting & Research"). A result is an outcome verb used
    as a verb ("renewed", "cut"; "to increase" is intent), a result phrase
    ("resulting in"), or a figure about the customer or revenue: a count of
    people ("40+ team members") or of accounts ("135 customers") is scope,
    not a result.

    ## Why is this bad?
    A job description says what the seat does; a resume has to say what
    the writer achieved in it. Duty bullets are the first thing a reader
    skims past.

    ## Example
    Responsible for managing client relationships and conducting QBRs.

    ## Use instead
    Ran QBRs for [N] [segment] accounts ([$X ARR]); [result: renewal saved,
    [Y]% gross revenue retention, [$E] expansion].

    ## Source
    DOMAIN.md section 4 (duty, not result).
    """

    code = "AM401"
    name = "duty-without-result"
    severity = Severity.warning
    hint = "lead with what changed: a retention, expansion or saved-renewal result"
    examples = Examples(
        flag=(
            "Responsible for managing client relationships",
            "Conducted QBRs with key customers",
            "Handled renewals for the East region",
            "Manage and coach a team of 40+ team members across two sites",
            "Drive adoption and retention across the mid-market segment",
            "Handling enquiries from 135 customers by phone and email",
            "Managed the onboarding calendar for new clients",
            "Supports the regional sales team with weekly reporting",
            "Work closely with product to scope integration requests",
            "Quarterly reporting & account research",
            "Office manager in charge of vendor contracts and facilities",
            "Recommend improved onboarding materials to clients",
            "Partner with marketing to increase event attendance",
        ),
        passes=(
            "Responsible for 40 accounts and renewed 38 of them",
            "Conducted QBRs that surfaced $90K of expansion",
            "Renewed the three largest contracts early at a 5% uplift",
            "Managed 22 distributor accounts and grew their reorder rate",
            "Coached two associates, resulting in both being promoted",
            "Launched 5 partner webinars in one quarter",
            "Negotiate annual renewals worth $1.1M each spring",
            "Built a renewal tracker in Airtable for the whole team",
            "Key Skills: Salesforce, Gainsight, negotiation",
            "Client Focus - Builds trust with every stakeholder",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        duty = duty_opener(ctx.text)
        if duty and not has_result(ctx):
            yield self.finding(f'"{duty}" describes a duty with no result', ctx.line, duty)


#: Figures that make a bullet about an account outcome, not service work.
OUTCOME_MEASURES = ("retention", "expansion", "book", "nps", "csat")


@register
class ServiceFraming(Rule):
    """Flags a bullet about tickets or complaints with no commercial result.

    ## What it does
    Fires when a bullet is about tickets, issues, escalations, complaints or
    support requests and names no commercial result (a renewal, a save,
    retention, expansion, revenue).

    ## Why is this bad?
    Account management is a commercial seat. Ticket counts read as support
    work; the same work told as commercial recovery ("a save that renewed")
    reads as account management.

    ## Example
    Resolved customer escalations and support tickets within SLA.

    ## Use instead
    Turned [N] escalations on at-risk accounts into renewals ([$X ARR]
    saved) by [method].

    ## Source
    DOMAIN.md section 4 (customer-service framing instead of commercial
    recovery).
    """

    code = "AM402"
    name = "service-framing"
    severity = Severity.info
    hint = "tie it to the account: the renewal saved or the expansion it led to"
    examples = Examples(
        flag=(
            "Resolved customer escalations and support tickets within SLA",
            "Handled 40 complaints a week from enterprise clients",
            "Answered inquiries about billing issues",
            "Provide technical support to store staff",
            "Logged and closed incidents for the retail estate",
            "Took calls from members about billing information",
            "Kept first call resolution and handle time above target",
            "Answer customer questions and concerns by chat",
        ),
        passes=(
            "Raised NPS from 21 to 44 by taking the top three complaints to product",
            "Turned 6 escalations on at-risk accounts into renewals ($420K ARR saved)",
            "Cut ticket volume 40%, and the account renewed for three years",
            "Managed 30 accounts ($2M ARR)",
            "Provided integration support during the platform launch",
            "Resolved scope conflicts with the design agency",
            "Expert in our billing system and its reports",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        service = words.find("service_words", ctx.text)
        outcome = any(ctx.facts.by_measure(m) for m in OUTCOME_MEASURES)
        if service and not outcome and not words.find("commercial_words", ctx.text):
            q = service.group(0)
            yield self.finding(f'"{q}" is service work with no commercial result', ctx.line, q)


@register
class Cliche(Rule):
    """Flags phrases that read as generated ("results-driven", "proven track record").

    ## What it does
    Fires on each phrase from the cliché list in `keywords/lint.toml`:
    "results-driven", "proven track record", "passionate about",
    "relationship-builder", "go-getter" and others.

    ## Why is this bad?
    These phrases claim a quality instead of showing it, and hiring managers
    now read them as machine-written filler. Each takes the place of a fact.

    ## Example
    Results-driven relationship-builder with a proven track record of upsell.

    ## Use instead
    The fact behind the claim: "Added [$E] expansion across [N] accounts in
    [period]".

    ## Source
    DOMAIN.md section 4 (clichés that read as generated) and section 5.
    """

    code = "AM403"
    name = "cliche"
    severity = Severity.warning
    hint = "replace the phrase with the fact behind it"
    examples = Examples(
        flag=(
            "Results-driven account manager with a passion for clients",
            "Proven track record of driving upsell and cross-sell",
            "Passionate about building relationships",
            "A natural relationship-builder and go-getter",
        ),
        passes=(
            "Renewed 38 of 40 accounts ($3M ARR) in FY24",
            "Built relationships with 4-6 stakeholders per account",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        seen: set[str] = set()
        for m in words.find_all("cliches", ctx.text):
            phrase = m.group(0)
            if phrase.lower() in seen:
                continue
            seen.add(phrase.lower())
            yield self.finding(f'"{phrase}" is a cliché', ctx.line, phrase)


_DIGIT = re.compile(r"\d")


@register
class NoMetric(Rule):
    """Flags a bullet with no figure at all.

    ## What it does
    Fires when a bullet holds no number: no dollar amount, percentage,
    count or period.

    ## Why is this bad?
    Numbers are what make an AM bullet checkable: book size, retention,
    expansion, NPS, cadence. A bullet with none cannot be compared with
    anything, and an ATS-screened reader skims it.

    ## Example
    Built strong relationships with customers.

    ## Use instead
    Built relationships with [N] stakeholders per account across [N]
    [segment] accounts, [result with a figure].

    ## Source
    DOMAIN.md section 3 (numbers, and what makes them believable).
    """

    code = "AM404"
    name = "no-metric"
    severity = Severity.info
    hint = "add the figure: accounts, ARR, retention, expansion or cadence"
    examples = Examples(
        flag=(
            "Built strong relationships with customers",
            "Managed renewals and upsell",
            "Worked with product on the roadmap",
        ),
        passes=(
            "Managed 40 renewals a quarter",
            "Lifted NPS from 21 to 44",
            "Renewed a dozen accounts early",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        if not ctx.facts.has_figure and not ctx.facts.numbers and not _DIGIT.search(ctx.text):
            yield self.finding("no figure at all (accounts, ARR, %, count)", ctx.line)


@register
class SingleThreaded(Rule):
    """Flags a resume that never shows more than one relationship per account.

    ## What it does
    A resume-level check (preview): fires when no bullet mentions
    stakeholders, multi-threading, an executive sponsor, the C-suite, an EBR
    or champions.

    ## Why is this bad?
    Single-threaded accounts are the classic churn risk: when the one
    champion leaves, the renewal goes with them. Senior AM roles ask for
    multi-threaded relationships up to the C-suite.

    ## Known problems
    Preview: a resume can show multi-threading in words this list lacks.

    ## Example
    A resume whose relationship bullets all say "my main contact".

    ## Use instead
    "Multi-threaded [N] accounts to [N] stakeholders each, with an executive
    sponsor in [role]".

    ## Source
    DOMAIN.md sections 2, 4 and 6 (multi-threaded relationships up to the
    C-suite; single-threaded relationships as a weak pattern).
    """

    code = "AM405"
    name = "single-threaded-relationships"
    severity = Severity.info
    status = "preview"
    scope = "resume"
    hint = "show multi-threading: stakeholders per account, an executive sponsor"
    examples = Examples(
        flag=("- Managed 40 accounts ($3M ARR) through my main contact at each\n",),
        passes=("- Multi-threaded 12 accounts to 4-6 stakeholders each, up to the CFO\n",),
    )

    def check_resume(self, ctx: ResumeContext) -> Iterable[Finding]:
        if ctx.bullets and not any(words.find("multithread_words", b.text) for b in ctx.bullets):
            yield self.finding("no bullet shows more than one relationship per account", None)
