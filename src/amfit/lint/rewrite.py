"""STAR-shaped rewrite suggestions that never invent a number.

A suggestion keeps the bullet's own words and every figure in them,
drops duty openers and clichés, and adds each missing fact as a
placeholder in brackets: ``[N] [segment] accounts``, ``[$X ARR]``,
``[Y]% gross revenue retention``, ``[Z]% NRR``, ``[$E] expansion``. The
templates below hold no digits, so a suggestion's numbers are exactly the
bullet's numbers (a property test checks this over generated bullets and
over every bullet of the examples).

Shape: *situation* (the book and its segment), *action* (a strong verb
and the method: the bullet's own words), *result* (typed retention and
expansion figures).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import words
from .base import BulletContext, Finding
from .shape import line_kind, result_quote, sentences
from .star import past_opening as _past_opening
from .star import star

QUOTA_LEAD = "A QBR showed [customer's problem]; "
QUOTA_FIX = "the fix added {money}"
QUOTA_RESULT = "[customer outcome: problem solved, renewal secured]"
PLAUSIBILITY_NOTE = "[basis: N accounts, period; say what drove it]"
TYPE_MARK = "[gross or net]"
BOOK_MARK = "[book: N accounts, $X ARR]"
BASE_MARK = "[base: from $X to $Y, or across N accounts]"


def _strip_phrase(text: str, phrase: str) -> str:
    pattern = re.compile(
        r"(?:\b(?:a|an|the)\s+)?" + re.escape(phrase) + r"(?:\s+(?:of|for|in|at))?\s*",
        re.IGNORECASE,
    )
    return pattern.sub("", text, count=1)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;.])", r"\1", text)
    text = re.sub(r"^[,;:\-–— ]+|[,;:\-–— ]+$", "", text)
    text = re.sub(r"^(?:and|with|who|,)\s+", "", text, flags=re.IGNORECASE)
    return text.strip()


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first.isalpha():  # never change a figure or code as written ("a0", "iPhone3")
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "]")) else text + "."


#: Why a flagged line gets no rewrite, by its kind (:func:`amfit.lint.shape.line_kind`).
NO_REWRITE = {
    "skills": "a skills list, not an achievement: move it to a Skills section",
    "list_item": "a list item, not an achievement: write the result behind it as a bullet",
    "award": "an award: keep it as written, with its year and how many were chosen",
    "heading": "a heading, not an achievement bullet",
    "competency": "a competency label: show it with one achievement bullet instead",
    "paragraph": "several claims in one bullet: split it into one bullet per claim first",
}


def no_rewrite_reason(text: str) -> str:
    """Why a line is not rewritten ("" when it is an achievement bullet)."""
    kind = line_kind(text)
    if kind == "achievement" and len(sentences(text)) > 1:
        kind = "paragraph"
    return NO_REWRITE.get(kind, "")


AE_WITH_RESULT = (
    "new-business work that states its result: keep it brief and lead the role with "
    "account-management bullets"
)


def rewrite_note(ctx: BulletContext, findings: Sequence[Finding]) -> str:
    """Why a flagged bullet gets no rewrite ("" when it gets one or has no findings)."""
    codes = {f.code for f in findings}
    if not codes:
        return ""
    reason = no_rewrite_reason(ctx.text)
    if not reason and codes <= {"AM501", "AM403", "AM404"} and "AM501" in codes:
        reason = AE_WITH_RESULT if result_quote(ctx) else ""
    return reason


def suggest(ctx: BulletContext, findings: Sequence[Finding]) -> str | None:
    """The rewrite suggestion for one bullet, or None when it needs none or is no
    achievement bullet (:func:`no_rewrite_reason` says why)."""
    codes = {f.code for f in findings}
    if not codes or rewrite_note(ctx, findings):
        return None
    core = ctx.text.strip()
    for f in findings:
        if f.code == "AM403" and f.quote:
            core = _strip_phrase(core, f.quote)
    for m in reversed(words.find_all("filler_phrases", core)):
        core = core[: m.start()] + core[m.end() :]
    core = _tidy(core).rstrip(".")
    if not core:
        return None
    core = _mark_figures(ctx, codes, findings, core)
    if "AM302" in codes:
        return _reframe_quota(ctx, core)
    if codes <= {"AM201", "AM202", "AM203", "AM304", "AM403"}:
        return _sentence(_keep_figures(ctx.text, _past_opening(core)))
    book = next((f.quote for f in findings if f.code == "AM101"), "")
    if book and book in core and result_quote(ctx) and "AM401" not in codes:
        # A result is there already: size the book where the bullet names it.
        core = core.replace(book, f"{book} {BOOK_MARK}", 1)
        return _sentence(_keep_figures(ctx.text, _past_opening(core)))
    return _sentence(_keep_figures(ctx.text, star(ctx, codes, core)))


def _mark_figures(
    ctx: BulletContext, codes: set[str], findings: Sequence[Finding], core: str
) -> str:
    """Inline marks on the figures a rule found wanting ("95% [gross or net]")."""
    if "AM201" in codes:
        for fig in ctx.facts.by_measure("retention"):
            if fig.kind == "percent" and fig.text in core:
                core = core.replace(fig.text, f"{fig.text} {TYPE_MARK}", 1)
                break
    if "AM203" in codes:
        core = re.sub(r"\bgross\b", TYPE_MARK, core, count=1, flags=re.IGNORECASE)
    if "AM202" in codes:
        core = f"{core} {PLAUSIBILITY_NOTE}"
    if "AM304" in codes:
        fig = next((f.quote for f in findings if f.code == "AM304"), "")
        if fig and fig in core:
            core = core.replace(fig, f"{fig} {BASE_MARK}", 1)
    return core


_CLAUSE = re.compile(r"\s*(?:;|,|\band\b)\s*", re.IGNORECASE)


def _reframe_quota(ctx: BulletContext, core: str) -> str:
    """Retell an expansion-as-quota bullet as the customer's outcome.

    The expansion's dollar figure becomes what the fix added; the quota
    clause is kept, with its figures, as context at the end.
    """
    clauses = [c for c in _CLAUSE.split(core.rstrip(".")) if c.strip()]
    money = next((f.text for f in ctx.facts.figures if f.kind == "money" and f.text in core), "")
    quota = [
        c
        for c in clauses
        if (words.find("quota_words", c) or "number" in c.lower()) and not (money and money in c)
    ]
    rest = [c for c in clauses if c not in quota]
    if money:
        kept = [c for c in rest if money not in c and re.search(r"\d", c)]
        lead = QUOTA_LEAD + QUOTA_FIX.format(money=money)
        body = ", ".join([lead, *kept])
    else:
        body = QUOTA_LEAD + " and ".join(rest) if rest else QUOTA_LEAD.rstrip("; ")
    text = f"{body}, and {QUOTA_RESULT}"
    if quota:
        text += f" (quota context: {'; '.join(quota)})"
    return _sentence(_keep_figures(ctx.text, text))


def _keep_figures(original: str, text: str) -> str:
    """Add back, as written, any figure of the original the rewrite lost."""
    from collections import Counter

    from ..facts import numbers_in

    lost = Counter(numbers_in(original)) - Counter(numbers_in(text))
    if not lost:
        return text
    missing: list[str] = []
    for n in numbers_in(original):
        if lost[n] > 0:
            missing.append(n)
            lost[n] -= 1
    return f"{text} (also: {', '.join(missing)})"
