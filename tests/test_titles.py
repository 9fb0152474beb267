"""One product name everywhere: the header and the end of every page's title
(UX review, problem 22). The start page's title is the name alone."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from tests.pages import html_pages
from tests.questionnaire.conftest import Saver

pytestmark = pytest.mark.django_db

NAME = settings.SITE_NAME
ERROR_PAGES = {
    "bad results link": "/results/?account=taxable&event=rolled-over",
    "cut-off results link": "/results/?account=taxable&event=sold-at-lo",
    "not found": "/no-such-page/",
}


def _title(html: str) -> str:
    (title,) = re.findall(r"<title>(.*?)</title>", html, re.S)
    return title


def _wizard_titles(client) -> dict[str, str]:
    saver = Saver(client)
    titles = {"account": _title(saver.start().content.decode())}
    titles["account error"] = _title(saver.answer("account", None).content.decode())
    page = saver.follow(saver.answer("account", "traditional-401k"))
    titles["event"] = _title(page.content.decode())
    saver.answer("event", "closed-at-loss")
    titles["year error"] = _title(saver.answer("year", "1900").content.decode())
    saver.answer("year", "2017")
    saver.answer("contribution", "roth")
    titles["review"] = _title(saver.follow(saver.answer("received", "unsure")).content.decode())
    return titles


def test_every_page_title_ends_with_the_product_name(client):
    pages = {**html_pages(), **ERROR_PAGES}
    titles = {label: _title(client.get(url, follow=True).content.decode()) for label, url in
              pages.items()}
    titles.update(_wizard_titles(client))
    for label, title in titles.items():
        if label == "start":
            assert title == NAME
        else:
            assert title.endswith(f" \u2013 {NAME}"), (label, title)
            assert title.count(NAME) == 1, (label, title)


def test_the_header_names_the_product_the_same_way(client):
    html = client.get("/tables/").content.decode()
    assert f'<a class="site-name" href="/">{NAME}</a>' in html
    assert "Can I deduct this loss?" not in html


def test_the_plain_500_page_has_the_name_too():
    from questionnaire.pages import PLAIN_500

    assert f"\u2013 {NAME}</title>" in PLAIN_500
