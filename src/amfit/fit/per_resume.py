"""What a score reads of the resume alone, kept for a batch's postings.

:class:`PerResume` holds, for one prepared resume, the values
:meth:`amfit.fit.scorer.Scorer.score` works out from the resume alone, or
from the resume and the posting's title only, so that a batch (one resume,
posting after posting) works each out once.
"""

from __future__ import annotations

from ..titles import TitleMatch, compare_titles
from .evidence import PreparedResume
from .role import ResumeRole, family_title, pick_role


class PerResume:
    """The parts of a score that depend on the resume alone (its lean) or
    on the resume and the posting's title only (the role compared, and how
    the titles compare), worked out once per resume and title: a batch
    scores one resume against posting after posting, and many postings
    share a title. Each value is what the plain call returns (the calls
    read nothing else: the resume model and the title families are frozen)."""

    #: Posting titles kept at once; the table starts again past this.
    TITLES = 4096

    def __init__(self, prepared: PreparedResume, lean: float | None) -> None:
        self.prepared = prepared
        self.lean = lean
        self._titles: dict[tuple[str, str], tuple[ResumeRole, TitleMatch]] = {}

    def title_pick(self, posting_title: str, as_title: str) -> tuple[ResumeRole, TitleMatch]:
        """The resume's role compared with ``posting_title``, and the match."""
        key = (posting_title, as_title)
        got = self._titles.get(key)
        if got is None:
            chosen = pick_role(self.prepared.resume, posting_title, as_title)
            match = compare_titles(family_title(chosen.title), family_title(posting_title))
            if len(self._titles) >= self.TITLES:
                self._titles.clear()
            got = self._titles[key] = (chosen, match)
        return got
