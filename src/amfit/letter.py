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
from functools import cache, cached_property

from . import phrases
from ._version import __version__
from .errors import TaxonomyError
from .facts import extract_facts
from .lint.base import REGISTRY, BulletContext, Finding
from .lint.rules.letter import LETTER_TABLES
from .lint.words import find
from .model import SCHEMA_VERSION, LetterReport
from .posting import parse_posting
from .resources import keywords_path
from .titles import core_title

#: Bullet rules that also read each sentence of a letter.
PROSE_RULES = ("AM201", "AM202", "AM302", "AM403", "AM501")
SENIORITIES = ("entry", "mid", "senior")
_BAND_FIELDS = {"seniority": str, "min": int, "max": int, "too_long": int, "source": str}


@cache
def word_lists() -> phrases.PhraseFile:
    """``keywords/letter.toml``: the letter's word lists, length bands and
    phrase rules."""
    return phrases.load(keywords_path("letter.toml"), tables=LETTER_TABLES)


@cache
def length_bands() -> dict[str, tuple[int, int, int]]:
    """Seniority -> (fewest words, most words, too long): the ``[[band]]``
    tables of keywords/letter.toml, one per seniority (DOMAIN.md section 5)."""
    return bands_of(word_lists())


def bands_of(data: phrases.PhraseFile) -> dict[str, tuple[int, int, int]]:
    """The length bands of a phrase file's ``[[band]]`` tables, checked."""
    bands: dict[str, tuple[int, int, int]] = {}
    for t in data.tables["band"]:
        phrases.require(t, data.path, _BAND_FIELDS, tuple(_BAND_FIELDS))
        f = t.fields
        if f["seniority"] not in SENIORITIES or f["seniority"] in bands:
            raise TaxonomyError(
                data.path, t.line, f"seniority '{f['seniority']}' is not one of {SENIORITIES} once"
            )
        if not 0 < f["min"] < f["max"] < f["too_long"]:
            raise TaxonomyError(data.path, t.line, "a band needs 0 < min < max < too_long")
        bands[f["seniority"]] = (f["min"], f["max"], f["too_long"])
    missing = [s for s in SENIORITIES if s not in bands]
    if missing:
        raise TaxonomyError(data.path, None, f"no [[band]] for {', '.join(missing)}")
    return bands


@cache
def _words(name: str, *, case: bool = False) -> re.Pattern[str]:
    return phrases.word_pattern(word_lists().get(name), case=case)


@cache
def _anywhere(name: str) -> re.Pattern[str]:
    return phrases.substring_pattern(word_lists().get(name))


@cache
def _title_pattern() -> re.Pattern[str]:
    """A role title the letter names: an optional prefix and a role title,
    or an acronym alone (exact case)."""
    lists = word_lists()
    prefixes, titles, acronyms = (
        "|".join(re.escape(e) for e in lists.get(name))
        for name in ("title_prefixes", "role_titles", "role_acronyms")
    )
    return re.compile(rf"\b((?:(?:{prefixes}) )?(?:{titles})|{acronyms})\b")


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
    for abbr in word_lists().get("abbreviations"):
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
    if _words("entry_level").search(posting_text):
        return "entry"
    if _words("senior_title_words", case=True).search(title):
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
    posting_text: str = ""  # the posting the letter answers, when given

    @property
    def paragraphs(self) -> int:
        return len({s.paragraph for s in self.sentences})

    @property
    def band(self) -> tuple[int, int]:
        """The word-count band for the posting's seniority."""
        low, high, _ = length_bands()[self.seniority]
        return low, high

    @property
    def too_long(self) -> int:
        return length_bands()[self.seniority][2]

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
        posting_text,
    )


# -- elements of a strong letter ---------------------------------------------


def body_paragraphs(ctx: LetterContext) -> list[int]:
    """Paragraph indexes of the letter's body: not the greeting or the sign-off
    (a paragraph of eight words or fewer)."""
    words: dict[int, int] = {}
    for s in ctx.sentences:
        words[s.paragraph] = words.get(s.paragraph, 0) + word_count(s.text)
    return [p for p in sorted(words) if words[p] > 8]


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
        retention = facts.by_measure("retention")
        if any(f.kind == "percent" for f in retention) and _words("typed_retention").search(s.text):
            found["opening_decision"] = s.text
            break
    for s in ctx.sentences:
        facts = extract_facts(s.text)
        text = s.text
        book = facts.by_measure("book") or any(
            f.kind == "count" and _anywhere("book_nouns").search(f.noun) for f in facts.figures
        )
        if not found["book_and_segment"] and book and facts.segment:
            found["book_and_segment"] = text
        if (
            not found["qbr_story"]
            and _words("review_meetings").search(text)
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
        if not found["honest_loss"] and _words("loss_words").search(text):
            nxt = [x.text for x in ctx.sentences if x.paragraph == s.paragraph]
            if _words("change_words").search(" ".join(nxt)):
                found["honest_loss"] = text
        if (
            not found["next_step_close"]
            and s.paragraph == last
            and _anywhere("next_step").search(text)
        ):
            found["next_step_close"] = text
    return found


def title_use(ctx: LetterContext) -> tuple[bool, list[str]]:
    """(the posting's exact title appears, other role titles it applies as)."""
    title = ctx.posting_title
    exact = bool(title) and title.lower() in " ".join(ctx.text.split()).lower()
    core = core_title(title)
    others: list[str] = []
    for m in _title_pattern().finditer(ctx.text):
        name = m.group(1)
        sentence = next((x.text for x in ctx.sentences if name in x.text), "")
        applying = _words("applying").search(sentence)
        if core and core_title(name) != core and applying and name not in others:
            others.append(name)
    return exact, others


# -- the report ------------------------------------------------------------


def _sentence_of(ctx: LetterContext, f: Finding) -> str:
    """The sentence a letter finding is about: of the sentences on its line,
    the one holding the text it quotes (a paragraph is one line), else the
    line's first."""
    on_line = [s.text for s in ctx.sentences if s.line == f.line]
    quoted = (f.quote or "").lower()
    if quoted:
        for text in on_line:
            if quoted in text.lower():
                return text
    return on_line[0] if on_line else ""


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
                findings.append(_wrap(f, _sentence_of(ctx, f) or f.quote))
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
        ctx.band,
        ctx.paragraphs,
        exact,
        tuple(others),
        ctx.elements,
        tuple(findings),
    )


def _wrap(f: Finding, sentence: str) -> Finding:
    """The finding quoting its whole sentence (the report's ``sentence``)."""
    return Finding(f.code, f.name, f.severity, f.message, f.line, sentence, f.hint)
