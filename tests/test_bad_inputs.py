"""Every bad input issue 12's sweep found, run through the installed ``amfit``.

The promise (docs/inputs.md): a bad input gets one line on stderr starting
``amfit: error:`` and a documented exit code (2 bad input or usage, 4 a
batch with error records), never a traceback, an internal error (3) or a
hang; in a batch nothing is lost. Each row of :data:`CASES` is one input
(named after the issue's wording), the command it is given to, the exit
code and the words the one line must hold. Rows that take seconds by
design (a 100,000-line posting, a 1.5 MB line) are marked slow; they check
that the run finishes well inside a generous timeout, not how fast.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import posting_path, resume_path

RESUME = resume_path("strong")
POSTING = posting_path("smb-account-manager")
#: Exit codes the CLI documents (docs/inputs.md); 3 is a bug and never expected.
EXIT_CODES = {0, 1, 2, 4, 130, 143}


@pytest.fixture(scope="module")
def amfit_cmd() -> list[str]:
    """The installed console script: the one beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name("amfit")
    script = str(beside) if beside.exists() else shutil.which("amfit")
    if script is None:
        pytest.skip("the amfit console script is not installed")
    return [script]


@pytest.fixture(scope="module")
def env() -> dict[str, str]:
    drop = {"NO_COLOR", "FORCE_COLOR", "AMFIT_DEBUG"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def run(cmd: list[str], args: list[str], env: dict[str, str], timeout: float):
    return subprocess.run(
        [*cmd, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("amfit: error: "), stderr
    assert "internal error" not in lines[0], stderr
    return lines[0]


# -- the inputs ---------------------------------------------------------------


def flate_pdf(stream_size: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``stream_size`` spaces."""
    from test_readers import raw_pdf

    squeeze = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    body = b"".join(squeeze.compress(chunk) for _ in range(stream_size >> 20))
    return raw_pdf(body + squeeze.flush(), stream_keys=b"/Filter /FlateDecode ")


def docx_without_document() -> bytes:
    """A real DOCX (python-docx's own) with word/document.xml taken out."""
    import docx

    document = docx.Document()
    document.add_paragraph("Account manager: renewals, expansion, quarterly business reviews.")
    whole = io.BytesIO()
    document.save(whole)
    out = io.BytesIO()
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            if name != "word/document.xml":
                dst.writestr(name, src.read(name))
    return out.getvalue()


def concept(cid: str, **fields: object) -> str:
    body = {"id": cid, "label": cid.replace("_", " "), "category": "custom", "tier": "nice"}
    body.update(fields)
    return "[[concept]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in body.items()) + "\n"


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    files: dict[str, Path] = {}

    def put(name: str, data: bytes | str) -> Path:
        path = d / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        files[name] = path
        return path

    os.mkfifo(d / "fifo.txt")
    files["fifo.txt"] = d / "fifo.txt"
    put("bomb.pdf", flate_pdf(256 << 20))  # 256 MiB of spaces in about 250 KB
    put("spaces.pdf", flate_pdf(1 << 20))  # 1 MiB of spaces: under the cap, no text
    put("nodoc.docx", docx_without_document())
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    files["loop.txt"], files["dangling.txt"] = d / "loop.txt", d / "dangling.txt"
    (d / "empty").mkdir()
    files["empty"] = d / "empty"
    files["missing.txt"] = d / "missing.txt"
    put("lines.txt", "Account Manager\n\n" + "\n".join(f"- QBR {i:05d}" for i in range(100_000)))
    put("line.txt", "Account Manager " + "renewals upsell churn QBR " * 60_000)  # 1.56 MB
    put("repeated.txt", "Account manager renewals. " * 10_000)  # 10,000 hits of one concept
    put("big-field.csv", 'id,text\n1,"' + "Account manager renewals. " * 10_000 + '"\n')
    put("nested.toml", "a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    put("id5.toml", concept("x").replace('id = "x"', "id = 5"))
    put("tier5.toml", concept("x").replace('tier = "nice"', "tier = 5"))
    put("alias20k.toml", concept("long_alias", aliases=["a" * 20_000]))
    put("alias100k.toml", concept("long_alias", aliases=["a" * 100_000]))
    put("words20k.toml", concept("long_words", aliases=[" ".join(["renewal"] * 2_500)]))
    put("aliases.toml", concept("many", aliases=[f"alias number {i}" for i in range(101)]))
    put("concepts.toml", "".join(concept(f"c{i}") for i in range(1_001)))
    put("shape.toml", concept("s", shapes=["grow " * 20 + "~ account"]))
    put("shape-alts.toml", concept("s", shapes=["|".join(f"w{i}" for i in range(60)) + " ~ x"]))
    return files


# -- the table ----------------------------------------------------------------

#: (case, command line, exit code, words the one stderr line must hold).
#: In the command line RESUME and POSTING are the example files, @name a
#: file of the ``bad`` fixture.
CASES: list[tuple[str, str, int, tuple[str, ...]]] = [
    # hangs
    ("fifo-score-resume", "score @fifo.txt POSTING", 2, ("named pipe",)),
    ("fifo-score-posting", "score RESUME @fifo.txt", 2, ("named pipe",)),
    ("fifo-bullets", "bullets @fifo.txt", 2, ("named pipe",)),
    ("fifo-batch-resume", "batch @fifo.txt POSTING", 2, ("named pipe",)),
    ("fifo-keywords-file", "keywords POSTING -k @fifo.txt", 2, ("named pipe",)),
    ("pdf-inflates-256MiB", "score RESUME @bomb.pdf", 2, ("over 50,000,000 bytes",)),
    ("pdf-1MiB-of-spaces", "score RESUME @spaces.pdf", 2, ("no usable text",)),
    # broken files
    ("docx-without-document", "score RESUME @nodoc.docx", 2, ("no word/document.xml",)),
    ("symlink-loop", "score RESUME @loop.txt", 2, ("a symbolic link loop",)),
    ("dangling-symlink", "score RESUME @dangling.txt", 2, ("a broken symbolic link",)),
    ("output-symlink-loop", "batch RESUME POSTING -o @loop.txt", 2, ("a symbolic link loop",)),
    # keywords files
    ("toml-nested-100k", "keywords POSTING -k @nested.toml", 2, ("nested too deeply",)),
    ("id-is-a-number", "keywords POSTING -k @id5.toml", 2, ("id5.toml:1:", "'id' must be a")),
    ("tier-is-a-number", "keywords POSTING -k @tier5.toml", 2, ("tier5.toml:1:", "'tier' must be")),
    ("alias-20k-chars", "score RESUME POSTING -k @alias20k.toml", 2, ("alias20k.toml:1:",)),
    ("alias-100k-chars", "score RESUME POSTING -k @alias100k.toml", 2, ("100,000 characters",)),
    ("alias-2500-words", "score RESUME POSTING -k @words20k.toml", 2, ("2,500 word(s)",)),
    ("101-aliases", "keywords POSTING -k @aliases.toml", 2, ("aliases.toml:1:", "101 aliases")),
    ("1001-concepts", "keywords POSTING -k @concepts.toml", 2, ("concepts.toml:", "1,000 con")),
    ("shape-side-too-long", "keywords POSTING -k @shape.toml", 2, ("shape.toml:1:", "too long")),
    ("shape-60-alternatives", "keywords POSTING -k @shape-alts.toml", 2, ("over 50 alternatives",)),
    # usage
    (
        "unknown-option",
        "score --bogus RESUME POSTING",
        2,
        ("No such option: --bogus", "score --help"),
    ),
    ("missing-argument", "score RESUME", 2, ("Missing argument 'POSTING'",)),
    ("unknown-command", "scroe", 2, ("No such command 'scroe'",)),
    ("bad-number", "score RESUME POSTING --fail-under lots", 2, ("'--fail-under'",)),
    ("out-of-range", "batch RESUME POSTING --jobs 0", 2, ("'--jobs'",)),
    ("bad-choice", "score RESUME POSTING -f yaml", 2, ("'yaml'",)),
    ("extra-argument", "bullets RESUME POSTING", 2, ("unexpected extra argument",)),
    ("root-unknown-option", "--bogus", 2, ("No such option: --bogus",)),
    # size: accepted, in linear time (slow by design)
    ("100k-line-posting", "score RESUME @lines.txt", 0, ()),
    ("1.5MB-single-line", "score RESUME @line.txt", 0, ()),
    ("1.5MB-line-keywords", "keywords @line.txt", 0, ()),
    ("10k-repeated-sentences", "score RESUME @repeated.txt", 0, ()),
    ("260KB-csv-field", "batch RESUME @big-field.csv -f csv --jobs 1", 0, ()),
]
#: Rows that take seconds by design; each once took minutes or exited 3.
SLOW_CASES = {c[0] for c in CASES[-5:]}


def argv_of(line: str, bad: dict[str, Path]) -> list[str]:
    known = {"RESUME": str(RESUME), "POSTING": str(POSTING)}
    return [str(bad[w[1:]]) if w.startswith("@") else known.get(w, w) for w in line.split()]


def _params():
    for case, line, code, fragments in CASES:
        slow = case in SLOW_CASES
        for how in ("in-process", "installed"):
            if slow and how == "in-process":
                continue
            # Spawning the installed command is the project's "slow" (about
            # a second a run); the same row in-process stays in the quick loop.
            marks = [pytest.mark.slow] if slow or how == "installed" else []
            yield pytest.param(how, line, code, fragments, slow, id=f"{case}-{how}", marks=marks)


@pytest.mark.parametrize(("how", "line", "code", "fragments", "slow"), list(_params()))
def test_bad_input_is_one_line_and_a_documented_exit_code(
    request, env, bad, how, line, code, fragments, slow
):
    argv = argv_of(line, bad)
    if how == "installed":
        # A hang fails the test on the timeout; slow rows get room for a shared machine.
        amfit_cmd = request.getfixturevalue("amfit_cmd")
        result = run(amfit_cmd, argv, env, timeout=400 if slow else 60)
        returncode = result.returncode
    else:
        from typer.testing import CliRunner

        from amfit.cli import app

        result = CliRunner().invoke(app, argv)
        returncode = result.exit_code
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert returncode == code, result.stderr
    if code == 0:
        assert result.stderr == "" and result.stdout
        return
    message = one_error_line(result.stderr)
    for fragment in fragments:
        assert fragment in message, message
    assert result.stdout == ""


@pytest.mark.slow
def test_help_is_there_with_h_and_readable_placeholders(amfit_cmd, env):
    for command in ([], ["score"], ["keywords"], ["bullets"], ["letter"], ["batch"], ["rule"]):
        short = run(amfit_cmd, [*command, "-h"], env, timeout=60)
        long = run(amfit_cmd, [*command, "--help"], env, timeout=60)
        assert short.returncode == long.returncode == 0, short.stderr
        assert short.stdout == long.stdout and short.stdout.startswith("Usage: amfit")
        for python_type in ("list[", "range>", "<str>", "<float", "<int", "<path>"):
            assert python_type not in short.stdout, (command, short.stdout)
    bare = run(amfit_cmd, [], env, timeout=60)  # help, as before
    assert "Usage: amfit" in bare.stdout + bare.stderr and "Traceback" not in bare.stderr


# -- batch: nothing lost --------------------------------------------------------


def _csv_rows(text: str) -> list[dict[str, str]]:
    import csv

    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_named_one_by_one_turns_every_bad_entry_into_a_record(amfit_cmd, env, bad, jobs):
    specs = [
        POSTING,
        bad["missing.txt"],
        bad["dangling.txt"],
        bad["empty"],
        bad["empty"] / "*.txt",
        bad["loop.txt"],
        bad["fifo.txt"],
        bad["nodoc.docx"],
        posting_path("account-executive"),
    ]
    args = ["batch", RESUME, *map(str, specs), "-f", "csv", "--jobs", jobs, "--quiet"]
    result = run(amfit_cmd, args, env, timeout=120)
    assert result.returncode == 4, result.stderr
    assert result.stderr == ""
    rows = _csv_rows(result.stdout)
    assert [r["status"] for r in rows] == ["scored", *["error"] * 7, "scored"]
    errors = [r["error"] for r in rows[1:-1]]
    for error, words in zip(
        errors,
        [
            "no such file",
            "broken symbolic link",
            "no postings in this folder",
            "matches no file",
            "symbolic link loop",
            "named pipe",
            "document.xml",
        ],
        strict=True,
    ):
        assert words in error
    again = run(amfit_cmd, [*args[:-3], "--jobs", "2" if jobs == "1" else "1", "--quiet"], env, 120)
    assert again.stdout == result.stdout  # the same records whatever --jobs is


def _distinct_postings(path: Path, n: int) -> Path:
    """``n`` postings that differ in every line, so that no per-text cache
    makes scoring one of them cheap (a batch of them takes seconds)."""
    lines = POSTING.read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = "\n".join(f"{line} r{i:05d}" if line.strip() else line for line in lines)
            fh.write(json.dumps({"id": f"p{i}", "text": text}) + "\n")
    return path


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize(
    ("signum", "code", "word"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
)
def test_a_signal_stops_batch_jobs_2_with_one_line_and_no_worker_left(
    amfit_cmd, env, tmp_path, signum, code, word
):
    postings = _distinct_postings(tmp_path / "many.jsonl", 3_000)
    proc = subprocess.Popen(
        [*amfit_cmd, "batch", str(RESUME), str(postings), "-f", "csv", "--jobs", "2", "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)  # scoring is under way
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    line = one_error_line(stderr)
    assert word in line
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


# -- the library ---------------------------------------------------------------


LONE_SURROGATES = ["\ud800", "\udfff", "a\udc80b", "\ud83d"]  # half of an emoji pair


@pytest.mark.parametrize("bad_char", LONE_SURROGATES)
def test_library_score_normalises_a_lone_surrogate(bad_char):
    import amfit

    resume = resume_path("strong").read_text(encoding="utf-8")
    posting = POSTING.read_text(encoding="utf-8")
    report = amfit.score(resume + bad_char, posting.replace("\n", f" {bad_char}\n", 3))
    clean = amfit.score(resume, posting)
    assert report.score == pytest.approx(clean.score, abs=2.0)
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # every string encodes
    alone = amfit.score(resume, f"Account Manager {bad_char}\n- renewals")
    assert 0 <= alone.score <= 100
    json.dumps(alone.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["\ud800", "\udfff", "\x00", "\u2028", "\ufeff", "\r", "\n- "]),
            st.text(min_size=1, max_size=12),
            st.sampled_from(["renewals", "Account Manager", "QBR", "upsell", "NRR"]),
        ),
        max_size=40,
    )
)
def test_library_score_on_mutated_text_is_a_report_or_an_input_error(parts):
    """The issue's 2,000 mutated library calls, in small: never an encoding error."""
    import amfit

    text = " ".join(parts)
    try:
        report = amfit.score(text, text)
    except amfit.InputError as exc:
        assert "\n" not in str(exc)
        return
    assert 0 <= report.score <= 100
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
