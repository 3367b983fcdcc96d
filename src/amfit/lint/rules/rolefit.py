"""AM5xx: role fit (Account-Executive language in an AM resume)."""

from __future__ import annotations

from collections.abc import Iterable

from .. import words
from ..base import BulletContext, Examples, Finding, ResumeContext, Rule, Severity, register

#: Taxonomy categories that are account-management vocabulary.
AM_CATEGORIES = frozenset(
    {"account_management", "retention", "expansion", "health", "planning", "relationships"}
)
AE_CATEGORY = "new_business"


def vocabulary(text: str) -> tuple[list[str], list[str]]:
    """(AE words, AM words) the taxonomy finds in the text."""
    from ...document import Unit, join_pieces
    from ...matcher import builtin_matcher

    matcher = builtin_matcher()
    joined, pieces = join_pieces([(1, 0, text)])
    unit = Unit(0, "bullet", joined, "experience", "", pieces)
    ae: list[str] = []
    am: list[str] = []
    friends = [m.span() for m in words.find_all("ae_false_friends", text)]
    for hit in matcher.find([unit]):
        category = matcher.concepts[hit.concept_id].category
        if category == AE_CATEGORY and hit.text.lower() not in {t.lower() for t in ae}:
            if not any(a <= text.lower().find(hit.text.lower()) < b for a, b in friends):
                ae.append(hit.text)
        elif category in AM_CATEGORIES:
            am.append(hit.text)
    for m in words.find_all("lead_gen_words", text):  # lead-gen wording the taxonomy lacks
        if not any(m.group(0).lower() in t.lower() or t.lower() in m.group(0).lower() for t in ae):
            ae.append(m.group(0))
    return ae, am


@register
class NewLogoVocabulary(Rule):
    """Flags a bullet where Account-Executive language outweighs account management.

    ## What it does
    Fires when a bullet holds at least as much new-business vocabulary
    (new-logo quota, prospecting, cold calling, MEDDIC, pipeline generation:
    the taxonomy's `new_business` concepts, plus the lead-generation wording
    of `keywords/lint.toml` such as "calling on leads", "providing demos")
    as account-management vocabulary (retention, renewal, expansion,
    account planning, health, relationships). "New business case" is not
    new-business work.

    ## Why is this bad?
    AE and AM are different jobs with different vocabulary. A bullet in the
    hunter's words tells an AM hiring manager the writer is aimed at the
    wrong role, or that the numbers are not from owning a book.

    ## Example
    Prospected and cold-called 80 new logos a week to build pipeline.

    ## Use instead
    If the work was with existing customers, say so: "Ran [N] expansion
    plays across [N] existing accounts, adding [$E]"; if it was new business,
    keep it short and lead with the account-management bullets.

    ## Source
    DOMAIN.md section 1 (neighbouring roles and their vocabulary).
    """

    code = "AM501"
    name = "new-logo-vocabulary"
    severity = Severity.info
    hint = "lead with account-management results; keep new-business work brief"
    examples = Examples(
        flag=(
            "Prospected and cold-called 80 new logos a week to build pipeline",
            "Ran full-cycle sales with MEDDIC qualification for net-new deals",
            "Generated $2M of pipeline through outbound sequences",
            "Calling on leads and providing demos to small restaurant owners",
            "Booked meetings for the field team from targeted lists",
            "Prospected new logos and kept in touch with existing clients",
        ),
        passes=(
            "Renewed 40 accounts and upsold reporting to 9 of them",
            "Held 95% gross revenue retention across 60 accounts",
            "Used MEDDIC to qualify expansion deals in my existing accounts, "
            "adding $300K of expansion revenue and renewing all 12",
            "Wrote the new business case for moving the CRM to the cloud",
            "Ran renewal calls with existing clients and logged their feedback",
        ),
    )

    def check(self, ctx: BulletContext) -> Iterable[Finding]:
        ae, am = vocabulary(ctx.text)
        if ae and len(ae) >= len(am):
            quote = ae[0]
            yield self.finding(
                f'"{quote}" is new-business (AE) language, and it outweighs account '
                "management here",
                ctx.line,
                quote,
            )


@register
class ResumeReadsAsAE(Rule):
    """Flags a resume whose bullets speak more of new business than of accounts.

    ## What it does
    A resume-level check: fires when, over all bullets, new-business (AE)
    vocabulary outnumbers account-management vocabulary.

    ## Why is this bad?
    An AM screen looks for retention, renewals and expansion; a resume
    dominated by prospecting and new-logo quota reads as an Account
    Executive applying to the wrong seat.

    ## Example
    A resume whose bullets are about cold calling, pipeline and new-logo
    quota, with one line about renewals.

    ## Use instead
    Lead each role with its book, retention and expansion; keep new-business
    work to one bullet.

    ## Source
    DOMAIN.md section 1 (neighbouring roles and their vocabulary).
    """

    code = "AM502"
    name = "resume-reads-as-account-executive"
    severity = Severity.warning
    scope = "resume"
    hint = "lead each role with book, retention and expansion results"
    examples = Examples(
        flag=("- Prospected 80 new logos a week\n- Built $2M of pipeline with cold calling\n",),
        passes=(
            "- Renewed 40 accounts\n- Upsold reporting to 9 accounts\n- Prospected new logos\n",
        ),
    )

    def check_resume(self, ctx: ResumeContext) -> Iterable[Finding]:
        ae_total = am_total = 0
        for b in ctx.bullets:
            ae, am = vocabulary(b.text)
            ae_total += len(ae)
            am_total += len(am)
        if ae_total > am_total:
            yield self.finding(
                f"new-business words ({ae_total}) outnumber account-management words "
                f"({am_total}) across the bullets",
                None,
            )
