"""JSON Resume (the open ``resume.json`` schema, https://jsonresume.org/schema).

Rendered as the Markdown resume the parser reads best::

    # basics.name
    basics.label
    email | phone | url | city, region

    ## Summary
    basics.summary

    ## Experience
    ### work[].position, work[].name
    Mar 2021 - Present | location
    work[].summary
    - work[].highlights[]

then volunteer, projects, education, awards, certificates, publications,
skills (``name: keywords``) and languages. Fields of the wrong type are
skipped, never an error: only text that is not JSON, or JSON that is not a
resume, is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..errors import InputError
from ..textio import decode_bytes
from .base import Document, finish, one_line

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-\d{1,2})?(?:T.*)?$")
#: Keys whose presence makes a JSON object a JSON Resume.
RESUME_KEYS = ("basics", "work")


def _s(value: Any) -> str:
    """A scalar as one line of text; anything else as ''."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.split())
    return ""


def _para(value: Any) -> list[str]:
    """A free-text field as its non-blank lines (summaries may hold newlines)."""
    if not isinstance(value, str):
        return [_s(value)] if _s(value) else []
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> Iterable[dict[str, Any]]:
    return (item for item in _list(value) if isinstance(item, dict))


def _date(value: Any) -> str:
    text = _s(value)
    m = _ISO_DATE.match(text)
    if not m:
        return text
    year, month = m.group(1), m.group(2)
    if month and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


def _span(item: dict[str, Any]) -> str:
    start, end = _date(item.get("startDate")), _date(item.get("endDate"))
    if start and not end:
        end = "Present"
    return " – ".join(p for p in (start, end) if p)


def _join(parts: Iterable[str], sep: str = " | ") -> str:
    return sep.join(p for p in parts if p)


def _bullets(values: Any) -> list[str]:
    return [f"- {text}" for text in (_s(v) for v in _list(values)) if text]


def render(data: dict[str, Any]) -> str:
    """A JSON Resume object as resume text with Markdown structure."""
    out: list[str] = []

    def section(title: str, body: list[str]) -> None:
        if any(line.strip() for line in body):
            out.extend(["", f"## {title}", *body])

    basics = _dict(data.get("basics"))
    name = _s(basics.get("name"))
    if name:
        out.append(f"# {name}")
    label = _s(basics.get("label"))
    if label:
        out.append(label)
    location = _dict(basics.get("location"))
    place = _join((_s(location.get("city")), _s(location.get("region"))), ", ")
    profiles = [_s(p.get("url")) or _s(p.get("username")) for p in _items(basics.get("profiles"))]
    contact = _join(
        (_s(basics.get("email")), _s(basics.get("phone")), _s(basics.get("url")), place, *profiles)
    )
    if contact:
        out.append(contact)
    section("Summary", _para(basics.get("summary")))

    def jobs(items: Any, org_keys: tuple[str, ...], role_keys: tuple[str, ...]) -> list[str]:
        body: list[str] = []
        for item in _items(items):
            role = next((_s(item.get(k)) for k in role_keys if _s(item.get(k))), "")
            org = next((_s(item.get(k)) for k in org_keys if _s(item.get(k))), "")
            head = _join((role, org), ", ")
            when = _join((_span(item), _s(item.get("location"))))
            lines = [
                *_para(item.get("summary") or item.get("description")),
                *_bullets(item.get("highlights")),
            ]
            if not (head or when or lines):
                continue
            body.append("")
            if head:
                body.append(f"### {head}")
            if when:
                body.append(when)
            body.extend(lines)
        return body

    section("Experience", jobs(data.get("work"), ("name", "company"), ("position",)))
    section("Volunteer Experience", jobs(data.get("volunteer"), ("organization",), ("position",)))
    section("Projects", jobs(data.get("projects"), ("entity",), ("name",)))

    education = []
    for item in _items(data.get("education")):
        degree = _join((_s(item.get("studyType")), _s(item.get("area"))), ", ")
        end = _date(item.get("endDate"))
        line = _join((degree, _s(item.get("institution")), end), ", ")
        if _s(item.get("score")):
            line = _join((line, f"GPA {_s(item.get('score'))}"), ", ")
        if line:
            education.append(line)
    section("Education", education)

    section(
        "Awards",
        [
            _join((_s(a.get("title")), _s(a.get("awarder")), _date(a.get("date"))), ", ")
            for a in _items(data.get("awards"))
        ],
    )
    section(
        "Certifications",
        [
            _join((_s(c.get("name")), _s(c.get("issuer")), _date(c.get("date"))), ", ")
            for c in _items(data.get("certificates"))
        ],
    )
    section(
        "Publications",
        [
            _join((_s(p.get("name")), _s(p.get("publisher")), _date(p.get("releaseDate"))), ", ")
            for p in _items(data.get("publications"))
        ],
    )
    skills = []
    for item in _items(data.get("skills")):
        skill = _s(item.get("name"))
        words = ", ".join(w for w in (_s(k) for k in _list(item.get("keywords"))) if w)
        skills.append(f"{skill}: {words}" if skill and words else skill or words)
    section("Skills", skills)
    section(
        "Languages",
        [
            _join((_s(lang.get("language")), _s(lang.get("fluency"))), " - ")
            for lang in _items(data.get("languages"))
        ],
    )
    return "\n".join(out)


def parse(text: str, source: str) -> dict[str, Any]:
    """The JSON Resume object in ``text``, or a one-line InputError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
            "fix the file (a JSON validator shows where) or give the resume as text, PDF or DOCX"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{source}: invalid JSON Resume: nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer too long to convert
        raise InputError(f"{source}: invalid JSON: {one_line(exc)}") from exc
    if not isinstance(data, dict) or not any(k in data for k in RESUME_KEYS):
        raise InputError(
            f"{source}: JSON but not a JSON Resume (expected an object with "
            '"basics" or "work"); give the resume as JSON Resume, text, PDF or DOCX'
        )
    return data


def read(data: bytes, source: str, *, max_bytes: int | None = None) -> Document:
    return read_decoded(decode_bytes(data, source), source, max_bytes=max_bytes)


def read_decoded(text: str, source: str, *, max_bytes: int | None = None) -> Document:
    resume = parse(text, source)
    try:
        rendered = render(resume)
    except RecursionError as exc:  # pragma: no cover - render does not recurse
        raise InputError(f"{source}: invalid JSON Resume: nested too deeply") from exc
    return finish(
        rendered,
        source=source,
        fmt="json-resume",
        empty_message=(
            "the JSON Resume holds no text to score (basics, work, skills are empty): "
            "fill them in, or give the resume as text, PDF or DOCX"
        ),
        max_bytes=max_bytes,
        details={"work": sum(1 for _ in _items(resume.get("work")))},
    )
