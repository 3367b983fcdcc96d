"""Cover-letter checks (``amfit letter``): length, opener, closing, title,
the strong-letter elements, and the bullet rules that apply to prose.

A letter is split into paragraphs (blank lines) and sentences. The
sentence splitter knows abbreviations ("e.g.", "Inc.") and does not break
inside figures ("$6.2M"), while a figure that ends a sentence ("... to
$6.2M. Next") still ends it. DOMAIN.md section 5 holds the facts the
checks encode.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ._version import __version__
from .facts import extract_facts
from .lint.base import REGISTRY, BulletContext, Finding
from .lint.words import find
from .model import SCHEMA_VERSION, LetterReport
from .posting import parse_posting
from .titles import core_title

#: Bullet rules that also read each sentence of a letter.
PROSE_RULES = ("AM201", "AM202", "AM302", "AM403", "AM501")
#: Word-count bands by the posting's seniority (DOMAIN.md section 5).
BANDS = {"entry": (200, 350), "mid": (250, 400), "senior": (275, 450)}
#: Above this many words a letter reads as insecure: an error.
TOO_LONG = 500

_ABBREVIATIONS = (
    "e.g.",
    "i.e.",
    "etc.",
    "vs.",
    "approx.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "inc.",
    "co.",
    "ltd.",
    "corp.",
    "no.",
    "u.s.",
    "u.k.",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "st.",
    "jr.",
    "sr.",
    "dept.",
    "est.",
    "fig.",
    "cf.",
)
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9$€£])")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    line: int
    paragraph: int


def _protect(text: str) -> str:
    """Hide the periods of abbreviations from the splitter (same length)."""
    lower = text.lower()
    out = list(text)
    for abbr in _ABBREVIATIONS:
        start = 0
        while (i := lower.find(abbr, start)) != -1:
            before = lower[i - 1] if i else " "
            if not before.isalnum():
                for j in range(i, i + len(abbr)):
                    if out[j] == ".":
                        out[j] = "\x00"
            start = i + len(abbr)
    return "".join(out)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their first line number and paragraph index."""
    sentences: list[Sentence] = []
    paragraph = -1
    block: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal paragraph
        if not block:
            return
        paragraph += 1
        joined = ""
        starts: list[tuple[int, int]] = []
        for line_no, line in block:
            if joined:
                joined += " "
            starts.append((len(joined), line_no))
            joined += line.strip()
        protected = _protect(joined)
        pos = 0
        for m in [*_SPLIT.finditer(protected), None]:
            end = m.end() if m else len(joined)
            piece = joined[pos:end].strip()
            if piece:
                line = max((ln for off, ln in starts if off <= pos), default=block[0][0])
                sentences.append(Sentence(piece, line, paragraph))
            pos = end
        block.clear()

    for n, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            block.append((n, raw))
        else:
            flush()
    flush()
    return sentences


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9$€£][\w$€£%.,'’/-]*", text))


def seniority_of(posting_title: str, posting_text: str) -> str:
    title = posting_title.lower()
    if re.search(r"\bentry[ -]level\b", posting_text, re.IGNORECASE):
        return "entry"
    if re.search(r"\b(senior|sr\.?|director|head|vp|principal|strategic|key|global)\b", title):
        return "senior"
    if re.search(r"\b([7-9]|1\d)\+?\s*(years|yrs)\b", posting_text, re.IGNORECASE):
        return "senior"
    return "mid"


@dataclass(frozen=True)
class LetterContext:
    """A letter as the letter rules read it (``amfit.lint.rules.letter``):
    its sentences and counts, and what is read from them once per letter."""

    text: str
    sentences: tuple[Sentence, ...]
    posting_title: str
    seniority: str
    words: int

    @property
    def paragraphs(self) -> int:
        return len({s.paragraph for s in self.sentences})

    @property
    def band(self) -> tuple[int, int]:
        """The word-count band for the posting's seniority."""
        return BANDS[self.seniority]

    @property
    def too_long(self) -> int:
        return TOO_LONG

    @cached_property
    def body(self) -> list[int]:
        return body_paragraphs(self)

    @cached_property
    def elements(self) -> dict[str, str]:
        return elements(self)

    @cached_property
    def title_use(self) -> tuple[bool, list[str]]:
        return title_use(self)


def build_context(
    letter_text: str, *, posting_title: str = "", posting_text: str = ""
) -> LetterContext:
    title = posting_title or (parse_posting(posting_text).title if posting_text else "")
    return LetterContext(
        letter_text,
        tuple(split_sentences(letter_text)),
        title,
        seniority_of(title, posting_text),
        word_count(letter_text),
    )


# -- elements of a strong letter ---------------------------------------------

_TYPED = re.compile(r"\b(gross|net|GRR|NRR|NDR|logo)\b", re.IGNORECASE)
_QBR = re.compile(r"\b(QBRs?|EBRs?|business reviews?)\b", re.IGNORECASE)
_LOSS = re.compile(
    r"\b(lost|churned|did not renew|didn't renew|non-renewal|walked away|we lost|losing)\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(since then|now|changed|afterwards|after that|that taught|so I|I started|we started|"
    r"I (?:re)?built|rebuil\w*|I added|process|so that|learned)\b",
    re.IGNORECASE,
)


def body_paragraphs(ctx: LetterContext) -> list[int]:
    """Paragraph indexes of the letter's body: not the greeting or the sign-off
    (a paragraph of eight words or fewer)."""
    words: dict[int, int] = {}
    for s in ctx.sentences:
        words[s.paragraph] = words.get(s.paragraph, 0) + word_count(s.text)
    return [p for p in sorted(words) if words[p] > 8]


_NEXT_STEP = re.compile(
    r"(\?|working session|walk (you )?through|happy to|glad to|could we|would you|"
    r"I'd (like|welcome|be glad)|I would (like|welcome)|propose|bring|compare notes|"
    r"share (a|my|the))",
    re.IGNORECASE,
)


def elements(ctx: LetterContext) -> dict[str, str]:
    """Each strong-letter element found: name -> the sentence that shows it ("" if none)."""
    found = dict.fromkeys(
        (
            "opening_decision",
            "book_and_segment",
            "qbr_story",
            "expansion_outcome",
            "honest_loss",
            "next_step_close",
        ),
        "",
    )
    body = body_paragraphs(ctx)
    if not body:
        return found
    first_par = [s for s in ctx.sentences if s.paragraph == body[0]]
    last = body[-1]
    for s in first_par[:4]:
        facts = extract_facts(s.text)
        if any(f.kind == "percent" for f in facts.by_measure("retention")) and _TYPED.search(
            s.text
        ):
            found["opening_decision"] = s.text
            break
    for s in ctx.sentences:
        facts = extract_facts(s.text)
        text = s.text
        book = facts.by_measure("book") or any(
            f.kind == "count" and re.search(r"account|client|customer", f.noun, re.I)
            for f in facts.figures
        )
        if not found["book_and_segment"] and book and facts.segment:
            found["book_and_segment"] = text
        if (
            not found["qbr_story"]
            and _QBR.search(text)
            and (facts.has_figure or find("result_words", text))
        ):
            found["qbr_story"] = text
        if (
            not found["expansion_outcome"]
            and (find("expansion_words", text) or facts.by_measure("expansion"))
            and find("customer_outcome_words", text)
            and not find("quota_words", text)
        ):
            found["expansion_outcome"] = text
        if not found["honest_loss"] and _LOSS.search(text):
            nxt = [x.text for x in ctx.sentences if x.paragraph == s.paragraph]
            if _CHANGE.search(" ".join(nxt)):
                found["honest_loss"] = text
        if not found["next_step_close"] and s.paragraph == last and _NEXT_STEP.search(text):
            found["next_step_close"] = text
    return found


#: Words that make a title in a sentence the role applied for ("the Key
#: Account Manager position", "as a CSM"), not a colleague.
_APPLYING = re.compile(
    r"\b(position|role|opening|vacancy|seat|apply|applying|application|as an?)\b", re.IGNORECASE
)


def title_use(ctx: LetterContext) -> tuple[bool, list[str]]:
    """(the posting's exact title appears, other role titles it applies as)."""
    title = ctx.posting_title
    exact = bool(title) and title.lower() in " ".join(ctx.text.split()).lower()
    core = core_title(title)
    others: list[str] = []
    for m in re.finditer(
        r"\b((?:Senior |Sr\.? |Key |Strategic |Enterprise |Named |Technical )?"
        r"(?:Account (?:Manager|Executive|Director)|Customer Success Manager|"
        r"Client Success Manager|Sales (?:Manager|Representative))|KAM|SAM|CSM|AE|SDR|BDR)\b",
        ctx.text,
    ):
        name = m.group(1)
        sentence = next((x.text for x in ctx.sentences if name in x.text), "")
        if core and core_title(name) != core and _APPLYING.search(sentence) and name not in others:
            others.append(name)
    return exact, others


# -- the report ------------------------------------------------------------


def _sentence_of(ctx: LetterContext, line: int | None) -> str:
    return next((s.text for s in ctx.sentences if s.line == line), "")


def check_letter(
    letter_text: str,
    posting_text: str,
    *,
    source: str = "<letter>",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preview: bool = False,
) -> LetterReport:
    """Check a cover letter against the posting it answers."""
    ctx = build_context(letter_text, posting_text=posting_text)
    chosen = REGISTRY.select(select, ignore, preview)
    findings: list[Finding] = []
    for rule in chosen:
        if rule.scope == "letter":
            for f in rule.check_letter(ctx):
                findings.append(_wrap(f, _sentence_of(ctx, f.line) or f.quote))
        elif rule.code in PROSE_RULES:
            for s in ctx.sentences:
                bctx = BulletContext(s.text, s.line, extract_facts(s.text, resume_text=letter_text))
                findings.extend(_wrap(f, s.text) for f in rule.check(bctx))
    findings.sort(key=lambda f: (f.line or 10**9, f.code))
    exact, others = ctx.title_use
    return LetterReport(
        SCHEMA_VERSION,
        __version__,
        source,
        ctx.posting_title,
        ctx.seniority,
        ctx.words,
        BANDS[ctx.seniority],
        ctx.paragraphs,
        exact,
        tuple(others),
        ctx.elements,
        tuple(findings),
    )


def _wrap(f: Finding, sentence: str) -> Finding:
    """The finding quoting its whole sentence (the report's ``sentence``)."""
    return Finding(f.code, f.name, f.severity, f.message, f.line, sentence, f.hint)
