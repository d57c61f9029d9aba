"""The year table for traditional IRAs asks what they were worth at the end of each year, and a
withdrawal uses up basis in the Form 8606 share (issue 20, item 4).

Worked by hand from the Instructions for Form 8606, lines 6-13: 37,000 of basis before 2015,
10,000 taken out in 2015 (all of it reported as taxable, no Form 8606), worth 40,000 at the end
of 2015: 37,000 / 50,000 = 0.74, so 7,400 of basis was used and 29,600 is left; paying out the
last 20,000 in 2016 loses 9,600 (not 17,000, which a blank "came back tax-free" gave).
"""

from __future__ import annotations

import pytest

from .test_basis_years import post_years
from .test_flow_branches import next_step
from .wizard_helpers import answer, confirm, step_url, walk, work_it_out

pytestmark = pytest.mark.django_db

TRADITIONAL_2016 = [*work_it_out("traditional_ira", "2016"), ("ws_before", "")]
# 2016: nothing added, the last 20,000 paid out, nothing converted, no AGI given.
THEN_2016 = [
    ("ws_added", ""),
    ("ws_paid_out", "20,000"),
    ("ws_converted", ""),
    ("agi", ""),
    ("age", "60"),
]
ISSUE_EXAMPLE = {"y2014_in": "37,000", "y2015_out": "10,000", "y2015_value": "40,000"}


def test_the_traditional_table_has_a_year_end_worth_column(client):
    walk(client, [*TRADITIONAL_2016, ("ws_first_year", "2014")])
    page = client.get(step_url(client, "ws_years")).content.decode()
    assert '<th scope="col">Worth at year end</th>' in page
    label = '<label class="usa-sr-only" for="id_ws_years-y2015_value">2015, Worth at year end'
    assert label in page
    assert "Came back tax-free" not in page and "even if you paid tax on all of it" in page


def test_a_roth_table_keeps_two_columns(client):
    walk(client, [*work_it_out("roth_ira", "2016"), ("ws_before", ""), ("ws_first_year", "2014")])
    page = client.get(step_url(client, "ws_years")).content.decode()
    assert "Worth at year end" not in page and "y2015_value" not in page


def test_an_earlier_withdrawal_uses_up_its_share_of_the_basis(client):
    walk(client, [*TRADITIONAL_2016, ("ws_first_year", "2014")])
    assert next_step(post_years(client, ISSUE_EXAMPLE, "2014-2015")) == "ws_added"
    for step, value in THEN_2016:
        assert answer(client, step, value).status_code == 302, step
    check = client.get(step_url(client, "check")).content.decode()
    # The check page adds up the money columns; a year-end worth is a balance, not added in.
    assert "Contributed, not deducted: $37,000. Taken out: $10,000. Years 2014–2015." in check
    page = confirm(client).content.decode()
    assert (
        "basis $37,000 ÷ $50,000 (worth $40,000 at the end of 2015 + $10,000 taken out) = "
        "0.740: $7,400 of the $10,000 was your own after-tax money" in page
    )
    assert "−\u2060$7,400" in page and "$29,600" in page
    assert "$9,600" in page and "$17,000" not in page
