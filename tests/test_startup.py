"""Start-up of the command line: the cyclic collector is off while a
one-document command runs and on again afterwards."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from amfit import cli
from conftest import posting_path, resume_path


def test_main_runs_without_the_collector_and_turns_it_back_on(monkeypatch, capsys):
    seen: list[bool] = []
    monkeypatch.setattr(cli, "app", lambda: seen.append(gc.isenabled()))
    cli.main()
    assert seen == [False]
    assert gc.isenabled()


def test_batch_turns_the_collector_on(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(
        sys,
        "argv",
        ["amfit", "batch", str(resume_path("strong")), str(posting_path("smb-account-manager"))],
    )
    seen: list[bool] = []
    import amfit.batch

    def fake_score_many(*args, **kwargs):
        seen.append(gc.isenabled())
        return iter(())

    monkeypatch.setattr(amfit.batch, "score_many", fake_score_many)
    with pytest.raises(SystemExit):
        cli.main()
    assert seen == [True]
    assert gc.isenabled()


def test_a_score_loads_only_what_it_uses():
    """A cold `amfit score` imports neither the batch and letter result
    models nor tomllib (every shipped TOML file's parse is read from
    data/parsed_toml.jsonl); `amfit.model` still gives their names."""
    code = (
        "import sys\n"
        "from amfit.cli import main\n"
        f"sys.argv = ['amfit', 'score', {str(resume_path('strong'))!r},"
        f" {str(posting_path('smb-account-manager'))!r}, '--format', 'json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = ('amfit.model.batch', 'amfit.model.letter', 'tomllib')\n"
        "print(sorted(n for n in names if n in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("{")
    assert out.stderr.strip().splitlines()[-1] == "[]"
    import amfit.model

    assert amfit.model.BatchRecord.__module__ == "amfit.model.batch"
    assert amfit.model.LetterReport.__module__ == "amfit.model.letter"
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        amfit.model.nothing  # noqa: B018


def _entry(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``amfit.cli.entry`` in a fresh process with an atexit handler
    that says whether the interpreter tore itself down."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('torn down', file=sys.stderr))\n"
        "from amfit.cli import entry\n"
        f"sys.argv = ['amfit', *{args!r}]\n"
        "entry()\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_the_console_entry_leaves_without_tear_down_once_output_is_flushed(tmp_path):
    resume, posting = str(resume_path("strong")), str(posting_path("smb-account-manager"))
    done = _entry(["score", resume, posting, "--format", "json"])
    assert done.returncode == 0 and done.stdout.startswith("{") and done.stdout.endswith("}\n")
    assert "torn down" not in done.stderr
    assert done.stdout == _entry(["score", resume, posting, "--format", "json"]).stdout
    low = _entry(["score", resume, posting, "--fail-under", "99"])
    assert low.returncode == 1 and "is below --fail-under 99" in low.stderr
    usage = _entry(["score", resume])
    assert usage.returncode == 2
    assert usage.stderr.splitlines() == [
        "amfit: error: Missing argument 'POSTING'; see 'amfit score --help'"
    ]
    out = tmp_path / "gap.md"
    assert _entry(["score", resume, posting, "-f", "markdown", "-o", str(out)]).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("#")


def test_batch_keeps_the_tear_down(tmp_path):
    """Worker pools and spilled files are cleaned up by the interpreter."""
    resume, posting = str(resume_path("strong")), str(posting_path("smb-account-manager"))
    done = _entry(["batch", resume, posting, "-f", "jsonl", "-q"])
    assert done.returncode == 0 and done.stdout.count("\n") == 1
    assert "torn down" in done.stderr
