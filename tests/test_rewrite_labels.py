"""Rewrites of the labelled real bullets (../shared/resumes), checked by properties.

The bullets are read at test time and never copied into the project; the
test skips when ../shared is absent. The properties are those of
scripts/eval_bullets.py.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, load_script

LABELS = ROOT.parent / "shared" / "resumes" / "bullet_labels.jsonl"
pytestmark = pytest.mark.skipif(not LABELS.is_file(), reason="../shared/resumes is absent")


def _evaluator():
    return load_script("eval_bullets")


def test_rewrites_of_real_bullets_hold_every_property() -> None:
    ev = _evaluator()
    labels = ev.load(LABELS)
    bullets, _ = ev.lint_labelled(labels, LABELS.parent)
    given = [(d, bullets[d["id"]].rewrite) for d in labels if bullets[d["id"]].rewrite]
    assert len(given) >= len(labels) // 2
    suffix = 0
    for d, rewrite in given:
        props = ev.properties(d["text"], rewrite)
        suffix += props.pop("suffix")
        failed = [name for name, ok in props.items() if not ok]
        assert not failed, (d["id"], failed, rewrite)
    assert suffix / len(given) < 0.2


def test_rules_meet_the_targets_on_real_bullets() -> None:
    ev = _evaluator()
    labels = ev.load(LABELS)
    bullets, _ = ev.lint_labelled(labels, LABELS.parent)
    tp = fp = expected = 0
    for d in labels:
        fired = {f.code for f in bullets[d["id"]].findings}
        expected += len(d["expect"])
        tp += len(fired & set(d["expect"]))
        fp += len(fired & set(d["forbid"]))
    assert tp / (tp + fp) >= 0.95
    assert tp / expected >= 0.85
