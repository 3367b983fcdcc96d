"""Parse a resume (Markdown or plain text) into sections, roles and bullets.

Every job of the experience is a :class:`Role` (title, employer, dates, the
units under it). A job line is a Markdown heading or a short plain line
with a title word; with no Experience heading, a job line with dates opens
the experience. Plain sentences under a job (a role written as one
paragraph, lines without bullet marks) are the role's bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import (
    Unit,
    classify_heading,
    ends_sentence,
    is_continuation,
    join_pieces,
    line_starts,
    looks_like_heading,
    markdown_heading,
    strip_bullet,
)
from .titles import has_title_word

_TITLE_SPLIT = re.compile(r"\s+(?:—|–|-|\||·|•|@|at)\s+|,\s+|\s*\|\s*|\s+\(")
_DATE_RE = re.compile(
    r"\b(19|20)\d{2}\b|\bpresent\b|\bcurrent\b|\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\.?\s",
    re.IGNORECASE,
)

#: What may stand before the first year of a date span: a month number
#: ("6/2022") or a season ("Summer 2015").
_DATE_HEAD = re.compile(
    r"(?:\b(?:0?[1-9]|1[0-2])\s*/\s*|\b(?:spring|summer|fall|autumn|winter)\s+)$", re.I
)
_BARE_RANKS = frozenset({"vp", "svp", "evp", "avp", "director", "head", "manager", "lead"})
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z &/-]{2,40}):\s+(\S.*)$")

#: Section kinds whose plain lines and bullets show experience.
EXPERIENCE_SECTIONS = frozenset({"experience", "other"})
#: A plain line under a job with at least this many words is one of its
#: bullets (a role written as one paragraph, lines with no bullet marks).
SENTENCE_WORDS = 7


@dataclass(frozen=True, slots=True)
class Role:
    """One job of the experience, in the order the resume lists them."""

    title: str
    employer: str
    dates: str  # as written ("Jan 2021 - Present"), "" when none is given
    line: int
    units: tuple[int, ...]  # indexes of the units under it


@dataclass(frozen=True, slots=True)
class Section:
    kind: str
    heading: str
    line: int


@dataclass(frozen=True, slots=True)
class Resume:
    """A parsed resume. ``units`` hold every non-blank line or bullet."""

    text: str
    name: str
    title: str
    title_line: int
    sections: tuple[Section, ...]
    units: tuple[Unit, ...]
    roles: tuple[Role, ...] = ()

    @property
    def bullets(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.kind == "bullet")

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


def title_from_heading(text: str) -> str:
    """The job title part of "Title, Company" / "Title — Company" / "Title at Company"."""
    text = re.sub(r"[*_`]+", "", text).strip()
    parts = [p.strip() for p in _TITLE_SPLIT.split(text) if p and p.strip()]
    for i, part in enumerate(parts):
        if has_title_word(part) and not _DATE_RE.search(part):
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            if part.lower().rstrip(".") in _BARE_RANKS and nxt and not _DATE_RE.search(nxt):
                # "VP, Customer Success at Acme": the rank needs its function.
                return f"{part}, {nxt}"
            return part
    return parts[0] if parts else ""


def _is_job_line(stripped: str) -> bool:
    words = stripped.split()
    return (
        0 < len(words) <= 14
        and has_title_word(stripped)
        and not ends_sentence(stripped)
        and not stripped.lower().startswith(("responsible", "managed", "led "))
    )


def parse_resume(text: str) -> Resume:
    """Parse resume text (already normalised by :mod:`amfit.textio`)."""
    starts = line_starts(text)
    lines = text.split("\n")
    units: list[Unit] = []
    sections: list[Section] = []
    section, heading, role = "header", "", ""
    name, title, title_line = "", "", 0
    headline: tuple[str, int] | None = None
    open_bullet: list[tuple[int, int, str]] | None = None
    open_meta: tuple[str, str, str] = ("", "", "")

    def flush() -> None:
        nonlocal open_bullet
        if open_bullet:
            joined, pieces = join_pieces(open_bullet)
            sec, head, rl = open_meta
            units.append(Unit(len(units), "bullet", joined, sec, head, pieces, rl))
        open_bullet = None

    def add(kind: str, line_no: int, offset: int, content: str) -> None:
        joined, pieces = join_pieces([(line_no, starts[line_no - 1] + offset, content)])
        units.append(Unit(len(units), kind, joined, section, heading, pieces, role))

    prev_blank = True
    for idx, raw in enumerate(lines):
        line_no = idx + 1
        stripped = raw.strip()
        if not stripped:
            flush()
            prev_blank = True
            continue
        after_blank, prev_blank = prev_blank, False
        if open_bullet is not None and is_continuation(raw, True):
            offset = len(raw) - len(raw.lstrip())
            open_bullet.append((line_no, starts[idx] + offset, stripped))
            continue
        flush()
        offset = len(raw) - len(raw.lstrip())
        md = markdown_heading(raw)
        is_bullet, content, c_off = strip_bullet(raw)
        head_text = md[1] if md else (stripped if not is_bullet else "")
        inline = None if (md or is_bullet) else _INLINE_HEADING.match(stripped)
        if inline and len(inline.group(1).split()) <= 3:
            # "Skills: Salesforce, Gainsight" opens a section and holds items.
            ikind = classify_heading(inline.group(1), "resume")
            if ikind:
                section, heading, role = ikind, inline.group(1), ""
                sections.append(Section(ikind, inline.group(1), line_no))
                add("line", line_no, offset + inline.start(2), inline.group(2))
                continue
        kind = None
        plain = not md and not is_bullet and not looks_like_heading(raw)
        if (
            md
            or (not is_bullet and not plain)
            or (
                plain and after_blank and len(stripped.split()) <= 4 and not ends_sentence(stripped)
            )
        ):
            # A plain short line is a heading only after a blank line, so a
            # skills list item such as "Customer experience" stays an item.
            kind = classify_heading(head_text, "resume") if head_text else None
            if kind and section == "experience" and _dated(head_text) and has_title_word(head_text):
                # "Volunteer Team Member, Food Bank (2022 - Present)" under
                # Experience is a job, not a Volunteering section.
                kind = None
        if kind:
            section, heading, role = kind, head_text, ""
            sections.append(Section(kind, head_text, line_no))
            add("heading", line_no, offset, stripped)
            continue
        if md:
            level, htext = md
            if not name and section == "header" and level <= 1:
                name = htext
                add("heading", line_no, offset, stripped)
                continue
            if section in EXPERIENCE_SECTIONS or (section == "header" and has_title_word(htext)):
                role = title_from_heading(htext)
                if not title and section == "experience":
                    title, title_line = role, line_no
                add("job", line_no, raw.index(htext), htext)
                continue
            add("heading", line_no, offset, stripped)
            continue
        if is_bullet:
            open_bullet = [(line_no, starts[idx] + c_off, content)]
            open_meta = (section, heading, role)
            continue
        if section in ("header", "other") and name and _is_job_line(stripped) and _dated(stripped):
            # No Experience heading: a dated job line opens the experience.
            section, heading = "experience", heading if section == "other" else ""
        if section == "header":
            if not name:
                name = stripped
            elif headline is None and has_title_word(stripped):
                headline = (title_from_heading(stripped), line_no)
            add("line", line_no, offset, stripped)
            continue
        if section == "experience" and _is_job_line(stripped) and not _DATE_RE.fullmatch(stripped):
            role = title_from_heading(stripped)
            if not title:
                title, title_line = role, line_no
            add("job", line_no, offset, stripped)
            continue
        if role and section in EXPERIENCE_SECTIONS and _is_sentence(stripped):
            add("bullet", line_no, offset, stripped)
            continue
        add("line", line_no, offset, stripped)
    flush()
    if not title and headline:
        title, title_line = headline
    roles = _roles(units)
    return Resume(text, name, title, title_line, tuple(sections), tuple(units), roles)


def _is_sentence(text: str) -> bool:
    """A line of prose under a job (not its dates-and-place line)."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    if len(words) < SENTENCE_WORDS:
        return False
    return not (_dated(text) and len(text.split()) <= 12)


def _dated(text: str) -> bool:
    return _DATE_RE.search(text) is not None


def _roles(units: list[Unit]) -> tuple[Role, ...]:
    """The jobs of the experience, each with the units under it."""
    roles: list[Role] = []
    open_role: tuple[Unit, list[int]] | None = None

    def close() -> None:
        if open_role is not None:
            job, members = open_role
            employer, dates = _employer_and_dates(job.text, job.role)
            if not dates:
                # "Mar 2021 - Present | Columbus" on the line below the job.
                nxt = next((units[i] for i in members if units[i].kind == "line"), None)
                if nxt is not None and len(nxt.text.split()) <= 12 and _dated(nxt.text):
                    dates = _date_span(nxt.text)
            roles.append(Role(job.role, employer, dates, job.line, tuple(members)))

    for u in units:
        if u.kind == "job" and u.section in EXPERIENCE_SECTIONS and u.role:
            close()
            open_role = (u, [])
        elif u.kind == "heading":
            close()
            open_role = None
        elif open_role is not None and u.section == open_role[0].section:
            open_role[1].append(u.index)
    close()
    return tuple(roles)


def _date_span(text: str) -> str:
    found = list(_DATE_RE.finditer(text))
    if not found:
        return ""
    start, end = found[0].start(), found[-1].end()
    # The words that belong to the first date: "6/2022", "Summer 2015".
    head = _DATE_HEAD.search(text[:start])
    if head:
        start = head.start()
    tail = re.match(r"(?:-(?:0[1-9]|1[0-2])\b)?\s*'?\d{0,4}\b", text[end:])
    if tail:
        end += tail.end()
    return text[start:end].strip(" ()[],;")


def _employer_and_dates(text: str, title: str) -> tuple[str, str]:
    """The employer and the dates of a job line ("Title, Acme (2019 - 2021)")."""
    text = re.sub(r"[*_`]+", "", text).strip()
    parts = [p.strip(" ()[]") for p in _TITLE_SPLIT.split(text) if p and p.strip(" ()[]")]
    employer = next(
        (p for p in parts if not _DATE_RE.search(p) and p != title and p not in title), ""
    )
    return employer, _date_span(text)
