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

BOOK = "[N] {segment} accounts ([$X ARR])"
RETENTION_RESULT = "holding [Y]% gross revenue retention and [Z]% NRR"
EXPANSION_RESULT = "adding [$E] expansion"
GENERIC_RESULT = "[result: Y% gross revenue retention, $E expansion or a renewal saved]"
SERVICE_RESULT = "[commercial result: renewal saved or $X ARR retained]"
QUOTA_LEAD = "A QBR showed [customer's problem]; "
QUOTA_FIX = "the [module or service] that fixed it added {money}"
QUOTA_RESULT = "[customer outcome: problem solved, renewal secured]"
AE_NOTE = "[if with existing customers: $E expansion across N accounts]"
PLAUSIBILITY_NOTE = "[basis: N accounts, period; say what drove it]"
TYPE_MARK = "[gross or net]"


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


def _strong_verb(text: str) -> str:
    for pattern, verb in words.strong_verbs():
        m = pattern.match(text)
        if m:
            rest = text[m.end() :]
            rest = (
                re.sub(r"^(?:managing|handling|owning|the)\s+", "", rest, flags=re.I)
                if (
                    verb in {"Managed", "Owned"} and rest.lower().startswith(("managing", "owning"))
                )
                else rest
            )
            return f"{verb} {rest}".strip()
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first.isalpha():  # never change a figure or code as written ("a0", "iPhone3")
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "]")) else text + "."


def suggest(ctx: BulletContext, findings: Sequence[Finding]) -> str | None:
    """The rewrite suggestion for one bullet, or None when it needs none."""
    codes = {f.code for f in findings}
    if not codes:
        return None
    core = ctx.text
    for f in findings:
        if f.code == "AM403" and f.quote:
            core = _strip_phrase(core, f.quote)
    core = _tidy(core)
    if "AM401" in codes or words.find("duty_openers", core[:30] or " "):
        core = _strong_verb(core)
    if "AM201" in codes:
        for fig in ctx.facts.by_measure("retention"):
            if fig.kind == "percent" and fig.text in core:
                core = core.replace(fig.text, f"{fig.text} {TYPE_MARK}", 1)
                break
    if "AM203" in codes:
        core = re.sub(r"\bgross\b", TYPE_MARK, core, count=1, flags=re.IGNORECASE)

    if "AM302" in codes:
        return _reframe_quota(ctx, core)

    situation = ""
    if "AM101" in codes:
        # A segment guessed from the rest of the resume is not this bullet's fact.
        known = ctx.facts.segment_source in {"bullet", "role"}
        segment = ctx.facts.segment if known and ctx.facts.segment else "[segment]"
        situation = f"Across {BOOK.format(segment=segment)}, "

    results: list[str] = []
    if "AM301" in codes:
        results.append(EXPANSION_RESULT)
    if "AM402" in codes:
        results.append(SERVICE_RESULT)
    if ("AM401" in codes or "AM404" in codes) and not results:
        results.append(
            GENERIC_RESULT
            if "AM101" in codes
            else RETENTION_RESULT
            if _about_retention(ctx.text)
            else GENERIC_RESULT
        )
    if "AM202" in codes:
        results.append(PLAUSIBILITY_NOTE)
    if "AM501" in codes:
        results.append(AE_NOTE)

    body = _keep_figures(ctx.text, core.rstrip("."))
    if situation and body:
        body = body[0].lower() + body[1:] if not body[:2].isupper() else body
    text = situation + body
    if results:
        text = f"{text}, {', '.join(results)}" if text else ", ".join(results)
    return _sentence(_tidy(text) if not text.endswith("]") else text)


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


def _about_retention(text: str) -> bool:
    return bool(re.search(r"\b(renew\w*|retention|retain\w*|churn\w*)\b", text, re.IGNORECASE))
