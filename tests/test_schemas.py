"""Every command's JSON output follows its schema under docs/.

The outputs are real: the CLI run in-process on the bundled examples and,
when ../shared is present, on a few real resumes and postings read at test
time (nothing of them is stored here). A schema that accepts anything
would pass that, so each test also adds an unknown field to every object
the schema closes and checks that it is refused.
"""

from __future__ import annotations

import copy
import enum
import functools
import json
import typing
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import typer.main
from referencing import Registry, Resource
from typer.testing import CliRunner

from amfit.cli import app
from amfit.lint import REGISTRY
from amfit.model import SCHEMA_VERSION
from conftest import CORPUS, EXAMPLES, POSTINGS, RESUMES, ROOT, posting_path, resume_path

DOCS = ROOT / "docs"
SHARED_RESUMES = ROOT.parent / "shared" / "resumes"
LETTERS = EXAMPLES / "letters"

#: The schema of each command's JSON output (``--format json``, or
#: ``jsonl`` for batch, where the schema is that of one line).
SCHEMAS = {
    "score": "report.schema.json",
    "keywords": "keywords.schema.json",
    "bullets": "bullets.schema.json",
    "letter": "letter.schema.json",
    "batch": "batch-record.schema.json",
    "rules": "rules.schema.json",
    "rule": "rules.schema.json",
}
#: Objects that are open by design (keys are data: rule codes, statuses,
#: what a check measured, what a reader reports), by the key holding them.
OPEN = {"counts", "data", "extraction"}


def _load(name: str) -> dict:
    return json.loads((DOCS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validators() -> dict[str, jsonschema.protocols.Validator]:
    """A validator per schema file; ``$ref`` between the files resolves."""
    schemas = {p.name: _load(p.name) for p in DOCS.glob("*.schema.json")}
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    out = {}
    for name, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        out[name] = jsonschema.Draft202012Validator(schema, registry=registry)
    return out


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run_json(runner: CliRunner, *args: object, stdin: str | None = None) -> str:
    res = runner.invoke(app, [str(a) for a in args], input=stdin)
    assert res.exit_code in (0, 1, 4), (args, res.stderr)
    return res.stdout


def objects(value: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every JSON object in ``value`` that is not open by design."""
    if isinstance(value, dict):
        if not (path and path[-1] in OPEN):
            yield path
            for k, v in value.items():
                yield from objects(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from objects(v, (*path, str(i)))


def _at(data: object, path: tuple[str, ...]) -> dict:
    for key in path:
        data = data[int(key)] if isinstance(data, list) else data[key]  # type: ignore[index]
    assert isinstance(data, dict)
    return data


def check(validator: jsonschema.protocols.Validator, data: dict) -> None:
    """``data`` is valid, and an unknown field in any closed object is not
    (tried in the first object of each shape: ``keywords/*/asks/*``...)."""
    validator.validate(data)
    tried = set()
    for path in objects(data):
        shape = tuple("*" if key.isdigit() else key for key in path)
        if shape in tried:
            continue
        tried.add(shape)
        broken = copy.deepcopy(data)
        _at(broken, path)["unexpected_field"] = 1
        assert not validator.is_valid(broken), f"an unknown field at {'/'.join(path)} passes"


def real_resumes(n: int) -> list[Path]:
    """Up to ``n`` of the real resumes in ../shared (none when absent)."""
    return sorted(SHARED_RESUMES.glob("[0-9]*.md"))[:n] if SHARED_RESUMES.is_dir() else []


@functools.cache
def _corpus() -> tuple[dict, ...]:
    path = CORPUS / "postings.jsonl"
    if not path.is_file():
        return ()
    text = path.read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.split("\n") if line)


def real_postings(n: int) -> list[dict]:
    """Up to ``n`` real account-management postings, then one engineering ad
    (none when ../shared/corpus is absent)."""
    rows = _corpus()
    am = [r for r in rows if "account" in r["title"].lower()][:n]
    other = [r for r in rows if "engineer" in r["title"].lower()][:1]
    return am + other


def test_every_command_with_json_output_has_a_schema() -> None:
    group = typer.main.get_command(app)
    with_json = set()
    for name, cmd in group.commands.items():
        hint = typing.get_type_hints(cmd.callback, include_extras=True).get("format")
        kind = typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint
        values = {m.value for m in kind} if isinstance(kind, enum.EnumMeta) else set()
        if values & {"json", "jsonl"}:
            with_json.add(name)
    assert with_json == set(SCHEMAS), "add the command's schema to SCHEMAS and docs/"
    doc = (DOCS / "report-json.md").read_text(encoding="utf-8")
    for name in set(SCHEMAS.values()):
        assert (DOCS / name).is_file(), name
        assert f"({name})" in doc, f"docs/report-json.md does not link {name}"


def test_schemas_carry_the_schema_version_and_their_file_name() -> None:
    for path in DOCS.glob("*.schema.json"):
        schema = _load(path.name)
        assert schema["$id"] == f"https://amfit.invalid/{path.name}"
        version = schema.get("properties", {}).get("schema_version")
        if version is not None:
            assert version == {"const": SCHEMA_VERSION}, path.name


def test_score_report_parts_are_the_other_commands_schemas() -> None:
    """The score report embeds the bullets report and each posting ask; the
    schemas of those agree, so the two forms cannot drift apart."""
    report = _load("report.schema.json")["properties"]
    lint = dict(report["lint"])
    bullets = _load("bullets.schema.json")
    for key in ("required", "additionalProperties"):
        assert lint[key] == bullets[key], key
    for key, value in bullets["properties"].items():
        if key != "schema_version":
            assert lint["properties"][key] == value, key
    ask = report["keywords"]["items"]["properties"]["asks"]["items"]
    keyword_ask = _load("keywords.schema.json")["properties"]["keywords"]["items"]
    keyword_ask = keyword_ask["properties"]["asks"]["items"]
    assert keyword_ask["required"] == ask["required"]
    assert set(keyword_ask["properties"]) == set(ask["properties"])
    for key, value in ask["properties"].items():
        assert _bare(keyword_ask["properties"][key]) == _bare(value), key


def _bare(schema: dict) -> dict:
    return {k: v for k, v in schema.items() if k != "description"}


def test_score(runner, validators) -> None:
    v = validators[SCHEMAS["score"]]
    pairs = [(resume_path(r), posting_path("mid-market-account-manager")) for r in ("strong", "ae")]
    pairs += [(p, posting_path("smb-account-manager")) for p in real_resumes(4)]
    for resume, posting in pairs:
        check(v, json.loads(run_json(runner, "score", resume, posting, "-f", "json")))


def test_keywords(runner, validators, tmp_path) -> None:
    v = validators[SCHEMAS["keywords"]]
    for path in sorted(POSTINGS.glob("*.txt")):
        check(v, json.loads(run_json(runner, "keywords", path, "-f", "json")))
    for row in real_postings(4):
        data = json.loads(run_json(runner, "keywords", "-", "-f", "json", stdin=row["text"]))
        check(v, data)


def test_bullets(runner, validators) -> None:
    v = validators[SCHEMAS["bullets"]]
    for path in [*sorted(RESUMES.glob("*.md")), *real_resumes(10)]:
        check(v, json.loads(run_json(runner, "bullets", path, "-f", "json", "--preview")))


def test_letter(runner, validators) -> None:
    v = validators[SCHEMAS["letter"]]
    for letter in sorted(LETTERS.glob("*.md")):
        for posting in sorted(POSTINGS.glob("*.txt")):
            check(v, json.loads(run_json(runner, "letter", letter, posting, "-f", "json")))
        for row in real_postings(2):
            out = run_json(runner, "letter", letter, "-", "-f", "json", stdin=row["text"])
            check(v, json.loads(out))


def test_batch_records(runner, validators, tmp_path) -> None:
    """Scored, duplicate and error records, from a folder and from real ads."""
    v = validators[SCHEMAS["batch"]]
    folder = tmp_path / "postings"
    folder.mkdir()
    for path in POSTINGS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "zz-copy.txt").write_bytes(posting_path("smb-account-manager").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    specs = [str(folder)]
    rows = real_postings(4)
    if rows:
        jsonl = tmp_path / "real.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        specs.append(str(jsonl))
    out = run_json(runner, "batch", resume_path("strong"), *specs, "-f", "jsonl", "-j", "1")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["status"] for r in records} == {"scored", "duplicate", "error"}
    assert len(records) == len(list(folder.iterdir())) + len(rows)
    for record in records:
        check(v, record)


def test_rules(runner, validators) -> None:
    v = validators[SCHEMAS["rules"]]
    check(v, json.loads(run_json(runner, "rules", "-f", "json")))
    for rule in REGISTRY.all():
        check(v, json.loads(run_json(runner, "rule", rule.code, "-f", "json")))


def test_a_wrong_value_is_refused(runner, validators) -> None:
    """Beyond unknown fields: a missing field or a value out of its set fails."""
    v = validators[SCHEMAS["letter"]]
    letter, posting = LETTERS / "strong.md", posting_path("smb-account-manager")
    data = json.loads(run_json(runner, "letter", letter, posting, "-f", "json"))
    for broken in (
        {**data, "seniority": "junior"},
        {**data, "elements": {**data["elements"], "qbr_story": None}},
        {k: val for k, val in data.items() if k != "band"},
    ):
        assert not v.is_valid(broken)
    record = {"id": "1", "source": "s", "title": "", "company": "", "status": "scored"}
    assert not validators[SCHEMAS["batch"]].is_valid(record)  # a scored record has a score
    assert not validators[SCHEMAS["batch"]].is_valid({**record, "status": "lost"})


def _plain_reference(value: object) -> object:
    """amfit.model.serial.plain written plainly: the definition its faster
    loop keeps."""
    import dataclasses

    from amfit.model.serial import _field_names

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {n: _plain_reference(getattr(value, n)) for n in _field_names(type(value)) or ()}
    if isinstance(value, dict):
        return {k: _plain_reference(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_reference(v) for v in value]
    return value


def test_plain_gives_the_plain_definition(scorer) -> None:
    from amfit.lint import lint_resume
    from amfit.model.serial import plain
    from amfit.readers import read_text

    resume = read_text(resume_path("strong"))
    for name in ("smb-account-manager", "account-executive"):
        report = scorer.score(resume, read_text(posting_path(name)))
        data = plain(report)
        assert data == _plain_reference(report)
        assert json.dumps(data) == json.dumps(_plain_reference(report))  # same order too
    lint = lint_resume(resume)
    assert plain(lint) == _plain_reference(lint)
