"""CHK301: the years of experience a posting asks for ("5+ years in account
management", "3-5 years of customer success or account management
experience", "4 years of professional experience") against the resume's
role dates.

Only the roles relevant to what the requirement names count: those whose
title is of a title family of an area it names
(``[requirements.experience_areas]`` in ``data/checks.toml``), or, for a
title of no family amfit knows, whose title holds the area's words
("Manager, Business Development" for sales); an area may also name title
words that count a role of any family ("Team Lead" for people
management). A requirement that names no area counts every professional
role (volunteering and internships count for none:
``[requirements.not_professional]``). Overlapping periods count once. The
years are a
range (at least, at most) because of dates by year only; an undated role
that counts leaves a short total unknown. The roles come from the resume's
role model (:attr:`amfit.resume.Resume.roles`, via
:func:`.dates.role_dates`), as the fit score reads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..posting import Posting
from ..titles import family_of
from .base import CheckResult, LastOne, result, settings
from .dates import DatedRole, years_range
from .requirements import YEARS, degree_alternative, num, preferred, quote, sentences

#: Roles named in a message before "+N more" (all are in ``data``).
_NAMED = 3
#: The longest message (characters).
_WIDTH = 250


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    pattern: re.Pattern[str]
    families: frozenset[str]
    #: Title words that make a role of any family count ("team lead" for
    #: people management); None when only the families count.
    title: re.Pattern[str] | None = None
    #: When named, the other areas the same requirement names are not.
    overrides: bool = False


def _any_word(words: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)


@cache
def areas() -> tuple[Area, ...]:
    out = []
    for area_id, cfg in settings()["requirements"]["experience_areas"].items():
        title = _any_word(cfg["title_words"]) if cfg.get("title_words") else None
        families = frozenset(cfg["families"])
        overrides = bool(cfg.get("overrides", False))
        out.append(Area(area_id, _any_word(cfg["words"]), families, title, overrides))
    return tuple(out)


@lru_cache(maxsize=1024)
def areas_named(text: str) -> tuple[Area, ...]:
    """The experience areas a requirement names (none: any experience); an
    area that overrides stands alone when named. Kept per text: it reads
    nothing else (:func:`areas` is fixed), and requirements repeat across
    postings ("5+ years of experience")."""
    named = tuple(a for a in areas() if a.pattern.search(text))
    return tuple(a for a in named if a.overrides) or named


@dataclass(frozen=True, slots=True)
class Counted:
    """The roles sorted for one requirement."""

    counted: tuple[DatedRole, ...]
    other: tuple[DatedRole, ...]  # roles of another kind
    #: Of ``other``, the roles whose bullets speak of the area: a reader may
    #: count them, so they raise the most the years can be, not the least.
    by_work: tuple[DatedRole, ...] = ()


@cache
def _not_professional() -> re.Pattern[str]:
    return _any_word(settings()["requirements"]["not_professional"]["words"])


def professional(role: DatedRole) -> bool:
    """Not volunteering or an internship (by title, employer or section heading)."""
    text = " ".join((role.role.title, role.employer, role.heading))
    return not _not_professional().search(text)


def sort_roles(roles: Sequence[DatedRole], named: Sequence[Area]) -> Counted:
    families = frozenset().union(*(a.families for a in named)) if named else frozenset()
    counted, other = [], []
    for r in roles:
        if not professional(r):
            other.append(r)
            continue
        if not named:
            counted.append(r)
            continue
        title = r.role.title
        family = family_of(title)
        if family is None:
            relevant = any(a.pattern.search(title) for a in named)
        else:
            relevant = family.id in families
        relevant = relevant or any(
            a.pattern.search(title) or (a.title and a.title.search(title)) for a in named
        )
        (counted if relevant else other).append(r)
    by_work = tuple(r for r in other if professional(r) and _speaks_of(r.work, named))
    return Counted(tuple(counted), tuple(other), by_work)


def _sorted_roles(roles: Sequence[DatedRole], named: Sequence[Area]) -> Counted:
    """:func:`sort_roles`, kept per area list for the last resume's roles: a
    batch judges the same roles for each posting's requirement, and the
    sort reads the roles and the areas only (a role's title family, its
    bullets: all frozen)."""
    by_areas = _SORTED.get(roles, dict)
    key = tuple(a.id for a in named)  # an area's id names it (areas() is fixed)
    split = by_areas.get(key)
    if split is None:
        split = by_areas[key] = sort_roles(roles, named)
    return split


_SORTED: LastOne[dict[tuple[str, ...], Counted]] = LastOne()


#: Bullets of a role that must name the area for its years to count as
#: possible ("managed 12 key accounts" in two bullets, not one mention).
_WORK_MENTIONS = 2


#: After an area's words, a word that makes them other people's work
#: ("the account management team", "account managers' tickets").
_OTHERS = re.compile(r"\s*(?:teams?|department|group|colleagues|org)\b|['’]", re.IGNORECASE)


def _own_work(line: str, named: Sequence[Area]) -> bool:
    """The line names an area as the writer's own work: not as a team it
    helped ("assist the account management team") or people it trained
    ("mentor account managers": a plural person noun)."""
    for a in named:
        for m in a.pattern.finditer(line):
            if not (_OTHERS.match(line, m.end()) or m.group(0).lower().endswith("ers")):
                return True
    return False


def _speaks_of(work: str, named: Sequence[Area]) -> bool:
    lines = [line for line in work.splitlines() if _own_work(line, named)]
    return len(lines) >= _WORK_MENTIONS


def _names(roles: Sequence[DatedRole]) -> str:
    named = [r.role.title for r in roles[:_NAMED]]
    more = len(roles) - _NAMED
    return ", ".join(named) + (f" +{more} more" if more > 0 else "")


def _listing(roles: Sequence[DatedRole]) -> list[dict[str, object]]:
    return [{"title": r.role.title, "line": r.role.line, "dates": r.role.dates} for r in roles]


def years(posting: Posting, roles: Sequence[DatedRole]) -> list[CheckResult]:
    """CHK301 for each distinct years requirement of the posting."""
    out: list[CheckResult] = []
    seen: set[int] = set()
    for unit, sentence, lower in sentences(posting):
        if "year" not in lower:
            continue  # every YEARS match holds the word: a word test, not a search
        for m in YEARS.finditer(sentence):
            if degree_alternative(sentence, m.start()):
                continue
            rest = m.group("rest") or ""
            if not _CONTEXT.search(rest) and "experience" not in lower:
                continue
            need = num(m.group(1))
            if need == 0 or need > 30 or need in seen:
                continue
            seen.add(need)
            pref = preferred(unit, sentence)
            # The requirement's words to the end of the last one ("position").
            ask = quote(m.group(0) + re.match(r"\w*", sentence[m.end() :]).group(0), 70)
            what = f"the posting asks for {ask!r} (line {unit.line}{', preferred' if pref else ''})"
            out.append(_judge(what, need, pref, unit.line, roles, areas_named(m.group(0))))
    return out


_CONTEXT = re.compile(
    r"experience|\bin\b|\bas an?\b|managing|selling|working|background|"
    r"management|leadership|leading",
    re.I,
)


def _judge(
    what: str,
    need: int,
    pref: bool,
    line: int,
    roles: Sequence[DatedRole],
    named: Sequence[Area],
) -> CheckResult:
    split = _sorted_roles(roles, named)
    kinds = "/".join(a.id.replace("_", " ") for a in named) if named else "professional"
    scope = f"{kinds} roles"
    data: dict[str, object] = {
        "required": need,
        "areas": [a.id for a in named],
        "counted": _listing(split.counted),
        "not_counted": _listing(split.other),
    }
    if not roles:
        return result(
            "CHK301",
            "unknown",
            f"{what}; the resume shows no role to count",
            hint="list each role with its dates so a reader (and an ATS) can count your years",
            line=line,
            **data,
        )
    counted = [r.range for r in split.counted if r.range is not None]
    undated = [r for r in split.counted if r.range is None]
    low, high = years_range(counted) or (0.0, 0.0)
    maybe = [r.range for r in split.by_work if r.range is not None]
    if maybe:
        high = (years_range(counted + maybe) or (0.0, 0.0))[1]
    data.update(years_min=low, years_max=high, by_work=_listing(split.by_work))
    if counted:
        shown = f"{low:g}" if low == high else f"{low:g}-{high:g}"
        dated = [r for r in split.counted if r.range is not None]
        basis = f"{shown} years in {scope} ({_names(dated)})"
    elif not split.counted:
        basis = f"no {scope} by title"
    else:
        basis = f"{scope} with no dates: {_names(undated)}"
    if undated and counted:
        basis += f"; undated: {_names(undated)}"
    if split.by_work:
        basis += f"; its bullets, not its title, say {kinds} work: {_names(split.by_work)}"
    rest = [r for r in split.other if r not in split.by_work]
    if rest:
        basis += f"; not counted: {_names(rest)}"
    message = quote(f"{what}; {basis}", _WIDTH)
    if low >= need:
        return result("CHK301", "pass", message, line=line, **data)
    if undated:
        return result(
            "CHK301",
            "unknown",
            message,
            hint="date every role so the years can be counted",
            line=line,
            **data,
        )
    if low < need <= high and split.by_work:
        return result(
            "CHK301",
            "unknown",
            message,
            hint="if that work was the role, say so on its title line, so its years count",
            line=line,
            **data,
        )
    if high < need:
        return result(
            "CHK301",
            "fail",
            message,
            severity="info" if pref else "warning",
            hint=(
                "count related work (support, operations, sales) if true, and date it"
                if split.counted
                else "if a role was this work under another title, say so on its title line"
            ),
            line=line,
            **data,
        )
    return result(
        "CHK301",
        "unknown",
        message,
        hint="give months with the years so the total is clear",
        line=line,
        **data,
    )
