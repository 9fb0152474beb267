"""The "Work out how much" pages: reached from results, a GET form that works without
JavaScript, errors with a summary, and a saver's figures kept to themselves."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.pages import AMOUNTS, RESULTS

pytestmark = pytest.mark.django_db

FIGURES = {
    "short",
    "long",
    "short_loss",
    "long_loss",
    "short_gain",
    "long_gain",
    "carry_short",
    "carry_long",
    "taxable_income",
    "loss",
    "sold",
    "bought",
    "basis",
    "received",
    "agi",
    "other_misc",
    "filing",
}


def _html(r) -> str:
    return r.content.decode()


def _share(html: str) -> dict[str, list[str]]:
    url = unescape(re.search(r'id="share-url"[^>]*value="([^"]*)"', html)[1])
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize(
    ("outcome", "worksheets"),
    [
        ("capital-loss", ["capital-loss"]),
        ("ordinary-loss", ["section-1244", "capital-loss"]),
        ("wash-sale-deferred", ["wash-sale"]),
        ("itemized-2-percent", ["basis-loss"]),
        ("yes-either-way", ["capital-loss", "section-1244"]),
        ("not-deductible", []),
        ("itemized-suspended", []),
        ("wash-sale-disallowed", []),
    ],
)
def test_results_with_an_amount_link_to_work_out_how_much(client, outcome, worksheets):
    html = _html(client.get(RESULTS[outcome]))
    links = re.findall(r'href="/amounts/([a-z0-9-]+)/\?([^"]*)"', html)
    assert [slug for slug, _ in links] == worksheets
    if worksheets:
        assert "Work out how much" in html or "work out how much" in html
        # The link carries the answers (for the way back), never figures.
        query = parse_qs(unescape(links[0][1]))
        assert "account" in query and not FIGURES & set(query)


def test_worthless_crypto_before_2018_has_no_basis_worksheet(client):
    html = _html(client.get("/results/?account=taxable&event=worthless&asset=crypto&year=2017"))
    assert "/amounts/" not in html


def test_the_empty_form_from_a_results_page(client):
    r = client.get(AMOUNTS["amounts capital-loss"])
    assert r.status_code == 200
    html = _html(r)
    assert r["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex">' in html
    assert '<form method="get" action="/amounts/capital-loss/#result"' in html
    assert "error-summary" not in html and "Your worksheet" not in html
    assert 'href="/results/?account=taxable&amp;event=sold-at-loss' in html  # the way back
    assert 'name="year" value="2026"' in html
    # Labels for every field, grouped pairs in a fieldset with a legend.
    for name in ("filing", "year", "short-loss", "long-loss", "short-gain", "long-gain",
                 "carry-short", "carry-long"):
        assert f'<label for="f-{name}">' in html
    assert html.count("<fieldset") == 3 and html.count("<legend>") == 3
    # Losses and gains are asked apart, each as an amount: no "minus for a loss".
    assert "<legend>Losses this year</legend>" in html
    assert "<legend>Gains this year, if any</legend>" in html
    assert "minus" not in html
    # No slugs shown to a saver: the filing statuses are labels.
    assert ">Married filing separately<" in html


def test_the_filled_worksheet_shows_the_lines_and_what_carries(client):
    r = client.get(AMOUNTS["amounts capital-loss filled"])
    assert r.status_code == 200
    html = _html(r)
    assert "Schedule D line 21" in html and "Carryover Worksheet line 13" in html
    assert "($3,000.00)" in html  # a loss as the forms write it
    assert re.search(r"Short-term loss carried to next year</dt><dd[^>]*>\$500\.00", html)
    assert re.search(r"Long-term loss carried to next year</dt><dd[^>]*>\$8,000\.00", html)
    assert "What carries forward" in html and 'class="carry"' in html
    assert "1212(b)(2)" in html


def test_each_worksheet_page_fills_in(client):
    for label in (
        "amounts section-1244 filled",
        "amounts wash-sale filled",
        "amounts basis-loss filled",
    ):
        r = client.get(AMOUNTS[label])
        assert r.status_code == 200, label
        assert "Line by line" in _html(r)
        assert r["Cache-Control"] == "private, no-store"
    html = _html(client.get(AMOUNTS["amounts basis-loss filled"]))
    assert "Schedule A line 27" in html and "$1,000.00" in html
    html = _html(client.get(AMOUNTS["amounts wash-sale filled"]))
    assert "Added to the basis of each of the 50 shares bought" in html


def test_bad_input_gets_field_errors_and_a_summary_never_a_500(client):
    r = client.get(AMOUNTS["amounts capital-loss errors"])
    assert r.status_code == 400
    assert r["Cache-Control"] == "private, no-store"
    html = _html(r)
    assert "<title>Error: " in html
    assert 'class="error-summary"' in html and "There is a problem" in html
    for field in ("filing", "year", "short-loss", "short-gain", "carry-short"):
        assert f'<a href="#f-{field}">' in html
        assert f'id="f-{field}-error"' in html
        assert re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', html, re.S)
    assert 'value="ten"' in html  # what was typed is kept, to correct it
    assert "Your worksheet" not in html


def test_figures_are_not_in_the_share_link_unless_the_saver_ticks_the_box(client):
    html = _html(client.get(AMOUNTS["amounts capital-loss filled"]))
    share = _share(html)
    assert not FIGURES & set(share)
    assert share["account"] == ["taxable"] and share["year"] == ["2026"]
    assert "without your figures" in html
    ticked = _html(client.get(AMOUNTS["amounts capital-loss filled"] + "&share=figures"))
    share = _share(ticked)
    assert share["short_loss"] == ["2000.00"] and share["share"] == ["figures"]
    assert "short" not in share
    assert "with your figures" in ticked and 'name="share" value="figures" checked' in ticked
    # Opening a shared link with figures shows the same worksheet.
    again = _html(
        client.get("/amounts/capital-loss/?" + "&".join(f"{k}={v[0]}" for k, v in share.items()))
    )
    assert "Carryover Worksheet line 13" in again


def test_nothing_about_the_figures_is_kept_in_a_server_cache(client):
    from django.core.cache import caches

    client.get(AMOUNTS["amounts capital-loss filled"])
    for cache in caches.all():
        assert not any("-2000" in str(v) for v in getattr(cache, "_cache", {}).values())
        assert not getattr(cache, "_cache", {})


def test_a_post_is_refused(client):
    assert client.post("/amounts/wash-sale/", {"loss": "1"}).status_code == 405


@pytest.mark.parametrize(
    "query",
    [
        "year=abc&account=nope",
        "short=%00&filing=single&year=2026",
        "year=2026&year=2017&short=1",
        "loss=" + "9" * 500,
        "filing=single&year=2026&short=1&share=figures&share=x",
    ],
)
def test_odd_queries_never_500(client, query):
    for slug in ("capital-loss", "section-1244", "wash-sale", "basis-loss"):
        assert client.get(f"/amounts/{slug}/?{query}").status_code in (200, 400)


def test_the_access_log_drops_query_strings():
    """gunicorn logs the path (%(U)s) without the query (%(q)s) or the full request line
    (%(r)s), so no saver's figures reach a log."""
    conf = (Path(__file__).resolve().parents[2] / "gunicorn.conf.py").read_text()
    fmt = re.search(r"^access_log_format = (.+)$", conf, re.M)[1]
    assert "%(U)s" in fmt
    for leaky in ("%(q)s", "%(r)s", "%(f)s", "%(a)s", "%({"):
        assert leaky not in fmt


def _outputs(html: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>([^<]+)</dt><dd[^>]*>([^<]+)</dd>", html))


LOSS_2026 = "/amounts/capital-loss/?filing=single&year=2026"


@pytest.mark.parametrize("typed", ["12000", "12,000", "$12,000", "-12000", "(12,000)"])
def test_a_loss_typed_in_the_loss_field_is_a_loss_however_it_is_written(client, typed):
    """The review's problem: "12000" typed as a loss became a $12,000 gain. A loss is now
    asked for as a loss, so every way of writing it means the same loss."""
    from urllib.parse import quote

    r = client.get(f"{LOSS_2026}&long_loss={quote(typed)}")
    assert r.status_code == 200
    out = _outputs(_html(r))
    assert out["Deducted from other income this year"] == "$3,000.00"
    assert out["Long-term loss carried to next year"] == "$9,000.00"
    assert out["Net capital gain or (loss) this year"] == "($12,000.00)"


def test_gains_and_losses_of_a_term_are_netted(client):
    out = _outputs(_html(client.get(f"{LOSS_2026}&short_loss=5000&short_gain=1500")))
    assert out["Net capital gain or (loss) this year"] == "($3,500.00)"
    assert out["Short-term loss carried to next year"] == "$500.00"
    out = _outputs(_html(client.get(f"{LOSS_2026}&long_gain=12000")))
    assert out["Net capital gain or (loss) this year"] == "$12,000.00"


def test_a_gain_with_a_minus_sign_is_an_error_never_a_silent_loss(client):
    r = client.get(f"{LOSS_2026}&short_gain=-12000")
    assert r.status_code == 400
    html = _html(r)
    assert "Your worksheet" not in html
    assert "without a minus sign. A loss goes under" in html
    assert '<a href="#f-short-gain">' in html


@pytest.mark.parametrize(
    ("old", "loss", "gain"),
    [("short=-12000", "f-short-loss", "f-short-gain"), ("long=12000", "f-long-gain", None)],
)
def test_an_older_link_with_a_net_figure_keeps_its_meaning(client, old, loss, gain):
    """Links shared before losses and gains were asked apart carry "short" and "long",
    signed (minus for a loss): they still mean what they meant, and the page shows the
    figure in the field it belongs to."""
    html = _html(client.get(f"{LOSS_2026}&{old}"))
    out = _outputs(html)
    if old.startswith("short"):
        assert out["Deducted from other income this year"] == "$3,000.00"
        assert out["Net capital gain or (loss) this year"] == "($12,000.00)"
    else:
        assert out["Net capital gain or (loss) this year"] == "$12,000.00"
    assert re.search(rf'id="{loss}" name="[a-z_]+" value="12000.00"', html)
    if gain:
        assert re.search(rf'id="{gain}" name="[a-z_]+" value=""', html)


def test_an_older_link_with_a_bad_net_figure_shows_the_error_by_the_loss_field(client):
    r = client.get(f"{LOSS_2026}&short=ten")
    assert r.status_code == 400
    html = _html(r)
    assert '<a href="#f-short-loss">' in html and 'id="f-short-loss-error"' in html


def test_a_net_figure_and_a_loss_for_the_same_term_are_refused(client):
    r = client.get(f"{LOSS_2026}&short=-100&short_loss=100")
    assert r.status_code == 400
    assert "as a net figure or as a loss and a gain, not both" in _html(r)


def test_the_form_is_sent_to_the_result_which_is_an_anchor_and_a_focus_target(client):
    """The worksheet appears below the form: the form goes to "#result" so the page opens
    there (without JavaScript too), and the heading can take focus (site.js moves it)."""
    empty = _html(client.get(AMOUNTS["amounts capital-loss"]))
    assert 'action="/amounts/capital-loss/#result"' in empty
    assert 'id="result"' not in empty  # nothing to jump to before the sums
    filled = _html(client.get(AMOUNTS["amounts capital-loss filled"]))
    assert '<section aria-labelledby="result"' in filled
    assert '<h2 id="result" tabindex="-1" data-result>Your worksheet</h2>' in filled


@pytest.mark.parametrize(
    ("results", "hint"),
    [
        ("account=traditional-ira&event=closed-at-loss&contribution=after-tax"
         "&received=below-basis&year=2016", "From all accounts of the kind, pre-tax too"),
        # A designated Roth account is tested on its own (26 U.S.C. 402A(d)(4)).
        ("account=traditional-401k&event=closed-at-loss&contribution=roth"
         "&received=below-basis&year=2012", "From the designated Roth account only"),
        ("account=roth-401k&event=closed-at-loss&year=2012",
         "From the designated Roth account only"),
    ],
)
def test_the_basis_worksheet_link_of_a_results_page_answers_and_is_worked_out(
    client, results, hint
):
    # The results answer `received` (below-basis) and the worksheet's `received` (an
    # amount) share a name: the link answers 200 with its way back and its hint, and the
    # form sent with both works the sheet out and keeps the way back.
    html = _html(client.get(f"/results/?{results}"))
    link = unescape(re.search(r'href="(/amounts/basis-loss/\?[^"]*)"', html)[1])
    r = client.get(link)
    assert r.status_code == 200
    page = _html(r)
    assert "error-summary" not in page and hint in page
    if "received=" in results:
        assert 'name="received" value="below-basis"' in page  # the answer, carried
    assert 'href="/results/?' in page  # the way back
    r = client.get(f"{link}&basis=10000&received=4000&agi=50000")
    assert r.status_code == 200
    page = _html(r)
    assert "$6,000.00" in page and 'href="/results/?' in page
