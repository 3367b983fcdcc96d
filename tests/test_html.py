"""The HTML gap report: self-contained, accessible, printable, escaped; and,
in a real browser (headless Chromium), loads with no console message and no
network request. The golden file is pinned in test_golden.py."""

from __future__ import annotations

import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from amfit.fit.scorer import score, score_files
from amfit.render.html import CSS, render_html
from amfit.render.html_batch import render_batch_html
from conftest import ROOT, posting_path, resume_path

sys.path.insert(0, str(ROOT / "scripts"))
import itertools

import chromium_page


@pytest.fixture(scope="module")
def report():
    return score_files(resume_path("strong"), posting_path("mid-market-account-manager"))


@pytest.fixture(scope="module")
def page(report):
    return render_html(report)


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    VOID = frozenset({"meta", "br", "rect", "path", "line", "circle", "link", "img", "input"})

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()


def _parse(page: str) -> _Outline:
    p = _Outline()
    p.feed(page)
    p.close()
    return p


def test_page_is_well_formed_and_self_contained(page):
    outline = _parse(page)
    assert not outline.errors and not outline.stack
    tags = [t for t, _ in outline.tags]
    for banned in ("script", "link", "img", "iframe", "object", "embed"):
        assert banned not in tags, banned
    for _, attrs in outline.tags:
        for name in ("href", "src"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#"), (name, value)
    assert "url(" not in CSS and "@import" not in CSS and "@font-face" not in CSS
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)


def test_page_has_landmarks_and_a_heading_outline(page):
    outline = _parse(page)
    tags = [t for t, _ in outline.tags]
    for landmark in ("header", "nav", "main", "footer"):
        assert tags.count(landmark) == 1, landmark
    assert tags.count("h1") == 1
    levels = [int(t[1]) for t in tags if re.fullmatch(r"h[1-6]", t)]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert '<html lang="en">' in page
    svg = next(a for t, a in outline.tags if t == "svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby")
    for _, attrs in outline.tags:
        if attrs.get("aria-labelledby"):
            for ref in attrs["aria-labelledby"].split():
                assert f'id="{ref}"' in page, ref


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_meet_wcag_aa_contrast():
    var = dict(re.findall(r"--([a-z-]+):(#[0-9a-f]{6})", CSS))
    pairs = [
        ("ink", "bg"),
        ("ink", "panel"),
        ("muted", "bg"),
        ("muted", "panel"),
        ("accent", "bg"),
        ("ok", "ok-bg"),
        ("bad", "bad-bg"),
        ("warn", "warn-bg"),
        ("info", "info-bg"),
        ("ink", "mark"),
    ]
    for fg, bg in pairs:
        assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg, round(_contrast(var[fg], var[bg]), 2))


def test_page_prints(page):
    assert "@media print" in page
    block = page[page.index("@media print") :]
    assert "nav" in block.split("}")[0] + block  # navigation hidden on paper
    assert "break-inside:avoid" in block


def test_page_shows_every_part_the_report_has(report, page):
    for section in ("score", "edits", "keywords", "checks", "bullets", "resume-text"):
        assert f'<section id="{section}"' in page
    assert "ATS-literal view" in page and "Fit view" in page
    edits = re.search(r'<ol class="edits">(.*?)</ol>', page, re.S)
    assert edits and edits.group(1).count("<li>") == min(3, len(report.edits()))
    for k in report.keywords:
        assert k.label.replace("&", "&amp;") in page
    for r in report.checks.results:
        assert f"<code>{r.code}</code>" in page
    rewrites = [b.rewrite for b in report.lint.bullets if b.rewrite and b.findings]
    assert page.count('class="rewrite"') == len(rewrites)
    found = [k for k in report.keywords if k.status == "found"]
    assert page.count("<mark") > len(found) // 2


def test_resume_text_masks_contact_details_and_escapes_markup():
    resume = (
        "# Sam <b>Lee</b>\n"
        "Account Manager | Austin, TX | sam.lee@example.com | +1 (512) 555-0147\n\n"
        "## Experience\n\n### Account Manager, Acme <script>alert(1)</script>\n"
        "Jan 2020 - Present\n"
        "- Ran renewals for 40 accounts ($1.2M ARR) at 92% gross revenue retention\n"
    )
    page = render_html(score(resume, posting_path("smb-account-manager").read_text()))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;Lee&lt;/b&gt;" in page
    assert "sam.lee@example.com" not in page and "555-0147" not in page
    assert "[e-mail]" in page and "[phone]" in page
    assert "2020 - Present" in page  # dates are not phone numbers


def test_rendering_is_deterministic(report):
    assert render_html(report) == render_html(report)


def test_batch_page_lists_the_ranking_and_the_edits():
    from amfit.batch import aggregate_edits, rank, score_many

    records = rank(
        score_many(
            resume_path("strong").read_text(),
            [posting_path(n).read_text() for n in ("smb-account-manager", "account-executive")],
            jobs=1,
        )
    )
    page = render_batch_html(records, aggregate_edits(records), "strong.md")
    outline = _parse(page)
    assert not outline.errors and "script" not in [t for t, _ in outline.tags]
    assert page.count('<tr><td class="num">') >= 2
    assert "Edits that help most" in page


# -- in a real browser ----------------------------------------------------------

SCREENSHOT_DIR = Path(os.environ.get("AMFIT_SCREENSHOT_DIR", ROOT / "build" / "screenshots"))


def _need_chromium() -> None:
    if chromium_page.find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.mark.slow
def test_chromium_loads_the_report_with_no_console_message_or_request(tmp_path, page):
    _need_chromium()
    html = tmp_path / "gap.html"
    html.write_text(page, encoding="utf-8")
    shot = SCREENSHOT_DIR / "gap-report.png"
    run = chromium_page.open_page(html, screenshot=shot)
    assert "<h1>amfit gap report</h1>" in run.dom
    assert "Top three edits" in run.dom
    assert run.console == []
    assert run.requests == []
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


@pytest.mark.slow
def test_chromium_check_catches_requests_and_console_errors(tmp_path):
    """The browser check can fail: a page with an external image and a
    console error is caught."""
    _need_chromium()
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body>'
        '<img src="http://example.invalid/a.png" alt=""><script>console.error("boom")</script>'
        "</body></html>",
        encoding="utf-8",
    )
    run = chromium_page.open_page(bad)
    assert any("boom" in msg for _, msg in run.console)
    assert run.requests == ["http://example.invalid/a.png"]
