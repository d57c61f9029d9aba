"""The OpenAPI 3.1 document, the reference page, and a Schemathesis run against a live server."""

from __future__ import annotations

import time
from collections import Counter

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from interview.api_body import ERROR_CODES
from interview.api_examples import EXAMPLES
from rules import FIRST_TAX_YEAR, last_tax_year

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# Bounded: about 6 operations × this many examples per generation mode, well under 2 minutes.
MAX_EXAMPLES = 60
RUN: Counter[str] = Counter()
STATUSES: Counter[str] = Counter()


def test_the_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_every_field_has_its_type_range_enum_and_description(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    request = schemas["DeterminationRequest"]
    assert request["additionalProperties"] is False
    assert set(request["required"]) == {
        "account_type",
        "tax_year",
        "state",
        "fully_liquidated",
    }
    fields = request["properties"]
    assert all(spec["description"] for spec in fields.values())
    assert (fields["tax_year"]["minimum"], fields["tax_year"]["maximum"]) == (
        FIRST_TAX_YEAR,
        last_tax_year(),
    )
    assert "roth_ira" in fields["account_type"]["enum"]
    assert "DC" in fields["state"]["enum"]
    assert fields["preparer"]["anyOf"][0]["$ref"] == "#/components/schemas/Preparer"
    assert schemas["Preparer"]["properties"]["note"]["type"] == ["string", "null"]
    assert schemas["Preparer"]["properties"]["note"]["maxLength"] == 1000
    # total_distributions is required exactly when fully_liquidated is true, unless the amounts
    # come in basis_worksheet; and exactly one of basis and basis_worksheet is sent (issue 11).
    assert request["allOf"] == [
        {
            "if": {
                "properties": {"fully_liquidated": {"const": True}},
                "required": ["fully_liquidated"],
                "not": {"required": ["basis_worksheet"]},
            },
            "then": {"required": ["total_distributions"]},
        },
        {"oneOf": [{"required": ["basis"]}, {"required": ["basis_worksheet"]}]},
    ]
    assert schemas["ErrorCode"]["enum"] == list(ERROR_CODES)


def test_announced_answer_fields_are_already_in_the_schema_as_optional(client):
    state = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["StateOutcome"]
    for name in ("floor", "deductible_after_floor", "worksheet"):
        assert "null" in state["properties"][name]["type"]
        assert name not in state["required"]
    assert "additionalProperties" not in state  # answers are open: v1 only adds fields


@pytest.mark.parametrize("example", [pytest.param(e, id=e.name) for e in EXAMPLES])
def test_each_documented_example_gives_its_scenarios_reason(api, client, example):
    document = client.get("/api/v1/openapi.json").json()
    post = document["paths"]["/api/v1/determinations"]["post"]
    assert post["requestBody"]["content"]["application/json"]["examples"][example.name]
    documented = post["responses"]["200"]["content"]["application/json"]["examples"]
    answer = api(example.body).json()
    assert answer["federal"]["reason"] == example.reason
    assert documented[example.name]["value"] == answer


def test_the_reference_page_is_our_page_within_the_csp(client):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "uswds.min.css" in html and "usa-table" in html
    for operation in ("/api/v1/determinations/batch", "/api/v1/summary.pdf", "/api/v1/law/{code}"):
        assert operation in html
    assert "unknown_field" in html and "curl -s" in html
    assert "<style" not in html and " style=" not in html
    assert "<script>" not in html  # only our own deferred file, from base.html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.fixture(scope="module")
def api_server(django_db_setup, django_db_blocker):
    """Django's live-server thread on 127.0.0.1, plain HTTP (middleware reads these at start).

    The API writes only the rate-limit counter, in the test database set up for the session.
    """
    unblocked = django_db_blocker.unblock()
    unblocked.__enter__()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test import override_settings
    from django.test.testcases import LiveServerThread

    plain_http = override_settings(SECURE_SSL_REDIRECT=False, RATE_LIMIT_PER_MINUTE=100_000)
    plain_http.enable()
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override={})
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    plain_http.disable()
    unblocked.__exit__(None, None, None)


@pytest.fixture(scope="module")
def api_schema(api_server):
    # The document as served (from_url would leave out the document's own operation).
    served = requests.get(f"{api_server}/api/v1/openapi.json", timeout=10).json()
    schema = schemathesis.openapi.from_dict(served)
    schema.config.update(base_url=api_server)
    return schema


@pytest.fixture(scope="module", autouse=True)
def schemathesis_figures(request):
    started = time.monotonic()
    yield
    if RUN:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        figures = ", ".join(f"{op}: {n}" for op, n in sorted(STATUSES.items()))
        reporter.write_line(
            f"\nSchemathesis: {len(RUN)} operations, {sum(RUN.values())} examples "
            f"in {time.monotonic() - started:.0f} s, no failures (by status: {figures})"
        )


# One test per operation (schemathesis.pytest.from_fixture reads a pytest attribute that pytest
# 9.2 removed, so the cases come from each operation's Hypothesis strategy instead).
OPERATIONS = [
    ("POST", "/api/v1/determinations"),
    ("POST", "/api/v1/determinations/batch"),
    ("POST", "/api/v1/summary.pdf"),
    ("GET", "/api/v1/law"),
    ("GET", "/api/v1/law/{code}"),
    ("GET", "/api/v1/openapi.json"),
]


def test_every_documented_operation_is_run(api_schema):
    assert sorted(result.ok().label for result in api_schema.get_all_operations()) == sorted(
        f"{method} {path}" for method, path in OPERATIONS
    )


@pytest.mark.parametrize(
    ("method", "path"), [pytest.param(m, p, id=f"{m} {p}") for m, p in OPERATIONS]
)
def test_the_live_api_keeps_its_contract(api_schema, method, path):
    operation = api_schema[path][method]
    strategies = [operation.as_strategy(GenerationMode.POSITIVE)]
    if operation.body or operation.path_parameters:
        strategies.append(operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=st.one_of(strategies))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,  # the same examples every run: CI cannot flake on a new one
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def keeps_contract(case):
        RUN[operation.label] += 1
        response = case.call_and_validate(checks=CHECKS)
        STATUSES[f"{operation.label} {response.status_code}"] += 1

    keeps_contract()
