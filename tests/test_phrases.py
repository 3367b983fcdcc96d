"""amfit.phrases: phrase files with file:line errors, and the patterns from a list;
keywords/letter.toml and the letter phrase rules made from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amfit import phrases, titles
from amfit.errors import TaxonomyError
from amfit.letter import check_letter, word_lists
from amfit.lint import REGISTRY
from amfit.lint.rules.letter import LetterPhraseRule, register_phrase_rules
from amfit.resources import keywords_path
from amfit.taxonomy import title_families
from conftest import posting_path

GOOD = """\
# a comment
[lists]
first = ["alpha", "beta*"]
second = [
  "gamma delta",
]

[[existence]]
code = "AM799"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, **kw) -> str:
    with pytest.raises(TaxonomyError) as exc:
        phrases.load(path, **kw)
    return str(exc.value)


def test_a_phrase_file_gives_its_lists_lines_and_tables(tmp_path) -> None:
    data = phrases.load(write(tmp_path, GOOD), tables=("existence",))
    assert data.lists == {"first": ("alpha", "beta*"), "second": ("gamma delta",)}
    assert data.list_lines == {"first": 3, "second": 4}
    assert [(t.line, t.fields) for t in data.tables["existence"]] == [(8, {"code": "AM799"})]
    assert data.get("first") == ("alpha", "beta*")
    with pytest.raises(TaxonomyError, match=r"words\.toml: no list 'third'"):
        data.get("third")


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('[lists]\nx = ["a"]\ny = = 2\n', ":3: invalid TOML", "Invalid value"),
        ('[lists]\n\nx = "alpha"\n', ":3: list 'x' must be a non-empty list", ""),
        ("[lists]\nx = []\n", ":2: list 'x' must be a non-empty list", ""),
        ('[lists]\ny = ["a"]\nx = ["a", " b"]\n', ":3: list 'x' must hold", "outer spaces"),
        ('[lists]\nx = ["a", 1]\n', ":2: list 'x' must hold", "strings"),
        ('[lists]\nx = ["a", "a"]\n', ":2: list 'x' holds an entry twice", ""),
        ('[other]\nx = ["a"]\n', ": unknown top-level key(s) other", ""),
    ],
)
def test_errors_name_the_file_and_line(tmp_path, text, where, words) -> None:
    path = write(tmp_path, text)
    message = error_of(path)
    assert message.startswith(str(path) + where), message
    assert words in message


def test_a_missing_file_is_an_error_naming_it(tmp_path) -> None:
    assert error_of(tmp_path / "none.toml").startswith(f"{tmp_path / 'none.toml'}: cannot read")


def test_table_fields_are_checked_with_the_tables_line(tmp_path) -> None:
    path = write(tmp_path, '[lists]\nx = ["a"]\n\n[[existence]]\ncode = 7\n')
    table = phrases.load(path, tables=("existence",)).tables["existence"][0]
    allowed = {"code": str, "list": str}
    with pytest.raises(TaxonomyError, match=r":4: 'code' must be a str"):
        phrases.require(table, str(path), allowed, ("code",))
    with pytest.raises(TaxonomyError, match=r":4: missing 'list'"):
        phrases.require(table, str(path), allowed, ("code", "list"))
    with pytest.raises(TaxonomyError, match=r":4: unknown field\(s\) code"):
        phrases.require(table, str(path), {"list": str}, ())


@pytest.mark.parametrize(
    ("entries", "text", "hit"),
    [
        (("net",), "112% Net revenue", "Net"),
        (("net",), "net-new logos", "net"),  # \b: a hyphen ends a word
        (("net",), "network", None),
        (("rebuil*",), "we rebuilt it", "rebuilt"),
        (("as a", "as an"), "as an AM", "as an"),
        (("QBR", "QBRs"), "two QBRs a year", "QBRs"),
        (("sr.", "sr"), "sr. account manager", "sr"),
    ],
)
def test_word_pattern(entries, text, hit) -> None:
    m = phrases.word_pattern(entries).search(text)
    assert (m.group(0) if m else None) == hit


def test_word_pattern_case_and_substring_pattern() -> None:
    assert phrases.word_pattern(("AE",), case=True).search("an ae") is None
    assert phrases.word_pattern(("AE",), case=True).search("an AE role")
    anywhere = phrases.substring_pattern(("?", "bring", "share a"))
    assert anywhere.search("Bringing a plan").group(0) == "Bring"
    assert anywhere.search("Shall we?").group(0) == "?"
    assert anywhere.search("I share any view") is not None
    assert anywhere.search("nothing here") is None


def test_the_shipped_letter_file_loads_and_every_list_is_used() -> None:
    data = word_lists()
    assert data.path == str(keywords_path("letter.toml"))
    letter_py = (Path(__file__).parents[1] / "src" / "amfit" / "letter.py").read_text("utf-8")
    unused = [name for name in data.lists if f'"{name}"' not in letter_py]
    assert unused == []


def test_letter_phrase_rules_come_from_the_data_file() -> None:
    codes = [t.fields["code"] for t in word_lists().tables["existence"]]
    assert codes == ["AM704", "AM706"]
    for code in codes:
        rule = REGISTRY.get(code)
        assert isinstance(rule, LetterPhraseRule)
        assert rule.doc_sections()["Source"].startswith("DOMAIN.md section 5")
    posting = posting_path("smb-account-manager").read_text(encoding="utf-8")
    letter = (
        "I can start immediately.\n\nThank you for your consideration.\n\n"
        "Hope to hear from you. I am available immediately."
    )
    found = [(f.code, f.line, f.quote) for f in check_letter(letter, posting).findings]
    # AM704: every sentence with a stock closing; AM706: only the first availability.
    assert [f for f in found if f[0] == "AM704"] == [
        ("AM704", 3, "Thank you for your consideration."),
        ("AM704", 5, "Hope to hear from you."),
    ]
    assert [f for f in found if f[0] == "AM706"] == [("AM706", 1, "I can start immediately.")]


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ('code = "AM101"', "code 'AM101' is not a letter rule code"),
        ('severity = "fatal"', "severity 'fatal' is not info|warning|error"),
        ('each = "word"', "each 'word' is not sentence|letter"),
        ('list = "no_such_list"', "list 'no_such_list'"),
        ("extra = 1", "unknown field(s) extra"),
    ],
)
def test_a_bad_phrase_rule_is_an_error_at_its_line(tmp_path, entry, error) -> None:
    fields = {
        "code": '"AM798"',
        "name": '"test-rule"',
        "severity": '"info"',
        "list": '"letter_closings"',
        "each": '"letter"',
        "message": '"{phrase}"',
        "hint": '"h"',
        "flag": '["x"]',
        "passes": "[]",
        "doc": '"d"',
    }
    key = entry.split(" = ")[0]
    fields[key] = entry.split(" = ", 1)[1]
    body = "\n".join(f"{k} = {v}" for k, v in fields.items())
    path = write(tmp_path, f'[lists]\nx = ["a"]\n\n[[existence]]\n{body}\n')
    with pytest.raises(TaxonomyError) as exc:
        register_phrase_rules(path)
    assert str(exc.value).startswith(f"{path}:4: "), str(exc.value)
    assert error in str(exc.value)
    assert "AM798" not in REGISTRY.rules


def test_words_gives_a_set_and_refuses_entries_that_could_never_match(tmp_path) -> None:
    text = '[lists]\nok = ["alpha", "beta"]\nspaced = ["a", "b c"]\nup = ["x", "Y"]\n'
    path = write(tmp_path, text)
    data = phrases.load(path)
    assert data.words("ok", lower=True) == frozenset({"alpha", "beta"})
    assert data.words("up") == frozenset({"x", "Y"})  # exact case: capitals are fine
    with pytest.raises(TaxonomyError, match=r"words\.toml:3: list 'spaced' holds single words"):
        data.words("spaced")
    with pytest.raises(TaxonomyError, match=r"words\.toml:4: list 'up' is matched lower-cased"):
        data.words("up", lower=True)
    with pytest.raises(TaxonomyError, match=r"words\.toml: no list 'none'"):
        data.words("none")


def test_alternation_is_literal_in_file_order_with_the_callers_space() -> None:
    assert phrases.alternation(("in just", "in", "s&p")) == r"in\ just|in|s\&p"
    spaced = phrases.alternation(("in less than", "over"), space=r"\s+")
    assert spaced == r"in\s+less\s+than|over"
    body = phrases.alternation(("new business", "x.y"), space=r"[\s-]")
    rx = re.compile(rf"\b(?:{body})\b")
    assert [m.group() for m in rx.finditer("new-business, new business, xzy, x.y")] == [
        "new-business",
        "new business",
        "x.y",
    ]


def test_the_shipped_title_lists_load_and_every_list_is_used() -> None:
    assert titles.FILE.path == str(keywords_path("titles.toml"))
    source = (Path(__file__).parents[1] / "src" / "amfit" / "titles.py").read_text("utf-8")
    assert [name for name in titles.FILE.lists if f'"{name}"' not in source] == []
    assert titles.TITLE_ABBREVIATIONS["mgr"] == "manager"
    assert titles.TITLE_ABBREVIATIONS["&"] == "and"
    assert titles.core_title("Sr. Acct Mgr, SMB") == "account manager"
    # The [[family]] tables beside the lists are still the taxonomy's.
    assert any(fam.id == "account_manager" for fam in title_families())


@pytest.mark.parametrize(
    ("tables", "error"),
    [
        ('short = "sr"\nlong = "senior"\n\n[[abbreviation]]\nshort = "sr"\nlong = "x"\n', ":7: ab"),
        ('short = "Sr"\nlong = "senior"\n', ":3: 'short' and 'long' must be one lower-case word"),
        ('short = "mgr"\nlong = "line manager"\n', ":3: 'short' and 'long' must be one"),
        ('short = "mgr"\n', ":3: missing 'long'"),
        ('short = "mgr"\nlong = "manager"\nnote = "x"\n', ":3: unknown field(s) note"),
    ],
)
def test_a_bad_title_abbreviation_is_an_error_at_its_line(tmp_path, tables, error) -> None:
    path = write(tmp_path, f'[lists]\nx = ["a"]\n[[abbreviation]]\n{tables}')
    with pytest.raises(TaxonomyError) as exc:
        titles.abbreviations(phrases.load(path, tables=("abbreviation",)))
    assert str(exc.value).startswith(str(path) + error), str(exc.value)
