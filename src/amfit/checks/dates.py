"""Role date ranges: "Jan 2023 - Present", "6/2022 - 6/2024", "2014-09 - present",
"2012 to 2014", "Summer 2015", "Jun 12 - Dec 15".

A date is kept with its precision: a month, a season or only a year. Gaps
and overlaps are counted only where the precision makes them certain, and
years of experience are a range (at least, at most) for the same reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.checks import RoleDates
from ..resume import Resume

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_FULL = {
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
#: Season -> (first month, last month).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 2)}

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_POINT = (
    rf"(?:{_MONTH}\s*,?\s*(?P<my>(?:19|20)\d{{2}}|'?\d{{2}})\b"
    r"|(?P<season>spring|summer|fall|autumn|winter)\s+(?P<sy>(?:19|20)\d{2})\b"
    r"|(?P<nm>0?[1-9]|1[0-2])\s*/\s*(?P<ny>(?:19|20)\d{2})\b"
    r"|(?P<iy>(?:19|20)\d{2})-(?P<im>0[1-9]|1[0-2])\b"
    r"|(?P<y>(?:19|20)\d{2})\b"
    r"|(?P<now>present|current|now|today|ongoing))"
)
_POINT_RE = re.compile(r"(?<![\w/-])" + _POINT, re.IGNORECASE)
_SEP_RE = re.compile(r"\s*(?:-|–|—|to|until|through|thru|till)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Point:
    """One date: its earliest and latest month as (year * 12 + month - 1)."""

    lo: int
    hi: int
    style: str
    text: str
    present: bool = False
    iso: str = ""


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _year(text: str, as_of_year: int) -> tuple[int, bool]:
    """(four-digit year, was it written with two digits)."""
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits), False
    yy = int(digits)
    century = 2000 if 2000 + yy <= as_of_year + 1 else 1900
    return century + yy, True


def _point(m: re.Match[str], as_of: int) -> Point:
    text = m.group(0)
    as_of_year = as_of // 12
    if m.group("now"):
        return Point(as_of, as_of, "present", text, present=True, iso="present")
    if m.group("mon"):
        word = m.group("mon").lower()
        month = MONTHS[word[:3]]
        year, short = _year(m.group("my"), as_of_year)
        if word in _FULL:
            style = "Month"
        elif word == "may":
            style = "Mon|Month"  # "May" is both the short and the long name
        else:
            style = "Mon"
        style += " YY" if short else " YYYY"
        i = _month_index(year, month)
        return Point(i, i, style, text, iso=f"{year:04d}-{month:02d}")
    if m.group("season"):
        year = int(m.group("sy"))
        first, last = SEASONS[m.group("season").lower()]
        return Point(
            _month_index(year, first), _month_index(year, last), "Season YYYY", text, iso=f"{year}"
        )
    if m.group("nm"):
        year, month = int(m.group("ny")), int(m.group("nm"))
        i = _month_index(year, month)
        return Point(i, i, "M/YYYY", text, iso=f"{year:04d}-{month:02d}")
    if m.group("iy"):
        year, month = int(m.group("iy")), int(m.group("im"))
        i = _month_index(year, month)
        return Point(i, i, "YYYY-MM", text, iso=f"{year:04d}-{month:02d}")
    year = int(m.group("y"))
    return Point(_month_index(year, 1), _month_index(year, 12), "YYYY", text, iso=f"{year}")


@dataclass(frozen=True, slots=True)
class Range:
    start: Point
    end: Point
    text: str

    @property
    def style(self) -> str:
        styles = [p.style for p in (self.start, self.end) if not p.present]
        return styles[0] if styles else "present"


def find_range(text: str, as_of: int) -> Range | None:
    """The first date range (or single date) in ``text``."""
    points = list(_POINT_RE.finditer(text))
    for i, m in enumerate(points):
        start = _point(m, as_of)
        if start.present:
            continue
        if i + 1 < len(points):
            nxt = points[i + 1]
            between = text[m.end() : nxt.start()]
            if _SEP_RE.fullmatch(between):
                end = _point(nxt, as_of)
                return Range(start, end, text[m.start() : nxt.end()])
        # A single date ("Summer 2015", "2019"): the role sat inside it.
        return Range(start, start, m.group(0))
    return None


def parse_as_of(value: str) -> int:
    """A month index from "YYYY-MM" or "YYYY-MM-DD"."""
    m = re.fullmatch(r"((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-\d{2})?", value.strip())
    if not m:
        raise ValueError(value)
    return _month_index(int(m.group(1)), int(m.group(2)))


@dataclass(frozen=True, slots=True)
class DatedRole:
    role: RoleDates
    range: Range | None
    heading: str = ""  # the section heading the role sits under ("Volunteer Experience")
    employer: str = ""
    work: str = ""  # the role's bullets and lines, one per line


def role_dates(resume: Resume, as_of: int) -> list[DatedRole]:
    """Every job of the resume's experience (:attr:`Resume.roles`, the
    role model the fit score reads too) with its dates read from the words
    the role model found for them, so the checks and the fit score never
    disagree about which roles there are or where their dates are."""
    out: list[DatedRole] = []
    headings = {u.line: u.heading for u in resume.units if u.kind == "job"}
    for role in resume.roles:
        found = find_range(role.dates, as_of) if role.dates else None
        if found is None:
            rd = RoleDates(role.line, role.title, "", None, None, "")
        else:
            rd = RoleDates(
                role.line, role.title, found.text, found.start.iso, found.end.iso, found.style
            )
        work = "\n".join(resume.units[i].text for i in role.units)
        out.append(DatedRole(rd, found, headings.get(role.line, ""), role.employer, work))
    return out


def years_range(ranges: list[Range]) -> tuple[float, float] | None:
    """(at least, at most) years covered by the ranges, overlaps counted once."""
    if not ranges:
        return None

    def union(spans: list[tuple[int, int]]) -> int:
        total, cur = 0, None
        for lo, hi in sorted(spans):
            if hi < lo:
                continue
            if cur is None or lo > cur[1] + 1:
                if cur is not None:
                    total += cur[1] - cur[0] + 1
                cur = [lo, hi]
            else:
                cur[1] = max(cur[1], hi)
        if cur is not None:
            total += cur[1] - cur[0] + 1
        return total

    # At least: latest possible start to earliest possible end; at most:
    # earliest start to latest end, both months counted ("Jan 2019 - Dec
    # 2021" is three years, as a reader counts it). Only dates by year or
    # season make the two differ: "2019 - 2021" is 14 to 36 months.
    low = union([(r.start.hi, r.end.lo) for r in ranges])
    high = union([(r.start.lo, r.end.hi) for r in ranges])
    return round(low / 12, 1), round(high / 12, 1)
