"""Word ``.docx`` files, opened with python-docx after a zip-bomb guard.

Read in document order: paragraphs (one line each; a soft line break
starts a new line), list paragraphs as ``- `` bullets, headings (styles
``Title`` and ``Heading N``, or an outline level) as ``#``-headings, tables
row by row and cell by cell (nested tables too, merged cells once), content
controls, and text boxes where they are anchored. The first section's page
header comes first (many templates put the name and contact line there);
footers, comments and deleted tracked changes are left out. A tab inside a
line (a title, then a right-aligned date) becomes `` | ``.

Before python-docx parses anything the archive is checked: it must be a
zip holding ``word/``, have at most :data:`MAX_ZIP_MEMBERS` members, and
really unpack (streamed, so a member that lies about its size is caught)
to at most :data:`MAX_UNZIPPED_BYTES`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .base import Document, finish, one_line

#: Largest total uncompressed size of a DOCX archive (a zip bomb guard).
MAX_UNZIPPED_BYTES = 50_000_000
#: Most members a DOCX archive may hold (a real one has a few dozen).
MAX_ZIP_MEMBERS = 1_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDTCONTENT = map(_q, ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
W_T, W_TAB, W_PTAB, W_BR, W_CR = map(_q, ("t", "tab", "ptab", "br", "cr"))
W_NOBREAKHYPHEN, W_SOFTHYPHEN, W_TXBX = map(_q, ("noBreakHyphen", "softHyphen", "txbxContent"))
W_PPR, W_PSTYLE, W_NUMPR, W_NUMID, W_OUTLINE, W_VAL = map(
    _q, ("pPr", "pStyle", "numPr", "numId", "outlineLvl", "val")
)
MC_FALLBACK = f"{{{_MC}}}Fallback"
#: Containers whose children are read as if they stood in the parent.
_TRANSPARENT = frozenset(map(_q, ("customXml", "ins", "moveTo", "smartTag")))
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$")
_TABS = re.compile(r"\s*\t[\t ]*")

DAMAGED = "open it in Word and save it again, or export it as PDF or text"


# -- the archive ----------------------------------------------------------------


def check_archive(
    data: bytes,
    source: str,
    *,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
    max_members: int = MAX_ZIP_MEMBERS,
) -> None:
    """Refuse what is not a sane DOCX zip before any XML is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:
        raise InputError(
            f"{source}: not a valid DOCX: not a zip archive (a .docx is one); {DAMAGED}"
        ) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > max_members:
            raise InputError(
                f"{source}: the DOCX holds {len(infos):,} files, over the limit of "
                f"{max_members:,} (a zip bomb?); {DAMAGED}"
            )
        names = {info.filename for info in infos}
        if not any(name.startswith("word/") for name in names):
            raise InputError(
                f"{source}: a zip archive but not a Word document (no word/ part); "
                "give the resume as DOCX, PDF or text"
            )
        if any(info.flag_bits & 0x1 for info in infos):
            raise InputError(f"{source}: the DOCX is encrypted; save a copy without a password")
        declared = sum(info.file_size for info in infos)
        if declared > max_unzipped:
            raise InputError(_bomb(source, declared, max_unzipped))
        total = 0
        try:
            for info in infos:
                with archive.open(info) as member:
                    while chunk := member.read(1 << 16):
                        total += len(chunk)
                        if total > max_unzipped:
                            raise InputError(_bomb(source, total, max_unzipped))
        except InputError:
            raise
        except Exception as exc:
            raise InputError(
                f"{source}: the DOCX archive is damaged ({one_line(exc)}); {DAMAGED}"
            ) from exc
        _check_parts(archive, names, source)


_OFFICE_DOCUMENT = re.compile(
    r"<Relationship\b[^>]*?Type=\"[^\"]*/officeDocument\"[^>]*>", re.IGNORECASE | re.DOTALL
)
_TARGET = re.compile(r"\bTarget=\"([^\"]+)\"")


def _check_parts(archive: zipfile.ZipFile, names: set[str], source: str) -> None:
    """The parts python-docx needs: content types, the package relationships
    and the main document they point to (``word/document.xml`` as Word names
    it), each missing one named in an amfit message."""
    parts = {"[Content_Types].xml": "its list of content types", "_rels/.rels": "its links"}
    for part, what in parts.items():
        if part not in names:
            raise InputError(
                f"{source}: not a valid DOCX: the archive has no {part} ({what}); {DAMAGED}"
            )
    rels = archive.read("_rels/.rels").decode("utf-8", errors="replace")
    rel = _OFFICE_DOCUMENT.search(rels)
    target = _TARGET.search(rel.group(0)) if rel else None
    main = target.group(1).lstrip("/") if target else "word/document.xml"
    if main not in names:
        raise InputError(
            f"{source}: not a valid DOCX: the archive has no {main} (the document's text); "
            f"{DAMAGED}"
        )


def _bomb(source: str, size: int, limit: int) -> str:
    return (
        f"{source}: the DOCX unpacks to over {min(size, limit + 1):,} bytes, over the "
        f"{limit:,}-byte limit (a zip bomb?); {DAMAGED}"
    )


# -- styles ---------------------------------------------------------------------


class _Styles:
    """Paragraph styles by id: heading level and list-ness, following ``basedOn``."""

    def __init__(self, styles_element: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        if styles_element is None:
            return
        for style in styles_element.iterchildren(_q("style")):
            sid = style.get(_q("styleId"))
            if sid is None:
                continue
            self.by_id[sid] = style
            if style.get(_q("type")) == "paragraph" and style.get(_q("default")) in ("1", "true"):
                self.default = sid

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        sid = style_id if style_id in self.by_id else self.default
        while sid is not None and sid not in seen and sid in self.by_id and len(seen) < 20:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            based = style.find(_q("basedOn"))
            sid = based.get(W_VAL) if based is not None else None

    @staticmethod
    def name(style: Any) -> str:
        el = style.find(_q("name"))
        return (el.get(W_VAL) or "").strip().lower() if el is not None else ""


def _outline_level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    el = ppr.find(W_OUTLINE)
    if el is None:
        return None
    try:
        level = int(el.get(W_VAL) or "9")
    except ValueError:
        return None
    return level + 1 if 0 <= level < 6 else None


def _numbered(ppr: Any) -> bool | None:
    """True/False when ``ppr`` says whether the paragraph is in a list, else None."""
    if ppr is None:
        return None
    num = ppr.find(W_NUMPR)
    if num is None:
        return None
    num_id = num.find(W_NUMID)
    return num_id is None or (num_id.get(W_VAL) or "0") != "0"


# -- the body -------------------------------------------------------------------


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.lines: list[str] = []
        self.counts = {
            "paragraphs": 0,
            "headings": 0,
            "list_items": 0,
            "tables": 0,
            "text_boxes": 0,
        }
        self.depth = 0

    def blocks(self, container: Any) -> None:
        """Read the paragraphs and tables of a body, cell, header or text box."""
        self.depth += 1
        try:
            if self.depth > 50:
                return
            for child in container.iterchildren():
                tag = child.tag
                if tag == W_P:
                    self.paragraph(child)
                elif tag == W_TBL:
                    self.table(child)
                elif tag == W_SDT:
                    content = child.find(W_SDTCONTENT)
                    if content is not None:
                        self.blocks(content)
                elif tag in _TRANSPARENT:
                    self.blocks(child)
        finally:
            self.depth -= 1

    def kind(self, p: Any) -> tuple[str, int]:
        """("heading", level) | ("list", 0) | ("body", 0) for a paragraph."""
        ppr = p.find(W_PPR)
        style_el = ppr.find(W_PSTYLE) if ppr is not None else None
        style_id = style_el.get(W_VAL) if style_el is not None else None
        level = _outline_level(ppr)
        listed = _numbered(ppr)
        for style in self.styles.chain(style_id):
            name = _Styles.name(style)
            m = _HEADING_STYLE.match(name)
            if level is None and m:
                level = int(m.group(1))
            elif level is None and name == "title":
                level = 1
            if level is None:
                level = _outline_level(style.find(W_PPR))
            if listed is None:
                listed = _numbered(style.find(W_PPR))
            if listed is None and name.startswith(("list paragraph", "list bullet", "list number")):
                listed = True
        if level is not None:
            return "heading", min(level, 6)
        return ("list", 0) if listed else ("body", 0)

    def paragraph(self, p: Any) -> None:
        text, boxes = _paragraph_text(p)
        kind, level = self.kind(p)
        parts = [_TABS.sub(" | ", part).strip(" |") for part in text.split("\n")]
        parts = [part for part in parts if part.strip()]
        if parts:
            self.counts["paragraphs"] += 1
            if kind == "heading":
                self.counts["headings"] += 1
                self.lines += ["", "#" * level + " " + " ".join(parts), ""]
            elif kind == "list":
                self.counts["list_items"] += 1
                self.lines.append("- " + " ".join(parts))
            else:
                if self.lines and self.lines[-1].startswith("- "):
                    self.lines.append("")
                self.lines += [*parts, ""]
        elif not boxes:
            self.lines.append("")  # an empty paragraph: spacing, a paragraph break
        for box in boxes:
            self.counts["text_boxes"] += 1
            self.lines.append("")
            self.blocks(box)
            self.lines.append("")

    def table(self, tbl: Any) -> None:
        self.counts["tables"] += 1
        self.lines.append("")
        for row in _children(tbl, W_TR):
            for cell in _children(row, W_TC):
                # A vertically merged continuation cell is empty: nothing to read twice.
                self.blocks(cell)
                self.lines.append("")
            self.lines.append("")


def _children(el: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and the like."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _paragraph_text(p: Any) -> tuple[str, list[Any]]:
    """The text of a paragraph (runs, hyperlinks, fields, inline controls) and
    the text boxes anchored in it, which are read separately."""
    out: list[str] = []
    boxes: list[Any] = []

    def walk(el: Any) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == W_T:
                out.append(child.text or "")
            elif tag in (W_TAB, W_PTAB):
                out.append("\t")
            elif tag in (W_BR, W_CR):
                out.append("\n")
            elif tag == W_NOBREAKHYPHEN:
                out.append("-")
            elif tag == W_SOFTHYPHEN:
                continue
            elif tag == W_TXBX:
                boxes.append(child)
            elif tag == MC_FALLBACK:
                continue  # the same content again, for old readers
            elif tag in (W_P, W_TBL):
                continue  # only inside text boxes, handled above
            elif isinstance(tag, str):
                walk(child)

    walk(p)
    return "".join(out), boxes


def _header_element(document: Any) -> Any:
    """The page header of the first section, or None (never creates one)."""
    try:
        section = document.sections[0]
    except IndexError:
        return None
    header = (
        section.first_page_header if section.different_first_page_header_footer else section.header
    )
    if header.is_linked_to_previous:
        return None
    return header._element


def read(
    data: bytes,
    source: str,
    *,
    max_bytes: int | None = None,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
    max_members: int = MAX_ZIP_MEMBERS,
) -> Document:
    """Extract the text of a DOCX file's bytes."""
    check_archive(data, source, max_unzipped=max_unzipped, max_members=max_members)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        styles = _Styles(document.styles.element)
        reader = _Reader(styles)
        header = _header_element(document)
        if header is not None:
            reader.blocks(header)
            reader.lines.append("")
        reader.blocks(document.element.body)
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise InputError(f"{source}: cannot read this DOCX ({one_line(exc)}); {DAMAGED}") from exc
    warnings = []
    if reader.counts["text_boxes"]:
        warnings.append(
            "the document uses text boxes: their text is read where each box is anchored, "
            "which may not be the order you see"
        )
    return finish(
        "\n".join(reader.lines),
        source=source,
        fmt="docx",
        empty_message=(
            "the DOCX holds no text (an empty document, or only images): "
            "give a document with the resume's text, or a text PDF"
        ),
        warnings=warnings,
        max_bytes=max_bytes,
        details=dict(reader.counts),
    )
