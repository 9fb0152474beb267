"""The law can be read, tested and reused without Django."""

import ast
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
PURE = ["engine.py", "law.py", "vocabulary.py", "validation.py", "amounts.py"]


@pytest.mark.parametrize("name", PURE)
def test_law_module_imports_nothing_from_django(name):
    tree = ast.parse((RULES_DIR / name).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not any(m == "django" or m.startswith("django.") for m in imported), imported


def test_engine_runs_in_a_python_without_django_loaded():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['django'] = None\n"
        "from rules.engine import Answers, determine\n"
        "print(determine(Answers('taxable', None, 'sold-at-loss', 2020)).outcome)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=RULES_DIR.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "capital-loss"
