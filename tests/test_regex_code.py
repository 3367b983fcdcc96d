"""The compiled patterns shipped in data/regex_code.json: seeded into re's
cache only on the interpreter they were built on, each the same as a fresh
compile, and none at all from a stale or broken file."""

from __future__ import annotations

import json
import re
import re._compiler
import subprocess
import sys
from pathlib import Path

import pytest

from amfit import resources
from amfit.resources import REGEX_FILE, data_path, regex_build_key, seed_regex_cache

REBUILD = "stale: run python scripts/build_regex_code.py"


def _shipped() -> dict:
    return json.loads(data_path(REGEX_FILE).read_bytes())


def _skip_on_another_python() -> None:
    """The file serves only the interpreter it was built on; elsewhere amfit
    compiles every pattern itself (same results, slower start-up), so a test
    of the seeded code has nothing to test."""
    if _shipped().get("python") != regex_build_key():
        pytest.skip(f"data/{REGEX_FILE} is built for {_shipped().get('python')}, not this Python")


def test_the_file_says_how_it_was_built():
    data = _shipped()
    assert data["built_by"] == "scripts/build_regex_code.py"
    assert data["python"][0] == "cpython" and len(data["patterns"]) > 300, REBUILD


def test_every_seeded_pattern_is_a_fresh_compile():
    _skip_on_another_python()
    # Pattern equality compares the pattern, the flags and the compiled code.
    re.purge()
    assert seed_regex_cache() > 0
    for pattern, flags, *_ in _shipped()["patterns"]:
        seeded = re._cache[(str, pattern, flags)]
        assert seeded == re._compiler.compile(pattern, flags), pattern
        assert seeded.groupindex == re._compiler.compile(pattern, flags).groupindex
    re.purge()


@pytest.mark.slow
def test_the_file_is_current():
    _skip_on_another_python()
    # What a cold run compiles now, harvested with seeding off.
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_regex_code.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, REBUILD + result.stderr[-300:]


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.update(python=["cpython", [2, 7, 18], 0, 4]),
        lambda data: data.pop("patterns"),
        lambda data: data.update(patterns=[["a", 0, 32, "not a size", 0, {}, [None]]]),
        lambda data: data.update(patterns=[["a", 0, 32, [1, 2, 3], 0, {}, [None]]]),
        # code words that are no sre code (base64 of the words 1, 2, 3)
        lambda data: data.update(
            patterns=[["a", 0, 32, 3, 0, {}, [None]]], code="AQAAAAIAAAADAAAA"
        ),
        lambda data: data.update(code="not base64!"),
        lambda data: data.update(code=data["code"][:-8]),  # fewer words than the rows say
        lambda data: data.pop("code"),
    ],
)
def test_a_stale_or_broken_file_seeds_nothing_wrong(tmp_path, monkeypatch, change):
    data = _shipped()
    change(data)
    (tmp_path / REGEX_FILE).write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(resources, "data_path", lambda name: tmp_path / name)
    re.purge()
    try:
        assert seed_regex_cache() == 0
        assert not re._cache  # not one pattern of a broken file
        assert re.compile("a").match("a")
    finally:
        re.purge()


def test_seeding_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("AMFIT_REGEX_SEED", "0")
    re.purge()
    assert seed_regex_cache() == 0
