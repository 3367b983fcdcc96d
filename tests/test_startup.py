"""Start-up of the command line: the cyclic collector is off while a
one-document command runs and on again afterwards."""

from __future__ import annotations

import gc
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
    import subprocess

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
