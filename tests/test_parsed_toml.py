"""The shipped TOML files' parses in data/parsed_toml.jsonl: current, used
only for the very text they were built from, and the same data either way."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from amfit import resources
from amfit.resources import PARSED_TOML_FILE, data_path, parse_toml, toml_digest
from amfit.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
REBUILD = "stale: run python scripts/build_parsed_toml.py"
SHIPPED = sorted([*ROOT.glob("keywords/*.toml"), *ROOT.glob("data/*.toml")])


def test_every_shipped_toml_file_has_its_current_parse():
    table = resources._parsed_toml()
    assert SHIPPED
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        assert toml_digest(text) in table, f"{path.name} {REBUILD}"
        assert parse_toml(text) == tomllib.loads(text)


def test_the_file_holds_nothing_else():
    digests = {toml_digest(p.read_text(encoding="utf-8")) for p in SHIPPED}
    assert set(resources._parsed_toml()) == digests, REBUILD


def test_a_changed_text_is_parsed_not_looked_up():
    text = (ROOT / "keywords" / "roles.toml").read_text(encoding="utf-8")
    changed = 'added_by_a_test = "yes"\n' + text
    assert toml_digest(changed) not in resources._parsed_toml()
    assert parse_toml(changed) == {**tomllib.loads(text), "added_by_a_test": "yes"}
    with pytest.raises(tomllib.TOMLDecodeError):
        parse_toml(text + "\n= broken\n")


def test_each_call_returns_a_fresh_object():
    text = (ROOT / "keywords" / "roles.toml").read_text(encoding="utf-8")
    first = parse_toml(text)
    first.clear()
    assert parse_toml(text) == tomllib.loads(text)


def test_a_missing_or_garbled_file_is_not_read(tmp_path, monkeypatch):
    resources._parsed_toml.cache_clear()
    try:
        monkeypatch.setattr(resources, "data_path", lambda name: tmp_path / name)
        assert resources._parsed_toml() == {}
        resources._parsed_toml.cache_clear()
        (tmp_path / PARSED_TOML_FILE).write_bytes(b"\xff{")
        assert resources._parsed_toml() == {}
        text = (ROOT / "keywords" / "roles.toml").read_text(encoding="utf-8")
        assert parse_toml(text) == tomllib.loads(text)
    finally:
        resources._parsed_toml.cache_clear()
    assert data_path(PARSED_TOML_FILE).is_file()


def test_a_custom_taxonomy_is_parsed_from_its_own_text(tmp_path):
    # A --keywords file that starts as a copy of the built-in taxonomy and
    # then differs: the shipped parse must not stand in for it.
    own = tmp_path / "own.toml"
    text = (ROOT / "keywords" / "am.toml").read_text(encoding="utf-8")
    own.write_text(text.replace('label = "account management"', 'label = "book stewardship"', 1))
    labels = {c.id: c.label for c in load_taxonomy([own])}
    assert labels["account_management"] == "book stewardship"
