"""Louisiana's deduction for excess federal itemized deductions, year by year (issue 20, item 2):
none for 2003–2006 (the 2002 Stelly plan took it away), 57.5% in 2007, 65% in 2008 and all of
it from 2009, as La. R.S. 47:293(3)(a)–(c) read until 2016 ("For tax years beginning during
calendar year 2007, fifty-seven and one half percent of such excess federal itemized personal
deductions", quoted as present law in H.B. 253 of 2015). Each row is worked by hand: the loss
is the only itemized deduction, it counts federally above 2% of federal AGI, and Louisiana's
share is of that part. Whether the federal total Louisiana starts from is after IRC §68 was not
settled from sources (no IT-540 line 8A instruction was read), so no federal limit is applied.
"""

from __future__ import annotations

import pytest

from rules import StateStatus, determine
from tests.rules.test_overall_limit import D, J, S, answers


def row(year, loss, agi, share, counts, *, id):
    return pytest.param(year, loss, agi, share, counts, id=id)


COUNTED = [
    # 2002, before the Stelly plan: floor 2% × 50,000 = 1,000; 10,000 − 1,000 = 9,000, all of it.
    row(2002, 10000, 50000, None, "9000", id="la-2002-full"),
    # 2007: floor 1,000, 9,000 left; 57.5% × 9,000 = 5,175 (R.S. 47:293(3)(a)).
    row(2007, 10000, 50000, "57.5", "5175", id="la-2007-57-5-percent"),
    # 2008: floor 2% × 80,000 = 1,600; 20,000 − 1,600 = 18,400; 65% × 18,400 = 11,960 ((3)(b)).
    row(2008, 20000, 80000, "65", "11960", id="la-2008-65-percent"),
    # 2009: floor 1,600, 18,400 left, all of it ((3)(c)).
    row(2009, 20000, 80000, None, "18400", id="la-2009-full"),
]


@pytest.mark.parametrize(("year", "loss", "agi", "share", "counts"), COUNTED)
def test_louisiana_counts_its_share_of_the_loss_above_the_floor(year, loss, agi, share, counts):
    state = determine(answers("LA", year, loss, agi, S)).state
    assert state.status is StateStatus.DEDUCTIBLE
    amounts = state.amounts
    assert amounts is not None
    assert amounts.share_percent == (None if share is None else D(share))
    assert amounts.limit_steps == ()
    assert amounts.counts == D(counts)


@pytest.mark.parametrize("year", [2003, 2004, 2005, 2006])
def test_louisiana_allowed_no_excess_itemized_deduction_under_the_stelly_plan(year):
    state = determine(answers("LA", year, 10000, 50000, J)).state
    assert state.status is StateStatus.NOT_DEDUCTIBLE
    assert state.amounts is None
