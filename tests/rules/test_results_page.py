"""The results page: a pure function of its URL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
SALE = "account=taxable&event=wash-sale&asset=securities"
IRA_2017 = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)
V1_IRA_2017 = (
    "/results/?account=traditional-ira&contribution=after-tax&event=closed-at-loss&year=2017"
)


def test_results_page_shows_verdict_reason_sources_and_the_law_applied(client):
    r = client.get(IRA_2017)
    assert r.status_code == 200
    html = r.content.decode()
    assert 'class="verdict-word">Too late to claim, usually<' in html  # 2017's has closed
    assert "Yes, for 2017: if you itemized, you could deduct part of the loss" in html
    assert "https://www.irs.gov/pub/irs-prior/p590b--2017.pdf" in html
    assert "https://www.irs.gov/pub/irs-prior/p529--2017.pdf" in html  # the cited edition
    assert "IRS Notice 89-25" in html
    assert "Tax year 2017: the law then allowed this kind of deduction above 2% of" in html
    # How firm the ground is, next to the verdict, and whether it can still be claimed.
    assert "The IRS&#x27;s position, not tested in court" in html
    assert '<div class="warning-text certainty certainty-irs-position">' in html
    assert "check with a tax professional before you rely on it" in html
    assert "The usual time to claim this has passed." in html
    assert '<time datetime="2021-05-17">May 17, 2021</time>' in html
    assert "This answer is for your federal income tax return." in html
    assert (
        f'<link rel="canonical" href="http://testserver{IRA_2017.replace("&", "&amp;")}">' in html
    )
    assert '<meta property="og:title" content="Yes, for 2017: if you itemized' in html
    assert "<title>Yes, for 2017: if you itemized" in html


def test_a_version_1_link_still_answers_by_a_redirect_to_its_version_2_form(client):
    r = client.get(V1_IRA_2017)
    assert r.status_code == 302  # "not sure" of what was received is filled in
    assert r["Location"] == (
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=unsure&year=2017"
    )
    r = client.get(r["Location"])
    assert r.status_code == 200 and r.context["determination"].outcome == "depends"


def test_a_version_1_link_to_after_tax_money_in_a_457b_explains_and_offers_the_way_on(client):
    r = client.get("/results/?account=457b&contribution=after-tax&event=closed-at-loss&year=2015")
    assert r.status_code == 400
    html = r.content.decode()
    assert "never holds after-tax money other than Roth" in html
    visible = re.sub(r"<[^>]+>", " ", html.split("<main")[1])
    for slug in ("457b", "closed-at-loss", "traditional-401k", "pre-tax-no-basis"):
        assert slug not in visible  # no page shows a slug
    ways = r.context["ways_on"]
    assert [w["label"] for w in ways] == ["Pre-tax money", "Roth money", "Not sure"]
    for way in ways:
        assert client.get(way["url"]).status_code == 200


def test_what_would_change_lists_other_outcomes_with_their_own_links(client):
    r = client.get(IRA_2017)
    alts = {a.field: (a.determination.outcome, url) for a, url in r.context["alternatives"]}
    assert alts["year"] == (
        "itemized-suspended",
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2025",
    )
    assert alts["account"] == (
        "capital-loss",
        "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2017",
    )
    assert alts["contribution"][0] == "not-deductible"


def test_a_depends_answer_shows_each_branch_and_how_to_find_out(client):
    r = client.get(
        "/results/?account=traditional-401k&event=closed-at-loss&contribution=unsure"
        "&received=unsure&year=2017"
    )
    html = r.content.decode()
    assert "<h1>It depends on the kind of money and what you got back: no for pre-tax" in html
    assert [(b["label"], b["verdict"]) for b in r.context["branches"]] == [
        ("Pre-tax money", "No"),
        ("After-tax money (not Roth); Less than my after-tax or Roth money", "Yes, for that year"),
        ("After-tax money (not Roth); At least as much as my after-tax or Roth money", "No"),
        ("Roth money; Less than my after-tax or Roth money", "Yes, for that year"),
        ("Roth money; At least as much as my after-tax or Roth money", "No"),
    ]
    assert '<h2 id="next-heading">How to find out which kind you have</h2>' in html
    assert "Form 1099-R" in html and "pay stubs" in html


@pytest.mark.parametrize(
    ("query", "canonical", "status"),
    [
        # Only the order, the case or unknown parameters change: for good.
        ("asset=securities&event=wash-sale&account=taxable", SALE, 301),
        ("account=taxable&utm_source=x&event=wash-sale&asset=securities", SALE, 301),
        ("account=TAXABLE&event=Wash-Sale&asset=Securities", SALE, 301),
        (
            "year=2017&received=below-basis&event=closed-at-loss&contribution=after-tax"
            "&account=traditional-ira",
            IRA_2017.split("?")[1],
            301,
        ),
        # An answer that does not matter today is dropped: a later law could make it
        # matter again, so the browser must not remember the redirect.
        ("account=taxable&event=wash-sale&asset=securities&year=2001", SALE, 302),
        (
            "account=403b&contribution=roth&event=value-dropped",
            "account=403b&event=value-dropped",
            302,
        ),
        (
            "account=roth-ira&contribution=roth&event=closed-at-loss&year=2017",
            "account=roth-ira&event=closed-at-loss&year=2017",
            302,
        ),
        # A default filled in (this year, "not sure", stocks) changes the link's words.
        (
            "account=traditional-401k&event=closed-at-loss",
            "account=traditional-401k&event=closed-at-loss&contribution=unsure&received=unsure"
            f"&year={NOW}",
            302,
        ),
        (
            "account=taxable&event=sold-at-loss",
            f"account=taxable&event=sold-at-loss&asset=securities&year={NOW}",
            302,
        ),
    ],
)
def test_irrelevant_or_unordered_parameters_redirect_to_the_canonical_url(
    client, query, canonical, status
):
    r = client.get(f"/results/?{query}")
    assert r.status_code == status
    assert r["Location"] == f"/results/?{canonical}"
    assert client.get(r["Location"]).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "",
        "account=taxable&event=rolled-over",
        "account=ira&event=value-dropped",
        "account=roth-ira&contribution=pre-tax&event=value-dropped",
        "account=taxable&event=sold-at-loss&year=1900",
    ],
)
def test_invalid_queries_get_a_400_page_that_says_what_is_wrong(client, query):
    r = client.get(f"/results/?{query}")
    assert r.status_code == 400
    html = r.content.decode()
    assert f"<h1>{r.context['reading'].heading}</h1>" in html  # tests/rules/test_broken_links.py
    assert 'href="/"' in html and "Start a new check" in html
    assert "<title>Error:" in html


def test_the_shared_link_sets_no_cookie(client):
    r = client.get(IRA_2017)
    assert not r.cookies


def test_results_link_to_the_table_rows_that_match(client):
    r = client.get(IRA_2017)
    urls = [link["url"] for link in r.context["table_links"]]
    assert urls == [
        "/tables/#account-traditional-ira",
        "/tables/#situation-ira-basis-loss-2-percent",
    ]


def test_a_printed_page_keeps_answer_answers_sources_and_date(client):
    html = client.get(IRA_2017).content.decode()
    printed = re.search(r'<p class="print-only">(.*?)</p>', html, re.S).group(1)
    assert "Link to this answer: http://testserver/results/?account=traditional-ira" in printed
    # US dates: the month first.
    assert re.search(r"Printed <time datetime=\"[\d-]+\">\w+ \d{1,2}, \d{4}</time>\.", printed)
    # Verdict, answers and sources are not marked no-print; links and buttons are.
    for section in ("answers-heading", "sources-heading"):
        opening = re.search(rf'<section aria-labelledby="{section}"[^>]*>', html).group(0)
        assert "no-print" not in opening
    assert 'class="share no-print"' in html
    css = CSS.read_text()
    print_css = css[css.index("@media print") :]
    assert ".no-print" in print_css and ".print-only { display: block; }" in print_css
    assert 'content: " (" attr(href) ")"' in print_css  # source URLs printed in full


def test_the_copy_button_is_progressive(client):
    html = client.get(IRA_2017).content.decode()
    assert "readonly" in html and 'id="share-url"' in html
    assert 'data-copy="share-url" hidden' in html  # shown only when the script runs


def test_a_year_independent_answer_says_since_when_it_holds(client):
    html = client.get("/results/?account=roth-ira&event=value-dropped").content.decode()
    assert (
        f"same for every tax year since this kind of account began in 1998, including "
        f"{NOW - 1} and {NOW}." in html
    )
    html = client.get(f"/results/?{SALE}").content.decode()
    assert f"This answer is the same for every tax year, including {NOW - 1} and {NOW}." in html
    assert "1987" not in html


def test_hidden_controls_stay_hidden_whatever_their_class():
    assert "[hidden] { display: none !important; }" in CSS.read_text()


def test_the_site_version_changes_with_any_template_or_static_file(tmp_path, monkeypatch):
    import shutil

    from questionnaire import versioning

    for folder in versioning._SOURCES:
        shutil.copytree(versioning.ROOT / folder, tmp_path / folder)
    monkeypatch.setattr(versioning, "ROOT", tmp_path)
    before = versioning._site_version()
    assert before == versioning.SITE_VERSION and len(before) == 16
    css = tmp_path / "static" / "css" / "site.css"
    css.write_text(css.read_text() + "\n/* a change */\n")
    after_css = versioning._site_version()
    template = tmp_path / "templates" / "rules" / "results.html"
    template.write_text(template.read_text() + "\n")
    after_template = versioning._site_version()
    assert len({before, after_css, after_template}) == 3


def test_a_cached_results_page_is_the_same_page(client):
    first = client.get(IRA_2017)
    second = client.get(IRA_2017)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_the_results_page_still_checks_the_host(client):
    assert client.get(IRA_2017, HTTP_HOST="evil.example").status_code == 400
    assert (
        client.get(
            "/api/determination?account=hsa&event=value-dropped", HTTP_HOST="evil.example"
        ).status_code
        == 400
    )


def test_an_empty_year_gets_a_temporary_redirect_to_the_current_year(client):
    r = client.get("/results/?account=roth-ira&event=closed-at-loss&year=")
    assert r.status_code == 302
    assert r["Location"].endswith(f"year={NOW}")
