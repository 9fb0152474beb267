"""What a deployed site is made of, as one short hash: the version in the results
page's ETag, so a browser's copy is revalidated after any deploy."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from django.utils.http import quote_etag

ROOT = Path(__file__).resolve().parent.parent
# Labels, figures, rules, shipped texts, views and templates all shape a page.
_SOURCES = ("templates", "static", "rules", "questionnaire")
_SUFFIXES = {".html", ".css", ".js", ".svg", ".py", ".md"}  # .md: rules/content


def _site_version() -> str:
    digest = hashlib.sha256()
    for folder in _SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in _SUFFIXES:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


SITE_VERSION = _site_version()


def results_etag(
    share_url: str, text_updated: datetime | None, today: date, made: date | None = None
) -> str:
    """What a results page depends on: the site, the URL (host included: it is in the
    page), the editor text, the day (the page shows the date and the tax year) and, when
    its notice says the law changed since, the day the link was made."""
    parts = (
        SITE_VERSION,
        share_url,
        text_updated.isoformat() if text_updated else "engine-text",
        today.isoformat(),
        *((f"made {made.isoformat()}",) if made else ()),
    )
    return quote_etag(hashlib.sha256("|".join(parts).encode()).hexdigest()[:32])
