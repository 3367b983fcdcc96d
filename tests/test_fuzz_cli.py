"""A fuzz target for the command line as a whole (issue 12).

Hypothesis builds argument lists from every command, option and value
amfit knows, good and bad files, standard input and random text, and runs
each through Typer's CliRunner (in one process, so hundreds of runs take
seconds, not minutes). Whatever it builds, amfit must answer with a
documented exit code (0, 1, 2 or 4), never a traceback or an internal
error (3), and a failure must be one ``amfit: error:`` line (or, for a
bare command, its help). Readers have their own fuzz target
(``tests/test_fuzz_readers.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amfit.cli import app
from conftest import posting_path, resume_path

#: Exit codes a run may end with (docs/inputs.md); 3 would be a bug.
DOCUMENTED = {0, 1, 2, 4}

COMMANDS = ["score", "keywords", "bullets", "letter", "rules", "rule", "batch"]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    d = tmp_path_factory.mktemp("fuzzcli")
    shutil.copy(resume_path("strong"), d / "resume.md")
    shutil.copy(posting_path("smb-account-manager"), d / "posting.txt")
    (d / "empty.txt").write_text(" \n", encoding="utf-8")
    (d / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    (d / "fake.pdf").write_bytes(b"not a pdf at all")
    (d / "folder").mkdir()
    shutil.copy(posting_path("account-executive"), d / "folder" / "ae.txt")
    (d / "kw.toml").write_text(
        '[[concept]]\nid = "gainsight"\nlabel = "Gainsight"\ncategory = "tools"\ntier = "nice"\n',
        encoding="utf-8",
    )
    (d / "bad.toml").write_text('[[concept]]\nid = 5\nlabel = "x"\n', encoding="utf-8")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / "broken.txt").symlink_to(d / "gone.txt")
    (d / "records.jsonl").write_text('{"id": "a", "text": "Account Manager"}\n{bad\n')
    names = [
        "resume.md",
        "posting.txt",
        "empty.txt",
        "binary.md",
        "fake.pdf",
        "folder",
        "kw.toml",
        "bad.toml",
        "loop.txt",
        "broken.txt",
        "records.jsonl",
        "missing.txt",
        "folder/*.txt",
        "folder/*.none",
    ]
    out = {n: str(d / n) for n in names}
    out["out"] = str(d / "out" / "report.txt")
    (d / "out").mkdir()
    return out


#: How many positional arguments each command takes (batch: one or more postings).
POSITIONALS = {"score": 2, "keywords": 1, "bullets": 1, "letter": 2, "rules": 0, "rule": 1}


def arguments(files: dict[str, str]) -> st.SearchStrategy[list[str]]:
    """Mostly well-formed command lines (so the commands run, on good and bad
    files) with now and then a junk word, option or value among them."""
    good = st.sampled_from([files["resume.md"], files["posting.txt"]])
    any_path = st.sampled_from([*files.values(), "-", ""])
    path = st.one_of(good, good, any_path)
    number = st.sampled_from(["1", "50", "100", "-1", "101", "abc", "1e400", "nan"])
    junk = st.one_of(
        st.sampled_from(["--bogus", "--", "-x", "-h", "--version"]), st.text(max_size=8)
    )
    option = st.one_of(
        st.tuples(
            st.sampled_from(["--format", "-f"]), st.sampled_from(["text", "json", "markdown"])
        ),
        st.tuples(st.just("-f"), st.sampled_from(["html", "csv", "jsonl", "yaml", "JSON", ""])),
        st.tuples(
            st.sampled_from(["-o", "--output"]),
            st.sampled_from([files[n] for n in ("out", "folder", "loop.txt", "broken.txt")]),
        ),
        st.tuples(
            st.sampled_from(["-k", "--keywords"]), st.one_of(st.just(files["kw.toml"]), any_path)
        ),
        st.tuples(
            st.sampled_from(["--select", "--ignore"]),
            st.sampled_from(["AM2", "AM401,AM1", "ZZ", ""]),
        ),
        st.tuples(st.sampled_from(["--fail-under", "--top", "--min-score"]), number),
        st.tuples(st.just("--fail-on"), st.sampled_from(["warning", "error", "fatal"])),
        st.tuples(st.just("--text-column"), st.sampled_from(["text", "body", ""])),
        st.tuples(st.sampled_from(["--explain", "--preview", "--color", "--no-color", "-q"])),
        junk.map(lambda j: (j,)),
    )

    @st.composite
    def command_line(draw: st.DrawFn) -> list[str]:
        command = draw(st.sampled_from([*COMMANDS, *COMMANDS, "--help", "scroe", ""]))
        count = POSITIONALS.get(command, draw(st.integers(1, 3)))
        if command == "rule":
            words = [draw(st.sampled_from(["AM201", "AM101", "AM999", "x"]))]
        else:
            words = [draw(path) for _ in range(count)]
        if command == "batch":
            words = [draw(good), *words]
        options = draw(st.lists(option, max_size=4))
        line = [command, *words, *(a for part in options for a in part)]
        return line if draw(st.integers(0, 5)) else draw(st.permutations(line))

    return command_line()


STDIN = st.sampled_from(
    [
        "",
        "Account Manager\n\n- Grew net revenue retention to 118% across 40 accounts.\n",
        "\x00\x01\x02 binary",
        '{"id": "a", "text": "Account Manager, renewals"}\n',
    ]
)


@pytest.mark.slow
def test_any_command_line_ends_in_a_documented_exit_code(files):
    runner = CliRunner()
    sizes = {n: Path(files[n]).stat().st_size for n in ("resume.md", "posting.txt", "kw.toml")}

    @settings(
        max_examples=250,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(args=arguments(files), stdin=STDIN)
    def check(args: list[str], stdin: str) -> None:
        if "--jobs" in args or "-j" in args or "batch" in args[:1]:
            args = [*args, "--jobs", "1"]  # no process pool inside the test process
        result = runner.invoke(app, args, input=stdin)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"{args!r} raised {result.exception!r}") from result.exception
        assert result.exit_code in DOCUMENTED, (args, result.exit_code, result.stderr)
        event(f"{args[0] if args[0] in COMMANDS else 'other'}: exit {result.exit_code}")
        assert "Traceback" not in result.stderr + result.stdout, args
        assert "internal error" not in result.stderr, (args, result.stderr)
        if result.exit_code == 2:
            lines = result.stderr.splitlines()
            is_help = "Usage: amfit" in result.stdout + result.stderr
            one_line = len(lines) == 1 and lines[0].startswith("amfit: error: ")
            assert one_line or is_help, (args, result.stderr)
        for name, size in sizes.items():
            assert Path(files[name]).stat().st_size == size  # no input is ever written to

    check()
