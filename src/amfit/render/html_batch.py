"""The ranked table of ``amfit batch --format html``: one self-contained page."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from .html_base import _e, _page_parts


def render_batch_html(records: Iterable[Any], edits: Iterable[Any], resume: str) -> str:
    """The ranked table of ``amfit batch`` with the edits that help most."""
    records = list(records)
    counts = {"scored": 0, "duplicate": 0, "error": 0}
    for r in records:
        counts[r.status] += 1
    return "".join(iter_batch_html(records, counts, list(edits), resume))


def _row(i: int, r: Any) -> str:
    return (
        f'<tr><td class="num">{i}</td><td class="num">{r.score:.1f}</td>'
        f'<td class="num">{r.must_found}/{r.must_total}</td><td class="num">{(r.ats_literal or 0) * 100:.0f}%</td>'
        f'<th scope="row">{_e(r.title or r.id)}</th><td>{_e(r.company)}</td>'
        f"<td>{_e(r.title_fit)}</td><td>{_e(', '.join(r.top_missing_must))}</td></tr>"
    )


def _edits_html(edits: list[Any], n: int) -> str:
    if not edits:
        return "<p>No keyword is missing across these postings.</p>"
    erows = "".join(
        f'<tr><td class="num">{i}</td><th scope="row">{_e(e.label)}</th><td>{_e(e.tier)}</td>'
        f'<td class="num">{e.postings}</td><td class="num">+{e.points:.1f}</td></tr>'
        for i, e in enumerate(edits, start=1)
    )
    return (
        f"<p>Missing keywords, by the points they would add summed over the {n} "
        "postings.</p><table><caption>Edits that help most</caption><thead><tr>"
        '<th scope="col" class="num">#</th><th scope="col">Keyword</th><th scope="col">Tier</th>'
        '<th scope="col" class="num">Postings</th><th scope="col" class="num">Points</th></tr>'
        f"</thead><tbody>{erows}</tbody></table>"
    )


def _section_open(i: str, title: str) -> str:
    return f'<section id="{i}" aria-labelledby="{i}-h">\n<h2 id="{i}-h">{_e(title)}</h2>\n'


def iter_batch_html(
    ranked: Iterable[Any], counts: dict[str, int], edits: list[Any], resume: str
) -> Iterator[str]:
    """The page in pieces, reading ``ranked`` (scored records best first,
    then duplicates, then errors, as :func:`amfit.batch.rank`) once, so that
    it never holds more than one record."""
    n, dupes, errors = counts["scored"], counts["duplicate"], counts["error"]
    sections = [("edits", "Edits that help most"), ("ranked", "Ranked postings")]
    if dupes or errors:
        sections.append(("skipped", "Duplicates and errors"))
    header = (
        "<h1>amfit: postings ranked</h1>"
        f'<p class="meta">{n} postings ranked for <code>{_e(resume)}</code>'
        + (f" ({dupes} duplicates, {errors} errors)" if dupes or errors else "")
        + "</p>"
    )
    from .._version import __version__

    footer = (
        f"<p>amfit {_e(__version__)}. Made offline: this page loads nothing from the network.</p>"
    )
    head, tail = _page_parts(f"amfit: postings ranked for {resume}", sections, header, footer)
    yield head
    yield _section_open(*sections[0]) + _edits_html(edits, n) + "\n</section>\n"
    yield (
        _section_open(*sections[1])
        + f"<table><caption>{n} postings, best fit first</caption><thead><tr>"
        '<th scope="col" class="num">Rank</th><th scope="col" class="num">Score</th>'
        '<th scope="col" class="num">Must-haves</th><th scope="col" class="num">ATS-literal</th>'
        '<th scope="col">Title</th><th scope="col">Company</th><th scope="col">Title fit</th>'
        '<th scope="col">Top missing must-haves</th></tr></thead><tbody>'
    )
    records = iter(ranked)
    r = next(records, None)
    i = 0
    while r is not None and r.status == "scored":
        i += 1
        yield _row(i, r)
        r = next(records, None)
    yield "</tbody></table>\n</section>"
    if dupes or errors:
        yield "\n" + _section_open(*sections[2]) + "<ul>"
        for s in itertools.chain([r] if r is not None else [], records):
            if s.status == "duplicate":
                yield f"<li>{_e(s.id)}: same text as {_e(s.duplicate_of)}</li>"
            else:
                yield f"<li>{_e(s.id)}: {_e(s.error)}</li>"
        yield "</ul>\n</section>"
    yield tail
