"""The ranked table of ``amfit batch --format html``: one self-contained page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .html_base import _e, _page


def render_batch_html(records: Iterable[Any], edits: Iterable[Any], resume: str) -> str:
    """The ranked table of ``amfit batch`` with the edits that help most."""
    records = list(records)
    scored = [r for r in records if r.status == "scored"]
    dupes = [r for r in records if r.status == "duplicate"]
    errors = [r for r in records if r.status == "error"]
    rows = "".join(
        f'<tr><td class="num">{i}</td><td class="num">{r.score:.1f}</td>'
        f'<td class="num">{r.must_found}/{r.must_total}</td><td class="num">{(r.ats_literal or 0) * 100:.0f}%</td>'
        f'<th scope="row">{_e(r.title or r.id)}</th><td>{_e(r.company)}</td>'
        f"<td>{_e(r.title_fit)}</td><td>{_e(', '.join(r.top_missing_must))}</td></tr>"
        for i, r in enumerate(scored, start=1)
    )
    ranked = (
        f"<table><caption>{len(scored)} postings, best fit first</caption><thead><tr>"
        '<th scope="col" class="num">Rank</th><th scope="col" class="num">Score</th>'
        '<th scope="col" class="num">Must-haves</th><th scope="col" class="num">ATS-literal</th>'
        '<th scope="col">Title</th><th scope="col">Company</th><th scope="col">Title fit</th>'
        '<th scope="col">Top missing must-haves</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    edits = list(edits)
    if edits:
        erows = "".join(
            f'<tr><td class="num">{i}</td><th scope="row">{_e(e.label)}</th><td>{_e(e.tier)}</td>'
            f'<td class="num">{e.postings}</td><td class="num">+{e.points:.1f}</td></tr>'
            for i, e in enumerate(edits, start=1)
        )
        edit_html = (
            f"<p>Missing keywords, by the points they would add summed over the {len(scored)} "
            "postings.</p><table><caption>Edits that help most</caption><thead><tr>"
            '<th scope="col" class="num">#</th><th scope="col">Keyword</th><th scope="col">Tier</th>'
            '<th scope="col" class="num">Postings</th><th scope="col" class="num">Points</th></tr>'
            f"</thead><tbody>{erows}</tbody></table>"
        )
    else:
        edit_html = "<p>No keyword is missing across these postings.</p>"
    sections = [("edits", "Edits that help most", edit_html), ("ranked", "Ranked postings", ranked)]
    if dupes or errors:
        items = [f"<li>{_e(r.id)}: same text as {_e(r.duplicate_of)}</li>" for r in dupes]
        items += [f"<li>{_e(r.id)}: {_e(r.error)}</li>" for r in errors]
        sections.append(("skipped", "Duplicates and errors", f"<ul>{''.join(items)}</ul>"))
    body = "\n".join(
        f'<section id="{i}" aria-labelledby="{i}-h">\n<h2 id="{i}-h">{_e(t)}</h2>\n{html}\n</section>'
        for i, t, html in sections
    )
    header = (
        "<h1>amfit: postings ranked</h1>"
        f'<p class="meta">{len(scored)} postings ranked for <code>{_e(resume)}</code>'
        + (f" ({len(dupes)} duplicates, {len(errors)} errors)" if dupes or errors else "")
        + "</p>"
    )
    from .._version import __version__

    footer = (
        f"<p>amfit {_e(__version__)}. Made offline: this page loads nothing from the network.</p>"
    )
    return _page(
        f"amfit: postings ranked for {resume}",
        [(i, t) for i, t, _ in sections],
        header,
        body,
        footer,
    )
