"""amfit.readers: PDF, DOCX, HTML, JSON Resume and text inputs, format
detection, extraction reports, and every bad input answered with one line.

Every fixture is built here, in test code: DOCX files with python-docx, PDF
files with fpdf2 (and, where a glyph fpdf2's core fonts lack is needed, a
few-line PDF written by hand), HTML and JSON from the example resume and
posting. No binary fixture is committed.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import socket
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amfit.cli import app
from amfit.errors import EXIT_INPUT, InputError
from amfit.readers import (
    MAX_INPUT_BYTES,
    MAX_RAW_BYTES,
    base,
    jsonresume,
    read_bytes,
    read_document,
    read_text,
)
from amfit.readers import docx as docx_reader
from amfit.readers import html as html_reader
from amfit.readers import pdf as pdf_reader
from amfit.readers import text as text_reader
from amfit.resume import parse_resume
from conftest import posting_path, resume_path

docx = pytest.importorskip("docx")
fpdf = pytest.importorskip("fpdf")

STRONG = resume_path("strong").read_text(encoding="utf-8")
POSTING = posting_path("mid-market-account-manager")
POSTING_TEXT = POSTING.read_text(encoding="utf-8")


# -- fixtures rendered from Markdown ---------------------------------------------


def md_blocks(md: str) -> list[tuple[str, int, str]]:
    """("h", level, text) / ("bullet", 0, text) / ("para", 0, text) of simple Markdown."""
    out: list[tuple[str, int, str]] = []
    for raw in md.split("\n"):
        if not raw.strip():
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", raw)
        if m:
            out.append(("h", len(m.group(1)), m.group(2).strip()))
        elif raw.startswith("- "):
            out.append(("bullet", 0, raw[2:].strip()))
        elif raw[:1].isspace() and out and out[-1][0] == "bullet":
            kind, level, text = out.pop()
            out.append((kind, level, f"{text} {raw.strip()}"))
        else:
            out.append(("para", 0, raw.strip()))
    return out


SIDEBAR = ("Skills", "Education", "Certifications")


def split_sidebar(blocks):
    """(header blocks, main column blocks, sidebar blocks) for a two-column layout."""
    head, main, side = [], [], []
    section = None
    for block in blocks:
        if block[0] == "h" and block[1] == 2:
            section = block[2]
        if section is None:
            head.append(block)
        elif section in SIDEBAR:
            side.append(block)
        else:
            main.append(block)
    return head, main, side


def docx_bytes(md: str, *, columns: int = 1) -> bytes:
    """A DOCX of ``md``: headings, List Bullet paragraphs; with ``columns=2`` the
    sections sit in a two-cell layout table (sidebar left, main right)."""
    document = docx.Document()

    def put(container, blocks) -> None:
        for kind, level, text in blocks:
            if kind == "h":
                container.add_paragraph(text, style=f"Heading {level}")
            elif kind == "bullet":
                container.add_paragraph(text, style="List Bullet")
            else:
                container.add_paragraph(text)

    blocks = md_blocks(md)
    if columns == 1:
        put(document, blocks)
    else:
        head, main, side = split_sidebar(blocks)
        put(document, head)
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        put(left, side)
        put(right, main)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


FIXED_DATE = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
PDF_SIZES = {1: 18, 2: 13, 3: 11}
PDF_BODY = 9.5


def new_pdf():
    pdf = fpdf.FPDF(format="letter", unit="mm")
    pdf.core_fonts_encoding = "windows-1252"  # en dashes, curly quotes, bullets
    pdf.set_creation_date(FIXED_DATE)  # the same bytes every run (the file ID derives from it)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def _pdf_blocks(pdf, blocks, width: float, *, drawn_bullets: bool = False) -> None:
    left = pdf.l_margin
    for kind, level, text in blocks:
        if kind == "h":
            pdf.set_font("Helvetica", "B" if level == 3 else "", PDF_SIZES[level])
            pdf.ln(2 if level == 3 else 3)
            pdf.multi_cell(width, PDF_SIZES[level] * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "bullet":
            pdf.set_font("Helvetica", "", PDF_BODY)
            if drawn_bullets:  # a small filled square, no glyph
                pdf.rect(left + 2, pdf.get_y() + 1.6, 1.4, 1.4, style="F")
                pdf.set_x(left + 6)
            else:
                pdf.set_x(left + 2)
                pdf.cell(4, 4.5, "\u2022")
            pdf.multi_cell(width - 6, 4.5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", PDF_BODY)
            pdf.multi_cell(width, 4.5, text, new_x="LMARGIN", new_y="NEXT")


def pdf_bytes(md: str, *, columns: int = 1, drawn_bullets: bool = False) -> bytes:
    """A PDF of ``md`` in one column, or with a sidebar column left of the main one."""
    pdf = new_pdf()
    blocks = md_blocks(md)
    if columns == 1:
        pdf.set_margins(18, 15, 18)
        pdf.set_xy(18, 15)
        _pdf_blocks(pdf, blocks, pdf.w - 36, drawn_bullets=drawn_bullets)
    else:
        head, main, side = split_sidebar(blocks)
        pdf.set_margins(15, 15, 15)
        pdf.set_xy(15, 15)
        _pdf_blocks(pdf, head, pdf.w - 30)
        top = pdf.get_y() + 2
        pdf.set_margins(15, 15, pdf.w - 70)
        pdf.set_xy(15, top)
        _pdf_blocks(pdf, side, 55, drawn_bullets=drawn_bullets)
        pdf.set_margins(78, 15, 15)
        pdf.page = 1
        pdf.set_xy(78, top)
        _pdf_blocks(pdf, main, pdf.w - 93, drawn_bullets=drawn_bullets)
    return bytes(pdf.output())


def json_resume(md: str) -> dict:
    """The example resume as a JSON Resume object (what a JSON Resume user would write)."""
    data: dict = {"basics": {}, "work": [], "skills": [], "education": [], "certificates": []}
    section = None
    job: dict | None = None

    def iso(text: str) -> str | None:
        if text == "Present":
            return None
        return datetime.datetime.strptime(text, "%b %Y").strftime("%Y-%m")

    for kind, level, text in md_blocks(md):
        if kind == "h" and level == 1:
            data["basics"]["name"] = text
        elif kind == "h" and level == 2:
            section = text
        elif kind == "h" and level == 3:
            position, _, company = text.partition(", ")
            job = {"position": position, "name": company, "highlights": []}
            data["work"].append(job)
        elif section is None:
            label, place, email = (p.strip() for p in text.split("|"))
            city, region = place.split(", ")
            data["basics"].update(
                label=label, email=email, location={"city": city, "region": region}
            )
        elif section == "Summary":
            data["basics"]["summary"] = text
        elif kind == "bullet" and job is not None:
            job["highlights"].append(text)
        elif job is not None and section.endswith("Experience"):
            dates, _, place = text.partition(" | ")
            start, _, end = dates.partition(" – ")
            job["startDate"] = iso(start)
            if iso(end):
                job["endDate"] = iso(end)
            if place:
                job["location"] = place
        elif section == "Skills":
            data["skills"].append({"keywords": [k.strip() for k in text.split(",")]})
        elif section == "Education":
            degree, area, school, year = (p.strip() for p in text.split(",", 3))
            data["education"].append(
                {"studyType": degree, "area": area, "institution": school, "endDate": year}
            )
        elif section == "Certifications":
            name, _, year = text.rpartition(", ")
            data["certificates"].append({"name": name, "date": year})
    return data


def posting_html(text: str) -> str:
    """A posting as a browser saves it: scripts, styles, navigation and footer around it."""
    body = []
    lines = [ln for ln in text.split("\n") if ln.strip()]
    items: list[str] = []

    def flush() -> None:
        if items:
            body.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()

    for n, line in enumerate(lines):
        esc = line.replace("&", "&amp;").replace("<", "&lt;")
        if line.startswith("• "):
            items.append(esc[2:])
            continue
        flush()
        if n == 0:
            body.append(f"<header><h1>{esc}</h1></header>")
        elif line.endswith(":") and len(line.split()) <= 4:
            body.append(f"<h2>{esc[:-1]}</h2>")
        else:
            body.append(f"<p>{esc}</p>")
    flush()
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>Jobs | Larkspan</title>"
        "<style>body{font:14px sans-serif} .apply{color:red}</style>"
        "<script>window.dataLayer=[];function track(){return 'renewal negotiation'}</script>"
        "</head><body><header class=site><nav><a href=/>Home</a><a href=/jobs>All jobs</a>"
        "<a>Salesforce careers</a></nav></header><main><article>"
        + "\n".join(body)
        + "</article></main><footer><p>Cookie settings. Privacy policy. Quota management"
        " and pipeline reporting jobs near you.</p></footer>"
        "<script>track('upsell')</script></body></html>"
    )


# -- a PDF written by hand, for glyphs the core fonts lack -----------------------


def raw_pdf(
    content: bytes,
    font: bytes | None = None,
    *,
    trailer_extra: bytes = b"",
    stream_keys: bytes = b"",
) -> bytes:
    """A one-page PDF with one font (F1) and the given content stream
    (``stream_keys`` adds to its dictionary, e.g. ``/Filter /FlateDecode``)."""
    font = font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), stream_keys) + content + b"\nendstream",
        font,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return out


LIGATURE_FONT = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
    b"/BaseEncoding /WinAnsiEncoding /Differences [1 /fi 2 /fl 3 /ff] >> >>"
)


def text_lines(*lines: bytes, size: int = 11, top: int = 720, leading: int = 15) -> bytes:
    ops = [b"BT /F1 %d Tf %d TL 72 %d Td" % (size, leading, top)]
    for i, line in enumerate(lines):
        ops.append((b"" if i == 0 else b"T* ") + b"(" + line + b") Tj")
    ops.append(b"ET")
    return b"\n".join(ops)


# -- helpers ----------------------------------------------------------------------


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def error_of(path: Path | str, **kwargs) -> str:
    """The one-line InputError message reading ``path`` gives."""
    with pytest.raises(InputError) as info:
        read_document(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message, message
    assert info.value.exit_code == EXIT_INPUT
    return message


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def scorer():
    from amfit.fit.scorer import default_scorer

    return default_scorer()


def fingerprint(scorer, text: str) -> tuple[dict[str, str], list[str]]:
    """(keyword statuses against the mid-market posting, bullet texts) of resume text."""
    report = scorer.score(text, POSTING_TEXT, lint=None)
    statuses = {k.id: k.status for k in report.keywords}
    bullets = [squash(b.text) for b in parse_resume(text).bullets]
    return statuses, bullets


# -- the same resume in every format ----------------------------------------------

RENDERINGS = {
    "markdown": lambda: ("strong.md", STRONG.encode("utf-8")),
    "docx": lambda: ("strong.docx", docx_bytes(STRONG)),
    "docx-two-column-table": lambda: ("strong.docx", docx_bytes(STRONG, columns=2)),
    "pdf": lambda: ("strong.pdf", pdf_bytes(STRONG)),
    "pdf-two-column": lambda: ("strong.pdf", pdf_bytes(STRONG, columns=2)),
    "pdf-drawn-bullets": lambda: ("strong.pdf", pdf_bytes(STRONG, drawn_bullets=True)),
    "json-resume": lambda: ("resume.json", json.dumps(json_resume(STRONG), indent=2).encode()),
}


@pytest.fixture(scope="module")
def markdown_fingerprint(scorer):
    return fingerprint(scorer, read_text(resume_path("strong")))


@pytest.mark.parametrize("rendering", list(RENDERINGS))
def test_same_resume_same_keywords_and_bullets(
    rendering: str, tmp_path: Path, scorer, markdown_fingerprint
) -> None:
    name, data = RENDERINGS[rendering]()
    text, report = read_document(write(tmp_path, name, data))
    statuses, bullets = fingerprint(scorer, text)
    want_statuses, want_bullets = markdown_fingerprint
    assert len(want_bullets) == 13
    assert bullets == want_bullets
    assert statuses == want_statuses
    assert report.bullets == 13
    assert report.warnings == ()
    assert report.format == rendering.split("-two")[0].split("-drawn")[0]


def test_markdown_fingerprint_is_not_trivial(markdown_fingerprint) -> None:
    statuses, _ = markdown_fingerprint
    assert {"found", "missing"} <= set(statuses.values())


# -- PDF ----------------------------------------------------------------------------


def read_pdf(data: bytes, **kwargs):
    return pdf_reader.read(data, "r.pdf", **kwargs)


def test_pdf_one_column_structure() -> None:
    text, report = read_pdf(pdf_bytes(STRONG))
    lines = text.split("\n")
    assert lines[0] == "# Dana Whitfield"
    assert "## Summary" in lines and "## Professional Experience" in lines
    assert "### Senior Account Manager, Routewise Freight Systems" in lines
    assert "Mar 2021 – Present | Columbus, OH" in lines
    # The wrapped summary paragraph is one line again.
    summary = lines[lines.index("## Summary") + 2]
    assert summary.startswith("Senior Account Manager with nine years")
    assert summary.endswith("over the last two fiscal years.")
    assert report.format == "pdf" and report.pages == 2
    assert report.details["two_column_pages"] == 0
    assert report.characters == len(text) and report.lines > 20


def test_pdf_two_columns_are_read_one_after_the_other() -> None:
    text, report = read_pdf(pdf_bytes(STRONG, columns=2))
    assert report.details["two_column_pages"] == 1
    assert report.warnings == ()
    lines = text.split("\n")
    # Sidebar first (top to bottom), then the main column: no interleaving.
    order = [lines.index(h) for h in ("## Skills", "## Education", "## Certifications")]
    order += [lines.index(h) for h in ("## Summary", "## Professional Experience")]
    assert order == sorted(order)
    skills = lines[lines.index("## Skills") + 2]
    assert skills.startswith("Account planning, renewal negotiation")
    assert skills.endswith("usage and ROI analysis")


def test_pdf_right_aligned_dates_are_not_a_column() -> None:
    pdf = new_pdf()
    pdf.set_font("Helvetica", "", 10)
    jobs = [
        ("Senior Account Manager, Routewise", "Mar 2021 - Present"),
        ("Account Manager, Brightledger", "Jun 2017 - Feb 2021"),
        ("Customer Success Associate, Brightledger", "Jul 2015 - May 2017"),
    ]
    for title, dates in jobs:
        pdf.cell(120, 5, title)
        pdf.cell(0, 5, dates, align="R", new_x="LMARGIN", new_y="NEXT")
        for n in range(3):
            pdf.cell(4, 5, "\u2022")
            pdf.multi_cell(
                0,
                5,
                f"Grew renewals in book {n} of accounts by {n + 5}%.",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.ln(4)
    text, report = read_pdf(bytes(pdf.output()))
    assert report.details["two_column_pages"] == 0
    assert "Senior Account Manager, Routewise | Mar 2021 - Present" in text.split("\n")
    assert report.bullets == 9


def test_pdf_headings_from_font_size() -> None:
    pdf = new_pdf()
    for size, line in [(20, "Dana Whitfield"), (14, "Experience"), (10, "Body text " * 8)]:
        pdf.set_font("Helvetica", "", size)
        pdf.multi_cell(0, size * 0.5, line, new_x="LMARGIN", new_y="NEXT")
    text, _ = read_pdf(bytes(pdf.output()))
    assert text.split("\n")[:3] == ["# Dana Whitfield", "", "## Experience"]


def test_pdf_glyph_and_drawn_bullets() -> None:
    glyph, _ = read_pdf(pdf_bytes(STRONG))
    drawn, _ = read_pdf(pdf_bytes(STRONG, drawn_bullets=True))
    for text in (glyph, drawn):
        bullets = [ln for ln in text.split("\n") if ln.startswith("- ")]
        assert len(bullets) == 13
        assert "\u2022" not in text


@pytest.mark.parametrize("glyph", [b"\x95", b"-", b"*"])
def test_pdf_bullet_glyphs_become_dashes(glyph: bytes) -> None:
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    data = raw_pdf(
        text_lines(
            b"Responsibilities",
            glyph + b" Own a book of mid-market accounts",
            glyph + b" Run renewals from 120 days out",
        ),
        font,
    )
    text, report = read_pdf(data)
    assert text.splitlines()[1:] == [
        "- Own a book of mid-market accounts",
        "- Run renewals from 120 days out",
    ]
    assert report.bullets == 2


def test_pdf_ligatures_and_smart_quotes_are_normalised() -> None:
    data = raw_pdf(
        text_lines(b"Drove \x01nance work\x02ows for sta\x03 planning at a large \x01rm"),
        LIGATURE_FONT,
    )
    text, _ = read_pdf(data)
    assert text.strip() == "Drove finance workflows for staff planning at a large firm"
    pdf = new_pdf()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "\u201cTrusted advisor\u201d to the customer\u2019s CFO on renewals")
    quoted, _ = read_pdf(bytes(pdf.output()))
    assert quoted.strip() == '"Trusted advisor" to the customer\'s CFO on renewals'


def test_pdf_hyphenation_at_line_ends_is_repaired() -> None:
    data = raw_pdf(
        text_lines(
            b"Negotiated eleven renewals with procurement teams and negoti-",
            b"ated multi-",
            b"year terms with a cross-",
            b"sell of the add-on; churn fell and the contracts were re-",
            b"newed early by the finance teams of every account.",
        )
    )
    text, _ = read_pdf(data)
    assert text.strip() == (
        "Negotiated eleven renewals with procurement teams and negotiated multi-year terms "
        "with a cross-sell of the add-on; churn fell and the contracts were renewed early by "
        "the finance teams of every account."
    )


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("negoti-", "ated deals", "negotiated deals"),
        ("multi-", "year terms", "multi-year terms"),
        ("soft\u00ad", "ware", "software"),
        ("the add-", "on", "the add-on"),  # "add-on" is written with a hyphen elsewhere
        ("from 2019-", "2021", "from 2019-2021"),
        ("ends a sentence.", "Next one", "ends a sentence. Next one"),
        ("a dash -", "then", "a dash - then"),
    ],
)
def test_join_wrapped(first: str, second: str, joined: str) -> None:
    assert pdf_reader.join_wrapped(first, second, {"negotiated"}, {"add-on"}) == joined


def test_pdf_running_header_and_page_numbers_are_dropped() -> None:
    pdf = fpdf.FPDF(format="letter", unit="mm")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    for page in (1, 2):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, "Dana Whitfield - Account Manager", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(10)
        pdf.set_font("Helvetica", "", 10)
        for n in range(6):
            pdf.multi_cell(
                0,
                5,
                f"Page {page} line {n}: renewals and expansion work.",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.set_y(-20)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, f"Page {page} of 2", align="C")
    text, report = read_pdf(bytes(pdf.output()))
    assert text.count("Dana Whitfield - Account Manager") == 1
    assert "of 2" not in text
    assert "Page 2 line 5: renewals and expansion work." in text
    assert report.pages == 2


def test_pdf_interleaved_columns_are_warned_about() -> None:
    # Two columns set with so much line spacing that no column structure shows:
    # each line of text joins a line of each column.
    pdf = new_pdf()
    pdf.set_font("Helvetica", "", 10)
    for n in range(12):
        pdf.set_xy(15, 20 + n * 18)
        pdf.cell(80, 5, f"Left column sentence number {n} about renewals")
        pdf.set_xy(115, 20 + n * 18)
        pdf.cell(80, 5, f"Right column sentence number {n} about upsell")
    _, report = read_pdf(bytes(pdf.output()))
    assert any("interleaved from two columns" in w for w in report.warnings)


def test_pdf_max_pages() -> None:
    text, report = read_pdf(pdf_bytes(STRONG), max_pages=1)
    assert report.pages == 2
    assert any("only the first 1 of 2 pages" in w for w in report.warnings)
    assert "## Skills" not in text and "## Certifications" not in text


def scanned_pdf() -> bytes:
    from PIL import Image

    pdf = new_pdf()
    pdf.image(Image.new("L", (400, 520), 230), x=10, y=10, w=190)
    return bytes(pdf.output())


def test_scanned_pdf_is_refused(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "scan.pdf", scanned_pdf()))
    assert "no text layer" in message and "OCR" in message


def test_blank_pdf_is_refused(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "blank.pdf", bytes(new_pdf().output())))
    assert "no usable text" in message


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Senior Account Manager with renewals and expansion. " * 4)
    pdf.set_encryption(owner_password="owner", user_password="secret")
    message = error_of(write(tmp_path, "locked.pdf", bytes(pdf.output())))
    assert "password-protected" in message


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Senior Account Manager with renewals and expansion.")
    pdf.set_encryption(owner_password="owner")  # opens without a password
    text = read_text(write(tmp_path, "restricted.pdf", bytes(pdf.output())))
    assert text.strip() == "Senior Account Manager with renewals and expansion."


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_refused_or_warned(tmp_path: Path, cut: float) -> None:
    data = pdf_bytes(STRONG)
    path = write(tmp_path, "cut.pdf", data[: int(len(data) * cut)])
    try:
        _, report = read_document(path)
    except InputError as exc:
        assert "corrupt or truncated PDF" in str(exc)
    else:
        assert any("truncated" in w for w in report.warnings)


def test_corrupt_pdf_is_refused(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8
    message = error_of(write(tmp_path, "junk.pdf", data))
    assert "corrupt or truncated PDF" in message and "binary" in message


def test_pdf_extension_without_pdf_content(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "resume.pdf", "Account Manager\n" * 5))
    assert "not a PDF" in message


def test_pdf_garbage_glyphs_are_warned_about() -> None:
    text = "Account Manager with renewals " + "(cid:12)(cid:7) " * 20
    doc = base.finish(text, source="g.pdf", fmt="pdf", empty_message="empty")
    assert base.GARBLED_WARNING in doc.report.warnings
    assert "(cid:" not in doc.text


# -- DOCX ------------------------------------------------------------------------------


def read_docx(data: bytes, **kwargs):
    return docx_reader.read(data, "r.docx", **kwargs)


def save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_structure_and_table_order() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Dana Whitfield | dana@example.com"
    document.add_heading("Dana Whitfield", 0)
    document.add_heading("Experience", 1)
    document.add_paragraph("Senior Account Manager, Routewise\tMar 2021 - Present")
    document.add_paragraph("Grew net revenue retention to 112%", style="List Bullet")
    document.add_paragraph("Ran QBRs for 15 strategic accounts", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Salesforce"
    table.cell(0, 1).text = "Gainsight"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "HubSpot and Gong"
    inner = table.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Nested cell text"
    document.add_heading("Skills", 2)
    document.add_paragraph("Account planning, renewal negotiation")
    text, report = read_docx(save(document))
    lines = [ln for ln in text.split("\n") if ln]
    assert lines == [
        "Dana Whitfield | dana@example.com",
        "# Dana Whitfield",
        "# Experience",
        "Senior Account Manager, Routewise | Mar 2021 - Present",
        "- Grew net revenue retention to 112%",
        "- Ran QBRs for 15 strategic accounts",
        "Salesforce",
        "Gainsight",
        "Nested cell text",
        "HubSpot and Gong",
        "## Skills",
        "Account planning, renewal negotiation",
    ]
    assert report.format == "docx" and report.bullets == 2
    assert report.details["tables"] == 2 and report.details["headings"] == 3


def _inject(paragraph, xml: str) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(xml))


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def test_docx_content_controls_text_boxes_and_numbering() -> None:
    document = docx.Document()
    first = document.add_paragraph("Anchor paragraph for the sidebar")
    # A text box as Word writes it: a drawing choice and a VML fallback copy.
    box = (
        f"<w:txbxContent {W}><w:p><w:r><w:t>Sidebar: Gainsight and Salesforce</w:t></w:r>"
        "</w:p></w:txbxContent>"
    )
    _inject(
        first,
        f"<w:r {W} {MC}><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>{box}"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>",
    )
    body = document.element.body
    from docx.oxml import parse_xml

    sdt = parse_xml(
        f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)
    numbered = document.add_paragraph("A numbered paragraph in Normal style")
    numbered._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    link = document.add_paragraph("Profile: ")
    _inject(
        link,
        f"<w:hyperlink {W}><w:r><w:t>linkedin.com/in/dana</w:t></w:r></w:hyperlink>",
    )
    text, report = read_docx(save(document))
    lines = [ln for ln in text.split("\n") if ln]
    assert lines == [
        "Anchor paragraph for the sidebar",
        "Sidebar: Gainsight and Salesforce",
        "Inside a content control",
        "- A numbered paragraph in Normal style",
        "Profile: linkedin.com/in/dana",
    ]
    assert report.details["text_boxes"] == 1
    assert any("text boxes" in w for w in report.warnings)


def test_empty_docx_is_refused(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "empty.docx", save(docx.Document())))
    assert "holds no text" in message


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "resume.docx", "Account Manager\n" * 10))
    assert "not a zip archive" in message


def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def test_zip_without_word_part(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "photos.docx", zip_of({"a.txt": b"hello"})))
    assert "not a Word document" in message


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = zip_of({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * 60_000_000})
    assert len(bomb) < 200_000
    message = error_of(write(tmp_path, "bomb.docx", bomb))
    assert "zip bomb" in message and "50,000,000-byte limit" in message


def test_zip_with_too_many_members(tmp_path: Path) -> None:
    members = {f"word/media/{n}.bin": b"x" for n in range(1_001)}
    message = error_of(write(tmp_path, "many.docx", zip_of(members)))
    assert "1,001 files" in message and "zip bomb" in message


def test_zip_member_lying_about_its_size_is_caught() -> None:
    real = 300_000
    data = bytearray(zip_of({"word/document.xml": b"\0" * real}))
    # Declare 100 bytes in the local and the central header: the streamed
    # check must not trust the declaration.
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(sig)
        data[at + offset : at + offset + 4] = (100).to_bytes(4, "little")
    with pytest.raises(InputError, match=r"damaged|zip bomb"):
        read_docx(bytes(data), max_unzipped=200_000)


def test_unzipped_limit_is_configurable() -> None:
    data = docx_bytes(STRONG)
    with pytest.raises(InputError, match="1,000-byte limit"):
        read_docx(data, max_unzipped=1_000)


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    original = zipfile.ZipFile(io.BytesIO(docx_bytes(STRONG)))
    members = {name: original.read(name) for name in original.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:500]
    message = error_of(write(tmp_path, "broken.docx", zip_of(members)))
    assert "cannot read this DOCX" in message


def test_old_word_and_encrypted_office_files(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert "old Word .doc" in error_of(write(tmp_path, "resume.doc", ole))
    assert "password-protected" in error_of(write(tmp_path, "resume.docx", ole))


# -- HTML --------------------------------------------------------------------------------


def test_html_posting_drops_chrome_and_keeps_structure() -> None:
    text, report = html_reader.read(posting_html(POSTING_TEXT).encode(), "p.html")
    lines = text.split("\n")
    assert lines[0] == "# Account Manager, Mid-Market"
    assert "## Responsibilities" in lines
    assert any(ln.startswith("- Own a book of 40-60 mid-market accounts") for ln in lines)
    for chrome in ("window.dataLayer", "track(", "font:14px", "All jobs", "Cookie settings"):
        assert chrome not in text
    assert report.format == "html" and report.bullets == POSTING_TEXT.count("\n• ")


def test_html_posting_asks_what_the_text_posting_asks(scorer) -> None:
    html_text, _ = html_reader.read(posting_html(POSTING_TEXT).encode(), "p.html")

    def asks(text: str) -> dict[str, str]:
        return {k.id: k.tier for k in scorer.analyze_posting(text, "p").keywords}

    assert asks(html_text) == asks(read_text(POSTING))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>a &amp; b &lt;c&gt; &#8211; d&nbsp;e</p>", ["a & b <c> – d\xa0e"]),
        ("<ul><li>one<li>two</ul><p>after", ["- one", "- two", "", "after"]),
        ("<li><p>Run renewals</p></li>", ["- Run renewals"]),
        ("<h3>Skills</h3>Salesforce<br>Gainsight", ["### Skills", "", "Salesforce", "Gainsight"]),
        ("<div hidden>secret</div><p aria-hidden=true>x</p><p>shown", ["shown"]),
        ("<div role=navigation>menu</div><aside>ads</aside><p>shown", ["shown"]),
        ("<pre>a\n  b</pre>", ["a", "  b"]),
        ("<table><tr><td>Salary</td><td>$90K</td></tr></table>", ["Salary", "$90K"]),
        ("<p>unclosed <b>bold <i>and italic", ["unclosed bold and italic"]),
        ("</p></li></div>stray end tags", ["stray end tags"]),
    ],
)
def test_html_fragments(markup: str, expected: list[str]) -> None:
    text, _ = html_reader.extract(markup)
    assert text.strip("\n").split("\n") == expected


def test_html_with_no_text_is_refused(tmp_path: Path) -> None:
    page = "<html><head><script>var renewals = 1;</script></head><body><nav>Home</nav></body>"
    message = error_of(write(tmp_path, "page.html", page))
    assert "no readable text" in message


def test_deeply_nested_html() -> None:
    markup = "<div>" * 5_000 + "Account Manager renewal and expansion work" + "</div>" * 5_000
    text, _ = html_reader.read(markup.encode(), "deep.html")
    assert text.strip() == "Account Manager renewal and expansion work"


# -- JSON Resume ---------------------------------------------------------------------------


def test_json_resume_rendering() -> None:
    data = {
        "basics": {
            "name": "Dana Whitfield",
            "label": "Senior Account Manager",
            "email": "dana@example.com",
            "summary": "Nine years in B2B SaaS.",
            "location": {"city": "Columbus", "region": "OH"},
        },
        "work": [
            {
                "name": "Routewise",
                "position": "Senior Account Manager",
                "startDate": "2021-03-01",
                "summary": "Owned the mid-market book.",
                "highlights": ["Grew NRR to 112%", "Held GRR at 94%"],
            }
        ],
        "skills": [{"name": "CRM", "keywords": ["Salesforce", "Gainsight"]}, {"name": "SQL"}],
        "education": [{"institution": "Lakeshore", "studyType": "B.S.", "area": "Business"}],
        "certificates": [{"name": "Salesforce Administrator", "issuer": "Salesforce"}],
        "languages": [{"language": "English", "fluency": "Native"}],
    }
    text, report = jsonresume.read(json.dumps(data).encode(), "r.json")
    assert text.split("\n") == [
        "# Dana Whitfield",
        "Senior Account Manager",
        "dana@example.com | Columbus, OH",
        "",
        "## Summary",
        "Nine years in B2B SaaS.",
        "",
        "## Experience",
        "",
        "### Senior Account Manager, Routewise",
        "Mar 2021 – Present",
        "Owned the mid-market book.",
        "- Grew NRR to 112%",
        "- Held GRR at 94%",
        "",
        "## Education",
        "B.S., Business, Lakeshore",
        "",
        "## Certifications",
        "Salesforce Administrator, Salesforce",
        "",
        "## Skills",
        "CRM: Salesforce, Gainsight",
        "SQL",
        "",
        "## Languages",
        "English - Native",
        "",
    ]
    assert report.format == "json-resume" and report.bullets == 2
    resume = parse_resume(text)
    assert resume.name == "Dana Whitfield" and resume.title == "Senior Account Manager"


def test_json_resume_with_wrong_types_is_read_not_crashed() -> None:
    data = {
        "basics": {"name": ["not", "a", "string"], "label": 7, "summary": None},
        "work": [
            "a string",
            {"position": {"x": 1}, "name": "Routewise", "highlights": "not a list"},
            {"position": "Account Manager", "highlights": [1, None, "Renewed 40 accounts"]},
        ],
        "skills": {"not": "a list"},
        "education": [{"endDate": 2015, "institution": True}],
    }
    text, _ = jsonresume.read(json.dumps(data).encode(), "odd.json")
    assert "### Account Manager" in text and "- Renewed 40 accounts" in text


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b'{"basics": {"name": "Dana",}', "invalid JSON at line 1, column 28"),
        (b'{"basics": \n [1, 2', "invalid JSON at line 2"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"basics": 1' + b"1" * 5_000 + b"}", "invalid JSON"),
        (b'{"name": "Dana", "jobs": []}', "not a JSON Resume"),
        (b"[1, 2, 3]", "not a JSON Resume"),
        (b'{"basics": {"name": "Dana"}}', "holds no text"),
    ],
)
def test_bad_json_resume(tmp_path: Path, data: bytes, fragment: str) -> None:
    assert fragment in error_of(write(tmp_path, "resume.json", data))


def test_json_resume_detected_by_content(tmp_path: Path) -> None:
    data = json.dumps(json_resume(STRONG)).encode("utf-8-sig")
    _, report = read_document(write(tmp_path, "resume.txt", data))
    assert report.format == "json-resume"


# -- text, detection, limits ------------------------------------------------------------------


def test_text_and_markdown_reports(tmp_path: Path) -> None:
    text, report = read_document(resume_path("strong"))
    assert report.format == "markdown" and report.encoding == "utf-8"
    assert report.bullets == 13 and report.warnings == ()
    assert text == read_text(resume_path("strong"))
    _, plain = read_document(POSTING)
    assert plain.format == "text" and plain.bullets == POSTING_TEXT.count("\n• ")
    _, legacy = read_document(write(tmp_path, "cp.txt", b"Account Manager \x96 r\xe9sum\xe9"))
    assert legacy.encoding == "cp1252"


def test_text_lines_are_kept_for_line_numbers(tmp_path: Path) -> None:
    # Plain text is never re-flowed: line N is line N of the file.
    data = "  Title\n\n\n\n\u2022 bullet one\n   wrapped\n"
    text = read_text(write(tmp_path, "r.txt", data))
    assert text.split("\n") == data.split("\n")


def test_text_laid_out_in_two_columns_is_warned_about(tmp_path: Path) -> None:
    rows = [f"Left column line {n} about renewals       Right column line {n}" for n in range(8)]
    _, report = read_document(write(tmp_path, "copied.txt", "\n".join(rows)))
    assert text_reader.INTERLEAVED_WARNING in report.warnings


def test_garbled_text_is_warned_about(tmp_path: Path) -> None:
    data = "Account Manager \ufffd\ufffd\ufffd renewals \ue000\ue001\ue002\ue003 " * 5
    _, report = read_document(write(tmp_path, "g.txt", data))
    assert base.GARBLED_WARNING in report.warnings


@pytest.mark.parametrize(
    ("name", "maker", "fmt"),
    [
        ("resume.txt", lambda: pdf_bytes(STRONG), "pdf"),
        ("resume", lambda: docx_bytes(STRONG), "docx"),
        ("resume.md", lambda: posting_html(POSTING_TEXT).encode(), "html"),
        ("posting.txt", lambda: b"\xef\xbb\xbf<!-- saved --><html><body><p>" + b"x " * 30, "html"),
        ("resume.dat", lambda: json.dumps(json_resume(STRONG)).encode(), "json-resume"),
    ],
)
def test_format_is_detected_from_content(tmp_path: Path, name: str, maker, fmt: str) -> None:
    _, report = read_document(write(tmp_path, name, maker()))
    assert report.format == fmt


def test_utf16_html(tmp_path: Path) -> None:
    data = posting_html(POSTING_TEXT).encode("utf-16")
    text, report = read_document(write(tmp_path, "posting.htm", data))
    assert report.format == "html" and text.startswith("# Account Manager, Mid-Market")


def test_rtf_is_refused(tmp_path: Path) -> None:
    assert "RTF" in error_of(write(tmp_path, "r.rtf", r"{\rtf1\ansi Account Manager}"))


def test_raw_limit_applies_to_every_file(tmp_path: Path) -> None:
    data = pdf_bytes(STRONG)
    path = write(tmp_path, "r.pdf", data)
    message = error_of(path, max_bytes=500, max_raw_bytes=1_000)
    assert f"{len(data):,} bytes" in message and "1,000-byte limit" in message
    assert read_text(path, max_raw_bytes=len(data))


def test_text_limit_applies_to_text_and_to_extracted_text(tmp_path: Path) -> None:
    assert "2,000-byte limit" in error_of(
        write(tmp_path, "r.md", STRONG), max_bytes=2_000, max_raw_bytes=MAX_RAW_BYTES
    )
    # A PDF may be bigger than the text limit; its text may not.
    pdf = write(tmp_path, "r.pdf", pdf_bytes(STRONG))
    assert "extracted text is over the 2,000-byte limit" in error_of(pdf, max_bytes=2_000)
    # An HTML page is mostly markup: the limit applies to its text.
    page = posting_html(POSTING_TEXT) + "<script>" + "x" * 5_000 + "</script>"
    assert read_text(write(tmp_path, "p.html", page), max_bytes=4_500)


def test_defaults() -> None:
    assert MAX_INPUT_BYTES == 2_000_000 and MAX_RAW_BYTES == 20_000_000
    assert docx_reader.MAX_UNZIPPED_BYTES == 50_000_000


def test_read_bytes_entry_point() -> None:
    text, report = read_bytes(pdf_bytes(STRONG), "upload", max_bytes=MAX_INPUT_BYTES)
    assert report.source == "upload" and text.startswith("# Dana Whitfield")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(docx_bytes(STRONG))

    monkeypatch.setattr("sys.stdin", Stdin())
    text, report = read_document("-")
    assert report.source == "<stdin>" and report.format == "docx"
    assert text.startswith("# Dana Whitfield")
    monkeypatch.setattr("sys.stdin", io.StringIO("   \n"))
    with pytest.raises(InputError, match=r"^<stdin>: standard input is empty"):
        read_document("-")
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="no standard input"):
        read_document("-")


def every_format(tmp_path: Path) -> list[Path]:
    return [
        write(tmp_path, "r.md", STRONG),
        write(tmp_path, "r.docx", docx_bytes(STRONG)),
        write(tmp_path, "r.pdf", pdf_bytes(STRONG, columns=2)),
        write(tmp_path, "p.html", posting_html(POSTING_TEXT)),
        write(tmp_path, "r.json", json.dumps(json_resume(STRONG))),
    ]


def test_reading_writes_nothing_and_changes_no_input(tmp_path: Path) -> None:
    paths = every_format(tmp_path)
    past = 1_600_000_000
    for p in paths:
        os.utime(p, (past, past))
    before = {p: (p.read_bytes(), p.stat().st_mtime) for p in paths}
    for p in paths:
        read_document(p)
    assert sorted(tmp_path.iterdir()) == sorted(paths)
    assert {p: (p.read_bytes(), p.stat().st_mtime) for p in paths} == before


def test_reading_uses_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access while reading an input")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for p in every_format(tmp_path):
        assert read_text(p)


def test_report_to_dict() -> None:
    _, report = read_pdf(pdf_bytes(STRONG))
    data = report.to_dict()
    assert data["format"] == "pdf" and data["pages"] == 2 and data["bullets"] == 13
    assert json.loads(json.dumps(data)) == data


# -- the command line -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def one_error_line(result, *fragments: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("amfit: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert result.stdout == ""
    return lines[0]


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    big = tmp / "big.pdf"
    with big.open("wb") as fh:  # sparse: over the raw limit without writing 20 MB
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_RAW_BYTES + 1)
    text = STRONG.encode()
    locked = new_pdf()
    locked.set_font("Helvetica", "", 11)
    locked.multi_cell(0, 6, "Senior Account Manager with renewals and expansion. " * 4)
    locked.set_encryption(owner_password="owner", user_password="secret")
    bomb = zip_of({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * 60_000_000})
    folder = tmp / "folder.md"
    folder.mkdir()
    cases = {
        "missing": (tmp / "nope.pdf", ("no such file",)),
        "directory": (folder, ("is a directory",)),
        "empty": (write(tmp, "empty.docx", b""), ("empty",)),
        "binary-with-text-extension": (
            write(tmp, "photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4),
            ("binary",),
        ),
        "truncated-pdf": (write(tmp, "cut.pdf", pdf_bytes(STRONG)[:400]), ("truncated PDF",)),
        "corrupt-pdf": (
            write(tmp, "junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4),
            ("corrupt",),
        ),
        "encrypted-pdf": (write(tmp, "locked.pdf", bytes(locked.output())), ("password",)),
        "scanned-pdf": (write(tmp, "scan.pdf", scanned_pdf()), ("no text layer",)),
        "docx-not-zip": (write(tmp, "r.docx", b"Account Manager " * 20), ("not a zip",)),
        "zip-bomb": (write(tmp, "bomb.docx", bomb), ("zip bomb",)),
        "oversized-text": (
            write(tmp, "huge.md", text * (MAX_INPUT_BYTES // len(text) + 1)),
            ("2,000,000-byte limit",),
        ),
        "oversized-raw": (big, ("20,000,000-byte limit",)),
        "invalid-json": (write(tmp, "bad.json", b'{"basics": {"name": "Dana"'), ("invalid JSON",)),
        "not-json-resume": (write(tmp, "other.json", b'{"resume": 1}'), ("not a JSON Resume",)),
    }
    return cases


BAD = [
    "missing",
    "directory",
    "empty",
    "binary-with-text-extension",
    "truncated-pdf",
    "corrupt-pdf",
    "encrypted-pdf",
    "scanned-pdf",
    "docx-not-zip",
    "zip-bomb",
    "oversized-text",
    "oversized-raw",
    "invalid-json",
    "not-json-resume",
]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory):
    return _bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("case", BAD)
def test_cli_bad_resume(runner: CliRunner, bad_inputs, case: str) -> None:
    path, fragments = bad_inputs[case]
    result = runner.invoke(app, ["score", str(path), str(POSTING)])
    line = one_error_line(result, *fragments)
    assert path.name in line


@pytest.mark.parametrize("case", ["missing", "truncated-pdf", "zip-bomb", "invalid-json"])
@pytest.mark.parametrize("command", ["keywords", "bullets"])
def test_cli_bad_input_other_commands(runner: CliRunner, bad_inputs, case: str, command) -> None:
    path, fragments = bad_inputs[case]
    one_error_line(runner.invoke(app, [command, str(path)]), *fragments)


def test_cli_resume_from_stdin(runner: CliRunner) -> None:
    piped = runner.invoke(app, ["score", "-", str(POSTING), "-f", "json"], input=STRONG)
    assert piped.exit_code == 0, piped.output
    direct = runner.invoke(app, ["score", str(resume_path("strong")), str(POSTING), "-f", "json"])
    a, b = json.loads(piped.stdout), json.loads(direct.stdout)
    assert a["resume"]["source"] == "<stdin>"
    assert a["score"] == b["score"]
    assert [k["status"] for k in a["keywords"]] == [k["status"] for k in b["keywords"]]


def test_cli_pdf_resume_from_stdin_and_html_posting(runner: CliRunner, tmp_path: Path) -> None:
    page = write(tmp_path, "posting.html", posting_html(POSTING_TEXT))
    result = runner.invoke(app, ["score", "-", str(page)], input=pdf_bytes(STRONG, columns=2))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "Fit score: " in result.stdout
    bullets = runner.invoke(app, ["bullets", "-"], input=docx_bytes(STRONG))
    assert bullets.exit_code == 0 and "<stdin>: " in bullets.stdout
    asks = runner.invoke(app, ["keywords", "-"], input=posting_html(POSTING_TEXT))
    assert asks.exit_code == 0 and "source: <stdin>" in asks.stdout


def test_cli_stdin_errors(runner: CliRunner) -> None:
    one_error_line(runner.invoke(app, ["score", "-", str(POSTING)], input=""), "<stdin>", "empty")
    one_error_line(
        runner.invoke(app, ["score", "-", "-"], input=STRONG), "only one of RESUME and POSTING"
    )
    one_error_line(
        runner.invoke(app, ["bullets", "-"], input=b"%PDF-1.4\n" + b"\0" * 50), "<stdin>", "PDF"
    )


def test_cli_json_resume_and_docx_score_like_markdown(runner: CliRunner, tmp_path: Path) -> None:
    scores = set()
    for path in every_format(tmp_path):
        if path.suffix == ".html":
            continue
        result = runner.invoke(app, ["score", str(path), str(POSTING), "-f", "json"])
        assert result.exit_code == 0, result.output
        scores.add(json.loads(result.stdout)["score"])
    assert len(scores) == 1
