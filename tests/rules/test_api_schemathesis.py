"""Schemathesis against the live test server, from the served OpenAPI document.

Valid and invalid queries for every documented operation, generated from the
document: never a server error, and every status code, content type, header
and body as the document says. Bounded (max_examples per operation and mode)
so the suite stays quick on two cores.

Not run: `positive_data_acceptance` and `negative_data_rejection`. The
parameters depend on each other (which events an account can have, which
years an answer exists for), which OpenAPI parameters cannot express, so a
query of valid values can rightly get the documented 400; and the API reads
values case-insensitively and trims spaces, as results links always have, so
some "invalid" values are rightly answered.
"""

from __future__ import annotations

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from rules.web import openapi
from tests.conftest import TODAY

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The document the suite's day serves (tests/rules/test_openapi.py checks that the
# served one is this one; each test below checks it again against the live server).
# Loaded at collection rather than through `schemathesis.pytest.from_fixture`, whose
# lazy loader does not run under pytest 9 (it sets `Function._nodeid`).
DOCUMENT = openapi.document(TODAY)
schema = schemathesis.openapi.from_dict(DOCUMENT)
pytestmark = pytest.mark.slow


@pytest.fixture
def served(live_server, transactional_db):
    # The live server's thread checks its database connection on each request:
    # after other live-server tests, that needs the database unblocked first.
    return requests.get(f"{live_server.url}/api/openapi.json", timeout=10).json()


@schema.parametrize()
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_to_its_document(case, live_server, served):
    assert served == DOCUMENT
    case.call_and_validate(base_url=live_server.url, checks=CHECKS)
