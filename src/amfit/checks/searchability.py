"""Searchability (CHK1xx): what an ATS parser and a recruiter's search need.

Contact details (CHK101) are looked for by shape and reported by kind and
line only: the report never repeats an address or a number. Headings
(CHK102, CHK103) are compared with the standard wordings of
``data/checks.toml``. The posting's title (CHK104) is searched word for
word, as a recruiter's title search does. Role dates (CHK105-CHK109) come
from :mod:`amfit.checks.dates`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..document import classify_heading, markdown_heading, normalize_heading
from ..resume import Resume
from .base import CheckResult, LastOne, result, settings
from .dates import DatedRole

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# 10 to 15 digits in phone-like groups: "+1 (614) 555-0100", "0712 345 678".
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{8,18}\d(?![\w/])")
_PROFILE = re.compile(
    r"\b(?:linkedin\.com/in/|github\.com/|gitlab\.com/|behance\.net/|dribbble\.com/)\S*"
    r"|\bhttps?://\S+",
    re.IGNORECASE,
)
_LINKEDIN = re.compile(r"\blinkedin(?:\.com\b|\s*:)", re.IGNORECASE)
_LOCATION_LABEL = re.compile(r"^\s*(?:location|based in|address)\s*:\s*\S", re.IGNORECASE)
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@cache
def _city() -> re.Pattern[str]:
    """ "Columbus, OH", "Nairobi, Kenya", "London, UK": a capitalised place, a
    comma, then a region code or a country of ``data/checks.toml``."""
    cfg = settings()["searchability"]
    places = sorted([*cfg["region_codes"], *cfg["countries"]], key=len, reverse=True)
    return re.compile(
        r"\b[A-Z][a-zA-Z.'-]+(?: [A-Z][a-zA-Z.'-]+){0,2},\s*(?:"
        + "|".join(re.escape(p) for p in places)
        + r")\b"
    )


_REMOTE = re.compile(r"\b(?:remote|open to relocation|willing to relocate)\b", re.IGNORECASE)


def _is_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    # Date ranges ("2013-12 - 2015-08", "2014 - 2016") are not phones.
    return 10 <= digits <= 15 and len(_YEARISH.findall(text)) < 2


def header_lines(resume: Resume) -> list[tuple[int, str]]:
    """(line, text) of everything above the first section heading."""
    first = resume.sections[0].line if resume.sections else 10**9
    return [(u.line, u.text) for u in resume.units if u.line < first]


def resume_location(resume: Resume) -> tuple[int, str] | None:
    """The line and words of the resume's own location, when it states one."""
    for line, text in header_lines(resume):
        for part in re.split(r"\s*[|•·]\s*", text):
            if _EMAIL.search(part):
                continue
            m = _city().search(part) or _REMOTE.search(part)
            if m:
                return line, m.group(0)
    for u in resume.units:
        if u.kind == "line" and _LOCATION_LABEL.match(u.text):
            return u.line, u.text.split(":", 1)[1].strip()
    return None


def contact_details(resume: Resume) -> CheckResult:
    """CHK101: e-mail, phone, location and profile link, by kind and line."""
    found: dict[str, int] = {}
    header = header_lines(resume)
    for u in resume.units:
        if "email" not in found and _EMAIL.search(u.text):
            found["email"] = u.line
        if (
            "phone" not in found
            and u.kind != "job"
            and any(_is_phone(m.group(0)) for m in _PHONE.finditer(u.text))
        ):
            found["phone"] = u.line
        if "profile link" not in found and _LINKEDIN.search(u.text):
            found["profile link"] = u.line
    for line, text in header:
        if "profile link" not in found and _PROFILE.search(_EMAIL.sub("", text)):
            found["profile link"] = line
    loc = resume_location(resume)
    if loc:
        found["location"] = loc[0]
    kinds = ("email", "phone", "location", "profile link")
    missing = [k for k in kinds if k not in found]
    have = ", ".join(f"{k} (line {found[k]})" for k in kinds if k in found) or "none"
    if not missing:
        return result("CHK101", "pass", f"contact details found: {have}", found=list(kinds))
    needed = [k for k in missing if k != "profile link"]
    severity = "error" if "email" in missing else "warning" if needed else "info"
    return result(
        "CHK101",
        "fail",
        f"contact details missing: {', '.join(missing)}; found: {have}",
        severity=severity,
        hint="put e-mail, phone and city in the body at the top, not in a page header or footer",
        found=[k for k in kinds if k in found],
        missing=missing,
    )


def _standard(kind: str) -> set[str]:
    return set(settings()["searchability"]["standard_headings"].get(kind, ()))


def _clean_heading(text: str) -> str:
    return " ".join(re.findall(r"[a-z']+", normalize_heading(text).replace("&", " and ")))


def sections(resume: Resume) -> list[CheckResult]:
    """CHK102 for each standard section missing; CHK103 for each heading in
    non-standard words or naming no section amfit knows."""
    cfg = settings()["searchability"]
    out: list[CheckResult] = []
    kinds = {s.kind for s in resume.sections}
    for kind in cfg["required_sections"]:
        if kind in kinds:
            sec = resume.section(kind)
            assert sec is not None
            out.append(
                result(
                    "CHK102",
                    "pass",
                    f"{kind} section found ('{sec.heading}', line {sec.line})",
                    line=sec.line,
                    section=kind,
                )
            )
        else:
            out.append(
                result(
                    "CHK102",
                    "fail",
                    f"no {kind} section: an ATS files what it cannot place under 'other'",
                    severity=cfg["missing_severity"].get(kind, "warning"),
                    hint=f"add a section headed '{kind.capitalize()}'",
                    section=kind,
                )
            )
    odd: list[tuple[int, str, str | None]] = []
    heading_lines = {u.line for u in resume.units if u.kind == "heading"}
    for s in resume.sections:
        if s.line not in heading_lines:
            continue  # an inline label ("Skills: ...") is not a heading an ATS reads
        words = _clean_heading(s.heading)
        if words and words not in _standard(s.kind):
            odd.append((s.line, s.heading, s.kind))
    section_lines = {s.line for s in resume.sections}
    named = False
    for no, raw in enumerate(resume.text.split("\n"), start=1):
        md = markdown_heading(raw)
        # "### ..." is a sub-heading (a role, a project), not a section; the
        # first "# ..." is the name.
        if md is None or md[0] > 2 or no in section_lines:
            continue
        if md[0] == 1 and not named:
            named = True
            continue
        if classify_heading(md[1], "resume") is None:
            odd.append((no, md[1].strip(), None))
    for u in resume.units:
        # A plain-text heading line ("WHERE I HAVE BEEN") that opened no section.
        if (
            u.kind == "heading"
            and u.index > 0
            and markdown_heading(u.text) is None
            and u.line not in section_lines
            and classify_heading(u.text, "resume") is None
        ):
            odd.append((u.line, u.text.strip(), None))
    odd.sort(key=lambda o: o[0])
    for line, heading, kind in odd:
        if kind:
            msg = f"heading '{heading}' (line {line}) reads as {kind} but is not a standard wording"
            hint = f"write '{sorted(_standard(kind), key=len)[0].title()}'"
        else:
            msg = f"heading '{heading}' (line {line}) names no section an ATS knows"
            hint = "use Summary, Experience, Education, Skills or Certifications"
        out.append(
            result(
                "CHK103",
                "fail",
                msg,
                severity="info" if kind else "warning",
                hint=hint,
                line=line,
                heading=heading,
                reads_as=kind,
            )
        )
    return out


_QUALIFIER = re.compile(r"\s*(?:,|\(|\s[-–—|/]\s|:).*$")


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _has_words(text: str, words: str) -> bool:
    """``(?<![a-z0-9])words(?![a-z0-9])`` in ``text``, with no pattern
    compiled for every posting's title."""
    at = text.find(words)
    while at != -1:
        end = at + len(words)
        if text[at - 1 : at] not in _ALNUM and text[end : end + 1] not in _ALNUM:
            return True
        at = text.find(words, at + 1)
    return False


_LOWERED: LastOne[tuple[str, tuple[tuple[int, str], ...]]] = LastOne()


def _lowered(resume: Resume) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The resume's text and each unit's (line, text), lower case, spaces
    squeezed; kept for the last resume (a batch scores one against many)."""

    def make() -> tuple[str, tuple[tuple[int, str], ...]]:
        units = tuple((u.line, " ".join(u.text.lower().split())) for u in resume.units)
        return " ".join(resume.text.lower().split()), units

    return _LOWERED.get(resume, make)


def posting_title(resume: Resume, title: str) -> CheckResult | None:
    """CHK104: the posting's title, or its main part, on the resume word for word."""
    if not title:
        return None
    main = _QUALIFIER.sub("", title).strip()
    lower, units = _lowered(resume)

    def present(form: str) -> int | None:
        words = " ".join(form.lower().split())
        if not _has_words(lower, words):
            return None
        # Line of the first hit, from the unit that holds it.
        for line, text in units:
            if _has_words(text, words):
                return line
        return 0

    full = present(title)
    if full is not None:
        return result(
            "CHK104", "pass", f"the posting's title '{title}' is on the resume", line=full or None
        )
    part = present(main) if main and main != title else None
    if part is not None:
        return result(
            "CHK104",
            "pass",
            f"the posting's title '{main}' is on the resume "
            f"(the posting adds '{title[len(main) :].strip(' ,-–—')}')",
            line=part or None,
            title=title,
            matched=main,
        )
    return result(
        "CHK104",
        "fail",
        f"the posting's title '{main or title}' is not on the resume word for word; "
        "recruiters search by title",
        hint="if it is true, use the posting's exact title in your headline or summary",
        title=title,
    )


def _compatible(a: str, b: str) -> bool:
    """Two date styles read as one format ("May 2020" fits "Mon" and "Month";
    a season fits any month-name style)."""
    if a == b:
        return True
    pa, pb = set(a.split(" ")[0].split("|")), set(b.split(" ")[0].split("|"))
    ya, yb = a.split(" ")[-1], b.split(" ")[-1]
    if ya != yb:
        return False
    if ("Season" in pa and pb & {"Mon", "Month"}) or ("Season" in pb and pa & {"Mon", "Month"}):
        return True
    return bool(pa & pb)


def role_date_checks(roles: list[DatedRole]) -> list[CheckResult]:
    """CHK105 format, CHK106 undated, CHK107 two-digit years, CHK108 gaps,
    CHK109 overlaps."""
    cfg = settings()["dates"]
    out: list[CheckResult] = []
    if not roles:
        return out
    dated = [r for r in roles if r.range is not None]
    undated = [r for r in roles if r.range is None]
    for r in undated:
        out.append(
            result(
                "CHK106",
                "fail",
                f"role '{r.role.title}' (line {r.role.line}) has no dates",
                hint="give each role a start and end month: 'Mar 2021 - Present'",
                line=r.role.line,
            )
        )
    if not undated:
        out.append(result("CHK106", "pass", f"all {len(roles)} roles are dated"))
    styles = [r.role.style for r in dated if r.role.style != "present"]
    groups: list[str] = []
    for s in styles:
        if not any(_compatible(s, g) for g in groups):
            groups.append(s)
    if len(groups) > 1:
        counts = Counter(styles)
        listed = ", ".join(f"{s} ({counts[s]})" for s in dict.fromkeys(styles))
        out.append(
            result(
                "CHK105",
                "fail",
                f"role dates use {len(groups)} formats: {listed}",
                hint="write every date the same way, month and year: 'Mar 2021'",
                styles=list(dict.fromkeys(styles)),
            )
        )
    elif styles:
        out.append(result("CHK105", "pass", f"role dates use one format ({groups[0]})"))
    short = [r for r in dated if r.role.style.endswith(" YY")]
    if short:
        first = short[0].role
        out.append(
            result(
                "CHK107",
                "fail",
                f"{len(short)} roles give two-digit years ('{first.dates}', line {first.line}): "
                "a parser may read the number as a day",
                hint="write four-digit years: 'Jun 2012'",
                line=first.line,
            )
        )
    spans = sorted(dated, key=lambda r: (r.range.start.lo, r.range.end.hi))  # type: ignore[union-attr]
    gap_months = int(cfg["gap_months"])
    gaps = 0
    latest: DatedRole | None = None
    for r in spans:
        assert r.range is not None
        if latest is not None:
            assert latest.range is not None
            gap = r.range.start.lo - latest.range.end.hi - 1
            if gap > gap_months:
                gaps += 1
                out.append(
                    result(
                        "CHK108",
                        "fail",
                        f"a gap of at least {gap} months between '{latest.role.title}' "
                        f"(ends {latest.range.end.text}) and '{r.role.title}' "
                        f"(starts {r.range.start.text})",
                        severity="info",
                        hint="a one-line note on the gap (study, care, a move) answers it",
                        line=r.role.line,
                        months=gap,
                    )
                )
        if latest is None or r.range.end.hi > latest.range.end.hi:  # type: ignore[union-attr]
            latest = r
    if len(dated) > 1 and not gaps:
        out.append(
            result("CHK108", "pass", f"no gap of more than {gap_months} months between roles")
        )
    overlap_months = int(cfg["overlap_months"])
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            assert a.range is not None and b.range is not None
            months = min(a.range.end.lo, b.range.end.lo) - b.range.start.hi
            if months > overlap_months:
                out.append(
                    result(
                        "CHK109",
                        "info",
                        f"'{a.role.title}' (line {a.role.line}) and '{b.role.title}' "
                        f"(line {b.role.line}) overlap by about {months} months",
                        hint="fine for a side role or a promotion; label a side role so",
                        line=b.role.line,
                        months=months,
                    )
                )
    return out
