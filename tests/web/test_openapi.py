"""The OpenAPI 3.1 document, the reference page, and a Schemathesis run against a live server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

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
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from interview.api.body import ERROR_CODES
from interview.api.examples import EXAMPLES
from rules import FIRST_TAX_YEAR, last_tax_year

from .fuzz_checks import positive_data_acceptance_as_documented

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    positive_data_acceptance_as_documented,
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
    assert schemas["ErrorCode"]["enum"] == list(ERROR_CODES)


VALID = EXAMPLES[0].body
WORKSHEET = {"basis_before_year": "20000", "paid_out_in_year": "18000"}


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({}, id="the-documented-example"),
        # Each of these the fuzzer found accepted by one and refused by the other (issue 18).
        pytest.param({"state_agi": ""}, id="empty-text-is-not-given"),
        pytest.param({"agi": "", "age_at_distribution": "", "filing_status": ""}, id="more-empty"),
        pytest.param({"basis": None}, id="null-basis-without-a-worksheet"),
        pytest.param({"basis": ""}, id="empty-basis-without-a-worksheet"),
        pytest.param({"total_distributions": ""}, id="paid-out-with-empty-amount"),
        pytest.param(
            {"basis": None, "total_distributions": None, "basis_worksheet": WORKSHEET},
            id="the-worksheet-instead",
        ),
        pytest.param(
            {"basis": None, "basis_worksheet": WORKSHEET}, id="worksheet-and-total-distributions"
        ),
        pytest.param({"basis_worksheet": WORKSHEET}, id="worksheet-and-basis"),
        pytest.param(
            {
                "basis": None,
                "total_distributions": None,
                "basis_worksheet": {**WORKSHEET, "earlier_years": []},
            },
            id="an-empty-array-is-not-given",
        ),
        pytest.param(
            {
                "basis": None,
                "total_distributions": None,
                "basis_worksheet": {**WORKSHEET, "earlier_years": [{"year": 2001, "added": 1}]},
            },
            id="basis-before-year-and-earlier-years",
        ),
        pytest.param(
            {"state_basis": "1", "state_basis_worksheet": {"recovered": "0"}},
            id="state-basis-and-its-worksheet",
        ),
        pytest.param({"state_basis_worksheet": {"recovered": "0"}}, id="ca-worksheet-in-texas"),
        pytest.param({"age_at_distribution": "192"}, id="age-192-as-text"),
        pytest.param({"age_at_distribution": "59.5"}, id="age-59.5-as-text"),
        pytest.param({"basis": "136658579167"}, id="twelve-digits-over-the-limit"),
        pytest.param({"basis": "100,000,000,000"}, id="the-limit-itself"),
        pytest.param({"basis": 37805907733.558556}, id="more-than-cents"),
        pytest.param({"basis": 20000.25}, id="cents"),
    ],
)
def test_the_document_and_the_api_agree_on_what_is_accepted(api, client, change):
    """A body the schema allows is answered 200; one it refuses gets 400 (no drift)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    document = client.get("/api/v1/openapi.json").json()
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:doc", resource)
    validator = Draft202012Validator(
        {"$ref": "urn:doc#/components/schemas/DeterminationRequest"}, registry=registry
    )
    body = {**VALID, **change}
    schema_allows = validator.is_valid(json.loads(json.dumps(body)))
    assert api(body).status_code == (200 if schema_allows else 400), schema_allows


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


def test_the_fuzzer_with_every_check_finds_nothing(api_server):
    """Schemathesis' own run, every check and phase (coverage: boundaries and methods the
    document does not list), as `st run --checks all` (issue 18, finding 12). Its one narrowing,
    for rules no JSON Schema can state, is explained in tests/web/fuzz_checks.py."""
    root = Path(__file__).resolve().parents[2]
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        f"{api_server}/api/v1/openapi.json",
        f"--url={api_server}",
        "--checks=all",
        "--exclude-checks=positive_data_acceptance",  # replaced by fuzz_checks' own
        "--max-examples=60",
        "--seed=20261203",
        "--generation-deterministic",
        "--request-timeout=30",
        "--no-color",
    ]
    env = {**os.environ, "PYTHONPATH": str(root), "SCHEMATHESIS_HOOKS": "tests.web.fuzz_checks"}
    run = subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "No issues found" in run.stdout
