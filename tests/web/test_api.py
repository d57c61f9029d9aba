"""The public JSON API: POST /api/v1/determinations (and the same body for the PDF)."""

from __future__ import annotations

import json

import pytest

VALID = {
    "account_type": "roth_ira",
    "tax_year": 2016,
    "state": "TX",
    "basis": "20000",
    "fully_liquidated": True,
    "total_distributions": 18000,
    "agi": "50,000",
}


def test_a_valid_request_answers_the_federal_and_state_outcome(api):
    response = api(VALID)
    assert response.status_code == 200
    body = response.json()
    assert body["rules_version"]
    federal = body["federal"]
    # 20,000 − 18,000 = 2,000; 2% × 50,000 = 1,000; 1,000 left (Pub. 590-B 2017; IRC §67(a)).
    assert federal["deductible"] is True
    assert federal["reason"] == "allowed_misc_itemized"
    assert (federal["loss"], federal["floor"], federal["deductible_after_floor"]) == (
        "2000.00",
        "1000.00",
        "1000.00",
    )
    assert all(item["citations"] for item in federal["explanation"])
    assert body["state"]["code"] == "TX"
    assert body["state"]["status"] in {"no_income_tax", "needs_review"}


def test_not_deductible_years_still_report_the_loss(api):
    body = api({**VALID, "tax_year": 2026}).json()
    assert body["federal"]["reason"] == "repealed_2026_onward"
    assert body["federal"]["deductible"] is False
    assert body["federal"]["loss"] == "2000.00"
    assert body["federal"]["floor"] is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"state": None}, "state", id="missing-state"),
        pytest.param({"basis": "-5"}, "basis", id="negative-basis"),
        pytest.param({"state": "ZZ"}, "state", id="unknown-state"),
        pytest.param({"basis": "lots"}, "basis", id="text-in-a-number"),
        pytest.param({"tax_year": 1999}, "tax_year", id="year-before-2000"),
        pytest.param({"fully_liquidated": "yes"}, "fully_liquidated", id="boolean-as-text"),
        pytest.param(
            {"total_distributions": None}, "total_distributions", id="paid-out-without-amount"
        ),
        pytest.param({"agi": "1e400"}, "agi", id="exponent-notation"),
        pytest.param({"basis": "999999999999999"}, "basis", id="absurdly-large"),
    ],
)
def test_bad_input_gets_a_400_naming_the_field(api, change, field):
    body = {k: v for k, v in {**VALID, **change}.items() if v is not None}
    response = api(body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors and errors[field][0]


def test_the_year_error_says_the_supported_range(api):
    errors = api({**VALID, "tax_year": 1990}).json()["errors"]
    assert "2000" in errors["tax_year"][0]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"not json", id="not-json"),
        pytest.param(b"[1, 2]", id="a-list"),
        pytest.param(b'{"basis": NaN}', id="nan"),
        pytest.param(b'{"basis": Infinity}', id="infinity"),
        pytest.param(b"[" * 5000 + b"]" * 5000, id="deeply-nested"),
        pytest.param(b'{"basis": 1' + b"0" * 5000 + b"}", id="huge-integer"),
    ],
)
def test_malformed_bodies_get_a_400_not_a_500(api, raw):
    response = api(raw)
    assert response.status_code == 400
    assert "errors" in response.json()


@pytest.mark.django_db  # the rate limit counts every API request in the database
def test_get_is_not_allowed(client):
    assert client.get("/api/v1/determinations").status_code == 405


def test_the_management_command_prints_the_same_answer(api, monkeypatch, capsys):
    import io
    import sys

    from django.core.management import call_command

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(VALID).encode())))
    call_command("determine")
    printed = json.loads(capsys.readouterr().out)
    assert printed == api(VALID).json()


def test_codes_are_read_whatever_their_case(api):
    body = api({**VALID, "state": " ny ", "account_type": "Roth_IRA"}).json()
    assert body["state"]["code"] == "NY"
    assert body["answers"]["account_type"] == "roth_ira"


def test_filing_status_is_optional_and_checked(api):
    body = {**VALID, "account_type": "taxable_brokerage", "total_distributions": "12000"}
    assert api(body).json()["federal"]["capital_loss_this_year"] == "3000.00"
    separate = api({**body, "filing_status": "married_separate"}).json()
    assert separate["federal"]["capital_loss_this_year"] == "1500.00"
    assert api({**body, "filing_status": "sometimes"}).status_code == 400


def test_a_limit_whose_thresholds_are_unknown_does_not_ask_for_a_filing_status(api):
    # California 2008: §17077's thresholds for the year are not in our data (only the statute's
    # base bounds them), so even with the filing status the reduction cannot be worked out.
    body = {
        "account_type": "traditional_ira",
        "tax_year": 2008,
        "state": "CA",
        "basis": 30000,
        "fully_liquidated": True,
        "total_distributions": 10000,
        "agi": 150000,
    }
    for status in (None, "single"):
        headline = api({**body, "filing_status": status}).json()["state"]["headline"]
        assert "may reduce it by an amount we could not work out" in headline
        assert "we need your filing status" not in headline
    # 2024's thresholds are known: there the filing status is what is missing.
    later = api({**body, "tax_year": 2024, "agi": 300000}).json()["state"]["headline"]
    assert "we need your filing status" in later
