"""Checks against the shared corpus of real job ads (skipped when it is absent).

No ad text is copied here: the tests read ../shared/corpus at run time.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.corpus

BACKGROUND = ROOT / "data" / "background.tsv"


@pytest.fixture(scope="module")
def background_build(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """Start scripts/build_background.py at once (it takes ~25 s) so it runs
    beside the other corpus tests; the test that needs it waits for it."""
    out = tmp_path_factory.mktemp("background") / "background.tsv"
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_background.py"),
            "--corpus",
            str(corpus_dir / "postings.jsonl"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield proc, out
    if proc.poll() is None:
        proc.kill()
        proc.communicate()


@pytest.fixture(scope="module", autouse=True)
def _start_background_build(request: pytest.FixtureRequest) -> None:
    """Start the build with the module's first test, but only when the test
    that needs it was selected (``-m "not slow"`` leaves it out)."""
    if any("background_build" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("background_build")


@pytest.fixture(scope="module")
def postings(corpus_dir: Path) -> list[dict]:
    with open(corpus_dir / "postings.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _load_eval_labels():
    spec = importlib.util.spec_from_file_location(
        "amfit_eval_labels", ROOT / "scripts" / "eval_labels.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_am(title: str) -> bool:
    return "Account Manager" in title or "Customer Success" in title


def is_engineering(title: str) -> bool:
    return ("Engineer" in title or "Developer" in title) and not is_am(title)


@pytest.fixture(scope="module")
def analyses(postings: list[dict]) -> dict[str, list[tuple[str, list]]]:
    """Taxonomy keywords found in each AM/CS and each engineering posting
    (~15 s, while the background build runs beside it)."""
    from amfit.fit.scorer import analyze_posting

    am = [ad for ad in postings if is_am(ad["title"])]
    eng = [ad for ad in postings if is_engineering(ad["title"])]
    out: dict[str, list[tuple[str, list]]] = {"am": [], "eng": []}
    for group, ads in (("am", am), ("eng", eng)):
        for ad in ads:
            title = ad["title"]
            analysis = analyze_posting(f"{title}\n\n{ad['text']}", source=ad["id"])
            taxonomy = [k for k in analysis.keywords if k.source == "taxonomy"]
            out[group].append((ad["id"], taxonomy))
    return out


def test_label_evaluation_dev(corpus_dir: Path) -> None:
    """The floors hold on the split the taxonomy is tuned on; holdout is a
    reported figure (scripts/eval_labels.py), not a floor to tune against."""
    result = _load_eval_labels().evaluate(corpus_dir, "dev")
    assert result["postings"] >= 10
    detail = json.dumps({k: result[k] for k in ("misses", "extras", "tier_errors")}, indent=1)
    assert result["recall"] >= 0.93, detail
    assert result["precision"] >= 0.95, detail
    assert result["tier_accuracy"] >= 0.90, detail


def test_label_splits_are_disjoint_and_complete(corpus_dir: Path) -> None:
    module = _load_eval_labels()
    dev = {e["id"] for e in module.load_labels(corpus_dir, "dev")}
    holdout = {e["id"] for e in module.load_labels(corpus_dir, "holdout")}
    every = {e["id"] for e in module.load_labels(corpus_dir, "all")}
    assert dev and holdout
    assert dev.isdisjoint(holdout)
    assert dev | holdout == every


def test_holdout_is_measured_apart(corpus_dir: Path) -> None:
    result = _load_eval_labels().evaluate(corpus_dir, "holdout")
    assert result["split"] == "holdout"
    assert result["postings"] >= 20
    assert 0.0 < result["recall"] <= 1.0


@pytest.mark.slow
def test_every_am_posting_asks_for_taxonomy_keywords(analyses) -> None:
    am = analyses["am"]
    assert len(am) >= 10
    thin = [(pid, [k.id for k in kws]) for pid, kws in am if len(kws) < 3]
    assert thin == []


@pytest.mark.slow
def test_engineering_postings_ask_for_fewer_must_haves(analyses) -> None:
    def mean_must(group: list[tuple[str, list]]) -> float:
        return sum(sum(1 for k in kws if k.tier == "must") for _, kws in group) / len(group)

    assert len(analyses["eng"]) >= 100
    am_mean = mean_must(analyses["am"])
    eng_mean = mean_must(analyses["eng"])
    assert eng_mean < am_mean
    assert eng_mean < am_mean / 2, (eng_mean, am_mean)


def test_background_rows_are_counts_only(corpus_dir: Path) -> None:
    lines = BACKGROUND.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    documents = [ln for ln in lines if ln.startswith("# documents\t")]
    assert len(documents) == 1
    with open(corpus_dir / "postings.jsonl", encoding="utf-8") as fh:
        n_ads = sum(1 for line in fh if line.strip())
    assert int(documents[0].split("\t")[1]) == n_ads
    rows = [ln for ln in lines[:-1] if not ln.startswith("#")]
    assert len(rows) > 1000
    row_re = re.compile(r"^[^\t ]+( [^\t ]+)?\t[1-9]\d*$")
    bad = [ln for ln in rows if len(ln) > 80 or not row_re.match(ln)]
    assert bad == []


def test_background_has_no_line_over_80_characters() -> None:
    lines = BACKGROUND.read_text(encoding="utf-8").split("\n")
    assert [n for n, ln in enumerate(lines, start=1) if len(ln) > 80] == []


@pytest.mark.slow
def test_background_is_rebuilt_byte_for_byte(background_build) -> None:
    proc, out = background_build
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert out.read_bytes() == BACKGROUND.read_bytes()
