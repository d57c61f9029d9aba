"""The API's year-by-year objects (issue 11): basis_worksheet.earlier_years and California's
state_basis_worksheet, worked by hand (same cases as the interview's, so both give one answer)."""

from __future__ import annotations

import pytest

from interview.api.examples import EXAMPLES

# The documented example, sent as a client might: years out of order, an amount as text.
_ROTH = next(e.body for e in EXAMPLES if e.name == "roth_basis_year_by_year")
ROTH_2016 = {
    **_ROTH,
    "basis_worksheet": {
        **_ROTH["basis_worksheet"],  # type: ignore[dict-item]
        "earlier_years": [
            {"year": 2012, "added": 5000, "taken_out": 1000},
            {"year": 2005, "added": 4000},
            {"year": 2008, "taken_out": 6000},
            {"year": 2010, "added": "5,000"},
        ],
    },
}
# Federal basis 10,000 and 9,000 received; California allowed 1,500 of 2,000 in 1983 and 1985 and
# nothing in 1984 (covered by a plan at work); 1,000 of the difference already recovered.
CALIFORNIA_2020 = next(e.body for e in EXAMPLES if e.name == "california_basis_by_year")


def test_a_roth_payout_of_earnings_uses_up_no_later_contribution(api):
    body = api(ROTH_2016).json()
    worksheet = body["basis_worksheet"]
    # 2005: 4,000. 2008: 6,000 out, 4,000 of it basis. 2010: 5,000. 2012: +5,000 −1,000 = 9,000.
    assert [y["basis_after"] for y in worksheet["earlier_years"]] == [
        "4000.00",
        "0.00",
        "5000.00",
        "9000.00",
    ]
    assert worksheet["earlier_years"][1]["basis_used"] == "4000.00"
    assert worksheet["basis_before_year"] == "9000.00"
    assert body["answers"]["basis"] == "9000.00"
    # 9,000 − 6,500 = 2,500 lost in 2016; above the 1,000 floor: 1,500.
    assert body["federal"]["loss"] == "2500.00"
    assert body["federal"]["deductible_after_floor"] == "1500.00"
    labels = [line["label"] for line in worksheet["lines"]]
    assert "Less basis taken out in 2008" in labels
    echoed = body["answers"]["basis_worksheet"]["earlier_years"]
    assert [y["year"] for y in echoed] == [2005, 2008, 2010, 2012]


def test_the_california_basis_by_year_adds_what_california_did_not_let_you_deduct(api):
    body = api(CALIFORNIA_2020).json()
    # 500 + 2,000 + 500 = 3,000 not deducted; less 1,000 recovered; 10,000 + 2,000 = 12,000.
    assert body["state_basis_worksheet"]["not_deducted"] == "3000.00"
    assert body["state_basis_worksheet"]["state_basis"] == "12000.00"
    assert body["answers"]["state_basis"] == "12000.00"
    assert body["state"]["used_state_basis"] is True
    # California: 12,000 − 9,000 = 3,000 lost; 2% of 50,000 = 1,000; 2,000 counts.
    assert body["state"]["loss"] == "3000.00"
    assert body["state"]["deductible_after_floor"] == "2000.00"
    assert body["federal"]["loss"] == "1000.00"


@pytest.mark.parametrize(
    ("change", "key", "code"),
    [
        pytest.param(
            {"basis_worksheet": {"basis_before_year": 1, "earlier_years": [{"year": 2005}]}},
            "basis_worksheet.earlier_years",
            "one_of",
            id="both basis_before_year and earlier_years",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": [{"year": 2005}, {"year": 2005}]}},
            "basis_worksheet",
            "duplicate",
            id="a year twice",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": [{"year": 1997, "added": 2000}]}},
            "basis_worksheet",
            "out_of_range",
            id="a Roth year before Roth IRAs",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": [{"year": 2016}]}},
            "basis_worksheet",
            "out_of_range",
            id="the tax year itself",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": [{"year": 2005}] * 61}},
            "basis_worksheet.earlier_years",
            "too_many",
            id="too many years",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": {"year": 2005}}},
            "basis_worksheet.earlier_years",
            "wrong_type",
            id="an object, not an array",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": [{"year": 2005, "addded": 1}]}},
            "basis_worksheet.earlier_years[0].addded",
            "unknown_field",
            id="a misspelt member",
        ),
        pytest.param(
            {"basis_worksheet": {"earlier_years": [{"year": 2005, "added": -1}]}},
            "basis_worksheet.earlier_years[0].added",
            "negative",
            id="a negative amount",
        ),
    ],
)
def test_bad_earlier_years_are_a_400_naming_the_place(api, change, key, code):
    response = api({**ROTH_2016, **change})
    assert response.status_code == 400
    assert code in response.json()["codes"][key]


def test_earlier_years_are_for_ones_own_iras(api):
    body = {**ROTH_2016, "account_type": "traditional_401k"}
    response = api(body)
    assert response.status_code == 400
    assert "earlier_years is for your own" in response.json()["errors"]["basis_worksheet"][0]


@pytest.mark.parametrize(
    ("change", "key", "code"),
    [
        pytest.param({"state_basis": 12000}, "state_basis", "one_of", id="both state forms"),
        pytest.param({"state": "NJ"}, "state_basis_worksheet", "invalid", id="not California"),
        pytest.param(
            {"account_type": "roth_ira", "inherited": False},
            "state_basis_worksheet",
            "invalid",
            id="a Roth IRA",
        ),
        pytest.param(
            {"state_basis_worksheet": {"deductions_by_year": [{"year": 1974, "federal": 1}]}},
            "state_basis_worksheet",
            "out_of_range",
            id="before 1975",
        ),
    ],
)
def test_bad_california_worksheets_are_a_400(api, change, key, code):
    response = api({**CALIFORNIA_2020, **change})
    assert response.status_code == 400
    assert code in response.json()["codes"][key]


@pytest.mark.django_db
def test_the_interview_and_the_api_agree_on_the_roth_case(client):
    from .test_basis_years import ROTH_2016 as STEPS
    from .test_basis_years import post_years
    from .wizard_helpers import answer, confirm, walk

    walk(client, [*STEPS, ("ws_first_year", "2005")])
    figures = {"y2005_in": "4,000", "y2008_out": "6,000", "y2010_in": "5,000"}
    post_years(client, figures | {"y2012_in": "5,000", "y2012_out": "1,000"}, "2005-2015")
    for step, value in [("ws_added", ""), ("ws_paid_out", "6,500"), ("agi", "50,000")]:
        answer(client, step, value)
    answer(client, "age", "")
    page = confirm(client).content.decode()
    assert "$1,500" in page and "$9,000" in page  # as the API says above
