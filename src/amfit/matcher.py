"""Find taxonomy concepts in a document: exact, alias, lemma and fuzzy hits.

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

The longest window wins at each position: "net revenue retention" is one
hit of ``nrr``, never also a second, shorter ``nrr`` hit. Other concepts
inside it count when they are the *head* of the compound (its last words:
"senior stakeholders" is ``executive_relationships`` and ``stakeholder``;
"net revenue retention" is ``nrr`` and ``client_retention``, as the
hand-labelled postings count it) or a part of a coordination ("renewals and
expansion" is ``expansion_revenue`` and ``renewal``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from .document import Unit
from .nlp import WILDCARD, Token, compact, phrase_keys, segments
from .taxonomy import Concept, builtin_concepts

#: Lowest rapidfuzz ``fuzz.ratio`` (0-100) that counts as a near miss.
FUZZY_CUTOFF = 88.0
#: Forms and windows shorter than this many letters never match fuzzily.
FUZZY_MIN_CHARS = 6
#: Largest difference in length (letters) between a window and a form.
FUZZY_MAX_LEN_DIFF = 2
#: Longest window, in words, that fuzzy matching considers.
FUZZY_MAX_WORDS = 3

HOW_ORDER = {"exact": 0, "alias": 1, "lemma": 2, "fuzzy": 3}

# Whether a match can start at a word (see Matcher._word_flags): no; only a
# squashed form of two or more words ("cross sell" for "crosssell"); yes.
_NO_START, _PREFIX_ONLY, _CAN_START = 0, 1, 2


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
class _Form:
    concept: str
    form: str
    is_label: bool
    lower: str  # words lower-cased, joined by one space


_CONJUNCTIONS = frozenset({"and", "or", "&"})


def _conjuncts(window: Sequence[Token]) -> list[Sequence[Token]]:
    """The parts of a window split at "and"/"or" (none when it has no conjunction)."""
    if not any(t.lower in _CONJUNCTIONS for t in window):
        return []
    parts: list[list[Token]] = [[]]
    for t in window:
        if t.lower in _CONJUNCTIONS:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _heads(window: Sequence[Token]) -> list[Sequence[Token]]:
    """Proper suffixes of a multi-word window that end where it ends, longest first."""
    if len(window) < 2 or any(t.lower in _CONJUNCTIONS for t in window):
        return []
    return [window[s:] for s in range(1, len(window))]


class Matcher:
    """A compiled taxonomy, built once and reused for every document."""

    def __init__(self, concepts: Sequence[Concept], vocabulary: frozenset[str] = frozenset()):
        self.concepts = {c.id: c for c in concepts}
        self.vocabulary = vocabulary
        self._by_keys: dict[tuple[str, ...], list[_Form]] = defaultdict(list)
        self._by_compact: dict[str, list[_Form]] = defaultdict(list)
        self._acronyms: dict[str, list[_Form]] = defaultdict(list)
        self._excludes: dict[str, list[tuple[str, ...]]] = {}
        self._wild: dict[str, list[tuple[tuple[str, ...], _Form]]] = defaultdict(list)
        fuzzy_forms: dict[str, list[tuple[str, _Form]]] = defaultdict(list)
        self.max_words = 1
        for c in concepts:
            for text, is_label in [(c.label, True), *((a, False) for a in c.aliases)]:
                keys = phrase_keys(text)
                if not keys:
                    continue
                lower = " ".join(t.lower for seg in segments(text) for t in seg)
                form = _Form(c.id, text, is_label, lower)
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
            self._excludes[c.id] = [k for k in (phrase_keys(e) for e in c.exclude) if k]
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
        # Per distinct token text, see _word_flags: most words of a posting
        # can start no match, and are passed over after one dict probe.
        self._word_cache: dict[str, tuple[int, bool, bool]] = {}

    # -- matching ---------------------------------------------------------

    def find(self, units: Iterable[Unit]) -> list[Hit]:
        """Every hit in the given units, in document order."""
        hits: list[Hit] = []
        for unit in units:
            for seg in segments(unit.text):
                hits.extend(self._find_in_segment(unit, seg))
        hits.sort(key=lambda h: (h.start, h.concept_id))
        return hits

    def _find_in_segment(self, unit: Unit, seg: Sequence[Token]) -> list[Hit]:
        out: list[Hit] = []
        n_tokens = len(seg)
        known = self._word_cache.get
        flags = [known(t.text) or self._word_flags(t) for t in seg]
        oov = [f[1] for f in flags]
        prefixes = self._prefixes
        i = 0
        while i < n_tokens:
            can_start, _, fuzzy_first = flags[i]
            if can_start == _PREFIX_ONLY:
                # Only a spelling variant of two or more words could start
                # here: the first two words must begin a squashed form.
                tok = seg[i]
                nxt = seg[i + 1] if i + 1 < n_tokens and self.max_words > 1 else None
                can_start = nxt is not None and (
                    tok.squash + nxt.squash in prefixes or tok.key + nxt.key in prefixes
                )
            # A near miss needs fuzzy candidates for the first letter and an
            # unknown word within reach.
            fuzzy = fuzzy_first and any(oov[i : i + FUZZY_MAX_WORDS])
            if not can_start and not fuzzy:
                i += 1
                continue
            found = self._match_at(seg, i, oov if fuzzy else None)
            if found is None:
                i += 1
                continue
            width, forms, how_by_form, score = found
            window = seg[i : i + width]
            seen: set[str] = set()
            for form in forms:
                if form.concept in seen or self._excluded(form.concept, seg, i, width):
                    continue
                seen.add(form.concept)
                out.append(self._hit(unit, window, form, how_by_form[form], score))
            # A coordination ("renewals and expansion") names each part too,
            # and a compound's head names its own concept ("senior
            # stakeholders" is also "stakeholders").
            for part in _conjuncts(window) + _heads(window):
                for h in self._find_in_segment(unit, part):
                    if h.concept_id not in seen:
                        seen.add(h.concept_id)
                        out.append(h)
            i += width
        return out

    def _word_flags(self, tok: Token) -> tuple[int, bool, bool]:
        """(can an exact, alias, lemma or wildcard match start at this word
        (:data:`_NO_START`, :data:`_PREFIX_ONLY` or :data:`_CAN_START`), is
        it unknown to the background vocabulary, have words of its first
        letter fuzzy candidates), worked out once per distinct word. With
        :data:`_NO_START`, :meth:`_match_at` can find only a fuzzy match."""
        text = tok.text
        if (
            text in self._acronyms
            or (text.endswith("s") and len(text) > 2 and text[:-1] in self._acronyms)
            or tok.key in self._widths
            or tok.key in self._wild
            or tok.squash in self._by_compact
        ):
            can_start = _CAN_START
        elif tok.squash in self._prefixes or tok.key in self._prefixes:
            can_start = _PREFIX_ONLY
        else:
            can_start = _NO_START
        flags = (can_start, self._oov(tok), tok.lower[:1] in self._fuzzy)
        if len(self._word_cache) > 200_000:  # stay bounded over huge batches
            self._word_cache.clear()
        self._word_cache[text] = flags
        return flags

    def _match_at(
        self, seg: Sequence[Token], i: int, oov: list[bool] | None
    ) -> tuple[int, list[_Form], dict[_Form, str], float] | None:
        """The longest match starting at word ``i``; ``oov`` marks the unknown
        words of the segment, or is None when no fuzzy match is possible."""
        tok = seg[i]
        # Acronyms: one token, exact case, optional plural "s".
        acr = self._acronyms.get(tok.text)
        if acr is None and tok.text.endswith("s") and len(tok.text) > 2:
            acr = self._acronyms.get(tok.text[:-1])
        best: tuple[int, list[_Form], dict[_Form, str], float] | None = None
        if acr:
            best = (1, acr, dict.fromkeys(acr, "alias"), 100.0)
        room = len(seg) - i
        found: tuple[int, list[_Form]] | None = None
        for width in self._widths.get(tok.key, ()):
            if width > room or (best is not None and width <= best[0]):
                continue
            forms = self._by_keys.get(tuple(t.key for t in seg[i : i + width]))
            if forms:
                found = (width, forms)
                break
        # Spelling variants: the same letters split or joined differently
        # ("cross sell", "crosssell"), or the same keys squashed together.
        squash = joined = ""
        for width in range(1, min(self.max_words, room) + 1):
            t = seg[i + width - 1]
            squash += t.squash
            joined += t.key
            if squash not in self._prefixes and joined not in self._prefixes:
                break
            if found is not None and width <= found[0]:
                continue
            forms = self._by_compact.get(squash) or (
                self._by_compact.get(joined) if width > 1 else None
            )
            if forms:
                found = (width, forms)
        if found is not None and (best is None or found[0] > best[0]):
            width, forms = found
            window = seg[i : i + width]
            lower = " ".join(t.lower for t in window)
            squashed = "".join(t.squash for t in window)
            how = {f: self._how(f, lower, squashed) for f in forms}
            best = (width, sorted(forms, key=lambda f: HOW_ORDER[how[f]]), how, 100.0)
        # Wildcard aliases ("portfolio of * accounts") win only when longer.
        for keys, form in self._wild.get(tok.key, ()):
            n = len(keys)
            if (
                (best is None or n > best[0])
                and i + n <= len(seg)
                and all(k == WILDCARD or k == seg[i + j].key for j, k in enumerate(keys))
            ):
                best = (n, [form], {form: "alias"}, 100.0)
        if best is None and oov is not None:
            best = self._fuzzy_at(seg, i, oov)
        return best

    @staticmethod
    def _how(form: _Form, lower: str, squashed: str) -> str:
        if lower == form.lower or squashed == compact(form.lower):
            return "exact" if form.is_label else "alias"
        return "lemma"

    def _fuzzy_at(
        self, seg: Sequence[Token], i: int, oov: list[bool]
    ) -> tuple[int, list[_Form], dict[_Form, str], float] | None:
        first = seg[i].lower[:1]
        choices = self._fuzzy.get(first)
        if not choices or not any(oov[i : i + FUZZY_MAX_WORDS]):
            return None
        strings, forms = choices
        for width in range(min(FUZZY_MAX_WORDS, len(seg) - i), 0, -1):
            window = seg[i : i + width]
            if not any(oov[i : i + width]):
                continue
            squashed = compact("".join(t.lower for t in window))
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
            form = forms[idx]
            return (width, [form], {form: "fuzzy"}, round(float(score), 1))
        return None

    def _oov(self, tok: Token) -> bool:
        """A word that is not in the background vocabulary (a likely typo);
        asked once per distinct word, by :meth:`_word_flags`."""
        word = tok.lower
        if not self.vocabulary:
            return word.isalpha()
        return word.isalpha() and len(word) >= 4 and tok.key not in self.vocabulary

    def _excluded(self, concept: str, seg: Sequence[Token], i: int, width: int) -> bool:
        for ex in self._excludes.get(concept, ()):
            n = len(ex)
            lo = max(0, i - n + 1)
            hi = min(i + width - 1, len(seg) - n)
            for s in range(lo, hi + 1):
                if tuple(t.key for t in seg[s : s + n]) == ex:
                    return True
        return False

    @staticmethod
    def _hit(unit: Unit, window: Sequence[Token], form: _Form, how: str, score: float) -> Hit:
        start_off = window[0].start
        end_off = window[-1].end
        line, start = unit.locate(start_off)
        _, end_start = unit.locate(end_off - 1)
        return Hit(
            concept_id=form.concept,
            how=how,
            text=unit.text[start_off:end_off],
            form=form.form,
            score=score,
            unit=unit.index,
            line=line,
            start=start,
            end=end_start + 1,
        )


@cache
def builtin_matcher() -> Matcher:
    """The matcher of the built-in taxonomy, compiled once per process and
    shared by the scorer and the rules that read taxonomy vocabulary."""
    from .terms import load_background

    return Matcher(list(builtin_concepts()), load_background().vocabulary)
