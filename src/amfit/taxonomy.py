"""The keyword taxonomy: concepts loaded from TOML files under ``keywords/``.

A concept is one thing a posting can ask for, however it is worded::

    [[concept]]
    id = "nrr"
    label = "net revenue retention"
    category = "retention"
    tier = "nice"
    aliases = ["net dollar retention", "net retention"]
    acronyms = ["NRR", "NDR"]

``aliases`` are matched case-insensitively on lemma keys (inflections come
free); ``acronyms`` only as whole tokens in exactly that case (a plural
``s`` is allowed); ``narrower`` lists concepts whose evidence also shows
this one (``gross revenue retention`` shows ``client retention``; a recruiter
reads it so, an ATS does not). A malformed file fails with its path and line.

Limits (each refused with the file and line): a keywords file of at most
:data:`MAX_FILE_BYTES`; a label, alias, acronym, exclude phrase or shape
alternative of at most :data:`MAX_PHRASE_CHARS` characters and
:data:`MAX_PHRASE_WORDS` words; at most :data:`MAX_SHAPE_ALTERNATIVES`
alternatives on a side of a shape and :data:`MAX_ALIASES` aliases a
concept, and :data:`MAX_CONCEPTS` concepts and :data:`MAX_PHRASES` phrases
in the whole taxonomy. The matcher indexes every prefix of every phrase,
so one unbounded alias cost memory with the square of its length (a
20,000-character alias took 310 MB).

``shapes`` match a concept by its meaning's usual shape rather than one
phrase: ``"expand|grow ~ account|footprint|installed base"`` is any left
alternative, then within a few words any right alternative ("expand our
footprint", "grow the installed base"); ``~~`` allows either order
("advocate customer needs", "customer advocacy"); ``~5`` widens the window
to five content words (the default is :data:`SHAPE_GAP`; function words
between do not count). ``same_ask`` lists concepts that are the same ask
when one phrase shows both ("lead commercial negotiations" is contract
negotiation, not also a second, separate negotiation-skills ask).
``not_near`` lists words that veto a hit when they stand within a few
words of it in the same line, as written (a plural ``s`` allowed): the
accounting sense of "accounts" ("accounts payable", "management
accountant"), the staff sense of "retention" ("employee engagement,
retention").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import InputError, TaxonomyError
from .files import read_file_bytes  # a FIFO or a huge file is refused unread
from .resources import keywords_path, parse_toml, toml_error

TIERS = ("must", "nice")
PLACES = ("bullet", "skills", "summary")
CATEGORIES = (
    "account_management",
    "retention",
    "expansion",
    "relationships",
    "planning",
    "forecasting",
    "contracts",
    "health",
    "analytics",
    "tools",
    "soft_skills",
    "segment",
    "new_business",
    "sales_leadership",
    "custom",
)
_CONCEPT_KEYS = {
    "id",
    "label",
    "category",
    "tier",
    "aliases",
    "acronyms",
    "exclude",
    "fuzzy",
    "where",
    "narrower",
    "shapes",
    "same_ask",
    "not_near",
    "note",
}
#: Content words a shape may skip between its two sides unless it says ``~N``.
SHAPE_GAP = 3
_SHAPE_RE = re.compile(r"^(?P<left>[^~]+?)\s*(?P<op>~~?)(?P<gap>\d)?\s*(?P<right>[^~]+)$")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")

#: Largest keywords file read, in bytes (the built-in one is about 40 KB).
MAX_FILE_BYTES = 2_000_000
#: Longest phrase (label, alias, acronym, exclude, shape alternative); the
#: longest built-in one has 41 characters and 6 words.
MAX_PHRASE_CHARS = 80
MAX_PHRASE_WORDS = 10
#: Most alternatives on one side of a shape (the built-in ones have at most 12).
MAX_SHAPE_ALTERNATIVES = 50
#: Most aliases of one concept (the built-in taxonomy has at most 39).
MAX_ALIASES = 100
#: Most concepts, and labels plus aliases, in the taxonomy with every
#: --keywords file (built in: 93 concepts, 872 phrases).
MAX_CONCEPTS = 1_000
MAX_PHRASES = 10_000


@dataclass(frozen=True, slots=True)
class Shape:
    """A head phrase and its object within a window (see the module docstring)."""

    text: str  # as written in the taxonomy
    left: tuple[str, ...]  # alternatives, each a phrase
    right: tuple[str, ...]
    gap: int = SHAPE_GAP  # most content words between the two sides
    either_order: bool = False


def parse_shape(text: str, name: str = "<shape>", line: int = 0) -> Shape:
    """Parse ``"left|left2 ~ right|right2"`` (``~~`` either order, ``~N`` window N)."""
    m = _SHAPE_RE.match(text.strip())
    if not m:
        raise TaxonomyError(
            name, line, f"shape '{text}' must be 'head|head ~ object|object' (one ~ or ~~)"
        )
    sides = []
    for part in (m.group("left"), m.group("right")):
        alts = tuple(a.strip() for a in part.split("|"))
        if not alts or any(not a or "*" in a for a in alts):
            raise TaxonomyError(name, line, f"shape '{text}' has an empty or wildcard alternative")
        if len(alts) > MAX_SHAPE_ALTERNATIVES:
            raise TaxonomyError(
                name, line, f"shape '{text[:30]}...' has over {MAX_SHAPE_ALTERNATIVES} alternatives"
            )
        alts = tuple(_phrase(a, "shapes", name, line) for a in alts)
        sides.append(alts)
    gap = int(m.group("gap")) if m.group("gap") else SHAPE_GAP
    return Shape(text.strip(), sides[0], sides[1], gap, m.group("op") == "~~")


@dataclass(frozen=True, slots=True)
class Concept:
    """One entry of the taxonomy."""

    id: str
    label: str
    category: str
    tier: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fuzzy: bool = True
    where: str = "bullet"
    narrower: tuple[str, ...] = ()
    shapes: tuple[Shape, ...] = ()
    same_ask: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    source: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class TitleFamily:
    """A family of job titles (Account Manager, Customer Success, AE...)."""

    id: str
    label: str
    titles: tuple[str, ...]
    acronyms: tuple[str, ...]
    neighbours: tuple[str, ...]


def _header_lines(text: str, table: str) -> list[int]:
    """Line numbers of the ``[[table]]`` headers, skipping multi-line strings."""
    pattern = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]")
    lines: list[int] = []
    quote: str | None = None
    for i, line in enumerate(text.split("\n"), start=1):
        if quote is None and pattern.match(line):
            lines.append(i)
        for m in re.finditer(r'"""|\'\'\'', line):
            if quote is None:
                quote = m.group(0)
            elif m.group(0) == quote:
                quote = None
    return lines


def _parse_toml(path: Path) -> tuple[dict, str]:
    name = str(path)
    try:
        text = read_file_bytes(path, name, limit=MAX_FILE_BYTES).decode("utf-8")
    except InputError as exc:
        raise TaxonomyError(name, None, str(exc).removeprefix(f"{name}: ")) from exc
    except UnicodeDecodeError as exc:
        raise TaxonomyError(name, None, f"not UTF-8 text ({exc.reason})") from exc
    try:
        return parse_toml(text), text
    except RecursionError as exc:
        raise TaxonomyError(name, None, "invalid TOML: arrays or tables nested too deeply") from exc
    except toml_error() as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise TaxonomyError(name, line, f"invalid TOML: {msg}") from exc


def _phrase(text: str, field: str, name: str, line: int) -> str:
    """``text`` stripped, or a :class:`TaxonomyError` when it is over the limits."""
    text = text.strip()
    if len(text) > MAX_PHRASE_CHARS or len(text.split()) > MAX_PHRASE_WORDS:
        raise TaxonomyError(
            name,
            line,
            f"'{field}' phrase '{text[:30]}...' is too long ({len(text):,} characters, "
            f"{len(text.split()):,} word(s)); the limit is {MAX_PHRASE_CHARS} characters "
            f"and {MAX_PHRASE_WORDS} words",
        )
    return text


def _str_list(value: object, field: str, name: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(name, line, f"'{field}' must be a list of non-empty strings")
    if field != "shapes":  # a shape is checked one alternative at a time
        return tuple(_phrase(v, field, name, line) for v in value)
    return tuple(v.strip() for v in value)


def _toml_type(value: object) -> str:
    kinds = ((bool, "true/false"), (int, "a number"), (float, "a number"), (list, "a list"))
    kind = next((label for t, label in kinds if isinstance(value, t)), "a table")
    return f"{kind} ({str(value)[:20]})" if kind != "a table" else kind


def _concept_from(entry: object, name: str, line: int) -> Concept:
    if not isinstance(entry, dict):
        raise TaxonomyError(name, line, "each [[concept]] must be a table")
    unknown = sorted(set(entry) - _CONCEPT_KEYS)
    if unknown:
        raise TaxonomyError(name, line, f"unknown field(s) {', '.join(unknown)}")
    for field in ("id", "label", "category", "tier"):
        value = entry.get(field)
        if value is None:
            raise TaxonomyError(name, line, f"concept is missing '{field}'")
        if not isinstance(value, str):
            raise TaxonomyError(
                name, line, f"'{field}' must be a string in quotes, not {_toml_type(value)}"
            )
        if not value.strip():
            raise TaxonomyError(name, line, f"'{field}' is empty")
    cid = entry["id"].strip()
    if not _ID_RE.match(cid):
        raise TaxonomyError(name, line, f"id '{cid}' must be snake_case (a-z, 0-9, _)")
    tier = entry["tier"].strip()
    if tier not in TIERS:
        raise TaxonomyError(name, line, f"tier '{tier}' must be one of {', '.join(TIERS)}")
    category = entry["category"].strip()
    if category not in CATEGORIES:
        raise TaxonomyError(
            name, line, f"category '{category}' must be one of {', '.join(CATEGORIES)}"
        )
    default_where = "skills" if category == "tools" else "bullet"
    where = entry.get("where", default_where)
    if where not in PLACES:
        raise TaxonomyError(name, line, f"where '{where}' must be one of {', '.join(PLACES)}")
    fuzzy = entry.get("fuzzy", True)
    if not isinstance(fuzzy, bool):
        raise TaxonomyError(name, line, "'fuzzy' must be true or false")
    aliases = _str_list(entry.get("aliases"), "aliases", name, line)
    if len(aliases) > MAX_ALIASES:
        raise TaxonomyError(
            name, line, f"{len(aliases):,} aliases, over the limit of {MAX_ALIASES} a concept"
        )
    acronyms = _str_list(entry.get("acronyms"), "acronyms", name, line)
    for acr in acronyms:
        if " " in acr:
            raise TaxonomyError(name, line, f"acronym '{acr}' must be a single token")
    return Concept(
        id=cid,
        label=_phrase(entry["label"], "label", name, line),
        category=category,
        tier=tier,
        aliases=aliases,
        acronyms=acronyms,
        exclude=_str_list(entry.get("exclude"), "exclude", name, line),
        fuzzy=fuzzy,
        where=where,
        narrower=_str_list(entry.get("narrower"), "narrower", name, line),
        shapes=tuple(
            parse_shape(t, name, line) for t in _str_list(entry.get("shapes"), "shapes", name, line)
        ),
        same_ask=_str_list(entry.get("same_ask"), "same_ask", name, line),
        not_near=tuple(w.lower() for w in _str_list(entry.get("not_near"), "not_near", name, line)),
        source=name,
        line=line,
    )


def load_concepts(path: str | Path) -> list[Concept]:
    """Load and validate one taxonomy file."""
    path = Path(path)
    name = str(path)
    data, text = _parse_toml(path)
    unknown = sorted(set(data) - {"concept"})
    if unknown:
        raise TaxonomyError(name, None, f"unknown top-level key(s) {', '.join(unknown)}")
    entries = data.get("concept", [])
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError(name, None, "no [[concept]] entries")
    lines = _header_lines(text, "concept")
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else 0
        concept = _concept_from(entry, name, line)
        if concept.id in seen:
            raise TaxonomyError(
                name, line, f"duplicate id '{concept.id}' (first at line {seen[concept.id]})"
            )
        seen[concept.id] = line
        concepts.append(concept)
    return concepts


@cache
def builtin_concepts() -> tuple[Concept, ...]:
    return tuple(load_concepts(keywords_path("am.toml")))


def load_taxonomy(extra: tuple[str | Path, ...] = ()) -> tuple[Concept, ...]:
    """The built-in taxonomy plus user files; a user concept with a built-in id
    replaces the built-in one."""
    concepts = {c.id: c for c in builtin_concepts()}
    phrases = sum(1 + len(c.aliases) for c in concepts.values())
    for path in extra:
        for c in load_concepts(path):
            old = concepts.get(c.id)
            phrases += 1 + len(c.aliases) - (1 + len(old.aliases) if old else 0)
            concepts[c.id] = c
            if len(concepts) > MAX_CONCEPTS or phrases > MAX_PHRASES:
                raise TaxonomyError(
                    c.source,
                    c.line,
                    f"the taxonomy is over its limit of {MAX_CONCEPTS:,} concepts "
                    f"and {MAX_PHRASES:,} labels and aliases (with the built-in ones)",
                )
    for c in concepts.values():
        for field, others in (("narrower", c.narrower), ("same_ask", c.same_ask)):
            for other in others:
                if other == c.id:
                    raise TaxonomyError(
                        c.source, c.line, f"{field} id '{other}' is the concept itself"
                    )
                if other not in concepts:
                    raise TaxonomyError(c.source, c.line, f"{field} id '{other}' is not a concept")
    return tuple(concepts.values())


@cache
def title_families() -> tuple[TitleFamily, ...]:
    path = keywords_path("titles.toml")
    name = str(path)
    data, text = _parse_toml(path)
    lines = _header_lines(text, "family")
    families = []
    for i, entry in enumerate(data.get("family", [])):
        line = lines[i] if i < len(lines) else 0
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise TaxonomyError(name, line, "each [[family]] needs an id")
        families.append(
            TitleFamily(
                id=entry["id"],
                label=str(entry.get("label", entry["id"])),
                titles=_str_list(entry.get("titles"), "titles", name, line),
                acronyms=_str_list(entry.get("acronyms"), "acronyms", name, line),
                neighbours=_str_list(entry.get("neighbours"), "neighbours", name, line),
            )
        )
    if not families:
        raise TaxonomyError(name, None, "no [[family]] entries")
    return tuple(families)
