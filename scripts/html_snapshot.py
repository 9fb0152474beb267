"""The HTML of a sample of pages, written to a folder, to compare before and after a change
that must not change what a page says (a cache, a faster way to build the same page):

    .venv/bin/python -m scripts.html_snapshot /tmp/before   # on the old commit
    .venv/bin/python -m scripts.html_snapshot /tmp/after    # on the new one
    diff -r /tmp/before /tmp/after                          # nothing: the same pages

In one process with production settings on a throwaway SQLite database (as `make
bench`), in English and in Spanish: the start page, every question along distinct
walks through the wizard (fresh, with an error, reopened from the review page), the
review page, results pages, the tables and the not-covered page. The per-request
CSRF token is the only thing blanked out.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
WALKS = int(os.environ.get("SNAPSHOT_WALKS", "40"))
RESULTS = int(os.environ.get("SNAPSHOT_RESULTS", "60"))


def _setup(tmp: Path) -> None:
    from scripts import loadtest
    from tests.production.env import production_environ

    static_root, url = loadtest.prepare(tmp)
    os.environ.update(
        production_environ(
            tmp, DATABASE_URL=url, DJANGO_STATIC_ROOT=str(static_root), **loadtest.LOOPBACK
        )
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "questionnaire.settings")
    import django

    django.setup()


def snapshot(out: Path) -> int:
    from django.test import Client

    from rules.law import clock
    from scripts import loadtest
    from tests import cost

    current = clock.current_tax_year()
    client = Client(HTTP_HOST=loadtest.HOST)
    pages: dict[str, str] = {}

    def keep(name: str, response) -> None:
        body = response.content.decode()
        pages[name] = f"{response.status_code} {response.get('Location', '')}\n" + CSRF.sub(
            'name="csrfmiddlewaretoken" value=""', body
        )

    for lang in ("", "/es"):
        tag = lang.strip("/") or "en"
        for url in ("/", "/?x=1", "/tables/", "/not-covered/", "/check/account/"):
            keep(f"{tag}/page{url.replace('/', '_')}", client.get(lang + url))
        for n, walk in zip(range(WALKS), cost._walks(current)):
            client.get(lang + "/check/")
            for i, (q, value) in enumerate(walk):
                step = f"{lang}/check/{q}/"
                keep(f"{tag}/walk{n:03}-{i}-{q}", client.get(step))
                if n % 5 == 0:  # an answer refused: the page with its error
                    bad = {f"{cost.PREFIX}-current_step": q, f"{q}-{q}": "no-such-answer"}
                    keep(f"{tag}/walk{n:03}-{i}-{q}-error", client.post(step, bad))
                data = {f"{cost.PREFIX}-current_step": q, f"{q}-{q}": value}
                keep(f"{tag}/walk{n:03}-{i}-{q}-post", client.post(step, data))
            keep(f"{tag}/walk{n:03}-review", client.get(f"{lang}/check/review/"))
            if walk:  # reopened from the review page
                q = walk[-1][0]
                keep(f"{tag}/walk{n:03}-return-{q}", client.get(f"{lang}/check/{q}/?return=review"))
        for n, url in zip(range(RESULTS), cost._results_urls(current)):
            keep(f"{tag}/results{n:03}", client.get(lang + url))
    for name, text in pages.items():
        path = out / f"{name}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return len(pages)


def main() -> int:
    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
        _setup(Path(tmp))
        print(f"{snapshot(out)} pages written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
