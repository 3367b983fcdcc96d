"""The resume checks (amfit.checks): each code with resumes (and postings)
it must fail and must pass, the date parser, and a run over the real
resumes of ../shared/resumes that pins the findings the closing note
defends."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from amfit.checks import CHECKS, FAMILIES, run_checks
from amfit.checks.dates import find_range, parse_as_of, years_range
from amfit.fit.scorer import score, score_files
from amfit.posting import parse_posting
from amfit.render.checks import passed_codes
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
    assert years_range([a, b]) == (3.0, 3.0)  # Jan 2020 - Dec 2022, both months counted


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
#: CHK301 counts only the account roles for "3-5 years of account
#: management": 002 (1.9 years as Account Manager), 006-010 (no account
#: role by title) fall short; 004's Sr. Account Manager is undated (unknown).
REAL_EXPECTED = {
    "001": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304", "CHK401"},
    "002": {"CHK101", "CHK102", "CHK108", "CHK201", "CHK202", "CHK301", "CHK304"},
    "003": {"CHK101", "CHK102", "CHK107", "CHK108", "CHK304"},
    "004": {"CHK101", "CHK102", "CHK106", "CHK201", "CHK301", "CHK304"},
    "005": {"CHK101", "CHK102", "CHK201", "CHK202", "CHK304", "CHK401"},
    "006": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304"},
    "007": {"CHK101", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304", "CHK401"},
    "008": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304"},
    "009": {"CHK101", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304"},
    "010": {"CHK101", "CHK102", "CHK104", "CHK201", "CHK202", "CHK301", "CHK304"},
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


# -- role dates from the role model; years of the roles a requirement names ---------

AM_POSTING = """Account Manager
Remote (US)

## Requirements
- {ask}
"""

#: Our own invented experience sections: (roles, what each shape tests).
SIDE_ROLE = """# Sam Rivera
Account Manager

## Experience

### Account Manager, Brightline Software (Jan 2019 - Dec 2021)
- Kept 40 mid-market accounts at 95% gross retention

### Volunteer Coordinator, Riverside Food Bank (Jan 2010 - Present)
- Organised 12 weekend drives a year for 60 volunteers

### Software Engineer, Tidewater Labs (Jan 2014 - Dec 2018)
- Built the billing service used by 300 customers
"""

PROMOTION = """# Sam Rivera
Account Manager

## Experience

### Senior Account Manager, Brightline Software
Jan 2021 - Present
- Own 25 enterprise accounts worth $4M ARR

### Account Manager, Brightline Software
Jan 2018 - Jun 2021
- Kept 40 mid-market accounts at 95% gross retention
"""


TEAM_LEAD = """# Sam Rivera
Account Manager

## Experience

### Account Management Team Lead, Brightline Software (Jan 2022 - Present)
- Lead 6 account managers across 300 mid-market accounts

### Senior Account Manager, Brightline Software (Jan 2016 - Dec 2021)
- Kept 40 mid-market accounts at 95% gross retention
"""


BD_BY_WORK = """# Sam Rivera
Business Development Manager

## Experience

### Business Development Manager, Brightline Software (Jan 2020 - Present)
- Ran account management for 14 key accounts worth $2.1M ARR
- Grew the key accounts 18% through quarterly reviews

### Support Engineer, Tidewater Labs (Jan 2015 - Dec 2019)
- Assisted the account management team with 300 tickets a month
- Trained account managers on the billing tool
"""


def _years(resume: str, ask: str, as_of: str = AS_OF):
    posting = AM_POSTING.format(ask=ask)
    checks = run_checks(parse_resume(resume), parse_posting(posting), as_of=as_of)
    return [r for r in checks.results if r.code == "CHK301"]


@pytest.mark.parametrize(
    ("resume", "ask", "as_of", "status", "counted"),
    [
        # Only the account role counts for an account-management ask: the
        # volunteer side role and the engineering years do not.
        (
            SIDE_ROLE,
            "5+ years of account management experience",
            AS_OF,
            "fail",
            ["Account Manager"],
        ),
        (
            SIDE_ROLE,
            "3+ years of account management experience",
            AS_OF,
            "pass",
            ["Account Manager"],
        ),
        # A plain "N years of experience" counts every professional role:
        # Jan 2014 - Dec 2021 is 8 years; the volunteer side role since 2010
        # is no professional experience.
        (
            SIDE_ROLE,
            "7+ years of experience",
            AS_OF,
            "pass",
            ["Account Manager", "Software Engineer"],
        ),
        (
            SIDE_ROLE,
            "9+ years of experience",
            AS_OF,
            "fail",
            ["Account Manager", "Software Engineer"],
        ),
        # A promotion written as two overlapping roles: Jan 2018 - Jun 2026
        # is 8.5 years, not 5.5 + 3.5 = 9.
        (
            PROMOTION,
            "9+ years in account management",
            AS_OF,
            "fail",
            ["Senior Account Manager", "Account Manager"],
        ),
        (
            PROMOTION,
            "8+ years in account management",
            AS_OF,
            "pass",
            ["Senior Account Manager", "Account Manager"],
        ),
        # "Present" is the --as-of month: the same resume meets 9+ years in 2027.
        (
            PROMOTION,
            "9+ years in account management",
            "2027-06",
            "pass",
            ["Senior Account Manager", "Account Manager"],
        ),
        # Managing people counts the roles that led a team (by title words,
        # whatever the family), not the account years: Jan 2022 - Jun 2026.
        (TEAM_LEAD, "3+ years managing a team", AS_OF, "pass", ["Account Management Team Lead"]),
        (
            TEAM_LEAD,
            "5+ years of people management",
            AS_OF,
            "fail",
            ["Account Management Team Lead"],
        ),
        # ... also when the team it names manages accounts.
        (
            TEAM_LEAD,
            "5+ years managing a team of account managers",
            AS_OF,
            "fail",
            ["Account Management Team Lead"],
        ),
        # A role whose bullets (two lines), not its title, say account work
        # may count: 6.5 years at most, none for sure, so 5+ is unknown;
        # helping the account team or training account managers is not it.
        (BD_BY_WORK, "5+ years of account management experience", AS_OF, "unknown", []),
        (BD_BY_WORK, "7+ years of account management experience", AS_OF, "fail", []),
        # The account ask still counts both roles (Jan 2016 - Jun 2026).
        (
            TEAM_LEAD,
            "10+ years of account management experience",
            AS_OF,
            "pass",
            ["Account Management Team Lead", "Senior Account Manager"],
        ),
        # A sales ask counts sales roles (an account manager sells), not a CSM.
        (GOOD, "3+ years of experience in sales", AS_OF, "pass", ["Account Manager"]),
        (GOOD, "6+ years of experience in sales", AS_OF, "fail", ["Account Manager"]),
    ],
)
def test_years_count_the_roles_the_requirement_names(resume, ask, as_of, status, counted):
    (found,) = _years(resume, ask, as_of)
    assert found.status == status, found.message
    assert [c["title"] for c in found.data["counted"]] == counted
    by_work = [c["title"] for c in found.data["by_work"]]
    assert by_work == (["Business Development Manager"] if resume is BD_BY_WORK else [])
    for title in counted[:3]:
        assert title in found.message
    assert len(found.message) < 260


def test_overlapping_roles_count_once():
    (found,) = _years(PROMOTION, "8+ years in account management")
    assert found.data["years_min"] == found.data["years_max"] == 8.5


def test_years_name_the_roles_not_counted():
    (found,) = _years(SIDE_ROLE, "5+ years of account management experience")
    assert {c["title"] for c in found.data["not_counted"]} == {
        "Volunteer Coordinator",
        "Software Engineer",
    }
    assert "not counted: Volunteer Coordinator, Software Engineer" in found.message
    assert found.data["areas"] == ["account"]
    assert found.data["years_min"] == 3.0


def test_business_development_title_counts_for_sales():
    text = SIDE_ROLE.replace(
        "Account Manager, Brightline", "Manager, Business Development, Brightline"
    )
    (found,) = _years(text, "2+ years of experience in Sales or Business Development")
    assert found.status == "pass", found.message
    assert [c["title"] for c in found.data["counted"]] == ["Manager, Business Development"]


@pytest.mark.parametrize(
    ("ask", "status"),
    [
        ("5+ years of account management experience", "unknown"),
        ("2+ years of account management experience", "pass"),  # the dated role is enough
        ("20+ years of experience", "unknown"),
    ],
)
def test_missing_dates_leave_years_unknown(ask, status):
    text = SIDE_ROLE.replace(
        "### Software Engineer, Tidewater Labs (Jan 2014 - Dec 2018)",
        "### Senior Account Manager, Tidewater Labs",
    )
    (found,) = _years(text, ask)
    assert found.status == status, found.message
    if status == "unknown":
        assert "undated: Senior Account Manager" in found.message


def test_no_account_role_by_title_is_not_met_and_says_why():
    text = SIDE_ROLE.replace("Account Manager, Brightline", "Office Administrator, Brightline")
    (found,) = _years(text, "3+ years in account management")
    assert found.status == "fail"
    assert "no account roles by title" in found.message
    assert found.data["counted"] == []


def test_a_degree_alternative_is_no_years_requirement():
    found = _years(SIDE_ROLE, "University degree or 4 years of professional experience")
    assert found == []
    checks = run_checks(
        parse_resume(SIDE_ROLE),
        parse_posting(
            AM_POSTING.format(ask="University degree or 4 years of professional experience")
        ),
        as_of=AS_OF,
    )
    degree = next(r for r in checks.results if r.code == "CHK302")
    assert degree.data["equivalent"] is True and degree.severity == "info"


@pytest.mark.parametrize(
    ("dates", "start", "style"),
    [
        ("(6/2022 - 6/2024)", "2022-06", "M/YYYY"),
        ("(Summer 2015)", "2015", "Season YYYY"),
        ("(2014-09 - present)", "2014-09", "YYYY-MM"),
        ("(Jun 12 - Dec 15)", "2012-06", "Mon YY"),
    ],
)
def test_role_dates_are_the_role_models_dates(dates, start, style):
    text = SIDE_ROLE.replace("(Jan 2019 - Dec 2021)", dates)
    resume = parse_resume(text)
    checks = run_checks(resume, None, as_of=AS_OF)
    assert [(r.title, r.line) for r in checks.roles] == [(r.title, r.line) for r in resume.roles]
    first = checks.roles[0]
    assert (first.start, first.style) == (start, style)
    assert first.dates == dates.strip("()")


def test_present_and_gaps_follow_as_of():
    text = PROMOTION.replace("Jan 2021 - Present", "Jan 2021 - Mar 2022")
    later = run_checks(parse_resume(PROMOTION), None, as_of="2030-01")
    assert later.as_of == "2030-01" and later.years == (12.1, 12.1)
    ended = run_checks(parse_resume(text), None, as_of="2030-01")
    assert ended.years == (4.2, 4.2)
    assert [r.status for r in ended.results if r.code == "CHK108"] == ["pass"]


def test_as_of_wins_over_amfit_today(monkeypatch):
    monkeypatch.setenv("AMFIT_TODAY", "2031-01")
    assert run_checks(parse_resume(PROMOTION), None).as_of == "2031-01"
    assert run_checks(parse_resume(PROMOTION), None, as_of="2027-02-14").as_of == "2027-02"


@pytest.mark.parametrize("bad", ["June", "2026-13", "2026-02-30", "", "26-06"])
def test_bad_as_of_names_where_it_came_from(bad):
    from amfit.checks import resolve_as_of
    from amfit.errors import InputError

    with pytest.raises(InputError, match=r"^--as-of: bad date .*YYYY-MM or YYYY-MM-DD$"):
        resolve_as_of(bad, "--as-of")


def _cli(*args: str, env: dict[str, str] | None = None):
    from typer.testing import CliRunner

    from amfit.cli import app

    return CliRunner().invoke(app, list(args), env=env)


def test_cli_as_of_fixes_present_and_rejects_a_bad_date(tmp_path):
    resume = tmp_path / "r.md"
    resume.write_text(PROMOTION, encoding="utf-8")
    posting = tmp_path / "p.txt"
    posting.write_text(AM_POSTING.format(ask="9+ years in account management"), encoding="utf-8")
    ok = _cli("score", str(resume), str(posting), "-f", "json", "--as-of", "2027-06")
    assert ok.exit_code == 0, ok.output
    checks = json.loads(ok.stdout)["checks"]
    assert checks["as_of"] == "2027-06"
    assert next(r for r in checks["results"] if r["code"] == "CHK301")["status"] == "pass"
    for command in ("score", "batch"):
        bad = _cli(command, str(resume), str(posting), "--as-of", "next June")
        assert bad.exit_code == 2
        assert bad.stderr.strip().splitlines() == [
            "amfit: error: --as-of: bad date 'next June': expected YYYY-MM or YYYY-MM-DD"
        ]


def test_batch_full_reports_use_as_of(tmp_path):
    from amfit.batch import score_many

    posting = AM_POSTING.format(ask="9+ years in account management")
    (record,) = score_many(PROMOTION, [posting], jobs=1, as_of="2027-06")
    report = json.loads(record.report_json)
    assert report["checks"]["as_of"] == "2027-06"
    assert next(r for r in report["checks"]["results"] if r["code"] == "CHK301")["status"] == "pass"


# -- the real resumes against real account-management postings ----------------------

CORPUS = ROOT.parent / "shared" / "corpus" / "postings.jsonl"


def _corpus_am_postings(limit: int = 6) -> list[str]:
    """Real AM / CS postings that state years of experience (read at run time)."""
    import re

    out = []
    for line in CORPUS.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row.get("text") or ""
        if re.search(r"account manager|customer success", row.get("title", ""), re.I) and re.search(
            r"\d\+? years", text
        ):
            out.append(f"{row['title']}\n\n{text}")
        if len(out) == limit:
            break
    return out


@pytest.mark.skipif(
    not (SHARED_RESUMES.is_dir() and CORPUS.is_file()), reason="../shared is not present"
)
def test_real_resumes_count_only_the_roles_a_requirement_names():
    from amfit.checks.experience import areas
    from amfit.titles import family_of

    postings = [parse_posting(t) for t in _corpus_am_postings()]
    assert postings
    seen = 0
    for path in sorted(SHARED_RESUMES.glob("0*.md")):
        resume = parse_resume(path.read_text(encoding="utf-8"))
        for posting in postings:
            checks = run_checks(resume, posting, as_of=AS_OF)
            # The checks' roles are the role model's, one for one.
            assert [r.title for r in checks.roles] == [r.title for r in resume.roles]
            for r in checks.results:
                assert len(r.message) < 260, r.message
                if r.code != "CHK301" or not r.data["areas"]:
                    continue
                seen += 1
                named = [a for a in areas() if a.id in r.data["areas"]]
                families = set().union(*(a.families for a in named))
                for c in r.data["counted"]:
                    family = family_of(c["title"])
                    assert family is None or family.id in families, (path.name, c)
                if r.status == "fail":
                    assert r.data["years_max"] < r.data["required"]
    assert seen


@pytest.mark.parametrize(
    ("intro", "found"),
    [
        (
            "Our teams are split between Lisbon, Austin and remote locations across the world.",
            False,
        ),
        (
            "We are hiring an Account Manager for a fully remote role open across North America.",
            True,
        ),
        (
            "This position is hybrid, with two days a week at our Denver office and the rest home.",
            True,
        ),
    ],
)
def test_location_is_the_roles_not_the_companys(intro, found):
    posting = f"Account Manager\n\n{intro}\n\n## Requirements\n- Renewals\n"
    checks = run_checks(parse_resume(GOOD), parse_posting(posting), as_of=AS_OF)
    assert bool([r for r in checks.results if r.code == "CHK304"]) == found


def test_years_unknown_when_every_counted_role_is_undated():
    text = PROMOTION.replace("Jan 2021 - Present\n", "").replace("Jan 2018 - Jun 2021\n", "")
    (found,) = _years(text, "3+ years in account management")
    assert found.status == "unknown"
    assert "account roles with no dates: Senior Account Manager, Account Manager" in found.message
    assert found.data["years_max"] == 0.0


def test_volunteering_and_internships_count_for_no_years():
    text = """# Sam Rivera
Account Manager

## Experience

### Account Manager, Brightline Software (Jan 2021 - Dec 2022)
- Kept 40 mid-market accounts at 95% gross retention

### Account Management Intern, Brightline Software (Jun 2020 - Aug 2020)
- Prepared 30 renewal summaries for the account team

## Volunteer Experience

### Treasurer, Riverside Food Bank (Jan 2012 - Present)
- Kept the books for a budget of $80K
"""
    (found,) = _years(text, "3+ years of experience")
    assert found.status == "fail", found.message
    assert [c["title"] for c in found.data["counted"]] == ["Account Manager"]
    assert {c["title"] for c in found.data["not_counted"]} == {
        "Account Management Intern",
        "Treasurer",
    }
    (am,) = _years(text, "2+ years in account management")
    assert am.status == "pass" and [c["title"] for c in am.data["counted"]] == ["Account Manager"]


def test_last_one_keeps_the_last_object_by_identity_and_key():
    from amfit.checks.base import LastOne

    cache: LastOne[str] = LastOne()
    calls = []

    def make(v):
        calls.append(v)
        return v

    a, b = object(), object()
    assert cache.get(a, lambda: make("a")) == "a"
    assert cache.get(a, lambda: make("again")) == "a"  # same object: kept
    assert cache.get(a, lambda: make("a, May"), "2026-05") == "a, May"  # another key
    assert cache.get(b, lambda: make("b")) == "b"  # another object (equal or not)
    assert calls == ["a", "a, May", "b"]


def test_passed_line_never_lists_a_check_shown_as_a_problem():
    # No education section: CHK102 fails for it and passes for experience
    # and skills; the "passed:" line must not read as if CHK102 had passed.
    resume = parse_resume(
        "# Jo\n\n## Experience\nAccount Manager, Acme | Mar 2021 - Present\n"
        "- Kept 40 accounts.\n\n## Skills\nSalesforce\n"
    )
    checks = run_checks(resume, None)
    passed = passed_codes(checks)
    assert "CHK102 (2 of 3)" in passed
    assert "CHK102" not in passed
    fully = {r.code for r in checks.results if r.status == "pass"} - {
        r.code for r in checks.results if r.status != "pass"
    }
    assert fully and fully <= set(passed)


# -- word tests before the requirement searches (speed, same findings) -------

_DEGREE_FORMS = [
    "bachelor's",
    "Bachelors",
    "master’s",
    "MBA",
    "B.A./B.S.",
    "BA/BS",
    "bs/ba",
    "university degree",
    "four-year degree",
    "Degree",
]


@pytest.mark.parametrize("form", _DEGREE_FORMS)
@pytest.mark.parametrize("swap", [str, str.upper, str.swapcase, lambda w: w.replace("s", "ſ")])
def test_every_degree_ask_holds_a_hint_word(form, swap):
    from amfit.checks.requirements import _DEGREE_ASK, _DEGREE_HINTS

    sentence = f"A {swap(form)} in a related field."
    assert _DEGREE_ASK.search(sentence), sentence
    assert any(w in sentence.casefold() for w in _DEGREE_HINTS), sentence


def test_a_long_s_degree_ask_is_still_found():
    # re's IGNORECASE reads "ſ" as "s": the word test must let it through.
    posting = parse_posting("Account Manager\n\nRequirements:\n- A maſter's in finance.\n")
    resume = parse_resume("Jo Doe\n\nEducation\nB.A. Economics, 2016\n")
    from amfit.checks.requirements import degree

    assert [r.code for r in degree(posting, resume)] == ["CHK302"]


def test_language_patterns_dismiss_exactly_what_the_word_loops_did():
    from amfit.checks.base import settings
    from amfit.checks.requirements import _language_patterns

    cfg = settings()["requirements"]
    in_context, named = _language_patterns()
    for sentence in [
        "Fluent Spanish is a plus.",
        "Native speaker of German.",
        "Spanish-speaking customers.",
        "Proficiency in Japanese required.",
        "Our French office.",
        "Englishman",
        "Business-level english.",
        "",
    ]:
        lower = sentence.lower()
        assert bool(in_context.search(lower)) == any(c in lower for c in cfg["language_context"])
        assert bool(named.search(sentence)) == any(
            re.search(rf"\b{n}\b", sentence) for n in cfg["languages"]
        )


@pytest.mark.parametrize(
    "sentence", ["Plain ASCII Text.", "Straße", "maſter", "İstanbul", "ΣΊΣΥΦΟΣ", ""]
)
def test_folded_is_casefold(sentence):
    from amfit.checks.requirements import folded

    assert folded(sentence, sentence.lower()) == sentence.casefold()


def test_sentences_split_as_the_sentence_pattern_does():
    from amfit.checks.requirements import _SENTENCE, sentences
    from amfit.posting import IGNORED_SECTIONS

    lines = [
        "- Own renewals. Grow accounts!  Ask why? Then act; always",
        "- No stop here",
        "- Ends with a stop.",
        "- Dotted.names and e.g.mid-word",
    ]
    posting = parse_posting("Account Manager\n\nResponsibilities\n" + "\n".join(lines) + "\n")
    got = [(s, lower) for _, s, lower in sentences(posting)]
    want = [
        (s, s.lower())
        for u in posting.units
        if u.kind != "heading" and u.section not in IGNORED_SECTIONS
        for s in _SENTENCE.split(u.text)
        if s.strip()
    ]
    assert got == want
    assert len(got) == 8


_MODES = ["fully remote", "Remote", "HYBRID", "on-site", "Onsite", "in-office", "in the Office"]


@pytest.mark.parametrize("text", [f"This is a {m} role." for m in _MODES] + ["Based in Paris"])
def test_the_mode_word_test_lets_every_mode_through(text):
    from amfit.checks.place import _MODE, _ROLE_MODE, _may_name_mode

    if _MODE.search(text) or _ROLE_MODE.search(text):
        assert _may_name_mode(text)
    else:
        assert not _may_name_mode(text)


def test_a_long_s_work_mode_is_still_found():
    # re's IGNORECASE reads "ſ" as "s": the word test must let it through.
    from amfit.checks.place import _MODE, _may_name_mode

    assert _MODE.search("On-ſite, Paris") and _may_name_mode("On-ſite, Paris")
