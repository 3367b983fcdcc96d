"""The README's commands and example outputs stay true."""

from __future__ import annotations

import importlib.util
import re
import subprocess

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    m = re.search(rf"<!-- {marker} -->\n```\n(.*?)\n```\n<!-- /{marker} -->", README, re.DOTALL)
    assert m, f"README has no {marker} block"
    return m.group(1).strip()


def test_readme_has_the_two_fresh_machine_commands():
    run = _block("run-command")
    test = _block("test-command")
    assert "pip install ." in run and "amfit score examples/" in run
    assert "pip install '.[test]'" in test and test.endswith("pytest")
    # The example files the run command names exist.
    for path in re.findall(r"examples/\S+", run):
        assert (ROOT / path).is_file(), path


def test_ci_runs_the_readme_test_command():
    extracted = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run"), "--print"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert extracted.strip() == _block("test-command")


def test_readme_example_outputs_are_current():
    spec = importlib.util.spec_from_file_location(
        "readme_outputs", ROOT / "scripts" / "readme_outputs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(README) == README, "run: python scripts/readme_outputs.py"


def test_readme_documents_every_weight_and_exit_code():
    from amfit import errors
    from amfit.fit import weights as scoring

    for name in (
        "WEIGHT_MUST",
        "WEIGHT_NICE",
        "WEIGHT_TERMS",
        "WEIGHT_TITLE",
        "EVIDENCE_FULL",
        "EVIDENCE_LISTED",
        "EVIDENCE_PLAIN",
        "SPECIFIC_SHARE",
        "MIN_SPECIFICITY",
        "GENERIC_CATEGORY_FACTOR",
        "NARROWER_FACTOR",
        "FOUND_THRESHOLD",
        "TERMS_FOR_FULL_WEIGHT",
        "MIN_MUST_CONCEPTS",
        "MIN_NICE_CONCEPTS",
    ):
        value = getattr(scoring, name)
        row = re.search(rf"\| `{name}` \| ([^|]+) \|", README)
        assert row, name
        assert float(row.group(1)) == float(value), name
    for code in (
        errors.EXIT_OK,
        errors.EXIT_THRESHOLD,
        errors.EXIT_INPUT,
        errors.EXIT_INTERNAL,
        errors.EXIT_PARTIAL,
    ):
        assert re.search(rf"^\| {code} \|", README, re.MULTILINE), code
