"""The resume checks (amfit.checks): each code with resumes (and postings)
it must fail and must pass, the date parser, and a run over the real
resumes of ../shared/resumes that pins the findings the closing note
defends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amfit.checks import CHECKS, FAMILIES, run_checks
from amfit.checks.dates import find_range, parse_as_of, years_range
from amfit.fit.scorer import score, score_files
from amfit.posting import parse_posting
from amfit.resume import parse_resume
from conftest import ROOT, posting_path, resume_path

AS_OF = "2026-06"
SHARED_RESUMES = ROOT.parent / "shared" / "resumes"

# Our own small resumes, modelled on the shapes real ones take.
GOOD = """# Avery Quinn
Account Manager | Columbus, OH | avery.quinn@example.com | (614) 555-0182 | linkedin.com/in/avery-q

## Summary
Account Manager with six years in B2B SaaS renewals and expansion.

## Experience

### Account Manager, Northwind Analytics
Mar 2021 - Present | Columbus, OH
- Own 48 mid-market accounts ($2.6M ARR) at 93% gross revenue retention
- Grew net revenue retention to 109% through 14 expansion deals worth $310K
- Ran 30 QBRs a year with finance and operations stakeholders
- Cut time-to-renewal from 45 to 20 days across 40 renewals
- Raised NPS from 18 to 41 by calling every detractor

### Customer Success Associate, Northwind Analytics
Jun 2019 - Feb 2021
- Handled a renewals queue of 120 SMB accounts at 91% gross logo retention

## Skills
Salesforce, Gainsight, account planning, renewal negotiation

## Education
B.A. Economics, Ohio State University, 2019
"""

POSTING = """Account Manager
Northwind · Remote (US) · Full-time

## Requirements
- 5+ years of account management experience in B2B SaaS
- Bachelor's degree or equivalent experience
- Fluent Spanish and English
- Up to 25% travel to customer sites
"""


def _checks(resume: str, posting: str | None = POSTING):
    r = parse_resume(resume)
    p = parse_posting(posting) if posting else None
    keywords = score(resume, posting).keywords if posting else ()
    return run_checks(r, p, keywords, as_of=AS_OF)


def _status(resume: str, code: str, posting: str | None = POSTING) -> list[str]:
    return [r.status for r in _checks(resume, posting).results if r.code == code]


def _replace(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new)


#: code -> (resumes that must fail it, resumes that must pass it); the
#: posting is POSTING throughout.
TABLE: dict[str, tuple[list[str], list[str]]] = {
    "CHK101": (
        [
            _replace(" | avery.quinn@example.com | (614) 555-0182", ""),
            _replace(" | (614) 555-0182", ""),
        ],
        [GOOD],
    ),
    "CHK102": (
        [_replace("## Education\nB.A. Economics, Ohio State University, 2019\n", "")],
        [GOOD],
    ),
    "CHK103": (
        [_replace("## Skills", "## My Toolbox"), _replace("## Experience", "## Where I Have Been")],
        [],
    ),
    "CHK104": ([_replace("Account Manager", "Client Partner")], [GOOD]),
    "CHK105": ([_replace("Jun 2019 - Feb 2021", "06/2019 - 02/2021")], [GOOD]),
    "CHK106": ([_replace("Jun 2019 - Feb 2021\n", "")], [GOOD]),
    "CHK107": ([_replace("Jun 2019 - Feb 2021", "Jun 19 - Feb 21")], []),
    "CHK108": ([_replace("Jun 2019 - Feb 2021", "Jun 2019 - Jan 2020")], [GOOD]),
    "CHK201": (
        [
            _replace("($2.6M ARR) at 93%", "")
            .replace("to 109% through 14 expansion deals worth $310K", "")
            .replace("from 45 to 20 days across 40 renewals", "")
            .replace("from 18 to 41", "")
        ],
        [GOOD],
    ),
    "CHK202": (
        [GOOD],
        [GOOD + ("\n- Kept notes on every renewal call and shared them with the team." * 40)],
    ),
    "CHK301": (
        [_replace("Mar 2021", "Mar 2023").replace("Jun 2019 - Feb 2021", "Jun 2022 - Feb 2023")],
        [GOOD],
    ),
    "CHK303": (
        [GOOD],
        [_replace("## Education", "## Languages\nSpanish (fluent)\n\n## Education")],
    ),
}


@pytest.mark.parametrize("code", sorted(TABLE))
def test_each_check_fails_and_passes_its_examples(code):
    flag, passes = TABLE[code]
    for text in flag:
        assert "fail" in _status(text, code), (code, text[:200])
    for text in passes:
        assert "fail" not in _status(text, code), (code, text[:200])


def test_every_check_has_a_unique_code_name_and_family():
    names = [c.name for c in CHECKS.values()]
    assert len(set(names)) == len(names)
    for code, info in CHECKS.items():
        assert code == info.code and code.startswith("CHK") and len(code) == 6
        assert info.family in FAMILIES
        assert not info.name.startswith(("use-", "avoid-")), info.name


def test_contact_details_are_never_echoed():
    checks = _checks(GOOD)
    text = json.dumps([r.message + r.hint + json.dumps(r.data) for r in checks.results])
    for secret in ("avery.quinn@example.com", "555-0182", "linkedin.com/in/avery-q"):
        assert secret not in text
    contact = next(r for r in checks.results if r.code == "CHK101")
    assert contact.status == "pass" and contact.data["found"] == [
        "email",
        "phone",
        "location",
        "profile link",
    ]


def test_a_date_range_is_no_phone_number():
    text = _replace("Jun 2019 - Feb 2021", "2019-06 - 2021-02").replace(" | (614) 555-0182", "")
    contact = next(r for r in _checks(text).results if r.code == "CHK101")
    assert "phone" in contact.data["missing"]


def test_requirements_read_as_met_not_met_unknown():
    checks = {r.code: r for r in _checks(GOOD).by_family("requirements")}
    assert checks["CHK301"].status == "pass"  # 7 years against 5+
    assert checks["CHK301"].data["required"] == 5
    assert checks["CHK302"].status == "pass"  # B.A. in Education
    assert checks["CHK303"].status == "fail"  # Spanish not named
    assert checks["CHK304"].status == "pass"  # remote (US), resume in Columbus, OH
    assert checks["CHK305"].status == "unknown"  # travel: a resume rarely says
    no_edu = _replace("## Education\nB.A. Economics, Ohio State University, 2019\n", "")
    degree = next(r for r in _checks(no_edu).results if r.code == "CHK302")
    assert degree.status == "fail" and degree.severity == "info"  # equivalent accepted


def test_years_are_unknown_when_dates_give_only_years():
    text = _replace("Mar 2021 - Present", "2021 - Present").replace(
        "Jun 2019 - Feb 2021", "2020 - 2021"
    )
    posting = POSTING.replace("5+ years", "6+ years")
    years = next(r for r in _checks(text, posting).results if r.code == "CHK301")
    # At least Dec 2020 - May 2026 (5.4 years), at most Jan 2020 - Jun 2026.
    assert years.status == "unknown", years.message


def test_no_requirement_findings_without_a_posting():
    checks = _checks(GOOD, None)
    assert not checks.by_family("requirements") and not checks.frequency


def test_keyword_frequency_splits_hard_and_soft_skills():
    report = score_files(resume_path("strong"), posting_path("mid-market-account-manager"))
    rows = report.checks.frequency
    assert len(rows) == len(report.keywords)
    kinds = {r.kind for r in rows}
    assert {"hard", "soft", "term"} <= kinds
    renewal = next(r for r in rows if r.id == "renewal")
    assert renewal.posting >= 3 and renewal.resume >= 3


@pytest.mark.parametrize(
    ("text", "start", "end", "style"),
    [
        ("Senior AM, Acme (Jan 2023 - Feb 2024)", "2023-01", "2024-02", "Mon YYYY"),
        ("Mar 2021 – Present | Columbus, OH", "2021-03", "present", "Mon YYYY"),
        ("(6/2022 - Present)", "2022-06", "present", "M/YYYY"),
        ("(2014-09 - present)", "2014-09", "present", "YYYY-MM"),
        ("(2012 to 2014)", "2012", "2014", "YYYY"),
        ("(Summer 2015)", "2015", "2015", "Season YYYY"),
        ("(Jun 12 - Dec 15)", "2012-06", "2015-12", "Mon YY"),
        ("(September 2015 - December 2019)", "2015-09", "2019-12", "Month YYYY"),
    ],
)
def test_date_ranges(text, start, end, style):
    r = find_range(text, parse_as_of(AS_OF))
    assert r is not None
    assert (r.start.iso, r.end.iso, r.style) == (start, end, style)


def test_no_date_in_a_count_or_a_money_figure():
    assert find_range("Managed 18 supplier accounts worth $500k", parse_as_of(AS_OF)) is None


def test_years_count_overlaps_once():
    as_of = parse_as_of(AS_OF)
    a = find_range("Jan 2020 - Dec 2021", as_of)
    b = find_range("Jun 2021 - Dec 2022", as_of)
    assert years_range([a, b]) == (2.9, 3.0)


def test_bad_as_of_is_a_clean_error(monkeypatch):
    from amfit.errors import InputError

    monkeypatch.setenv("AMFIT_TODAY", "June")
    with pytest.raises(InputError, match="YYYY-MM"):
        run_checks(parse_resume(GOOD), None)


# -- the real resumes ---------------------------------------------------------------

#: What the checks say about each real resume against the mid-market
#: posting: the codes that fail or stay unknown. Each is judged in
#: notes/issue11.md (the files had contact details removed and keep only
#: the sections their sources had, which explains CHK101 and most CHK102).
REAL_EXPECTED = {
    "001": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304", "CHK401"},
    "002": {"CHK101", "CHK102", "CHK108", "CHK201", "CHK202", "CHK304"},
    "003": {"CHK101", "CHK102", "CHK107", "CHK108", "CHK304"},
    "004": {"CHK101", "CHK102", "CHK106", "CHK201", "CHK304"},
    "005": {"CHK101", "CHK102", "CHK201", "CHK202", "CHK304", "CHK401"},
    "006": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK304"},
    "007": {"CHK101", "CHK104", "CHK201", "CHK202", "CHK304", "CHK401"},
    "008": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK304"},
    "009": {"CHK101", "CHK104", "CHK201", "CHK202", "CHK304"},
    "010": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK304"},
}


def real_findings(path: Path, as_of: str = AS_OF):
    report = score_files(path, posting_path("mid-market-account-manager"))
    r = parse_resume(report.resume.text or "")
    p = parse_posting(Path(posting_path("mid-market-account-manager")).read_text(encoding="utf-8"))
    return run_checks(r, p, report.keywords, as_of=as_of)


@pytest.mark.skipif(not SHARED_RESUMES.is_dir(), reason="../shared/resumes is not present")
@pytest.mark.parametrize("prefix", sorted(REAL_EXPECTED))
def test_real_resumes_get_only_the_findings_we_defend(prefix):
    path = next(SHARED_RESUMES.glob(f"{prefix}-*.md"))
    checks = real_findings(path)
    flagged = {r.code for r in checks.results if r.status in ("fail", "unknown")}
    assert flagged == REAL_EXPECTED[prefix], sorted(flagged)
    text = path.read_text(encoding="utf-8")
    # No finding echoes a line of the resume beyond a role title or heading.
    for r in checks.results:
        assert len(r.message) < 260
    assert text  # the file was read


def test_every_check_is_documented():
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for code, info in CHECKS.items():
        assert f"| `{code}` | `{info.name}` |" in doc, code
        assert f"**{code} `{info.name}`.**" in doc, code


def test_every_check_code_has_an_example_or_a_real_resume_case():
    """Each code is exercised by the table above, a dedicated test, or the
    real-resume run (extraction codes by their own test below)."""
    covered = set(TABLE) | {"CHK109", "CHK302", "CHK304", "CHK305", "CHK401"}
    covered |= {c for c in CHECKS if c.startswith("CHK5")}
    assert covered == set(CHECKS)


@pytest.mark.parametrize(
    ("warning", "code"),
    [
        ("text looks interleaved from two columns (many lines ...)", "CHK501"),
        ("the document uses text boxes: their text is read where ...", "CHK502"),
        ("text looks garbled (many replacement/private-use characters): ...", "CHK503"),
        ("page 2 holds only images (scanned?): that text cannot be read", "CHK504"),
        ("the PDF looks truncated (no end-of-file marker): ...", "CHK505"),
        ("only the first 10 of 14 pages were read", "CHK505"),
    ],
)
def test_extraction_warnings_become_advice(warning, code):
    from amfit.checks.extraction import extraction

    (found,) = extraction({"format": "pdf", "warnings": [warning]})
    assert found.code == code and found.status == "fail" and found.hint
    assert extraction({"format": "pdf", "warnings": []}) == []


def test_overlapping_roles_are_information():
    text = _replace("Jun 2019 - Feb 2021", "Jun 2019 - Feb 2023")
    assert _status(text, "CHK109") == ["info"]
    assert _status(GOOD, "CHK109") == []
