"""Issue 25 #15: jargon left on common pages. Statute pinpoints belong under Sources, not
in "What to do next"; the kind-of-money hint says why it is asked in plain words."""

from __future__ import annotations

import pytest

from rules.law import vocabulary as v

pytestmark = pytest.mark.django_db

PLAN_2016 = (
    "/results/?account=traditional-401k&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2016"
)
IRA_2016 = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2016"
)


@pytest.mark.parametrize("url", [PLAN_2016, IRA_2016])
def test_next_steps_cite_no_statute_the_sources_do(client, url):
    html = client.get(url, follow=True).content.decode()
    next_steps = html.split('id="next-heading"', 1)[1].split("</section>", 1)[0]
    assert "alternative minimum tax" in next_steps
    assert "56(b)(1)(A)(i)" not in next_steps
    assert "56(b)(1)(A)(i)" in html.split('id="sources-heading"', 1)[1]


def test_the_kind_of_money_hint_is_plain():
    hint = v.QUESTION_WORDS["contribution"].hint
    assert "tax basis" not in hint
    assert hint == "Money you had already paid income tax on before it went in counts differently."
