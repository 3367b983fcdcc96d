"""The built-in taxonomy's phrase keys shipped in data/taxonomy_keys.json:
current, read only when current, and the same matcher either way."""

from __future__ import annotations

import json

import pytest

from amfit.matcher import (
    KEYS_FILE,
    Matcher,
    build_phrase_keys,
    builtin_phrase_keys,
    concept_phrases,
    phrase_keys_digest,
    read_phrase_keys,
)
from amfit.resources import data_path
from amfit.taxonomy import Concept, builtin_concepts, parse_shape
from amfit.terms import load_background

REBUILD = "stale: run python scripts/build_taxonomy_keys.py"


def test_the_shipped_keys_are_current():
    shipped = json.loads(data_path(KEYS_FILE).read_text(encoding="utf-8"))
    assert shipped["built_by"] == "scripts/build_taxonomy_keys.py"
    assert shipped["digest"] == phrase_keys_digest(), REBUILD
    # The digest names the inputs; this catches a change in how a phrase is
    # tokenised (amfit.nlp) that it cannot see.
    assert shipped == build_phrase_keys(builtin_concepts()), REBUILD


def test_the_shipped_keys_cover_every_builtin_phrase():
    table = builtin_phrase_keys()
    assert table, "data/taxonomy_keys.json was not read"
    assert set(table) == set(concept_phrases(builtin_concepts()))


def _index(m: Matcher) -> tuple:
    return (
        m._by_keys,
        m._by_compact,
        m._acronyms,
        m._excludes,
        m._wild,
        m._shapes,
        m._fuzzy,
        m._widths,
        m._prefixes,
        m.max_words,
    )


def test_the_matcher_is_the_same_with_or_without_the_shipped_keys():
    concepts = list(builtin_concepts())
    vocabulary = load_background().vocabulary
    assert _index(Matcher(concepts, vocabulary)) == _index(Matcher(concepts, vocabulary, known={}))


def test_a_phrase_not_in_the_table_is_tokenised():
    # A --keywords concept: its phrases are not in the shipped file.
    concept = Concept(
        id="own_words",
        label="Quarterly re-forecasts",
        category="custom",
        tier="must",
        aliases=("book of 10 * accounts",),
        exclude=("re-forecasts pending",),
        shapes=(parse_shape("re-forecast ~ renewal books"),),
    )
    with_table = Matcher([*builtin_concepts(), concept])
    without = Matcher([*builtin_concepts(), concept], known={})
    assert _index(with_table) == _index(without)
    assert ("quarter", "re", "forecast") in with_table._by_keys


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.update(digest="0" * 64),
        lambda data: data.pop("phrases"),
        lambda data: data.update(phrases={"account management": "not a pair"}),
        lambda data: data.update(phrases=["account management"]),
    ],
)
def test_a_stale_or_broken_file_is_not_read(tmp_path, change):
    data = json.loads(data_path(KEYS_FILE).read_text(encoding="utf-8"))
    path = tmp_path / KEYS_FILE
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_phrase_keys(path) == builtin_phrase_keys()
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_phrase_keys(path) == {}


def test_a_missing_or_garbled_file_is_not_read(tmp_path):
    assert read_phrase_keys(tmp_path / KEYS_FILE) == {}
    (tmp_path / KEYS_FILE).write_bytes(b"\xff{")
    assert read_phrase_keys(tmp_path / KEYS_FILE) == {}
