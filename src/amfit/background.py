"""``data/background.tsv``: how many of the background job ads each lemma
key (word or word pair) occurs in, and ``data/term_items.tsv``: how many
employers' ads name it as an item (a skill slot, a list, a line of its
own) and how many use it at all; each read once per process."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import TaxonomyError
from .resources import data_path


@dataclass(frozen=True, slots=True)
class Background:
    documents: int
    df: dict[str, int]

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(t for t in self.df if " " not in t)

    def idf(self, term: str) -> float:
        """sklearn's smoothed idf: ln((1 + n) / (1 + df)) + 1."""
        return math.log((1 + self.documents) / (1 + self.df.get(term, 0))) + 1.0


#: Rows as scripts/build_background.py writes them after the header: a term
#: (no tab, not a comment), a tab, digits, a newline.
_PLAIN_ROWS = re.compile(r"(?:[^\t\n#][^\t\n]*\t\d+\n)*")


def load_background() -> Background:
    """The document frequencies of ``data/background.tsv``."""
    return load_counts("background.tsv")


@dataclass(frozen=True, slots=True)
class TermItems:
    """Per lemma key, the employers whose ads name it as an item (``named``)
    and those whose ads use it at all (``used``): one employer's ads count
    once, so boilerplate repeated across its ads is one voice."""

    employers: int
    named: dict[str, int]
    used: dict[str, int]


#: A row of term_items.tsv: a term, a tab, a count, a tab, a count.
_ITEM_ROW = re.compile(r"([^\t\n#][^\t\n]*)\t(\d+)\t(\d+)")
#: The rows after the header when they all have that shape.
_ITEM_ROWS = re.compile(r"(?:[^\t\n#][^\t\n]*\t\d+\t\d+\n)*")


@cache
def load_term_items() -> TermItems:
    """``data/term_items.tsv`` (scripts/build_term_items.py)."""
    path = data_path("term_items.tsv")
    text = path.read_text(encoding="utf-8")
    head, sep, rows = text.partition("\n# term\tnamed by\tused by\n")
    if sep and _ITEM_ROWS.fullmatch(rows):
        # Cut by str.split and counted by int() in C: a quarter of the time
        # of the row by row reading below, which gives the same tables.
        cells = rows.replace("\n", "\t").split("\t")[:-1]
        named = dict(zip(cells[0::3], map(int, cells[1::3]), strict=True))
        used = dict(zip(cells[0::3], map(int, cells[2::3]), strict=True))
        return TermItems(_employers(head, path), named, used)
    named, used = {}, {}
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw or raw.startswith("#"):
            continue
        row = _ITEM_ROW.fullmatch(raw)
        if row is None:
            raise TaxonomyError(str(path), n, "expected 'term<TAB>named by<TAB>used by'")
        named[row[1]], used[row[1]] = int(row[2]), int(row[3])
    return TermItems(_employers(text, path), named, used)


def _employers(text: str, path: Path) -> int:
    """The ``# employers<TAB>N`` count of a term_items.tsv header."""
    for raw in text.split("\n"):
        label, _, count = raw.partition("\t")
        if label == "# employers" and count.isdigit() and int(count) > 0:
            return int(count)
    raise TaxonomyError(str(path), None, "missing '# employers<TAB>N' header")


@cache
def load_counts(name: str) -> Background:
    """A table of ad counts per lemma key, as the build scripts write them."""
    path = data_path(name)
    text = path.read_text(encoding="utf-8")
    # ~16k rows follow the '# documents' line; read one by one they cost
    # ~110M instructions, 6% of a cold `amfit score` above the import floor.
    # When they all have the plain shape they are cut by str.split and
    # counted by int() in C (~55M); any other file is read line by line as
    # before, with the same result and the same error for a broken row.
    head, sep, rest = text.partition("\n# documents\t")
    count_line, _, rows = rest.partition("\n")
    if sep and _PLAIN_ROWS.fullmatch(rows):
        documents, df = _background_lines(f"{head}{sep}{count_line}", path)
        cells = rows.replace("\n", "\t").split("\t")[:-1]  # term, count, term, ...
        df.update(zip(cells[0::2], map(int, cells[1::2]), strict=True))
    else:
        documents, df = _background_lines(text, path)
    if documents <= 0:
        raise TaxonomyError(str(path), None, "missing '# documents<TAB>N' header")
    return Background(documents, df)


def _background_lines(text: str, path: Path) -> tuple[int, dict[str, int]]:
    """The ``# documents`` count and the rows of background.tsv text, line
    by line."""
    documents = 0
    df: dict[str, int] = {}
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw or raw.startswith("#"):
            if raw.startswith("# documents\t"):
                documents = int(raw.split("\t")[1])
            continue
        term, sep, count = raw.rpartition("\t")
        if not sep or not count.isdigit():
            raise TaxonomyError(str(path), n, "expected 'term<TAB>count'")
        df[term] = int(count)
    return documents, df
