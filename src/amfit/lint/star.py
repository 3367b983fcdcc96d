"""The STAR shape of a rewrite, chosen from what the bullet is.

A rewrite opens with a past-tense result verb and one result placeholder,
then the scope (the book, when the bullet names accounts without sizing
them), then the bullet's own action, turned into "by <gerund> ..." (the
"accomplished X by doing Y" shape a coach uses): every word and figure of
the action is kept, and nothing follows the action, so a list after a
colon ("including but not limited to: ...") stays a list.

The shape, and so the placeholder, comes from what the bullet is about:
a save story, support work, a QBR, expansion, retention, team leadership,
a book of accounts, or a plain duty. Retention and expansion placeholders
appear only on bullets about accounts, customers or revenue; other work
gets a generic outcome (or a team or service outcome).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import words
from .base import BulletContext
from .shape import has_finite_verb
from .verbs import gerund_of, lookup, opener, past_of

#: (result verb, placeholder) per shape.
RESULTS = {
    "ae": ("Added", "[if with existing customers: $E expansion across N accounts]"),
    "save": ("Saved", "[$X ARR] of at-risk renewals"),
    "support_account": ("Protected", "[$X ARR] of renewals"),
    "support": ("Cut", "[service result: resolution time, backlog or repeat contacts]"),
    "qbr": ("Secured", "[QBR result: renewals, expansion or fixes agreed]"),
    "expansion": ("Added", "[$E] in expansion"),
    "retention": ("Held", "[Y]% gross revenue retention"),
    "team": ("Lifted", "[team result: quota attainment, ramp time or promotions]"),
    "account": ("Delivered", "[account result: renewals, retention or expansion]"),
    "duty": ("Delivered", "[outcome: what changed, by how much]"),
}
#: Most words between a leading verb and its team word (:func:`_leads_a_team`).
TEAM_VERB_GAP = 4
BOOK_SCOPE = "across [book: N {segment}accounts, $X ARR]"
BOOK_COUNT = "across [N {segment}accounts]"

_SAVE = re.compile(r"\b(at[- ]risk|churn\w*|save[ds]?|rescu\w*|win[- ]?back|cancel\w*)\b", re.I)
_QBR = re.compile(r"\b(qbrs?|ebrs?|business reviews?)\b", re.I)
_RETENTION = re.compile(r"\b(renew\w*|retention|retain\w*)\b", re.I)
_TEAM = re.compile(
    r"\b(teams?|reps|representatives|associates|staff|interns|direct reports|specialists|"
    r"agents|new hires|juniors|colleagues|team members)\b",
    re.I,
)
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*/\s*)"
_LEADING_VERBS = re.compile(rf"^[A-Za-z'-]+(?:{_JOIN}[A-Za-z'-]+)*")


def shape_of(ctx: BulletContext, codes: set[str]) -> str:
    """Which STAR shape fits the bullet (a key of :data:`RESULTS`)."""
    text = ctx.text
    account = bool(words.find("account_work", text))
    if "AM501" in codes and account:
        return "ae"
    if "AM402" in codes:
        # "customers" of a help desk are no book: only account words make it commercial
        return "support_account" if words.find("account_core", text) else "support"
    if account and _SAVE.search(text):
        return "save"
    if account and _QBR.search(text):
        return "qbr"
    if account and ("AM301" in codes or words.find("expansion_words", text)):
        return "expansion"
    if account and _RETENTION.search(text):
        return "retention"
    if not account and _leads_a_team(text):
        return "team"
    return "account" if account else "duty"


def _leads_a_team(text: str) -> bool:
    """A verb of leading people at most :data:`TEAM_VERB_GAP` words before a
    team word ("Managed a team of 6", "coached new reps")."""
    teams = [m.start() for m in _TEAM.finditer(text)]
    if not teams:
        return False
    for verb in words.find_all("team_lead_verbs", text):
        gap = [t for t in teams if t >= verb.end()]
        if gap and len(text[verb.end() : gap[0]].split()) <= TEAM_VERB_GAP:
            return True
    return False


def star(ctx: BulletContext, codes: set[str], core: str) -> str:
    """Result verb, one result placeholder, scope, then "by <the bullet's action>"."""
    verb, placeholder = RESULTS[shape_of(ctx, codes)]
    known = ctx.facts.segment_source in {"bullet", "role"} and ctx.facts.segment
    segment = f"{ctx.facts.segment} " if known else ""
    # At most two placeholders: the book only when the action holds no mark yet.
    marked = "[" in core
    book = BOOK_COUNT if "$X ARR" in placeholder else BOOK_SCOPE
    scope = " " + book.format(segment=segment) if "AM101" in codes and not marked else ""
    return f"{verb} {placeholder}{scope} {action_phrase(core)}"


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:].lower() != first[1:] or not first.isalpha()):
        return text  # an acronym or a name as written ("QBRs", "iPhone")
    return text[:1].lower() + text[1:]


def _convert_leading_verbs(text: str, form: Callable[[str], str]) -> str:
    """Turn the verbs a bullet opens with ("Manage, coach and train") into ``form``."""
    m = _LEADING_VERBS.match(text)
    if not m:
        return text
    run = m.group(0)
    pieces = re.split(f"({_JOIN})", run)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(piece)
            continue
        verb = lookup(piece)
        if not verb:  # the run of verbs ended: the rest stays as written
            return "".join(out + pieces[i:]) + text[m.end() :]
        out.append(form(verb.base))
    return "".join(out) + text[m.end() :]


_ADVERBS = re.compile(r"^((?:[A-Za-z]+ly\s+)+)")
_TITLE_LABEL = re.compile(r"^(?:[A-Z][\w'/-]*|&|and|of)(?:\s+(?:[A-Z][\w'/-]*|&|and|of)){1,5}$")
#: A later verb of the action in the past ("..., and negotiated terms"): made a gerund too.
_LATER_PAST = re.compile(r"(,\s+(?:and\s+)?|\s+and\s+)((?:[a-z]+ly\s+)?)([a-z][a-z'-]+)\b")


def _label_words(text: str) -> str:
    """A title-case label in running text: "Invoice Related Questions" -> "invoice related
    questions" (acronyms kept)."""
    return " ".join(w if w[1:] != w[1:].lower() else w.lower() for w in text.split())


def _later_verbs_to_gerunds(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        verb = lookup(m.group(3))
        if verb and verb.tenses == {"past"}:
            return f"{m.group(1)}{m.group(2)}{gerund_of(verb.base)}"
        return m.group(0)

    return _LATER_PAST.sub(swap, text)


def action_phrase(core: str) -> str:
    """The bullet's action as "by <gerund> ...", "as <role> ..." or "through <noun> ..."."""
    m = _ADVERBS.match(core)
    adverbs = m.group(1).lower() if m else ""
    core = core[m.end() :] if m else core
    if _TITLE_LABEL.match(core) and not has_finite_verb(core):
        return f"through {_label_words(core)}"
    phrase = words.find("duty_phrases", core)
    if phrase and phrase.start() == 0:
        rest = core[phrase.end() :].strip()
        first = opener(rest)
        said = phrase.group(0).lower()
        if first and first.start == 0 and "gerund" in first.verb.tenses:
            return f"by {adverbs}{_later_verbs_to_gerunds(rest)}"
        if said in ("served as", "acted as", "act as"):
            return f"as {rest}"
        if said in ("participated in", "involved in"):
            return f"by {adverbs}taking part in {_later_verbs_to_gerunds(rest)}"
        return f"by {adverbs}owning {rest}"
    first = opener(core)
    if first and first.start == 0:
        body = _convert_leading_verbs(core, gerund_of)
        return f"by {adverbs}{_later_verbs_to_gerunds(_lower_first(body))}"
    if phrase:
        return f"as {_lower_first(core)}"
    if has_finite_verb(core):  # "Largest client was ...": a clause, not a noun phrase
        return f"in a role where {_lower_first(core)}"
    return f"through {_lower_first(core)}"


def past_opening(core: str) -> str:
    """The bullet with its opening verbs in the past ("Manage" -> "Managed")."""
    first = opener(core)
    if not first or first.start > 0:
        return core
    if first.verb.present and "past" not in first.verb.tenses:
        body = _convert_leading_verbs(core, past_of)
        return body[:1].upper() + body[1:]
    return core
