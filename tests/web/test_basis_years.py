""" "I don't have my last Form 8606": the basis from earlier years, year by year (issue 11).

Worked by hand from Form 8606 and Pub. 590-B: a traditional IRA's basis is its nondeductible
contributions less the nontaxable part of later payouts (8606 lines 1, 11, 13, 14); a Roth IRA's
is contributions and conversions less what came out, contributions first (Part III ordering), so a
payout larger than the basis left is earnings and does not use up later contributions.
"""

from __future__ import annotations

import pytest

from .test_flow_branches import next_step
from .wizard_helpers import answer, confirm, step_url, walk, work_it_out
from .wizard_helpers import post_table as post_step_table

pytestmark = pytest.mark.django_db

# No last Form 8606 (the basis from earlier years left blank): added up year by year.
ROTH_2016 = [*work_it_out("roth_ira", "2016"), ("ws_before", "")]
TRADITIONAL_2024 = [*work_it_out("traditional_ira", "2024"), ("ws_before", "")]


def post_years(client, figures: dict[str, str], years: str):
    return post_step_table(client, "ws_years", figures, years)


def test_the_years_page_has_a_row_per_year_from_the_first_to_the_year_before(client):
    assert next_step(walk(client, ROTH_2016)) == "ws_first_year"
    asked = client.get(step_url(client, "ws_first_year")).content.decode()
    assert "Roth IRAs began in 1998." in asked  # the law's own sentence (us.toml, §408A)
    assert next_step(answer(client, "ws_first_year", "2005")) == "ws_years"
    page = client.get(step_url(client, "ws_years")).content.decode()
    assert "Your Roth basis, year by year" in page
    rows = [y for y in range(2000, 2017) if f'<th scope="row">{y}</th>' in page]
    assert rows == list(range(2005, 2016))
    # Each box has its own label for screen readers: the year and the column.
    assert '<label class="usa-sr-only" for="id_ws_years-y2008_out">2008, Taken out</label>' in page


def test_a_roth_payout_of_earnings_does_not_use_up_later_contributions(client):
    walk(client, [*ROTH_2016, ("ws_first_year", "2005")])
    years = {"y2005_in": "4,000", "y2008_out": "6,000", "y2010_in": "5,000"}
    years |= {"y2012_in": "5,000", "y2012_out": "1,000"}
    assert next_step(post_years(client, years, "2005-2015")) == "ws_added"
    answer(client, "ws_added", "")
    answer(client, "ws_paid_out", "6,500")
    answer(client, "agi", "50,000")
    answer(client, "age", "")
    page = confirm(client).content.decode()
    # 2005: 4,000. 2008: 6,000 out uses the 4,000; 2,000 was earnings. 2010: 5,000.
    # 2012: 5,000 + 5,000 − 1,000 = 9,000 (added up as totals it would be 7,000).
    # 2016: 9,000 − 6,500 paid out = 2,500 lost; floor 2% × 50,000 = 1,000; 1,500 above it.
    assert "$4,000 of the $6,000 taken out; the rest was earnings, not basis" in page
    assert "Roth basis at the start of 2016" in page
    assert "the years above, added up" in page and "lines 22 and 24 of the last year" not in page
    assert '<td class="amount">$9,000</td>' in page
    assert "$2,500" in page and "$1,500" in page
    assert "was added up year by year from your own figures" in page
    assert "6693" not in page  # the penalty for a missing Form 8606 is for traditional IRAs


def test_a_traditional_basis_is_contributions_less_what_came_back_tax_free(client):
    walk(client, [*TRADITIONAL_2024, ("ws_first_year", "2010")])
    years = {"y2010_in": "5,000", "y2015_in": "5,500", "y2018_out": "1,200"}
    assert next_step(post_years(client, years, "2010-2023")) == "ws_added"
    answer(client, "ws_added", "")
    answer(client, "ws_paid_out", "9,000")
    answer(client, "ws_converted", "")
    answer(client, "age", "60")
    check = client.get(step_url(client, "check")).content.decode()
    assert "Contributed, not deducted: $10,500. Taken out: $1,200. Years 2010–2018." in check
    page = confirm(client).content.decode()
    # 5,000 + 5,500 − 1,200 = 9,300 (line 2); 9,300 − 9,000 = 300 left on line 14.
    assert "Less basis that came back tax-free in 2018" in page
    assert "−\u2060$1,200" in page and "$9,300" in page and "$300" in page
    assert "6693(b)(2)" in page  # a Form 8606 never filed can still be filed (penalty $50)


def test_a_first_year_before_the_account_could_exist_is_refused_with_the_range(client):
    walk(client, TRADITIONAL_2024)
    page = answer(client, "ws_first_year", "1980")
    assert page.status_code == 200
    assert "Enter a year from 1987 to 2023, like 2005" in page.content.decode()
    page = answer(client, "ws_first_year", "2024")  # the last year itself is asked later
    assert "Enter a year from 1987 to 2023" in page.content.decode()


def test_a_bad_amount_names_its_year_and_keeps_the_others(client):
    walk(client, [*TRADITIONAL_2024, ("ws_first_year", "2020")])
    page = post_years(client, {"y2020_in": "6,000", "y2021_in": "lots"}, "2020-2023")
    text = page.content.decode()
    assert page.status_code == 200
    assert "2021, Contributed, not deducted: Enter an amount" in text
    assert 'href="#id_ws_years-y2021_in"' in text  # the error summary links to the box
    assert 'value="6,000"' in text


def test_changing_the_first_year_asks_the_years_again(client):
    walk(client, [*TRADITIONAL_2024, ("ws_first_year", "2020")])
    post_years(client, {"y2020_in": "6,000"}, "2020-2023")
    answer(client, "ws_added", "")
    answer(client, "ws_paid_out", "1,000")
    answer(client, "ws_converted", "")
    answer(client, "age", "60")
    # From the Check page: an earlier first year; the rows for 2016–2019 must be offered.
    assert next_step(answer(client, "ws_first_year", "2016")) == "ws_years"
    page = client.get(step_url(client, "ws_years")).content.decode()
    assert "The years changed" in page and '<th scope="row">2016</th>' in page
    assert 'value="6,000"' in page  # what was entered for 2020 is still there
    assert next_step(post_years(client, {"y2016_in": "1,000", "y2020_in": "6,000"}, "2016-2023"))
    assert "$7,000" in confirm(client).content.decode()


def test_a_forged_years_post_cannot_add_years_outside_the_range(client):
    walk(client, [*TRADITIONAL_2024, ("ws_first_year", "2020")])
    post_years(client, {"y1950_in": "999,999", "y2020_in": "1,000"}, "2020-2023")
    answer(client, "ws_added", "")
    answer(client, "ws_paid_out", "500")
    answer(client, "ws_converted", "")
    answer(client, "age", "60")
    page = confirm(client).content.decode()
    assert "1950" not in page and "$999,999" not in page
    assert "$1,000" in page and "$500" in page


def test_an_earlier_tax_year_asks_the_first_year_again_with_its_new_range(client):
    walk(client, [*TRADITIONAL_2024, ("ws_first_year", "2015")])
    post_years(client, {"y2015_in": "5,000"}, "2015-2023")
    for step, value in [("ws_added", ""), ("ws_paid_out", "1,000"), ("ws_converted", "")]:
        answer(client, step, value)
    answer(client, "age", "60")
    # The tax year moves back before the first year given: that answer no longer fits.
    assert next_step(answer(client, "tax_year", "2012")) == "ws_first_year"
    page = client.get(step_url(client, "ws_first_year")).content.decode()
    assert "Enter a year from 1987 to 2011" in page
    assert next_step(answer(client, "ws_first_year", "2010")) == "ws_years"
