"""PDF, read with pdfminer.six's layout analysis and put in reading order here.

pdfminer.six groups characters into text lines with their positions and
font sizes (pypdf gives a text stream in content order, which for a
two-column resume is often interleaved). From those lines this module
rebuilds the page the way a person reads it:

* **Columns.** Per page, a vertical gutter that no text line crosses (a
  few full-width lines, such as a name banner, may) splits the page into a
  left and a right column; each band between full-width lines is read
  left column first, then right. A gutter counts only when each side holds
  a run of at least three stacked lines, so a right-aligned date next to
  each job title is not mistaken for a column.
* **Lines.** Fragments on the same baseline are joined (a wide gap, such as
  before a right-aligned date, becomes `` | ``). Page numbers and running
  headers or footers repeated on several pages are dropped.
* **Structure.** Lines set clearly larger than the body text become
  ``#``-headings (largest first); lines opening with a bullet glyph, or
  with a small drawn dot or square just left of them, become ``- ``
  bullets; wrapped lines are joined back into their bullet or paragraph
  (a line is wrapped when it runs to the column's right edge, or is
  indented under a bullet's text).
* **Hyphenation.** A word split at a line end ("negoti-" / "ated") is
  joined; the hyphen stays when the document writes the word with a hyphen
  elsewhere or the first part is a common compound head ("multi-",
  "cross-", "self-").
* Ligatures (ﬁ, ﬂ) and smart quotes are normalised with all other text
  (:func:`amfit.textio.normalize_text`).

Refused: encrypted (password-protected) PDFs, files pdfminer cannot parse
(corrupt or truncated), and PDFs with no text layer (scanned images).

Why one long module: lines, columns, headings and bullets are all
reconstructed from the same positioned characters in one pass per page;
no step is used apart from the others.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .base import Document, finish, one_line
from .inflate import MAX_INFLATED_BYTES, inflate_budget

#: Pages read at most (a resume or posting has a few).
MAX_PAGES = 30
#: A line whose font is this much larger than the body text is a heading.
HEADING_RATIO = 1.15
#: Longest heading, in words.
HEADING_MAX_WORDS = 12
#: A gap between fragments on one baseline wider than this many font sizes
#: is a column or tab gap, written `` | ``.
WIDE_GAP = 2.5
#: Shapes up to this size (points) just left of a line are drawn bullets.
BULLET_SHAPE_MAX = 8.0

# pdfminer logs damaged-file details at WARNING; a library must not print
# them (with no logging configured Python would write them to stderr).
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

_BULLET = re.compile(
    r"^(?:[•·‣⁃◦▪▫■□●○◆◇♦❖➢➣➤►▶✓✔\uf000-\uf0ff]|\(cid:\d+\)|[-–—*+](?=\s))\s*(?=\S)"
)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"([A-Za-z]+)([-\u00ad\u2010])$")
_SENTENCE_END = (".", "!", "?", ":", ";")
_SPACE_RUNS = re.compile(r"[ \t]{2,}")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
#: First parts of compounds that keep their hyphen at a line break.
COMPOUND_HEADS = frozenset(
    {
        "cross",
        "multi",
        "self",
        "non",
        "mid",
        "long",
        "short",
        "high",
        "low",
        "full",
        "part",
        "well",
        "follow",
        "sign",
        "check",
        "year",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "top",
        "best",
        "end",
        "one",
        "half",
        "front",
        "back",
        "near",
        "real",
        "data",
        "customer",
        "client",
        "account",
        "team",
        "cost",
        "world",
    }
)

ENCRYPTED = (
    "the PDF is password-protected: save a copy without a password (or print it to a "
    "new PDF), or export the resume as DOCX or text"
)


@dataclass(slots=True)
class _Line:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bullet_shape: bool = False
    wide_gap: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    lines: list[_Line] = field(default_factory=list)
    shapes: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: int = 0
    columns: bool = False


# -- pdfminer --------------------------------------------------------------------


def _open(data: bytes, source: str) -> Any:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{source}: {ENCRYPTED}") from exc
    except PDFEncryptionError as exc:
        raise InputError(
            f"{source}: the PDF is encrypted in a way amfit cannot open ({one_line(exc)}): "
            "save a copy without encryption, or export DOCX or text"
        ) from exc


def _pages(data: bytes, source: str, max_pages: int) -> tuple[list[_Page], int]:
    """Text lines, small shapes and image counts of each page; and the page count."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    document = _open(data, source)
    manager = PDFResourceManager(caching=True)
    params = LAParams(boxes_flow=None, all_texts=True, detect_vertical=False)
    device = PDFPageAggregator(manager, laparams=params)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[_Page] = []
    total = 0
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        total = number
        if number > max_pages:
            continue
        interpreter.process_page(page)
        pages.append(_collect(device.get_result(), number))
    return pages, total


def _collect(layout: Any, number: int) -> _Page:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTTextBox, LTTextLine

    height = float(layout.height)
    page = _Page(number, float(layout.width))

    def walk(items: Iterable[Any]) -> None:
        for item in items:
            if isinstance(item, LTTextLine):
                chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
                if not chars or sum(1 for c in chars if c.upright) * 2 < len(chars):
                    continue  # rotated text (a sideways banner): not part of the reading flow
                # Justified lines come with wide word spaces: one space is enough.
                text = _SPACE_RUNS.sub(" ", item.get_text()).strip()
                if not text:
                    continue
                size = statistics.median(float(c.size) for c in chars)
                page.lines.append(
                    _Line(item.x0, item.x1, height - item.y1, height - item.y0, text, size)
                )
            elif isinstance(item, (LTTextBox, LTFigure)):
                walk(item)
            elif isinstance(item, LTImage):
                page.images += 1
            elif isinstance(item, LTCurve):
                w, h = item.x1 - item.x0, item.y1 - item.y0
                if 1.0 <= w <= BULLET_SHAPE_MAX and 1.0 <= h <= BULLET_SHAPE_MAX:
                    page.shapes.append((item.x0, item.x1, height - item.y1, height - item.y0))

    walk(layout)
    return page


# -- reading order ---------------------------------------------------------------


def _stacked_run(lines: list[_Line]) -> int:
    """Longest run of lines stacked one under the other (a column, not stray text)."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    best = run = 1 if ordered else 0
    for prev, cur in itertools.pairwise(ordered):
        close = cur.top - prev.bottom < 1.2 * max(prev.height, cur.height)
        overlap = min(prev.x1, cur.x1) > max(prev.x0, cur.x0)
        run = run + 1 if close and overlap else 1
        best = max(best, run)
    return best


def _gutter(lines: list[_Line]) -> tuple[float, float] | None:
    """The x range of a vertical gap between two columns of text, if the page has one."""
    if len(lines) < 6:
        return None
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    span = right - left
    if span < 150:
        return None
    step = 2.0
    bins = int(span / step) + 1
    cover = [0] * bins
    for ln in lines:
        for b in range(int((ln.x0 - left) / step), min(bins, int((ln.x1 - left) / step) + 1)):
            cover[b] += 1
    allowance = max(1, len(lines) // 10)  # full-width lines that may cross the gutter
    lo, hi = int(0.15 * bins), int(0.85 * bins)
    best: tuple[int, tuple[float, float]] | None = None
    b = lo
    while b < hi:
        if cover[b] > allowance:
            b += 1
            continue
        start = b
        while b < hi and cover[b] <= allowance:
            b += 1
        g0, g1 = left + start * step, left + b * step
        if g1 - g0 < 8:
            continue
        lefts = [ln for ln in lines if ln.x1 <= g0 + step]
        rights = [ln for ln in lines if ln.x0 >= g1 - step]
        if _stacked_run(lefts) >= 3 and _stacked_run(rights) >= 3:
            score = min(len(lefts), len(rights))
            if best is None or score > best[0]:
                best = (score, (g0, g1))
    return best[1] if best else None


def _segments(page: _Page) -> list[list[_Line]]:
    """The page's lines in reading order, as runs read top to bottom (columns, bands)."""
    lines = sorted(page.lines, key=lambda ln: (ln.top, ln.x0))
    gutter = _gutter(lines)
    if gutter is None:
        return [lines] if lines else []
    page.columns = True
    g0, g1 = gutter
    step = 2.0
    out: list[list[_Line]] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def close_band() -> None:
        out.extend(seg for seg in (left[:], right[:]) if seg)
        left.clear()
        right.clear()

    for ln in lines:
        if ln.x1 <= g0 + step:
            left.append(ln)
        elif ln.x0 >= g1 - step:
            right.append(ln)
        else:  # a full-width line: ends the band above it
            close_band()
            out.append([ln])
    close_band()
    return out


def _rows(segment: list[_Line]) -> list[_Line]:
    """Join fragments on the same baseline into one line each, left to right."""
    rows: list[list[_Line]] = []
    for ln in sorted(segment, key=lambda ln: (ln.top, ln.x0)):
        if rows:
            row = rows[-1]
            top = min(r.top for r in row)
            bottom = max(r.bottom for r in row)
            if top <= ln.middle <= bottom and all(ln.x0 >= r.x1 or ln.x1 <= r.x0 for r in row):
                row.append(ln)
                continue
        rows.append([ln])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        text = row[0].text
        wide = False
        for prev, cur in itertools.pairwise(row):
            gap = cur.x0 - prev.x1
            size = max(prev.size, cur.size)
            if gap > WIDE_GAP * size:
                text += " | " + cur.text
                wide = wide or (len(prev.text.split()) >= 3 and len(cur.text.split()) >= 3)
            else:
                text += " " + cur.text
        size = max(row, key=lambda ln: len(ln.text)).size
        out.append(
            _Line(
                row[0].x0,
                row[-1].x1,
                min(r.top for r in row),
                max(r.bottom for r in row),
                text,
                size,
                wide_gap=wide,
            )
        )
    return out


def _mark_shape_bullets(rows: list[_Line], shapes: list[tuple[float, float, float, float]]) -> None:
    for row in rows:
        for _x0, x1, top, bottom in shapes:
            mid = (top + bottom) / 2
            if row.top - 1 <= mid <= row.bottom + 1 and x1 <= row.x0 + 1 and row.x0 - x1 < 20:
                row.bullet_shape = True
                break


def _drop_running_lines(pages: list[list[list[_Line]]]) -> None:
    """Drop page numbers, and headers/footers repeated on several pages (not the first)."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower()).strip()

    edges: Counter[str] = Counter()
    for segments in pages:
        rows = [r for seg in segments for r in seg]
        if rows:
            top = min(rows, key=lambda r: r.top)
            bottom = max(rows, key=lambda r: r.bottom)
            edges.update({key(top.text), key(bottom.text)})
    repeated = {k for k, n in edges.items() if n >= 2 and len(pages) >= 2 and len(k.split()) <= 10}
    for index, segments in enumerate(pages):
        rows = [r for seg in segments for r in seg]
        if not rows:
            continue
        top = min(rows, key=lambda r: r.top)
        bottom = max(rows, key=lambda r: r.bottom)
        drop = set()
        for edge in (top, bottom):
            if _PAGE_NUMBER.match(edge.text) or (index > 0 and key(edge.text) in repeated):
                drop.add(id(edge))
        if drop:
            for seg in segments:
                seg[:] = [r for r in seg if id(r) not in drop]


# -- structure -------------------------------------------------------------------


def _vocabulary(rows: Iterable[_Line]) -> tuple[set[str], set[str]]:
    words: set[str] = set()
    hyphenated: set[str] = set()
    for row in rows:
        for m in _WORD.finditer(row.text):
            w = m.group().lower()
            (hyphenated if "-" in w else words).add(w)
    return words, hyphenated


def join_wrapped(first: str, second: str, words: set[str], hyphenated: set[str]) -> str:
    """Join a wrapped line to the next, repairing a word hyphenated at the break."""
    m = _HYPHEN_END.search(first)
    if m and second[:1].islower():
        head, mark = m.group(1), m.group(2)
        tail = re.match(r"[a-z]+", second)
        whole = head + (tail.group() if tail else "")
        keep = mark != "\u00ad" and (
            (f"{head}-{tail.group() if tail else ''}".lower() in hyphenated)
            or (whole.lower() not in words and head.lower() in COMPOUND_HEADS)
        )
        return first[:-1] + ("-" if keep else "") + second
    if len(first) > 1 and first[-1] in "-/" and not first[-2].isspace() and second[:1].isalnum():
        return first + second  # "2019-" / "2021", "and/" / "or"
    return f"{first} {second}"


class _Builder:
    def __init__(self, body: float, heading_sizes: list[float], words, hyphenated) -> None:
        self.body = body
        self.heading_sizes = heading_sizes
        self.words, self.hyphenated = words, hyphenated
        self.out: list[str] = []
        self.item: dict[str, Any] | None = None  # the open bullet or paragraph

    def level(self, row: _Line) -> int:
        if row.size < self.body * HEADING_RATIO or len(row.text.split()) > HEADING_MAX_WORDS:
            return 0
        size = round(row.size * 2) / 2
        for i, s in enumerate(self.heading_sizes):
            if size >= s:
                return min(i + 1, 3)
        return min(len(self.heading_sizes), 3)

    def close(self) -> None:
        if self.item is not None:
            self.out.append(self.item["prefix"] + self.item["text"])
            self.item = None

    def segment(self, rows: list[_Line]) -> None:
        if not rows:
            return
        left = min(r.x0 for r in rows)
        right = max(r.x1 for r in rows)
        width = right - left
        prev: _Line | None = None
        for row in rows:
            full = row.x1 >= right - max(0.12 * width, 3 * row.size)
            brk = prev is not None and row.top - prev.bottom > 0.6 * max(row.height, prev.height)
            level = self.level(row)
            m = _BULLET.match(row.text)
            if level and not m and not row.bullet_shape:
                if (
                    self.item is not None
                    and self.item["kind"] == "heading"
                    and self.item["level"] == level
                    and not brk
                ):
                    self.item["text"] += " " + row.text  # a heading wrapped over two lines
                else:
                    self.close()
                    self.out.append("")
                    self.item = {"kind": "heading", "level": level, "prefix": "#" * level + " "}
                    self.item["text"] = row.text
                self.item["full"] = False
                prev = row
                continue
            if self.item is not None and self.item["kind"] == "heading":
                self.close()
                self.out.append("")
            if m or row.bullet_shape:
                self.close()
                if brk:
                    self.out.append("")
                text = row.text[m.end() :] if m else row.text
                self.item = {"kind": "bullet", "prefix": "- ", "text": text, "x0": row.x0}
            elif self.item is not None and not brk and self._continues(row):
                self.item["text"] = join_wrapped(
                    self.item["text"], row.text, self.words, self.hyphenated
                )
            else:
                self.close()
                if brk:
                    self.out.append("")
                self.item = {"kind": "para", "prefix": "", "text": row.text, "x0": row.x0}
            self.item["full"] = full or self.item["text"].endswith(("-", "\u00ad"))
            prev = row

    def _continues(self, row: _Line) -> bool:
        item = self.item
        assert item is not None
        if item["kind"] == "bullet":
            # Indented under the bullet's text (a hanging indent), or wrapped
            # back to the margin from a line that ran to the column's edge.
            return item["full"] or row.x0 > item["x0"] + 0.5 * row.size
        # A paragraph line that ran to the edge wrapped, unless it ended a
        # sentence: a list of full-width sentences stays a list.
        return item["full"] and not item["text"].endswith(_SENTENCE_END)

    def new_segment(self) -> None:
        """A new column or page: the open item may go on only if its last line was full."""
        if self.item is not None and not self.item.get("full"):
            self.close()

    def text(self) -> str:
        self.close()
        return "\n".join(self.out)


def layout_text(pages: list[_Page]) -> tuple[str, dict[str, int]]:
    """Reading-order text with Markdown structure, and counts for the report."""
    per_page = []
    for page in pages:
        segments = [_rows(seg) for seg in _segments(page)]
        for seg in segments:
            _mark_shape_bullets(seg, page.shapes)
        per_page.append(segments)
    _drop_running_lines(per_page)
    rows = [r for segments in per_page for seg in segments for r in seg]
    stats = {
        "rows": len(rows),
        "interleaved_rows": sum(1 for r in rows if r.wide_gap),
        "two_column_pages": sum(1 for p in pages if p.columns),
    }
    if not rows:
        return "", stats
    sizes: Counter[float] = Counter()
    for r in rows:
        sizes[round(r.size * 2) / 2] += len(r.text)
    body = sizes.most_common(1)[0][0]
    heading_sizes = sorted(
        {
            round(r.size * 2) / 2
            for r in rows
            if r.size >= body * HEADING_RATIO and len(r.text.split()) <= HEADING_MAX_WORDS
        },
        reverse=True,
    )
    words, hyphenated = _vocabulary(rows)
    builder = _Builder(body, heading_sizes, words, hyphenated)
    for segments in per_page:
        for seg in segments:
            builder.new_segment()
            builder.segment(seg)
    return builder.text(), stats


def read(
    data: bytes,
    source: str,
    *,
    max_bytes: int | None = None,
    max_pages: int = MAX_PAGES,
    max_inflated: int = MAX_INFLATED_BYTES,
) -> Document:
    """Extract the text of a PDF file's bytes in reading order.

    The file's compressed streams may unpack to ``max_inflated`` bytes in
    all (see :mod:`amfit.readers.inflate`).
    """
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with inflate_budget(source, max_inflated):
            pages, total = _pages(data, source, max_pages)
        text, stats = layout_text(pages)
    except InputError:
        raise
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{source}: {ENCRYPTED}") from exc
    except PDFEncryptionError as exc:
        raise InputError(f"{source}: the PDF is encrypted ({one_line(exc)}): {ENCRYPTED}") from exc
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise InputError(
            f"{source}: corrupt or truncated PDF (its binary data cannot be parsed: "
            f"{one_line(exc)}); export it again from the original, or give DOCX or text"
        ) from exc
    if total == 0:
        raise InputError(
            f"{source}: corrupt or truncated PDF (no pages found in its binary data); "
            "export it again from the original, or give DOCX or text"
        )
    warnings = []
    rows = stats["rows"]
    if stats["interleaved_rows"] >= 3 and stats["interleaved_rows"] >= 0.2 * rows:
        warnings.append(
            "text looks interleaved from two columns (many lines join text from both sides "
            "of a wide gap): check the result, or give the resume as DOCX or text"
        )
    blank = [p.number for p in pages if not p.lines and p.images]
    if blank and len(blank) < len(pages):
        listed = ", ".join(map(str, blank[:5])) + (", ..." if len(blank) > 5 else "")
        warnings.append(f"page {listed} holds only images (scanned?): that text cannot be read")
    if total > max_pages:
        warnings.append(f"only the first {max_pages} of {total} pages were read")
    if b"%%EOF" not in data[-2048:]:
        warnings.append("the PDF looks truncated (no end-of-file marker): some text may be missing")
    images = sum(p.images for p in pages)
    if images:
        empty = (
            f"no text layer in the PDF ({total} page(s) of images: it looks scanned); amfit "
            "cannot read images: export a text PDF or DOCX from the original, or run OCR first"
        )
    else:
        empty = (
            f"the PDF holds no usable text ({total} page(s)); export a text PDF or DOCX "
            "from the original"
        )
    return finish(
        text,
        source=source,
        fmt="pdf",
        empty_message=empty,
        warnings=warnings,
        max_bytes=max_bytes,
        pages=total,
        details=stats,
    )
