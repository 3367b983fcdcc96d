"""amfit batch: input forms, ranking, edits, errors, duplicates, jobs."""

from __future__ import annotations

import io
import json
import shutil
import statistics
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amfit.batch import (
    BatchRecord,
    Missing,
    PostingInput,
    TopRanked,
    aggregate_edits,
    iter_postings,
    rank,
    score_many,
)
from amfit.cli import app
from amfit.errors import EXIT_PARTIAL
from amfit.readers import read_text
from amfit.render.batch import render_table
from conftest import AM_POSTINGS, POSTINGS, posting_path, resume_path

RESUME = read_text(resume_path("strong"))


@pytest.fixture
def folder(tmp_path):
    for name in (*AM_POSTINGS, "account-executive"):
        shutil.copy(posting_path(name), tmp_path / f"{name}.txt")
    (tmp_path / ".notes.txt").write_text("hidden: not a posting", encoding="utf-8")
    (tmp_path / "old").mkdir()  # subfolders are not read
    (tmp_path / "old" / "x.txt").write_text("not read", encoding="utf-8")
    return tmp_path


def _jsonl(tmp_path, rows):
    path = tmp_path / "postings.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _rows():
    return [
        {"id": name, "title": "", "company": "Acme", "text": read_text(posting_path(name))}
        for name in (*AM_POSTINGS, "account-executive")
    ]


def test_folder_glob_and_file_forms(folder):
    ids = [p.id for p in iter_postings([str(folder)])]
    assert ids == sorted(ids) and len(ids) == 4
    globbed = [p.id for p in iter_postings([str(folder / "*account-manager.txt")])]
    assert globbed == sorted(AM_POSTINGS)
    one = list(iter_postings([str(posting_path("account-executive"))]))
    assert [p.id for p in one] == ["account-executive"] and one[0].text


def test_jsonl_csv_and_stdin_forms(tmp_path):
    rows = _rows()
    items = list(iter_postings([str(_jsonl(tmp_path, rows))]))
    assert [i.id for i in items] == [r["id"] for r in rows]
    assert all(i.company == "Acme" and i.text for i in items)
    csv_path = tmp_path / "p.csv"
    import csv

    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["id", "title", "description"])
        w.writeheader()
        for r in rows:
            w.writerow({"id": r["id"], "title": "", "description": r["text"]})
    items = list(iter_postings([str(csv_path)], text_column="description"))
    assert [i.id for i in items] == [r["id"] for r in rows]
    assert "no column 'text'" in (next(iter_postings([str(csv_path)])).error or "")
    stdin = io.StringIO("\n".join(json.dumps(r) for r in rows[:2]))
    assert [i.id for i in iter_postings(["-"], stdin=stdin)] == [rows[0]["id"], rows[1]["id"]]
    plain = list(iter_postings(["-"], stdin=io.StringIO(rows[0]["text"])))
    assert len(plain) == 1 and plain[0].text


def test_specs_that_name_nothing_are_error_records_in_place(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    good = str(posting_path("account-executive"))
    specs = [
        good,
        str(tmp_path / "missing.txt"),
        str(tmp_path / "*.nothing"),
        str(tmp_path / "empty"),
        str(tmp_path / "broken.txt"),
        str(tmp_path / "loop.txt"),
        str(tmp_path / "none.jsonl"),
        str(posting_path("smb-account-manager")),
    ]
    items = list(iter_postings(specs))
    assert [i.error is None for i in items] == [True, *[False] * 6, True]
    errors = [i.error for i in items[1:-1]]
    for error, fragment in zip(
        errors,
        [
            "no such file",
            "the pattern matches no file",
            "no postings in this folder",
            "a broken symbolic link",
            "a symbolic link loop",
            "no such file",
        ],
        strict=True,
    ):
        assert fragment in error and "\n" not in error
    one = [r.to_dict() for r in score_many(RESUME, iter_postings(specs), jobs=1)]
    two = [r.to_dict() for r in score_many(RESUME, iter_postings(specs), jobs=2)]
    assert one == two
    assert [r["status"] for r in one] == ["scored", *["error"] * 6, "scored"]


def test_a_folder_reads_every_format_a_single_file_does(tmp_path):
    from test_readers import docx_bytes, pdf_bytes, posting_html

    text = read_text(posting_path("enterprise-account-manager"))
    (tmp_path / "a.html").write_text(posting_html(text), encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(docx_bytes(text))
    (tmp_path / "c.pdf").write_bytes(pdf_bytes(text))
    (tmp_path / "d.md").write_text(text, encoding="utf-8")
    (tmp_path / "e.json").write_text('{"not": "a posting"}', encoding="utf-8")
    records = tmp_path / "ranked.jsonl"  # record files are read only when named
    records.write_text(json.dumps({"id": "r1", "text": text}), encoding="utf-8")
    items = list(iter_postings([str(tmp_path)]))
    assert [i.id for i in items] == ["a", "b", "c", "d", "e"]
    assert all(i.text and "renewal" in i.text.lower() for i in items[:4])
    assert items[4].error and "JSON" in items[4].error  # read, and said why it is no posting
    assert [i.id for i in iter_postings([str(tmp_path / "*.*")])] == [*"abcde", "r1"]


def test_a_csv_without_the_text_column_is_one_error_record(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,description\n1,Account manager\n", encoding="utf-8")
    items = list(iter_postings([str(path), str(posting_path("account-executive"))]))
    assert "no column 'text'" in (items[0].error or "") and items[1].text
    header_only = tmp_path / "header.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    nul = tmp_path / "nul.csv"
    nul.write_text('id,text\n1,"a\x00b"\n2,"Account Manager"\n', encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    specs = [header_only, nul, tmp_path / "empty.jsonl"]
    errors = [i.error for i in iter_postings([str(p) for p in specs])]
    assert [e is not None for e in errors] == [True, True, False, True]
    assert "no postings in this file" in errors[0] and "no postings in this file" in errors[3]
    assert errors[1].startswith(f"{nul}:") and "\n" not in errors[1]


def test_errors_sit_next_to_good_records_and_duplicates_are_scored_once(tmp_path):
    rows = _rows()
    lines = [json.dumps(r) for r in rows]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "empty", "text": ""}))
    lines.append(json.dumps({**rows[0], "id": "copy-of-smb"}))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(score_many(RESUME, iter_postings([str(path)]), jobs=1, full_reports=False))
    status = {r.id: r.status for r in records}
    assert list(status.values()).count("scored") == 4
    assert status["empty"] == "error"
    assert any(r.status == "error" and "invalid JSON" in (r.error or "") for r in records)
    dup = next(r for r in records if r.id == "copy-of-smb")
    assert dup.status == "duplicate" and dup.duplicate_of == rows[0]["id"]
    assert dup.score is None


def test_jobs_1_and_2_give_identical_records(tmp_path):
    path = _jsonl(tmp_path, _rows() * 3)  # repeats become duplicates
    one = [r.to_dict() for r in score_many(RESUME, iter_postings([str(path)]), jobs=1)]
    two = [r.to_dict() for r in score_many(RESUME, iter_postings([str(path)]), jobs=2)]
    assert one == two
    assert sum(1 for r in one if r["status"] == "duplicate") == 8


def _rec(pid, score, missing=()):
    return BatchRecord(pid, pid, pid, "", "scored", score=score, missing=tuple(missing))


def test_ranking_breaks_ties_by_id_and_puts_errors_last():
    records = [
        BatchRecord("e", "e", "", "", "error", error="bad"),
        _rec("b", 70.0),
        _rec("a", 70.0),
        _rec("c", 90.0),
        BatchRecord("d", "d", "", "", "duplicate", duplicate_of="c"),
    ]
    assert [r.id for r in rank(records)] == ["c", "a", "b", "d", "e"]


def test_table_names_the_id_of_rows_that_read_alike():
    def row(pid, score, title, company):
        return BatchRecord(pid, pid, title, company, "scored", score=score)

    records = [
        row("csm-gtm-acme-x1", 66.0, "Customer Success Manager", "Acme"),
        row("csm-mm-acme-x2", 66.0, "Customer Success Manager", "Acme"),
        row("csm-beta-x3", 60.0, "Customer Success Manager", "Beta"),
        row("am-acme-x4", 50.0, "Account Manager", "Acme"),
    ]
    table = render_table(rank(records), [], "r.md", color=False)
    ids = [line.split("id: ")[1] for line in table.splitlines() if "id: " in line]
    # Only the two Acme variants read alike; the Beta row and the other
    # title keep their one line.
    assert ids == ["csm-gtm-acme-x1", "csm-mm-acme-x2"]


@settings(max_examples=100, deadline=None)
@given(
    scores=st.lists(st.sampled_from([50.0, 61.5, 70.0, 90.0]), max_size=300),
    top=st.one_of(st.none(), st.integers(1, 12)),
)
def test_top_ranked_streams_what_rank_then_cut_gives(scores, top):
    records = [_rec(f"p{i % 37:02d}-{i}", s) for i, s in enumerate(scores)]
    records += [BatchRecord("x", "x", "", "", "error", error="bad")]
    kept = TopRanked(top)
    for r in records:
        kept.add(r)
        # Memory stays bounded: never more than about twice the kept rows.
        assert top is None or len(kept._scored) < 2 * top + 64
    ranked = rank(records)
    scored = [r for r in ranked if r.status == "scored"]
    expected = (scored if top is None else scored[:top]) + ranked[len(scored) :]
    assert kept.ranked() == expected


def test_edits_rank_by_total_points_then_postings():
    m = lambda i, p, tier="must": Missing(i, i.upper(), tier, p)  # noqa: E731
    records = [
        _rec("1", 50, [m("nrr", 3.0), m("qbr", 2.0)]),
        _rec("2", 60, [m("nrr", 3.0), m("gong", 5.5, "nice")]),
        _rec("3", 70, [m("qbr", 2.0), m("nrr", 1.0)]),
    ]
    edits = aggregate_edits(records)
    assert [(e.id, e.postings, e.points) for e in edits] == [
        ("nrr", 3, 7.0),
        ("gong", 1, 5.5),
        ("qbr", 2, 4.0),
    ]


def test_cli_table_csv_jsonl_and_exit_codes(folder, tmp_path):
    runner = CliRunner()
    resume = str(resume_path("strong"))
    table = runner.invoke(app, ["batch", resume, str(folder), "--quiet"])
    assert table.exit_code == 0, table.stderr
    assert "Edits that would help most" in table.stdout
    lines = table.stdout.splitlines()
    assert lines[3].lstrip().startswith("1") and "Account Manager" in lines[3]
    assert all(len(line) <= 80 for line in lines)
    csv_out = runner.invoke(app, ["batch", resume, str(folder), "-f", "csv", "--jobs", "1"])
    assert csv_out.stdout.splitlines()[0].startswith("id,source,title")
    assert len(csv_out.stdout.splitlines()) == 5
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", resume, str(folder), "-f", "jsonl", "-o", str(out)])
    assert res.exit_code == 0 and res.stdout == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["status"] for r in records} == {"scored"}
    assert records[0]["report"]["schema_version"] and records[0]["source"]
    top = runner.invoke(app, ["batch", resume, str(folder), "-f", "jsonl", "--top", "1"])
    assert len(top.stdout.splitlines()) == 1
    assert json.loads(top.stdout)["title"] == "Account Manager, SMB"
    low = runner.invoke(app, ["batch", resume, str(folder), "-f", "csv", "--min-score", "60"])
    import csv

    rows = list(csv.DictReader(io.StringIO(low.stdout)))
    assert rows and all(float(r["score"]) >= 60 for r in rows)
    bad = _jsonl(tmp_path, [{"id": "x", "text": ""}, _rows()[0]])
    partial = runner.invoke(app, ["batch", resume, str(bad), "-f", "csv"])
    assert partial.exit_code == EXIT_PARTIAL
    missing = runner.invoke(app, ["batch", resume, str(tmp_path / "none.jsonl"), "-f", "csv"])
    assert missing.exit_code == EXIT_PARTIAL and "none.jsonl: no such file" in missing.stdout
    no_resume = runner.invoke(app, ["batch", str(tmp_path / "none.md"), str(folder)])
    assert no_resume.exit_code == 2 and no_resume.stderr.startswith("amfit: error:")


@pytest.mark.slow
@pytest.mark.corpus
def test_am_postings_rank_above_engineering_ones_on_the_corpus(corpus_dir):
    records = list(
        score_many(
            RESUME,
            iter_postings([str(corpus_dir / "postings.jsonl")]),
            jobs=2,
            full_reports=False,
        )
    )
    scored = [r for r in records if r.status == "scored"]
    assert len(scored) > 1000

    def is_am(title):
        t = title.lower()
        return "account manager" in t or "customer success" in t

    def is_eng(title):
        t = title.lower()
        return "engineer" in t or "developer" in t

    am = [r.score for r in scored if is_am(r.title)]
    eng = [r.score for r in scored if is_eng(r.title)]
    assert len(am) >= 10 and len(eng) >= 100
    assert statistics.median(am) > statistics.median(eng) + 20
    top = rank(scored)[:20]
    assert sum(1 for r in top if is_eng(r.title)) <= 2, [r.title for r in top]


def test_posting_input_defaults():
    item = PostingInput("x", "x")
    assert item.text is None and item.error is None
    assert POSTINGS.is_dir()


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed", reason="the Dask extra is not installed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.mark.slow
def test_dask_engine_matches_the_local_engine(tmp_path, dask_client):
    from amfit.batch_dask import score_many_dask

    path = _jsonl(tmp_path, _rows() * 2)
    local = [r.to_dict() for r in score_many(RESUME, iter_postings([str(path)]), jobs=1)]
    remote = [
        r.to_dict()
        for r in score_many_dask(
            RESUME, iter_postings([str(path)]), client=dask_client, partition_size=3
        )
    ]
    assert remote == local
    assert sum(1 for r in remote if r["status"] == "duplicate") == 4


def _local_cluster_run(code: str) -> str:
    """What ``code`` prints, run in a fresh process: a local cluster forks
    its workers, which is only safe from a process without another
    cluster's threads (dask_client)."""
    pytest.importorskip("distributed", reason="the Dask extra is not installed")
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout


@pytest.mark.slow
def test_dask_local_cluster_runs_without_the_dashboard_monitors():
    code = (
        "from amfit.batch_dask import _client\n"
        "client = _client(None)\n"
        "print(sorted(client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))"
        ".values()))\n"
        "client.close()\n"
    )
    out = _local_cluster_run(code)
    assert "heartbeat" in out and "profile" not in out


@pytest.mark.slow
def test_dask_local_cluster_workers_run_the_collector_of_a_batch():
    """The local cluster's workers, forked after the scorer is built, run
    at BATCH_GC_THRESHOLD as the local engine's do; the parent's settings
    come back when the batch ends."""
    code = (
        "import gc\n"
        "from amfit import batch_dask\n"
        "from amfit.batch import BATCH_GC_THRESHOLD\n"
        "held = []\n"
        "make = batch_dask._client\n"
        "batch_dask._client = lambda s: held.append(make(s)) or held[-1]\n"
        "before = gc.get_threshold()\n"
        f"records = batch_dask.score_many_dask({RESUME!r}, ['Own renewals.'] * 3)\n"
        "next(records)\n"
        "workers = set(held[0].run(gc.get_threshold).values())\n"
        "print(workers == {BATCH_GC_THRESHOLD}, gc.get_threshold() == BATCH_GC_THRESHOLD)\n"
        "list(records)\n"
        "print(gc.get_threshold() == before, gc.get_freeze_count() == 0)\n"
    )
    out = _local_cluster_run(code)
    assert out.split() == ["True"] * 4


@pytest.mark.slow
def test_cli_dask_engine_with_a_scheduler_address(folder, dask_client):
    address = dask_client.scheduler.address
    res = CliRunner().invoke(
        app,
        [
            "batch",
            str(resume_path("strong")),
            str(folder),
            "-f",
            "csv",
            "--engine",
            "dask",
            "--scheduler",
            address,
            "--quiet",
        ],
    )
    assert res.exit_code == 0, res.stderr
    assert len(res.stdout.splitlines()) == 5


def test_top_level_api_takes_plain_texts_and_keeps_going_after_a_bad_one():
    import amfit

    good = read_text(posting_path("smb-account-manager"))
    records = list(amfit.score_many(RESUME, [good, "   ", "\x00\x01\x02" * 20, good], jobs=1))
    assert [r.id for r in records] == ["1", "2", "3", "4"]
    assert [r.status for r in records] == ["scored", "error", "error", "duplicate"]
    assert records[1].error == "<posting 2>: the file is empty (no text to read)"
    assert "binary" in records[2].error
    assert records[3].duplicate_of == "1"
    assert amfit.rank(records)[0].id == "1"
    assert records[0].report["score"] == records[0].score


def test_a_batch_runs_the_collector_rarely_and_puts_it_back() -> None:
    """While records stream, the objects built before them are frozen and the
    collector runs at BATCH_GC_THRESHOLD; the caller's settings come back
    when the batch ends, whether it ran out or was closed early."""
    import gc

    from amfit import batch

    before = gc.get_threshold()
    texts = [read_text(posting_path(name)) for name in AM_POSTINGS[:2]]
    resume = read_text(resume_path("strong"))
    records = batch.score_many(resume, texts, jobs=1)
    next(records)
    assert gc.get_threshold() == batch.BATCH_GC_THRESHOLD
    assert gc.get_freeze_count() > 0
    records.close()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert [r.status for r in batch.score_many(resume, texts, jobs=1)] == ["scored", "scored"]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
