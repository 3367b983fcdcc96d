"""What the HTML pages share: the stylesheet, escaping, the page frame.

Standard library only; the stylesheet uses system fonts and no url(), so a
page loads nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

CSS = """
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--bg:#ffffff;--panel:#f5f6f8;
--accent:#1d4f91;--ok:#1e5e2a;--ok-bg:#e3f2e6;--bad:#8a1c1c;--bad-bg:#fbe5e5;
--warn:#6b4a00;--warn-bg:#fff1cc;--info:#1d4f91;--info-bg:#e6eef9;--mark:#fff0a8}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;color:var(--ink);background:var(--bg);line-height:1.5;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.skip{position:absolute;left:-999px;top:0;background:var(--accent);color:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:2}
header,main,footer,nav{max-width:72rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.25rem 0}
h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.meta{color:var(--muted);margin:.2rem 0 1rem}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:.6rem 0;margin:0}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.views{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:1rem}
.card h3{margin-top:0}
.big{font-size:2.2rem;font-weight:700;margin:0}
.chart{display:grid;grid-template-columns:1fr 1fr;gap:1rem;align-items:start}
figure{margin:0}
svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.85rem;font-weight:600;
white-space:nowrap;border:1px solid currentColor}
.s-found,.s-pass{color:var(--ok);background:var(--ok-bg)}
.s-missing,.s-fail,.s-error{color:var(--bad);background:var(--bad-bg)}
.s-partial,.s-unknown,.s-warning{color:var(--warn);background:var(--warn-bg)}
.s-info{color:var(--info);background:var(--info-bg)}
ol.edits li{margin:.4rem 0}
.checks li,.findings li{margin:.3rem 0}
ul.checks,ul.findings{padding-left:1.1rem}
.hint{color:var(--muted)}
.bullet{border-left:4px solid var(--line);margin:1rem 0;padding:.2rem 0 .2rem .9rem}
.bullet blockquote{margin:.2rem 0;font-style:italic}
.rewrite{background:var(--ok-bg);border-radius:4px;padding:.4rem .6rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.resume{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.6rem 0;
font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86rem;overflow-x:auto}
.resume ol{margin:0;padding-left:3.4rem}
.resume li{white-space:pre-wrap;padding-right:.8rem}
.resume li::marker{color:var(--muted)}
mark{background:var(--mark);color:var(--ink);border-bottom:2px solid #8a6d00;padding:0 .1rem}
mark.partial{background:var(--warn-bg);border-bottom-style:dashed}
footer{border-top:1px solid var(--line);margin-top:2rem;padding:1rem 1.25rem;color:var(--muted)}
@media (max-width:48rem){.views,.chart{grid-template-columns:1fr}}
@media print{
body{font-size:10pt;line-height:1.35}
nav,.skip{display:none}
header,main,footer{max-width:none;padding:0}
a{color:var(--ink);text-decoration:none}
h2{break-after:avoid}
.card,.bullet,tr,li{break-inside:avoid}
.views,.chart{grid-template-columns:1fr 1fr}
.resume{overflow:visible}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _badge(status: str, text: str | None = None) -> str:
    return f'<span class="badge s-{_e(status)}">{_e(text or status)}</span>'


def _page(title: str, nav: Sequence[tuple[str, str]], header: str, body: str, footer: str) -> str:
    head, tail = _page_parts(title, nav, header, footer)
    return head + body + tail


def _page_parts(
    title: str, nav: Sequence[tuple[str, str]], header: str, footer: str
) -> tuple[str, str]:
    """The page before its body and after it (a body may then be streamed)."""
    links = "".join(f'<li><a href="#{_e(i)}">{_e(t)}</a></li>' for i, t in nav)
    head = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the report</a>\n'
        f"<header>\n{header}\n</header>\n"
        f'<nav aria-label="Report sections">\n<ul>{links}</ul>\n</nav>\n'
        '<main id="main">\n'
    )
    tail = f"\n</main>\n<footer>\n{footer}\n</footer>\n</body>\n</html>\n"
    return head, tail
