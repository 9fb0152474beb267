"""The way out for everyone else: "Something else" on the account question leads to a page
that says what the tool does not cover and where to look; it is never an answer."""

from __future__ import annotations

import re

import pytest

from rules.law import not_covered
from rules.law import vocabulary as v

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')


def test_something_else_is_the_last_choice_on_the_account_question(saver):
    html = saver.start().content.decode()
    values = re.findall(r'name="account-account" value="([^"]+)"', html)
    assert values == [*v.ACCOUNTS, "something-else"]
    assert ">Something else</label>" in html
    assert "options or futures, a foreign account" in html


def test_choosing_it_leads_to_the_page_and_stores_no_answer(saver, client):
    saver.start()
    r = saver.answer("account", "something-else")
    assert r.status_code == 302 and r["Location"] == "/not-covered/"
    # Nothing was stored: the wizard is still at its first question.
    r = client.get("/check/event/")
    assert r.status_code == 302 and r["Location"].startswith("/check/account/")


def test_choosing_it_after_other_answers_keeps_them(saver, client):
    saver.start()
    saver.follow(saver.answer("account", "403b"))
    r = saver.answer("account", "something-else")
    assert r["Location"] == "/not-covered/"
    assert client.get("/check/event/").status_code == 200  # the 403(b) answer stands


def test_the_page_names_what_is_not_covered_and_where_to_look(client):
    r = client.get("/not-covered/")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count("<h1>") == 1 and "What this tool does not cover" in html
    for words in (
        "An annuity you bought yourself",
        "Accounts of a business",
        "Options, futures and other contracts",
        "Foreign accounts and investments",
        "Questions about your state return",
        "A plan loan taken from your balance",
        "Theft or fraud",
        "An Archer medical savings account",
    ):
        assert words in html, words
    assert "IRS Publication 575, Pension and Annuity Income" in html
    assert "IRS Publication 550, Investment Income and Expenses" in html
    # Routes back for accounts known under another name.
    assert "The federal Thrift Savings Plan (TSP), or a solo 401(k)" in html
    assert 'href="/check/account/"' in html


def test_every_outside_link_on_the_page_goes_to_the_irs():
    html_links = [s.url for s in not_covered.every_source()]
    assert html_links and all(u.startswith("https://www.irs.gov/") for u in html_links)
    assert "https://www.irs.gov/publications/p590a" in html_links


def test_the_page_links_only_inside_the_site_or_to_the_irs(client):
    for link in HREF.findall(client.get("/not-covered/").content.decode()):
        # The site's own address in each language (hreflang alternates) is absolute.
        assert link.startswith(("/", "#", "https://www.irs.gov/", "http://testserver/")), link


def test_the_start_page_links_to_it(client):
    assert 'href="/not-covered/"' in client.get("/").content.decode()


def test_it_is_not_an_account_for_the_results_page_or_the_api(client):
    r = client.get("/api/v1/determination?account=something-else&event=value-dropped")
    assert r.status_code == 400
    assert r.json()["errors"]["account"] == [
        "\u201cSomething else\u201d is not an account we can answer for. The page \u201cWhat "
        "this tool does not cover\u201d (/not-covered/) says where to look instead."
    ]
    page = client.get("/results/?account=something-else&event=value-dropped")
    assert page.status_code == 400
    assert "What this tool does not cover" in page.content.decode()
    spec = client.get("/api/openapi.json").json()
    params = spec["paths"]["/api/v1/determination"]["get"]["parameters"]
    account = next(p for p in params if p["name"] == "account")
    assert "something-else" not in account["schema"]["enum"]
