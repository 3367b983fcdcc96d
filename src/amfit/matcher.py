"""Find taxonomy concepts in a document: exact, alias, lemma and fuzzy hits.

Why one long module: phrase forms, fuzzy near misses, shapes and overlapping
concepts share one index and one pass over the tokens.

How a window of words is compared with a concept's forms (label, aliases,
acronyms), strongest first:

* **exact** - the label as written, ignoring case, hyphens and spaces
  ("cross sell" = "cross-sell" = "crosssell"; words may also be split or
  joined after lemma keys: "cross selling" = "cross-sell");
* **alias** - an alias or acronym as written ("NRR", "QBRs", "net dollar
  retention"); acronyms only as whole tokens in their own case; in an alias
  any number stands for every number ("book of 10 accounts" finds "book of
  40-60 accounts") and ``*`` for any one word ("portfolio of 10 * accounts");
* **lemma** - the same words after lemma keys ("renewals", "renewing");
* **fuzzy** - a near miss ("stakeholdrs") by rapidfuzz's ``fuzz.ratio`` at
  :data:`FUZZY_CUTOFF` or more, only for words not in the background
  vocabulary (so real words such as "contact" never pass for "contract"),
  only for forms of :data:`FUZZY_MIN_CHARS` letters or more, and only when
  first letters agree and lengths differ by at most :data:`FUZZY_MAX_LEN_DIFF`.

* **shape** - a concept's usual shape (``shapes`` in the taxonomy): a head
  phrase and, within a few content words, its object ("expand our footprint
  in current customers", "grow the installed base", "build strong internal
  and external relationships"). Function words between do not count toward
  the window (:data:`SHAPE_MAX_SPAN` caps all words); a word that opens a
  new phrase (:data:`SHAPE_BLOCKERS`: "to", "that", "through"...) ends it,
  and an object followed by a role noun ("account *managers*", "the
  *team*") is a modifier, not the object. The hit's ``form`` names the shape
  ("grow ~ installed base").

The longest window wins at each position: "net revenue retention" is one
hit of ``nrr``, never also a second, shorter ``nrr`` hit. Concepts may
overlap: a match starts at every word, so a window inside another
concept's hit still counts ("Key Account Manager" is ``strategic_accounts``
and ``account_management``; "senior stakeholders" is
``executive_relationships`` and ``stakeholder``; "renewal forecasting" is
``renewal_forecast`` and ``renewal``). A coordination shares its head:
"expansion and renewal revenue" is also "expansion revenue", "client and
partner relationships" also "client relationships".
"""

from __future__ import annotations

import bisect
import json
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from pathlib import Path

from rapidfuzz import fuzz, process

from .document import Unit
from .nlp import WILDCARD, Token, compact, phrase_keys, segments, word_key
from .resources import data_path, keywords_path
from .taxonomy import Concept, builtin_concepts

#: Lowest rapidfuzz ``fuzz.ratio`` (0-100) that counts as a near miss.
FUZZY_CUTOFF = 88.0
#: Forms and windows shorter than this many letters never match fuzzily.
FUZZY_MIN_CHARS = 6
#: Largest difference in length (letters) between a window and a form.
FUZZY_MAX_LEN_DIFF = 2
#: Longest window, in words, that fuzzy matching considers.
FUZZY_MAX_WORDS = 3

HOW_ORDER = {"exact": 0, "alias": 1, "lemma": 2, "fuzzy": 3, "shape": 4}

#: Words either side of a hit searched for its concept's ``not_near`` words.
NOT_NEAR_WINDOW = 6
#: Most words of any kind between the two sides of a shape.
SHAPE_MAX_SPAN = 6
#: Words that open a new phrase: a shape's window ends at them ("grow the
#: team *to* support accounts" is no account growth).
SHAPE_BLOCKERS = frozenset(
    word_key(w)
    for w in [
        "to",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "by",
        "through",
        "from",
        "into",
        "as",
        "if",
        "than",
        "for",
        "via",
        "because",
        "so",
        "but",
        "although",
        "whether",
        "across",
    ]
)
#: Nouns after an object that make it a modifier ("expand the account
#: managers' team"; "grow the business development team"; "drive the sales
#: process").
SHAPE_NOT_HEAD = frozenset(
    word_key(w)
    for w in [
        "manager",
        "managers",
        "team",
        "teams",
        "executive",
        "executives",
        "department",
        "role",
        "roles",
        "position",
        "development",
        "representative",
        "representatives",
        "process",
        "cycle",
        "strategy",
        "pipeline",
        "funnel",
        "motion",
        "methodology",
        "approach",
        "organization",
        "operations",
        "enablement",
        "tools",
        "management",
    ]
)

#: What a unit holds of one hit: (concept, how, form, score, start, end),
#: the offsets inside the unit's text; :meth:`Matcher._hits` makes the Hits.
_Found = tuple[str, str, str, float, int, int]
#: Most unit texts whose hits :class:`Matcher` keeps.
_UNIT_CACHE_MAX = 20_000
#: A token's lemma key (Token.key) and its text, read in C.
_KEY, _TEXT = operator.attrgetter("key"), operator.attrgetter("text")
#: Hits in document order, concepts in id order at one offset.
_DOCUMENT_ORDER = operator.attrgetter("start", "concept_id")
#: Of a word's flags (:data:`_Flags`): how a match can start, is it unknown.
_KIND, _OOV = operator.itemgetter(0), operator.itemgetter(1)

# Whether a match can start at a word (see Matcher._word_flags): no; only a
# squashed form of two or more words ("cross sell" for "crosssell"); yes, a
# form of two or more words, a shape or a coordination's head; yes, a form
# of this one word.
_NO_START, _PREFIX_ONLY, _CAN_START, _ALONE = 0, 1, 2, 3
#: What :meth:`Matcher._word_flags` knows of a word: (how a match can start,
#: unknown word, fuzzy candidates, first key of a form of two or more keys,
#: a shape starts here, first key of a pair in ``Matcher._pairs``).
_Flags = tuple[int, bool, bool, bool, bool, bool]


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where a concept was found."""

    concept_id: str
    how: str  # exact | alias | lemma | fuzzy
    text: str  # the words as they appear in the document
    form: str  # the taxonomy form they matched (label, alias or acronym)
    score: float  # 100 except for fuzzy hits (rapidfuzz ratio)
    unit: int  # index of the unit (bullet or line)
    line: int
    start: int  # character offsets in the document text
    end: int


@dataclass(frozen=True, slots=True)
class _ShapeRule:
    """One side of a shape compiled to start a match; ``others`` are the
    alternatives looked for after it."""

    concept: str
    start: tuple[str, ...]
    start_text: str
    others: tuple[tuple[tuple[str, ...], str], ...]
    gap: int
    #: ``others`` by their first key, in order: one probe per word scanned.
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for other in self.others:
            by_first[other[0][0]].append(other)
        object.__setattr__(self, "by_first", dict(by_first))


@cache
def _function_keys() -> frozenset[str]:
    """Keys of the stop words (data/stop_words.txt): free inside a shape's window."""
    words = data_path("stop_words.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(word_key(w.strip().lower()) for w in words if w.strip() and w[0] != "#")


@dataclass(frozen=True, slots=True)
class _Form:
    concept: str
    form: str
    is_label: bool
    lower: str  # words lower-cased, joined by one space
    squashed: str = field(init=False)  # compact(lower), for "exact" or "alias"

    def __post_init__(self) -> None:
        object.__setattr__(self, "squashed", compact(self.lower))


def _strongest(found: tuple[int, _Form, str]) -> tuple[int, bool, int, bool]:
    """Sort key of a word's matches: the longest first, then the strongest
    kind (no wildcard, exact before alias before lemma, the label)."""
    width, form, how = found
    return (-width, WILDCARD in form.form, HOW_ORDER[how], not form.is_label)


_CONJUNCTIONS = frozenset({"and", "or", "&"})
_DETERMINERS = frozenset(
    word_key(w)
    for w in [
        "a",
        "an",
        "the",
        "our",
        "your",
        "their",
        "its",
        "this",
        "his",
        "her",
        "fast",
        "rapidly",
    ]
)


def _same_derivation(window: Sequence[Token], form: _Form) -> bool:
    """False when a "-ment" noun of the window stands for a verb of the form
    (or the reverse): the stemmer gives "management accounts" the keys of
    "manage accounts", but an accountant's management accounts are not
    managing accounts."""
    words = form.lower.split(" ")
    if len(words) != len(window):
        return True
    return all(
        t.lower.endswith("ment") == w.endswith("ment")
        for t, w in zip(window, words, strict=True)
        if t.key == word_key(w)
    )


class Matcher:
    """A compiled taxonomy, built once and reused for every document."""

    def __init__(
        self,
        concepts: Sequence[Concept],
        vocabulary: frozenset[str] = frozenset(),
        known: Mapping[str, PhraseKeys] | None = None,
    ):
        """``known``: phrase keys worked out before (by default the built-in
        taxonomy's, :func:`builtin_phrase_keys`); any other phrase, such as
        one of a ``--keywords`` file, is tokenised here."""
        table = builtin_phrase_keys() if known is None else known

        def keys_of(text: str) -> tuple[str, ...]:
            entry = table.get(text)
            return entry[0] if entry is not None else phrase_keys(text)

        def lower_of(text: str) -> str:
            entry = table.get(text)
            return entry[1] if entry is not None else phrase_lower(text)

        self.concepts = {c.id: c for c in concepts}
        self.vocabulary = vocabulary
        self._by_keys: dict[tuple[str, ...], list[_Form]] = defaultdict(list)
        self._by_compact: dict[str, list[_Form]] = defaultdict(list)
        self._acronyms: dict[str, list[_Form]] = defaultdict(list)
        self._excludes: dict[str, list[tuple[str, ...]]] = {}
        self._wild: dict[str, list[tuple[tuple[str, ...], _Form]]] = defaultdict(list)
        fuzzy_forms: dict[str, list[tuple[str, _Form]]] = defaultdict(list)
        self._shapes: dict[str, list[_ShapeRule]] = defaultdict(list)
        self._not_near: dict[str, frozenset[str]] = {}
        self._function = _function_keys()
        self.max_words = 1
        for c in concepts:
            for shape in c.shapes:
                sides = [
                    [(keys_of(a), a) for a in shape.left],
                    [(keys_of(a), a) for a in shape.right],
                ]
                for a, b in ((0, 1), (1, 0)) if shape.either_order else ((0, 1),):
                    others = tuple((k, t) for k, t in sides[b] if k)
                    for keys, text in sides[a]:
                        if keys:
                            rule = _ShapeRule(c.id, keys, text, others, shape.gap)
                            self._shapes[keys[0]].append(rule)
            for text, is_label in [(c.label, True), *((a, False) for a in c.aliases)]:
                keys = keys_of(text)
                if not keys:
                    continue
                form = _Form(c.id, text, is_label, lower_of(text))
                if WILDCARD in keys:
                    if keys[0] != WILDCARD and keys[-1] != WILDCARD:
                        self._wild[keys[0]].append((keys, form))
                        self.max_words = max(self.max_words, len(keys))
                    continue
                self._by_keys[keys].append(form)
                self._by_compact[compact(text)].append(form)
                if len(keys) > 1:
                    self._by_compact["".join(keys)].append(form)
                self.max_words = max(self.max_words, len(keys))
                squashed = compact(text)
                if c.fuzzy and len(squashed) >= FUZZY_MIN_CHARS:
                    fuzzy_forms[squashed[0]].append((squashed, form))
            for acr in c.acronyms:
                self._acronyms[acr].append(_Form(c.id, acr, False, acr.lower()))
            self._excludes[c.id] = [k for k in (keys_of(e) for e in c.exclude) if k]
            if c.not_near:
                self._not_near[c.id] = frozenset(c.not_near)
        ids = {c.id for c in concepts}
        same: dict[str, set[str]] = defaultdict(set)
        for c in concepts:
            for other in c.same_ask:
                if other in ids:
                    same[c.id].add(other)
                    same[other].add(c.id)
        self._same_ask = {cid: frozenset(v) for cid, v in same.items()}
        self._order = {cid: n for n, cid in enumerate(self.concepts)}
        self._fuzzy = {
            first: (tuple(s for s, _ in items), tuple(f for _, f in items))
            for first, items in fuzzy_forms.items()
        }
        # Look-up aids, so that most positions are dismissed by one dict probe:
        # the window widths worth trying for each first key, and every prefix
        # of a squashed form.
        widths: dict[str, set[int]] = defaultdict(set)
        for keys in self._by_keys:
            widths[keys[0]].add(len(keys))
        self._widths = {k: tuple(sorted(v, reverse=True)) for k, v in widths.items()}
        self._prefixes = {c[:n] for c in self._by_compact for n in range(1, len(c) + 1)}
        # A word that starts only forms of two or more words needs a window
        # only when the next word continues one: their joined keys begin a
        # squashed form (every form of two or more keys has one), or, for a
        # wildcard alias (or keys that join to nothing), the first two keys
        # are one of these pairs.
        self._pairs = {k[:2] for k in self._by_keys if len(k) > 1 and not k[0] + k[1]}
        self._pairs.update(k[:2] for w in self._wild.values() for k, _ in w if k[1] != WILDCARD)
        self._pair_firsts = {k for k, _ in self._pairs}
        self._heads = {k[0] for k in self._by_keys if len(k) > 1}
        self._first_keys = {*self._widths, *self._wild, *self._shapes}
        # Per distinct token text, see _word_flags: most words of a posting
        # can start no match, and are passed over after one dict probe.
        self._word_cache: dict[str, _Flags] = {}
        # Per unit text, what :meth:`_find_in_unit` found (see :meth:`find`).
        self._unit_cache: dict[object, tuple[_Found, ...]] = {}

    # -- matching ---------------------------------------------------------

    def find(self, units: Iterable[Unit]) -> list[Hit]:
        """Every hit in the given units, in document order."""
        hits: list[Hit] = []
        cache = self._unit_cache
        for unit in units:
            pieces = unit.pieces
            # What is found in a unit depends on its text alone (and, for a
            # unit of several lines, on where its lines break): postings of
            # one employer share whole lines, so each is matched once.
            key: object = unit.text
            if len(pieces) > 1:
                p0 = pieces[0]
                key = (
                    unit.text,
                    *((p.offset, p.line - p0.line, p.start - p0.start) for p in pieces),
                )
            found = cache.get(key)
            if found is None:
                found = self._find_in_unit(unit)
                if len(cache) >= _UNIT_CACHE_MAX:  # stay bounded over huge batches
                    cache.clear()
                cache[key] = found
            if found:
                hits.extend(self._hits(unit, found))
        hits.sort(key=_DOCUMENT_ORDER)
        return hits

    def _find_in_unit(self, unit: Unit) -> tuple[_Found, ...]:
        found: list[_Found] = []
        for seg in segments(unit.text):
            found += self._find_in_segment(seg)
        if found and self._not_near and any(f[0] in self._not_near for f in found):
            found = self._drop_vetoed(unit, found)
        return tuple(found) if found else ()

    def _find_in_segment(self, seg: Sequence[Token]) -> list[_Found]:
        flags = list(map(self._word_cache.get, map(_TEXT, seg)))
        if None in flags:
            flags = [f or self._word_flags(t) for f, t in zip(flags, seg, strict=True)]
        # Without an unknown word no near miss is possible, and only the
        # words that can start a match need a look (most segments: a
        # posting has few typos).
        if any(map(_OOV, flags)):
            return self._scan(seg, flags, range(len(seg)), list(map(_OOV, flags)))
        starts = list(compress(range(len(seg)), map(_KIND, flags)))
        return self._scan(seg, flags, starts, None) if starts else []

    def _scan(
        self,
        seg: Sequence[Token],
        flags: list[_Flags],
        starts: Iterable[int],
        oov: list[bool] | None,
    ) -> list[_Found]:
        """The hits of a segment, from the words ``starts`` on; ``oov``
        marks its unknown words, None when it has none."""
        out: list[_Found] = []
        n_tokens = len(seg)
        prefixes = self._prefixes
        pairs = self._pairs
        last_pair = n_tokens - 1 if self.max_words > 1 else 0
        # The segment's lemma keys, so that a window's keys are one slice.
        keys = tuple(map(_KEY, seg))
        # Where each concept's last hit ends (a token index): a hit inside an
        # earlier one of the same concept adds nothing; other concepts may
        # overlap it.
        ends: dict[str, int] = {}
        # concept -> (index in ``out`` of its last hit, its first token)
        last: dict[str, tuple[int, int]] = {}
        covered = 0

        def emit(i: int, end: int, concept: str, how: str, form: str, score: float) -> None:
            nonlocal covered
            if self._excluded(concept, keys, i, end - i):
                return
            hit = (concept, how, form, score, seg[i].start, seg[end - 1].end)
            prev_end = ends.get(concept, 0)
            if prev_end > i:
                # It overlaps the concept's last hit: one hit per stretch of
                # words, the longer one, and a phrase rather than a shape of the
                # same words ("agree the payment terms": the alias).
                n, prev_start = last[concept]
                prev = out[n]
                longer = end - i > prev_end - prev_start
                if end <= prev_end and not (prev[1] == "shape" and hit[1] != "shape"):
                    return
                if end > prev_end and not longer:
                    return
                out[n] = hit
                last[concept] = (n, i)
                ends[concept] = max(end, prev_end)
                covered = max(covered, end)
                return
            ends[concept] = end
            covered = max(covered, end)
            last[concept] = (len(out), i)
            out.append(hit)

        for i in starts:
            kind, _, fuzzy_first, head, shape, pair = flags[i]
            if kind == _ALONE:
                window = True
            elif kind and i < last_pair:
                # Only a form of two or more words could start here: the
                # first two words must begin one (squashed, or their keys).
                window = (
                    seg[i].squash + seg[i + 1].squash in prefixes
                    or keys[i] + keys[i + 1] in prefixes
                    or (pair and keys[i : i + 2] in pairs)
                )
            else:
                window = False
            # A near miss needs fuzzy candidates for the first letter and an
            # unknown word within reach, outside every hit so far.
            fuzzy = (
                oov is not None
                and fuzzy_first
                and i >= covered
                and True in oov[i : i + FUZZY_MAX_WORDS]
            )
            if window or fuzzy:
                for width, form, how, score in self._match_at(seg, keys, i, oov if fuzzy else None):
                    emit(i, i + width, form.concept, how, form.form, score)
            if shape:
                for rule, end, text in self._shapes_at(seg, keys, i):
                    emit(i, end, rule.concept, "shape", f"{rule.start_text} ~ {text}", 100.0)
            if head and i + 3 < n_tokens and seg[i + 1].lower in _CONJUNCTIONS:
                for end, form in self._shared_head(keys, i):
                    emit(i, end, form.concept, "shape", form.form, 100.0)
        return out

    def one_ask(self, hits: list[Hit]) -> list[Hit]:
        """Hits with one ask per phrase: where the hits of two concepts the
        taxonomy calls the same ask (``same_ask``) overlap, the longer one
        stays ("lead commercial negotiations" is contract negotiation, not also
        negotiation skills); the earlier-listed concept wins a tie."""
        if not self._same_ask:
            return hits
        grouped = [(n, h) for n, h in enumerate(hits) if h.concept_id in self._same_ask]
        if len(grouped) < 2:  # most postings: no two hits of one ask
            return list(hits)
        order = self._order
        dropped: set[int] = set()
        for a, ha in grouped:
            group = self._same_ask[ha.concept_id]
            for b, hb in grouped:
                if (
                    b != a
                    and hb.concept_id in group
                    and hb.line == ha.line
                    and hb.start < ha.end
                    and ha.start < hb.end
                ):
                    a_len, b_len = ha.end - ha.start, hb.end - hb.start
                    if a_len > b_len or (
                        a_len == b_len and order[ha.concept_id] < order[hb.concept_id]
                    ):
                        dropped.add(b)
        return [h for n, h in enumerate(hits) if n not in dropped]

    def same_ask_of(self, concept_id: str) -> frozenset[str]:
        """The concepts the taxonomy calls the same ask as this one."""
        return self._same_ask.get(concept_id, frozenset())

    def _drop_vetoed(self, unit: Unit, found: list[_Found]) -> list[_Found]:
        """Hits without a ``not_near`` word of their concept within
        :data:`NOT_NEAR_WINDOW` words (the hit's own words included)."""
        words = [t for seg in segments(unit.text) for t in seg]
        starts = [unit.locate(t.start) for t in words]
        kept: list[_Found] = []
        for f in found:
            veto = self._not_near.get(f[0])
            if veto:
                # The hit's own words, found by bisection (``starts`` is in
                # document order): a scan of every word for every hit was
                # quadratic in a long posting.
                line, start = unit.locate(f[4])
                end = unit.locate(f[5] - 1)[1] + 1
                first = bisect.bisect_left(starts, (line, start))
                stop = bisect.bisect_left(starts, (line, end))
                if first < stop:
                    lo = max(0, first - NOT_NEAR_WINDOW)
                    hi = stop - 1 + NOT_NEAR_WINDOW + 1
                    near = words[lo:hi]
                    if any(t.lower in veto or t.lower[:-1] in veto for t in near):
                        continue
            kept.append(f)
        return kept

    def _shapes_at(
        self, seg: Sequence[Token], keys: tuple[str, ...], i: int
    ) -> list[tuple[_ShapeRule, int, str]]:
        """Shapes that start at word ``i``: (rule, end token index, object
        text); ``keys`` are the lemma keys of ``seg``."""
        rules = self._shapes.get(keys[i])
        if not rules:
            return []
        out: list[tuple[_ShapeRule, int, str]] = []
        n = len(seg)
        function = self._function
        # "a growing business", "our expanding footprint": a participle after
        # a determiner is an adjective, not a verb with its object.
        if i and seg[i].lower.endswith("ing") and keys[i - 1] in _DETERMINERS:
            return []
        for rule in rules:
            first = i + len(rule.start)
            if first > n or (len(rule.start) > 1 and keys[i:first] != rule.start):
                continue
            content = 0
            j = first
            by_first = rule.by_first
            while j < n and j - first <= SHAPE_MAX_SPAN:
                found = None
                key = keys[j]
                for other, text in by_first.get(key, ()):
                    m = len(other)
                    if j + m <= n and (m == 1 or keys[j : j + m] == other):
                        if j + m < n and keys[j + m] in SHAPE_NOT_HEAD:
                            continue
                        found = (j + m, text)
                        break
                if found is not None:
                    out.append((rule, found[0], found[1]))
                    break
                if key in SHAPE_BLOCKERS:
                    break
                if key not in function:
                    content += 1
                    if content > rule.gap:
                        break
                j += 1
        return out

    def _shared_head(self, keys: tuple[str, ...], i: int) -> list[tuple[int, _Form]]:
        """A coordination's first part with the head it shares: in "expansion
        and renewal revenue", "expansion" + "revenue" (word ``i`` is the first
        part, word ``i + 1`` the conjunction)."""
        out: list[tuple[int, _Form]] = []
        n = len(keys)
        for second in (1, 2):  # words in the second part before the shared head
            tail = i + 2 + second
            for k in (1, 2):  # words of the shared head
                if tail + k > n:
                    break
                for form in self._by_keys.get(keys[i : i + 1] + keys[tail : tail + k], ()):
                    shared = _Form(form.concept, f"{form.form} (shared head)", False, "")
                    out.append((tail + k, shared))
        return out

    def _word_flags(self, tok: Token) -> _Flags:
        """What a match starting at this word needs (:data:`_Flags`), worked
        out once per distinct word. Below :data:`_CAN_START`, no shape or
        coordination starts here; with :data:`_NO_START`, :meth:`_match_at`
        can find only a fuzzy match; below :data:`_ALONE`, an exact, alias,
        lemma or wildcard match needs the next word too."""
        text, key, squash = tok.text, tok.key, tok.squash
        acronym = text in self._acronyms or (
            text.endswith("s") and len(text) > 2 and text[:-1] in self._acronyms
        )
        kind, head, shape, pair = _NO_START, False, False, False
        # Most new words start nothing: four probes say so.
        if acronym or key in self._first_keys or squash in self._prefixes or key in self._prefixes:
            wild = self._wild.get(key, ())
            head, shape, pair = key in self._heads, key in self._shapes, key in self._pair_firsts
            if (
                acronym
                or (key,) in self._by_keys
                or squash in self._by_compact
                or any(keys[1] == WILDCARD for keys, _ in wild)
            ):
                kind = _ALONE
            elif head or wild or shape:
                kind = _CAN_START
            elif squash in self._prefixes or key in self._prefixes:
                kind = _PREFIX_ONLY
        flags = (kind, self._oov(tok), tok.lower[:1] in self._fuzzy, head, shape, pair)
        if len(self._word_cache) > 200_000:  # stay bounded over huge batches
            self._word_cache.clear()
        self._word_cache[text] = flags
        return flags

    def _match_at(
        self, seg: Sequence[Token], keys: tuple[str, ...], i: int, oov: list[bool] | None
    ) -> list[tuple[int, _Form, str, float]]:
        """The longest match of each concept starting at word ``i``, as
        (width, form, how, score), longest first; ``oov`` marks the unknown
        words of the segment, or is None when no fuzzy match is possible."""
        tok = seg[i]
        text = tok.text
        found: list[tuple[int, _Form, str]] = []
        # Acronyms: one token, exact case, optional plural "s".
        acr = self._acronyms.get(text)
        if acr is None and text.endswith("s") and len(text) > 2:
            acr = self._acronyms.get(text[:-1])
        if acr:
            found.extend((1, f, "alias") for f in acr)
        room = len(seg) - i
        # The windows whose keys or letters are those of a form, in order.
        windows: list[tuple[int, list[_Form]]] = []
        by_keys = self._by_keys
        for width in self._widths.get(keys[i], ()):
            if width <= room:
                forms = by_keys.get(keys[i : i + width])
                if forms:
                    windows.append((width, forms))
        # Spelling variants: the same letters split or joined differently
        # ("cross sell", "crosssell"), or the same keys squashed together.
        prefixes, by_compact = self._prefixes, self._by_compact
        squash = joined = ""
        for width in range(1, min(self.max_words, room) + 1):
            t = seg[i + width - 1]
            squash += t.squash
            joined += t.key
            if squash not in prefixes and joined not in prefixes:
                break
            forms = by_compact.get(squash) or (by_compact.get(joined) if width > 1 else None)
            if forms:
                windows.append((width, forms))
        for width, forms in windows:
            window = seg[i : i + width]
            lowers = [t.lower for t in window]
            lower = " ".join(lowers)
            if "ment" in lower and any(w.endswith("ment") for w in lowers):
                forms = [f for f in forms if _same_derivation(window, f)]
            squashed = "".join([t.squash for t in window])
            for f in forms:
                if lower == f.lower or squashed == f.squashed:
                    found.append((width, f, "exact" if f.is_label else "alias"))
                else:
                    found.append((width, f, "lemma"))
        # Wildcard aliases ("portfolio of * accounts").
        for wild, form in self._wild.get(keys[i], ()):
            n = len(wild)
            if n <= room and all(k == WILDCARD or k == keys[i + j] for j, k in enumerate(wild)):
                found.append((n, form, "alias"))
        if not found:
            if oov is None:
                return []
            fuzzy = self._fuzzy_at(seg, i, oov)
            return [] if fuzzy is None else [fuzzy]
        # The longest per concept, the strongest kind of match first.
        if len(found) > 1:
            found.sort(key=_strongest)
        best: dict[str, tuple[int, _Form, str, float]] = {}
        for width, form, how in found:
            if form.concept not in best:
                best[form.concept] = (width, form, how, 100.0)
        return list(best.values())

    def _fuzzy_at(
        self, seg: Sequence[Token], i: int, oov: list[bool]
    ) -> tuple[int, _Form, str, float] | None:
        first = seg[i].lower[:1]
        choices = self._fuzzy.get(first)
        if not choices or not any(oov[i : i + FUZZY_MAX_WORDS]):
            return None
        strings, forms = choices
        for width in range(min(FUZZY_MAX_WORDS, len(seg) - i), 0, -1):
            window = seg[i : i + width]
            if not any(oov[i : i + width]):
                continue
            squashed = "".join(t.squash for t in window)  # each is compact(t.lower)
            if len(squashed) < FUZZY_MIN_CHARS:
                continue
            result = process.extractOne(
                squashed, strings, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if result is None:
                continue
            _, score, idx = result
            if abs(len(strings[idx]) - len(squashed)) > FUZZY_MAX_LEN_DIFF:
                continue
            return (width, forms[idx], "fuzzy", round(float(score), 1))
        return None

    def _oov(self, tok: Token) -> bool:
        """A word that is not in the background vocabulary (a likely typo);
        asked once per distinct word, by :meth:`_word_flags`."""
        word = tok.lower
        if not self.vocabulary:
            return word.isalpha()
        return word.isalpha() and len(word) >= 4 and tok.key not in self.vocabulary

    def _excluded(self, concept: str, keys: tuple[str, ...], i: int, width: int) -> bool:
        for ex in self._excludes.get(concept, ()):
            n = len(ex)
            lo = max(0, i - n + 1)
            hi = min(i + width - 1, len(keys) - n)
            for s in range(lo, hi + 1):
                if keys[s : s + n] == ex:
                    return True
        return False

    @staticmethod
    def _hits(unit: Unit, found: tuple[_Found, ...]) -> list[Hit]:
        """The hits of a unit from what :meth:`_find_in_unit` found: unit
        offsets made line and document offsets."""
        text, index, pieces = unit.text, unit.index, unit.pieces
        if len(pieces) == 1:  # most units: one line, one shift
            p = pieces[0]
            line, shift = p.line, p.start - p.offset
            return [
                Hit(c, how, text[s:e], form, score, index, line, s + shift, e + shift)
                for c, how, form, score, s, e in found
            ]
        out: list[Hit] = []
        for c, how, form, score, s, e in found:
            line, start = unit.locate(s)
            end = unit.locate(e - 1)[1] + 1
            out.append(Hit(c, how, text[s:e], form, score, index, line, start, end))
        return out


@cache
def builtin_matcher() -> Matcher:
    """The matcher of the built-in taxonomy, compiled once per process and
    shared by the scorer and the rules that read taxonomy vocabulary."""
    from .terms import load_background

    return Matcher(list(builtin_concepts()), load_background().vocabulary)


# -- phrase keys worked out at build time ---------------------------------
#
# Tokenising the built-in taxonomy's ~950 phrases with spaCy was most of the
# matcher's start-up. scripts/build_taxonomy_keys.py writes them to
# data/taxonomy_keys.json with a digest of what they depend on; a file whose
# digest is not the current one is not read (every phrase is tokenised as
# before), and tests/test_taxonomy_keys.py fails until it is rebuilt.

#: A phrase's keys (:func:`~amfit.nlp.phrase_keys`) and its words lower-cased.
PhraseKeys = tuple[tuple[str, ...], str]
KEYS_FILE = "taxonomy_keys.json"
KEYS_SCRIPT = "scripts/build_taxonomy_keys.py"


def phrase_lower(text: str) -> str:
    """A phrase's words lower-cased, joined by one space."""
    return " ".join(t.lower for seg in segments(text) for t in seg)


def concept_phrases(concepts: Iterable[Concept]) -> list[str]:
    """Every phrase of the concepts the matcher tokenises, once each, in order."""
    seen: dict[str, None] = {}
    for c in concepts:
        for shape in c.shapes:
            seen.update(dict.fromkeys((*shape.left, *shape.right)))
        seen.update(dict.fromkeys((c.label, *c.aliases, *c.exclude)))
    return list(seen)


def phrase_keys_digest() -> str:
    """What the keys of the built-in phrases depend on: keywords/am.toml,
    data/lemmas.tsv, the spaCy version (its tokenizer rules) and the stemmer
    in use, as one SHA-256."""
    import hashlib

    from spacy.about import __version__ as spacy_version

    from .nlp import _stemmer

    digest = hashlib.sha256()
    for path in (keywords_path("am.toml"), data_path("lemmas.tsv")):
        digest.update(path.read_bytes())
    stemmer = type(_stemmer())
    digest.update(f"spacy {spacy_version}; {stemmer.__module__}.{stemmer.__name__}".encode())
    return digest.hexdigest()


def build_phrase_keys(concepts: Iterable[Concept]) -> dict[str, object]:
    """The contents of :data:`KEYS_FILE` for these concepts, every phrase
    tokenised now."""
    phrases = {
        text: [list(phrase_keys(text)), phrase_lower(text)] for text in concept_phrases(concepts)
    }
    return {"built_by": KEYS_SCRIPT, "digest": phrase_keys_digest(), "phrases": phrases}


@cache
def builtin_phrase_keys() -> Mapping[str, PhraseKeys]:
    """The shipped keys of the built-in phrases (:func:`read_phrase_keys`)."""
    return read_phrase_keys(data_path(KEYS_FILE))


def read_phrase_keys(path: Path) -> Mapping[str, PhraseKeys]:
    """The phrase keys of a file :func:`build_phrase_keys` wrote, or nothing
    when it is missing, unreadable or stale (then every phrase is tokenised)."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("digest") != phrase_keys_digest():
            return {}
        return {text: (tuple(keys), lower) for text, (keys, lower) in data["phrases"].items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}
