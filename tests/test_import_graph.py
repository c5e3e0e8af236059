"""No two parts of accord import each other: the graph of imports between its top-level packages has no cycle.

A cycle (fx importing trade while trade imports fx) makes each half impossible to
understand, test or reuse alone, and the import order decides what works. The
graph is read from the source with `ast`, every import counted — also those
inside functions, which only postpone a cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import accord

ROOT = Path(accord.__file__).parent

def _part(module: str) -> str | None:
    """The top-level part of accord a module belongs to (`accord.fx.rates` -> `fx`)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "accord" and len(parts) > 1 else None


def _imports(path: Path) -> set[str]:
    """Every accord module `path` imports, absolute or relative."""
    package = ["accord", *path.relative_to(ROOT).with_suffix("").parts]
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            if module == "accord":  # `from accord import settings`
                found.update(f"accord.{alias.name}" for alias in node.names)
    return found


def import_graph() -> dict[str, dict[str, list[str]]]:
    """part -> part it imports -> the files that do."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(ROOT.rglob("*.py")):
        source = _part(".".join(["accord", *path.relative_to(ROOT).with_suffix("").parts]))
        if source is None:
            continue
        for module in _imports(path):
            target = _part(module)
            if target is not None and target != source:
                graph[source][target].append(str(path.relative_to(ROOT.parent)))
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The strongly connected groups of more than one part (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def describe(graph: dict[str, dict[str, list[str]]], group: list[str]) -> str:
    edges = [
        f"{a} -> {b} ({', '.join(graph[a][b][:3])})" for a in group for b in group if b in graph.get(a, {})
    ]
    return "; ".join(edges)


def test_the_graph_is_read_from_the_source() -> None:
    graph = import_graph()
    assert "store" in graph["io"] and "domain" in graph["trade"]
    assert "accord/trade/summary.py" in graph["trade"]["fx"]


def test_the_cycle_check_finds_a_cycle() -> None:
    made_up = {"a": {"b": ["x.py"]}, "b": {"c": ["y.py"]}, "c": {"a": ["z.py"]}, "d": {"a": ["w.py"]}}
    assert cycles(made_up) == [["a", "b", "c"]]


def test_no_two_parts_of_accord_import_each_other() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles: " + " | ".join(describe(graph, g) for g in found)
