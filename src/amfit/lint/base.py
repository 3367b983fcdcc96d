"""The rule framework: severities, findings, rule classes and the registry.

A rule is a small class with a stable ``code`` (``AM201``), a name that
names the problem (``retention-type-missing``), a severity, a status
(``stable`` or ``preview``: preview rules run only with ``--preview``), a
docstring with the sections *What it does*, *Why is this bad?*,
*Example*, *Use instead* and *Source*, and a table of should-flag /
should-pass examples that a test runs. Bullet rules look at one bullet;
resume rules at the whole resume; letter rules (AM7xx) at a cover letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import InputError
from ..facts import BulletFacts
from ..model import Finding, Severity


@dataclass(frozen=True, slots=True)
class Examples:
    """Should-flag and should-pass bullets (or whole resumes for resume rules)."""

    flag: tuple[str, ...]
    passes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BulletContext:
    text: str
    line: int | None
    facts: BulletFacts
    role: str = ""


@dataclass(frozen=True, slots=True)
class ResumeContext:
    bullets: tuple[BulletContext, ...]
    text: str


class Rule:
    """Base class; subclasses set the class attributes and one check method."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    status: ClassVar[str] = "stable"
    scope: ClassVar[str] = "bullet"
    hint: ClassVar[str] = ""
    examples: ClassVar[Examples]

    def check(self, ctx: BulletContext) -> Iterable[Finding]:  # pragma: no cover - abstract
        return ()

    def check_resume(self, ctx: ResumeContext) -> Iterable[Finding]:  # pragma: no cover
        return ()

    def check_letter(self, ctx: Any) -> Iterable[Finding]:  # pragma: no cover
        """Letter rules (scope ``letter``) read an :class:`amfit.letter.LetterContext`."""
        return ()

    def finding(self, message: str, line: int | None, quote: str = "") -> Finding:
        return Finding(self.code, self.name, str(self.severity), message, line, quote, self.hint)

    @classmethod
    def doc(cls) -> str:
        return (cls.__doc__ or "").strip()

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring split into its titled sections (title -> text)."""
        text = _dedent(cls.__doc__ or "")
        parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
        summary = parts[0].strip()
        out = {"summary": summary}
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            out[title.strip()] = body.strip()
        return out


def _dedent(doc: str) -> str:
    import textwrap

    first, _, rest = doc.partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


REQUIRED_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Source")


@dataclass
class Registry:
    """Every rule by code, in code order."""

    rules: dict[str, Rule] = field(default_factory=dict)

    def add(self, rule: type[Rule]) -> type[Rule]:
        if rule.code in self.rules:
            raise ValueError(f"rule code {rule.code} is used twice")
        self.rules[rule.code] = rule()
        return rule

    def get(self, code: str) -> Rule:
        rule = self.rules.get(code.upper())
        if rule is None:
            raise InputError(f"no rule {code!r} (see 'amfit rules')")
        return rule

    def all(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]

    def select(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        preview: bool = False,
    ) -> list[Rule]:
        """Rules picked by code or prefix (``AM2``), like ruff's --select/--ignore.

        Without ``select`` every stable rule runs; preview rules run when
        ``preview`` is set or when selected by their exact code.
        """
        for prefix in (*select, *ignore):
            if not any(code.startswith(prefix.upper()) for code in self.rules):
                raise InputError(f"no rule code starts with {prefix!r} (see 'amfit rules')")
        chosen = []
        for rule in self.all():
            picked = any(rule.code.startswith(p.upper()) for p in select) if select else True
            exact = any(rule.code == p.upper() for p in select)
            if not picked or any(rule.code.startswith(p.upper()) for p in ignore):
                continue
            if rule.status == "preview" and not (preview or exact):
                continue
            chosen.append(rule)
        return chosen


REGISTRY = Registry()
register = REGISTRY.add
