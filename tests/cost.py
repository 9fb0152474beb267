"""CPU per request, as a multiple of a bare view behind the same middleware, in one process.

The cost of a page is read with the thread's CPU clock (time.thread_time) around
the test client's requests only, so a busy neighbour on a shared machine slows
the wall clock but not the figure. The floor is `bare`, a view that returns an
empty HttpResponse through the very same middleware stack (this module is also
tests/cost_urls.py, the URLconf that adds it beside the site's own addresses).

Every page is fed distinct answers, as real traffic brings them, so no single
URL served from a cache hides what a new answer costs:

- results page, cold: a results URL this process has not rendered yet, in a
  process that has served a while: the engine has decided the answers around it
  (its decisions are kept for the process), a results page for each account and
  `warm` other results pages have filled some of what is worked out once per rule,
  account and year;
- API, undecided: answers the engine has not decided yet (its decisions are
  forgotten before each batch of the API, and made again, not counted, after it);
- wizard step: a saver part-way through the wizard (a different path each
  time) GETs the question and POSTs the answer; "wizard question" is the GET alone;
- start page and tables: one URL each (the tables are the same for everyone).

Measured in rounds of every page in turn; each request to a page follows one to
the bare view, and the multiple of a page is the median over the rounds of its
CPU per request divided by that of the bare requests beside it.

Used by scripts/bench.py (`make bench`) and tests/test_costs.py, with Django set up.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpResponse
from django.test import Client
from django.test.utils import override_settings

PREFIX = "check_wizard"  # the wizard's management-form prefix
BARE = "/bench/bare/"  # tests/cost_urls.py
# The pages measured, as named in tests/budgets.py's CPU_GOALS.
PAGES = (
    "results page, cold",
    "wizard step",
    "wizard question",
    "start page",
    "API, undecided",
    "tables",
)



@dataclass
class Costs:
    """CPU seconds per request, per page and round."""

    rounds: list[dict[str, float]] = field(default_factory=list)

    def multiples(self) -> dict[str, list[float]]:
        return {p: [r[p] / r[f"bare: {p}"] for r in self.rounds] for p in PAGES}

    def multiple(self, page: str) -> float:
        return statistics.median(self.multiples()[page])

    def micros(self, page: str) -> float:
        return statistics.median(r[page] for r in self.rounds) * 1e6


def _answers(current: int, seed: int) -> list:
    from rules.law import engine

    answers = list(engine.all_answers(current))
    random.Random(seed).shuffle(answers)
    return answers


def _results_urls(current: int) -> list[str]:
    """Canonical results URLs, each once, in an order that mixes accounts."""
    from rules.web import presenters

    return list(dict.fromkeys(presenters.results_url(a, current) for a in _answers(current, 1)))


def _one_per_account(urls: list[str]) -> list[str]:
    """The first URL of each account, taken out of `urls`."""
    firsts: dict[str, str] = {}
    for url in urls:
        account = url.split("account=", 1)[1].split("&", 1)[0]
        firsts.setdefault(account, url)
    for url in firsts.values():
        urls.remove(url)
    return list(firsts.values())


def _api_urls(current: int) -> Iterator[str]:
    for a in _answers(current, 2):
        yield "/api/determination?" + urlencode(a.as_query())


def _walks(current: int) -> Iterator[list[tuple[str, str]]]:
    """Each set of answers as the wizard asks for them: [(question, answer), ...]."""
    from rules.law.questions import ASK_ORDER, wizard_asks

    for a in _answers(current, 3):
        query = a.as_query()
        known: dict[str, str] = {}
        walk = []
        for question in ASK_ORDER:
            if wizard_asks(question, known, current) and question in query:
                known[question] = str(query[question])
                walk.append((question, known[question]))
        yield walk


class _Meter:
    def __init__(self, bare: Callable[[], HttpResponse] | None = None) -> None:
        self.seconds = 0.0
        self.count = 0
        # Before each request, one to the bare view, timed here: the page and its floor
        # are measured side by side, so a neighbour's load drifting weighs on both.
        self.bare = None if bare is None else _Meter()
        self._bare_call = bare

    def time(self, call: Callable[[], HttpResponse], expect: tuple[int, ...]) -> HttpResponse:
        if self.bare is not None:
            self.bare.time(self._bare_call, (200,))
        start = time.thread_time()
        response = call()
        self.seconds += time.thread_time() - start
        self.count += 1
        if response.status_code not in expect:
            raise AssertionError(f"{response.status_code} for {response.request}")
        return response

    @property
    def each(self) -> float:
        return self.seconds / self.count


def measure(n: int = 60, rounds: int = 3, warm: int = 20, host: str = "testserver") -> Costs:
    """`rounds` rounds of `n` requests per page, after `warm` requests of each kind that are
    not counted (imports, templates, the editor texts: as a process that has served a while
    has them)."""
    from rules.law import clock, engine

    current = clock.current_tax_year()
    results_list = _results_urls(current)
    # What is worked out once per account and year is worked out in the warm-up.
    warm_up = _one_per_account(results_list)
    results = iter(results_list)
    api = _api_urls(current)
    walks = _walks(current)
    costs = Costs()
    with override_settings(ROOT_URLCONF="tests.cost_urls"):
        client = Client(HTTP_HOST=host)

        def get(url: str) -> Callable[[], HttpResponse]:
            return lambda: client.get(url)

        def wizard_batch(question: _Meter, answer: _Meter, count: int) -> None:
            for i in range(count):
                walk = next(walks)
                at = i % len(walk)  # which question of this walk is measured
                client.get("/check/")  # a fresh start, and the questions before (not counted)
                for q, value in walk[:at]:
                    client.post(f"/check/{q}/", {f"{PREFIX}-current_step": q, f"{q}-{q}": value})
                q, value = walk[at]
                data = {f"{PREFIX}-current_step": q, f"{q}-{q}": value}
                question.time(get(f"/check/{q}/"), (200,))
                answer.time(lambda: client.post(f"/check/{q}/", data), (302,))  # noqa: B023

        def decide_all() -> None:
            for a in engine.all_answers(current):
                engine.determine(a)

        # Warm-up: imports, the URL resolver, template loading, the texts from the database,
        # what is worked out once per account and tax year.
        for url in warm_up:
            client.get(url)
        for _ in range(warm):
            client.get(BARE)
            client.get("/")
            client.get("/tables/")
            client.get(next(results))
            client.get(next(api))
        wizard_batch(_Meter(), _Meter(), warm)
        decide_all()

        for _ in range(rounds):
            gc.collect()
            meters = {name: _Meter(get(BARE)) for name in PAGES + ("wizard answer",)}
            engine.determine.cache_clear()  # the next answers are new to the engine
            for _ in range(n):
                meters["API, undecided"].time(get(next(api)), (200,))
            decide_all()  # back to a process that has served a while (not counted)
            for _ in range(n):
                meters["results page, cold"].time(get(next(results)), (200,))
            wizard_batch(meters["wizard question"], meters["wizard answer"], n)
            for _ in range(n):
                meters["start page"].time(get("/"), (200,))
            for _ in range(n):
                meters["tables"].time(get("/tables/"), (200,))
            each = {name: m.each for name, m in meters.items() if m.count}
            each.update({f"bare: {name}": m.bare.each for name, m in meters.items() if m.count})
            each["wizard step"] = each["wizard question"] + each.pop("wizard answer")
            each["bare: wizard step"] = (
                each["bare: wizard question"] + each.pop("bare: wizard answer")
            ) / 2
            bares = [m.bare for m in meters.values() if m.count]
            each["bare"] = sum(b.seconds for b in bares) / sum(b.count for b in bares)
            costs.rounds.append(each)
    return costs
