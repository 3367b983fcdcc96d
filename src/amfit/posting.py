"""Parse a job posting (plain text or Markdown, with or without headings).

Each unit gets a section kind:

* ``title`` - the job title line
* ``intro`` - text before the first heading (no signal)
* ``role`` - unclassified headings ("Proactive Personnel Management:")
* ``responsibilities``, ``required``, ``role`` - must-have signal
* ``preferred`` - nice-to-have signal
* ``about``, ``benefits``, ``eeo``, ``apply`` - not an ask of the hire
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from .document import (
    Piece,
    Unit,
    classify_heading,
    ends_sentence,
    is_continuation,
    join_pieces,
    looks_like_heading,
    markdown_heading,
    section_patterns,
    strip_bullet,
)
from .titles import has_title_word

#: Sections whose mentions are not asks of the hire.
IGNORED_SECTIONS = frozenset({"about", "benefits", "eeo", "apply"})
#: Sections whose mentions make a concept a must-have.
MUST_SECTIONS = frozenset({"title", "responsibilities", "required", "role"})
#: Sections whose mentions make a concept nice-to-have.
NICE_SECTIONS = frozenset({"preferred"})

_TITLE_LABEL = re.compile(r"^(?:job\s+title|title|position|role)\s*:\s*(.+)$", re.IGNORECASE)
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z' ’&/-]{2,40}):\s+(\S.*)$")
#: Markdown emphasis and heading marks, dropped from a title or heading.
_MARKS = re.compile(r"[*_#]+")


@dataclass(frozen=True, slots=True)
class PostingSection:
    kind: str
    heading: str
    line: int


@dataclass(frozen=True, slots=True)
class Posting:
    text: str
    title: str
    title_line: int
    sections: tuple[PostingSection, ...]
    units: tuple[Unit, ...]

    @property
    def has_headings(self) -> bool:
        return bool(self.sections)


#: A sentence opening on a name and a verb of what it is or does ("Acme is
#: a platform...", "Contoso Labs helps..."): the subject and the verb.
_SUBJECT_VERB = re.compile(
    r"^\W*((?:(?:\(?(?=[\w.]*[A-Za-z])[A-Z0-9][\w.&'’()-]*|of|and|&|/)\s+){0,5}?)(is|was|are|were|has|have|had|"
    r"will|can|must|work|report|grew|built|made|won|began|became|[a-z]{3,}(?:s|ed))\b"
)
_OPENERS = frozenset({"the", "this", "that", "a", "an", "as", "our", "each", "every"})


@cache
def _intro_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    return dict(section_patterns("intro"))


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def intro_reading(sentence: str, offset: int | None = None) -> str:
    """How the words at ``offset`` of a sentence above the first heading are
    read (the whole sentence when ``offset`` is None): ``duties`` (it asks
    something of the hire), ``company`` (company description, benefits or
    EEO text: no ask) or ``""`` (neither; read like a responsibilities
    section). The patterns are ``[intro]`` in ``keywords/sections.toml``."""
    reading, opening = _reading(sentence)
    if opening is not None and offset is not None and offset < opening:
        # "Acme is a B2B SaaS company looking for...": B2B SaaS is Acme's.
        head, _ = _reading(sentence[:opening])
        return head or "duties"
    return reading


@lru_cache(maxsize=4096)
def _reading(sentence: str) -> tuple[str, int | None]:
    """(the sentence's reading, where an opening announcement starts)."""
    plain = _LINK.sub(r"\1", sentence)
    lower = plain.lower().replace("’", "'")
    patterns = _intro_patterns()
    if any(p.search(lower) for p in patterns.get("duties", ())):
        return "duties", None
    original = sentence.lower()
    starts = [m.start() for p in patterns.get("opening", ()) for m in p.finditer(original)]
    if starts:
        return "duties", min(starts)
    m = _SUBJECT_VERB.match(plain)
    if m:
        words = m.group(1).split()
        if words and words[0].lower() in _OPENERS:
            words = words[1:]
        if words and has_title_word(" ".join(w.rstrip("s") for w in words)):
            # "The Account Manager is...", "Directors work closely with..."
            return "duties", None
        if words and not m.group(1)[:1].islower():
            # A name and what it is or does: "Acme is a platform for..."
            return "company", None
    if any(p.search(lower) for p in patterns.get("company", ())):
        return "company", None
    return "", None


def _find_title(lines: list[str]) -> tuple[str, int]:
    first: tuple[str, int] | None = None
    for idx, raw in enumerate(lines[:8]):
        s = raw.strip()
        if not s:
            continue
        m = _TITLE_LABEL.match(_MARKS.sub("", s).strip())
        if m:
            return m.group(1).strip(), idx + 1
        if first is None:
            first = (s, idx + 1)
    if first is None:
        return "", 0
    s, line_no = first
    md = markdown_heading(s)
    text = md[1] if md else s
    text = re.sub(r"[*_`]+", "", text).strip()
    if not text or len(text.split()) > 14 or (ends_sentence(text) and not text.endswith(")")):
        return "", 0
    kind = classify_heading(text, "posting")
    if kind in {"about", "benefits", "eeo", "apply"} or (kind and not has_title_word(text)):
        # "Responsibilities" or "## What you'll do" opens a section, not a job.
        return "", 0
    return text, line_no


def _heading_kind(text: str) -> str:
    return classify_heading(text, "posting") or "role"


def parse_posting(text: str) -> Posting:
    """Parse posting text (already normalised by :mod:`amfit.textio`)."""
    lines = text.split("\n")
    # Offset of each line: what document.line_starts finds, from the lengths.
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    title, title_line = _find_title(lines)
    units: list[Unit] = []
    sections: list[PostingSection] = []
    section, heading = "intro", ""
    open_bullet: list[tuple[int, int, str]] | None = None
    open_meta = ("intro", "")
    prev_blank = True

    def flush() -> None:
        nonlocal open_bullet
        if open_bullet:
            joined, pieces = join_pieces(open_bullet)
            units.append(Unit(len(units), "bullet", joined, open_meta[0], open_meta[1], pieces))
        open_bullet = None

    def add(kind: str, line_no: int, start: int, content: str, sec: str) -> None:
        # One line's unit: what join_pieces gives for a single part.
        units.append(Unit(len(units), kind, content, sec, heading, (Piece(0, line_no, start),)))

    for idx, raw in enumerate(lines):
        line_no = idx + 1
        stripped = raw.strip()
        if not stripped:
            flush()
            prev_blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        if line_no == title_line:
            flush()
            add("heading", line_no, starts[idx] + lead, stripped, "title")
            prev_blank = False
            continue
        if open_bullet is not None and is_continuation(raw, True):
            open_bullet.append((line_no, starts[idx] + lead, stripped))
            continue
        if open_bullet is not None:  # most lines close no bullet: no call
            flush()
        md = markdown_heading(raw)
        is_bullet, content, c_off = strip_bullet(raw)
        head: str | None = None
        if md:
            head = md[1]
        elif (not is_bullet and looks_like_heading(raw, max_words=8)) or (
            not is_bullet
            and prev_blank
            and len(stripped.split()) <= 6
            and not ends_sentence(stripped)
            and classify_heading(stripped, "posting")
        ):
            head = stripped
        if head is not None:
            section, heading = _heading_kind(head), _MARKS.sub("", head).strip()
            sections.append(PostingSection(section, heading, line_no))
            add("heading", line_no, starts[idx] + lead, stripped, section)
            prev_blank = False
            continue
        m = None if is_bullet else _INLINE_HEADING.match(stripped)
        if m and len(m.group(1).split()) <= 5:
            kind = classify_heading(m.group(1), "posting")
            if kind:
                section, heading = kind, m.group(1)
                sections.append(PostingSection(section, heading, line_no))
        if is_bullet:
            open_bullet = [(line_no, starts[idx] + c_off, content)]
            open_meta = (section, heading)
        else:
            add("line", line_no, starts[idx] + lead, stripped, section)
        prev_blank = False
    flush()
    return Posting(text, title, title_line, tuple(sections), tuple(units))
