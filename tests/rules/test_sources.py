"""Sources open the edition cited, name the IRS forms the page mentions, and speak to the
saver's account."""

from __future__ import annotations

import re

import pytest

from rules.law import bibliography, engine
from rules.law import parameters as law
from rules.law.answers import answers as A
from tests.conftest import CURRENT

pytestmark = pytest.mark.django_db

IRA_2017 = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)
SALE_2019 = "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2019"


def sources(client, url: str) -> str:
    html = client.get(url).content.decode()
    return html.split('id="sources-heading"', 1)[1].split("</section>", 1)[0]


def test_answers_for_the_years_of_the_2_percent_floor_cite_that_years_editions(client):
    listed = sources(client, IRA_2017)
    assert 'href="https://www.irs.gov/pub/irs-prior/p590b--2017.pdf"' in listed
    assert 'href="https://www.irs.gov/pub/irs-prior/p529--2017.pdf"' in listed
    assert 'href="https://www.irs.gov/publications/p529"' not in listed  # today's edition
    floor_years = law.MISC_ITEMIZED_DEDUCTIONS.periods[0]
    assert all("irs-prior" in c.url or "irs.gov" not in c.url for c in floor_years.citations)


def test_the_tax_court_opinion_itself_is_linked_not_a_home_page():
    fish = bibliography.DOCUMENTS["Fish"]
    assert fish.title == "Fish v. Commissioner, T.C. Memo. 2015-176"
    assert fish.url.endswith("/case/fish-v-commr-2")  # the opinion's text


@pytest.mark.parametrize(
    ("url", "named"),
    [
        (SALE_2019, ["Form 8949", "Schedule D", "Form 1099-B", "Form 1099-DA", "Form 1040-X"]),
        (IRA_2017, ["Form 8606", "Schedule A", "Form 1040-X"]),
        (
            "/results/?account=traditional-ira&event=partial-withdrawal",
            ["Form 8606", "Form 1099-R"],
        ),
    ],
)
def test_every_irs_form_named_on_the_page_is_listed_with_its_instructions(client, url, named):
    listed = sources(client, url)
    forms_part = listed.split("IRS forms named on this page", 1)[1]
    for name in named:
        form = bibliography.DOCUMENTS[name]
        assert f'<a href="{form.url}" rel="noopener">{form.title}</a>' in forms_part, name
        assert f'<a href="{form.instructions_url}" rel="noopener">' in forms_part, name
    assert len(re.findall(r"<li>", forms_part)) == len(named)


def test_the_first_mention_of_a_form_in_the_text_links_to_it(client):
    html = client.get(SALE_2019).content.decode()
    steps = html.split('id="next-heading"', 1)[1].split("</section>", 1)[0]
    form = bibliography.DOCUMENTS["Form 8949"]
    assert f'<a href="{form.url}" rel="noopener">Form 8949</a>' in steps


@pytest.mark.parametrize(
    ("account", "absent"),
    [
        ("traditional-ira", ["26 U.S.C. 457", "26 U.S.C. 223", "26 U.S.C. 501"]),
        ("hsa", ["26 U.S.C. 457", "26 U.S.C. 501"]),
        ("457b", ["26 U.S.C. 223", "26 U.S.C. 501"]),
    ],
)
def test_the_sources_of_an_answer_speak_to_the_savers_account(account, absent):
    d = engine.determine(A(account, "value-dropped", year=CURRENT))
    titles = [c.title for c in d.sources]
    assert any(t.startswith("Fish v. Commissioner") for t in titles)
    for other in absent:
        assert not any(t.startswith(other) for t in titles), other


def test_every_answer_keeps_at_least_one_source():
    for a in engine.all_answers(CURRENT):
        assert engine.determine(a).sources, a
