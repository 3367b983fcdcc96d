"""The term-rejection rules of amfit.termrules, one table per rule.

Every example is invented for these tests (no posting text): each rule
drops what it should and keeps the skills next to it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from amfit import terms
from amfit.resources import data_path
from amfit.termkinds import (
    chief_officer,
    person_noun,
    person_word,
    place_name,
    singulars,
    wrapper_head,
)
from amfit.termrules import (
    Context,
    abbreviation,
    adjective_tail,
    brand_prefix,
    coined_verb,
    common_word,
    common_words,
    generic_modifier_pair,
    infinitive,
    never_listed,
    not_a_skill_shape,
    rank_term,
    reason,
    sentence_opener,
    time_zone,
    title_role,
    verb_head,
    verb_tail,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("surface", ["worries", "window", "example", "guests", "staffing"])
def test_common_word_drops_everyday_words(surface: str) -> None:
    assert reason(surface) is not None


@pytest.mark.parametrize(
    "surface",
    ["salesforce", "onboarding", "saas", "Zoom", "Hubspot", "renewal", "escalation", "upsell"],
)
def test_common_word_keeps_skills_and_tools(surface: str) -> None:
    assert not common_word(surface)


def test_common_word_keeps_a_word_of_the_title() -> None:
    assert common_word("museum")
    assert not common_word("museum", Context(in_title=True))


def test_common_word_folds_british_spellings() -> None:
    assert "colors" in common_words() or "color" in common_words()
    assert common_word("colours")


@pytest.mark.parametrize("surface", ["prioritise", "operationalize", "productise"])
def test_coined_verb_drops(surface: str) -> None:
    assert coined_verb(surface)


@pytest.mark.parametrize("surface", ["enterprise", "SaaS", "Franchise", "concierge"])
def test_coined_verb_keeps(surface: str) -> None:
    assert not coined_verb(surface)


@pytest.mark.parametrize("surface", ["senior member", "junior", "principal", "team lead", "head"])
def test_rank_term_drops(surface: str) -> None:
    assert rank_term(surface)


@pytest.mark.parametrize("surface", ["leads", "pipeline", "headcount planning"])
def test_rank_term_keeps(surface: str) -> None:
    assert not rank_term(surface)


@pytest.mark.parametrize("surface", ["new gadgets", "various regions", "different flavours"])
def test_generic_modifier_pair_drops(surface: str) -> None:
    assert generic_modifier_pair(surface)


@pytest.mark.parametrize("surface", ["renewal forecasting", "newsletter", "channel partners"])
def test_generic_modifier_pair_keeps(surface: str) -> None:
    assert not generic_modifier_pair(surface)


@pytest.mark.parametrize("surface", ["inter departmental", "highly", "truly unique"])
def test_adjective_tail_drops_two_word_fragments(surface: str) -> None:
    assert adjective_tail(surface) == (" " in surface)


@pytest.mark.parametrize("surface", ["payment terms", "contract negotiation", "CRM hygiene"])
def test_adjective_tail_keeps(surface: str) -> None:
    assert not adjective_tail(surface)


@pytest.mark.parametrize("surface", ["shoppers expect", "guests arrive", "buyers hesitate"])
def test_verb_tail_drops_a_subject_and_its_verb(surface: str) -> None:
    assert verb_tail(surface)


@pytest.mark.parametrize("surface", ["renewal process", "sales forecast", "account review", "CRM"])
def test_verb_tail_keeps_noun_phrases(surface: str) -> None:
    assert not verb_tail(surface)


@pytest.mark.parametrize("surface", ["hesitate", "arrive", "prescribe"])
def test_verb_tail_drops_one_word_that_is_only_an_action(surface: str) -> None:
    assert verb_tail(surface)


@pytest.mark.parametrize("surface", ["forecast", "negotiation", "Arrive", "upsell"])
def test_verb_tail_keeps_nouns_and_names(surface: str) -> None:
    assert not verb_tail(surface)


@pytest.mark.parametrize(
    "surface", ["perform tests", "Ensure quality", "manages budgets", "foresee risks"]
)
def test_verb_head_drops_a_clause_cut_from_a_duty(surface: str) -> None:
    assert verb_head(surface)
    assert reason(surface) is not None


@pytest.mark.parametrize(
    ("surface", "context"),
    [
        ("test automation", Context()),
        ("design patterns", Context()),
        ("press releases", Context()),  # "press" is also a noun
        ("React Native", Context()),  # a name: its second word is capitalised
        ("Retool apps", Context(always_capitalised=True)),
        ("perform", Context()),  # one word is verb_tail's to judge
        ("SEE reports", Context()),
    ],
)
def test_verb_head_keeps_noun_phrases_and_names(surface: str, context: Context) -> None:
    assert not verb_head(surface, context)


@pytest.mark.parametrize(
    ("surface", "context", "dropped"),
    [
        ("incl", Context(abbreviation=True), True),
        ("approx", Context(abbreviation=True), True),
        ("incl", Context(), False),  # no full stop mid-sentence in this posting
        ("CRM", Context(abbreviation=True), False),  # an acronym is a skill's short form
        ("Node", Context(abbreviation=True), False),  # "Node.js" split at its dot
        ("pivot tables", Context(abbreviation=True), False),
    ],
)
def test_abbreviation_drops_a_word_cut_short_mid_sentence(surface, context, dropped) -> None:
    assert abbreviation(surface, context) is dropped


@pytest.mark.parametrize("surface", ["UTC", "CET", "PST", "ET", "overlap CEST", "AEST"])
def test_time_zone_drops_the_hours_of_the_job(surface: str) -> None:
    assert time_zone(surface)


@pytest.mark.parametrize("surface", ["IT", "CRM", "SaaS", "utc", "ACT", "QBR"])
def test_time_zone_keeps_acronyms_that_are_no_zone(surface: str) -> None:
    # "IT" and "ACT" would be the season-free names of IST / IDT and ACST /
    # ACDT, but are everyday words; a zone is written in capitals.
    assert not time_zone(surface)


def test_time_zones_say_where_they_come_from() -> None:
    text = data_path("time_zones.txt").read_text(encoding="utf-8")
    assert "scripts/build_time_zones.py" in text and "IANA" in text
    zones = [ln for ln in text.split("\n") if ln and not ln.startswith("#")]
    assert zones == sorted(zones) and all(z.isalpha() and 2 <= len(z) <= 5 for z in zones)


def _fragment_context(monkeypatch, *bullets: str) -> dict[str, bool]:
    """What salient_terms tells the rules of each candidate: is it a fragment?"""
    from amfit import termrules
    from amfit.posting import parse_posting

    seen: dict[str, bool] = {}

    def record(surface: str, context: Context) -> bool:
        seen[surface.lower()] = context.fragment
        return False

    monkeypatch.setattr(termrules, "RULES", (("record", record, True),))
    body = "\n".join(["Account Manager", "", "## Responsibilities", *(f"- {b}" for b in bullets)])
    terms.salient_terms(parse_posting(body).units)
    return seen


def test_fragment_context_marks_halves_of_hyphenated_words_and_measures(monkeypatch) -> None:
    seen = _fragment_context(
        monkeypatch,
        "Make customer-centric escrow decisions with partners",
        "Keep customer-centric escrow decisions in the plan",
        "Stay customer centric in every review",
        "Book a 45 minute escrow call, then another 45 minute escrow call",
    )
    # "centric escrow" is cut from "customer-centric" ("centric" alone is a
    # word here, so termnames.fragment_places keeps it), "minute escrow" from
    # "45 minute"; "escrow decisions" stands whole
    assert seen["centric escrow"] and seen["minute escrow"]
    assert not seen["escrow decisions"]


def test_fragment_context_keeps_a_term_written_whole_somewhere(monkeypatch) -> None:
    seen = _fragment_context(
        monkeypatch,
        "Ship self-escrow dashboards to partners",
        "Build escrow dashboards for the team",
        "1. Escrow dashboards for each list item",
    )
    # once written whole, it is no fragment; a list number is no measure
    assert not seen["escrow dashboards"]


def test_fragment_rule_reads_the_context() -> None:
    assert reason("centric decisions", Context(fragment=True)) == "fragment"
    assert reason("centric decisions") is None


def test_infinitive_drops_a_clause_after_to_and_keeps_the_noun_phrase() -> None:
    after = Context(after_to=True)
    assert infinitive("support vendors", after)
    assert infinitive("articulate difficult", after)
    assert not infinitive("support vendors")  # not after "to": may be a noun phrase
    assert not infinitive("vendor audits", after)  # "vendor" is no verb
    assert not infinitive("SQL queries", after)


def test_brand_prefix_drops_a_makers_name_only() -> None:
    assert brand_prefix("Contoso", Context(brand_prefix=True))
    assert not brand_prefix("Contoso")
    assert not brand_prefix("Contoso Sheets", Context(brand_prefix=True))


def test_shape_rule_is_reexported_from_terms() -> None:
    assert terms.not_a_skill_shape is not_a_skill_shape
    assert not_a_skill_shape("quickly")
    assert not not_a_skill_shape("forecast model")


def test_reason_names_the_rule() -> None:
    assert reason("senior member") == "rank word"
    assert reason("new gadgets") == "generic modifier"
    assert reason("contract negotiation") is None


def test_common_words_say_where_they_come_from() -> None:
    head = data_path("common_words.tsv").read_text(encoding="utf-8").split("\n")[:3]
    assert "scripts/build_common_words.py" in head[1]
    assert "en_lexeme_prob" in head[2]
    assert len(common_words()) == 10_000


def test_common_words_are_fresh_when_the_lookup_tables_are_installed() -> None:
    pytest.importorskip("spacy_lookups_data")
    script = ROOT / "scripts" / "build_common_words.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


def test_verb_only_words_say_where_they_come_from() -> None:
    head = data_path("verb_only_words.txt").read_text(encoding="utf-8").split("\n")[:3]
    assert "scripts/build_modifier_words.py" in head[1]
    assert "en_lemma_index" in head[2]


def _listed(listed_in: int, seen_in: int) -> Context:
    return Context(listed_in=listed_in, seen_in=seen_in)


@pytest.mark.parametrize(
    ("listed_in", "seen_in"),
    [(0, 40), (1, 1), (3, 40), (9, 19)],  # prose wherever used, or named once
)
def test_never_listed_drops_what_ads_write_only_in_prose(listed_in: int, seen_in: int) -> None:
    assert never_listed("complex ideas", _listed(listed_in, seen_in))
    assert reason("complex ideas", _listed(listed_in, seen_in)) == "never listed"


@pytest.mark.parametrize(("listed_in", "seen_in"), [(2, 2), (10, 20), (30, 45), (4, 0)])
def test_never_listed_keeps_what_ads_name_as_items(listed_in: int, seen_in: int) -> None:
    assert not never_listed("test automation", _listed(listed_in, seen_in))


def test_never_listed_is_off_without_corpus_figures() -> None:
    assert not never_listed("complex ideas", Context())


def test_never_listed_reads_the_shipped_counts() -> None:
    """On the shipped tables: a skill real ads list passes, a prose phrase not."""
    from amfit.background import load_term_items
    from amfit.nlp import phrase_keys

    items = load_term_items()

    def context(term: str) -> Context:
        key = " ".join(phrase_keys(term))
        return _listed(items.named.get(key, 0), items.used.get(key, 0))

    for skill in ("test automation", "design patterns", "graphql", "case studies"):
        assert not never_listed(skill, context(skill)), skill
    for prose in ("complex ideas", "wide variety", "good knowledge", "right balance"):
        assert never_listed(prose, context(prose)), prose


@pytest.mark.parametrize(
    "surface",
    ["supervisors", "caregivers", "agency managers", "external partners", "Hosting Partners"],
)
def test_person_noun_drops_the_people_a_hire_works_with(surface: str) -> None:
    assert person_noun(surface)
    assert reason(surface) is not None


@pytest.mark.parametrize(
    "surface",
    ["docker", "Looker", "referrals", "affiliate", "servers", "partner marketing", "SDRs"],
)
def test_person_noun_keeps_tools_acts_and_things(surface: str) -> None:
    # a singular word alone may be a tool named after a trade; "referral" is
    # also an act, "affiliate" a group, "server" a machine (WordNet)
    assert not person_noun(surface)


def test_singulars_of_plurals() -> None:
    assert singulars("managers") == ("manager",)
    assert "adversary" in singulars("adversaries") and "coach" in singulars("coaches")
    assert singulars("salesmen") == ("salesman",) and singulars("business") == ()


@pytest.mark.parametrize("surface", ["Spain", "Berlin", "USA", "Europe", "Texas", "Madrid office"])
def test_place_name_drops_where_the_job_is(surface: str) -> None:
    assert place_name(surface)


@pytest.mark.parametrize("surface", ["Java", "Amazon", "Spanish", "EMEA", "Kafka", "spain"])
def test_place_name_keeps_languages_tools_and_regions_of_markets(surface: str) -> None:
    # "Java" is also a language, "Amazon" also a person first (WordNet); a
    # word written lower-case is not a name
    assert not place_name(surface)


@pytest.mark.parametrize("surface", ["CTO", "COO", "CISO"])
def test_chief_officer_drops_c_level_titles(surface: str) -> None:
    assert chief_officer(surface)


@pytest.mark.parametrize("surface", ["CRM", "SEO", "CPQ", "Cto", "CTO office"])
def test_chief_officer_keeps_other_acronyms(surface: str) -> None:
    assert not chief_officer(surface)


@pytest.mark.parametrize("surface", ["Occasionally", "Afraid", "Interpret", "Seldom"])
def test_sentence_opener_judges_a_first_word_by_its_lower_case(surface: str) -> None:
    opens = Context(opens_sentence=True)
    assert sentence_opener(surface, opens)
    assert reason(surface, opens) == "sentence opener"
    assert not sentence_opener(surface)  # seen first inside a sentence: kept


@pytest.mark.parametrize("surface", ["Retail", "Polish", "Rust", "Copywriting", "HubSpot", "SEO"])
def test_sentence_opener_keeps_nouns_and_names(surface: str) -> None:
    assert not sentence_opener(surface, Context(opens_sentence=True))


def test_sentence_opener_context_is_the_first_sighting(monkeypatch) -> None:
    from amfit import termrules
    from amfit.posting import parse_posting

    seen: dict[str, bool] = {}

    def record(surface: str, context: Context) -> bool:
        seen[surface] = context.opens_sentence
        return False

    monkeypatch.setattr(termrules, "RULES", (("record", record, True),))
    body = "\n".join(
        [
            "Account Manager",
            "",
            "## Responsibilities",
            "- Occasionally review escrow files",
            "- Occasionally audit escrow files",
            "- Review Retail escrow and Retail files",
        ]
    )
    terms.salient_terms(parse_posting(body).units)
    assert seen["Occasionally"] and not seen["Retail"]


@pytest.mark.parametrize("name", ["person_nouns.txt", "place_names.txt"])
def test_wordnet_noun_lists_say_where_they_come_from(name: str) -> None:
    text = data_path(name).read_text(encoding="utf-8")
    head = text.split("\n")[:4]
    assert "scripts/build_wordnet_nouns.py" in head[1] and "WordNet 3.0" in head[1]
    assert "Princeton University" in text  # the licence notice every copy carries
    words = [ln for ln in text.split("\n") if ln and not ln.startswith("#")]
    assert words == sorted(words) and all(w.isalpha() and w.islower() for w in words)


def test_wordnet_noun_lists_are_fresh_when_wordnet_is_installed() -> None:
    if not Path("/usr/share/wordnet/index.noun").is_file():
        pytest.skip("WordNet (apt-get install wordnet-base) is not installed")
    script = ROOT / "scripts" / "build_wordnet_nouns.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


def test_opens_sentence_is_the_start_of_a_line_or_after_a_full_stop() -> None:
    from amfit.nlp import segments
    from amfit.termrules import opens_sentence

    text = "Occasionally we ship. Seldom we wait: Afraid (ideally Angular) or **Angular** code"
    firsts = {seg[0].text: opens_sentence(text, seg[0]) for seg in segments(text)}
    assert firsts["Occasionally"] and firsts["Seldom"] and firsts["Afraid"]
    # a bracket or a bold mark opens a segment, not a sentence: a product
    # name written there keeps its capital
    assert "Angular" in firsts and not firsts["Angular"]


@pytest.mark.parametrize(
    "surface", ["technical knowledge", "wide variety", "sport type", "English proficiency"]
)
def test_wrapper_head_drops_the_wrapper_of_an_ask(surface: str) -> None:
    assert wrapper_head(surface)
    assert reason(surface) == "wrapper head"


@pytest.mark.parametrize(
    "surface", ["knowledge base", "knowledge management", "type safety", "Ruby", "TYPE"]
)
def test_wrapper_head_keeps_terms_the_wrapper_only_opens(surface: str) -> None:
    # the wrapper noun must end the term, in lower case
    assert not wrapper_head(surface)


def test_wrapper_words_say_where_they_come_from() -> None:
    text = data_path("wrapper_words.tsv").read_text(encoding="utf-8")
    head = text.split("\n")[:3]
    assert "scripts/build_wrapper_words.py" in head[1] and "sha256" in head[2]
    rows = [ln.split("\t") for ln in text.split("\n") if ln and not ln.startswith("#")]
    assert rows and all(int(uses) >= 50 and float(share) >= 0.55 for _, uses, share in rows)


@pytest.mark.slow
def test_wrapper_words_are_fresh_when_the_corpus_is_there() -> None:
    corpus = ROOT.parent / "shared" / "corpus" / "postings.jsonl"
    if not corpus.is_file():
        pytest.skip("the corpus (../shared/corpus) is not here")
    script = ROOT / "scripts" / "build_wrapper_words.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


#: (surface, in the title, always capitalised, dropped?) for title_role.
TITLE_ROLES = [
    ("scientist", True, False, True),  # "Data Scientist" ad, lower-case in its body
    ("designer", True, False, True),
    ("recruiter", True, False, True),
    ("scientist", False, False, False),  # not the ad's own role
    ("Docker", True, True, False),  # a tool named after a trade, always capitalised
    ("data scientist", True, False, False),  # two words: person_noun's case
    ("python", True, False, False),  # not a noun for people
]


@pytest.mark.parametrize(("surface", "in_title", "caps", "dropped"), TITLE_ROLES)
def test_title_role_drops_the_postings_own_role(surface, in_title, caps, dropped) -> None:
    context = Context(in_title=in_title, always_capitalised=caps)
    assert title_role(surface, context) is dropped
    assert (reason(surface, context) == "title role") is dropped


def test_person_word_takes_singulars_and_plurals() -> None:
    assert person_word("Scientist") and person_word("scientists") and person_word("recruiters")
    assert not person_word("kafka") and not person_word("data-scientist")
