"""AM7xx: cover letters (``amfit letter``). The bullet rules that apply to
prose (AM201, AM202, AM302, AM403, AM501) also read every sentence.

Why one long module: the letter rules share the example letters and the
letter context they read; each rule is its documented class (what, why,
example, use instead) and a short check. The rules that only flag a
listed phrase (AM704, AM706) are data: ``[[existence]]`` entries of
keywords/letter.toml, made into rules of one kind at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from ... import phrases
from ...errors import TaxonomyError
from ...resources import keywords_path
from .. import words
from ..base import Examples, Finding, Rule, Severity, register


class Sentence(Protocol):
    text: str
    line: int
    paragraph: int


class LetterContext(Protocol):
    """What a letter rule reads: ``amfit.letter.LetterContext`` provides it,
    so the rules do not import the letter checker that runs them."""

    sentences: tuple[Sentence, ...]
    posting_title: str
    posting_text: str
    seniority: str
    words: int
    band: tuple[int, int]  # the word-count band for the seniority
    too_long: int  # above this many words the letter is too long
    body: list[int]  # paragraph indexes of the body (no greeting, no sign-off)
    elements: dict[str, str]  # strong-letter element -> the sentence that shows it
    title_use: tuple[bool, list[str]]  # (posting title used exactly, other titles)


#: The arrays of tables keywords/letter.toml holds: the phrase rules, and
#: the length bands that ``amfit.letter`` reads.
LETTER_TABLES = ("existence", "band")

#: Posting title the example tables are checked against.
EXAMPLE_TITLE = "Account Manager, Mid-Market"

_FILLER = "We renewed every account in the book this year. " * 3
_LONG = ("Our team ran renewals for mid-market accounts. " * 80).strip()
_MID = ("Our team ran renewals for mid-market accounts. " * 45).strip()
_OVER = ("Our team ran renewals for mid-market accounts. " * 64).strip()  # 448 words

STRONG_LETTER = (
    "Dear Hiring Team,\n\n"
    "Last year I renewed a $410K mid-market account at flat price instead of the 20% "
    "discount asked, holding my book at 94% gross revenue retention and 112% net revenue "
    "retention. I would like to bring that to the Account Manager, Mid-Market role.\n\n"
    "I own 58 mid-market accounts ($3.9M ARR). A QBR with a carrier showed their penalties "
    "came from manual scheduling; the module that fixed it added $84K and their renewal was "
    "safe. I also lost a $120K account when its champion left; since then I multi-thread "
    "every account above $50K.\n\n"
    "Could we spend thirty minutes on one of your renewal-risk accounts?\n\nDana"
)


def _tools(text: str) -> list[str]:
    from ...document import Unit, join_pieces
    from ...matcher import builtin_matcher

    matcher = builtin_matcher()
    joined, pieces = join_pieces([(1, 0, text)])
    hits = matcher.find([Unit(0, "line", joined, "letter", "", pieces)])
    names: list[str] = []
    for h in hits:
        if matcher.concepts[h.concept_id].category == "tools" and h.text not in names:
            names.append(h.text)
    return names


@register
class LetterLengthOutsideBand(Rule):
    """Flags a letter shorter or longer than the band for the role's seniority.

    ## What it does
    Fires when the letter's word count is outside 250-400 words (200-350
    for entry-level postings, 275-450 for senior, strategic or key roles),
    up to 500 words; above 500, AM702 fires instead.

    ## Why is this bad?
    Three or four short paragraphs carry one account story end to end. A
    shorter letter leaves the story out; a longer one buries it.

    ## Example
    A 150-word letter for a mid-level Account Manager posting.

    ## Use instead
    250-400 words in 3-4 paragraphs: the opening decision, one account
    story, the close.

    ## Source
    DOMAIN.md section 5 (length 250-400 words; entry-level shorter, senior
    slightly longer).
    """

    code = "AM701"
    name = "letter-length-outside-band"
    severity = Severity.warning
    scope = "letter"
    hint = "aim for the band: 3-4 short paragraphs around one account story"
    examples = Examples(flag=(_FILLER, _OVER), passes=(_MID, _LONG))

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        lo, hi = ctx.band
        if ctx.words < lo or hi < ctx.words <= ctx.too_long:
            side = "short" if ctx.words < lo else "long"
            yield self.finding(
                f"{ctx.words} words is too {side} for a {ctx.seniority}-level letter ({lo}-{hi})",
                None,
            )


@register
class LetterTooLong(Rule):
    """Flags a letter over 500 words.

    ## What it does
    Fires when the letter has more than 500 words.

    ## Why is this bad?
    Past about 500 words a cover letter reads as insecure, and the one
    account story that matters is lost in it.

    ## Example
    A 560-word letter that retells the resume role by role.

    ## Use instead
    Cut to 250-400 words: keep the opening decision, one account story and
    a next step; the resume carries the rest.

    ## Source
    DOMAIN.md section 5 (over about 500 words reads as insecure).
    """

    code = "AM702"
    name = "letter-too-long"
    severity = Severity.error
    scope = "letter"
    hint = "cut to 250-400 words: one account story, the resume carries the rest"
    examples = Examples(flag=(_LONG,), passes=(_MID,))

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        if ctx.words > ctx.too_long:
            yield self.finding(f"{ctx.words} words is over {ctx.too_long}", None)


@register
class GenericOpener(Rule):
    """Flags a letter that opens with a stock phrase.

    ## What it does
    Fires when the first paragraphs open with "I am writing to express my
    interest", "I am excited to apply", "To whom it may concern" or a
    similar stock phrase (`keywords/lint.toml`).

    ## Why is this bad?
    The first sentence is the one a hiring manager reads. A stock opener
    spends it on nothing; an opening on a renewal or expansion decision the
    writer owned, with a typed retention figure, earns the rest.

    ## Example
    I am writing to express my strong interest in the Account Manager role.

    ## Use instead
    Last year I renewed a [$X] account at flat price instead of the discount
    asked, holding my book at [Y]% gross and [Z]% net revenue retention.

    ## Source
    DOMAIN.md section 5 (the opening).
    """

    code = "AM703"
    name = "generic-opener"
    severity = Severity.warning
    scope = "letter"
    hint = "open on a renewal or expansion decision you owned, with a typed retention figure"
    examples = Examples(
        flag=(
            "Dear Hiring Manager,\n\nI am writing to express my strong interest in the role.",
            "To whom it may concern,\n\nI am excited to apply for this position.",
        ),
        passes=(STRONG_LETTER,),
    )

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        paragraphs = sorted({s.paragraph for s in ctx.sentences})
        first = ctx.body[:1] or paragraphs[:1]
        # The greeting, if any, and the first two sentences of the body.
        opening = [s for s in ctx.sentences if s.paragraph in first][:2]
        opening += [s for s in ctx.sentences if s.paragraph < (first or [0])[0]]
        for s in opening:
            m = words.find("letter_openers", s.text)
            if m and m.start() <= 3:
                yield self.finding(
                    f'opens with the stock phrase "{m.group(0)}"', s.line, m.group(0)
                )
                return


@register
class SalaryFigure(Rule):
    """Flags a salary figure in a cover letter.

    ## What it does
    Fires when a sentence speaks of salary or compensation and holds a
    dollar (or other currency) figure.

    ## Why is this bad?
    A number in the letter anchors the negotiation before the hiring
    manager has seen the value, and can screen the letter out on its own.

    ## Example
    My salary expectation is $85,000.

    ## Use instead
    Leave pay to the application form or the recruiter call.

    ## Source
    DOMAIN.md section 5 (no salary number).
    """

    code = "AM705"
    name = "salary-figure"
    severity = Severity.warning
    scope = "letter"
    hint = "leave pay to the form or the recruiter call"
    examples = Examples(
        flag=("My salary expectation is $85,000.", "I am seeking a base pay of $90K plus OTE."),
        passes=(STRONG_LETTER, "I grew the book to $3.9M ARR."),
    )

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        for s in ctx.sentences:
            m = words.find("salary_words", s.text)
            if m and re.search(r"[$€£]\s?\d|\d+\s?(k|K|,000)\b", s.text):
                yield self.finding(f'"{m.group(0)}" with a figure', s.line, m.group(0))


@register
class PostingTitleMissing(Rule):
    """Flags a letter that never uses the posting's exact title.

    ## What it does
    Fires when the posting's title (as its first line gives it, e.g.
    "Account Manager, Mid-Market") appears nowhere in the letter.

    ## Why is this bad?
    AM, KAM, SAM and CSM are different jobs; the exact title shows the
    letter was written for this seat, and an ATS compares it literally.

    ## Example
    A letter for "Account Manager, Mid-Market" that says "the role" throughout.

    ## Use instead
    Name the title once, as the posting writes it: "the Account Manager,
    Mid-Market role".

    ## Source
    DOMAIN.md section 5 (title in the letter matches the posting exactly).
    """

    code = "AM707"
    name = "posting-title-missing"
    severity = Severity.warning
    scope = "letter"
    hint = "use the posting's exact title once"
    examples = Examples(
        flag=("I would love to join your team as an account manager for your customers.",),
        passes=(STRONG_LETTER,),
    )

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        exact, _ = ctx.title_use
        if ctx.posting_title and not exact:
            yield self.finding(f'the posting\'s title "{ctx.posting_title}" is not used', None)


@register
class DifferentTitleUsed(Rule):
    """Flags a letter that names a different role's title.

    ## What it does
    Fires when the letter names a role title other than the posting's (Key
    Account Manager, Customer Success Manager, Account Executive, CSM...)
    as a title, for example in the opening line.

    ## Why is this bad?
    A letter that asks for the "Key Account Manager position" on an
    Account Manager posting reads as one written for another job and sent
    again.

    ## Known problems
    A letter may name another title legitimately ("I worked with our
    Customer Success Manager"); read the sentence before changing it.

    ## Example
    I am applying for the Key Account Manager position.

    ## Use instead
    I am applying for the Account Manager, Mid-Market role.

    ## Source
    DOMAIN.md section 5 (AM, KAM, SAM and CSM are different jobs).
    """

    code = "AM708"
    name = "different-title-used"
    severity = Severity.warning
    scope = "letter"
    hint = "use the posting's title, not another role's"
    examples = Examples(
        flag=(
            "I am applying for the Key Account Manager position.",
            "As a Customer Success Manager I would thrive here.",
        ),
        passes=(STRONG_LETTER,),
    )

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        _, others = ctx.title_use
        for name in others[:1]:
            line = next((s.line for s in ctx.sentences if name in s.text), None)
            yield self.finding(
                f'names "{name}", not the posting\'s "{ctx.posting_title}"', line, name
            )


@register
class ToolList(Rule):
    """Flags three or more tools named in one sentence with no use attached.

    ## What it does
    Fires when one sentence names three or more CRM or customer-success
    tools (Salesforce, Gainsight, HubSpot, Gong...) and says nothing of
    what was done with them.

    ## Why is this bad?
    A logo list says the writer has logged in; a tool named with its use
    ("rebuilt health scores in Gainsight so at-risk accounts surfaced 120
    days before renewal") shows judgement.

    ## Example
    I am proficient in Salesforce, Gainsight, HubSpot, Zendesk and Gong.

    ## Use instead
    Two tools at most, each with a concrete use.

    ## Source
    DOMAIN.md section 5 (name tools only with a concrete use, two or three
    at most).
    """

    code = "AM709"
    name = "tool-list-without-use"
    severity = Severity.warning
    scope = "letter"
    hint = "name at most two tools, each with what you did with it"
    examples = Examples(
        flag=("I am proficient in Salesforce, Gainsight, HubSpot, Zendesk and Gong.",),
        passes=(
            "I rebuilt health scores in Gainsight to flag risk and set up renewal stages in "
            "Salesforce and HubSpot.",
            STRONG_LETTER,
        ),
    )

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        for s in ctx.sentences:
            tools = _tools(s.text)
            if len(tools) >= 3 and not words.find("tool_use_words", s.text):
                yield self.finding(
                    f"{len(tools)} tools named with no use ({', '.join(tools[:4])})",
                    s.line,
                    tools[0],
                )


ELEMENT_TEXT = {
    "opening_decision": "an opening on a decision you owned, with a typed retention figure",
    "book_and_segment": "the book and its segment (accounts, ARR)",
    "qbr_story": "a QBR or EBR story with its outcome",
    "expansion_outcome": "an expansion told as the customer's outcome",
    "honest_loss": "an honest loss and the change you made after it",
    "next_step_close": "a close that proposes a next step",
}


@register
class StrongLetterElementMissing(Rule):
    """Notes each element of a strong AM letter that the letter lacks.

    ## What it does
    One info finding per missing element: an opening decision with a typed
    retention figure; the book and its segment; a QBR/EBR story; an
    expansion framed as the customer's outcome; an honest loss with the
    change made after it; a closing that proposes a next step.

    ## Why is this bad?
    Together these make the one account story a hiring manager wants to
    read; each missing piece is a question the letter leaves open.

    ## Known problems
    Elements are found by wording; a story told in unusual words can be
    missed.

    ## Example
    A letter that lists duties and closes "I look forward to hearing from
    you".

    ## Use instead
    One account story end to end: book and segment, gross and net figures,
    an expansion surfaced in a QBR, one loss and what changed, a next step.

    ## Source
    DOMAIN.md section 5 (body of a strong letter).
    """

    code = "AM710"
    name = "strong-letter-element-missing"
    severity = Severity.info
    scope = "letter"
    hint = "add the missing piece of the account story"
    examples = Examples(
        flag=("Dear team,\n\nI have managed accounts for years and love customers.",),
        passes=(STRONG_LETTER,),
    )

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        for name, sentence in ctx.elements.items():
            if not sentence:
                yield self.finding(f"missing: {ELEMENT_TEXT[name]}", None, name)


# -- phrase rules: data entries of keywords/letter.toml ------------------------


class LetterPhraseRule(Rule):
    """A letter rule that flags a phrase of a keywords/lint.toml list: one
    ``[[existence]]`` entry of keywords/letter.toml (the rule kind Vale
    calls ``existence``). The class attributes come from the entry."""

    scope = "letter"
    phrases: str  # the keywords/lint.toml list
    each: str  # sentence: a finding per sentence; letter: the first one only
    message: str  # with "{phrase}" where the phrase goes
    unless_posting: str = ""  # a keywords/lint.toml list: no finding if the posting has one
    #: Postings that ask for what the rule flags: with each, every ``flag``
    #: example letter passes (a test runs them).
    posting_passes: tuple[str, ...] = ()

    def check_letter(self, ctx: LetterContext) -> Iterable[Finding]:
        if self.unless_posting and words.find(self.unless_posting, ctx.posting_text):
            return
        for s in ctx.sentences:
            m = words.find(self.phrases, s.text)
            if m:
                phrase = m.group(0)
                yield self.finding(self.message.replace("{phrase}", phrase), s.line, phrase)
                if self.each == "letter":
                    return


_PHRASE_FIELDS = {
    "code": str,
    "name": str,
    "severity": str,
    "list": str,
    "each": str,
    "message": str,
    "hint": str,
    "flag": list,
    "passes": list,
    "doc": str,
    "unless_posting": str,
    "posting_passes": list,
}
_PHRASE_REQUIRED = tuple(k for k in _PHRASE_FIELDS if k not in ("unless_posting", "posting_passes"))


def _phrase_rule(path: str, table: phrases.Table) -> type[Rule]:
    phrases.require(table, path, _PHRASE_FIELDS, _PHRASE_REQUIRED)
    f = table.fields
    if f["severity"] not in Severity.__members__:
        raise TaxonomyError(
            path, table.line, f"severity '{f['severity']}' is not info|warning|error"
        )
    if f["each"] not in ("sentence", "letter"):
        raise TaxonomyError(path, table.line, f"each '{f['each']}' is not sentence|letter")
    if not re.fullmatch(r"AM7\d\d", f["code"]):
        raise TaxonomyError(
            path, table.line, f"code '{f['code']}' is not a letter rule code (AM7xx)"
        )
    for key in ("list", "unless_posting"):
        if key in f:
            try:
                words.pattern(f[key])
            except TaxonomyError as exc:
                raise TaxonomyError(path, table.line, f"{key} '{f[key]}': {exc}") from exc
    attrs = {
        "__doc__": f["doc"].strip(),
        "code": f["code"],
        "name": f["name"],
        "severity": Severity[f["severity"]],
        "hint": f["hint"],
        "phrases": f["list"],
        "each": f["each"],
        "message": f["message"],
        "unless_posting": f.get("unless_posting", ""),
        "posting_passes": tuple(f.get("posting_passes", ())),
        "examples": Examples(flag=tuple(f["flag"]), passes=(STRONG_LETTER, *f["passes"])),
    }
    return type(f"LetterPhrase{f['code']}", (LetterPhraseRule,), attrs)


def register_phrase_rules(path: str | Path) -> list[type[Rule]]:
    """Register the ``[[existence]]`` rules of a letter phrase file."""
    data = phrases.load(path, tables=LETTER_TABLES)
    return [register(_phrase_rule(data.path, t)) for t in data.tables["existence"]]


register_phrase_rules(keywords_path("letter.toml"))
