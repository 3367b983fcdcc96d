"""Unit tests for amfit.terms: stop words, TF-IDF weights, salient terms.

scikit-learn is the definition here: the stop-word file must equal its
English list, the weights its ``TfidfTransformer``, and the fast
:func:`salient_terms` a plain implementation built on scikit-learn.
"""

from __future__ import annotations

import bisect
import json
import re

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from amfit.document import Unit
from amfit.fit.scorer import default_scorer
from amfit.nlp import Token, segments
from amfit.posting import IGNORED_SECTIONS, parse_posting
from amfit.termrules import Context, opens_sentence, reason
from amfit.terms import (
    MAX_TERM_DF_RATIO,
    MIN_LOWER_WORD_CHARS,
    MIN_TERM_WEIGHT,
    NAME_MAX_DF,
    NAME_REPEATED_MAX_DF,
    SINGLE_USE_MAX_DF,
    TOP_TERMS,
    Term,
    candidate_runs,
    load_background,
    load_term_items,
    not_a_skill_shape,
    not_skills,
    run_terms,
    salient_terms,
    stop_words,
    tfidf_weights,
)
from amfit.textio import normalize_text
from conftest import POSTINGS

TERM_SECTIONS = IGNORED_SECTIONS | {"title"}


def sklearn_weights(counts: list[int], idf: list[float]) -> list[float]:
    matrix = sp.csr_matrix(np.array([counts], dtype=np.float64))
    transformer = TfidfTransformer(sublinear_tf=True, norm=None)
    transformer.idf_ = np.array(idf)
    transformer.n_features_in_ = len(counts)
    return transformer.transform(matrix).toarray()[0].tolist()


# -- stop words and weights --------------------------------------------------


def test_stop_word_file_is_scikit_learns_list() -> None:
    from amfit.resources import data_path

    listed = {
        w.strip()
        for w in data_path("stop_words.txt").read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    assert listed == set(ENGLISH_STOP_WORDS)
    assert set(ENGLISH_STOP_WORDS) <= stop_words()
    assert {"ability", "candidate"} <= stop_words()  # data/generic_terms.txt


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 500), st.floats(1.0, 9.0, allow_nan=False)),
        min_size=1,
        max_size=40,
    )
)
def test_weights_equal_scikit_learn(pairs: list[tuple[int, float]]) -> None:
    counts = [c for c, _ in pairs]
    idf = [i for _, i in pairs]
    assert tfidf_weights(counts, idf) == sklearn_weights(counts, idf)


def test_weights_are_sublinear() -> None:
    one, four = tfidf_weights([1, 4], [2.0, 2.0])
    assert one == 2.0
    assert four == pytest.approx(2.0 * (1 + np.log(4)))


# -- a plain salient_terms, on scikit-learn ---------------------------------


def reference_salient_terms(units: list[Unit], covered: list[tuple[int, int]]) -> list[Term]:
    """salient_terms written plainly: every candidate weighted by
    scikit-learn, then the selection rules in order."""
    bg = load_background()
    spans = sorted(covered)

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    counts: dict[str, int] = {}
    first: dict[str, tuple[str, int, str]] = {}
    capitalised: dict[str, bool] = {}
    clipped: dict[str, bool] = {}
    names, odd = not_skills(units, TERM_SECTIONS)
    # The token before and after each token of its segment, for the context
    # of amfit.termrules: a pair after "to", a maker's name before products.
    # And, for the fragment rule, whether a hyphen ties it to the token
    # before / after it, and whether a counting figure stands before it.
    before: dict[tuple[int, int], str] = {}
    after: dict[tuple[int, int], Token | None] = {}
    tied_left: dict[tuple[int, int], bool] = {}
    tied_right: dict[tuple[int, int], bool] = {}
    figure_before: dict[tuple[int, int], bool] = {}
    for unit in units:
        for seg in segments(unit.text):
            for i, tok in enumerate(seg):
                at = unit.index, tok.start
                before[at] = seg[i - 1].lower if i else ""
                after[at] = seg[i + 1] if i + 1 < len(seg) else None
                tied_left[at] = bool(i) and unit.text[seg[i - 1].end : tok.start] == "-"
                nxt = after[at]
                tied_right[at] = nxt is not None and unit.text[tok.end : nxt.start] == "-"
                counting = r"\d.*[^.)]|\d"  # a figure, not a list number ("1." or "2)")
                figure_before[at] = bool(i) and bool(re.fullmatch(counting, seg[i - 1].text))
    title = {t.key for u in units if u.section == "title" for g in segments(u.text) for t in g}
    after_to: set[str] = set()
    makes: dict[str, set[str] | None] = {}
    seen_pairs: set[str] = set()
    noted: set[str] = set()
    opens: set[str] = set()  # words first seen opening a sentence
    cut: dict[str, bool] = {}  # cut from a hyphenated word or a figure, everywhere
    for unit in units:
        if unit.section in TERM_SECTIONS or unit.kind == "heading":
            continue
        for run in candidate_runs(unit.text):
            parts: list[list] = [[]]
            for tok in run:
                if (
                    inside(unit.locate(tok.start)[1])
                    or tok.lower in names
                    or (unit.index, tok.start) in odd
                ):
                    parts.append([])
                else:
                    parts[-1].append(tok)
            for part in (p for p in parts if p):
                for tok in part:
                    capitalised[tok.key] = capitalised.get(tok.key, True) and tok.text[:1].isupper()
                    nxt = after[unit.index, tok.start]
                    if not tok.text[:1].isupper():
                        makes[tok.key] = None
                    elif makes.get(tok.key, set()) is not None:
                        if (
                            nxt is not None
                            and nxt.text[:1].isupper()
                            and not nxt.text.isupper()
                            and nxt.start == tok.end + 1
                        ):
                            makes[tok.key] = (makes.get(tok.key) or set()) | {nxt.text}
                        else:
                            makes[tok.key] = None
                for tok in part:
                    at = unit.index, tok.start
                    cut[tok.key] = cut.get(tok.key, True) and (tied_left[at] or tied_right[at])
                    rest = unit.text[tok.end :]
                    going_on = rest[1:].lstrip(" ")[:1]
                    clipped[tok.key] = clipped.get(tok.key, True) and (
                        rest[:1] == "." and going_on not in ("", "\n") and not going_on.isupper()
                    )
                for i, tok in enumerate(part[:-1]):
                    pair = f"{tok.key} {part[i + 1].key}"
                    at, nxt_at = (unit.index, tok.start), (unit.index, part[i + 1].start)
                    cut[pair] = cut.get(pair, True) and (
                        tied_left[at] or figure_before[at] or tied_right[nxt_at]
                    )
                    if pair not in first and pair not in seen_pairs:
                        seen_pairs.add(pair)
                        if before[unit.index, tok.start] == "to":
                            after_to.add(pair)
                for tok in part:
                    if tok.key not in first and tok.key not in noted:
                        noted.add(tok.key)
                        if before[unit.index, tok.start] == "" and opens_sentence(unit.text, tok):
                            opens.add(tok.key)
                for key, surface in run_terms(part):
                    counts[key] = counts.get(key, 0) + 1
                    first.setdefault(key, (surface, unit.line, unit.section))
    if not counts:
        return []
    vocab = sorted(counts)
    weights = sklearn_weights([counts[t] for t in vocab], [bg.idf(t) for t in vocab])
    ranked = sorted(zip(vocab, weights, strict=True), key=lambda kv: (-kv[1], kv[0]))
    chosen: list[Term] = []
    used: set[str] = set()
    for key, weight in ranked:
        if len(chosen) >= TOP_TERMS or weight < MIN_TERM_WEIGHT:
            break
        parts_ = key.split(" ")
        df = bg.df.get(key, 0)
        if df > MAX_TERM_DF_RATIO * bg.documents or any(p in used for p in parts_):
            continue
        if all(capitalised.get(p, False) for p in parts_) and all(
            bg.df.get(p, 0) == 0 for p in parts_
        ):
            continue
        if counts[key] < 2 and (len(parts_) == 2 or df > SINGLE_USE_MAX_DF):
            continue
        always_capitalised = all(capitalised.get(p, False) for p in parts_)
        if len(parts_) == 1 and len(key) < MIN_LOWER_WORD_CHARS and not always_capitalised:
            continue
        if always_capitalised and (
            df <= NAME_MAX_DF or (counts[key] >= 2 and df <= NAME_REPEATED_MAX_DF)
        ):
            continue
        single = len(parts_) == 1 and counts[key] < 2 and not first[key][0].isupper()
        made = makes.get(key)
        context = Context(
            after_to=key in after_to,
            brand_prefix=made is not None and len(made) >= 1,
            in_title=key in title,
            fragment=cut.get(key, False),
            seen_in=load_term_items().used.get(key, 0),
            listed_in=load_term_items().named.get(key, 0),
            opens_sentence=key in opens,
            always_capitalised=always_capitalised,
            abbreviation=clipped.get(key, False),
        )
        if reason(first[key][0], context) or single:
            continue
        surface, line, section = first[key]
        text = surface if all(capitalised.get(p, False) for p in parts_) else surface.lower()
        chosen.append(Term(key, text, round(float(weight), 3), df, counts[key], line, section))
        used.update(parts_)
    return chosen


def posting_terms(text: str) -> tuple[list[Term], list[Term]]:
    posting = parse_posting(normalize_text(text))
    matcher = default_scorer().matcher
    hits = matcher.find(u for u in posting.units if u.section not in IGNORED_SECTIONS)
    covered = [(h.start, h.end) for h in hits]
    units = list(posting.units)
    fast = salient_terms(units, covered, ignored_sections=TERM_SECTIONS)
    return fast, reference_salient_terms(units, covered)


@pytest.mark.parametrize("path", sorted(POSTINGS.glob("*.txt")), ids=lambda p: p.stem)
def test_salient_terms_equal_the_plain_definition_on_examples(path) -> None:
    fast, plain = posting_terms(path.read_text(encoding="utf-8"))
    assert fast == plain


@pytest.mark.slow
def test_salient_terms_equal_the_plain_definition_on_the_corpus(corpus_dir) -> None:
    text = (corpus_dir / "postings.jsonl").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    compared = with_terms = 0
    for line in lines[::3]:  # every third ad keeps the suite fast
        ad = json.loads(line)
        fast, plain = posting_terms(f"{ad['title']}\n\n{ad['text']}")
        assert fast == plain, ad.get("id")
        compared += 1
        with_terms += bool(fast)
    # Precision first (termrules.never_listed): about a quarter of the ads
    # keep a posting-specific term.
    assert compared > 400 and with_terms > compared // 5


# -- behaviour ---------------------------------------------------------------

FREIGHT = """Account Manager

## Responsibilities
- Manage freight customers and grow freight volume across the region.
- Coordinate freight claims with the carrier operations team.
"""


def test_a_repeated_industry_word_is_a_term(every_term_listed) -> None:
    fast, _ = posting_terms(FREIGHT)
    assert [t.key for t in fast][:1] == ["freight"]
    term = fast[0]
    assert term.count == 3 and term.text == "freight" and term.line == 4
    assert term.weight >= MIN_TERM_WEIGHT


def test_a_makers_name_before_its_one_product_is_not_a_term(every_term_listed) -> None:
    text = FREIGHT + (
        "- Build freight pipelines on Apache Airflow.\n"
        "- Tune Apache Airflow jobs and Apache Airflow alerts.\n"
    )
    fast, slow = posting_terms(text)
    texts = {t.text for t in fast}
    assert "Apache" not in texts and "Airflow" in texts
    assert [t.key for t in fast] == [t.key for t in slow]


def test_stop_words_and_taxonomy_words_are_never_terms() -> None:
    fast, _ = posting_terms(FREIGHT)
    keys = {k for t in fast for k in t.key.split(" ")}
    assert not keys & stop_words()
    assert "account" not in keys  # inside the taxonomy hit "Account Manager"


def test_the_employers_own_name_is_not_a_term() -> None:
    text = FREIGHT + "- Represent Zorblax to Zorblax partners and Zorblax resellers.\n"
    fast, _ = posting_terms(text)
    assert "zorblax" not in {t.key for t in fast}


def test_names_from_the_title_company_line_and_about_text_are_not_terms(every_term_listed) -> None:
    text = (
        "Account Manager at Quillory\n\nCompany: Brenvik Labs\n\n## About us\n"
        "Brenvik builds Quillory. Our Quillory suite serves clinics.\n\n"
        "## Responsibilities\n- Sell Quillory and Brenvik to dental clinics and dental groups.\n"
        "- Grow dental clinics across the region with Quillory.\n"
    )
    keys = {t.key for t in posting_terms(text)[0]}
    assert not keys & {"quillory", "brenvik"}
    assert any("dental" in k for k in keys)


def test_units_and_compound_fragments_are_not_terms() -> None:
    text = (
        "Account Manager\n\n## Responsibilities\n"
        "- Support fine-grained reporting on 32 GB laptops and 32 GB phones.\n"
        "- Keep fine-grained notes; every laptop ships with 32 GB.\n"
    )
    keys = {k for t in posting_terms(text)[0] for k in t.key.split(" ")}
    assert "grained" not in keys and "gb" not in keys


@pytest.mark.parametrize(("stop", "kept"), [(".", False), ("", True), (". End", True)])
def test_a_word_cut_short_by_a_full_stop_mid_sentence_is_no_term(stop: str, kept: bool) -> None:
    # Without its full stop "incl" is a rare word used twice and offered;
    # with one and the sentence going on it is an abbreviation; once a
    # capital follows, the full stop may end a sentence and cuts nothing.
    text = (
        "Data Analyst\n\n## Requirements\n"
        f"- Proficient in spreadsheets (incl{stop} pivot tables and lookups).\n"
        "- Reporting tools incl. dashboards and alerts.\n"
    )
    keys = {k for t in posting_terms(text)[0] for k in t.key.split(" ")}
    assert ("incl" in keys) is kept, keys


def test_a_hyphen_half_used_alone_too_stays_a_word() -> None:
    posting = parse_posting(
        normalize_text("Account Manager\n\n- Fleet-maintenance for every fleet we serve.\n")
    )
    _, odd = not_skills(posting.units)
    unit = next(u for u in posting.units if "Fleet-" in u.text)
    assert (unit.index, unit.text.index("Fleet")) not in odd
    assert (unit.index, unit.text.index("maintenance")) in odd


@pytest.mark.parametrize(
    ("surface", "odd"),
    [
        ("agreed", True),
        ("enduring", True),
        ("relentless", True),
        ("freight", False),
        ("EDR", False),
        ("security operations", False),
        ("identifying customer", True),
    ],
)
def test_verb_and_adjective_shapes_are_not_skills(surface: str, odd: bool) -> None:
    assert not_a_skill_shape(surface) is odd


def test_the_other_word_of_a_two_word_name_is_a_name_too() -> None:
    posting = parse_posting(
        normalize_text(
            "Account Manager\n\n## About us\nBlue Heron was founded in 2015. "
            "We think Heron customers deserve more.\n\n## Responsibilities\n- Manage clinics\n"
        )
    )
    names, _ = not_skills(posting.units, frozenset({"about"}))
    assert {"blue", "heron"} <= names


def test_at_most_top_terms() -> None:
    words = " ".join(f"widget{chr(97 + i)}fy" for i in range(12))
    text = "Account Manager\n\n## Responsibilities\n" + f"- {words}\n- {words}\n"
    fast, plain = posting_terms(text)
    assert fast == plain
    assert len(fast) <= TOP_TERMS


# --- lexicon rules (amfit.fit.termwords) --------------------------------------


def test_a_single_verb_form_of_the_verb_lexicon_is_no_skill() -> None:
    from amfit.fit.termwords import not_a_skill_word
    from amfit.lint.verbs import lookup

    assert lookup("negotiate") is not None
    assert not_a_skill_word("negoti", "negotiate")
    # an acronym in capitals is left to the name rules
    assert not not_a_skill_word("sla", "SLA")


def test_perk_and_generic_words_come_from_the_shipped_lists() -> None:
    from amfit.fit.termwords import generic_words, not_a_skill_word, perk_words
    from amfit.resources import data_path

    for name, words in (("perk_words.tsv", perk_words()), ("generic_words.tsv", generic_words())):
        header = data_path(name).read_text(encoding="utf-8").split("\n")[1]
        assert "scripts/build_term_lexicons.py" in header
        assert words and all(w.isalpha() and w == w.lower() for w in words)
    perk = min(perk_words())
    assert not_a_skill_word(perk, perk)
    # a perk word spoils a pair it is in, on either side
    assert not_a_skill_word(f"renew {perk}", f"renewal {perk}")
    assert not_a_skill_word(f"{perk} renew", f"{perk} renewal")


def test_a_plural_and_a_verb_is_a_clause_not_a_term() -> None:
    from amfit.fit.termwords import not_a_skill_word

    assert not_a_skill_word("publish negoti", "publishers negotiate")
    # a singular noun before a verb form is a compound ("cost forecast")
    assert not not_a_skill_word("tariff negoti", "tariff negotiate")


def test_a_verb_and_its_object_is_dropped_unless_the_background_knows_the_phrase() -> None:
    from amfit.fit.termwords import PHRASE_MIN_DF, not_a_skill_word
    from amfit.terms import load_background

    df = load_background().df
    assert df.get("negoti zebra", 0) < PHRASE_MIN_DF
    assert not_a_skill_word("negoti zebra", "Negotiate zebras")
    known = next(
        k
        for k, n in sorted(df.items())
        if n >= PHRASE_MIN_DF and k.startswith("support ") and k.count(" ") == 1
    )
    assert not not_a_skill_word(known, "support " + known.split(" ")[1])


def test_the_lexicons_take_a_perk_out_of_a_postings_terms(every_term_listed) -> None:
    from amfit.fit.termwords import not_a_skill_word, perk_words

    def terms_of(perk: str, reject=None) -> set[str]:
        body = "\n".join(
            [
                "Account Manager",
                "",
                "## Responsibilities",
                f"- Grow renewals with zebrafish farms; offer {perk} to zebrafish growers",
                f"- Visit zebrafish hatcheries and price zebrafish feed {perk}",
                "- Own zebrafish hatchery accounts",
            ]
        )
        units = parse_posting(body).units
        return {
            t.key for t in salient_terms(units, ignored_sections=IGNORED_SECTIONS, reject=reject)
        }

    # the first perk word that would be a term (written as its lemma key, rare enough)
    perk = next(w for w in sorted(perk_words()) if w in terms_of(w))
    plain = terms_of(perk)
    assert "zebrafish" in plain
    assert terms_of(perk, not_a_skill_word) == plain - {perk}


def test_a_capitalised_word_in_the_possessive_is_a_name() -> None:
    body = (
        "Partner Manager\n\n## Responsibilities\n"
        "- Grow Orchid Vale's partner network with zebrafish hatcheries\n"
        "- Keep Orchid Vale in front of zebrafish growers; report to the Orchid team\n"
    )
    names, _ = not_skills(parse_posting(body).units)
    assert {"orchid", "vale"} <= names
    assert "zebrafish" not in names
    keys = {t.key for t in salient_terms(parse_posting(body).units)}
    assert not any(k.split(" ")[0] in ("orchid", "vale") for k in keys)


def test_a_word_that_is_only_an_adjective_or_adverb_is_no_term() -> None:
    from amfit.fit.termwords import modifier_words, not_a_skill_word
    from amfit.resources import data_path

    text = data_path("modifier_words.tsv").read_text(encoding="utf-8")
    assert "scripts/build_modifier_words.py" in text.split("\n")[1]
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text  # the licence notice
    words = modifier_words()
    assert {"afraid", "maybe", "greatest"} <= words
    # a word WordNet also knows as a noun is not in it
    assert not {"complex", "senior", "retail", "escalation"} & words
    assert not_a_skill_word("afraid", "afraid")
    assert not_a_skill_word("mayb", "maybe")
    # a noun, and an adjective in a pair ("digital marketing"), are kept
    assert not not_a_skill_word("merchant", "merchants")
    assert not not_a_skill_word("digit market", "digital marketing")
    # capitalised words are left to the name rules
    assert not not_a_skill_word("agil", "Agile")


def test_modifier_words_are_fresh_when_the_wordnet_index_is_installed() -> None:
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("spacy_lookups_data")
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_modifier_words.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


@pytest.mark.slow
def test_two_word_names_do_not_hang_on_the_hash_seed() -> None:
    """The other word of a two-word name is one step from the names already
    known: "Acme" (the title) makes "Bolt" of "Acme Bolt" a name, and "Crane"
    of "Bolt Crane" is not one. The set used to grow while its pairs were read
    in set order, so "crane" came and went with PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    script = (
        "from amfit.posting import IGNORED_SECTIONS, parse_posting\n"
        "from amfit.terms import not_skills\n"
        "text = ('Account Manager at Acme\\n\\nAbout us\\n\\n'\n"
        "        'we partner with Acme Bolt Crane daily.\\n\\n'\n"
        "        'Requirements\\n\\n- Own renewals for Crane accounts\\n')\n"
        "print(sorted(not_skills(parse_posting(text).units, IGNORED_SECTIONS)[0]))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(1, 7)
    }
    assert seen == {"['account', 'acme', 'bolt', 'manager']\n"}
