"""Shared fixtures: paths to the repository, the examples and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RESUMES = EXAMPLES / "resumes"
POSTINGS = EXAMPLES / "postings"
#: "Present" in a resume's role dates stands for this month in every test
#: (amfit.checks), so golden files do not change with the calendar.
os.environ.setdefault("AMFIT_TODAY", "2026-06-01")
CORPUS = Path(os.environ.get("AMFIT_CORPUS", ROOT.parent / "shared" / "corpus"))

AM_POSTINGS = (
    "smb-account-manager",
    "mid-market-account-manager",
    "enterprise-account-manager",
)
AE_POSTING = "account-executive"
RESUME_NAMES = ("strong", "weak", "stuffed", "ae")


def resume_path(name: str) -> Path:
    return RESUMES / f"{name}.md"


def posting_path(name: str) -> Path:
    return POSTINGS / f"{name}.txt"


@pytest.fixture(scope="session")
def scorer():
    from amfit.fit.scorer import default_scorer

    return default_scorer()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "postings.jsonl").is_file():
        pytest.skip(f"shared corpus not found at {CORPUS} (set AMFIT_CORPUS)")
    return CORPUS


def load_script(name: str):
    """Import ``scripts/<name>.py`` as a module (the scripts are not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def every_term_listed(monkeypatch):
    """The "never listed" rule off: these postings are made up, their words
    are in no background ad, and the tests are about the other rules."""
    from amfit import termrules

    monkeypatch.setattr(termrules, "MIN_LISTED_EMPLOYERS", 0)
    monkeypatch.setattr(termrules, "MIN_LISTED_SHARE", 0.0)
