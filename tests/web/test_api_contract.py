"""The API as a public contract: unknown keys, machine error codes, the batch endpoint."""

from __future__ import annotations

import json

import pytest

from interview.api.body import ERROR_CODES, BadRequest, check
from interview.api.examples import EXAMPLES
from interview.api.forms import BasisWorksheetForm, DeterminationForm
from interview.api.openapi import object_schema

VALID = EXAMPLES[0].body


def refused(response):
    assert response.status_code == 400
    body = response.json()
    assert body.keys() == {"errors", "codes"}
    # The same keys, and one code for each message, in the same place.
    assert body["errors"].keys() == body["codes"].keys()
    for key, messages in body["errors"].items():
        assert len(messages) == len(body["codes"][key])
        assert all(code in ERROR_CODES for code in body["codes"][key])
    return body


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        pytest.param(
            {"agii": "50000"},
            "agii",
            "unknown field 'agii'; did you mean 'agi'?",
            id="a-typo-in-a-key",
        ),
        pytest.param(
            {"Basis": "1"}, "Basis", "unknown field 'Basis'; did you mean 'basis'?", id="wrong-case"
        ),
        pytest.param(
            {"preparer": {"client_name": "Ann"}},
            "preparer.client_name",
            "unknown field 'preparer.client_name'; did you mean 'preparer.client'?",
            id="a-typo-inside-preparer",
        ),
        pytest.param(
            {"zzz": 1},
            "zzz",
            "unknown field 'zzz'; the fields are: account_type",
            id="nothing-close",
        ),
    ],
)
def test_an_unknown_key_is_refused_by_name_with_the_field_meant(api, change, key, message):
    body = refused(api({**VALID, **change}))
    assert body["errors"][key][0].startswith(message)
    assert body["codes"][key] == ["unknown_field"]


def test_unknown_keys_are_refused_by_the_pdf_and_the_batch_too(api):
    body = {**VALID, "preparer": {"client_name": "Ann"}}
    pdf = refused(api(body, path="/api/v1/summary.pdf"))
    assert pdf["codes"] == {"preparer.client_name": ["unknown_field"]}
    [item] = api([body], path="/api/v1/determinations/batch").json()
    assert item["codes"] == {"preparer.client_name": ["unknown_field"]}


@pytest.mark.parametrize(
    ("change", "key", "code"),
    [
        pytest.param({"tax_year": 1999}, "tax_year", "out_of_range", id="year-before-2000"),
        pytest.param({"basis": "-5"}, "basis", "negative", id="negative-basis"),
        pytest.param({"basis": "lots"}, "basis", "invalid", id="text-in-a-number"),
        pytest.param({"basis": "999999999999"}, "basis", "max_value", id="absurdly-large"),
        pytest.param({"state": "ZZ"}, "state", "invalid_choice", id="unknown-state"),
        pytest.param({"state": None}, "state", "required", id="missing-state"),
        pytest.param({"fully_liquidated": "yes"}, "fully_liquidated", "wrong_type", id="text-bool"),
        pytest.param(
            {"total_distributions": None},
            "total_distributions",
            "required",
            id="paid-out-no-amount",
        ),
        pytest.param(
            {"age_at_distribution": 130}, "age_at_distribution", "max_value", id="age-130"
        ),
        pytest.param(
            {"preparer": {"note": "x" * 1001}}, "preparer.note", "max_length", id="long-note"
        ),
        pytest.param({"preparer": "Ann"}, "preparer", "wrong_type", id="preparer-not-an-object"),
    ],
)
def test_each_error_message_has_a_stable_code(api, change, key, code):
    body = refused(api({**VALID, **change}))
    assert body["codes"][key] == [code]
    assert body["errors"][key][0]  # the message existing clients read is still there


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        pytest.param(b"not json", "invalid_json", id="not-json"),
        pytest.param(b"[1, 2]", "wrong_type", id="a-list"),
    ],
)
def test_a_body_that_is_not_an_object_has_a_code(api, raw, code):
    assert refused(api(raw))["codes"] == {"__all__": [code]}


def test_a_batch_answers_each_body_in_order(api):
    bodies = [e.body for e in EXAMPLES] + [{**VALID, "agii": 1}, "not an object"]
    response = api(bodies, path="/api/v1/determinations/batch")
    assert response.status_code == 200
    answers = response.json()
    assert len(answers) == len(bodies)
    for example, answer in zip(EXAMPLES, answers, strict=False):
        assert answer == api(example.body).json()
    assert answers[-2]["codes"] == {"agii": ["unknown_field"]}
    assert answers[-1]["codes"] == {"__all__": ["wrong_type"]}


@pytest.mark.parametrize(
    ("bodies", "code"),
    [
        pytest.param([], "batch_size", id="empty"),
        pytest.param([VALID] * 101, "batch_size", id="101-bodies"),
        pytest.param(VALID, "wrong_type", id="an-object-not-an-array"),
    ],
)
def test_a_batch_must_be_an_array_of_1_to_100(api, bodies, code):
    body = refused(api(bodies, path="/api/v1/determinations/batch"))
    assert body["codes"] == {"__all__": [code]}


def test_a_batch_of_100_is_accepted(api):
    answers = api([VALID] * 100, path="/api/v1/determinations/batch").json()
    assert len(answers) == 100 and all(a["federal"]["reason"] for a in answers)


def test_a_batch_is_rate_limited_as_one_request_per_body(api, settings, monkeypatch):
    from django.core.cache import cache

    from interview.platform import ratelimit

    settings.RATE_LIMIT_PER_MINUTE = 10
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_015.0)
    cache.clear()
    batch = "/api/v1/determinations/batch"
    assert api([VALID] * 8, path=batch, REMOTE_ADDR="203.0.113.5").status_code == 200
    assert api([VALID] * 2, path=batch, REMOTE_ADDR="203.0.113.5").status_code == 200
    limited = api([VALID], path=batch, REMOTE_ADDR="203.0.113.5")
    assert limited.status_code == 429
    assert limited.json()["codes"] == {"__all__": ["rate_limited"]}
    assert api(VALID, REMOTE_ADDR="203.0.113.5").status_code == 429


def test_the_law_404_has_a_code(client):
    assert client.get("/api/v1/law/ZZ").json()["codes"] == {"code": ["not_found"]}
    assert client.get("/api/v1/law/not-a-code").status_code == 404


def test_a_nested_object_is_one_declaration_for_checking_and_schema():
    """basis_worksheet (issue 11) is one ObjectField: checked, documented and echoed."""
    schema = object_schema(DeterminationForm)
    assert schema["properties"]["basis_worksheet"]["anyOf"][0] == {
        "$ref": "#/components/schemas/BasisWorksheet"
    }
    assert object_schema(BasisWorksheetForm)["additionalProperties"] is False
    body = {k: v for k, v in VALID.items() if k not in ("basis", "total_distributions")}
    cleaned = check(DeterminationForm, {**body, "basis_worksheet": {"basis_before_year": "$1,000"}})
    assert str(cleaned["basis_worksheet"]["basis_before_year"]) == "1000.0"
    with pytest.raises(BadRequest) as bad:
        check(DeterminationForm, {**body, "basis_worksheet": {"basis_before_yr": "1"}})
    assert bad.value.codes == {"basis_worksheet.basis_before_yr": ["unknown_field"]}


def test_the_command_line_prints_the_codes_too(monkeypatch, capsys):
    import io
    import sys

    from django.core.management import CommandError, call_command

    body = json.dumps({**VALID, "agii": 1}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body)))
    with pytest.raises(CommandError):
        call_command("determine")
    assert json.loads(capsys.readouterr().out)["codes"] == {"agii": ["unknown_field"]}
