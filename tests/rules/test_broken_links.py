"""A broken results link says what happened in words, shows what it could read and
carries on in the wizard with those answers filled in (UX review, problem 13)."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.law import vocabulary as v
from rules.law.validation import validate
from rules.web import link_reading

pytestmark = pytest.mark.django_db
CURRENT = 2026  # the suite's pinned clock

K401 = "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s"

# One link for each way a link can break, and for each question's answer.
BROKEN = {
    # cut off when copied
    "cut-off account": ("account=traditional-4", link_reading.CUT_OFF),
    "cut-off before the event": ("account=taxable", link_reading.CUT_OFF),
    "cut-off event": ("account=traditional-401k&event=closed-at-lo", link_reading.CUT_OFF),
    "cut-off kind of money": (
        "account=traditional-ira&event=closed-at-loss&contribution=after-t",
        link_reading.CUT_OFF,
    ),
    "cut-off received": (
        "account=traditional-ira&event=closed-at-loss&contribution=after-tax&received=below",
        link_reading.CUT_OFF,
    ),
    "cut-off asset": ("account=taxable&event=sold-at-loss&asset=secu", link_reading.CUT_OFF),
    "cut-off year": (
        "account=taxable&event=sold-at-loss&asset=securities&year=20",
        link_reading.CUT_OFF,
    ),
    "cut-off parameter name": ("acc", link_reading.CUT_OFF),
    # answers that cannot all be true
    "event for another account": ("account=taxable&event=rolled-over", link_reading.CONTRADICTORY),
    "money a Roth IRA cannot hold": (
        "account=roth-ira&contribution=pre-tax&event=value-dropped",
        link_reading.CONTRADICTORY,
    ),
    "money in a brokerage account": (
        "account=taxable&contribution=pre-tax&event=sold-at-loss",
        link_reading.CONTRADICTORY,
    ),
    "457(b) after-tax (version 1)": (
        "account=457b&contribution=after-tax&event=closed-at-loss&year=2015",
        link_reading.CONTRADICTORY,
    ),
    "year before the account existed": (
        "account=roth-ira&event=closed-at-loss&year=1990",
        link_reading.CONTRADICTORY,
    ),
    "two accounts": ("account=taxable&account=hsa&event=value-dropped", link_reading.CONTRADICTORY),
    # answers we do not know
    "unknown account": ("account=ira&event=value-dropped", link_reading.UNREADABLE),
    "unknown event": ("account=hsa&event=exploded", link_reading.UNREADABLE),
    "unknown asset": ("account=taxable&event=worthless&asset=gold", link_reading.UNREADABLE),
    "year not begun": ("account=taxable&event=sold-at-loss&year=2031", link_reading.UNREADABLE),
    "year before 1987": ("account=taxable&event=sold-at-loss&year=1900", link_reading.UNREADABLE),
    "year in words": ("account=taxable&event=sold-at-loss&year=soon", link_reading.UNREADABLE),
    # nothing at all
    "empty": ("", link_reading.EMPTY),
    "empty values": ("account=&event=", link_reading.EMPTY),
    "unrelated parameters": ("utm_source=mail", link_reading.EMPTY),
}

# Every slug of the vocabulary that is not also an ordinary word in a sentence.
ORDINARY = {
    *("pre-tax", "after-tax", "taxable", "securities", "crypto", "roth", "worthless"),
    *("529", "converted"),  # a "529 plan"; "converted to a Roth IRA"
}
SLUGS = sorted(
    {
        *v.ACCOUNTS,
        *v.EVENTS,
        *v.CONTRIBUTIONS,
        *v.RECEIVED,
        *v.ASSETS,
        *v.OUTCOMES,
    }
    - ORDINARY,
    key=len,
    reverse=True,
)
SLUG = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, SLUGS)) + r")(?![\w-])")


def visible_text(response) -> str:
    """What a reader sees: the page's title and main text, tags and attributes removed."""
    page = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return html_lib.unescape(title + " " + re.sub(r"<[^>]+>", " ", main.split(">", 1)[1]))


@pytest.mark.parametrize(("query", "kind"), BROKEN.values(), ids=list(BROKEN))
def test_each_broken_link_says_what_happened_in_words_and_no_slug(client, query, kind):
    r = client.get(f"/results/?{query}")
    assert r.status_code == 400
    reading = r.context["reading"]
    assert reading.kind == kind
    heading, summary = link_reading.HEADINGS[kind]
    text = visible_text(r)
    assert f"<h1>{heading}</h1>" in r.content.decode()
    assert summary in text
    assert r.content.decode().count("<title>Error: ") == 1
    assert SLUG.findall(text) == []
    # What the link held is never echoed back raw (a cut-off slug is a slug too).
    for value in QueryDict(query).values():
        if value and not value.isdigit() and value not in ORDINARY:
            assert value not in text, value


def test_the_wording_for_a_link_cut_off_when_copied(client):
    r = client.get("/results/?account=traditional-401k&event=closed-at-lo")
    text = visible_text(r)
    assert "This link looks incomplete" in text
    assert "It may have been cut off when it was copied." in text
    assert "Its answer to what happened is cut short." in text
    assert r.context["rows"] == [("Account", K401)]
    assert "What we could read" in text and K401 in text


def test_a_contradictory_link_names_both_answers_in_words(client):
    r = client.get("/results/?account=taxable&event=rolled-over")
    text = visible_text(r)
    assert "The answers in this link do not fit together" in text
    assert (
        "\u201cI moved it to another plan or IRA\u201d cannot happen to a taxable brokerage "
        "account." in text
    )
    assert r.context["rows"] == [("Account", "Taxable brokerage account")]


def test_the_457b_after_tax_link_keeps_its_plain_explanation_and_ways_on(client):
    r = client.get("/results/?account=457b&contribution=after-tax&event=closed-at-loss&year=2015")
    text = visible_text(r)
    assert "never holds after-tax money other than Roth" in text
    assert [w["label"] for w in r.context["ways_on"]] == ["Pre-tax money", "Roth money", "Not sure"]
    assert r.context["rows"] == [
        ("Account", "Governmental 457(b)"),
        ("What happened", "I took everything out and got back less than I put in"),
        ("Tax year", "2015"),
    ]


def test_an_empty_link_offers_a_new_start_only(client):
    r = client.get("/results/")
    text = visible_text(r)
    assert "This link has no answers in it" in text
    assert r.context["resume_url"] == ""
    assert "Answer the missing questions" not in text
    assert 'href="/">Start a new check</a>' in r.content.decode()


def test_answer_the_missing_questions_carries_on_with_what_was_read(client):
    """A spouse with no cookie opens a cut-off link and finishes it in the wizard."""
    r = client.get("/results/?account=traditional-ira&event=closed-at-loss&contribution=after-t")
    assert r.context["resume_url"] == (
        "/check/review/?" + urlencode({"account": "traditional-ira", "event": "closed-at-loss"})
    )
    button = f'href="{html_lib.escape(r.context["resume_url"])}">Answer the missing questions</a>'
    assert button in r.content.decode()
    r = client.get(r.context["resume_url"])
    # The first question the link did not answer (the year comes first: issue 25 #6),
    # fresh, with a word on what happened.
    assert r["Location"] == "/check/year/?return=review&resumed=1"
    page = client.get(r["Location"])
    html = page.content.decode()
    assert "We filled in the answers we could read from the link." in html
    assert 'class="error-summary"' not in html
    assert page.context["form"]["year"].value() in (None, "")
    step = {"check_wizard-current_step": "year", "return": "review"}
    r = client.post("/check/year/", {**step, "year-year": "2016"})
    assert r["Location"] == "/check/contribution/?return=review"
    step["check_wizard-current_step"] = "contribution"
    r = client.post("/check/contribution/", {**step, "contribution-contribution": "after-tax"})
    assert r["Location"] == "/check/received/?return=review"
    step["check_wizard-current_step"] = "received"
    r = client.post("/check/received/", {**step, "received-received": "below-basis"})
    assert r["Location"] == "/check/review/"
    rows = client.get("/check/review/").context["rows"]
    assert [row["value"] for row in rows] == [
        "Traditional IRA, including SEP and SIMPLE IRAs",
        "I took everything out and got back less than I put in",
        "2016",
        "After-tax money (not Roth)",
        "Less than my after-tax or Roth money",
    ]


def test_a_contradictory_event_is_asked_fresh_after_carrying_on(client):
    r = client.get(client.get("/results/?account=taxable&event=rolled-over").context["resume_url"])
    assert r["Location"] == "/check/event/?return=review&resumed=1"
    page = client.get(r["Location"])
    assert page.context["form"]["event"].value() in (None, "")
    assert [o["label"] for o in page.context["form"].options()][1] == (
        "I sold it for less than I paid"
    )


def test_a_link_whose_answers_are_all_read_goes_to_check_your_answers(client):
    r = client.get("/check/review/?account=hsa&event=value-dropped")
    assert r["Location"] == "/check/review/"
    assert [row["value"] for row in client.get("/check/review/").context["rows"]] == [
        "Health savings account (HSA)",
        "The balance fell, and the money is still in the account",
    ]


def test_a_link_with_nothing_readable_starts_again(client):
    assert client.get("/check/review/?account=nope")["Location"] == (
        "/check/account/?restarted=1"
    )


# --- every link the results page refuses is read in words


FRAGMENTS = [
    *v.ACCOUNTS,
    *v.EVENTS,
    *v.CONTRIBUTIONS,
    *v.RECEIVED,
    *v.ASSETS,
    "traditional-4",
    "closed-at",
    "1990",
    "2017",
    "2031",
    "20",
    "x",
    "",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(v.FIELDS),
        st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=2),
        max_size=6,
    )
)
def test_every_refused_link_gets_a_reading_with_a_reason_and_no_slug(query):
    answers, errors = validate(query, current=CURRENT)
    reading = link_reading.read(query, current=CURRENT)
    if not errors:
        return
    given_any = any(x for values in query.values() for x in values)
    assert reading.problems or not given_any
    words = " ".join([reading.heading, reading.summary, *(p.message for p in reading.problems)])
    words += " ".join(value for _, value in reading.rows())
    assert SLUG.findall(words) == []
    # What was read fits together: the wizard can take it as it is.
    _, still = validate(reading.answers, current=CURRENT)
    assert not set(reading.answers) & set(still)
