"""Shared fixtures: paths to the repository, the examples and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RESUMES = EXAMPLES / "resumes"
POSTINGS = EXAMPLES / "postings"
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
