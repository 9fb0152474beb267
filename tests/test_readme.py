"""The README is for a newcomer with only the repository: nothing it points to lies outside."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_points_only_inside_the_repository():
    text = (ROOT / "README.md").read_text()
    assert "../" not in text
    for path in re.findall(
        r"`((?:rules|questionnaire|scripts|deploy|tests|templates|static)/[^`\s]*)`", text
    ):
        cleaned = path.rstrip("/").split("::")[0]
        if "<" in cleaned or "*" in cleaned:
            continue
        assert (ROOT / cleaned).exists(), path
