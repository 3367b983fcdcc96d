"""Unit tests for amfit.nlp: segments, figure merging, lemma keys, stems."""

from __future__ import annotations

import json
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amfit import nlp, runpieces
from amfit.nlp import NUMBER_KEY, WILDCARD, compact, phrase_keys, segments, word_key


def words(text: str) -> list[list[str]]:
    return [[t.text for t in seg] for seg in segments(text)]


# -- segments ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grew ARR by 40%", [["Grew", "ARR", "by", "40%"]]),
        # Sentence punctuation and line breaks end a segment.
        ("Own renewals. Drive expansion", [["Own", "renewals"], ["Drive", "expansion"]]),
        ("renewals\nexpansion", [["renewals"], ["expansion"]]),
        ("renewals, expansion", [["renewals"], ["expansion"]]),
        # Hyphens, slashes, ampersands and plus signs join words.
        ("cross-sell/upsell", [["cross", "sell", "upsell"]]),
        ("sales & marketing", [["sales", "marketing"]]),
        ("P&L owner", [["P&L", "owner"]]),
        # The pieces of one figure are one token.
        ("a $3.9M book", [["a", "$3.9M", "book"]]),
        ("€400K-€1.2M deals", [["€400K-€1.2M", "deals"]]),
        ("NRR 112%+ and 97% GRR", [["NRR", "112%+", "and", "97%", "GRR"]]),
        # A range of two numbers is one number token covering both.
        ("40-60 accounts", [["40-60", "accounts"]]),
        ("40 - 60 accounts", [["40 - 60", "accounts"]]),
        ("", []),
        ("   \n\n  ", []),
        ("... --- ...", []),
    ],
)
def test_segments(text: str, expected: list[list[str]]) -> None:
    assert words(text) == expected


def test_token_fields_and_offsets() -> None:
    text = "Expanded Cross-Sell revenue to $1.2M"
    seg = segments(text)[0]
    by_text = {t.text: t for t in seg}
    cross = by_text["Cross"]
    assert (cross.lower, cross.start, cross.end) == ("cross", 9, 14)
    assert by_text["$1.2M"].key == NUMBER_KEY
    assert by_text["$1.2M"].squash == "12m"
    assert by_text["Expanded"].key == word_key("expand")
    for tok in seg:
        assert text[tok.start : tok.end] == tok.text


def test_range_token_lower_and_span() -> None:
    text = "book of 40 - 60 accounts"
    rng = segments(text)[0][2]
    assert (rng.text, rng.lower, rng.key, rng.squash) == ("40 - 60", "40-60", NUMBER_KEY, "4060")
    assert text[rng.start : rng.end] == "40 - 60"


# -- keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "same_as"),
    [
        ("renewals", "renewal"),
        ("renewing", "renewal"),
        ("upsold", "upsell"),
        ("grew", "grow"),
    ],
)
def test_word_key_groups_forms(word: str, same_as: str) -> None:
    assert word_key(word) == word_key(same_as)


def test_word_key_keeps_manager_apart_from_management() -> None:
    assert word_key("manager") != word_key("management")


@pytest.mark.parametrize("figure", ["58", "3.9", "$3.9m", "97%", "40%+", "100+", "$400k-$1.2m"])
def test_every_figure_shares_the_number_key(figure: str) -> None:
    assert word_key(figure) == NUMBER_KEY


def test_phrase_keys_wildcard_and_joiners() -> None:
    assert phrase_keys("cross-sell") == phrase_keys("cross sell")
    keys = phrase_keys("portfolio of 10 * accounts")
    assert keys[2] == NUMBER_KEY and keys[3] == WILDCARD
    assert compact("Cross-Sell") == "crosssell"


# -- the compiled stemmer gives the pure-Python stems -------------------------


def test_compiled_stemmer_matches_pure_python_on_the_corpus(corpus_dir) -> None:
    from snowballstemmer.english_stemmer import EnglishStemmer

    reference = EnglishStemmer()
    active = nlp._stemmer()
    seen: set[str] = set()
    with (corpus_dir / "postings.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            ad = json.loads(line)
            seen.update(re.findall(r"[a-z]+", (ad["title"] + " " + ad["text"]).lower()))
    assert len(seen) > 10_000
    differ = [w for w in sorted(seen) if active.stemWord(w) != reference.stemWord(w)]
    assert differ == []


# -- the fast segmenter equals the plain one ----------------------------------


def reference_segments(text: str) -> list[list[tuple]]:
    """The segmenter written plainly over spaCy Token objects (the
    definition the optimised loop in amfit.nlp must keep)."""
    raw: list[tuple[str, int, str]] = []
    for tok in nlp.get_nlp().make_doc(text):
        if raw and not raw[-1][2] and not tok.is_space:
            merged = raw[-1][0] + tok.text
            if nlp._FIGURE_RE.match(merged.lower()):
                raw[-1] = (merged, raw[-1][1], tok.whitespace_)
                continue
        raw.append((tok.text, tok.idx, tok.whitespace_))
    out: list[list[tuple]] = []
    current: list[tuple] = []
    joined = False
    for t, start, _ in raw:
        if not t.strip():
            if "\n" in t and current:
                out.append(current)
                current = []
            continue
        if t in nlp.JOINERS:
            joined = True
            continue
        if not any(ch.isalnum() for ch in t):
            joined = False
            if current:
                out.append(current)
                current = []
            continue
        lower = t.lower()
        key = word_key(lower)
        end = start + len(t)
        if key == NUMBER_KEY and joined and current and current[-1][2] == NUMBER_KEY:
            prev = current[-1]
            merged = prev[1] + "-" + lower
            current[-1] = (text[prev[3] : end], merged, NUMBER_KEY, prev[3], end, compact(merged))
        else:
            current.append((t, lower, key, start, end, compact(lower)))
        joined = False
    if current:
        out.append(current)
    return out


PIECES = st.sampled_from(
    [
        "Grew",
        "NRR",
        "renewals",
        "$",
        "3.9",
        "M",
        "$3.9M",
        "40",
        "60",
        "%",
        "+",
        "-",
        "/",
        "&",
        ".",
        ",",
        "(",
        ")",
        "€",
        "1,200",
        "k",
        "cross",
        "sell",
        "Q3",
        "e.g.",
        "don't",
    ]
)
SEPARATORS = st.sampled_from(["", "", " ", "  ", "\n", "\n\n", " \n ", "\t"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PIECES, SEPARATORS), max_size=25))
def test_fast_segments_equal_the_plain_definition(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + s for p, s in parts)
    fast = [[tuple(t) for t in seg] for seg in nlp._segments(text)]
    assert fast == reference_segments(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_fast_segments_on_any_text(text: str) -> None:
    fast = [[tuple(t) for t in seg] for seg in nlp._segments(text)]
    assert fast == reference_segments(text)


# -- the runs amfit tokenises without spaCy are tokenised as spaCy does -------


def _short_words() -> list[str]:
    """Every ASCII word of one or two letters, and three-letter words over
    a spread of letters: spaCy's affix patterns look at a few characters
    either side of a mark, in each case."""
    letters = string.ascii_letters
    words = [*letters, *(a + b for a in letters for b in letters)]
    words += [a + b + c for a in "aAkKmMsSuUzZ" for b in letters for c in "aeiksxyzAEKSXZ"]
    return words


def _learned(run: str) -> list[str]:
    """The tokens amfit keeps for ``run``, learnt afresh."""
    nlp._CHUNKS.pop(run, None)
    nlp._WORDS.pop(run, None)
    nlp._learn_run(run)
    if run in nlp._WORDS:
        return [run]
    return [t for _, t, *_ in nlp._CHUNKS[run]]


@pytest.mark.parametrize("mark", ["", *sorted(runpieces.WORD_SUFFIXES), "."])
def test_runs_tokenised_without_spacy_are_tokenised_as_spacy_does(mark: str) -> None:
    tokenizer = nlp.get_nlp().tokenizer
    words = _short_words()
    # Words joined by hyphens and slashes: every short word on either side
    # of each joiner, against a spread of partners.
    partners = ["Z", "ok", "sell"]
    runs = [*words]
    runs += [w + j + p for w in words[::3] for j in "-/" for p in partners]
    runs += [p + j + w for w in words[1::3] for j in "-/" for p in partners]
    runs += ["end-to-end", "and/or", "B2B-ready", "cross--sell", "-sell", "sell-"]
    differ = [
        run + mark
        for run in runs
        if _learned(run + mark) != [t.text for t in tokenizer(run + mark)]
    ]
    assert differ == []
    plain = [run + mark for run in runs if runpieces.plain_pieces(run + mark, tokenizer.rules)]
    assert len(plain) > 5000  # the test reaches the path it checks


def test_a_word_run_that_is_a_special_case_goes_to_spacy() -> None:
    rules = nlp.get_nlp().tokenizer.rules
    for run in ("cannot", "dont", "Inc.", "Mr.", "and/or", "gonna,", "Dont!", "and/or,", "e-dont"):
        assert _learned(run) == [t.text for t in nlp.get_nlp().tokenizer(run)]
        assert runpieces.plain_pieces(run, rules) is None
    assert _learned("cannot") == ["can", "not"]


def _affixed_runs() -> list[str]:
    """Plain cores of every case shape (and special cases, and cores that
    become one with a mark: "Mr.", "b.") between one or two marks before
    and up to three after (a sample of the grid; the whole grid, 690k runs,
    was checked when the path was written)."""
    cores = ["word", "Services", "CEO", "iOS", "mini-CEO", "cross-sell", "up/down", "a-b", "SaaS"]
    cores += ["a", "I", "e", "x", "A", "Q", "b", "p", "P", "D", "s", "t", "m", "d", "o"]
    cores += [
        "Inc",
        "Mr",
        "Dr",
        "St",
        "vs",
        "etc",
        "US",
        "AI",
        "ok",
        "ll",
        "re",
        "nt",
        "dont",
        "xD",
    ]
    cores += [a + b for a in "aAzZ" for b in "aAeEsS"] + [
        a + b + c for a in "aA" for b in "bB" for c in "cC"
    ]
    lead = sorted(runpieces._LEAD_MARKS)
    trail = sorted(runpieces._TRAIL_MARKS)
    leads = ["", *lead, *(a + b for a in lead for b in "(*[")]
    trails = ["", *trail, *(a + b for a in trail for b in trail)]
    trails += [a + b + c for a in ").*" for b in trail for c in ".,*)"]
    runs = [ld + c + tr for c in cores for ld in leads for tr in trails if ld or tr]
    # Every seventh of the grid (about 100k runs; the stride is prime to the
    # grid's sides, so each core meets marks of every kind).
    return runs[::7]


def test_marks_around_a_plain_core_are_tokenised_as_spacy_does() -> None:
    tokenizer = nlp.get_nlp().tokenizer
    runs = _affixed_runs()
    differ = [run for run in runs if _learned(run) != [t.text for t in tokenizer(run)]]
    assert differ == []
    ruled = [r for r in runs if runpieces.affixed_pieces(r, tokenizer.rules, nlp._spacy_texts)]
    assert len(ruled) > 0.8 * len(runs)  # the test reaches the path it checks


@pytest.mark.parametrize(
    ("run", "tokens"),
    [
        ("(renewals),", ["(", "renewals", ")", ","]),
        ("**Give", ["*", "*", "Give"]),
        ("(Mr.", ["(", "Mr."]),  # a special case once the bracket is off
        ("a-b.", ["a", "-", "b."]),  # "b" and "." merge: an initial
        ("word:*", ["word", ":*"]),  # an emoticon
        ("(dont)", ["(", "do", "nt", ")"]),
    ],
)
def test_special_cases_among_marks_come_out_as_spacy_gives_them(
    run: str, tokens: list[str]
) -> None:
    assert [t.text for t in nlp.get_nlp().tokenizer(run)] == tokens
    assert _learned(run) == tokens


def test_segments_on_the_corpus_equal_the_plain_definition(corpus_dir) -> None:
    """Every posting of the corpus (the first 300), tokenised through the
    run cache, gives the segments of spaCy's own tokens."""
    with (corpus_dir / "postings.jsonl").open(encoding="utf-8") as fh:
        ads = [json.loads(line) for line in fh][:300]
    differ = []
    for ad in ads:
        text = ad["title"] + "\n\n" + ad["text"]
        fast = [[tuple(t) for t in seg] for seg in nlp._segments(text)]
        if fast != reference_segments(text):
            differ.append(ad["id"])
    assert differ == []
