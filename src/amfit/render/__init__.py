"""Renderers: one module per output, each reading the one result model.

:func:`render` is the one dispatch every command uses: a result (a fit
:class:`~amfit.model.Report`, a :class:`~amfit.model.PostingAnalysis`, a
:class:`~amfit.model.LintReport`, a :class:`~amfit.model.LetterReport`, a
:class:`~amfit.model.BatchRecord`, one rule or the list of rules) and a
format give the text to write. JSON is always the result's ``to_dict()``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


def render(
    result: Any, format: str, *, color: bool = False, explain: bool = False, bullets: bool = False
) -> str:
    """The text of ``result`` in ``format`` (text, json, markdown; for a
    batch record csv or jsonl). ``color`` and ``explain`` apply to the text
    formats that have them; ``bullets`` shows a score report's bullet
    findings in full in text (else a summary)."""
    kind = _kind(result)
    if kind == "score" and format == Format.text:
        from .text import render_text

        return render_text(result, color=color, explain=explain, bullets=bullets)
    if kind == "batch":
        from .batch import record_line

        return record_line(result, format)
    if format == Format.json:
        from .json import dumps

        return dumps(_json_data(kind, result))
    table = _RENDERERS[kind]
    if format not in table:
        from ..errors import InputError

        # --format html is for amfit score (and amfit batch, rendered apart).
        raise InputError(f"--format {format} is not available for amfit {kind}")
    return table[format](result, color, explain)


def _kind(result: Any) -> str:
    from .. import model

    # By name, in this order: the letter and batch models load only when
    # the result is none of the others.
    for name, kind in (
        ("Report", "score"),
        ("PostingAnalysis", "keywords"),
        ("LintReport", "bullets"),
        ("LetterReport", "letter"),
        ("BatchRecord", "batch"),
    ):
        if isinstance(result, getattr(model, name)):
            return kind
    if isinstance(result, (list, tuple)):
        return "rules"
    return "rule"


def _json_data(kind: str, result: Any) -> dict[str, Any]:
    if kind in ("rules", "rule"):
        from .lint import rule_dict

        if kind == "rules":
            return {"rules": [rule_dict(r) for r in result]}
        return rule_dict(result)
    data: dict[str, Any] = result.to_dict()
    return data


def _score_text(r: Any, color: bool, explain: bool) -> str:
    from .text import render_text

    return render_text(r, color=color, explain=explain)


def _score_markdown(r: Any, color: bool, explain: bool) -> str:
    from .markdown import render_markdown

    return render_markdown(r, explain=explain)


def _score_html(r: Any, color: bool, explain: bool) -> str:
    from .html import render_html

    return render_html(r)


def _keywords(markdown: bool) -> Callable[[Any, bool, bool], str]:
    def run(r: Any, color: bool, explain: bool) -> str:
        from .keywords import render_keywords

        return render_keywords(r, markdown=markdown, explain=explain)

    return run


def _lint_text(r: Any, color: bool, explain: bool) -> str:
    from .lint import render_lint_text

    return render_lint_text(r, color=color)


def _lint_markdown(r: Any, color: bool, explain: bool) -> str:
    from .lint import render_lint_markdown

    return render_lint_markdown(r)


def _letter_text(r: Any, color: bool, explain: bool) -> str:
    from .letter import render_letter_text

    return render_letter_text(r, color=color)


def _letter_markdown(r: Any, color: bool, explain: bool) -> str:
    from .letter import render_letter_markdown

    return render_letter_markdown(r)


def _rules_text(r: Any, color: bool, explain: bool) -> str:
    from .lint import render_rules_text

    return render_rules_text(r)


def _rule_text(r: Any, color: bool, explain: bool) -> str:
    from .lint import render_rule_text

    return render_rule_text(r)


#: Text renderers by result kind and format (JSON is the same for all).
_RENDERERS: dict[str, dict[str, Callable[[Any, bool, bool], str]]] = {
    "score": {
        Format.text: _score_text,
        Format.markdown: _score_markdown,
        Format.html: _score_html,
    },
    "keywords": {Format.text: _keywords(False), Format.markdown: _keywords(True)},
    "bullets": {Format.text: _lint_text, Format.markdown: _lint_markdown},
    "letter": {Format.text: _letter_text, Format.markdown: _letter_markdown},
    "rules": {Format.text: _rules_text, Format.markdown: _rules_text},
    "rule": {Format.text: _rule_text, Format.markdown: _rule_text},
}
