"""One record per account, per question and per document: the other modules read them."""

from __future__ import annotations

import pytest

from rules.law import audiences, bibliography, not_covered
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.account_types import FAMILIES
from rules.law.accounts import COVERED, COVERED_SHORT


def test_each_document_has_one_entry_one_title_one_address():
    urls = [d.url for d in bibliography.DOCUMENTS.values()]
    assert len(urls) == len(set(urls))


def test_forms_and_the_not_covered_page_read_the_bibliography():
    for form in bibliography.FORMS:
        assert bibliography.DOCUMENTS[form.instructions].url == form.instructions_url
        assert form.instructions_url.startswith("https://www.irs.gov/instructions/i")
    for source in not_covered.every_source():
        assert bibliography.DOCUMENTS[source.short] is source


@pytest.mark.parametrize("account", list(v.ACCOUNTS.values()), ids=lambda a: a.slug)
def test_an_account_record_says_it_in_a_sentence_and_when_it_began(account):
    assert account.with_article.split(" ", 1)[0] in {"a", "an"}
    assert account.kind in FAMILIES
    began = account.first_year()
    assert began.year >= law.FIRST_TAX_YEAR
    if began.year > law.FIRST_TAX_YEAR:  # a later start rests on the law that created it
        assert began.law is not None and began.law.reference in bibliography.DOCUMENTS.values()
    for later in (account.roth_began, *dict(account.events_began).values()):
        if later is not None:
            assert later.law is not None and later.year > law.FIRST_TAX_YEAR


@pytest.mark.parametrize("holder", [*FAMILIES.values(), *v.ACCOUNTS.values()], ids=str)
def test_the_names_editors_write_come_from_the_records(holder):
    for name in holder.audience_names:
        assert holder.slug in audiences.tokens(name)


def test_the_pages_list_the_accounts_from_the_records(client):
    assert f"It covers {COVERED}." in client.get("/").content.decode()
    assert (
        f"on its first question: {COVERED_SHORT}, for"
        in client.get("/not-covered/").content.decode()
    )
    for kind in {a.kind for a in v.ACCOUNTS.values()} - {v.INHERITED}:
        assert FAMILIES[kind].covers in COVERED and FAMILIES[kind].covers_short in COVERED_SHORT
