"""The wheel ships the taxonomy and statistics and runs from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from amfit.model import SCHEMA_VERSION
from conftest import ROOT, posting_path, resume_path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (whl,) = out.glob("amfit-*.whl")
    return whl


def test_wheel_contains_data_and_entry_point(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "amfit/_resources/keywords/am.toml",
        "amfit/_resources/keywords/titles.toml",
        "amfit/_resources/keywords/sections.toml",
        "amfit/_resources/keywords/names.toml",
        "amfit/_resources/data/background.tsv",
        "amfit/_resources/data/lemmas.tsv",
        "amfit/_resources/data/modifier_words.tsv",
        "amfit/_resources/data/common_words.tsv",
        "amfit/_resources/data/verb_only_words.txt",
        "amfit/_resources/data/rank_words.txt",
        "amfit/_resources/data/generic_modifiers.txt",
        "amfit/_resources/data/generic_terms.txt",
        "amfit/_resources/data/stop_words.txt",
        "amfit/_resources/data/taxonomy_keys.json",
        "amfit/_resources/data/parsed_toml.jsonl",
        "amfit/cli/__init__.py",
        "amfit/fit/scorer.py",
        "amfit/model/__init__.py",
    ):
        assert required in names, required
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "amfit = amfit.cli:entry" in zipfile.ZipFile(wheel).read(entry).decode()
    # No posting text ships: the background table is counts only.
    table = zipfile.ZipFile(wheel).read("amfit/_resources/data/background.tsv").decode()
    rows = [line for line in table.splitlines() if not line.startswith("#")]
    assert len(rows) > 1000
    assert max(len(line) for line in rows) <= 70


def test_installed_wheel_runs_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [
            str(target / "bin" / "amfit"),
            "score",
            str(resume_path("strong")),
            str(posting_path("mid-market-account-manager")),
            "--format",
            "json",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert f'"schema_version": "{SCHEMA_VERSION}"' in result.stdout
    for code, expect in (
        ("import amfit.resources as r; print(r.resource_dir('keywords'))", str(target)),
        # The installed taxonomy's phrase keys are current, so they are read.
        ("import amfit.matcher as m; print(bool(m.builtin_phrase_keys()))", "True"),
    ):
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip().startswith(expect), (code, out.stdout)
    version = subprocess.run(
        [str(target / "bin" / "amfit"), "--version"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.startswith("amfit ")


def _python_from_source(code: str) -> str:
    """What ``code`` prints in a fresh interpreter importing amfit from src/."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    return result.stdout.strip()


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys, amfit.cli\n"
        "heavy = [m for m in ('spacy', 'sklearn', 'rapidfuzz', 'numpy') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    assert _python_from_source(code) == ""


def test_scoring_does_not_import_scikit_learn():
    # Importing scikit-learn costs ~0.85 s per process (amfit batch pays it
    # in every worker); TF-IDF is applied with numpy (tests/test_terms.py).
    code = (
        "import sys, amfit\n"
        f"resume = open({str(resume_path('strong'))!r}).read()\n"
        f"posting = open({str(posting_path('mid-market-account-manager'))!r}).read()\n"
        "report = amfit.score(resume, posting)\n"
        "assert any(k.source == 'tfidf' for k in report.keywords)\n"
        "print('sklearn' in sys.modules, 'scipy' in sys.modules)\n"
    )
    assert _python_from_source(code) == "False False"
