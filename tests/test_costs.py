"""CPU per request stays far from a gross regression: a benchmark, not a timed test.

tests/cost.py measures each page's CPU time per request (the thread's CPU clock,
not the wall clock) as a multiple of a bare view behind the same middleware,
over distinct answers, in a few short rounds. This test fails only when a page
costs more than tests/budgets.GROSS times its goal in every round: a change that doubles a
page's cost on a quiet machine shows in `make bench`, and one that makes it
several times dearer fails here. It takes a few seconds.
"""

from __future__ import annotations

import pytest

from tests import cost
from tests.budgets import CPU_GOALS, GROSS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def costs(django_db_setup, django_db_blocker):
    from rules.law import clock
    from tests.conftest import TODAY

    with django_db_blocker.unblock(), clock.pinned(TODAY):
        return cost.measure(n=20, rounds=5, warm=5)  # the best of five: a busy minute passes


def test_every_page_has_a_goal():
    assert set(cost.PAGES) == set(CPU_GOALS)


@pytest.mark.parametrize("page", cost.PAGES)
def test_cpu_per_request_is_not_grossly_over_its_goal(costs, page):
    # The best of the rounds: a busy neighbour only ever adds to a round's figure, and a
    # real regression shows in every round.
    multiple, limit = min(costs.multiples()[page]), GROSS * CPU_GOALS[page]
    rounds = ", ".join(f"{m:.2f}" for m in costs.multiples()[page])
    assert multiple <= limit, (
        f"{page}: {multiple:.2f}x a bare view at best (rounds: {rounds}), "
        f"over {GROSS}x its goal of {CPU_GOALS[page]}x"
    )
