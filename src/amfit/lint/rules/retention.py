"""AM2xx: retention figures (gross / net, plausibility)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ...resources import data_path, parse_toml
from ..base import BulletContext, Examples, Finding, ResumeContext, Rule, Severity, register

TYPE_WORDS = re.compile(r"\b(gross|net|logo|dollar|GRR|NRR|NDR|NDRR|GDR|NRR)\b", re.IGNORECASE)


@cache
def benchmarks() -> dict:
    return parse_toml(data_path("benchmarks.toml").read_text(encoding="utf-8"))


def nrr_band(segment: str) -> dict:
    table = benchmarks()["nrr"]
    return table.get(segment or "unknown", table["unknown"])


@register
class RetentionTypeMissing(Rule):
    """Flags a retention or renewal percentage that says neither gross nor net.

    ## What it does
    Fires when a bullet states a retention or renewal-rate percentage and
    nowhere says gross or net, logo or dollar (GRR, NRR, NDR).

    ## Why is this bad?
    A bare "retention rate" is the most common weak claim on AM resumes:
    95% gross revenue retention is excellent, 95% net revenue retention is
    below the median of every segment. The reader cannot tell which.

    ## Example
    Achieved a 95% retention rate across my accounts.

    ## Use instead
    Held [Y]% gross revenue retention and [Z]% NRR across [N] [segment]
    accounts ([$X ARR]).

    ## Source
    DOMAIN.md section 3 (GRR versus NRR; a bare retention rate is the most
    common weak claim).
    """

    code = "AM201"
    name = "retention-type-missing"
    severity = Severity.warning
    hint = "say which: [Y]% gross revenue retention, [Z]% NRR (logo or dollar)"
    examples = Examples(
        flag=(
            "Achieved a 95% retention rate across my accounts",
            "Kept renewal rate at 92% for two years",
            "Improved customer retention from 85% to 93%",
        ),
        passes=(
            "Held 94% gross revenue retention and 112% NRR",
            "Grew NRR to 108% on a $4M mid-market book",
            "Kept gross logo retention at 96% on a renewals queue",
            "Ran 40 QBRs a year with executive sponsors",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        figures = [f for f in ctx.facts.by_measure("retention") if f.kind == "percent"]
        if figures and not TYPE_WORDS.search(ctx.text):
            quote = figures[0].text
            yield self.finding(f'"{quote}" retention says neither gross nor net', ctx.line, quote)


@register
class RetentionImplausibleForSegment(Rule):
    """Flags a net retention figure far above its segment's band.

    ## What it does
    Fires when a net revenue retention figure is above the threshold for
    the book's segment in `data/benchmarks.toml` (SMB 120%, mid-market 130%,
    enterprise 150%; 160% when no segment is stated). The segment comes
    from the bullet, else its role, else the resume.

    ## Why is this bad?
    Median NRR is about 97% for SMB, 108% for mid-market and 118% for
    enterprise; 120-125% is best in class. A figure far above its band
    (135-140% NRR on an SMB book is the standard example) reads as invented
    and costs the whole resume its credibility.

    ## Example
    Drove 138% net revenue retention across 300 SMB accounts.

    ## Use instead
    State the real figure with its basis: "[Z]% NRR across [N] SMB accounts
    ([$X ARR]), [period]"; if a few accounts drove a high figure, say so.

    ## Source
    DigitalApplied SaaS benchmark, May 2026 (segment medians); KeyBanc 2025
    SaaS survey (best in class 120-125%); DOMAIN.md section 3.
    """

    code = "AM202"
    name = "retention-implausible-for-segment"
    severity = Severity.warning
    hint = "state the real NRR with its segment and period; explain an outlier"
    examples = Examples(
        flag=(
            "Drove 138% net revenue retention across 300 SMB accounts",
            "Grew NRR to 135% on a small-business book of 400 accounts",
            "Delivered 145% NRR for 60 mid-market customers",
        ),
        passes=(
            "Held 99% NRR across 250 SMB accounts",
            "Delivered 112% NRR for 60 mid-market customers",
            "Grew NRR to 124% across 8 enterprise accounts",
            "Kept 96% gross revenue retention across 300 SMB accounts",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        band = nrr_band(ctx.facts.segment)
        for f in ctx.facts.by_measure("retention"):
            if f.kind != "percent" or "net" not in f.retention_type or f.value is None:
                continue
            value = f.high if f.high is not None else f.value
            if value > band["implausible_above"]:
                segment = ctx.facts.segment or "unstated-segment"
                yield self.finding(
                    f'"{f.text}" net retention is far above the {segment} band '
                    f"(median about {band['median']}%, flagged above "
                    f"{band['implausible_above']}%)",
                    ctx.line,
                    f.text,
                )


@register
class GrossRetentionOver100(Rule):
    """Flags a gross (or logo) retention figure above 100%.

    ## What it does
    Fires when a gross revenue retention or logo retention figure is above
    100%.

    ## Why is this bad?
    Gross retention counts only revenue (or logos) kept from existing
    customers, with no expansion: it cannot exceed 100%. A figure above it
    shows the writer confused gross with net, and a reader who knows the
    difference stops trusting the other numbers.

    ## Example
    Held 104% gross revenue retention on a $3M book.

    ## Use instead
    Held [Y]% gross revenue retention and 104% NRR on a $3M book (if 104%
    was the net figure).

    ## Source
    DOMAIN.md section 3: GRR measures revenue kept from existing customers
    only; NRR adds expansion.
    """

    code = "AM203"
    name = "gross-retention-over-100"
    severity = Severity.error
    hint = "gross and logo retention cannot pass 100%: was it NRR?"
    examples = Examples(
        flag=(
            "Held 104% gross revenue retention on a $3M book",
            "Gross logo retention of 103% across 90 accounts",
            "Achieved 101% GRR in FY24",
        ),
        passes=(
            "Held 96% gross revenue retention and 104% NRR on a $3M book",
            "Gross logo retention of 98% across 90 accounts",
            "Grew net revenue retention to 110%",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        limit = benchmarks()["gross"]["maximum"]
        for f in ctx.facts.by_measure("retention"):
            kind = f.retention_type
            gross = "gross" in kind or kind == "logo"
            value = f.high if f.high is not None else f.value
            if f.kind == "percent" and gross and value is not None and value > limit:
                yield self.finding(
                    f'"{f.text}" {kind} retention cannot exceed {limit}%', ctx.line, f.text
                )


@register
class GrossAndNetNeverBoth(Rule):
    """Flags a resume that states retention but never both gross and net.

    ## What it does
    A resume-level check: fires when bullets give retention figures but the
    resume never states both a gross (or logo) and a net figure.

    ## Why is this bad?
    GRR shows how much of the book was kept; NRR shows whether expansion
    outgrew churn. A mid-level AM resume is expected to show both; either
    alone hides half of the story (a 115% NRR can sit on a leaking 80% GRR).

    ## Example
    A resume whose only retention figure is "112% NRR".

    ## Use instead
    "[Y]% gross revenue retention and 112% NRR" in the bullet about the book.

    ## Source
    DOMAIN.md sections 3 and 6 (mid-level: both gross and net retention).
    """

    code = "AM204"
    name = "gross-and-net-not-both-stated"
    severity = Severity.info
    scope = "resume"
    hint = "state both: [Y]% gross revenue retention and [Z]% NRR"
    examples = Examples(
        flag=(
            "- Grew NRR to 112% on a $4M book\n",
            "- Held 95% gross revenue retention across 40 accounts\n",
        ),
        passes=(
            "- Held 95% gross revenue retention and 112% NRR on a $4M book\n",
            "- Managed 40 accounts ($3M ARR)\n",
        ),
    )

    def check_resume(self, ctx: ResumeContext) -> Iterable[Finding]:
        kinds = {
            f.retention_type
            for b in ctx.bullets
            for f in b.facts.by_measure("retention")
            if f.kind == "percent"
        }
        if not kinds:
            return
        gross = any("gross" in k or k == "logo" for k in kinds)
        net = any("net" in k for k in kinds)
        if not (gross and net):
            missing = "net" if gross else "gross" if net else "gross and net"
            yield self.finding(f"retention is never stated as {missing}", None)
