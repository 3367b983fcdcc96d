"""The one result model behind every output format.

Every command's result is a frozen dataclass here, and every renderer
(text, JSON, Markdown, CSV) reads these and nothing else:

* :mod:`.report` - the fit report (``amfit score``): :class:`Report`
* :mod:`.posting` - what a posting asks for (``amfit keywords``):
  :class:`PostingAnalysis`
* :mod:`.lint` - bullet findings (``amfit bullets``): :class:`LintReport`
* :mod:`.letter` - the cover-letter report (``amfit letter``): :class:`LetterReport`
* :mod:`.batch` - one record per posting (``amfit batch``): :class:`BatchRecord`
* :mod:`.serial` - :data:`SCHEMA_VERSION` and :func:`plain`, the one JSON serialiser

Each JSON form has a schema under ``docs/`` (see docs/report-json.md).
The model imports nothing from the rest of amfit but its version and the
parsed :class:`~amfit.posting.Posting` a posting analysis carries (see
docs/architecture.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lint import BulletReport, Finding, LintReport, Severity
from .posting import Ask, AskedKeyword, PostingAnalysis
from .report import (
    AtsLiteral,
    Component,
    DocumentInfo,
    Evidence,
    HoldLift,
    KeywordResult,
    Placement,
    Report,
    RoleFit,
    TitleFit,
)
from .serial import SCHEMA_VERSION, plain

if TYPE_CHECKING:  # pragma: no cover
    from .batch import TOP_MISSING, BatchRecord, Edit, Missing
    from .letter import LetterReport

__all__ = [
    "SCHEMA_VERSION",
    "TOP_MISSING",
    "Ask",
    "AskedKeyword",
    "AtsLiteral",
    "BatchRecord",
    "BulletReport",
    "Component",
    "DocumentInfo",
    "Edit",
    "Evidence",
    "Finding",
    "HoldLift",
    "KeywordResult",
    "LetterReport",
    "LintReport",
    "Missing",
    "Placement",
    "PostingAnalysis",
    "Report",
    "RoleFit",
    "Severity",
    "TitleFit",
    "plain",
]


def __getattr__(name: str) -> Any:
    """The batch and letter results, imported on first use: a score,
    keywords or bullets run never loads their modules (their dataclasses
    are ~14M instructions of a cold `amfit score`)."""
    if name == "LetterReport":
        from .letter import LetterReport

        return LetterReport
    if name in ("TOP_MISSING", "BatchRecord", "Edit", "Missing"):
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
