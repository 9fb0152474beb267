"""What a phone (360 x 740) shows first (issue 25 #11, #13, #20) and the timeline at
that width: things only a browser's layout can tell."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
ROTH_2016 = "/results/?account=roth-ira&event=closed-at-loss&year=2016"
ANSWERS = [
    "/results/?account=traditional-401k&event=value-dropped",
    ROTH_2016,
    "/results/?account=traditional-401k&event=closed-at-loss&contribution=unsure"
    "&received=unsure&year=2017",
    "/results/?account=taxable&event=worthless&asset=crypto&year=2022",
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("path", ANSWERS)
def test_the_verdict_time_to_claim_and_what_to_do_start_on_the_first_screen(phone, site, path):
    phone.goto(site + path)
    for selector in (".verdict", "h1", "#next-heading"):
        box = phone.locator(selector).first.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], (selector, box)
    claim = phone.locator("p.claim")
    if claim.count():
        assert claim.bounding_box()["y"] < PHONE["height"]
    # The rest is reachable from a jump list.
    phone.get_by_role("link", name="Sources and forms").click()
    phone.wait_for_function("location.hash === '#sources-heading'")


def test_the_first_question_and_the_start_button_fit(phone, site):
    phone.goto(site + "/")
    start = phone.get_by_role("link", name="Start now").bounding_box()
    assert start["y"] + start["height"] <= PHONE["height"]
    phone.goto(site + "/check/account/")
    # The question, from the top of the page to its Continue button (was 3.5 screens).
    end = phone.get_by_role("button", name="Continue").bounding_box()
    assert end["y"] + end["height"] <= 2.75 * PHONE["height"]


@pytest.mark.parametrize(("path", "name"), [
    (ROTH_2016, "Timeline of tax years"),
    ("/tables/", "Timeline of tax years"),
    ("/es/tables/", "Cronología de los años tributarios"),  # longer words, placed for them
    ("/es" + ROTH_2016, "Cronología de los años tributarios"),
])
def test_the_timeline_fits_a_phone_and_its_words_do_not_overlap(phone, site, path, name):
    phone.goto(site + path)
    svg = phone.locator("svg.timeline-svg")
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert svg.get_attribute("role") == "img"
    assert phone.get_by_role("img", name=name).count() == 1
    texts = svg.locator("text")
    boxes = [texts.nth(i).bounding_box() for i in range(texts.count())]
    assert len(boxes) >= 5
    for b in boxes:
        assert b["height"] >= 11  # legible: 12 px text drawn at least 11 px tall
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 0.5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                     or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
            assert apart, (a, b)


def test_the_timeline_prints(phone, site):
    phone.goto(site + ROTH_2016)
    phone.emulate_media(media="print")
    assert phone.locator("svg.timeline-svg").is_visible()
    assert phone.locator(".timeline-words").is_visible()  # its words, unfolded on paper


SMALL_PHONE = {"width": 360, "height": 640}
SMALL_PHONE_ANSWERS = [
    *ANSWERS,
    "/results/?account=taxable&event=worthless&asset=unsure&year=2019",
    "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2019",
    "/results/?account=traditional-401k&event=closed-at-loss&contribution=roth"
    "&received=below-basis&year=2016",
]


@pytest.mark.parametrize("path", SMALL_PHONE_ANSWERS)
def test_a_small_phones_first_screen_holds_verdict_claim_and_next_steps(browser, site, path):
    """A 360 x 640 phone: the verdict, the time to claim and the "What to do next" heading
    (or "How to find out which...") all end on the first screen."""
    context = browser.new_context(viewport=SMALL_PHONE)
    try:
        page = context.new_page()
        page.goto(site + path)
        for selector in (".verdict", "h1", "p.claim", "#next-heading"):
            for box in [page.locator(selector).nth(i).bounding_box()
                        for i in range(page.locator(selector).count())]:
                assert box["y"] + box["height"] <= SMALL_PHONE["height"], (selector, box)
        assert page.locator("#next-heading").count() == 1
    finally:
        context.close()
