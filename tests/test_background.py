"""data/background.tsv: the fast reading of its rows gives what the line by
line reading gives, and a file of any other shape is read line by line."""

from __future__ import annotations

import json

import pytest

from amfit import background
from amfit.background import Background, TermItems
from amfit.errors import TaxonomyError
from amfit.resources import data_path


def _load(tmp_path, monkeypatch, text: str, name: str = "background.tsv") -> Background | TermItems:
    """The table ``text`` gives, written as ``data/<name>``."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(background, "data_path", lambda name: tmp_path / name)
    read = background.load_background if name == "background.tsv" else background.load_term_items
    caches = (background.load_counts, background.load_term_items)
    for cached in caches:
        cached.cache_clear()
    try:
        return read()
    finally:
        for cached in caches:
            cached.cache_clear()


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


def test_term_items_are_counts_of_employers():
    items = background.load_term_items()
    bg = background.load_background()
    assert 100 < items.employers < bg.documents
    assert len(items.named) > 1000 and min(items.named.values()) >= 2
    assert items.named.keys() == items.used.keys()
    # An employer whose ads name a term as an item uses it, and no more
    # employers use a word than there are ads holding it.
    assert all(n <= items.used[k] <= items.employers for k, n in items.named.items())
    assert all(items.used[k] <= bg.df[k] for k in items.used if k in bg.df and " " not in k)


def _items(tmp_path, monkeypatch, text: str) -> TermItems:
    return _load(tmp_path, monkeypatch, text, "term_items.tsv")


_HEAD = "# ads\t9\n# employers\t4\n# term\tnamed by\tused by\n"


@pytest.mark.parametrize(
    "rows",
    [
        "kafka\t3\t4\ntest autom\t2\t2\n",
        "kafka\t3\t4\n# a note\ntest autom\t2\t2\n",  # a comment among rows
        "kafka\t3\t4\n\ntest autom\t2\t2",  # a blank line, no final newline
    ],
)
def test_term_items_read_the_same_in_any_layout(tmp_path, monkeypatch, rows):
    items = _items(tmp_path, monkeypatch, _HEAD + rows)
    assert items.employers == 4
    assert items.named == {"kafka": 3, "test autom": 2}
    assert items.used == {"kafka": 4, "test autom": 2}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_HEAD + "kafka\t3\n", "expected 'term<TAB>named by<TAB>used by'"),
        (_HEAD + "kafka\tmany\t4\n", "expected 'term<TAB>named by<TAB>used by'"),
        ("# term\tnamed by\tused by\nkafka\t3\t4\n", "missing '# employers<TAB>N' header"),
    ],
)
def test_a_broken_term_items_file_is_named(tmp_path, monkeypatch, text, message):
    with pytest.raises(TaxonomyError, match=message):
        _items(tmp_path, monkeypatch, text)


def test_one_employers_ads_count_once():
    from conftest import load_script

    build = load_script("build_term_items")
    ads = [
        {"id": f"a{i}", "company": "Acme", "text": "Perks: a bucket list fund\n\nbucket list"}
        for i in range(5)
    ] + [
        {"id": "b", "company": "Beta Ltd", "text": "Experience with Kafka"},
        {"id": "c", "company": " beta  LTD ", "text": "Experience with Kafka"},
        {"id": "d", "company": "", "text": "Experience with Kafka"},
        {"id": "e", "text": "We use Kafka for events"},
    ]
    raw = "\n".join(json.dumps(ad) for ad in ads).encode()
    lines = build.render(raw).split("\n")
    rows = dict(line.split("\t", 1) for line in lines if line[:1] not in "#")
    assert "bucket list" not in rows and "bucket" not in rows  # one employer, five ads
    assert rows["kafka"] == "2\t3"  # Beta (two spellings) and ad d name it; ad e uses it


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
