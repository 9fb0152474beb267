"""The results page: a pure function of its URL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
SALE = "account=taxable&event=sold-at-loss"
IRA_2017 = "/results/?account=traditional-ira&contribution=after-tax&event=closed-at-loss&year=2017"


def test_results_page_shows_verdict_reason_sources_and_the_law_applied(client):
    r = client.get(IRA_2017)
    assert r.status_code == 200
    html = r.content.decode()
    assert 'class="verdict-word">Yes, for that year<' in html
    assert "Yes, for 2017: the unrecovered basis" in html
    assert "https://www.irs.gov/publications/p590b" in html
    assert "Tax year 2017: decided under the 2% floor of 26 U.S.C. 67(a)" in html
    assert (
        f'<link rel="canonical" href="http://testserver{IRA_2017.replace("&", "&amp;")}">' in html
    )
    assert '<meta property="og:title" content="Yes, for 2017: the unrecovered' in html
    assert "<title>Yes, for 2017: the unrecovered" in html


def test_what_would_change_lists_other_outcomes_with_their_own_links(client):
    r = client.get(IRA_2017)
    alts = {a.field: (a.determination.outcome, url) for a, url in r.context["alternatives"]}
    assert alts["year"] == (
        "itemized-suspended",
        "/results/?account=traditional-ira&contribution=after-tax&event=closed-at-loss&year=2025",
    )
    assert alts["account"] == ("capital-loss", "/results/?account=taxable&event=sold-at-loss")
    assert alts["contribution"][0] == "not-deductible"


def test_a_depends_answer_shows_each_branch_and_how_to_find_out(client):
    r = client.get(
        "/results/?account=traditional-401k&contribution=unsure&event=closed-at-loss&year=2017"
    )
    html = r.content.decode()
    assert "It depends on the kind of money" in html
    assert [b["verdict"] for b in r.context["branches"]] == [
        "No",
        "Yes, for that year",
        "Yes, for that year",
    ]
    assert "Form 8606" in html


@pytest.mark.parametrize(
    ("query", "canonical", "status"),
    [
        # Only the order, the case or unknown parameters change: for good.
        ("event=sold-at-loss&account=taxable", "account=taxable&event=sold-at-loss", 301),
        ("account=taxable&utm_source=x&event=sold-at-loss", SALE, 301),
        ("account=TAXABLE&event=Sold-At-Loss", "account=taxable&event=sold-at-loss", 301),
        (
            "year=2017&event=closed-at-loss&contribution=after-tax&account=traditional-ira",
            "account=traditional-ira&contribution=after-tax&event=closed-at-loss&year=2017",
            301,
        ),
        # An answer that does not matter today is dropped: a later law could make it
        # matter again, so the browser must not remember the redirect.
        ("account=taxable&event=sold-at-loss&year=2001", "account=taxable&event=sold-at-loss", 302),
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
        # A default filled in (this year, "not sure") changes every January.
        (
            "account=traditional-401k&event=closed-at-loss",
            f"account=traditional-401k&contribution=unsure&event=closed-at-loss&year={NOW}",
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
    assert "We could not read that link" in html
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
    assert "Link: http://testserver/results/?account=traditional-ira" in printed
    assert re.search(r"Printed \d{1,2} \w+ \d{4}\.", printed)
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
    html = client.get("/results/?account=hsa&event=closed-at-loss").content.decode()
    assert "same for every tax year since the account began in 2004" in html
    html = client.get("/results/?account=taxable&event=sold-at-loss").content.decode()
    assert "same for every tax year from 1987 on" in html


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
