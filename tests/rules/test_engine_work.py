"""The engine does each piece of work once: counted in calls, not timed.

A tag ("[For IRAs]") is parsed once per text, not once per answer it is tried on,
and a rule's text asks only for the words it names from the answers.
"""

from __future__ import annotations

import pytest

from rules.law import audiences, clock, engine, wording
from rules.law.answers import Answers


@pytest.fixture
def every_answer():
    answers = list(engine.all_answers(clock.current_tax_year()))
    engine.determine.cache_clear()
    yield answers
    engine.determine.cache_clear()


def test_deciding_every_answer_parses_each_tag_once(monkeypatch, every_answer):
    parsed: list[tuple[str, str]] = []
    real = audiences.parse

    def counting(word: str, body: str):
        parsed.append((word, body))
        return real(word, body)

    monkeypatch.setattr(audiences, "parse", counting)
    audiences.leading.cache_clear()
    for a in every_answer:
        engine.determine(a)
    tags = sum(len(texts) for texts in wording.FOR_SOME.values())
    assert parsed, "no tag was parsed: the count means nothing"
    # At most once per text (two texts may carry the same tag), never once per answer.
    assert len(parsed) <= tags
    assert len(every_answer) > 100 * tags  # far more answers than tags


def test_a_text_asks_only_for_the_words_it_names(monkeypatch):
    asked: list[tuple[str, ...]] = []
    real = wording.answer_words

    def counting(a, names=wording.NAMES):
        asked.append(tuple(names))
        return real(a, names)

    monkeypatch.setattr(engine, "answer_words", counting)
    engine.determine.cache_clear()
    a = next(iter(engine.all_answers(clock.current_tax_year())))
    engine.determine(a)
    engine.determine.cache_clear()
    assert asked
    assert all(set(names) < wording.NAMES for names in asked)
    assert any(names == () for names in asked)  # most texts name none of them


def test_only_the_named_words_are_worked_out_and_they_read_as_all_of_them():
    a = Answers("401k", "value-dropped", "pre-tax", None, None, 2020)
    every = wording.answer_words(a)
    assert set(every) == wording.NAMES
    assert wording.answer_words(a, ("loss",)) == {"loss": every["loss"]}
    assert wording.named_in("{account_a} lost {loss} in {year}; {loss}") == ("account_a", "loss")


def test_the_parsed_tags_are_bounded():
    assert audiences.leading.cache_info().maxsize is not None
    assert wording.named_in.cache_info().maxsize is not None
