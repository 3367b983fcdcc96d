"""The ranked outputs without --top keep records on disk past a few
thousand (:class:`amfit.batch.RankedSpill`): the same order as
:func:`amfit.batch.rank`, and the same bytes as ranking in memory."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import amfit.batch
from amfit.batch import RankedSpill, rank
from amfit.cli import app
from amfit.model import BatchRecord, Missing
from amfit.render.batch import write_batch
from conftest import POSTINGS, resume_path

_MISSING = [
    Missing("nrr", "net revenue retention", "must", 1.7),
    Missing("qbr", "quarterly business review", "must", 0.9),
    Missing("gong", "Gong", "nice", 0.45),
]


def _records(spec: list[tuple[int, int]]) -> list[BatchRecord]:
    """Records from (kind, value) pairs: scored with ties, duplicates, errors;
    ids repeat so that ties fall back to input order."""
    out = []
    for i, (kind, value) in enumerate(spec):
        pid = f"p{value % 7}"
        if kind == 0:
            missing = tuple(_MISSING[: value % 4])
            score = [40.0, 55.5, 61.5, 90.0][value % 4]
            out.append(
                BatchRecord(
                    pid,
                    f"s{i}",
                    pid,
                    "Co",
                    "scored",
                    score=score,
                    ats_literal=0.5,
                    must_found=1,
                    must_total=3,
                    title_fit="same",
                    missing=missing,
                )
            )
        elif kind == 1:
            out.append(BatchRecord(pid, f"s{i}", pid, "", "duplicate", duplicate_of="p0"))
        else:
            out.append(BatchRecord(pid, f"s{i}", pid, "", "error", error=f"bad {value}"))
    return out


_SPEC = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 50)), max_size=120)


@settings(max_examples=60, deadline=None)
@given(spec=_SPEC, run_size=st.integers(1, 9), fan_in=st.integers(2, 4))
def test_spill_ranks_as_rank_does(spec, run_size, fan_in, tmp_path_factory):
    records = _records(spec)
    folder = tmp_path_factory.mktemp("spill")
    with RankedSpill(run_size, fan_in, dir=str(folder)) as spill:
        for r in records:
            spill.add(r)
            # Never more than one run in memory.
            assert len(spill._buffer) < run_size
        expected = rank(records)
        got = list(spill.ranked())
        assert [(r.id, r.source) for r in got] == [(r.id, r.source) for r in expected]
        assert got == expected
        assert list(spill.ranked()) == expected  # again, from disk
        assert spill.counts["scored"] == sum(r.status == "scored" for r in records)
    assert os.listdir(folder) == []  # closed: the runs are gone


def _write(records, fmt, **kw):
    out = io.StringIO()
    write_batch(iter(records), out, fmt, resume="r.md", **kw)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_spilled_output_is_byte_identical(fmt, monkeypatch):
    records = _records([(k % 3 if k % 5 else 0, k * 7) for k in range(200)])
    in_memory = _write(records, fmt, min_score=50)
    assert "Edits" in in_memory and "bad " in in_memory
    monkeypatch.setattr(amfit.batch, "SPILL_RUN", 3)
    monkeypatch.setattr(amfit.batch, "SPILL_FAN_IN", 2)
    assert _write(records, fmt, min_score=50) == in_memory


def test_cli_table_spilled_is_byte_identical(monkeypatch):
    runner = CliRunner()
    args = ["batch", str(resume_path("strong")), str(POSTINGS), str(POSTINGS), "-q", "-j", "1"]
    args += ["missing-posting.txt"]
    outputs = []
    for run in (1000, 2):
        monkeypatch.setattr(amfit.batch, "SPILL_RUN", run)
        for fmt in ("text", "html"):
            result = runner.invoke(app, [*args, "-f", fmt])
            assert result.exit_code == 4, result.stderr
            outputs.append(result.stdout)
    assert outputs[:2] == outputs[2:]
    assert "Duplicates" in outputs[0] and "Errors" in outputs[0]
