"""Every bullet rule: its docs, its example table, and the registry."""

from __future__ import annotations

import importlib.util
import re

import pytest

from amfit.facts import extract_facts
from amfit.lint import REGISTRY, lint_resume
from amfit.lint.base import REQUIRED_SECTIONS, BulletContext, ResumeContext, Rule
from conftest import ROOT

RULES = REGISTRY.all()
BULLET_RULES = [r for r in RULES if r.scope == "bullet"]
RESUME_RULES = [r for r in RULES if r.scope == "resume"]


def _ctx(text: str) -> BulletContext:
    return BulletContext(text, 1, extract_facts(text))


def _resume_ctx(text: str) -> ResumeContext:
    bullets = tuple(_ctx(line[2:].strip()) for line in text.splitlines() if line.startswith("- "))
    return ResumeContext(bullets, text)


def _flags(rule: Rule, text: str) -> bool:
    if rule.scope == "bullet":
        return any(f.code == rule.code for f in rule.check(_ctx(text)))
    if rule.scope == "letter":
        from amfit.letter import build_context
        from amfit.lint.rules.letter import EXAMPLE_TITLE

        ctx = build_context(text, posting_title=EXAMPLE_TITLE)
        return any(f.code == rule.code for f in rule.check_letter(ctx))
    return any(f.code == rule.code for f in rule.check_resume(_resume_ctx(text)))


CASES = [
    pytest.param(rule, text, True, id=f"{rule.code}-flag-{i}")
    for rule in RULES
    for i, text in enumerate(rule.examples.flag)
] + [
    pytest.param(rule, text, False, id=f"{rule.code}-pass-{i}")
    for rule in RULES
    for i, text in enumerate(rule.examples.passes)
]


POSTING_CASES = [
    pytest.param(rule, posting, letter, id=f"{rule.code}-posting-{i}-{j}")
    for rule in RULES
    for i, posting in enumerate(getattr(rule, "posting_passes", ()))
    for j, letter in enumerate(rule.examples.flag)
]


@pytest.mark.parametrize(("rule", "posting", "letter"), POSTING_CASES)
def test_letter_rule_passes_when_the_posting_asks(rule: Rule, posting: str, letter: str) -> None:
    """A letter rule with ``unless_posting`` flags its example letters alone
    and passes them when the posting asks for what they say."""
    from amfit.letter import build_context

    assert _flags(rule, letter)
    ctx = build_context(letter, posting_text=posting)
    assert not any(f.code == rule.code for f in rule.check_letter(ctx)), (rule.code, posting)


def test_some_letter_rule_reads_the_posting() -> None:
    assert POSTING_CASES, "no letter rule has posting_passes examples"


@pytest.mark.parametrize(("rule", "text", "should_flag"), CASES)
def test_rule_examples(rule: Rule, text: str, should_flag: bool) -> None:
    assert _flags(rule, text) is should_flag, f"{rule.code} on {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert re.fullmatch(r"AM[1-9]\d\d", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+|[a-z]+", rule.name)
    # Names name the problem, never the fix (ruff's convention).
    assert not rule.name.startswith(("use-", "avoid-", "prefer-", "no-use"))
    assert rule.status in {"stable", "preview"}
    assert rule.scope in {"bullet", "resume", "letter"}
    sections = rule.doc_sections()
    assert sections["summary"], rule.code
    for title in REQUIRED_SECTIONS:
        assert sections.get(title), f"{rule.code} docstring lacks '## {title}'"
    assert len(rule.examples.flag) >= 1 and len(rule.examples.passes) >= 1
    assert rule.hint


def test_codes_and_names_are_unique_and_families_fit() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    families = {
        "1": "book",
        "2": "retention",
        "3": "expansion",
        "4": "framing",
        "5": "role",
        "7": "letter",
    }
    for r in RULES:
        module = type(r).__module__.rsplit(".", 1)[-1]
        assert families[r.code[2]].startswith(module[:4]) or module == "rolefit", (r.code, module)


def test_registry_refuses_a_reused_code() -> None:
    from amfit.lint.base import Registry

    reg = Registry()
    reg.add(type(RULES[0]))
    with pytest.raises(ValueError, match="used twice"):
        reg.add(type(RULES[0]))


def test_issue_codes_exist_with_their_public_names() -> None:
    expected = {
        "AM101": "book-value-missing",
        "AM201": "retention-type-missing",
        "AM202": "retention-implausible-for-segment",
        "AM203": "gross-retention-over-100",
        "AM301": "expansion-without-figure",
        "AM302": "expansion-framed-as-quota",
        "AM401": "duty-without-result",
        "AM402": "service-framing",
        "AM403": "cliche",
        "AM404": "no-metric",
        "AM501": "new-logo-vocabulary",
    }
    for code, name in expected.items():
        assert REGISTRY.get(code).name == name


def test_select_and_ignore_by_prefix() -> None:
    codes = lambda rules: {r.code for r in rules}  # noqa: E731
    assert codes(REGISTRY.select(("AM2",))) == {"AM201", "AM202", "AM203", "AM204"}
    assert "AM403" not in codes(REGISTRY.select((), ("AM4",)))
    assert "AM405" not in codes(REGISTRY.select())
    assert "AM405" in codes(REGISTRY.select(preview=True))
    assert "AM405" in codes(REGISTRY.select(("AM405",)))
    with pytest.raises(Exception, match="no rule code starts with"):
        REGISTRY.select(("ZZ9",))


def test_docs_rules_md_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert module.render() == current, "run: python scripts/gen_rules_doc.py"


def test_lint_resume_reports_lines_and_sections() -> None:
    text = (
        "# Sam\nAccount Manager\n\n## Summary\nResults-driven account manager.\n\n"
        "## Experience\n### Account Manager, Acme\n- Achieved a 95% retention rate\n"
        "- Managed 40 accounts ($3M ARR) with 94% gross and 109% net revenue retention\n"
    )
    report = lint_resume(text)
    by_line = {b.line: b for b in report.bullets}
    assert [f.code for f in by_line[9].findings] == ["AM201"]
    assert by_line[10].findings == ()
    assert [f.code for f in by_line[5].findings] == ["AM403"]  # summary line: clichés only
    assert by_line[9].role == "Account Manager"
