"""The law can be read, tested and reused without Django: every module of the package
rules/law/ (found by walking it, not from a list) imports nothing from Django, directly
or through what it imports."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
LAW_DIR = RULES_DIR / "law"
LAW_MODULES = sorted(
    "rules." + ".".join(p.relative_to(RULES_DIR).with_suffix("").parts).removesuffix(".__init__")
    for p in LAW_DIR.rglob("*.py")
)


def test_the_law_package_holds_the_modules_the_design_names():
    assert set(LAW_MODULES) >= {
        "rules.law",
        "rules.law.alternatives",
        "rules.law.claims",
        "rules.law.clock",
        "rules.law.engine",
        "rules.law.parameters",
        "rules.law.periods",
        "rules.law.questions",
        "rules.law.rulebook",
        "rules.law.rulebook.sheltered",
        "rules.law.validation",
        "rules.law.vocabulary",
        "rules.law.worksheets",
        "rules.law.accounts",
    }


def _imports(path: Path) -> set[str]:
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    return imported


@pytest.mark.parametrize("path", sorted(LAW_DIR.rglob("*.py")), ids=str)
def test_no_law_module_imports_django_or_the_rest_of_the_app(path):
    imported = _imports(path)
    assert not any(m == "django" or m.startswith("django.") for m in imported), imported
    # The law stands on its own: the web layer, editor texts and feedback build on it.
    outside = {m for m in imported if m.startswith("rules.") and not m.startswith("rules.law")}
    assert not outside, outside


def test_every_law_module_imports_in_a_python_where_django_cannot_be_loaded():
    code = (
        "import importlib, sys; sys.modules['django'] = None\n"
        f"for name in {LAW_MODULES!r}: importlib.import_module(name)\n"
        "from rules.law.engine import determine\n"
        "from rules.law.questions import canonical\n"
        "from rules.law.alternatives import alternatives\n"
        "from rules.law.validation import validate\n"
        "a, _ = validate({'account': 'taxable', 'event': 'sold-at-loss'}, current=2020)\n"
        "alternatives(a, 2020); canonical(a, 2020)\n"
        "print(determine(a).outcome)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=RULES_DIR.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "capital-loss"
