"""What the wizard remembers within a request and across them (questionnaire/storage.py,
questionnaire/forms.py): never from another state of the answers or another language."""

from __future__ import annotations

import json

import pytest

from questionnaire import forms
from questionnaire.storage import Answers

pytestmark = pytest.mark.django_db


def test_every_change_to_the_stored_answers_renews_their_version():
    answers = Answers({"account": {"account-account": ["taxable"]}})
    seen = {answers.version}
    changes = [
        lambda a: a.__setitem__("event", {"event-event": ["sold-at-loss"]}),
        lambda a: a.__delitem__("event"),
        lambda a: a.update(event={"event-event": ["wash-sale"]}),
        lambda a: a.pop("event"),
        lambda a: a.setdefault("year", {"year-year": ["2020"]}),
        lambda a: a.popitem(),
        lambda a: a.__ior__({"year": {}}),
        lambda a: a.clear(),
    ]
    for change in changes:
        change(answers)
        assert answers.version not in seen
        seen.add(answers.version)
    # Another wizard's answers never share a version with these.
    assert Answers().version not in seen
    assert json.loads(json.dumps(Answers(a={"b": ["c"]}))) == {"a": {"b": ["c"]}}


def test_a_kept_question_view_is_the_view_built_afresh():
    from django.utils import translation
    from django.utils.datastructures import MultiValueDict

    known = {"account": "taxable", "event": "sold-at-loss", "asset": "securities"}
    for language in ("en", "es"):
        with translation.override(language):
            for data in (None, MultiValueDict({"year-year": ["2020"]})):
                form = forms.YearForm(data=data, prefix="year", known=known, current=2026)
                assert form.view(cached=True) == form.view()
    with translation.override("es"):
        spanish = forms.AccountForm(prefix="account", current=2026).view(cached=True)
    english = forms.AccountForm(prefix="account", current=2026).view(cached=True)
    assert spanish["fields"] != english["fields"]
