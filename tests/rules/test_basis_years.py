"""Adding the basis up year by year (rules.basis_by_year), worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from rules import EarlierYear, basis_by_year


def test_a_payout_beyond_the_basis_left_is_earnings_and_spares_later_contributions():
    worked = basis_by_year(
        [
            EarlierYear(2012, D(5000), D(1000)),
            EarlierYear(2005, D(4000)),  # given out of order: worked out in year order
            EarlierYear(2008, taken_out=D(6000)),
            EarlierYear(2010, D(5000)),
        ]
    )
    assert [y.year for y in worked] == [2005, 2008, 2010, 2012]
    assert [y.basis_after for y in worked] == [D(4000), D(0), D(5000), D(9000)]
    assert worked[1].basis_used == D(4000) and worked[1].beyond_basis == D(2000)


def test_what_comes_back_in_a_year_can_use_that_years_contributions():
    # An excess contribution of 6,500 returned in the same year: nothing is left of it.
    (year,) = basis_by_year([EarlierYear(2019, D(6500), D(6500))])
    assert year.basis_after == D(0) and year.beyond_basis == D(0)


def test_no_years_is_no_basis():
    assert basis_by_year([]) == ()


money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
earlier = st.lists(
    st.builds(EarlierYear, st.integers(1987, 2025), money, money),
    max_size=12,
    unique_by=lambda y: y.year,
)


@given(earlier)
def test_the_basis_is_never_below_zero_nor_above_what_went_in(years):
    worked = basis_by_year(years)
    put_in = sum((y.added for y in years), D(0))
    taken = sum((y.taken_out for y in years), D(0))
    final = worked[-1].basis_after if worked else D(0)
    assert all(y.basis_after >= 0 and 0 <= y.basis_used <= y.taken_out for y in worked)
    # Year by year is never less than the totals (a payout beyond the basis is earnings).
    assert max(D(0), put_in - taken) <= final <= put_in
    assert final == put_in - sum((y.basis_used for y in worked), D(0))
