"""amfit.textio: reading user files safely and normalising their text."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from amfit.errors import EXIT_INPUT, InputError
from amfit.readers import MAX_INPUT_BYTES, read_text
from amfit.textio import decode_bytes, normalize_text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_error(path: Path, **kwargs: int) -> str:
    """The InputError message for ``path``, checked for the one-line contract."""
    with pytest.raises(InputError) as info:
        read_text(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(f"{path}: "), message
    assert path.name in message
    assert info.value.exit_code == EXIT_INPUT
    return message


# -- errors -------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    message = read_error(tmp_path / "nope.md")
    assert message.endswith("no such file")


def test_missing_file_accepts_str_path(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="no such file") as info:
        read_text(path)
    assert str(info.value).startswith(path + ": ")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "resume.md"
    folder.mkdir()
    message = read_error(folder)
    assert "is a directory" in message


def test_empty_file(tmp_path: Path) -> None:
    message = read_error(write(tmp_path, "empty.md", b""))
    assert "empty" in message


@pytest.mark.parametrize(
    "data",
    [b"   ", b"\n\n\n", b" \t\r\n \r\n", codecs.BOM_UTF8 + b"  \n ", b"\xa0\n"],
    ids=["spaces", "newlines", "mixed", "bom-then-spaces", "cp1252-nbsp"],
)
def test_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    message = read_error(write(tmp_path, "blank.txt", data))
    assert "empty" in message


def test_whitespace_only_utf16(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + " \u00a0\n\u200b ".encode("utf-16-le")
    message = read_error(write(tmp_path, "blank16.txt", data))
    assert "empty" in message


def test_binary_with_md_extension(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    message = read_error(write(tmp_path, "photo.md", data))
    assert "binary" in message
    assert "NUL" in message


def test_binary_control_characters_without_nul(tmp_path: Path) -> None:
    data = b"Account Manager\n" + bytes(range(1, 9)) * 4
    message = read_error(write(tmp_path, "blob.md", data))
    assert "binary" in message


def test_a_few_stray_control_characters_are_tolerated(tmp_path: Path) -> None:
    body = "Account Manager with ten years of renewals and expansion work.\n" * 5
    text = read_text(write(tmp_path, "ok.md", (body + "\x07").encode()))
    assert text.startswith("Account Manager")


def test_over_max_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"a" * 101)
    message = read_error(path, max_bytes=100)
    assert "101 bytes" in message
    assert "100-byte limit" in message


def test_exactly_max_bytes_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "fits.txt", b"b" * 100)
    assert read_text(path, max_bytes=100) == "b" * 100


def test_default_limit_is_large_enough_for_a_resume() -> None:
    assert MAX_INPUT_BYTES >= 100_000


def test_undecodable_bytes(tmp_path: Path) -> None:
    # 0x81 is invalid UTF-8 and undefined in cp1252.
    message = read_error(write(tmp_path, "odd.txt", b"Account \x81 Manager"))
    assert "cannot decode" in message


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    # A lone high surrogate.
    message = read_error(write(tmp_path, "bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8"))
    assert "UTF-16" in message


def test_invalid_utf8_after_bom_falls_to_an_error(tmp_path: Path) -> None:
    message = read_error(write(tmp_path, "bad8.txt", codecs.BOM_UTF8 + b"ok \xff\xfe\xfd"))
    assert "UTF-8" in message


def test_message_stays_one_line_for_a_name_with_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.md"
    with pytest.raises(InputError) as info:
        read_text(path)
    message = str(info.value)
    assert "\n" not in message
    # The control character is shown escaped, the rest of the name as is.
    assert message == f"{tmp_path}/two\\nlines.md: no such file"


# -- encodings ----------------------------------------------------------------


def test_utf8(tmp_path: Path) -> None:
    text = "Résumé — Zoë Müller\nKey Account Manager (München)\n"
    assert read_text(write(tmp_path, "u8.md", text.encode("utf-8"))) == text


def test_utf8_with_bom(tmp_path: Path) -> None:
    text = "Résumé\nSenior Account Manager"
    out = read_text(write(tmp_path, "bom.md", codecs.BOM_UTF8 + text.encode("utf-8")))
    assert out == text
    assert not out.startswith("\ufeff")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["le", "be"],
)
def test_utf16_with_bom(tmp_path: Path, bom: bytes, codec: str) -> None:
    text = "Résumé — Zoë\nRenewals: 94% GRR\n"
    out = read_text(write(tmp_path, "u16.md", bom + text.encode(codec)))
    assert out == text


def test_cp1252(tmp_path: Path) -> None:
    data = b"r\xe9sum\xe9 for \x93Key Accounts\x94 \x96 Dana\x92s book"
    out = read_text(write(tmp_path, "cp.txt", data))
    assert out == 'résumé for "Key Accounts" – Dana\'s book'


def test_decode_bytes_prefers_utf8_over_cp1252() -> None:
    # These bytes are valid in both; UTF-8 must win.
    assert decode_bytes("é".encode()) == "é"


# -- line endings ---------------------------------------------------------------


def test_crlf_line_endings(tmp_path: Path) -> None:
    out = read_text(write(tmp_path, "crlf.txt", b"one\r\ntwo\r\n\r\nfour\r\n"))
    assert out == "one\ntwo\n\nfour\n"
    assert len(out.split("\n")) == 5


def test_lone_cr_line_endings(tmp_path: Path) -> None:
    out = read_text(write(tmp_path, "cr.txt", b"one\rtwo\r\rfour"))
    assert out == "one\ntwo\n\nfour"
    assert out.split("\n")[3] == "four"


def test_mixed_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    out = read_text(write(tmp_path, "mixed.txt", b"a\r\nb\rc\nd"))
    assert out.split("\n") == ["a", "b", "c", "d"]


def test_unicode_line_separators_become_newlines() -> None:
    assert normalize_text("a\u2028b\u2029c\x85d") == "a\nb\nc\nd"


# -- normalisation ------------------------------------------------------------


def test_nfkc_ligature(tmp_path: Path) -> None:
    out = read_text(write(tmp_path, "lig.md", "Drove ﬁnance sign-oﬀ".encode()))
    assert out == "Drove finance sign-off"


def test_nfkc_fullwidth_and_superscript() -> None:
    assert normalize_text("ＮＲＲ 112％ m²") == "NRR 112% m2"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u2009", "\u3000", "\t"])
def test_unusual_spaces_become_plain_spaces(space: str) -> None:
    assert normalize_text(f"$3.9M{space}ARR") == "$3.9M ARR"


def test_non_breaking_space_in_file(tmp_path: Path) -> None:
    out = read_text(write(tmp_path, "nbsp.md", "58\u00a0accounts".encode()))
    assert out == "58 accounts"


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_removed(char: str) -> None:
    assert normalize_text(f"up{char}sell") == "upsell"


def test_zero_width_and_soft_hyphen_in_file(tmp_path: Path) -> None:
    data = "Ga\u200binsight and cross\u00adsell".encode()
    assert read_text(write(tmp_path, "zw.md", data)) == "Gainsight and crosssell"


def test_curly_quotes_straightened() -> None:
    assert normalize_text("\u201cQBR\u201d and \u2018EBR\u2019 and Dana\u2019s") == (
        "\"QBR\" and 'EBR' and Dana's"
    )


def test_normalize_is_stable_on_plain_ascii() -> None:
    text = "# Dana\n\n## Experience\n- Grew NRR to 112%\n"
    assert normalize_text(text) == text


def test_normalize_is_idempotent_around_invisible_characters() -> None:
    # Regression: a zero-width space between a letter and a combining accent
    # used to be dropped after NFKC, leaving "A" + U+0300 for a second pass
    # to compose. Now the pair is composed in the first pass.
    once = normalize_text("A\u200b\u0300ccount")
    assert once == "\u00c0ccount"
    assert normalize_text(once) == once


# -- read-only ----------------------------------------------------------------


def test_read_text_does_not_modify_the_file(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + "Résumé\r\n\u201cﬁne\u201d\u00a0text\u200b\r".encode()
    path = write(tmp_path, "keep.md", data)
    past = 1_600_000_000
    os.utime(path, (past, past))
    before = path.stat()
    read_text(path)
    after = path.stat()
    assert path.read_bytes() == data
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_size == before.st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.md"]


def test_failed_read_does_not_modify_the_file(tmp_path: Path) -> None:
    data = b"a" * 50
    path = write(tmp_path, "big.md", data)
    before = path.stat().st_mtime_ns
    read_error(path, max_bytes=10)
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


# -- fast paths against the plain passes ---------------------------------------


def _plain_normalize(text: str) -> str:
    """normalize_text as every pass over the text, none skipped."""
    import unicodedata

    from amfit import textio

    text = textio._SURROGATES.sub("\ufffd", text)
    text = textio._NEWLINES.sub("\n", text)
    text = textio._ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in textio._QUOTES:
        text = text.replace(curly, straight)
    text = textio._SPACES.sub(" ", text)
    return textio._NEWLINES.sub("\n", text)


def test_char_strings_hold_exactly_their_classes() -> None:
    """The ``in`` tests that skip a pass look for exactly what it replaces."""
    import sys

    from amfit import textio

    every = [chr(c) for c in range(sys.maxunicode + 1)]
    for pattern, chars in (
        (textio._ZERO_WIDTH, textio._ZERO_WIDTH_CHARS),
        (textio._SPACES, textio._SPACE_CHARS),
    ):
        assert {c for c in every if pattern.match(c)} == set(chars)
    # _NEWLINES matches "\r\n", "\r", U+2028, U+2029 and U+0085: each starts
    # with one of the characters tested.
    assert {c for c in every if textio._NEWLINES.match(c + "\n")} == set(textio._NEWLINE_CHARS)
    ascii_control = {c for c in every[:128] if textio._CONTROL.match(c)}
    kept = {chr(b) for b in textio._ASCII_NOT_CONTROL}
    assert ascii_control == set(every[:128]) - kept


_SAMPLES = [
    "plain ascii\nline two\n",
    "tabs\tand\fform\vfeeds\r\nand\rreturns",
    "curly ‘quotes’ and “double” – dashes é",
    "nbsp\u00a0thin\u2009ideographic\u3000space\u2007figure\u202fnarrow",
    "zero\u200bwidth\u200c\u200d\u2060\ufeffsoft\u00adhyphen",
    "lone \ud800 surrogate \udfff",
    "line\u2028sep\u2029para\x85next",
    "ﬁ ligature ＦＵＬＬ width ① circled ™",
    "control \x01\x02 chars \x7f\x9f among text é",
    "e\u0301 combining and \u200be\u0301",
]


@pytest.mark.parametrize("text", _SAMPLES)
def test_normalize_text_equals_plain_passes(text: str) -> None:
    assert normalize_text(text) == _plain_normalize(text)
    assert normalize_text(text.encode("ascii", "ignore").decode()) == _plain_normalize(
        text.encode("ascii", "ignore").decode()
    )


def test_normalize_text_equals_plain_passes_random() -> None:
    import random

    rng = random.Random(12)
    alphabet = "ab \n\r\t\f\v\x01\x7f\x85é’“\u00a0\u2000\u200a\u200b\u00ad\u2028\ud800ﬁ①e\u0301"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert normalize_text(text) == _plain_normalize(text), repr(text)


def test_control_ratio_equals_count_of_matches() -> None:
    import random

    from amfit import textio

    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(chr(rng.randrange(0, 256)) for _ in range(rng.randint(1, 20)))
        for t in (text, text.encode("ascii", "ignore").decode() or "x"):
            assert textio._control_ratio(t) == len(textio._CONTROL.findall(t)) / len(t)
