"""What a posting asks for (``amfit keywords``): each keyword, its tier and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._version import __version__
from .serial import SCHEMA_VERSION, plain

if TYPE_CHECKING:  # pragma: no cover
    from ..posting import Posting


@dataclass(frozen=True, slots=True)
class Ask:
    """One place where the posting asks for a keyword."""

    signal: str  # must | nice | none (no tier signal: the taxonomy default decides)
    section: str  # posting section kind
    heading: str
    line: int
    text: str  # the posting's words
    how: str  # how the posting's words matched (exact, alias, lemma, fuzzy, shape, tfidf)
    #: what they matched: the taxonomy form (label, alias or acronym), the
    #: shape as written in the taxonomy ("grow ~ installed base"), or the
    #: lemma key of a TF-IDF term
    form: str = ""


@dataclass(frozen=True, slots=True)
class AskedKeyword:
    """A keyword the posting asks for, with its tier and why."""

    id: str
    label: str
    source: str  # taxonomy | tfidf
    category: str
    tier: str  # must | nice | term
    tier_reason: str
    asks: tuple[Ask, ...]
    forms: tuple[str, ...]  # the posting's own wordings (for the ATS-literal view)
    where: str  # bullet | skills | summary
    keys: tuple[str, ...] = ()  # lemma keys of a TF-IDF term
    tfidf_weight: float | None = None


@dataclass(frozen=True, slots=True)
class PostingAnalysis:
    source: str
    posting: Posting
    title_family: str
    keywords: tuple[AskedKeyword, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "amfit_version": __version__,
            "posting": {
                "source": self.source,
                "title": self.posting.title,
                "title_line": self.posting.title_line or None,
                "title_family": self.title_family,
                "sections": [
                    {"kind": s.kind, "heading": s.heading, "line": s.line}
                    for s in self.posting.sections
                ],
            },
            "keywords": [
                plain(
                    {
                        "id": k.id,
                        "label": k.label,
                        "source": k.source,
                        "category": k.category,
                        "tier": k.tier,
                        "tier_reason": k.tier_reason,
                        "tfidf_weight": k.tfidf_weight,
                        "asks": k.asks,
                    }
                )
                for k in self.keywords
            ],
        }
