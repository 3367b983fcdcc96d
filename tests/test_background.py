"""data/background.tsv: the fast reading of its rows gives what the line by
line reading gives, and a file of any other shape is read line by line."""

from __future__ import annotations

import pytest

from amfit import background
from amfit.background import Background
from amfit.errors import TaxonomyError
from amfit.resources import data_path


def _load(tmp_path, monkeypatch, text: str) -> Background:
    (tmp_path / "background.tsv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(background, "data_path", lambda name: tmp_path / name)
    background.load_background.cache_clear()
    try:
        return background.load_background()
    finally:
        background.load_background.cache_clear()


def test_the_shipped_file_reads_the_same_either_way():
    path = data_path("background.tsv")
    text = path.read_text(encoding="utf-8")
    assert background._PLAIN_ROWS.fullmatch(text.partition("\n# documents\t")[2].partition("\n")[2])
    documents, df = background._background_lines(text, path)
    table = background.load_background()
    assert table.documents == documents == 1471
    assert list(table.df.items()) == list(df.items())


@pytest.mark.parametrize(
    "text",
    [
        "# head\n# documents\t7\naccount\t3\nrenewal plan\t2\naccount\t5\n",
        "account\t9\n# documents\t7\naccount\t3\n",  # a row before the count
        "# documents\t7\naccount\t3\n# note\nrenewal\t2\n",  # a comment among rows
        "# documents\t7\naccount\t3\n\nrenewal\t2",  # blank line, no final newline
        "# documents\t7\nnet\tnew\t3\n",  # a tab inside the term
        "# documents\t7\n",
    ],
)
def test_any_file_reads_as_line_by_line(tmp_path, monkeypatch, text):
    expected = background._background_lines(text, tmp_path / "background.tsv")
    table = _load(tmp_path, monkeypatch, text)
    assert (table.documents, table.df) == expected


def test_a_broken_row_is_named_by_its_line(tmp_path, monkeypatch):
    with pytest.raises(TaxonomyError, match="expected 'term<TAB>count'") as info:
        _load(tmp_path, monkeypatch, "# documents\t7\naccount\t3\nrenewal\tmany\n")
    assert info.value.line == 3
