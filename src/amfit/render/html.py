"""Self-contained HTML gap report (``amfit score --format html``) and ranked
table (``amfit batch --format html``).

One file, standard library only (``html.escape``): no external font,
script, stylesheet or image, so it works offline and as a mail attachment.
The score breakdown is an inline SVG chart with a data table beside it;
the page has landmarks (banner, navigation, main, contentinfo), one h1
and nested headings, status words next to every colour, WCAG AA contrast,
and a print stylesheet. It reads the same :class:`~amfit.model.Report`
as every other format; the resume text it shows has e-mail addresses and
phone numbers masked, so the file can be shared.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import KeywordResult, Report
from .html_base import CSS, _badge, _e, _page
from .text import COMPONENT_LABEL, TIER_TITLE

if TYPE_CHECKING:  # pragma: no cover
    from ..checks import CheckResult

#: Edits shown in the "Top three edits" section.
TOP_EDITS = 3

STATUS_TEXT = {"found": "found", "partial": "listed only", "missing": "missing"}


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{8,18}\d(?![\w/])")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _mask_contacts(line: str) -> str:
    """The line with e-mail addresses and phone numbers replaced (the
    report may be mailed; the checks say only that they are present)."""
    line = _EMAIL.sub("[e-mail]", line)

    def phone(m: re.Match[str]) -> str:
        text = m.group(0)
        digits = sum(ch.isdigit() for ch in text)
        return "[phone]" if 10 <= digits <= 15 and len(_YEARISH.findall(text)) < 2 else text

    return _PHONE.sub(phone, line)


# -- score report -------------------------------------------------------------


def _chart(report: Report) -> str:
    """The score breakdown as an inline SVG bar chart: per component, the
    points it could give (its weight) and the points it gives."""
    rows = report.components
    width, label_w, bar_w, row_h = 480, 170, 220, 34
    height = 40 + row_h * len(rows) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="chart-title chart-desc" '
        'font-family="system-ui, sans-serif" font-size="14">',
        f'<title id="chart-title">Fit score {report.score:.0f} of 100, by component</title>',
        '<desc id="chart-desc">'
        + _e(
            "; ".join(
                f"{COMPONENT_LABEL[c.name]}: {c.points:.1f} of {c.weight * 100:.1f} points"
                for c in rows
            )
        )
        + "</desc>",
        f'<text x="0" y="22" font-weight="700" fill="#1b1b1b">Fit score {report.score:.0f}/100</text>',
    ]
    # The heaviest component's track fills the bar width; the others scale.
    scale = bar_w / max((c.weight for c in rows), default=1.0)
    for i, c in enumerate(rows):
        y = 40 + i * row_h
        full = scale * c.weight
        got = scale * (c.points / 100)
        parts.append(
            f'<text x="0" y="{y + 18}" fill="#1b1b1b">{_e(COMPONENT_LABEL[c.name])}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{full:.1f}" height="20" fill="#e6eef9" '
            'stroke="#1d4f91" stroke-width="1"/>'
            f'<rect x="{label_w}" y="{y + 4}" width="{got:.1f}" height="20" fill="#1d4f91"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 18}" fill="#1b1b1b">'
            f"{c.points:.1f} / {c.weight * 100:.1f}</text>"
        )
    y = 40 + row_h * len(rows) + 18
    parts.append(
        f'<text x="0" y="{y}" fill="#4a4a4a" font-size="12">filled: points given; '
        "outline: points the component can give</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _component_table(report: Report) -> str:
    rows = []
    for c in report.components:
        found = f"{c.found}/{c.items}" if c.name != "title" else report.title_fit.level
        rows.append(
            f'<tr><th scope="row">{_e(COMPONENT_LABEL[c.name])}</th><td class="num">{_e(found)}</td>'
            f'<td class="num">{c.coverage * 100:.0f}%</td><td class="num">{c.weight * 100:.0f}%</td>'
            f'<td class="num">{c.points:.1f}</td></tr>'
        )
    note = report.scaling_note()
    return (
        '<table><caption>Score breakdown</caption><thead><tr><th scope="col">Component</th>'
        '<th scope="col" class="num">Found</th><th scope="col" class="num">Coverage</th>'
        '<th scope="col" class="num">Weight</th><th scope="col" class="num">Points</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        + (f'<p class="hint">Points: {_e(note)}.</p>' if note else "")
    )


def _placement(k: KeywordResult) -> str:
    p = k.placement
    if p is None:
        return ""
    where = p.section + (f", line {p.line}" if p.line else " (new)")
    text = f": \u201c{_e(p.text)}\u201d" if p.text else ""
    return f'{_e(where)}{text} <span class="hint">({_e(p.reason)})</span>'


def _where_found(k: KeywordResult) -> str:
    if not k.evidence:
        return ""
    e = k.evidence[0]
    place = "bullet" if e.in_bullet else e.section
    more = f" and {len(k.evidence) - 1} more" if len(k.evidence) > 1 else ""
    return f"{_e(place)}, line {e.line} ({_e(e.how)} \u201c{_e(e.text)}\u201d){_e(more)}"


def _views(report: Report) -> str:
    lit = report.ats_literal
    not_literal = [k.label for k in report.keywords if not k.ats_literal]
    t = report.title_fit
    listed = ", ".join(_e(x) for x in not_literal[:12]) + (" ..." if len(not_literal) > 12 else "")
    ats = (
        '<section class="card" aria-labelledby="view-ats"><h3 id="view-ats">ATS-literal view</h3>'
        f'<p class="big">{lit.rate * 100:.0f}%</p>'
        f"<p>{lit.matched} of {lit.total} keywords appear word for word as the posting writes "
        "them: what a plain keyword filter sees.</p>"
        + (
            f"<p><strong>Not written as the posting writes them:</strong> {listed}</p>"
            if not_literal
            else ""
        )
        + "</section>"
    )
    fit = (
        '<section class="card" aria-labelledby="view-fit"><h3 id="view-fit">Fit view</h3>'
        f'<p class="big">{report.score:.0f}<span class="hint">/100</span></p>'
        "<p>Keywords weighed by where the resume shows them (a result in a bullet counts "
        "more than a skills list), abbreviations and inflections matched, and the title.</p>"
        f"<p><strong>Title fit:</strong> {_e(t.level)} (resume \u201c{_e(t.resume_title or '?')}\u201d, "
        f"posting \u201c{_e(t.posting_title or '?')}\u201d)</p></section>"
    )
    return f'<div class="views">{ats}{fit}</div>'


def _edits(report: Report) -> str:
    todo = report.edits()[:TOP_EDITS]
    if not todo:
        if report.missing_by_points():
            return "<p>No edit amfit can suggest would raise the score.</p>"
        return "<p>Every keyword the posting asks for is shown with evidence.</p>"
    items = []
    for k in todo:
        verb = "Show in a bullet with its result" if k.status == "partial" else "Add"
        where = _placement(k)
        items.append(
            f"<li><strong>+{k.points:.1f} points</strong>: {verb} \u201c{_e(k.label)}\u201d "
            f"({_e(TIER_TITLE[k.tier].lower())})"
            + (f"<br>where: {where}" if where else "")
            + "</li>"
        )
    lift = report.hold_note()
    lift = f"<p><strong>{_e(lift[0].upper() + lift[1:])}.</strong></p>" if lift else ""
    return f'{lift}<ol class="edits">{"".join(items)}</ol>'


def _keyword_table(report: Report) -> str:
    freq = {f.id: f for f in report.checks.frequency} if report.checks else {}
    out = []
    for tier in ("must", "nice", "term"):
        group = [k for k in report.keywords if k.tier == tier]
        if not group:
            continue
        rows = []
        for k in group:
            f = freq.get(k.id)
            kind = f.kind if f else ""
            place = _where_found(k) if k.status == "found" else _placement(k) or _where_found(k)
            if k.status == "partial" and k.evidence:
                place = f"found: {_where_found(k)}<br>would go: {_placement(k)}"
            if k.other_role:
                place = f"{place}<br>" if k.status == "partial" else ""
                place += "another role&rsquo;s ask (see role fit): no edit to make"
            pts = f"+{k.points:.1f}" if k.points else ""
            rows.append(
                f'<tr><th scope="row">{_e(k.label)}</th><td>{_badge(k.status, STATUS_TEXT[k.status])}</td>'
                f"<td>{_e(kind)}</td>"
                f'<td class="num">{len(k.asks)}</td><td class="num">{len(k.evidence)}</td>'
                f'<td>{place}</td><td class="num">{pts}</td></tr>'
            )
        found = sum(1 for k in group if k.status == "found")
        out.append(
            f"<table><caption>{_e(TIER_TITLE[tier])} ({found} of {len(group)} found)</caption>"
            '<thead><tr><th scope="col">Keyword</th><th scope="col">Status</th>'
            '<th scope="col">Kind</th><th scope="col" class="num">Posting mentions</th>'
            '<th scope="col" class="num">Resume lines</th>'
            '<th scope="col">Where found, or where it would go</th>'
            '<th scope="col" class="num">Points</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return "".join(out)


def _check_item(r: CheckResult) -> str:
    from .checks import status_word

    hint = f'<br><span class="hint">{_e(r.hint)}</span>' if r.hint and r.status != "pass" else ""
    status = r.severity if r.status == "fail" else r.status
    # A passed check shows its code only: its name names the problem.
    name = f' <span class="hint">{_e(r.name)}</span>' if r.status != "pass" else ""
    return (
        f"<li>{_badge(status, status_word(r))} <code>{_e(r.code)}</code>{name}: "
        f"{_e(r.message)}{hint}</li>"
    )


def _checks(report: Report) -> str:
    from ..checks import FAMILIES
    from .checks import summary

    checks = report.checks
    if checks is None:
        return "<p>The checks were not run.</p>"
    out = [
        f"<p>{_e(summary(checks).capitalize())}. \u201cPresent\u201d in role dates is read as {_e(checks.as_of)}.</p>"
    ]
    for family, title in FAMILIES.items():
        group = checks.by_family(family)
        if not group:
            continue
        order = {"fail": 0, "unknown": 1, "info": 2, "pass": 3}
        ranked = sorted(group, key=lambda r: order[r.status])
        out.append(f'<h3 id="checks-{_e(family)}">{_e(title)}</h3>')
        out.append(f'<ul class="checks">{"".join(_check_item(r) for r in ranked)}</ul>')
    return "".join(out)


def _bullets(report: Report) -> str:
    lint = report.lint
    if lint is None:
        return "<p>The bullets were not linted.</p>"
    from .lint import summary_line

    out = [f"<p>{_e(summary_line(lint))}.</p>"]
    for b in lint.bullets:
        if not b.findings:
            continue
        items = "".join(
            f'<li>{_badge(f.severity)} <code>{_e(f.code)}</code> <span class="hint">{_e(f.name)}</span>: '
            f"{_e(f.message)}"
            + (f'<br><span class="hint">{_e(f.hint)}</span>' if f.hint else "")
            + "</li>"
            for f in b.findings
        )
        rewrite = (
            f'<p class="rewrite"><strong>Rewrite:</strong> {_e(b.rewrite)}</p>'
            if b.rewrite
            else f'<p class="hint">No rewrite: {_e(b.rewrite_note)}</p>'
            if b.rewrite_note
            else ""
        )
        out.append(
            f'<article class="bullet" aria-label="Bullet on line {b.line}">'
            f"<h3>Line {b.line}{' (' + _e(b.role) + ')' if b.role else ''}</h3>"
            f"<blockquote>{_e(b.text)}</blockquote>"
            f'<ul class="findings">{items}</ul>{rewrite}</article>'
        )
    if lint.resume_findings:
        out.append("<h3>Whole resume</h3>")
        out.append(
            '<ul class="findings">'
            + "".join(
                f"<li>{_badge(f.severity)} <code>{_e(f.code)}</code>: {_e(f.message)}</li>"
                for f in lint.resume_findings
            )
            + "</ul>"
        )
    return "".join(out)


def _spans(report: Report) -> dict[int, list[tuple[int, int, str, str]]]:
    """Per line: (start, end, keyword label, status) of each matched keyword,
    longest first where two overlap."""
    text = report.resume.text or ""
    lines = text.split("\n")
    by_line: dict[int, list[tuple[int, int, str, str]]] = {}
    for k in report.keywords:
        for e in k.evidence:
            if not 1 <= e.line <= len(lines) or not e.text:
                continue
            hay = lines[e.line - 1].lower()
            start = hay.find(e.text.lower())
            while start >= 0:
                by_line.setdefault(e.line, []).append(
                    (start, start + len(e.text), k.label, k.status)
                )
                start = hay.find(e.text.lower(), start + len(e.text))
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    for line, spans in by_line.items():
        kept: list[tuple[int, int, str, str]] = []
        for s in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
            if all(s[1] <= o[0] or s[0] >= o[1] for o in kept):
                kept.append(s)
        out[line] = sorted(kept)
    return out


def _resume_text(report: Report) -> str:
    text = report.resume.text
    if not text:
        return "<p>The resume text is not in this report.</p>"
    spans = _spans(report)
    items = []
    for no, line in enumerate(text.split("\n"), start=1):
        pos, parts = 0, []
        for start, end, label, status in spans.get(no, ()):
            parts.append(_e(_mask_contacts(line[pos:start])))
            cls = ' class="partial"' if status == "partial" else ""
            parts.append(f'<mark{cls} title="{_e(label)}">{_e(line[start:end])}</mark>')
            pos = end
        parts.append(_e(_mask_contacts(line[pos:])))
        items.append(f"<li>{''.join(parts)}</li>")
    return (
        "<p>Matched keywords are <mark>highlighted</mark> (dashed: listed only, not shown in a "
        "bullet); e-mail addresses and phone numbers are masked. Line numbers are the ones "
        'the report cites.</p><div class="resume"><ol>' + "".join(items) + "</ol></div>"
    )


def render_html(report: Report) -> str:
    """The gap report as one self-contained HTML page."""
    r = report
    title = f"amfit gap report: {r.resume.title or r.resume.source} vs {r.posting.title or r.posting.source}"
    header = (
        "<h1>amfit gap report</h1>"
        f'<p class="meta">Resume <code>{_e(r.resume.source)}</code> '
        f"({_e(r.resume.title or 'no title found')}) against posting "
        f"<code>{_e(r.posting.source)}</code> ({_e(r.posting.title or 'no title found')})</p>"
    )
    sections = [
        (
            "score",
            "Score",
            _views(r)
            + f'<div class="chart"><figure>{_chart(r)}<figcaption class="hint">Score breakdown '
            "(the table gives the same figures)</figcaption></figure>"
            f"<div>{_component_table(r)}</div></div>",
        ),
        ("edits", "Top three edits", _edits(r)),
        ("keywords", "Keywords", _keyword_table(r)),
        ("checks", "Checks", _checks(r)),
        ("bullets", "Bullet findings", _bullets(r)),
        ("resume-text", "Resume text", _resume_text(r)),
    ]
    if r.warnings:
        sections.append(
            (
                "warnings",
                "Warnings",
                "<ul>" + "".join(f"<li>{_e(w)}</li>" for w in r.warnings) + "</ul>",
            )
        )
    body = "\n".join(
        f'<section id="{i}" aria-labelledby="{i}-h">\n<h2 id="{i}-h">{_e(t)}</h2>\n{html}\n</section>'
        for i, t, html in sections
    )
    footer = (
        f"<p>amfit {_e(r.amfit_version)}, report schema {_e(r.schema_version)}. Made offline: "
        "this page loads nothing from the network.</p>"
    )
    return _page(title, [(i, t) for i, t, _ in sections], header, body, footer)


__all__ = ["CSS", "render_html"]
