"""The federal overall limit on itemized deductions (IRC §68), worked out, and carried into New
York before 2018 (issue 20, item 2). Each row is worked by hand from the Itemized Deductions
Worksheet in the Schedule A instructions (lines 4–12) and the year's applicable amount (Form
1045 instructions, Itemized Deductions Limitation Worksheet line 6; Rev. Proc. adjustments).
The loss is the only itemized deduction, as the explanation says.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rules import AccountType, Answers, FilingStatus, determine

D = Decimal
S, J, MFS = FilingStatus.SINGLE, FilingStatus.MARRIED_JOINT, FilingStatus.MARRIED_SEPARATE


def answers(code, year, loss, agi, status):
    basis = max(D(loss), D("50000"))
    return Answers(
        account_type=AccountType.ROTH_IRA,
        tax_year=year,
        state=code,
        basis=basis,
        fully_liquidated=True,
        total_distributions=basis - D(loss),
        agi=D(agi),
        filing_status=status,
    )


def row(year, loss, agi, status, after_floor, cut, after, *, id):
    return pytest.param(year, loss, agi, status, after_floor, cut, after, id=id)


FEDERAL = [
    # 2016 single, applicable amount 259,400 (Rev. Proc. 2015-53): floor 2% × 300,000 = 6,000;
    # 50,000 − 6,000 = 44,000; line 8: 3% × (300,000 − 259,400) = 1,218; line 4: 80% × 44,000 =
    # 35,200; the smaller, 1,218; 44,000 − 1,218 = 42,782.
    row(2016, 50000, 300000, S, "44000", "1218", "42782", id="2016-single-3pct"),
    # 2008 single, 159,950: floor 4,000, 16,000 left; line 8: 3% × 40,050 = 1,201.50; line 4:
    # 12,800; line 9: 1,201.50; line 10: ÷ 1.5 = 801; line 11: 1,201.50 − 801 = 400.50 (a third
    # of the reduction, §68(f)); 16,000 − 400.50 = 15,599.50.
    row(2008, 20000, 200000, S, "16000", "400.50", "15599.50", id="2008-single-one-third"),
    # 2006 separate, 75,250 (half of 150,500): floor 2,000, 8,000 left; 3% × 24,750 = 742.50;
    # line 10: ÷ 3 = 247.50; line 11: 495 (two thirds); 8,000 − 495 = 7,505.
    row(2006, 10000, 100000, MFS, "8000", "495", "7505", id="2006-separate-two-thirds"),
    # 2003 joint, 139,500 for every status but separate: floor 4,000, 26,000 left;
    # 3% × 60,500 = 1,815; 26,000 − 1,815 = 24,185.
    row(2003, 30000, 200000, J, "26000", "1815", "24185", id="2003-joint-full-reduction"),
    # 2014 single, 254,200 (Rev. Proc. 2013-35): floor 20,000, 5,000 left; 3% × 745,800 =
    # 22,374; 80% × 5,000 = 4,000 binds; 5,000 − 4,000 = 1,000.
    row(2014, 25000, 1000000, S, "5000", "4000", "1000", id="2014-single-80pct-binds"),
]

NOT_LIMITED = [
    # §68(g): no limit for 2010–2012. Floor 6,000; 44,000 stays.
    row(2011, 50000, 300000, S, "44000", None, None, id="2011-no-limit"),
    # 2016 joint, 311,300: AGI 300,000 is below it; 44,000 stays.
    row(2016, 50000, 300000, J, "44000", None, None, id="2016-joint-below-threshold"),
    # 2005, 145,950: AGI 140,000 is below every status's amount but separate (72,975); single.
    row(2005, 20000, 140000, S, "17200", None, None, id="2005-single-below-threshold"),
]


@pytest.mark.parametrize(("year", "loss", "agi", "status", "after_floor", "cut", "after"), FEDERAL)
def test_the_federal_overall_limit_worked_out(year, loss, agi, status, after_floor, cut, after):
    federal = determine(answers("FL", year, loss, agi, status)).federal
    assert federal.deductible_after_floor == D(after_floor)
    assert federal.overall_limit_applies
    assert federal.overall_limit_cut == D(cut)
    assert federal.after_overall_limit == D(after)
    assert "overall_limit_computed" in {s.code for s in federal.statements}


@pytest.mark.parametrize(
    ("year", "loss", "agi", "status", "after_floor", "cut", "after"), NOT_LIMITED
)
def test_no_overall_limit_below_the_threshold_or_in_2010_2012(
    year, loss, agi, status, after_floor, cut, after
):
    federal = determine(answers("FL", year, loss, agi, status)).federal
    assert federal.deductible_after_floor == D(after_floor)
    assert not federal.overall_limit_applies
    assert federal.overall_limit_cut is None and federal.after_overall_limit is None
    codes = {s.code for s in federal.statements}
    assert not codes & {"overall_limit", "overall_limit_computed"}


def test_without_a_filing_status_the_limit_is_stated_not_guessed():
    # 2016, AGI 300,000: single takes 1,218, joint nothing; they differ, so it is not worked out.
    federal = determine(answers("FL", 2016, 50000, 300000, None)).federal
    assert federal.overall_limit_applies
    assert federal.overall_limit_cut is None
    assert "overall_limit" in {s.code for s in federal.statements}


NEW_YORK = [
    # The example. IT-201-D starts from federal Schedule A's total (after §68):
    # 44,000 − 1,218 = 42,782; §615(f): single, NY AGI 300,000 is between 150,000 and 475,000,
    # so 25% goes: 42,782 × 75% = 32,086.50 (was 33,000 without §68).
    pytest.param(2016, 50000, 300000, S, "32086.50", id="ny-2016-single-the-issue-example"),
    # 2011: no §68 (§68(g)); 44,000 × 75% = 33,000.
    pytest.param(2011, 50000, 300000, S, "33000", id="ny-2011-no-federal-limit"),
    # 2008 single, AGI 173,950: floor 3,479, 16,521 left; 3% × (173,950 − 159,950) = 420;
    # ÷ 1.5 = 280; 420 − 280 = 140; 16,381; §615(f): 25% above 150,000: × 75% = 12,285.75.
    pytest.param(2008, 20000, 173950, S, "12285.75", id="ny-2008-single-one-third"),
    # 2014 single, AGI 1,000,000: §68 leaves 1,000 (80% binds); §615(f): 50% above 525,000
    # (not above 1,000,000, so §615(g) does not take it all): 500.
    pytest.param(2014, 25000, 1000000, S, "500", id="ny-2014-80pct-then-half"),
]


@pytest.mark.parametrize(("year", "loss", "agi", "status", "counts"), NEW_YORK)
def test_new_york_before_2018_starts_after_the_federal_limit(year, loss, agi, status, counts):
    state = determine(answers("NY", year, loss, agi, status)).state
    assert state.amounts is not None
    assert state.amounts.counts == D(counts)


def test_new_york_names_the_federal_limit_first():
    amounts = determine(answers("NY", 2016, 50000, 300000, S)).state.amounts
    assert amounts is not None
    assert [name for name, _ in amounts.limit_steps] == [
        "federal_overall_limit",
        "itemized_deduction_limit",
    ]
    assert amounts.limit_steps[0][1] == D("1218")


KANSAS = [
    # K.S.A. 79-32,120(a)(2): 70% of the federal deductions "as provided in the federal internal
    # revenue code", so after §68. 2013 single, 250,000 (§68(b)): floor 6,000, 24,000 left;
    # 3% × 50,000 = 1,500; 22,500 × 70% = 15,750 (the share alone gave 16,800).
    pytest.param(2013, 30000, 300000, S, "15750", id="ks-2013-single-70pct-after-68"),
    # 2014 joint, 305,050 (Rev. Proc. 2013-35): floor 8,101, 21,899 left; 3% × 100,000 = 3,000;
    # 18,899 × 65% = 12,284.35.
    pytest.param(2014, 30000, 405050, J, "12284.35", id="ks-2014-joint-65pct-after-68"),
    # 2008: no share; the federal total after §68 as in the New York row: 16,381.
    pytest.param(2008, 20000, 173950, S, "16381.00", id="ks-2008-single-one-third"),
    # 2013 without a filing status: single and joint differ, so it waits for the status.
    pytest.param(2013, 30000, 300000, None, None, id="ks-2013-needs-filing-status"),
]


@pytest.mark.parametrize(("year", "loss", "agi", "status", "counts"), KANSAS)
def test_kansas_takes_its_share_of_the_federal_total_after_the_limit(
    year, loss, agi, status, counts
):
    amounts = determine(answers("KS", year, loss, agi, status)).state.amounts
    assert amounts is not None
    assert amounts.counts == (None if counts is None else D(counts))
    assert amounts.limit_steps[0][0] == "federal_overall_limit"
    assert amounts.needs_filing_status is (status is None)
