"""Browser tests: Debian's Chromium driven by Playwright against the live server.

On a machine without Chromium these tests are skipped with one line of
explanation; under CI (CI=true) a missing browser fails the run instead.
On failure a screenshot and the page's HTML are saved under test-artifacts/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HAVE_CHROMIUM = os.path.exists(CHROMIUM)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; the live server's
# database access happens in its own thread, so this only lifts Django's guard
# for the test thread's own fixtures (creating users and the like).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if HAVE_CHROMIUM:
        return
    here = Path(__file__).parent
    browser_items = [i for i in items if here in Path(str(i.path)).parents]
    if not browser_items:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(
            f"CI=true but Chromium is missing at {CHROMIUM}: "
            "install Debian's chromium package (see .ci/run)."
        )
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}")
    for item in browser_items:
        item.add_marker(skip)
    config._browser_skip_note = len(browser_items)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count = getattr(config, "_browser_skip_note", 0)
    if count:
        terminalreporter.write_line(
            f"browser tests: {count} skipped, no Chromium at {CHROMIUM} "
            "(apt-get install chromium to run them)"
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_FLAGS}


@pytest.fixture
def site(live_server) -> str:
    return live_server.url


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        page = item.funcargs.get("page")
        if page is not None and not page.is_closed():
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-120:]
            folder = ARTIFACTS / name
            folder.mkdir(parents=True, exist_ok=True)
            try:
                page.screenshot(path=str(folder / "page.png"), full_page=True)
                (folder / "page.html").write_text(page.content())
                report.sections.append(("browser artifacts", f"saved in {folder}"))
                print(f"\nbrowser artifacts: {folder}")
            except Exception as exc:  # the page may have crashed: say so, keep the report
                report.sections.append(("browser artifacts", f"could not save: {exc}"))


# --- Walking the wizard


def choose(page, label: str) -> None:
    page.get_by_label(label, exact=True).check()


def cont(page) -> None:
    page.get_by_role("button", name="Continue").click()


def walk(
    page,
    site: str,
    account: str,
    contribution: str | None = None,
    event: str | None = None,
    year: str | None = None,
) -> None:
    """From the start page to the results page, answering with visible labels."""
    page.goto(site + "/")
    page.get_by_role("link", name="Start now").click()
    choose(page, account)
    cont(page)
    if contribution:
        choose(page, contribution)
        cont(page)
    choose(page, event)
    cont(page)
    if year:
        page.get_by_label("Which tax year is this for?").fill(year)
        cont(page)
    page.get_by_role("button", name="See the answer").click()
    page.wait_for_url(re.compile(r".*/results/\?.*"))


@pytest.fixture(autouse=True)
def seeded(request):
    """The data migrations' rows (explanations, the Editors group), present for every test.

    Transactional tests flush the database after each test, so rows that the
    migrations wrote are gone by the next one; the seed functions are idempotent.
    """
    if "transactional_db" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
        return
    request.getfixturevalue("transactional_db")
    import importlib

    from django.apps import apps

    importlib.import_module("rules.migrations.0002_seed_explanations").seed(apps, None)
    importlib.import_module("rules.migrations.0003_editors_group").create_group(apps, None)
    importlib.import_module("rules.migrations.0004_pre_tax_text_457b_exception").forward(apps, None)
    feedback = importlib.import_module("rules.migrations.0005_feedback_and_review_fingerprint")
    feedback.grant_feedback_permissions(apps, None)
    feedback.record_fingerprints(apps, None)
