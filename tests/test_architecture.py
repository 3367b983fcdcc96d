"""The house rules: no import cycle between amfit modules, imports only
downward through the layers docs/architecture.md lists, no oversized module.

Every module under src/amfit is parsed with ``ast``; every import counts,
at module level, inside a function or under ``TYPE_CHECKING``, since each
one ties the two modules together whenever it runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "amfit"
ARCHITECTURE = SRC.parent / "docs" / "architecture.md"

#: Line count above which a module must say why it is one module.
MAX_LINES = 400
#: Modules allowed over MAX_LINES, with the reason. Each one's docstring
#: must say why too (the marker below), so a reader of the module sees it.
LONG_MODULES = {
    "amfit.matcher": "one matcher: phrase forms, fuzzy near misses, shapes and overlaps "
    "share one index and one pass over the tokens; split, each would re-walk them",
    "amfit.readers.pdf": "one PDF layout reconstruction: lines, columns, headings and "
    "bullets read from the same positioned text",
    "amfit.lint.rules.letter": "the cover-letter rules, one check each, sharing the "
    "letter context they read",
}
LONG_MARKER = "Why one long module:"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute module a (possibly relative) import names."""
    if level == 0:
        return target or ""
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every amfit module that ``name`` imports, anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    out.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, is_package, node.level, node.module)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in known:  # `from pkg import submodule`
                    out.add(sub)
                elif base in known:
                    out.add(base)
    out.discard(name)
    return out


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_the_graph_sees_function_level_and_relative_imports():
    graph = import_graph()
    assert "amfit.fit.asks" in graph["amfit.fit.scorer"]
    # `from ..lint import lint_resume` inside Scorer.score
    assert "amfit.lint" in graph["amfit.fit.scorer"]


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_amfit_modules():
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def room(module: str) -> str:
    """The room a module belongs to: its top-level module or package under amfit."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def documented_layers() -> dict[str, int]:
    """Each room's layer in docs/architecture.md (0 is the bottom line)."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    m = re.search(r"<!-- layers -->\n```\n(.*?)```\n<!-- /layers -->", text, re.DOTALL)
    assert m, "docs/architecture.md has no <!-- layers --> block"
    lines = [line.split() for line in m.group(1).splitlines() if line.strip()]
    layers: dict[str, int] = {}
    for depth, rooms in enumerate(reversed(lines)):
        for name in rooms:
            assert name not in layers, f"{name} is listed twice"
            layers[name] = depth
    return layers


def downward_violations(graph: dict[str, set[str]], layers: dict[str, int]) -> list[str]:
    """Imports from a room into one on its own layer or above."""
    bad = []
    for module, deps in sorted(graph.items()):
        for dep in sorted(deps):
            a, b = room(module), room(dep)
            if a != b and layers[b] >= layers[a]:
                bad.append(f"{module} -> {dep}")
    return bad


def test_every_room_is_in_the_documented_layers():
    rooms = {room(m) for m in modules()}
    layers = documented_layers()
    assert rooms - set(layers) == set(), "add the new room to docs/architecture.md"
    assert set(layers) - rooms == set(), "drop the room docs/architecture.md still lists"


def test_imports_go_down_the_documented_layers():
    bad = downward_violations(import_graph(), documented_layers())
    assert not bad, "imports against docs/architecture.md's layers: " + "; ".join(bad)


def test_the_layer_check_finds_an_upward_import():
    layers = {"cli": 2, "render": 1, "model": 0}
    assert downward_violations({"amfit.model.report": {"amfit.render.json"}}, layers) == [
        "amfit.model.report -> amfit.render.json"
    ]
    assert downward_violations({"amfit.cli.run": {"amfit.render"}}, layers) == []


def test_the_facts_modules_import_only_the_sections_before_them():
    """amfit.facts' docstring lists its modules in reading order; each imports
    only modules listed before it (and the package imports them all)."""
    import amfit.facts

    order = re.findall(r":mod:`\.(\w+)`", amfit.facts.__doc__ or "")
    inside = {m for m in modules() if m.startswith("amfit.facts.")}
    assert sorted(f"amfit.facts.{name}" for name in order) == sorted(inside)
    graph = import_graph()
    for i, name in enumerate(order):
        deps = {d for d in graph[f"amfit.facts.{name}"] if d.startswith("amfit.facts")}
        assert deps <= {f"amfit.facts.{n}" for n in order[:i]}, (name, deps)


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_size(name):
    path = modules()[name]
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n")
    doc = ast.get_docstring(ast.parse(source)) or ""
    if name in LONG_MODULES:
        assert LONG_MARKER in doc, f"{name}: its docstring must say why it is long ({LONG_MARKER})"
        return
    assert lines <= MAX_LINES, (
        f"{name} has {lines} lines (over {MAX_LINES}): split it, or add it to "
        f"LONG_MODULES with the reason and say why in its docstring"
    )


def test_long_module_allowlist_is_current():
    mods = modules()
    for name in LONG_MODULES:
        assert name in mods, f"{name} no longer exists: drop it from LONG_MODULES"
        lines = mods[name].read_text(encoding="utf-8").count("\n")
        assert lines > MAX_LINES, f"{name} has {lines} lines now: drop it from LONG_MODULES"
