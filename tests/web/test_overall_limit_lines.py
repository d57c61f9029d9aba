"""The federal overall limit (IRC §68) as worksheet lines, in the API and the interview (issue 20,
item 2): the issue's New York 2016 example, single, AGI 300,000, a 50,000 loss."""

from __future__ import annotations

import pytest

from .test_state_agi_question import paid_out_in
from .wizard_helpers import answer, walk

pytestmark = pytest.mark.django_db

NEW_YORK_2016 = dict(
    account_type="roth_ira",
    tax_year=2016,
    state="NY",
    agi=300000,
    filing_status="single",
    basis=60000,
    total_distributions=10000,
    fully_liquidated=True,
)


def lines(worksheet):
    return {line["label"]: (line["amount"], line["form_line"]) for line in worksheet}


def test_the_federal_worksheet_takes_the_overall_limit_off(api):
    body = api(NEW_YORK_2016).json()
    federal = lines(body["federal"]["worksheet"])
    # Floor 6,000; 44,000 left; 3% × (300,000 − 259,400) = 1,218; 42,782 left.
    assert federal["Loss left after the floor"][0] == "44000.00"
    assert federal["Less the overall limit on itemized deductions (§68)"] == (
        "-1218.00",
        "Itemized Deductions Worksheet, Schedule A instructions",
    )
    assert federal["Loss left after the overall limit"][0] == "42782.00"
    # The contract is unchanged: deductible_after_floor is still the amount after the floor.
    assert body["federal"]["deductible_after_floor"] == "44000.00"


def test_new_york_carries_the_federal_limit_before_its_own(api):
    body = api(NEW_YORK_2016).json()
    state = lines(body["state"]["worksheet"])
    labels = list(state)
    federal_line = "Less the federal overall limit (already in federal Schedule A's total)"
    assert state[federal_line][0] == "-1218.00"
    assert labels.index(federal_line) < labels.index(
        "Less New York's itemized deduction adjustment"
    )
    # 42,782 × 25% = 10,695.50 taken by §615(f); 32,086.50 counts (was 33,000).
    assert body["state"]["deductible_after_floor"] == "32086.50"


def test_below_every_threshold_there_is_no_limit_line(api):
    body = api({**NEW_YORK_2016, "agi": 100000}).json()
    assert "Less the overall limit on itemized deductions (§68)" not in lines(
        body["federal"]["worksheet"]
    )


def test_the_interview_asks_the_filing_status_where_the_federal_limit_reaches(client):
    # Florida has no income tax: only the federal limit can need the filing status.
    walk(client, paid_out_in("FL", "2016"))  # a 15,000 loss: 9,000 above the 6,000 floor
    response = answer(client, "agi", "300,000")
    assert response["Location"].strip("/").split("/")[-1] == "filing_status"


def test_kansas_shows_the_federal_limit_before_its_share(api):
    body = api({**NEW_YORK_2016, "state": "KS", "tax_year": 2013, "basis": 40000}).json()
    labels = [line["label"] for line in body["state"]["worksheet"]]
    federal_line = "Less the federal overall limit (already in your federal itemized deductions)"
    assert labels.index(federal_line) < labels.index("70% of that counts in Kansas")
    # Loss 30,000; floor 6,000; 3% × (300,000 − 250,000) = 1,500; 22,500 × 70% = 15,750.
    assert body["state"]["deductible_after_floor"] == "15750.00"
