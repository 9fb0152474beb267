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
    here = Path(__file__).parent
    browser_items = [i for i in items if here in Path(str(i.path)).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if HAVE_CHROMIUM or not browser_items:
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
    event: str,
    contribution: str | None = None,
    received: str | None = None,
    asset: str | None = None,
    year: str | None = None,
) -> None:
    """From the start page to the results page, answering with visible labels; a
    question left as None must not be asked."""
    page.goto(site + "/")
    page.get_by_role("link", name="Start now").click()
    # In the order the wizard asks (issue 25 #6): the year before the kind of money.
    for label in (account, event, asset, year, contribution, received):
        if label and label is year:
            page.get_by_label("Which tax year is this for?").fill(year)
            cont(page)
        elif label:
            choose(page, label)
            cont(page)
    page.get_by_role("button", name="See the answer").click()
    page.wait_for_url(re.compile(r".*/results/\?.*"))


@pytest.fixture(autouse=True)
def seeded(request):
    """The rows the migrations and the content loader write (explanations, the Editors
    group), present for every test: transactional tests flush the database after each
    test, so the rows captured right after migrating are put back (tests/dbsnapshot.py)."""
    if "transactional_db" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
        return
    request.getfixturevalue("transactional_db")
    from tests import dbsnapshot

    dbsnapshot.restore()
