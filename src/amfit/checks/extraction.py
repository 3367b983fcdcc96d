"""File extraction advice (CHK5xx), from the extraction report the readers
make (``amfit.readers``): the file-type advice ATS guides give.

Source: ATS guides (Jobscan, "ATS resume formatting"; Indeed Career Guide,
"ATS-friendly resume"): one column, no text boxes or tables for layout,
text not images, and a DOCX or a text-based PDF exported from the word
processor.
"""

from __future__ import annotations

from typing import Any

from .base import CheckResult, result

#: (code, words of the reader's warning that identify it, advice).
ADVICE = (
    (
        "CHK501",
        ("interleaved",),
        "use a one-column layout: an ATS reads a two-column PDF across both columns",
    ),
    (
        "CHK502",
        ("text boxes",),
        "move the text out of text boxes into the body: many ATS parsers skip them",
    ),
    (
        "CHK503",
        ("garbled",),
        "export again from the word processor (DOCX or PDF with embedded fonts)",
    ),
    (
        "CHK504",
        ("holds only images",),
        "a scanned page is a picture to an ATS: upload the original DOCX or a text PDF",
    ),
    (
        "CHK505",
        ("truncated", "pages were read"),
        "upload the complete file; keep a resume to two pages",
    ),
)


def extraction(report: dict[str, Any] | None) -> list[CheckResult]:
    """One result per doubtful-extraction warning of the resume's reader."""
    if not report:
        return []
    out = []
    fmt = report.get("format", "")
    for warning in report.get("warnings", ()):
        for code, words, hint in ADVICE:
            if any(w in warning for w in words):
                out.append(
                    result(
                        code,
                        "fail",
                        f"{fmt or 'the file'}: {warning}",
                        severity="error" if code in ("CHK503", "CHK504") else "warning",
                        hint=hint,
                        format=fmt,
                    )
                )
                break
    return out
