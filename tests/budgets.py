"""The performance budgets, in one place: `make bench` (scripts/bench.py) reports
against them and the tests (tests/test_budgets.py, tests/test_costs.py) hold them.
"""

from __future__ import annotations

# CPU per request in one process, as a multiple of a bare HttpResponse view behind the
# same middleware (tests/cost.py measures it, over distinct answers). The goals.
CPU_GOALS: dict[str, float] = {
    "results page, cold": 5.0,  # an answer this process has not rendered yet
    "wizard step": 6.0,  # GET the question, POST the answer
    "wizard question": 2.5,  # GET
    "start page": 2.0,
    "API, undecided": 1.5,  # an answer the engine has not decided yet
    "tables": 1.5,
}
# The test fails only past GROSS times the goal: the machine is shared and noisy, and a
# test must not fail on a slow minute. `make bench` is where the goal itself is read.
GROSS = 3.0

# SQL queries per page, once the process is warm (the results page reads its editor
# text; the tables page may read nothing at all once cached).
QUERIES: dict[str, int] = {
    "start page": 0,
    "wizard step": 0,
    "results page": 1,
    "tables page": 1,
    "JSON API": 0,
}

# Each page with its CSS and JS, compressed, in bytes.
PAGE_BYTES = 20 * 1024

# Throughput under gunicorn (wrk), as a ratio to /healthz: at least this much.
THROUGHPUT_RATIO: dict[str, float] = {"results page": 0.7, "JSON API": 0.7, "wizard step": 0.4}

# The engine deciding the whole input space on one core, in CPU seconds.
ENGINE_SECONDS = 0.5
