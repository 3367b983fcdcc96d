"""Role fit: is this posting the resume's kind of role?

The posting's family comes from its title and its body. The title names a
family (``keywords/titles.toml``); the body leans towards keeping and
growing a book (account-management concepts: renewal, expansion, book of
business...) or towards hunting (new-business concepts: new logos,
prospecting, cold outreach, quota on net-new...). A title of no known
family is another role, unless the body reads as account management and
the title names no function of its own (marketing, product, engineering:
:func:`names_other_function`). The
*lean* of each side is the share of account-management concepts among
account-management and new-business ones; the resume's comes from its
evidence. Role fit = :data:`TITLE_SHARE` x the title comparison +
the rest x (1 - the distance between the leans).

The resume's role for the comparison is an account role when it has one
(amfit scores for account-management seats): of its account roles, the
one closest to the posting's family (``same`` before ``family`` before
``neighbour``), the most recent on a tie; with no account role, the
closest of its other known roles. ``amfit score --as TITLE`` names it.

A posting that asks fewer than :data:`MIN_AM_CONCEPTS` account-management
concepts and whose title is no account role is "not an account-management
posting": its score is capped at :data:`NOT_AM_CAP`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from ..model import PostingAnalysis, RoleFit
from ..resume import Resume
from ..taxonomy import CATEGORIES, Concept, title_families
from ..titles import TitleMatch, compare_titles, family_of
from . import weights

#: Concept categories that are account-management asks: the taxonomy's
#: first eight (not analytics, tools, soft skills, segment words, the
#: neighbour-role vocabulary or custom ones).
AM_CATEGORIES = frozenset(CATEGORIES[: CATEGORIES.index("analytics")])
#: Concept categories of the hunting roles (AE, SDR, sales leadership).
HUNT_CATEGORIES = frozenset({"new_business", "sales_leadership"})
#: Families whose postings are account-management seats whatever they ask.
ACCOUNT_FAMILIES = frozenset({"account_manager", "customer_success", "renewals"})
#: Families of account seats of another kind (partner accounts, customer
#: implementations): with at least one account-management ask, such a
#: posting is never capped as "not an account-management posting".
SEAT_FAMILIES = frozenset({"partnerships", "implementation"})
#: Fewer account-management concepts than this, and no account title: not
#: an account-management posting.
MIN_AM_CONCEPTS = 4
#: The highest score a posting that is not an account-management one gets
#: (with ``MIN_AM_CONCEPTS - 1`` such concepts); each concept fewer lowers
#: it by :data:`NOT_AM_CAP_STEP`, so an ad with no account-management ask
#: at all ranks below every one that has some.
NOT_AM_CAP = 25.0
NOT_AM_CAP_STEP = 5.0
#: With this many account-management concepts and a lean of at least
#: :data:`BODY_AM_LEAN`, a posting whose title names no family reads as an
#: account-manager posting from its body.
BODY_AM_CONCEPTS = 6
BODY_AM_LEAN = 0.75
#: The closest title level a posting judged from its body gets.
BODY_LEVEL = "neighbour"
#: A new-business concept counts this many account-management ones in a
#: lean: the hunting asks are what sets an AE or SDR seat apart, as many
#: of the account-management ones (stakeholders, forecasting, contracts)
#: are asked by every selling role.
HUNT_WEIGHT = 2
#: Share of role fit that the title comparison carries (the rest: the leans).
TITLE_SHARE = 0.7
#: Families of the hunting and sales-leadership seats. When the posting's
#: title names one of them and the resume's role is of another family, the
#: title decides: the body's lean counts no more than the title does. Such
#: bodies ask for revenue an account posting also asks for (a sales leader
#: owns new, expansion and renewal revenue alike), so their lean cannot
#: make them an account seat.
HUNT_FAMILIES = frozenset({"account_executive", "sdr", "sales_manager"})
#: A resume whose lean is at least this is an account-management resume:
#: compared with a seat of pure account management (:func:`body_value`).
AM_RESUME_LEAN = 0.5
#: Title value of a posting title of no known family that names no function
#: of its own ("Partner Enablement Specialist", "Client Services Lead"):
#: another role, but not a hunting one like an Account Executive or SDR
#: title (0), so its body's lean can still lift it.
UNKNOWN_TITLE_VALUE = 0.25
#: Families of post-sale customer seats that keep no book (support desks,
#: onboarding). Against an account role of another family ("different"),
#: such a title counts :data:`UNKNOWN_TITLE_VALUE`, as a title of no known
#: family does: another role, but one serving customers after the sale, not
#: a hunting one (0). A CSM title neighbours them (``keywords/titles.toml``).
POST_SALE_FAMILIES = frozenset({"customer_support", "implementation"})
#: Level order when picking the resume's role closest to the posting's.
_LEVEL_RANK = {"same": 0, "family": 1, "neighbour": 2, "different": 3, "unknown": 4}


#: "Director, Cloud Partnerships", "Head of Creator Partnerships": a level
#: put before the function. Read as "Cloud Partnerships Director".
_INVERTED = re.compile(
    r"^\s*((?:senior |associate |assistant |group )?(?:director|head|manager|lead|vp|"
    r"vice president))\s*(?:,|\bof\b|-|–)\s*(.+?)\s*$",
    re.IGNORECASE,
)


def family_title(title: str) -> str:
    """The posting title as the family reading should see it.

    A title of no known family is read again with its level put back after
    the function, the order the family phrases are written in: "Director,
    Cloud Partnerships" and "Director of Creator Partnerships" read as
    "Cloud Partnerships Director" and "Creator Partnerships Director". When that names
    no family either, the title is kept as written. (A title of two roles
    joined by a slash, "Account/Project Manager", is left alone: which of
    the two the seat is, its body says, not its title.)
    """
    if not title or family_of(title) is not None:
        return title
    m = _INVERTED.match(title)
    if m is None:
        return title
    reading = f"{m.group(2)} {m.group(1)}"
    return reading if family_of(reading) is not None else title


@cache
def _other_functions() -> frozenset[str]:

    from ..resources import keywords_path, parse_toml

    data = parse_toml(keywords_path("roles.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["other_functions"]["words"])


def names_other_function(title: str) -> bool:
    """Does a title name a function of its own, outside the selling and
    account families ("Growth Marketing Manager", "Data Analyst")?
    (``[other_functions]`` in ``keywords/roles.toml``.) Such a posting is
    never judged an account-manager one from its body."""
    return family_of(title) is None and any(
        w in _other_functions() for w in re.findall(r"[a-z]+", title.lower())
    )


@dataclass(frozen=True, slots=True)
class ResumeRole:
    title: str
    line: int
    reason: str


def lean(categories: Iterable[str]) -> float | None:
    """Share of account-management among account-management and hunting
    categories (None when there is neither)."""
    am = hunt = 0
    for c in categories:
        if c in AM_CATEGORIES:
            am += 1
        elif c in HUNT_CATEGORIES:
            hunt += HUNT_WEIGHT
    return am / (am + hunt) if am + hunt else None


def body_value(p_lean: float, r_lean: float) -> float:
    """How well the posting's lean suits the resume's (0-1).

    An account-management resume (lean at least :data:`AM_RESUME_LEAN`) is
    judged against a seat of pure account management: the posting's own
    share of account-management asks is the value, so a hunting posting
    never suits it better than a farming one because the account manager
    also won some new business. Another resume is compared by the distance
    between the two leans."""
    target = 1.0 if r_lean >= AM_RESUME_LEAN else r_lean
    return 1.0 - abs(p_lean - target)


def resume_lean(concept_ids: Iterable[str], concepts: Mapping[str, Concept]) -> float | None:
    return lean(concepts[c].category for c in concept_ids if c in concepts)


def pick_role(resume: Resume, posting_title: str, as_title: str = "") -> ResumeRole:
    """The resume's role to compare with the posting's title, and why."""
    if as_title:
        return ResumeRole(as_title, 0, "the role you target (--as)")
    posting_title = family_title(posting_title)
    # Read as the posting's title is: "Manager, Key Accounts" is a Key
    # Account Manager, "Manager, Business Development" a BD manager.
    known = [(r, family_of(family_title(r.title))) for r in resume.roles]
    roles = [r for r, f in known if f is not None and f.id in ACCOUNT_FAMILIES]
    kind = "account role"
    if not roles:
        roles = [r for r, f in known if f is not None]
        kind = "role of a kind amfit knows"
    if not roles:
        if resume.title:
            return ResumeRole(resume.title, resume.title_line, "the resume's first title line")
        return ResumeRole("", 0, "no role found in the resume")
    ranked = sorted(
        enumerate(roles),
        key=lambda ir: (
            _LEVEL_RANK[compare_titles(family_title(ir[1].title), posting_title).level],
            ir[0],
        ),
    )
    i, role = ranked[0]
    latest = resume.roles[0].title
    if role.title == latest:
        why = "the most recent role"
    elif i == 0:
        why = f'the most recent {kind}; the latest, "{latest}", is another kind'
    else:
        why = (
            f"the {kind} closest to the posting's; the more recent "
            f'"{roles[0].title}" is further from it'
        )
    return ResumeRole(role.title, role.line, why)


def role_fit(
    match: TitleMatch,
    analysis: PostingAnalysis,
    concepts: Mapping[str, Concept],
    resume_ids: Iterable[str],
) -> RoleFit:
    """The role-fit component, explained."""
    asked = [k for k in analysis.keywords if k.source == "taxonomy" and k.tier in ("must", "nice")]
    am = [k.id for k in asked if concepts[k.id].category in AM_CATEGORIES]
    hunt = [k.label for k in asked if concepts[k.id].category in HUNT_CATEGORIES]
    p_lean = lean(concepts[k.id].category for k in asked)
    r_lean = resume_lean(resume_ids, concepts)
    title_value = weights.TITLE_VALUES[match.level]
    family, source = match.posting_family, "title" if match.posting_family else "none"
    if (
        not family
        and not names_other_function(analysis.posting.title)
        and match.resume_family
        and len(am) >= BODY_AM_CONCEPTS
        and (p_lean or 0.0) >= BODY_AM_LEAN
    ):
        # The title names no family, the body asks for a book to keep and
        # grow: judge it as an account-manager posting, but no closer than a
        # neighbouring role: the title names another job ("Project
        # Manager"), which a recruiter reads first.
        family, source = "account_manager", "body"
        level = compare_titles("Account Manager", _label(match.resume_family)).level
        title_value = min(weights.TITLE_VALUES[level], weights.TITLE_VALUES[BODY_LEVEL])
    elif (
        not family
        and match.level == "different"
        and not names_other_function(analysis.posting.title)
    ) or _post_sale_pair(match):
        title_value = UNKNOWN_TITLE_VALUE
    body = title_value if p_lean is None or r_lean is None else body_value(p_lean, r_lean)
    counted = body
    if family in HUNT_FAMILIES and match.level == "different":
        counted = min(body, title_value)
    value = TITLE_SHARE * title_value + (1.0 - TITLE_SHARE) * counted
    is_am = (
        family in ACCOUNT_FAMILIES
        or len(am) >= MIN_AM_CONCEPTS
        or (family in SEAT_FAMILIES and len(am) >= 1)
    )
    parts = [
        f"posting judged {_label(family) if family else 'another role'} (from its {source})"
        if source != "none"
        else "the posting's title names no role amfit knows: another role",
        f"it asks {len(am)} account-management concept(s) and {len(hunt)} new-business one(s)"
        + (f" ({', '.join(hunt[:4])})" if hunt else ""),
    ]
    if p_lean is not None and r_lean is not None:
        parts.append(f"account-management share {p_lean:.0%} posting vs {r_lean:.0%} resume")
    cap = None
    if not is_am:
        cap = max(0.0, NOT_AM_CAP - NOT_AM_CAP_STEP * (MIN_AM_CONCEPTS - 1 - len(am)))
        parts.append(
            f"not an account-management posting (fewer than {MIN_AM_CONCEPTS} "
            f"account-management asks and no account title): score capped at {cap:.0f}"
        )
    return RoleFit(
        round(value, 4),
        round(title_value, 4),
        round(body, 4),
        family,
        source,
        round(p_lean, 4) if p_lean is not None else 0.0,
        round(r_lean, 4) if r_lean is not None else 0.0,
        len(am),
        tuple(hunt),
        is_am,
        cap,
        "; ".join(parts),
    )


def _post_sale_pair(match: TitleMatch) -> bool:
    """An account role and a post-sale customer seat of another family
    (:data:`POST_SALE_FAMILIES`), either way round."""
    pair = {match.resume_family, match.posting_family}
    return (
        match.level == "different"
        and bool(pair & ACCOUNT_FAMILIES)
        and bool(pair & POST_SALE_FAMILIES)
    )


def _label(family_id: str) -> str:
    return next((f.label for f in title_families() if f.id == family_id), family_id)
