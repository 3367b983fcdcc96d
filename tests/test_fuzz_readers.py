"""Fuzz every reader: random bytes and mutated valid files give text or an
InputError with a one-line message, never another exception.

Valid seeds are built by the same code as the reader tests (fpdf2,
python-docx, the example posting as HTML, the example resume as JSON
Resume). Mutations flip bits, truncate, delete, overwrite and insert random
bytes or format tokens (``<<``, ``endobj``, ``<!--``, ``{``...); DOCX is
also mutated inside its XML and zipped again, so python-docx and lxml see
broken XML rather than only broken zips. Hypothesis runs derandomised
and the seed files are byte-for-byte fixed (no timestamps), so the same
command runs the same cases every time and a failure reproduces; set
``AMFIT_FUZZ_SCALE=10`` for ten times as many cases. The number of cases
run is written at the end of the module's tests.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amfit.errors import InputError
from amfit.readers import MAX_INPUT_BYTES, jsonresume, read_bytes
from amfit.readers import docx as docx_reader
from amfit.readers import html as html_reader
from amfit.readers import pdf as pdf_reader
from amfit.readers import text as text_reader
from test_readers import (
    LIGATURE_FONT,
    POSTING_TEXT,
    STRONG,
    docx_bytes,
    json_resume,
    new_pdf,
    pdf_bytes,
    posting_html,
    raw_pdf,
    text_lines,
    zip_of,
)

pytestmark = pytest.mark.slow  # fuzzing: thousands of cases

SCALE = float(os.environ.get("AMFIT_FUZZ_SCALE", "1"))
CASES: Counter[str] = Counter()
READ: Counter[str] = Counter()  # cases that gave text (the rest gave an InputError)

#: A short resume: the seeds stay small, so each case is fast.
SHORT = "\n".join(STRONG.split("\n")[:12]) + "\n\n## Skills\nSalesforce, Gainsight\n"

READERS: dict[str, Callable[[bytes], object]] = {
    "pdf": lambda d: pdf_reader.read(d, "f.pdf", max_bytes=MAX_INPUT_BYTES),
    "docx": lambda d: docx_reader.read(d, "f.docx", max_bytes=MAX_INPUT_BYTES),
    "html": lambda d: html_reader.read(d, "f.html", max_bytes=MAX_INPUT_BYTES),
    "json": lambda d: jsonresume.read(d, "f.json", max_bytes=MAX_INPUT_BYTES),
    "text": lambda d: text_reader.read(d, "f.txt"),
    "detect": lambda d: read_bytes(d, "f", max_bytes=MAX_INPUT_BYTES),
}


def check(reader: str, data: bytes) -> None:
    """Read ``data``: a result or a one-line InputError; anything else fails the test."""
    CASES[reader] += 1
    try:
        text, report = READERS[reader](data)  # type: ignore[misc]
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message and "\r" not in message, message
        assert "Traceback" not in message
    else:
        assert isinstance(text, str) and text.strip()
        text.encode("utf-8")  # what was read can be written out
        assert report.characters == len(text)
        READ[reader] += 1


def fuzz_settings(examples: int):
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.function_scoped_fixture,
        ],
    )


# -- seeds ---------------------------------------------------------------------------


def _uncompressed_pdf() -> bytes:
    pdf = new_pdf()
    pdf.set_compression(False)
    pdf.set_font("Helvetica", "", 16)
    pdf.cell(0, 8, "Dana Whitfield", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for n in range(3):
        pdf.cell(4, 5, "\u2022")
        pdf.multi_cell(
            80,
            5,
            f"Grew net revenue retention to 11{n}% across a book of 58 accounts.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.rect(100, 40, 1.5, 1.5, style="F")
    pdf.set_xy(104, 39)
    pdf.multi_cell(80, 5, "Second column: renewals, QBRs and upsell for mid-market accounts.")
    return bytes(pdf.output())


def _fixed_zip(data: bytes) -> bytes:
    """The same bytes on every run: python-docx stamps each zip member with the time."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return zip_of({name: archive.read(name) for name in archive.namelist()})


SEEDS: dict[str, list[bytes]] = {
    "pdf": [
        _uncompressed_pdf(),
        pdf_bytes(SHORT),
        raw_pdf(
            text_lines(b"Drove \x01nance work\x02ows for sta\x03 renewals at scale"), LIGATURE_FONT
        ),
    ],
    "docx": [_fixed_zip(docx_bytes(SHORT)), _fixed_zip(docx_bytes(SHORT, columns=2))],
    "html": [posting_html("\n".join(POSTING_TEXT.split("\n")[:20])).encode()],
    "json": [json.dumps(json_resume(STRONG)).encode()],
}

TOKENS = {
    "pdf": [
        b"<<",
        b">>",
        b"[",
        b"]",
        b"(",
        b")",
        b"/",
        b" R ",
        b"obj",
        b"endobj",
        b"stream\n",
        b"endstream",
        b"xref",
        b"trailer",
        b"startxref",
        b"/Length 99999999",
        b"BT",
        b"ET",
        b"Tj",
        b"TJ",
        b"Td",
        b"Tf",
        b"cm",
        b"q",
        b"Q",
        b"Do",
        b"/Encrypt",
        b"9999999999",
        b"-1",
        b"1e308",
        b"/FlateDecode",
        b"%%EOF",
        b"\\",
        b"<FEFF>",
        b"/Kids [",
        b"/Parent",
    ],
    "docx": [b"<", b"</", b"/>", b'"', b"&", b"&amp;", b"<w:p>", b"<w:tbl>", b"<w:sdt>", b"]]>"],
    "html": [
        b"<",
        b">",
        b"</",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"<!",
        b"<?",
        b"<![if",
        b"&#",
        b"&#x110000;",
        b"&",
        b"<script>",
        b"</script>",
        b"<li>",
        b"<h1>",
        b"<pre>",
        b"<table>",
        b'"',
        b"'",
        b"=",
        b"\x00",
    ],
    "json": [
        b"{",
        b"}",
        b"[",
        b"]",
        b'"',
        b",",
        b":",
        b"null",
        b"true",
        b"1e999",
        b"-0",
        b"\\u",
        b"\\ud800",
        b'"basics"',
        b'"work"',
        b'"highlights"',
        b"99999999999999999999",
    ],
}
OPERATIONS = ("flip", "truncate", "insert", "delete", "overwrite", "token")


@st.composite
def mutations(draw, fmt: str) -> bytes:
    seeds = SEEDS[fmt]
    data = bytearray(seeds[draw(st.integers(0, len(seeds) - 1))])
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        op = draw(st.sampled_from(OPERATIONS))
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[i:]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 256))]
        elif op == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=32))
            data[i : i + len(chunk)] = chunk
        else:
            data[i:i] = draw(st.sampled_from(TOKENS[fmt]))
    return bytes(data)


@st.composite
def docx_with_broken_xml(draw) -> bytes:
    """A well-formed zip whose XML parts are mutated: python-docx and lxml must cope."""
    seed = zipfile.ZipFile(io.BytesIO(SEEDS["docx"][0]))
    members = {name: seed.read(name) for name in seed.namelist()}
    xml_parts = sorted(n for n in members if n.endswith((".xml", ".rels")))
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(xml_parts))
        data = bytearray(members[name])
        i = draw(st.integers(0, max(0, len(data) - 1)))
        op = draw(st.sampled_from(("token", "delete", "flip", "truncate")))
        if op == "token":
            data[i:i] = draw(st.sampled_from(TOKENS["docx"]))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 64))]
        elif op == "flip" and data:
            data[i] ^= 1 << draw(st.integers(0, 7))
        else:
            del data[i:]
        members[name] = bytes(data)
    if draw(st.booleans()):
        del members[draw(st.sampled_from(sorted(members)))]
    return zip_of(members)


# -- the fuzz tests ----------------------------------------------------------------------

PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<!doctype html>",
    b"{",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@pytest.mark.parametrize("reader", list(READERS))
@fuzz_settings(100)
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=4096))
def test_random_bytes(reader: str, prefix: bytes, data: bytes) -> None:
    check(reader, prefix + data)


@pytest.mark.parametrize("reader", ["pdf", "detect"])
@fuzz_settings(300)
@given(data=mutations("pdf"))
def test_mutated_pdf(reader: str, data: bytes) -> None:
    check(reader, data)


@pytest.mark.parametrize("reader", ["docx", "detect"])
@fuzz_settings(200)
@given(data=mutations("docx"))
def test_mutated_docx_zip(reader: str, data: bytes) -> None:
    check(reader, data)


@fuzz_settings(300)
@given(data=docx_with_broken_xml())
def test_mutated_docx_xml(data: bytes) -> None:
    check("docx", data)


@pytest.mark.parametrize("reader", ["html", "detect"])
@fuzz_settings(300)
@given(data=mutations("html"))
def test_mutated_html(reader: str, data: bytes) -> None:
    check(reader, data)


@pytest.mark.parametrize("reader", ["json", "detect"])
@fuzz_settings(300)
@given(data=mutations("json"))
def test_mutated_json(reader: str, data: bytes) -> None:
    check(reader, data)


@pytest.fixture(scope="module", autouse=True)
def report_case_count(request: pytest.FixtureRequest):
    """Write how many cases ran, per reader, after the module's tests."""
    yield
    total = sum(CASES.values())
    if not total:
        return
    detail = ", ".join(f"{name} {n}" for name, n in sorted(CASES.items()))
    line = (
        f"fuzz_readers: {total} cases ran ({detail}); {sum(READ.values())} gave text "
        f"({', '.join(f'{k} {v}' for k, v in sorted(READ.items()))}), "
        "the rest a one-line InputError, none anything else"
    )
    plugins = request.config.pluginmanager
    reporter = plugins.get_plugin("terminalreporter")
    capture = plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:  # pragma: no cover - a stripped-down pytest
        print(line)
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(line)
