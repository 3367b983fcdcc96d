"""amfit: offline ATS keyword matching and bullet linting for account managers.

Library API (never prints, never exits)::

    import amfit
    report = amfit.score(resume_text, posting_text)
    report.score, report.keywords, report.to_dict()

    # one resume against many postings (texts, or amfit.iter_postings(paths))
    records = amfit.rank(amfit.score_many(resume_text, [text_a, text_b], jobs=2))

Heavy modules (spaCy) load on first use, so importing amfit
and running ``amfit --help`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .resources import seed_regex_cache

# Before any amfit module compiles its patterns (see amfit.resources).
seed_regex_cache()

from ._version import __version__  # noqa: E402
from .errors import AmfitError, InputError, TaxonomyError  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from .batch import iter_postings, rank, score_many
    from .fit.scorer import Scorer, analyze_posting, score, score_files
    from .model import PostingAnalysis, Report

__all__ = [
    "AmfitError",
    "InputError",
    "PostingAnalysis",
    "Report",
    "Scorer",
    "TaxonomyError",
    "__version__",
    "analyze_posting",
    "iter_postings",
    "rank",
    "score",
    "score_files",
    "score_many",
]

_LAZY = {
    "score": "fit.scorer",
    "score_files": "fit.scorer",
    "analyze_posting": "fit.scorer",
    "Scorer": "fit.scorer",
    "PostingAnalysis": "model",
    "Report": "model",
    "score_many": "batch",
    "iter_postings": "batch",
    "rank": "batch",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'amfit' has no attribute {name!r}")
