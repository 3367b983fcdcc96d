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
