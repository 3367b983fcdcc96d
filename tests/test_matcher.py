"""The concept matcher: equivalence classes, guards against false hits, hit positions.

Every example text here is written for these tests.
"""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from amfit.matcher import FUZZY_CUTOFF, FUZZY_MAX_LEN_DIFF, FUZZY_MIN_CHARS, Hit, Matcher
from amfit.posting import parse_posting
from amfit.resume import parse_resume
from amfit.taxonomy import Concept, load_taxonomy
from amfit.terms import load_background


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(list(load_taxonomy(())), load_background().vocabulary)


def find(matcher: Matcher, text: str) -> list[Hit]:
    return matcher.find(parse_posting(text).units)


def ids(matcher: Matcher, text: str) -> set[str]:
    return {h.concept_id for h in find(matcher, text)}


def hit_of(matcher: Matcher, text: str, concept_id: str) -> Hit:
    found = [h for h in find(matcher, text) if h.concept_id == concept_id]
    assert found, f"{concept_id} not found in {text!r}: {find(matcher, text)}"
    return found[0]


# -- equivalence classes ------------------------------------------------------

EQUIVALENCES = [
    # abbreviations: acronyms as whole tokens, plural "s" allowed
    ("NRR", "nrr", "alias"),
    ("NDR", "nrr", "alias"),
    ("QBRs", "qbr", "alias"),
    ("GRR", "grr", "alias"),
    ("EBR", "ebr", "alias"),
    ("ACV", "annual_contract_value", "alias"),
    ("ARRs", "arr", "alias"),
    ("SFDC", "salesforce", "alias"),
    # full forms
    ("quarterly business review", "qbr", "exact"),
    ("net dollar retention", "nrr", "alias"),
    # inflection: lemma keys
    ("renewals", "renewal", "lemma"),
    ("renewed", "renewal", "lemma"),
    ("renewing", "renewal", "lemma"),
    ("stakeholders", "stakeholder", "lemma"),
    ("upselling", "upsell", "lemma"),
    ("quarterly business reviews", "qbr", "lemma"),
    # irregular forms listed as aliases (the lemma table maps them too)
    ("upsold", "upsell", "alias"),
    ("cross-sold", "cross_sell", "alias"),
    # hyphenation and spacing
    ("cross sell", "cross_sell", "exact"),
    ("cross-sell", "cross_sell", "exact"),
    ("crosssell", "cross_sell", "exact"),
    ("Cross-Sell", "cross_sell", "exact"),
    ("cross-selling", "cross_sell", "lemma"),
    ("up-sell", "upsell", "exact"),
    ("multi threaded relationships", "multi_threading", "exact"),
    ("multi-threaded relationships", "multi_threading", "exact"),
    ("multithreaded relationships", "multi_threading", "exact"),
    ("multi-threaded", "multi_threading", "alias"),
    ("multi threaded", "multi_threading", "alias"),
    ("multithreaded", "multi_threading", "alias"),
    ("multi-threading", "multi_threading", "alias"),
    ("land-and-expand", "land_and_expand", "exact"),
]


@pytest.mark.parametrize(("text", "concept_id", "how"), EQUIVALENCES)
def test_equivalence_classes(matcher: Matcher, text: str, concept_id: str, how: str) -> None:
    hit = hit_of(matcher, text, concept_id)
    assert hit.how == how
    assert hit.score == 100.0
    assert hit.text == text


@pytest.mark.parametrize(
    ("text", "concept_id"),
    [
        ("Ran QBRs for 40 accounts", "qbr"),
        ("Lifted NRR to 118%", "nrr"),
        ("Renewed 96% of contracts on time", "renewal"),
        ("Upsold premium support to 12 clients", "upsell"),
    ],
)
def test_equivalences_inside_sentences(matcher: Matcher, text: str, concept_id: str) -> None:
    assert concept_id in ids(matcher, text)


@pytest.mark.parametrize("text", ["NRR-based comp plan", "(NRR)", "NRR/GRR targets", "QBR's"])
def test_acronyms_next_to_punctuation(matcher: Matcher, text: str) -> None:
    assert ids(matcher, text) & {"nrr", "qbr"}


# -- typos: fuzzy matching ----------------------------------------------------

# What passes FUZZY_CUTOFF (88, rapidfuzz fuzz.ratio on the words squashed to
# letters): one dropped letter in a word of 6+ letters does; one substituted
# letter in a 7-letter word ("renewel": 85.7) does not, nor three dropped
# letters (the length guard).
TYPOS = [
    ("stakeholdrs", "stakeholder", 90.9),
    ("stakholdr", "stakeholder", 90.0),
    ("renwal", "renewal", 92.3),
    ("renewl negotiation", "contract_negotiation", 97.1),
]


@pytest.mark.parametrize(("text", "concept_id", "score"), TYPOS)
def test_typos_match_fuzzily(matcher: Matcher, text: str, concept_id: str, score: float) -> None:
    hit = hit_of(matcher, text, concept_id)
    assert hit.how == "fuzzy"
    assert hit.score == pytest.approx(score, abs=0.1)
    assert FUZZY_CUTOFF <= hit.score < 100


@pytest.mark.parametrize(
    ("text", "concept_id", "why"),
    [
        ("renewel", "renewal", "one substituted letter: ratio 85.7 is under the cutoff"),
        ("stkholdr", "stakeholder", "three letters shorter than the form"),
        ("Gainsigt", "gainsight", "brand names are fuzzy = false"),
        ("Salesforse", "salesforce", "brand names are fuzzy = false"),
    ],
)
def test_near_misses_that_do_not_match(
    matcher: Matcher, text: str, concept_id: str, why: str
) -> None:
    assert concept_id not in ids(matcher, text), why


def test_documented_ratios_are_rapidfuzz_ratios() -> None:
    assert fuzz.ratio("renewel", "renewal") < FUZZY_CUTOFF
    assert fuzz.ratio("renwal", "renewal") >= FUZZY_CUTOFF
    assert abs(len("stkholdr") - len("stakeholder")) > FUZZY_MAX_LEN_DIFF


def _one_concept_matcher(label: str) -> Matcher:
    concept = Concept(id="zorb", label=label, category="custom", tier="nice")
    return Matcher([concept], load_background().vocabulary)


@pytest.mark.parametrize(
    ("form", "window"),
    [
        ("zorbe", "zorbex"),  # a form of 5 letters
        ("zorbex", "zorbx"),  # a window of 5 letters
    ],
)
def test_fuzzy_never_fires_under_min_chars(form: str, window: str) -> None:
    assert min(len(form), len(window)) < FUZZY_MIN_CHARS
    # The ratio alone would pass: only the length guard stops the hit.
    assert fuzz.ratio(form, window) >= FUZZY_CUTOFF
    assert _one_concept_matcher(form).find(parse_posting(window).units) == []


def test_fuzzy_fires_at_min_chars_and_above() -> None:
    # Control for the test above: the same made-up word, long enough.
    hits = _one_concept_matcher("zorbexal").find(parse_posting("zorbexl").units)
    assert [(h.concept_id, h.how) for h in hits] == [("zorb", "fuzzy")]


def test_fuzzy_never_matches_real_words(matcher: Matcher) -> None:
    # "contact" is an English word in the background vocabulary, so it is no
    # typo of "contract".
    assert "contract_management" not in ids(matcher, "contact management")
    assert "contract_management" not in ids(matcher, "Improved contact management for the team")


def test_vocabulary_is_what_blocks_real_word_fuzzy_hits() -> None:
    # Without a vocabulary every word may be a typo, and the same text matches:
    # the guard above is the vocabulary, not the ratio.
    bare = Matcher(list(load_taxonomy(())), frozenset())
    assert "contract_management" in {
        h.concept_id for h in bare.find(parse_posting("contact management").units)
    }


# -- short tokens and acronyms ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept_id"),
    [
        ("nrr", "nrr"),
        ("Nrr", "nrr"),
        ("NRRx", "nrr"),
        ("xNRR", "nrr"),
        ("qbr", "qbr"),
        ("We arrive early", "arr"),
        ("ARRIVALS", "arr"),
        ("arr", "arr"),
        ("acv", "annual_contract_value"),
    ],
)
def test_acronyms_are_case_sensitive_whole_tokens(
    matcher: Matcher, text: str, concept_id: str
) -> None:
    assert concept_id not in ids(matcher, text)


@pytest.mark.parametrize(
    "text", ["Calls start at 9 AM daily", "I AM based in Leeds", "AM/PM shifts available"]
)
def test_am_in_ordinary_text_is_no_account_concept(matcher: Matcher, text: str) -> None:
    concepts = matcher.concepts
    categories = {concepts[h.concept_id].category for h in find(matcher, text)}
    assert "account_management" not in categories


# -- exclude phrases ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept_id"),
    [
        ("Salesforce Ventures", "salesforce"),
        ("We are backed by Salesforce and others", "salesforce"),
        ("health insurance", "customer_health"),
        ("Full health insurance and dental", "customer_health"),
        ("employee retention programs", "client_retention"),
        ("renewable energy clients", "renewal"),
        ("a catalyst for change", "catalyst"),
        ("multi-threaded programming in Rust", "multi_threading"),
        ("Experience with multi-threaded code", "multi_threading"),
    ],
)
def test_exclude_phrases(matcher: Matcher, text: str, concept_id: str) -> None:
    assert concept_id not in ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "concept_id"),
    [
        ("Salesforce", "salesforce"),
        ("customer health", "customer_health"),
        ("customer retention", "client_retention"),
        ("Catalyst", "catalyst"),
    ],
)
def test_exclude_controls_match(matcher: Matcher, text: str, concept_id: str) -> None:
    assert concept_id in ids(matcher, text)


def test_exclude_is_local_to_the_phrase(matcher: Matcher) -> None:
    text = "Salesforce Ventures led our seed round. Reps live in Salesforce all day."
    hits = [h for h in find(matcher, text) if h.concept_id == "salesforce"]
    assert len(hits) == 1
    assert hits[0].start == text.rindex("Salesforce")


# -- coordination, compound heads, number gaps --------------------------------


def test_coordination_yields_each_part(matcher: Matcher) -> None:
    found = ids(matcher, "Owned renewals and expansion for 30 accounts")
    assert {"renewal", "expansion_revenue"} <= found


def test_coordination_of_two_skills(matcher: Matcher) -> None:
    assert {"upsell", "cross_sell"} <= ids(matcher, "upselling and cross-selling")


def test_compound_head_yields_its_own_concept(matcher: Matcher) -> None:
    found = ids(matcher, "Briefed senior stakeholders every month")
    assert {"stakeholder", "executive_relationships"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "a book of 45 accounts",
        "Managed a book of 120+ customers",
        "portfolio of 25-35 customers",
        "Managed a $4.2M book of 38 accounts",
    ],
)
def test_numbers_fill_the_gap_in_book_of_business(matcher: Matcher, text: str) -> None:
    assert "book_of_business" in ids(matcher, text)


def test_wildcard_stands_for_exactly_one_word(matcher: Matcher) -> None:
    hit = hit_of(matcher, "Managed a portfolio of 30 enterprise accounts", "book_of_business")
    assert hit.text == "portfolio of 30 enterprise accounts"
    assert "*" in hit.form
    # A longer run between "portfolio of" and its noun is the shape's, and
    # says so; the wildcard alias itself still stands for one word.
    longer = hit_of(matcher, "a portfolio of 30 large enterprise accounts", "book_of_business")
    assert (longer.how, longer.form) == ("shape", "portfolio of ~ accounts")


def test_number_range_is_kept_in_hit_text(matcher: Matcher) -> None:
    hit = hit_of(matcher, "portfolio of 25-35 customers", "book_of_business")
    assert hit.text == "portfolio of 25-35 customers"
    assert hit.form == "portfolio of 10 customers"


def test_longest_window_wins_and_the_head_counts(matcher: Matcher) -> None:
    # One nrr hit over the whole phrase, never a second shorter one; its head
    # "retention" is client retention as well (as the labelled postings count it).
    hits = find(matcher, "Held net revenue retention above 110%")
    nrr = [h for h in hits if h.concept_id == "nrr"]
    assert [h.text for h in nrr] == ["net revenue retention"]
    assert [h.text for h in hits if h.concept_id == "client_retention"] == ["retention"]
    assert {h.concept_id for h in hits} == {"nrr", "client_retention"}


# -- positions ----------------------------------------------------------------

POSTING = """Account Manager, Mid-Market

What you'll do
- Run QBRs with key stakeholders and the customer's finance team
- Drive renewals and upsell across a book of 45 accounts
- Keep Salesforce current; track health scores in Gainsight

Benefits
- Health insurance and a home-office budget
"""


def test_hits_point_at_their_text(matcher: Matcher) -> None:
    hits = find(matcher, POSTING)
    assert len(hits) >= 8
    lines = POSTING.split("\n")
    for h in hits:
        assert POSTING[h.start : h.end] == h.text
        assert h.line == POSTING.count("\n", 0, h.start) + 1
        assert h.text in lines[h.line - 1]
    by_id = {h.concept_id: h for h in hits}
    assert by_id["qbr"].line == 4 and by_id["qbr"].text == "QBRs"
    assert by_id["renewal"].line == 5
    # Overlapping hits of one concept keep the longer one.
    assert by_id["book_of_business"].text == "book of 45 accounts"
    assert by_id["gainsight"].line == 6
    assert "customer_health" in by_id and by_id["customer_health"].line == 6


def test_hits_are_in_document_order(matcher: Matcher) -> None:
    hits = find(matcher, POSTING)
    assert [h.start for h in hits] == sorted(h.start for h in hits)


def test_hit_across_a_wrapped_bullet(matcher: Matcher) -> None:
    text = (
        "Account Manager\n\nResponsibilities\n- Lead quarterly business\n  reviews with clients\n"
    )
    hit = hit_of(matcher, text, "qbr")
    assert hit.text == "quarterly business reviews"
    assert hit.line == 4
    assert " ".join(text[hit.start : hit.end].split()) == hit.text


def test_resume_units_are_located_too(matcher: Matcher) -> None:
    resume = (
        "# Dana Example\n\n## Experience\n\n### Account Manager, Acme\n\n"
        "- Held NRR at 112% across a book of 40 accounts\n"
        "- Ran renewals for the whole book\n"
    )
    units = parse_resume(resume).units
    hits = matcher.find(units)
    nrr = next(h for h in hits if h.concept_id == "nrr")
    assert nrr.line == 7
    assert resume[nrr.start : nrr.end] == "NRR"
    renewal = next(h for h in hits if h.concept_id == "renewal")
    assert renewal.line == 8
    assert resume[renewal.start : renewal.end] == "renewals"


def test_matching_is_deterministic(matcher: Matcher) -> None:
    units = parse_posting(POSTING).units
    first = matcher.find(units)
    assert matcher.find(units) == first
    again = Matcher(list(load_taxonomy(())), load_background().vocabulary)
    assert again.find(parse_posting(POSTING).units) == first


def test_a_line_seen_before_gives_the_hits_of_its_own_place() -> None:
    """The matcher keeps what it found per unit text: the same line at
    another place (and a bullet wrapped at another word) gives the hits a
    fresh matcher finds there, lines and offsets included."""
    lines = [
        "- Own renewals and upsell for a book of 40 accounts",
        "- Manage key accounts across the region and grow",
        "  the installed base with executive stakeholders",
        "- Accounts payable and account management experience",
    ]
    first = "Responsibilities\n" + "\n".join(lines) + "\n"
    rewrapped = [lines[0], lines[1] + " the installed", "  base" + lines[2][13:], lines[3]]
    later = "About us\nWe sell software.\n\nWhat you will do\n" + "\n".join(lines) + "\n"
    later += "\nAlso\n" + "\n".join(rewrapped) + "\n"
    warm = Matcher(list(load_taxonomy(())), load_background().vocabulary)
    before = warm.find(parse_posting(first).units)
    got = warm.find(parse_posting(later).units)
    cold = Matcher(list(load_taxonomy(())), load_background().vocabulary)
    fresh = cold.find(parse_posting(later).units)
    assert got == fresh
    assert {h.line for h in got} - {h.line for h in before}  # other lines than the first time
    assert len({h.line for h in got}) >= 4  # both wrapped bullets hold hits
