"""HTML, such as a job posting saved from a browser, read with the stdlib parser.

Scripts, styles, forms, the page's navigation, banner header and footer are
dropped; what is left becomes lines: ``h1``-``h6`` as ``#``-headings,
``li`` as ``- `` bullets, paragraphs and other blocks separated by blank
lines, table cells one to a line. A ``header`` or ``footer`` inside
``main``, ``article`` or ``section`` belongs to the content (it often holds
the job title) and is kept.

:mod:`html.parser` is lenient, ships with Python and has no network or
entity-expansion behaviour to guard, so no third-party parser is needed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import InputError
from ..textio import decode_bytes
from .base import Document, finish, one_line

#: Elements dropped with everything inside them.
DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "canvas",
        "iframe",
        "object",
        "nav",
        "form",
        "button",
        "select",
        "textarea",
        "dialog",
    }
)
#: Landmark elements dropped unless they sit inside the page's content.
LANDMARKS = frozenset({"header", "footer", "aside"})
CONTENT = frozenset({"main", "article", "section"})
DROPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
#: Elements that end the current line.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "header",
        "hr",
        "html",
        "legend",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
#: Blocks followed by a blank line (a paragraph break for the parsers).
PARAGRAPHS = frozenset({"p", "ul", "ol", "dl", "table", "blockquote", "pre", "section"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LIST_ITEMS = frozenset({"li"})
#: Elements an unclosed element of the same kind ends at (HTML's implied end tags).
AUTO_CLOSED = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
#: Where the search for an open element to close implicitly stops.
SCOPES = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "div", "body", "html"})
_SPACES = re.compile(r"[ \t\r\n\f]+")
#: How deep an element may be nested before the rest is read as flat text.
MAX_DEPTH = 500


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped)
        self.pre = 0
        self.headings = 0
        self.list_items = 0

    # -- state ------------------------------------------------------------

    @property
    def dropping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _inside(self, tags: frozenset[str]) -> bool:
        return any(tag in tags for tag, _ in self.stack)

    def newline(self, blank: bool = False) -> None:
        text = "".join(self.current)
        text = text.rstrip() if self.pre else _SPACES.sub(" ", text).strip()
        if text:
            self.lines.append(self.prefix + text)
            self.prefix = ""
        self.current = []
        if blank and self.lines and self.lines[-1] != "" and not self._inside(LIST_ITEMS):
            self.lines.append("")

    # -- events -----------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self.handle_startendtag(tag, attrs)
            return
        if tag in AUTO_CLOSED:
            self._auto_close(tag)
        attributes = dict(attrs)
        dropped = (
            self.dropping
            or tag in DROPPED
            or (tag in LANDMARKS and not self._inside(CONTENT))
            or (attributes.get("role") or "").strip().lower() in DROPPED_ROLES
            or "hidden" in attributes
            or (attributes.get("aria-hidden") or "").strip().lower() == "true"
        )
        if len(self.stack) >= MAX_DEPTH:
            return
        self.stack.append((tag, dropped))
        if dropped:
            return
        if tag in HEADINGS:
            self.newline(blank=True)
            self.prefix = "#" * HEADINGS[tag] + " "
            self.headings += 1
        elif tag == "li":
            self.newline()
            self.prefix = "- "
            self.list_items += 1
        elif tag in BLOCKS:
            self.newline(blank=tag in PARAGRAPHS)
            if tag == "pre":
                self.pre += 1

    def _auto_close(self, tag: str) -> None:
        """``<p>a<p>b``, ``<li>a<li>b``: an open element of the same kind ends here."""
        for open_tag, _ in reversed(self.stack):
            if open_tag == tag:
                self.handle_endtag(tag)
                return
            if open_tag in SCOPES:
                return

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            return
        if tag == "br":
            self.newline()
        elif tag == "hr":
            self.newline(blank=True)
        elif tag not in VOID:
            # <div/> and the like: an empty element.
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            open_tag, dropped = self.stack.pop()
            if not dropped:
                self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in HEADINGS:
            self.newline(blank=True)
            self.prefix = ""
        elif tag == "li":
            self.newline()
            self.prefix = ""
        elif tag in BLOCKS:
            self.newline(blank=tag in PARAGRAPHS)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.pre:
            parts = data.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self.newline()
                self.current.append(part)
        else:
            self.current.append(data)

    def close(self) -> None:
        super().close()
        self.newline()


def extract(markup: str) -> tuple[str, int]:
    """(text, number of headings) of HTML markup; raises what the parser raises."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.lines), parser.headings


def read(data: bytes, source: str, *, max_bytes: int | None = None) -> Document:
    return read_decoded(decode_bytes(data, source), source, max_bytes=max_bytes)


def read_decoded(markup: str, source: str, *, max_bytes: int | None = None) -> Document:
    try:
        text, headings = extract(markup)
    except Exception as exc:  # html.parser is lenient; anything here is a damaged file
        raise InputError(f"{source}: cannot read this HTML ({one_line(exc)})") from exc
    return finish(
        text,
        source=source,
        fmt="html",
        empty_message=(
            "the HTML page holds no readable text once scripts, styles and navigation are "
            "dropped: copy the posting's text into a .txt file instead"
        ),
        max_bytes=max_bytes,
        details={"headings": headings},
    )
