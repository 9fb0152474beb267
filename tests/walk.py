"""A static walk of the project's code from one function: which of the project's modules
a request enters, and how often it climbs back up into a module already on its way.

Calls are read from the source (ast): `module.function(...)` through an imported module,
`function(...)` through a name imported from a project module, and `Class(...)`. Each
function is walked once (a call to a function already walked counts its module as
entered, not again). A call "climbs back up" when it goes into a module that is already
on the call stack below the caller's module, as when a presenter calls back into the
page module that called it. Only modules of the project (`rules`, `questionnaire`)
count; Django and the standard library are leaves.
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("rules", "questionnaire")


@cache
def _source(module: str) -> tuple[ast.Module, dict[str, str], dict[str, tuple[str, str]]] | None:
    """The module's tree, its imported modules (alias -> module) and imported names
    (alias -> (module, name))."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    tree = ast.parse(Path(spec.origin).read_text())
    modules: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(PROJECT):
                    modules[a.asname or a.name.split(".")[0]] = a.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PROJECT):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                if importlib.util.find_spec(node.module) and _is_module(sub):
                    modules[a.asname or a.name] = sub
                else:
                    names[a.asname or a.name] = (node.module, a.name)
    return tree, modules, names


@cache
def _is_module(dotted: str) -> bool:
    try:
        return importlib.util.find_spec(dotted) is not None
    except (ImportError, ValueError):
        return False


@cache
def _definitions(module: str) -> dict[str, ast.AST]:
    found = _source(module)
    if found is None:
        return {}
    tree = found[0]
    defs: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defs[node.name] = node
    return defs


def _resolve(module: str, name: str) -> tuple[str, str] | None:
    """Where a name imported into a module is defined (following re-imports)."""
    for _ in range(5):
        if name in _definitions(module):
            return module, name
        found = _source(module)
        if found is None or name not in found[2]:
            return None
        module, name = found[2][name]
    return None


def _callees(module: str, node: ast.AST) -> list[tuple[str, str]]:
    found = _source(module)
    if found is None:
        return []
    _, modules, names = found
    out: list[tuple[str, str]] = []
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        f = call.func
        target = None
        if isinstance(f, ast.Name):
            if f.id in _definitions(module):
                target = (module, f.id)
            elif f.id in names:
                target = _resolve(*names[f.id])
        elif (
            isinstance(f, ast.Attribute)
            and isinstance(f.value, ast.Name)
            and f.value.id in modules
        ):
            target = _resolve(modules[f.value.id], f.attr)
        if target and target not in out:
            out.append(target)
    return out


@dataclass
class Walk:
    entered: list[str] = field(default_factory=list)
    climbs: list[tuple[str, str]] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)


def walk(module: str, function: str) -> Walk:
    result = Walk()

    def visit(target: tuple[str, str], stack: list[str]) -> None:
        mod, _ = target
        if mod not in result.entered:
            result.entered.append(mod)
        if stack and mod != stack[-1] and mod in stack:
            result.climbs.append((stack[-1], mod))
        if target in result.seen:
            return
        result.seen.add(target)
        node = _definitions(mod).get(target[1])
        if node is None:
            return
        for callee in _callees(mod, node):
            visit(callee, stack + [mod] if not stack or stack[-1] != mod else stack)

    visit((module, function), [])
    return result


if __name__ == "__main__":
    import sys

    w = walk(*sys.argv[1].rsplit(".", 1))
    print(f"modules entered: {len(w.entered)}")
    for m in w.entered:
        print("  ", m)
    print(f"climbs back up: {len(w.climbs)}")
    for a, b in w.climbs:
        print(f"   {a} -> {b}")
