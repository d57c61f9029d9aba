"""Georgia and Maine 2026 on, Montana 2018–2023: not settled, worked as if allowed (issue 20, 8).

Sources (rules/law/ga.toml, me.toml, mt.toml; ../shared/research/open-questions.md Q1-GA, Q1-ME,
Q2): no enacted Georgia or Maine act moves the Code date past Public Law 119-21 and neither
state has published 2026 forms; Montana's 2018–2023 Schedule III has no 2% line, but
Mont. Code §15-30-2131(1)(a) names IRC §§161 and 211, not §67. So the answer stays
needs_review, and the worksheet is the state's pre-2018 one, with the loss the only deduction
under the floor: 2% of federal AGI in Georgia (Form 500 Schedule 3 from federal Schedule A) and
Maine (Form 1040ME Schedule 2), 2% of Montana AGI in Montana (Schedule III, Form 2 line 41).
The refund window runs from April 15 after the tax year: 3 years in each state.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from rules import StateStatus
from tests.rules.test_state_worksheet import J, S, row, state

D = Decimal

ROWS = [
    # Georgia 2026 single, AGI 100,000: 10,000 − 2% × 100,000 = 10,000 − 2,000 = 8,000.
    row("GA", 2026, 10000, 100000, "2000", "8000", filing_status=S, id="ga-2026"),
    # Georgia 2027 (the period is open-ended): 3,000 − 2% × 200,000 = 3,000 − 4,000 → 0.
    row("GA", 2027, 3000, 200000, "4000", "0", id="ga-2027-below-the-floor"),
    # Maine 2027 joint, AGI 150,000: 5,000 − 3,000 = 2,000.
    row("ME", 2027, 5000, 150000, "3000", "2000", filing_status=J, id="me-2027-joint"),
    # Maine 2026, AGI 60,000: 12,000 − 1,200 = 10,800.
    row("ME", 2026, 12000, 60000, "1200", "10800", id="me-2026"),
    # Montana 2023, federal AGI 90,000, Montana AGI 80,000: 4,000 − 1,600 = 2,400 (Montana AGI).
    row("MT", 2023, 4000, 90000, "1600", "2400", state_agi=80000, id="mt-2023-montana-agi"),
    # Montana 2018, AGI 50,000 (no Montana AGI given: federal stands in): 4,000 − 1,000 = 3,000.
    row("MT", 2018, 4000, 50000, "1000", "3000", id="mt-2018-federal-agi-stands-in"),
]


@pytest.mark.parametrize("code, year, loss, agi, floor, counts, kw", ROWS)
def test_unsettled_years_are_worked_as_if_allowed(code, year, loss, agi, floor, counts, kw):
    s = state(code, year, loss, agi, **kw)
    assert s.status is StateStatus.NEEDS_REVIEW
    assert s.amounts is not None
    assert s.amounts.floor == D(floor)
    assert s.amounts.counts == D(counts)
    assert s.form_line.endswith("allows it")


@pytest.mark.parametrize(
    "code, year, deadline, passed",
    [
        # Tax year 2026: due April 15, 2027, plus 3 years.
        ("GA", 2026, datetime.date(2030, 4, 15), False),
        ("ME", 2026, datetime.date(2030, 4, 15), False),
        # Montana 2023: due April 15, 2024, plus 3 years; still open on the tests' today.
        ("MT", 2023, datetime.date(2027, 4, 15), False),
        # Montana 2019: April 15, 2023, gone.
        ("MT", 2019, datetime.date(2023, 4, 15), True),
    ],
)
def test_unsettled_years_give_the_refund_window_and_when_the_state_will_say(
    code, year, deadline, passed
):
    s = state(code, year, 5000, 100000)
    assert s.refund_window is not None
    assert (s.refund_window.deadline, s.refund_window.likely_passed) == (deadline, passed)
    codes = [st.code for st in s.statements]
    assert "refund_window" in codes
    assert any(c.endswith("_rests_on") for c in codes)


def test_an_unsettled_year_without_an_agi_gives_the_floor_as_unknown():
    s = state("GA", 2026, 5000)
    assert s.status is StateStatus.NEEDS_REVIEW
    assert s.amounts is not None and s.amounts.counts is None
