"""The law can be read, tested and reused without Django."""

import ast
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
# The modules of the law: everything in rules/ but the Django app's own modules.
DJANGO_APP = {"admin.py", "apps.py", "checks.py", "markup.py", "models.py", "presenters.py"}
DJANGO_APP |= {"urls.py", "views.py", "__init__.py", "feedback.py", "feedback_admin.py", "texts.py"}
DJANGO_APP |= {"amount_views.py", "result_page.py"}
DJANGO_APP |= {"loader.py"}  # rules/content/loader.py: the content files into the database
PURE = sorted(
    str(p.relative_to(RULES_DIR))
    for p in RULES_DIR.rglob("*.py")
    if p.name not in DJANGO_APP and not {"migrations", "management"} & set(p.parts)
) + ["rulebook/__init__.py"]


def test_the_law_is_the_modules_the_design_names():
    assert set(PURE) >= {
        "alternatives.py",
        "clock.py",
        "engine.py",
        "law.py",
        "questions.py",
        "rulebook/__init__.py",
        "rulebook/sheltered.py",
        "validation.py",
        "vocabulary.py",
        "worksheets.py",
        "worksheet_inputs.py",
    }


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
        "from rules.questions import canonical\n"
        "from rules.alternatives import alternatives\n"
        "from rules.validation import validate\n"
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
