"""amfit letter: sentence splitting, length bands, elements, title, golden reports."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amfit.cli import app
from amfit.letter import (
    bands_of,
    build_context,
    check_letter,
    elements,
    length_bands,
    seniority_of,
    split_sentences,
    word_count,
)
from amfit.readers import read_text
from amfit.render.json import dumps
from amfit.render.letter import render_letter_markdown, render_letter_text
from conftest import EXAMPLES, ROOT, posting_path

LETTERS = EXAMPLES / "letters"
POSTING = read_text(posting_path("mid-market-account-manager"))
GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We grew it, e.g. by upsell. Then we renewed.",
            ["We grew it, e.g. by upsell.", "Then we renewed."],
        ),
        (
            "The book reached $6.2M. Renewals followed.",
            ["The book reached $6.2M.", "Renewals followed."],
        ),
        (
            "I was top rep in Q2. Then I moved teams.",
            ["I was top rep in Q2.", "Then I moved teams."],
        ),
        ("Acme Inc. renewed early. It was a save.", ["Acme Inc. renewed early.", "It was a save."]),
        ("NRR was 112% (i.e. above plan). Good?", ["NRR was 112% (i.e. above plan).", "Good?"]),
        (
            "Revenue hit $3.9M ARR in FY24. We kept 94% GRR.",
            ["Revenue hit $3.9M ARR in FY24.", "We kept 94% GRR."],
        ),
    ],
)
def test_sentence_splitting_handles_abbreviations_and_figures(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_letter_with_no_paragraph_breaks_still_splits_and_counts_lines():
    text = "Dear team, I renewed 40 accounts. I kept 95% gross revenue retention.\nCould we talk?"
    sentences = split_sentences(text)
    assert [s.text for s in sentences][-1] == "Could we talk?"
    assert {s.paragraph for s in sentences} == {0}
    assert sentences[-1].line == 2


def test_word_count_and_seniority_bands():
    assert word_count("I renewed $3.9M ARR in FY24, e.g. 58 accounts.") == 9
    assert seniority_of("Strategic Account Manager", "") == "senior"
    assert seniority_of("Account Manager", "This is an entry-level role.") == "entry"
    assert seniority_of("Account Manager", "You have 8+ years of experience") == "senior"
    assert seniority_of("Account Manager, Mid-Market", "3+ years") == "mid"
    bands = length_bands()
    assert bands["entry"][1] < bands["mid"][1] < bands["senior"][1]


def test_strong_letter_has_every_element_and_no_finding():
    report = check_letter(read_text(LETTERS / "strong.md"), POSTING, source="strong.md")
    assert all(report.elements.values()), report.elements
    assert report.findings == ()
    assert report.title_exact and report.other_titles == ()
    lo, hi = report.band
    assert lo <= report.words <= hi


def test_weak_letter_fails_in_the_known_ways():
    report = check_letter(read_text(LETTERS / "weak.md"), POSTING, source="weak.md")
    codes = set(report.counts())
    assert {
        "AM702",
        "AM703",
        "AM704",
        "AM705",
        "AM706",
        "AM707",
        "AM708",
        "AM709",
        "AM201",
        "AM302",
        "AM403",
        "AM501",
        "AM710",
    } <= codes
    assert not any(report.elements.values())
    assert report.other_titles == ("Key Account Manager",)
    for f in report.findings:
        assert f.hint
        if f.line is not None:
            assert f.quote, f


def test_elements_are_found_sentence_by_sentence():
    ctx = build_context(
        "Dear team,\n\nI held 95% gross revenue retention on 40 SMB accounts ($1.1M ARR) by "
        "renewing early.\n\nA QBR showed their team re-keyed orders; the add-on that fixed it "
        "added $20K and their renewal was safe. We lost one account to a merger; since then I "
        "map every parent company.\n\nCould we walk through one of your at-risk renewals?\n\n"
        "Sam",
        posting_title="Account Manager",
    )
    assert all(elements(ctx).values()), elements(ctx)


@pytest.mark.parametrize("name", ["strong", "weak"])
def test_letter_reports_match_golden_files(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    path = f"examples/letters/{name}.md"
    report = check_letter(read_text(path), POSTING, source=path)
    outputs = {
        f"letter__{name}.txt": render_letter_text(report),
        f"letter__{name}.json": dumps(report.to_dict()),
        f"letter__{name}.md": render_letter_markdown(report),
    }
    for file, text in outputs.items():
        golden = GOLDEN / file
        if os.environ.get("AMFIT_UPDATE_GOLDEN"):
            golden.write_text(text, encoding="utf-8", newline="\n")
        assert golden.read_text(encoding="utf-8") == text, file
    assert all(len(line) <= 80 for line in outputs[f"letter__{name}.txt"].splitlines())


def test_cli_letter_formats_fail_on_and_bad_input(tmp_path):
    runner = CliRunner()
    weak = str(LETTERS / "weak.md")
    posting = str(posting_path("mid-market-account-manager"))
    text = runner.invoke(app, ["letter", weak, posting])
    assert text.exit_code == 0 and "AM702" in text.stdout
    data = json.loads(runner.invoke(app, ["letter", weak, posting, "-f", "json"]).stdout)
    assert data["words"] > 500 and data["title_exact"] is False
    assert runner.invoke(app, ["letter", weak, posting, "--fail-on", "error"]).exit_code == 1
    strong = str(LETTERS / "strong.md")
    assert runner.invoke(app, ["letter", strong, posting, "--fail-on", "warning"]).exit_code == 0
    md = runner.invoke(app, ["letter", weak, posting, "-f", "markdown"]).stdout
    assert md.startswith("# amfit cover-letter check")
    only = json.loads(
        runner.invoke(app, ["letter", weak, posting, "-f", "json", "--select", "AM70"]).stdout
    )
    assert {f["code"][:4] for f in only["findings"]} == {"AM70"}
    missing = runner.invoke(app, ["letter", str(tmp_path / "none.md"), posting])
    assert missing.exit_code == 2 and missing.stderr.startswith("amfit: error:")
    assert "Traceback" not in missing.stderr
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    assert runner.invoke(app, ["letter", str(empty), posting]).exit_code == 2


BAND = '[[band]]\nseniority = "{s}"\nmin = {lo}\nmax = {hi}\ntoo_long = 500\nsource = "test"\n'


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([("entry", 200, 350), ("mid", 250, 400)], "no [[band]] for senior"),
        ([("entry", 200, 350), ("mid", 400, 250), ("senior", 275, 450)], "min < max"),
        ([("entry", 200, 350), ("entry", 250, 400), ("senior", 275, 450)], "once"),
        ([("junior", 200, 350), ("mid", 250, 400), ("senior", 275, 450)], "'junior'"),
    ],
)
def test_bad_length_bands_name_the_problem(tmp_path, bands, message):
    from amfit import phrases
    from amfit.errors import TaxonomyError

    path = tmp_path / "letter.toml"
    path.write_text("\n".join(BAND.format(s=s, lo=lo, hi=hi) for s, lo, hi in bands))
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        bands_of(phrases.load(path, tables=("band",)))


def test_length_bands_come_from_the_data_file():
    assert length_bands() == {
        "entry": (200, 350, 500),
        "mid": (250, 400, 500),
        "senior": (275, 450, 500),
    }


def test_a_finding_quotes_the_sentence_it_is_about_not_the_first_on_its_line():
    # One paragraph (one line) of three sentences; the salary figure is in
    # the second, the stock closing in the third.
    letter = (
        "I renewed 58 mid-market accounts at 94% gross revenue retention. "
        "My salary expectation is $90K base. "
        "I look forward to hearing from you."
    )
    report = check_letter(letter, POSTING, source="one-line.md")
    quoted = {f.code: f.quote for f in report.findings if f.line == 1}
    assert quoted["AM705"] == "My salary expectation is $90K base."
    assert quoted["AM704"] == "I look forward to hearing from you."
