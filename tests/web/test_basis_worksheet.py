"""The basis worksheet through the API (issue 11): rows worked by hand from Form 8606's
instructions and Pub. 590-B, one or more per aggregation group.

Form 8606 Part I, with every traditional IRA empty at the end of the year (line 6 = 0):
line 3 = line 1 + line 2 (total basis); what came out = line 7 + line 8; the shortfall is
line 3 − (line 7 + line 8), and lines 9–14 leave exactly that shortfall as line 14.
"""

from __future__ import annotations

import io
import json

import pytest

pytestmark = pytest.mark.django_db


def body(account_type, year, worksheet, **kw):
    return {
        "account_type": account_type,
        "tax_year": year,
        "state": "TX",
        "fully_liquidated": True,
        "basis_worksheet": worksheet,
        **kw,
    }


ROWS = [
    # Traditional: line 2 = 10,000; withdrew 3,000 in March and the last 5,000 in November:
    # line 7 = 8,000; 10,000 − 8,000 = 2,000, allowed in 2017 (Pub. 590-B 2017).
    pytest.param(
        "traditional_ira",
        2017,
        {"basis_before_year": "10000", "paid_out_in_year": "8000"},
        ("10000.00", "8000.00", "2000.00", "allowed_misc_itemized"),
        id="traditional-partial-withdrawal-earlier-in-the-final-year",
    ),
    # A conversion in the final year counts as paid out: line 3 = 5,000 + 6,000 = 11,000;
    # line 7 + line 8 = 1,000 + 8,000 = 9,000; shortfall 2,000, suspended in 2019.
    pytest.param(
        "sep_ira",
        2019,
        {
            "basis_before_year": "5000",
            "after_tax_added_in_year": "6000",
            "paid_out_in_year": "1000",
            "converted_in_year": "8000",
        },
        ("11000.00", "9000.00", "2000.00", "suspended_2018_2025"),
        id="conversion-in-the-final-year",
    ),
    # Backdoor Roth that lost value: line 1 = 7,000, line 8 = 6,800: 200 lost.
    pytest.param(
        "traditional_ira",
        2024,
        {"after_tax_added_in_year": "7000", "converted_in_year": "6800"},
        ("7000.00", "6800.00", "200.00", "suspended_2018_2025"),
        id="backdoor-roth-lost-200-before-conversion",
    ),
    # Roth IRAs: contributed 20,000, 2,000 returned as an excess contribution, so the basis at
    # the start is 18,000 (Form 8606 line 22); everything paid out 15,000: 3,000 short.
    pytest.param(
        "roth_ira",
        2016,
        {"basis_before_year": "18000", "paid_out_in_year": "15000"},
        ("18000.00", "15000.00", "3000.00", "allowed_misc_itemized"),
        id="roth-with-a-returned-contribution",
    ),
    # Inherited IRA: the decedent's line 14 was 8,000; paid out 5,000: 3,000, tested alone.
    pytest.param(
        "traditional_ira",
        2015,
        {"basis_before_year": "8000", "paid_out_in_year": "5000"},
        ("8000.00", "5000.00", "3000.00", "allowed_misc_itemized"),
        id="inherited-ira-keeps-the-decedents-basis",
    ),
    # Plan: box 5 of the total distribution's 1099-R shows 12,000; box 1 10,000: 2,000.
    pytest.param(
        "traditional_401k",
        2026,
        {"basis_before_year": "12000", "paid_out_in_year": "10000"},
        ("12000.00", "10000.00", "2000.00", "repealed_2026_onward"),
        id="plan-after-tax-money-box-5",
    ),
]


@pytest.mark.parametrize(("account_type", "year", "worksheet", "expected"), ROWS)
def test_the_worksheet_gives_the_basis_and_the_amount_received(
    api, account_type, year, worksheet, expected
):
    # The 2015 row is the inherited IRA.
    inherited = {"inherited": True} if year == 2015 else {}
    answer = api(body(account_type, year, worksheet, **inherited)).json()
    basis, received, loss, reason = expected
    assert answer["answers"]["basis"] == basis
    assert answer["answers"]["total_distributions"] == received
    assert answer["federal"]["loss"] == loss
    assert answer["federal"]["reason"] == reason
    lines = {line["label"]: line for line in answer["basis_worksheet"]["lines"]}
    assert lines["Your basis"]["amount"] == basis
    assert lines["What you received"]["amount"] == received


def test_the_traditional_worksheet_names_the_form_8606_lines(api):
    answer = api(
        body(
            "traditional_ira",
            2024,
            {"after_tax_added_in_year": "7000", "converted_in_year": "6800"},
        )
    ).json()
    forms = [line["form_line"] for line in answer["basis_worksheet"]["lines"]]
    for line in ("line 1", "line 2", "line 3", "line 7", "line 8", "line 14"):
        assert any(f and f.endswith(line) for f in forms), line
    text = " ".join(s["text"] for s in answer["federal"]["explanation"])
    assert "line 2" in text and "line 1" in text and "line 8" in text
    # 2024: no federal deduction either way, but Form 8606 carries the 200 on line 14.
    assert "$200 was lost before it came out" in text
    assert "line 14" in text
    assert answer["basis_worksheet"]["needs_review"] is False


def test_a_loss_before_a_conversion_before_2018_is_flagged_as_unsettled(api):
    answer = api(
        body(
            "traditional_ira",
            2016,
            {"after_tax_added_in_year": "7000", "converted_in_year": "6800"},
        )
    ).json()
    assert answer["basis_worksheet"]["needs_review"] is True
    codes = [s["code"] for s in answer["federal"]["explanation"]]
    assert "lost_before_conversion_unsettled" in codes


def test_an_inherited_ira_is_its_own_group_and_cannot_be_converted(api):
    answer = api(
        body("traditional_ira", 2015, {"basis_before_year": "8000"}, inherited=True)
    ).json()
    assert answer["federal"]["account_group"] == "inherited_ira"
    refused = api(body("traditional_ira", 2015, {"converted_in_year": "100"}, inherited=True))
    assert refused.status_code == 400
    assert "basis_worksheet" in refused.json()["errors"]


def test_a_state_basis_runs_in_parallel(api):
    # California taxed 5,000 more of the contributions (FTB Pub. 1005): federal 20,000 − 18,000
    # = 2,000; California 25,000 − 18,000 = 7,000.
    answer = api(
        body(
            "traditional_ira",
            2020,
            {"basis_before_year": "20000", "paid_out_in_year": "18000"},
            state="CA",
            state_basis="25000",
        )
    ).json()
    assert answer["federal"]["loss"] == "2000.00"
    assert answer["state"]["loss"] == "7000.00"


@pytest.mark.parametrize(
    ("extra", "field", "code"),
    [
        pytest.param({"basis": "1"}, "basis", "one_of", id="basis-and-worksheet"),
        pytest.param(
            {"total_distributions": "1"}, "total_distributions", "one_of", id="received-twice"
        ),
    ],
)
def test_sending_both_forms_of_the_basis_is_a_400_that_says_to_send_one(api, extra, field, code):
    response = api(body("roth_ira", 2016, {"basis_before_year": "100"}, **extra))
    assert response.status_code == 400
    assert response.json()["codes"][field] == [code]
    assert "not both" in response.json()["errors"][field][0]


def test_only_traditional_iras_can_be_converted(api):
    response = api(body("roth_ira", 2016, {"converted_in_year": "100"}))
    assert response.status_code == 400
    assert "converted_in_year" in response.json()["errors"]["basis_worksheet"][0]


def test_a_brokerage_account_takes_its_cost_as_basis_not_a_worksheet(api):
    response = api(body("taxable_brokerage", 2016, {"basis_before_year": "100"}))
    assert response.status_code == 400


def test_a_misspelt_worksheet_field_is_named_with_the_one_meant(api):
    response = api(body("roth_ira", 2016, {"basis_befor_year": "100"}))
    assert response.json()["errors"] == {
        "basis_worksheet.basis_befor_year": [
            "unknown field 'basis_worksheet.basis_befor_year'; did you mean "
            "'basis_worksheet.basis_before_year'?"
        ]
    }


def test_the_command_line_reads_the_same_body(monkeypatch, capsys):
    import sys

    from django.core.management import call_command

    data = body("roth_ira", 2016, {"basis_before_year": "18000", "paid_out_in_year": "15000"})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(data).encode())))
    call_command("determine")
    printed = json.loads(capsys.readouterr().out)
    assert printed["federal"]["loss"] == "3000.00"
    assert printed["basis_worksheet"]["basis"] == "18000.00"


def test_an_heir_cannot_add_to_an_inherited_ira(api):
    response = api(
        body("traditional_ira", 2015, {"after_tax_added_in_year": "100"}, inherited=True)
    )
    assert response.status_code == 400
    assert "inherited" in response.json()["errors"]["basis_worksheet"][0]
