"""Each posting ask names what it matched: the taxonomy form or the shape."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from amfit.cli import app
from amfit.fit.scorer import default_scorer

POSTING = """Account Manager

Responsibilities

- Grow expansion revenue across a book of mid-market accounts
- Build trusted relationships with each customer's leadership
- Run renewals for dental clinics and veterinary clinics
"""


def _asks(text: str) -> dict[str, list]:
    return {k.id: list(k.asks) for k in default_scorer().analyze_posting(text).keywords}


def test_shape_asks_name_the_shape_and_phrase_asks_the_form() -> None:
    asks = _asks(POSTING)
    shaped = [a for a in asks["revenue_growth"] if a.how == "shape"]
    assert shaped and all(" ~ " in a.form for a in shaped)
    assert [a.form for a in asks["renewal"]] == ["renewal"]
    assert asks["renewal"][0].how == "lemma"


def test_keywords_explain_and_json_show_the_form(tmp_path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["keywords", str(path), "--explain"])
    assert text.exit_code == 0, text.output
    assert '"Grow expansion revenue" [shape: grow ~ revenue]' in text.output
    assert 'asked: line 7 (responsibilities, must) "renewals" [lemma: renewal]' in text.output
    plain = runner.invoke(app, ["keywords", str(path)])
    assert "asked: line" not in plain.output
    data = json.loads(runner.invoke(app, ["keywords", str(path), "-f", "json"]).output)
    forms = {k["id"]: [a["form"] for a in k["asks"]] for k in data["keywords"]}
    assert forms["renewal"] == ["renewal"]
    assert all(a["form"] for k in data["keywords"] for a in k["asks"])


def test_one_marker_search_answers_as_every_marker_pattern(corpus_dir) -> None:
    """The nice-to-have markers searched as one pattern give, for every
    sentence of the corpus's first 400 postings, what searching each
    marker pattern gives: whether any marks the whole sentence, and where
    the first marker of what follows starts."""
    from amfit.fit import asks

    markers = asks._nice_markers()

    def reference(sentence: str) -> tuple[bool, int | None]:
        lower = sentence.lower()
        if any(p.search(lower) for p in markers.get("nice", ())):
            return True, None
        starts = [m.start() for p in markers.get("nice_after", ()) for m in p.finditer(lower)]
        return False, min(starts) if starts else None

    with (corpus_dir / "postings.jsonl").open(encoding="utf-8") as fh:
        ads = [json.loads(line) for line in fh][:400]
    sentences = {s for ad in ads for s in asks._sentences(ad["text"])[1]}
    differ = [s for s in sentences if asks._nice_marks.__wrapped__(s) != reference(s)]
    assert differ == []
    marked = [s for s in sentences if reference(s) != (False, None)]
    assert len(marked) > 100  # the corpus reaches both kinds of marker
    assert any(reference(s)[1] is not None for s in marked)
