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
    background.load_counts.cache_clear()
    try:
        return background.load_background()
    finally:
        background.load_counts.cache_clear()


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


def test_term_items_are_counts_of_the_same_ads():
    items = background.load_term_items()
    bg = background.load_background()
    assert items.documents == bg.documents
    assert len(items.df) > 1000 and min(items.df.values()) >= 2
    # An ad that names a word as an item uses it: never more item ads than
    # ads, for every word the background keeps.
    assert all(n <= bg.df[k] for k, n in items.df.items() if k in bg.df and " " not in k)


@pytest.mark.slow
def test_term_items_file_is_current(corpus_dir):
    from conftest import load_script

    build = load_script("build_term_items")
    raw = (corpus_dir / "postings.jsonl").read_bytes()
    assert build.render(raw) == data_path("term_items.tsv").read_text(encoding="utf-8"), (
        "stale: run python scripts/build_term_items.py"
    )


@pytest.mark.parametrize(
    ("line", "named", "not_named"),
    [
        ("Experience with Kafka; knowledge of Airflow", {"kafka", "airflow"}, set()),
        ("Experience with Kafka and Airflow", {"kafka"}, {"airflow"}),
        ("Tools: Python, Go, Rust and Terraform", {"python", "rust", "terraform"}, set()),
        ("Google Analytics", {"googl analyt"}, set()),
        ("Ability to explain complex ideas to customers", set(), {"complex idea"}),
        ("Good knowledge of AWS, Docker, and Jenkins", {"aw", "docker", "jenkin"}, {"good"}),
    ],
)
def test_what_counts_as_naming_a_term_as_an_item(line, named, not_named):
    from conftest import load_script

    keys = load_script("build_term_items").item_keys(line)
    assert named <= keys and not (not_named & keys), keys
