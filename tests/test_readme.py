"""The README is for a newcomer with only the repository: nothing it points to lies outside."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_points_only_inside_the_repository():
    text = (ROOT / "README.md").read_text()
    assert "../" not in text
    for path in re.findall(
        r"`((?:rules|questionnaire|scripts|deploy|tests|templates|static|docs)/[^`\s]*)`", text
    ):
        cleaned = path.rstrip("/").split("::")[0]
        if "<" in cleaned or "*" in cleaned:
            continue
        assert (ROOT / cleaned).exists(), path


def test_the_readme_links_to_the_contract_and_the_law_in_docs():
    text = (ROOT / "README.md").read_text()
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert {"docs/contract.md", "docs/law.md"} <= set(links)
    for link in links:
        assert not link.startswith(("http:", "https:", "../")), link
        assert (ROOT / link).exists(), link


def test_the_error_pages_command_in_the_readme_names_settings_with_debug_off():
    text = (ROOT / "README.md").read_text()
    (module,) = set(re.findall(r"--settings[= ]([\w.]+)", text))
    settings = importlib.import_module(module)
    assert settings.DEBUG is False
    assert settings.ROOT_URLCONF == "tests.production.urls_failing"
    assert "run-errors:" in (ROOT / "Makefile").read_text()
    assert module in (ROOT / "Makefile").read_text()
