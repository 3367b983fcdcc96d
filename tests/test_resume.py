"""amfit.resume.parse_resume: sections, job title, bullets and line tracing."""

from __future__ import annotations

import pytest

from amfit.readers import read_text
from amfit.resume import Resume, parse_resume, title_from_heading
from conftest import resume_path


def kinds(resume: Resume) -> list[tuple[str, str, int]]:
    return [(s.kind, s.heading, s.line) for s in resume.sections]


def bullet_texts(resume: Resume) -> list[str]:
    return [b.text for b in resume.bullets]


# -- sections -------------------------------------------------------------------

MARKDOWN_RESUME = """\
# Dana Whitfield
Senior Account Manager | Columbus, OH

## Professional Summary
Account manager with nine years in B2B SaaS.

## Work Experience
### Senior Account Manager, Routewise
- Grew NRR to 112% across 40 accounts

## Core Skills
Salesforce, Gainsight

## Education
B.S. Business, 2015

## Licenses & Certifications
Salesforce Certified Administrator

## Awards
Presidents Club 2022

## Hobbies
Sailing
"""


def test_markdown_section_kinds() -> None:
    resume = parse_resume(MARKDOWN_RESUME)
    assert kinds(resume) == [
        ("summary", "Professional Summary", 4),
        ("experience", "Work Experience", 7),
        ("skills", "Core Skills", 11),
        ("education", "Education", 14),
        ("certifications", "Licenses & Certifications", 17),
        ("other", "Awards", 20),
    ]
    assert resume.name == "Dana Whitfield"
    assert resume.section("skills").line == 11
    assert resume.section("languages") is None


def test_unknown_markdown_heading_keeps_the_previous_section() -> None:
    resume = parse_resume(MARKDOWN_RESUME)
    sailing = next(u for u in resume.units if u.text == "Sailing")
    # "Hobbies" names no known section; the line stays under the last known one.
    assert sailing.section == "other"
    assert sailing.heading == "Awards"


PLAIN_RESUME = """\
Jane Roe
jane.roe@example.com | Denver, CO

Career Summary
Eight years managing SMB and mid-market books.

PROFESSIONAL EXPERIENCE

Senior Account Manager, Acme Corp
Jan 2020 - Present
- Grew NRR to 112% across 40 accounts
- Ran QBRs with 12 strategic clients

Account Manager, Beta Inc
2016 - 2019
- Renewed 95% of contracts

Core Competencies:
Renewals, upsell, cross-sell, Salesforce

EDUCATION
B.A. Economics, 2015

Certifications
Gainsight Admin

Work History
Barista, Corner Cafe
"""


def test_plain_heading_kinds() -> None:
    resume = parse_resume(PLAIN_RESUME)
    assert kinds(resume) == [
        ("summary", "Career Summary", 4),
        ("experience", "PROFESSIONAL EXPERIENCE", 7),
        ("skills", "Core Competencies:", 18),
        ("education", "EDUCATION", 21),
        ("certifications", "Certifications", 24),
        ("experience", "Work History", 27),
    ]
    assert resume.name == "Jane Roe"


def test_units_know_their_section_and_heading() -> None:
    resume = parse_resume(PLAIN_RESUME)
    by_text = {u.text: u for u in resume.units}
    assert by_text["Eight years managing SMB and mid-market books."].section == "summary"
    assert by_text["Renewals, upsell, cross-sell, Salesforce"].section == "skills"
    assert by_text["Renewals, upsell, cross-sell, Salesforce"].heading == "Core Competencies:"
    assert by_text["B.A. Economics, 2015"].section == "education"
    assert by_text["jane.roe@example.com | Denver, CO"].section == "header"
    assert by_text["Gainsight Admin"].section == "certifications"


def test_sentence_that_mentions_a_section_word_is_not_a_heading() -> None:
    text = "# Sam\n\n## Summary\nGreat experience.\nStrong skills.\n"
    resume = parse_resume(text)
    assert [s.kind for s in resume.sections] == ["summary"]
    assert {u.text: u.kind for u in resume.units}["Great experience."] == "line"


# -- job title ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("### Senior Account Manager, Acme Corp", "Senior Account Manager"),
        ("### Senior Account Manager — Acme Corp", "Senior Account Manager"),
        ("### Senior Account Manager – Acme Corp", "Senior Account Manager"),
        ("### Senior Account Manager | Acme Corp | 2021 – Present", "Senior Account Manager"),
        ("### Acme Corp — Key Account Manager", "Key Account Manager"),
        ("### Account Director at Acme Corp", "Account Director"),
        ("**Senior Account Manager** at Acme Corp", "Senior Account Manager"),
        ("**Strategic Account Manager**, Acme Corp", "Strategic Account Manager"),
        ("#### Account Manager II (EMEA), Acme Corp", "Account Manager II"),
    ],
)
def test_title_from_job_heading_styles(heading: str, title: str) -> None:
    text = (
        f"# Dana Whitfield\nSales professional\n\n## Experience\n{heading}\n"
        "Mar 2021 – Present\n- Owned a book of 58 accounts\n\n"
        "### Customer Success Associate, Brightledger\n- Worked the renewals queue\n"
    )
    resume = parse_resume(text)
    assert resume.title == title
    assert resume.title_line == 5
    assert resume.bullets[0].role == title
    assert resume.bullets[1].role == "Customer Success Associate"


def test_most_recent_job_is_the_first_one() -> None:
    text = (
        "# Amy Chen\n\n## Experience\n"
        "### Account Manager — Globex\n- Kept 90% of renewals\n"
        "### Sales Associate, Initech\n- Answered calls\n"
    )
    resume = parse_resume(text)
    assert resume.title == "Account Manager"
    assert resume.title_line == 4
    roles = [(u.kind, u.role) for u in resume.units if u.kind in ("job", "bullet")]
    assert roles == [
        ("job", "Account Manager"),
        ("bullet", "Account Manager"),
        ("job", "Sales Associate"),
        ("bullet", "Sales Associate"),
    ]


def test_title_from_plain_text_resume() -> None:
    resume = parse_resume(PLAIN_RESUME)
    assert resume.title == "Senior Account Manager"
    assert resume.title_line == 9
    job = next(u for u in resume.units if u.line == 9)
    assert job.kind == "job"
    date = next(u for u in resume.units if u.line == 10)
    assert date.kind == "line"
    assert date.role == "Senior Account Manager"
    roles = {b.text: b.role for b in resume.bullets}
    assert roles == {
        "Grew NRR to 112% across 40 accounts": "Senior Account Manager",
        "Ran QBRs with 12 strategic clients": "Senior Account Manager",
        "Renewed 95% of contracts": "Account Manager",
    }


def test_title_line_after_company_line() -> None:
    text = (
        "Dana Whitfield\ndana@example.com\n\nExperience\n"
        "Routewise Freight Systems, Columbus OH\nSenior Account Manager\n2021 – Present\n"
        "- Owned renewals for 58 accounts\n"
    )
    resume = parse_resume(text)
    assert resume.title == "Senior Account Manager"
    assert resume.title_line == 6


def test_headline_fallback_when_no_job_heading() -> None:
    text = (
        "# Jordan Pell\nAccount Director | Boston, MA\n\n## Summary\nTwelve years in SaaS.\n\n"
        "## Experience\nLed renewals for a book of enterprise clients.\n"
    )
    resume = parse_resume(text)
    assert resume.title == "Account Director"
    assert resume.title_line == 2


def test_job_heading_wins_over_headline() -> None:
    text = (
        "# Jordan Pell\nAccount Director | Boston\n\n## Experience\n"
        "### Senior Account Manager, Acme\n- Grew NRR\n"
    )
    resume = parse_resume(text)
    assert resume.title == "Senior Account Manager"
    assert resume.title_line == 5


def test_no_title_at_all() -> None:
    resume = parse_resume("# Jordan Pell\njordan@example.com\n\n## Skills\nSalesforce\n")
    assert resume.title == ""
    assert resume.title_line == 0


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Account Manager @ Globex", "Account Manager"),
        ("Globex, Account Manager", "Account Manager"),
        ("Sr. Account Manager, Acme", "Sr. Account Manager"),
        ("**Key Account Manager** | Acme | 2020–Present", "Key Account Manager"),
    ],
)
def test_title_from_heading_helper(heading: str, title: str) -> None:
    assert title_from_heading(heading) == title


# -- bullets --------------------------------------------------------------------


def test_bullet_markers() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n"
        "- Dash bullet\n* Star bullet\n• Dot bullet\n1. Numbered dot\n2) Numbered paren\n"
        "+ Plus bullet\n"
    )
    resume = parse_resume(text)
    assert bullet_texts(resume) == [
        "Dash bullet",
        "Star bullet",
        "Dot bullet",
        "Numbered dot",
        "Numbered paren",
        "Plus bullet",
    ]
    assert [b.line for b in resume.bullets] == [5, 6, 7, 8, 9, 10]
    for b in resume.bullets:
        assert b.section == "experience"
        assert b.role == "Account Manager"
        start = b.pieces[0].start
        assert text[start : start + len(b.text)] == b.text


def test_not_bullets() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n"
        "10.5% lift in renewals\n-no space after dash\n2024 was a record year\n"
    )
    resume = parse_resume(text)
    assert resume.bullets == ()
    assert "-no space after dash" in [u.text for u in resume.units]


def test_wrapped_continuation_lines_join_one_bullet() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n"
        "- Ran QBRs with 12 strategic clients\n"
        "  and their finance teams,\n"
        "  cutting churn by 30%\n"
        "- Renewed 95% of contracts and\n"
        "expanded 20 of them\n"
        "- Standalone bullet\n"
        "Capitalised line is not a continuation\n"
    )
    resume = parse_resume(text)
    first, second, third = resume.bullets
    assert first.text == (
        "Ran QBRs with 12 strategic clients and their finance teams, cutting churn by 30%"
    )
    assert (first.line, first.end_line) == (5, 7)
    assert [p.line for p in first.pieces] == [5, 6, 7]
    assert second.text == "Renewed 95% of contracts and expanded 20 of them"
    assert (second.line, second.end_line) == (8, 9)
    assert (third.line, third.end_line) == (10, 10)
    tail = resume.units[-1]
    assert tail.kind == "line"
    assert tail.text == "Capitalised line is not a continuation"
    assert tail.line == 11


def test_blank_line_ends_a_bullet() -> None:
    text = "# Sam\n\n## Experience\n- Owned renewals\n\n  indented after blank\n"
    resume = parse_resume(text)
    assert bullet_texts(resume) == ["Owned renewals"]
    assert resume.units[-1].text == "indented after blank"
    assert resume.units[-1].kind != "bullet"


def test_heading_ends_a_bullet() -> None:
    text = "# Sam\n\n## Experience\n- Owned renewals\n## Skills\nSalesforce\n"
    resume = parse_resume(text)
    assert bullet_texts(resume) == ["Owned renewals"]
    assert resume.bullets[0].end_line == 4
    assert [s.kind for s in resume.sections] == ["experience", "skills"]


def test_locate_maps_offsets_back_to_lines() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n"
        "- Ran QBRs with 12 strategic clients\n"
        "    and their finance teams,\n"
        "  cutting churn by 30%\n"
    )
    resume = parse_resume(text)
    (bullet,) = resume.bullets
    for word, line in [("Ran", 5), ("strategic", 5), ("finance", 6), ("churn", 7), ("30%", 7)]:
        offset = bullet.text.index(word)
        got_line, doc_offset = bullet.locate(offset)
        assert got_line == line, word
        assert text[doc_offset : doc_offset + len(word)] == word
        assert text.count("\n", 0, doc_offset) + 1 == line


def test_locate_on_single_line_unit() -> None:
    text = "Jane Roe\n\nSkills\nSalesforce and Gainsight\n"
    resume = parse_resume(text)
    unit = next(u for u in resume.units if u.text.startswith("Salesforce"))
    line, offset = unit.locate(unit.text.index("Gainsight"))
    assert line == 4
    assert text[offset : offset + 9] == "Gainsight"


def test_every_unit_text_traces_back_to_the_document() -> None:
    resume = parse_resume(PLAIN_RESUME)
    lines = PLAIN_RESUME.split("\n")
    assert len(resume.units) == sum(1 for line in lines if line.strip())
    for unit in resume.units:
        for i, piece in enumerate(unit.pieces):
            end = unit.pieces[i + 1].offset - 1 if i + 1 < len(unit.pieces) else len(unit.text)
            chunk = unit.text[piece.offset : end]
            assert PLAIN_RESUME[piece.start : piece.start + len(chunk)] == chunk
            assert chunk in lines[piece.line - 1]


# -- bundled examples -------------------------------------------------------------


def test_strong_example() -> None:
    resume = parse_resume(read_text(resume_path("strong")))
    assert resume.name == "Dana Whitfield"
    assert resume.title == "Senior Account Manager"
    assert resume.title_line == 9
    assert len(resume.bullets) == 13
    section_kinds = [s.kind for s in resume.sections]
    for kind in ("summary", "experience", "skills", "education"):
        assert kind in section_kinds
    assert all(b.section == "experience" for b in resume.bullets)
    roles = [b.role for b in resume.bullets]
    assert roles.count("Senior Account Manager") == 8
    assert roles.count("Account Manager") == 4
    assert roles[-1] == "Customer Success Associate"
    wrapped = [b for b in resume.bullets if b.end_line > b.line]
    assert [(b.line, b.end_line) for b in wrapped] == [(12, 13), (16, 17), (26, 27)]
    assert resume.bullets[1].text.endswith("from $410K in FY2022 to $150K in FY2024.")


@pytest.mark.parametrize(
    ("name", "title", "bullets"),
    [("weak", "Account Manager", 10), ("ae", "Account Executive", 10)],
)
def test_other_examples(name: str, title: str, bullets: int) -> None:
    resume = parse_resume(read_text(resume_path(name)))
    assert resume.title == title
    assert len(resume.bullets) == bullets
    assert [s.kind for s in resume.sections][:2] == ["summary", "experience"]


# -- regressions -----------------------------------------------------------------


def test_inline_skills_line_opens_a_section_and_keeps_its_items() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n- Owned renewals\n"
        "Tools: Gainsight, HubSpot, Salesforce and Gong\n"
    )
    resume = parse_resume(text)
    assert [(s.kind, s.heading, s.line) for s in resume.sections][-1] == ("skills", "Tools", 6)
    unit = next(u for u in resume.units if u.line == 6)
    assert unit.kind == "line"
    assert unit.section == "skills"
    assert unit.text == "Gainsight, HubSpot, Salesforce and Gong"
    assert text[unit.pieces[0].start :].startswith(unit.text)


def test_inline_skills_line_keeps_its_items() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n- Owned renewals\n\n"
        "Skills: Gainsight, HubSpot\n"
    )
    resume = parse_resume(text)
    line7 = [u for u in resume.units if u.line == 7]
    # Either a "line" unit, or a heading plus a line unit as the posting parser does.
    assert any(u.kind != "heading" and "Gainsight" in u.text for u in line7)


def test_skill_item_is_not_a_section_heading() -> None:
    text = (
        "# Sam\n\n## Experience\n### Account Manager, Acme\n- Owned renewals\n\n"
        "## Skills\nAccount planning\nCustomer experience\nSalesforce\n"
    )
    resume = parse_resume(text)
    assert [s.kind for s in resume.sections] == ["experience", "skills"]
    salesforce = next(u for u in resume.units if u.text == "Salesforce")
    assert salesforce.section == "skills"


def test_locate_on_markdown_job_heading() -> None:
    text = "# Sam\n\n## Experience\n### Account Manager, Acme\n- Owned renewals\n"
    resume = parse_resume(text)
    job = next(u for u in resume.units if u.kind == "job")
    line, offset = job.locate(job.text.index("Acme"))
    assert line == 4
    assert text[offset : offset + 4] == "Acme"
