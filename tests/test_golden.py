"""Golden files pin whole reports. Refresh with AMFIT_UPDATE_GOLDEN=1 after a
deliberate change, and review the diff like code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from amfit.fit.scorer import analyze_posting, score_files
from amfit.readers import read_text
from amfit.render.html import render_html
from amfit.render.json import dumps
from amfit.render.keywords import render_keywords
from amfit.render.markdown import render_markdown
from amfit.render.text import render_text
from conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("AMFIT_UPDATE_GOLDEN"))

PAIRS = [
    ("strong", "mid-market-account-manager"),
    ("weak", "smb-account-manager"),
    ("ae", "account-executive"),
    # An account manager against a hunting role: another role's asks marked.
    ("strong", "account-executive"),
    # Keyword stuffing: the score held under the strong-fit band, and why.
    ("stuffed", "smb-account-manager"),
]


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}; run with AMFIT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(("resume", "posting"), PAIRS)
def test_reports_match_golden_files(in_root, resume, posting):
    report = score_files(f"examples/resumes/{resume}.md", f"examples/postings/{posting}.txt")
    stem = f"{resume}__{posting}"
    _check(f"{stem}.txt", render_text(report))
    _check(f"{stem}.explain.txt", render_text(report, explain=True))
    _check(f"{stem}.json", dumps(report.to_dict()))
    _check(f"{stem}.md", render_markdown(report))
    _check(f"{stem}.html", render_html(report))


@pytest.mark.parametrize("posting", ["enterprise-account-manager", "account-executive"])
def test_keywords_match_golden_files(in_root, posting):
    path = f"examples/postings/{posting}.txt"
    analysis = analyze_posting(read_text(path), source=path)
    _check(f"keywords__{posting}.txt", render_keywords(analysis))
    _check(f"keywords__{posting}.json", dumps(analysis.to_dict()))


@pytest.mark.parametrize("resume", ["strong", "weak", "stuffed", "ae"])
def test_bullet_findings_match_golden_files(in_root, resume):
    from amfit.lint import lint_resume
    from amfit.render.lint import render_lint_markdown, render_lint_text

    path = f"examples/resumes/{resume}.md"
    report = lint_resume(read_text(path), source=path)
    _check(f"bullets__{resume}.txt", render_lint_text(report))
    _check(f"bullets__{resume}.json", dumps(report.to_dict()))
    _check(f"bullets__{resume}.md", render_lint_markdown(report))


def test_json_report_follows_its_schema(in_root):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for resume, posting in PAIRS:
        report = score_files(f"examples/resumes/{resume}.md", f"examples/postings/{posting}.txt")
        jsonschema.validate(json.loads(dumps(report.to_dict())), schema)


def test_text_report_fits_80_columns(in_root):
    for resume, posting in PAIRS:
        report = score_files(f"examples/resumes/{resume}.md", f"examples/postings/{posting}.txt")
        for explain in (False, True):
            for line in render_text(report, explain=explain).splitlines():
                assert len(line) <= 80, line
