"""The ``amfit`` command line: in-process through Typer's CliRunner, and as a real
process (``python -m amfit``, and the installed ``amfit`` script when present)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amfit import __version__
from amfit.cli import app
from amfit.cli import run as cli
from amfit.model import SCHEMA_VERSION
from conftest import AM_POSTINGS, ROOT, posting_path, resume_path

RESUME = resume_path("strong")
POSTING = posting_path("smb-account-manager")
ANSI = "\x1b["
STATUSES = {"found", "partial", "missing"}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: object, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def assert_one_error_line(stderr: str, *fragments: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("amfit: error: "), stderr
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def check_report(data: dict) -> None:
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["amfit_version"] == __version__
    assert 0 <= data["score"] <= 100
    names = [c["name"] for c in data["components"]]
    assert "must" in names and "title" in names
    assert sum(c["weight"] for c in data["components"]) == pytest.approx(1.0, abs=0.01)
    assert sum(c["points"] for c in data["components"]) == pytest.approx(data["score"], abs=0.2)
    assert data["keywords"]
    for k in data["keywords"]:
        assert k["status"] in STATUSES
        assert k["tier"] in {"must", "nice", "term"}
        assert k["asks"]


# -- input files made for the error paths ---------------------------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "resume.pdf"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03binary\x00stream\n" * 20)
    big = tmp_path / "huge.txt"
    line = b"Managed renewals and upsell for a book of mid-market accounts.\n"
    big.write_bytes(line * (2_000_100 // len(line) + 1))
    assert big.stat().st_size > 2_000_000
    bad_kw = tmp_path / "extra.toml"
    bad_kw.write_text(
        '[[concept]]\nid = "alpha"\nlabel = "alpha"\ncategory = "custom"\ntier = "nice"\n\n'
        '[[concept]]\nid = "beta"\nlabel = "beta"\ncategory = "custom"\ntier = "often"\n',
        encoding="utf-8",
    )
    return {
        "missing": tmp_path / "no-such-resume.md",
        "directory": tmp_path,
        "empty": empty,
        "binary": binary,
        "oversized": big,
        "bad_keywords": bad_kw,
    }


ERROR_CASES = [
    # (name, args builder, fragments the one stderr line must hold)
    ("missing", lambda b: ["score", b["missing"], POSTING], ["no such file"]),
    ("directory", lambda b: ["score", b["directory"], POSTING], ["is a directory"]),
    ("empty", lambda b: ["score", b["empty"], POSTING], ["empty"]),
    ("binary", lambda b: ["score", b["binary"], POSTING], ["binary"]),
    ("oversized", lambda b: ["score", RESUME, b["oversized"]], ["2,000,000-byte limit"]),
    (
        "bad_keywords",
        lambda b: ["score", RESUME, POSTING, "-k", b["bad_keywords"]],
        ["extra.toml:7:", "tier 'often'"],
    ),
    (
        "missing_keywords",
        lambda b: ["score", RESUME, POSTING, "-k", b["missing"].with_suffix(".toml")],
        ["no such file"],
    ),
    ("keywords_missing", lambda b: ["keywords", b["missing"]], ["no such file"]),
    ("keywords_empty", lambda b: ["keywords", b["empty"]], ["empty"]),
]


# -- CliRunner ------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"amfit {__version__}\n"


def test_help_lists_commands(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    assert "score" in result.stdout and "keywords" in result.stdout
    assert result.stderr == ""


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = invoke(runner)
    assert result.exit_code == 2
    assert "Usage:" in result.output and "score" in result.output


@pytest.mark.parametrize("posting", AM_POSTINGS)
def test_score_text(runner: CliRunner, posting: str) -> None:
    result = invoke(runner, "score", RESUME, posting_path(posting))
    assert result.exit_code == 0, result.output
    assert "Fit score: " in result.stdout
    assert "Must-have (" in result.stdout
    assert ANSI not in result.stdout
    assert result.stderr == ""


def test_score_json(runner: CliRunner) -> None:
    result = invoke(runner, "score", RESUME, POSTING, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_report(data)
    assert data["resume"]["source"] == str(RESUME)
    assert data["title_fit"]["level"] == "same"


def test_score_json_matches_schema(runner: CliRunner) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    for name in ("weak", "ae"):
        result = invoke(runner, "score", resume_path(name), POSTING, "-f", "json")
        assert result.exit_code == 0, result.output
        jsonschema.validate(json.loads(result.stdout), schema)


def test_score_markdown(runner: CliRunner) -> None:
    result = invoke(runner, "score", RESUME, POSTING, "--format", "MARKDOWN")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# amfit gap report\n")
    assert "**Fit score: " in result.stdout
    assert "| Keyword |" in result.stdout


def test_a_strong_resume_beats_a_weak_one(runner: CliRunner) -> None:
    scores = {}
    for name in ("strong", "weak", "ae"):
        result = invoke(runner, "score", resume_path(name), POSTING, "-f", "json")
        scores[name] = json.loads(result.stdout)["score"]
    assert scores["strong"] > scores["weak"] > scores["ae"]


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = invoke(runner, "score", RESUME, POSTING, "-f", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == ""
    direct = invoke(runner, "score", RESUME, POSTING, "-f", "json")
    assert out.read_text(encoding="utf-8") == direct.stdout


@pytest.mark.parametrize("target", ["resume", "posting"])
def test_output_onto_an_input_is_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    resume = tmp_path / "resume.md"
    posting = tmp_path / "posting.txt"
    shutil.copyfile(RESUME, resume)
    shutil.copyfile(POSTING, posting)
    before = {p: p.read_bytes() for p in (resume, posting)}
    monkeypatch.chdir(tmp_path)
    # The same file, spelled differently from the input argument.
    out = f"./{target}.md" if target == "resume" else str(posting)
    result = invoke(runner, "score", "resume.md", "posting.txt", "-o", out)
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, "refusing to overwrite an input file")
    assert result.stdout == ""
    assert {p: p.read_bytes() for p in (resume, posting)} == before


def test_output_onto_keywords_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    shutil.copyfile(POSTING, posting)
    before = posting.read_bytes()
    result = invoke(runner, "keywords", posting, "-o", posting)
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, "refusing to overwrite")
    assert posting.read_bytes() == before


def test_explain(runner: CliRunner) -> None:
    plain = invoke(runner, "score", RESUME, POSTING)
    explained = invoke(runner, "score", RESUME, POSTING, "--explain")
    assert explained.exit_code == 0
    asked = [ln for ln in explained.stdout.splitlines() if ln.strip().startswith("asked: line ")]
    resume = [ln for ln in explained.stdout.splitlines() if ln.strip().startswith("resume: line ")]
    assert asked and resume
    assert not any(ln.strip().startswith("asked:") for ln in plain.stdout.splitlines())
    assert not any(ln.strip().startswith("resume: line") for ln in plain.stdout.splitlines())


def test_fail_under_not_met(runner: CliRunner) -> None:
    result = invoke(runner, "score", RESUME, POSTING, "--fail-under", "99")
    assert result.exit_code == 1
    assert "Fit score: " in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("amfit: score ") and "below --fail-under 99" in lines[0]


def test_fail_under_met(runner: CliRunner) -> None:
    result = invoke(runner, "score", RESUME, POSTING, "--fail-under", "1")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_fail_under_out_of_range_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "score", RESUME, POSTING, "--fail-under", "150")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_color_flags(runner: CliRunner) -> None:
    forced = invoke(runner, "score", RESUME, POSTING, "--color", env={"NO_COLOR": "1"})
    assert forced.exit_code == 0
    assert ANSI in forced.stdout
    off = invoke(runner, "score", RESUME, POSTING, "--no-color")
    assert ANSI not in off.stdout
    default = invoke(runner, "score", RESUME, POSTING)  # not a terminal
    assert ANSI not in default.stdout
    no_color = invoke(runner, "score", RESUME, POSTING, env={"NO_COLOR": "1"})
    assert ANSI not in no_color.stdout
    # Colour never reaches JSON or Markdown.
    as_json = invoke(runner, "score", RESUME, POSTING, "--color", "-f", "json")
    assert ANSI not in as_json.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert cli.use_color(None, None) is True
    assert cli.use_color(None, Path("report.txt")) is False
    assert cli.use_color(False, None) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_color(None, None) is False
    assert cli.use_color(True, None) is True
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.delenv("NO_COLOR")
    assert cli.use_color(None, None) is False


def test_keywords_json(runner: CliRunner) -> None:
    result = invoke(runner, "keywords", POSTING, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["posting"]["title"] == "Account Manager, SMB"
    assert data["posting"]["title_family"] == "account_manager"
    keywords = data["keywords"]
    assert isinstance(keywords, list) and keywords
    tiers = {k["tier"] for k in keywords}
    assert tiers <= {"must", "nice", "term"} and "must" in tiers
    for k in keywords:
        assert k["id"] and k["label"] and k["tier_reason"] and k["asks"]
        assert k["source"] in {"taxonomy", "tfidf"}
    ids = {k["id"] for k in keywords}
    assert {"account_management", "renewal", "upsell"} <= ids
    must_first = [k["tier"] for k in keywords]
    assert must_first == sorted(must_first, key=["must", "nice", "term"].index)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_keywords_text_formats(runner: CliRunner, fmt: str) -> None:
    result = invoke(runner, "keywords", POSTING, "-f", fmt)
    assert result.exit_code == 0, result.output
    assert "account management" in result.stdout
    assert "Must-have" in result.stdout


def test_keywords_with_user_taxonomy(runner: CliRunner, tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[concept]]\nid = "payroll_compliance"\nlabel = "payroll compliance"\n'
        'category = "custom"\ntier = "nice"\naliases = ["payroll corrections"]\n',
        encoding="utf-8",
    )
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Account Manager\n\nWhat you'll do\n- Own renewals for 50 accounts\n"
        "- Fix payroll corrections with the customer's finance team\n",
        encoding="utf-8",
    )
    base = json.loads(invoke(runner, "keywords", posting, "-f", "json").stdout)
    result = invoke(runner, "keywords", posting, "-f", "json", "-k", extra)
    assert result.exit_code == 0, result.output
    ids = {k["id"] for k in json.loads(result.stdout)["keywords"]}
    assert "payroll_compliance" in ids
    assert "payroll_compliance" not in {k["id"] for k in base["keywords"]}


@pytest.mark.parametrize(
    ("build", "fragments"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_error_paths(runner: CliRunner, bad_inputs, build, fragments) -> None:
    result = invoke(runner, *build(bad_inputs))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert_one_error_line(result.stderr, *fragments)


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "score", RESUME, POSTING, "--format", "xml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "xml" in result.stderr
    assert result.stdout == ""


# -- a real process ---------------------------------------------------------------


@pytest.fixture(scope="session")
def proc_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for child processes: absolute PYTHONPATH entries, with
    ``src`` added only when amfit is not importable otherwise."""
    drop = {"NO_COLOR", "FORCE_COLOR", "AMFIT_DEBUG"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    paths = [str(Path(p).resolve()) for p in env.pop("PYTHONPATH", "").split(os.pathsep) if p]
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    probe = subprocess.run(
        [sys.executable, "-c", "import amfit"],
        env=env,
        cwd=tmp_path_factory.mktemp("probe"),
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *paths])
    return env


@pytest.fixture(params=["module", "script"])
def launcher(request: pytest.FixtureRequest) -> list[str]:
    if request.param == "module":
        return [sys.executable, "-m", "amfit"]
    script = shutil.which("amfit")
    if script is None:
        pytest.skip("the amfit console script is not installed")
    return [script]


def run(cmd: list[str], *args: object, env: dict[str, str], cwd: Path | None = None, **kw):
    return subprocess.run(
        [*cmd, *(str(a) for a in args)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kw,
    )


MODULE = [sys.executable, "-m", "amfit"]


@pytest.mark.slow
def test_proc_version(launcher, proc_env) -> None:
    result = run(launcher, "--version", env=proc_env)
    assert result.returncode == 0
    assert result.stdout == f"amfit {__version__}\n"


@pytest.mark.slow
def test_proc_help(launcher, proc_env) -> None:
    result = run(launcher, "--help", env=proc_env)
    assert result.returncode == 0
    assert "score" in result.stdout and "keywords" in result.stdout
    assert result.stderr == ""


@pytest.mark.slow
def test_proc_score_json_from_another_directory(launcher, proc_env, tmp_path: Path) -> None:
    result = run(
        launcher,
        "score",
        RESUME.resolve(),
        POSTING.resolve(),
        "-f",
        "json",
        env=proc_env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    check_report(data)
    assert data["resume"]["source"] == str(RESUME.resolve())
    assert list(tmp_path.iterdir()) == []  # nothing written to the working directory


@pytest.mark.slow
def test_proc_missing_file(launcher, proc_env, tmp_path: Path) -> None:
    result = run(launcher, "score", tmp_path / "nope.md", POSTING, env=proc_env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr, "no such file")


@pytest.mark.slow
def test_proc_text_piped_is_plain_and_explains(proc_env) -> None:
    result = run(MODULE, "score", RESUME, POSTING, "--explain", "--fail-under", "1", env=proc_env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Fit score: " in result.stdout
    assert ANSI not in result.stdout  # stdout is a pipe and NO_COLOR is unset
    stripped = [ln.strip() for ln in result.stdout.splitlines()]
    assert any(ln.startswith("asked: line ") for ln in stripped)
    assert any(ln.startswith("resume: line ") for ln in stripped)


@pytest.mark.slow
def test_proc_markdown(proc_env) -> None:
    result = run(MODULE, "score", RESUME, POSTING, "--format", "markdown", env=proc_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# amfit gap report\n")


@pytest.mark.slow
def test_proc_color_output_file_and_fail_under(proc_env, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run(
        MODULE,
        "score",
        RESUME,
        POSTING,
        "--color",
        "-o",
        out,
        "--fail-under",
        "99",
        env={**proc_env, "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "below --fail-under 99" in lines[0]
    assert ANSI in out.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_proc_no_color_on_a_terminal(proc_env) -> None:
    import pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [*MODULE, "score", str(RESUME), str(POSTING)],
            env={**proc_env, "NO_COLOR": "1"},
            stdout=slave,
            stderr=subprocess.PIPE,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
        proc.stderr.close()
    finally:
        os.close(master)
    text = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 0
    assert "Fit score: " in text
    assert ANSI not in text


@pytest.mark.slow
def test_proc_keywords_json(proc_env) -> None:
    result = run(MODULE, "keywords", POSTING, "--format", "json", env=proc_env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["keywords"] and all(k["tier"] in {"must", "nice", "term"} for k in data["keywords"])


PROC_ERROR_CASES = [c for c in ERROR_CASES if c[0] in {"binary", "oversized", "bad_keywords"}]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("build", "fragments"),
    [c[1:] for c in PROC_ERROR_CASES],
    ids=[c[0] for c in PROC_ERROR_CASES],
)
def test_proc_error_paths(proc_env, bad_inputs, build, fragments) -> None:
    result = run(MODULE, *build(bad_inputs), env=proc_env)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert_one_error_line(result.stderr, *fragments)


@pytest.mark.slow
def test_proc_unknown_format(proc_env) -> None:
    result = run(MODULE, "score", RESUME, POSTING, "--format", "xml", env=proc_env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "xml" in result.stderr
    assert result.stdout == ""


# -- bullets, rules, rule -------------------------------------------------------


def test_bullets_text_json_and_fail_on(tmp_path: Path) -> None:
    runner = CliRunner()
    weak = str(resume_path("weak"))
    text = runner.invoke(app, ["bullets", weak])
    assert text.exit_code == 0, text.stderr
    assert "AM401" in text.stdout and "rewrite:" in text.stdout
    data = json.loads(runner.invoke(app, ["bullets", weak, "--format", "json"]).stdout)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["counts"]["AM401"] >= 1
    assert {f["severity"] for b in data["bullets"] for f in b["findings"]} <= {
        "info",
        "warning",
        "error",
    }
    assert runner.invoke(app, ["bullets", weak, "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["bullets", weak, "--fail-on", "error"]).exit_code == 0
    only = json.loads(
        runner.invoke(app, ["bullets", weak, "--select", "AM2", "--format", "json"]).stdout
    )
    assert set(only["counts"]) <= {"AM201", "AM202", "AM203", "AM204"}
    ignored = json.loads(
        runner.invoke(app, ["bullets", weak, "--ignore", "AM4,AM1", "--format", "json"]).stdout
    )
    assert not any(c.startswith(("AM4", "AM1")) for c in ignored["counts"])


def test_bullets_bad_input_and_unknown_code(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["bullets", str(tmp_path / "nope.md")])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("amfit: error:") and missing.stderr.count("\n") == 1
    bad = runner.invoke(app, ["bullets", str(resume_path("weak")), "--select", "ZZ1"])
    assert bad.exit_code == 2 and "no rule code starts with" in bad.stderr
    unknown = runner.invoke(app, ["rule", "AM999"])
    assert unknown.exit_code == 2 and "no rule" in unknown.stderr


def test_rules_and_rule() -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    for code in ("AM101", "AM201", "AM302", "AM403", "AM501"):
        assert code in listing.stdout
    data = json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)
    assert len(data["rules"]) >= 11
    one = runner.invoke(app, ["rule", "am201"])
    assert one.exit_code == 0
    for title in ("What it does", "Why is this bad?", "Example", "Use instead", "Source"):
        assert title in one.stdout
    doc = json.loads(runner.invoke(app, ["rule", "AM201", "--format", "json"]).stdout)
    assert doc["name"] == "retention-type-missing" and doc["should_flag"]


def test_score_report_includes_bullet_findings() -> None:
    runner = CliRunner()
    weak = str(resume_path("weak"))
    result = runner.invoke(app, ["score", weak, str(POSTING), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["lint"]["counts"]["AM401"] >= 1
    text = runner.invoke(app, ["score", weak, str(POSTING)]).stdout
    assert "Bullet findings:" in text and "AM401" in text
    md = runner.invoke(app, ["score", weak, str(POSTING), "--format", "markdown"]).stdout
    assert "## Bullet findings" in md
    none = runner.invoke(
        app, ["score", weak, str(POSTING), "--format", "json", "--select", "AM203"]
    )
    assert json.loads(none.stdout)["lint"]["rules"] == ["AM203"]


def test_every_command_has_an_example_in_its_help() -> None:
    runner = CliRunner()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example: amfit " in result.stdout, name


def test_json_report_carries_each_extraction_report(tmp_path: Path) -> None:
    html = tmp_path / "posting.html"
    html.write_text(
        "<html><head><script>var x=1;</script></head><body><h1>Account Manager</h1>"
        "<h2>Requirements</h2><ul><li>Own renewals and upsell</li><li>Run QBRs</li></ul>"
        "</body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["score", str(resume_path("strong")), str(html), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["resume"]["extraction"]["format"] == "markdown"
    posting = data["posting"]["extraction"]
    assert posting["format"] == "html" and posting["bullets"] == 2
    assert data["posting"]["title"] == "Account Manager"
