"""The tables for one account (issue 25 #14): `/tables/?account=<slug>` shows its rows;
an account the tables do not have gets a 400 that says so in words."""

from __future__ import annotations

import pytest

from tests.spelling import visible_text

pytestmark = pytest.mark.django_db


def test_one_account_shows_only_its_rows(client):
    everything = client.get("/tables/").content.decode()
    r = client.get("/tables/?account=hsa")
    assert r.status_code == 200
    html = r.content.decode()
    assert "<h1>Comparison tables: Health savings account (HSA)</h1>" in html
    assert html.count("<tr id=") < everything.count("<tr id=")
    assert 'id="account-hsa"' in html and 'id="account-taxable"' not in html
    assert "show every account" in html
    assert '<option value="hsa" selected>' in html


@pytest.mark.parametrize("query", ["account=nope", "account=", "account=hsa&account=529"])
def test_an_unknown_account_gets_a_400_in_words(client, query):
    r = client.get(f"/tables/?{query}")
    assert r.status_code == 400
    text = visible_text(r.content.decode())
    assert "This link asks for a kind of account the tables do not have" in text
    assert "nope" not in text
    assert "Accounts: can a loss be deducted?" in text  # the whole tables below


def test_the_tables_have_a_jump_list(client):
    html = client.get("/tables/").content.decode()
    nav = html.split('<nav class="on-this-page', 1)[1].split("</nav>", 1)[0]
    assert '<a href="#accounts">' in nav and '<a href="#situations">' in nav
