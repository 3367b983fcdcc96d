"""Facts stated in one resume bullet: figures, periods, segment and number tokens.

The bullet rules judge *what a bullet claims*, not which words it uses. An
account-manager bullet is strong when it names the book (dollars and account
count, with the segment), a retention figure with its type (gross or net,
logo or dollar), an expansion figure and a time frame; it is weak when a
number is missing, untyped or implausible for the segment (DOMAIN.md §3-4).
This module reads those facts out of one bullet with plain regular
expressions (no parser, no model: it runs on every bullet of every resume):

* :class:`Figure` -- a money amount (``$6.2M``, ``€2M``, ``$400K-$1.2M``), a
  percentage (``97%``, ``20-30%``, ``12 percent``) or a count with its noun
  (``45 accounts``, ``a dozen accounts``, ``four to six stakeholders``),
  with its value and what it measures (book, retention, expansion, NPS,
  CSAT, quota or other) and, for retention, the type the bullet gives.
  A bare NPS or CSAT score (``NPS from 21 to 44``, ``CSAT 4.8/5``) is a
  fourth kind, ``"score"``, since it is a figure without a unit.
* :class:`Period` -- a time frame (``per quarter``, ``YoY``, ``FY24``,
  ``over 3 years``, ``Q3 2024``). Years, fiscal years, quarters and
  "3 years" / "12-month" are periods, never counts.
* the segment (SMB, mid-market, enterprise, strategic) from the bullet, else
  from the role title, else from the resume as a whole.
* every number token (:func:`numbers_in`), for the check that a rewrite
  never contains a number the original did not.

What a figure measures is read from *cues* (words such as "NRR", "book",
"upsell", "quota") in the same clause: the nearest cue wins, a cue after the
number ("97% gross revenue retention") beats one at the same distance before
it ("NRR of 112%"), and the book cues (ARR, ACV, book, portfolio, "managed")
yield to the specific ones. A bullet is cut into clauses at ";", ", ",
sentence ends and dashes, before a verb after "and"/"by"/"while", and at
"and" when figures stand on both sides ("97% GRR and 112% NRR"); a list of
figures ("118%, 124% and 131% of quota") stays one clause. A count is
measured by its noun first: accounts, clients or customers are a book size
unless a verb such as "retained" or "upsold" governs them.

Known limits, all by design of a fast pattern reader: a number before its
noun ("grew seats from 400 to 1,100") is not a count; four-digit numbers
from 1950 to 2099 are always years; multipliers ("3x") and spelled-out
numbers above ninety are not figures; a bullet that packs several claims
into one clause can give a figure its neighbour's measure.

The package reads a bullet in sections, each module importing only the
ones before it: :mod:`.records` (the result types), :mod:`.words` (the word
sets, read from ``keywords/facts.toml``), :mod:`.numbers` (number tokens),
:mod:`.segments`, :mod:`.periods`,
:mod:`.atoms` (numbers with currency, multiplier and percent sign),
:mod:`.nouns` (count nouns), :mod:`.figures` (atoms joined into raw
figures), :mod:`.cues` (cue words and clause spans), :mod:`.measure` (what
each figure measures) and :mod:`.extract` (the entry point). The names
below are the public API; the modules' other names are the package's own.
"""

from __future__ import annotations

from .extract import extract_facts
from .numbers import numbers_in
from .records import (
    KINDS,
    MEASURES,
    PERIOD_KINDS,
    RETENTION_TYPES,
    SEGMENTS,
    BulletFacts,
    Figure,
    Period,
)
from .segments import segment_of

__all__ = [
    "KINDS",
    "MEASURES",
    "PERIOD_KINDS",
    "RETENTION_TYPES",
    "SEGMENTS",
    "BulletFacts",
    "Figure",
    "Period",
    "extract_facts",
    "numbers_in",
    "segment_of",
]
