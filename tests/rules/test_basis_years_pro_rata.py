"""Earlier withdrawals from traditional IRAs use up basis in proportion (issue 20, item 4).

Worked by hand from the Instructions for Form 8606, Part I: line 3 = line 1 + line 2 (basis);
line 6 = the value of all traditional, SEP and SIMPLE IRAs on December 31, rollovers outstanding
included; line 7 = payouts, line 8 = conversions; line 9 = 6 + 7 + 8; line 10 = line 5 / line 9,
at most 1; line 13 = (7 + 8) × line 10 is the basis used; line 14 = line 3 - line 13 is left.
It holds however the payout was reported: without a Form 8606 the basis still went down.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules import AccountType, Answers, BasisWorksheet, EarlierYear, basis_by_year, determine


def row(years, used, after, *, id):
    return pytest.param(years, [D(u) for u in used], [D(a) for a in after], id=id)


ROWS = [
    # The issue's example: 37,000 before 2015; 10,000 out in 2015; worth 40,000 at its end.
    # 37,000 / (40,000 + 10,000) = 0.74; 10,000 × 0.74 = 7,400 used; 29,600 left.
    row(
        [
            EarlierYear(2014, D(37000)),
            EarlierYear(2015, taken_out=D(10000), value_at_year_end=D(40000)),
        ],
        ["0", "7400"],
        ["37000", "29600"],
        id="issue-example",
    ),
    # No withdrawal: the year-end value changes nothing (line 14 = line 3).
    row(
        [EarlierYear(2014, D(6000)), EarlierYear(2015, D(5000), value_at_year_end=D(90000))],
        ["0", "0"],
        ["6000", "11000"],
        id="no-withdrawal",
    ),
    # Everything taken out (worth 0 at year end): line 10 = 8,000 / 12,000, so 8,000 of the
    # 12,000 was basis; all of it is used up and nothing is left.
    row(
        [EarlierYear(2010, D(8000)), EarlierYear(2011, taken_out=D(12000), value_at_year_end=D(0))],
        ["0", "8000"],
        ["8000", "0"],
        id="all-taken-out",
    ),
    # ... and when the basis is more than what was taken out: line 10 is capped at 1.
    row(
        [EarlierYear(2010, D(8000)), EarlierYear(2011, taken_out=D(3000), value_at_year_end=D(0))],
        ["0", "3000"],
        ["8000", "5000"],
        id="all-taken-out-basis-left",
    ),
    # Two withdrawal years in a row. 2016: 20,000 + 5,000 added = 25,000 basis; 10,000 out,
    # worth 90,000: 25,000 / 100,000 = 0.25, used 2,500, left 22,500. 2017: 6,000 out, worth
    # 94,000: 22,500 / 100,000 = 0.225, used 1,350, left 21,150.
    row(
        [
            EarlierYear(2015, D(20000)),
            EarlierYear(2016, D(5000), D(10000), value_at_year_end=D(90000)),
            EarlierYear(2017, taken_out=D(6000), value_at_year_end=D(94000)),
        ],
        ["0", "2500", "1350"],
        ["20000", "22500", "21150"],
        id="two-years-in-a-row",
    ),
    # A share that is not a round number: 1,000 / (2,000 + 1,000) × 1,000 = 333.33 (to the cent).
    row(
        [EarlierYear(2019, D(1000), D(1000), value_at_year_end=D(2000))],
        ["333.33"],
        ["666.67"],
        id="rounded-to-the-cent",
    ),
]


@pytest.mark.parametrize(("years", "used", "after"), ROWS)
def test_basis_used_is_the_form_8606_share(years, used, after):
    worked = basis_by_year(years)
    assert [y.basis_used for y in worked] == used
    assert [y.basis_after for y in worked] == after


def test_roth_iras_keep_contributions_first():
    # Roth payouts use up basis first (Form 8606 Part III): a year-end value is not used.
    years = [
        EarlierYear(2014, D(37000)),
        EarlierYear(2015, taken_out=D(10000), value_at_year_end=D(40000)),
    ]
    worked = basis_by_year(years, pro_rata=False)
    assert worked[-1].basis_used == D(10000) and worked[-1].basis_after == D(27000)


def test_the_issue_example_makes_a_later_loss_of_9600_not_17000():
    # 2016: the last 20,000 paid out; basis 29,600 left, so the loss is 9,600 (17,000 if the
    # 2015 payout had used no basis).
    years = basis_by_year(
        [
            EarlierYear(2014, D(37000)),
            EarlierYear(2015, taken_out=D(10000), value_at_year_end=D(40000)),
        ]
    )
    worksheet = BasisWorksheet(
        basis_before_year=years[-1].basis_after, paid_out_in_year=D(20000), earlier_years=years
    )
    answers = Answers(
        account_type=AccountType.TRADITIONAL_IRA,
        tax_year=2016,
        state="FL",
        basis=worksheet.basis,
        fully_liquidated=True,
        total_distributions=worksheet.received,
        basis_worksheet=worksheet,
    )
    assert determine(answers).federal.loss == D(9600)


money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
years = st.lists(
    st.builds(
        EarlierYear,
        st.integers(1987, 2025),
        money,
        money,
        value_at_year_end=st.one_of(st.none(), money),
    ),
    max_size=8,
    unique_by=lambda y: y.year,
)


@given(years)
def test_the_share_never_uses_more_than_was_taken_out_nor_more_than_the_basis(given_years):
    worked = basis_by_year(given_years)
    for y in worked:
        assert 0 <= y.basis_used <= min(y.taken_out, y.basis_before_payout)
        assert y.basis_after >= 0
    # Sharing leaves at least the basis that contributions-first ordering leaves.
    ordered = basis_by_year(given_years, pro_rata=False)
    final = worked[-1].basis_after if worked else D(0)
    assert final >= (ordered[-1].basis_after if ordered else D(0))
