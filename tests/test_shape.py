"""The shape the code keeps: no module too long to hold in one's head, and a results
presenter that builds on the law, never on a view."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 400  # lines
MODULES = sorted(
    p
    for package in ("rules", "questionnaire")
    for p in (ROOT / package).rglob("*.py")
    if "migrations" not in p.parts
)
VIEW_MODULES = {
    "rules.web.views",
    "rules.web.amount_views",
    "rules.feedback.views",
    "questionnaire.views",
    "questionnaire.pages",
}
PRESENTERS = ("rules/web/result_page.py", "rules/web/presenters.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text().splitlines())
    assert lines <= LIMIT, f"{path.relative_to(ROOT)}: {lines} lines; split it by job"


def _imported(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


@pytest.mark.parametrize("name", PRESENTERS)
def test_the_results_presenter_imports_no_view_module(name):
    assert not _imported(ROOT / name) & VIEW_MODULES


def test_the_walk_of_a_results_request_never_calls_back_into_a_module_on_its_way():
    """tests/walk.py follows the calls from the view that serves /results/: a call back
    into a module already on the way (a presenter calling the page module that called
    it) is the wandering the layout removed."""
    from tests.walk import walk

    w = walk("rules.web.views", "results")
    assert "rules.web.result_page" in w.entered  # the walk did reach the presenter
    assert w.climbs == []
