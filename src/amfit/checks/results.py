"""Measurable results and length (CHK2xx).

CHK201 counts the bullets that carry a figure (money, percent, count,
NPS/CSAT score, as :func:`amfit.facts.extract_facts` reads them: years and
dates are not figures) against the bar of ``data/checks.toml``. CHK202
compares the word count with the band for the seniority the role dates
show (entry, mid, senior).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..facts import extract_facts
from ..resume import Resume
from .base import CheckResult, result, settings

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.+/-]*")


def word_count(resume: Resume) -> int:
    """Words of the resume's text, without Markdown marks."""
    return len(_WORD.findall(re.sub(r"[#*_`>|]+", " ", resume.text)))


def measurable(resume: Resume) -> CheckResult:
    """CHK201: how many bullets carry a figure, against the bar."""
    bar = int(settings()["results"]["figure_bar"])
    bullets = [b for b in resume.bullets if b.section in ("experience", "other", "summary")]
    with_figure = [b for b in bullets if _has_figure(b.text, b.role, resume.text)]
    n, total = len(with_figure), len(bullets)
    data = {"with_figure": n, "bullets": total, "bar": bar}
    if n >= bar:
        return result(
            "CHK201", "pass", f"{n} of {total} bullets carry a figure (bar: {bar})", **data
        )
    return result(
        "CHK201",
        "fail",
        f"{n} of {total} bullets carry a figure; the usual bar is {bar}",
        hint="add the book ($ ARR, account count), retention and expansion figures you owned",
        **data,
    )


@lru_cache(maxsize=1024)
def _has_figure(text: str, role: str, resume_text: str) -> bool:
    """Does a bullet carry a figure? Cached: amfit batch checks one resume
    against every posting, and reading a bullet's facts again for each was
    a third of its time."""
    return extract_facts(text, role=role, resume_text=resume_text).has_figure


def seniority(years: tuple[float, float] | None) -> str | None:
    """entry / mid / senior from the (at least, at most) years, or None."""
    if years is None:
        return None
    cuts = settings()["results"]["seniority_years"]
    low = years[0]
    if low >= cuts["senior"]:
        return "senior"
    if low >= cuts["mid"]:
        return "mid"
    return "entry"


def length(resume: Resume, years: tuple[float, float] | None) -> CheckResult:
    """CHK202: the word count against the band for the seniority."""
    words = word_count(resume)
    level = seniority(years)
    bands = settings()["results"]["word_bands"]
    basis = f"{level} level, from the role dates" if level else "mid level assumed (no dated roles)"
    lo, hi = bands[level or "mid"]
    data = {"words": words, "band": [lo, hi], "level": level or "mid"}
    if lo <= words <= hi:
        return result(
            "CHK202", "pass", f"{words} words, inside the {lo}-{hi} band ({basis})", **data
        )
    if words < lo:
        return result(
            "CHK202",
            "fail",
            f"{words} words, under the {lo}-{hi} band ({basis}): too little for a reader to judge",
            hint="add results to each role (book, retention, expansion) rather than more duties",
            **data,
        )
    return result(
        "CHK202",
        "fail",
        f"{words} words, over the {lo}-{hi} band ({basis}): readers skim past the rest",
        severity="info",
        hint="cut duties and roles over ten years old; keep the bullets with figures",
        **data,
    )
