"""AM1xx: the book of business (accounts, ARR, segment)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import words
from ..base import BulletContext, Examples, Finding, ResumeContext, Rule, Severity, register

ACCOUNT_NOUNS = ("account", "client", "customer", "logo", "brand", "partner", "institution")


def states_book_size(ctx: BulletContext) -> bool:
    """A dollar size or an account count anywhere in the bullet."""
    facts = ctx.facts
    if facts.has_money or facts.by_measure("book"):
        return True
    return any(
        f.kind == "count" and any(n in f.noun.lower() for n in ACCOUNT_NOUNS) for f in facts.figures
    )


#: Most words between a managing verb and the accounts it governs.
MAX_GAP_WORDS = 6
_BOOK_PHRASE = re.compile(
    r"\b(?:book of (?:business|accounts|clients|customers)|portfolio of (?:\w+ ){0,3}?"
    r"(?:accounts|clients|customers|partners|brands))\b",
    re.IGNORECASE,
)


def about_book(text: str) -> str:
    """The words that make a bullet about managing a book, or "".

    Either a phrase such as "portfolio of accounts" / "book of business",
    or a managing verb followed within a few words by accounts, clients, a
    portfolio or a book ("Managed a large number of client accounts"); "the
    forecast for my book" is not about managing one.
    """
    m = _BOOK_PHRASE.search(text)
    if m:
        return m.group(0)
    for verb in words.find_all("book_verbs", text):
        rest = text[verb.end() :]
        noun = words.find("book_words", rest)
        gap = rest[: noun.start()] if noun else ""
        brk = words.find("book_breaks", gap) if noun else None
        owned = brk is not None and words.find("book_owners", gap[brk.end() :])
        if noun and len(gap.split()) <= MAX_GAP_WORDS and (brk is None or owned):
            return text[verb.start() : verb.end() + noun.end()]
    return ""


@register
class BookValueMissing(Rule):
    """Flags a bullet about managing accounts that gives no size for them.

    ## What it does
    Fires when a bullet speaks of managing, owning or carrying accounts,
    clients, client relationships, a portfolio, a territory or a book, and
    states neither a dollar size (ARR, book value, ACV) nor an account
    count. The accounts must be what is managed: "managing releases for
    customers" is not about a book, and the noun "services" is no verb.

    ## Why is this bad?
    The size of the book is the first thing an account-management hiring
    manager looks for after retention: "managed a portfolio of clients"
    could mean five accounts or five hundred, $50K or $50M.

    ## Example
    Managed a portfolio of enterprise clients across the Midwest.

    ## Use instead
    Managed a book of [N] enterprise accounts ([$X ARR]) across the Midwest.

    ## Source
    DOMAIN.md section 3 (a book is stated as dollars and accounts, with the
    segment) and section 4 (no book value is a weak pattern).
    """

    code = "AM101"
    name = "book-value-missing"
    severity = Severity.warning
    hint = "state the book: [N] [segment] accounts, [$X ARR]"
    examples = Examples(
        flag=(
            "Managed a portfolio of enterprise clients across the Midwest",
            "Responsible for managing client relationships for a portfolio of accounts",
            "Own a book of mid-market accounts in healthcare",
            "Managed a large number of client accounts",
            "Managed key account relationships for retail and grocery brands",
            "Managed field sales and client relationships across assigned territories",
            "Servicing a portfolio of franchise customers in the north",
            "Handled billing changes for my assigned accounts",
        ),
        passes=(
            "Managed a book of 45 mid-market accounts ($3.2M ARR)",
            "Own a $6.2M book across 12 strategic accounts",
            "Ran QBRs for my top accounts; two expanded by $80K",
            "Reduced ticket backlog by 30% with a new triage queue",
            "Built the renewal forecast for my book in Salesforce",
            "Managing software releases for customers and internal teams",
            "Provided friendly customer services to store customers",
            "Trained staff to best support the customers at the counter",
            "Handled press enquiries for customers of the bank",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        quote = about_book(ctx.text)
        if quote and not states_book_size(ctx):
            yield self.finding(
                f'"{quote}" names no book size: give the account count and ARR',
                ctx.line,
                quote,
            )


@register
class NoBookSizeAnywhere(Rule):
    """Flags a resume in which no bullet states the size of a book.

    ## What it does
    A resume-level check: fires when not one bullet gives a book size (a
    dollar figure for the book or ARR, or a count of accounts).

    ## Why is this bad?
    Hiring managers rank the size of the book (ARR and number of accounts,
    with the segment) among the first four facts they look for. A resume
    without it reads as someone who never owned a book.

    ## Example
    A resume whose bullets say "managed key accounts" and "handled renewals"
    but never how many accounts or how much revenue.

    ## Use instead
    One bullet per role that opens with the book: "Owned [N] [segment]
    accounts ([$X ARR])".

    ## Source
    DOMAIN.md section 3 (what hiring managers rank highest on an AM resume).
    """

    code = "AM102"
    name = "book-size-missing-everywhere"
    severity = Severity.warning
    scope = "resume"
    hint = "open one bullet per role with the book: [N] [segment] accounts, [$X ARR]"
    examples = Examples(
        flag=("- Managed key accounts\n- Handled renewals and upsell\n",),
        passes=(
            "- Owned 40 mid-market accounts ($2.8M ARR)\n- Handled renewals\n",
            "- Managed a $5M book\n",
        ),
    )

    def check_resume(self, ctx: ResumeContext) -> Iterable[Finding]:
        if ctx.bullets and not any(states_book_size(b) for b in ctx.bullets):
            yield self.finding("no bullet states the size of a book (accounts or ARR)", None)
