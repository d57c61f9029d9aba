"""The federal overall limit on itemized deductions (IRC §68) carried into the states whose
itemized deduction started from the federal total after it (issue 20, item 2): Maryland,
Missouri, Mississippi, Nebraska, Oklahoma, Oregon, Virginia and Maine 2000–2017, and Utah's
taxpayer credit 2008–2017. Each row is worked by hand from the Itemized Deductions Worksheet in
the Schedule A instructions (lines 4–12) and the year's applicable amount (Form 1045
instructions, Itemized Deductions Limitation Worksheet line 6, for 2000–2009; the Rev. Proc.
adjustments for 2013–2017). The loss is the only itemized deduction, as the explanation says;
the state form line each row rests on is cited in the state's law file.
"""

from __future__ import annotations

import pytest

from rules import FilingStatus, StateStatus, determine
from tests.rules.test_overall_limit import MFS, D, J, S, answers

HOH = FilingStatus.HEAD_OF_HOUSEHOLD


def row(code, year, loss, agi, status, cut, counts, *, id):
    return pytest.param(code, year, loss, agi, status, cut, counts, id=id)


LIMITED = [
    # Maryland 2016 single, applicable amount 259,400 (Rev. Proc. 2015-53): floor 2% × 300,000 =
    # 6,000, 44,000 left; line 8: 3% × 40,600 = 1,218; line 4: 80% × 44,000 = 35,200; the
    # smaller, 1,218; 44,000 − 1,218 = 42,782 (Tax-Gen. §10-218(b)(1)).
    row("MD", 2016, 50000, 300000, S, "1218", "42782", id="md-2016-single"),
    # Missouri 2007 joint, 156,400 for every status but separate: floor 4,000, 16,000 left;
    # 3% × 43,600 = 1,308; line 10: ÷ 3 = 436; line 11: 1,308 − 436 = 872 (two thirds, §68(f));
    # 16,000 − 872 = 15,128 (MO-A Part 2 line 1, federal Form 1040's itemized deductions).
    row("MO", 2007, 20000, 200000, J, "872", "15128", id="mo-2007-joint-two-thirds"),
    # Mississippi 2004 separate, 71,350 (half of 142,700): floor 2,000, 8,000 left; 3% × 28,650 =
    # 859.50; 80% × 8,000 = 6,400; 8,000 − 859.50 = 7,140.50 (the line 9 worksheet starts from
    # federal Schedule A line 28).
    row("MS", 2004, 10000, 100000, MFS, "859.50", "7140.50", id="ms-2004-separate"),
    # Nebraska 2015 head of household, 284,050 (Rev. Proc. 2014-61): floor 8,000, 22,000 left;
    # 3% × 115,950 = 3,478.50; 80% × 22,000 = 17,600; 22,000 − 3,478.50 = 18,521.50 (Form 1040N,
    # total itemized deductions from federal Schedule A line 29).
    row("NE", 2015, 30000, 400000, HOH, "3478.50", "18521.50", id="ne-2015-head"),
    # Oklahoma 2009 single, 166,800: floor 5,000, 35,000 left; 3% × 83,200 = 2,496; line 10:
    # ÷ 1.5 = 1,664; line 11: 2,496 − 1,664 = 832 (one third, §68(f)); 35,000 − 832 = 34,168.
    row("OK", 2009, 40000, 250000, S, "832", "34168", id="ok-2009-single-one-third"),
    # Oregon 2014 joint, 305,050 (Rev. Proc. 2013-35): floor 20,000, 5,000 left; 3% × 694,950 =
    # 20,848.50; 80% × 5,000 = 4,000 binds; 5,000 − 4,000 = 1,000 ("after federal limitations").
    row("OR", 2014, 25000, 1000000, J, "4000", "1000", id="or-2014-joint-80pct-binds"),
    # Virginia 2017 single, 261,500 (Rev. Proc. 2016-55): floor 6,000, 44,000 left;
    # 3% × 38,500 = 1,155; 44,000 − 1,155 = 42,845 (the amount allowable federally).
    row("VA", 2017, 50000, 300000, S, "1155", "42845", id="va-2017-single"),
    # Maine 2013 joint, 300,000 (§68(b)): floor 8,000, 22,000 left; 3% × 100,000 = 3,000;
    # 22,000 − 3,000 = 19,000 (Schedule 2 starts from federal Schedule A line 29).
    row("ME", 2013, 30000, 400000, J, "3000", "19000", id="me-2013-joint"),
    # Utah 2008 single, 159,950: floor 4,000, 16,000 left; 3% × 40,050 = 1,201.50; ÷ 1.5 = 801;
    # 1,201.50 − 801 = 400.50; 16,000 − 400.50 = 15,599.50 in the taxpayer credit's base
    # (TC-40 line 12 is federal Form 1040's itemized deductions).
    row("UT", 2008, 20000, 200000, S, "400.50", "15599.50", id="ut-2008-single-one-third"),
    # Utah 2016 separate, 155,650: floor 4,000, 16,000 left; 3% × 44,350 = 1,330.50;
    # 16,000 − 1,330.50 = 14,669.50.
    row("UT", 2016, 20000, 200000, MFS, "1330.50", "14669.50", id="ut-2016-separate"),
]


@pytest.mark.parametrize(("code", "year", "loss", "agi", "status", "cut", "counts"), LIMITED)
def test_the_state_starts_after_the_federal_overall_limit(
    code, year, loss, agi, status, cut, counts
):
    state = determine(answers(code, year, loss, agi, status)).state
    assert state.status is StateStatus.DEDUCTIBLE
    amounts = state.amounts
    assert amounts is not None
    # The federal limit comes first; a state's own limit after it (Maine 2013–2017's cap on
    # Schedule 2, tests/rules/test_state_own_limits.py) takes nothing from these amounts.
    assert amounts.limit_steps[0] == ("federal_overall_limit", D(cut))
    assert all(cut == 0 for _, cut in amounts.limit_steps[1:])
    assert amounts.counts == D(counts)
    assert "federal_overall_limit" in {s.code for s in state.statements}


NOT_LIMITED = [
    # §68(g): no limit for 2010–2012. Maryland 2011 single: floor 6,000, 44,000 counts.
    row("MD", 2011, 50000, 300000, S, None, "44000", id="md-2011-no-federal-limit"),
    # Utah 2012, the same: 44,000 in the credit's base.
    row("UT", 2012, 50000, 300000, J, None, "44000", id="ut-2012-no-federal-limit"),
    # Nebraska 2016 joint, 311,300: AGI 300,000 is below it, so nothing is taken; 44,000.
    row("NE", 2016, 50000, 300000, J, "0", "44000", id="ne-2016-joint-below-threshold"),
    # Virginia 2005 single, 145,950: AGI 140,000 is below every status's amount but separate
    # (72,975), so for single nothing is taken: floor 2,800, 17,200 counts.
    row("VA", 2005, 20000, 140000, S, "0", "17200", id="va-2005-single-below-threshold"),
]


@pytest.mark.parametrize(("code", "year", "loss", "agi", "status", "cut", "counts"), NOT_LIMITED)
def test_nothing_is_taken_below_the_threshold_or_in_2010_2012(
    code, year, loss, agi, status, cut, counts
):
    amounts = determine(answers(code, year, loss, agi, status)).state.amounts
    assert amounts is not None
    assert amounts.limit_steps == (() if cut is None else (("federal_overall_limit", D(cut)),))
    assert amounts.counts == D(counts)


def test_without_a_filing_status_the_state_waits_for_it():
    # Missouri 2016, AGI 300,000: single takes 1,218 (as in the Maryland row), joint nothing
    # (below 311,300); they differ, so the count waits for the filing status.
    amounts = determine(answers("MO", 2016, 50000, 300000, None)).state.amounts
    assert amounts is not None
    assert amounts.counts is None
    assert amounts.needs_filing_status is True


@pytest.mark.parametrize("code", ["MD", "MO", "MS", "NE", "OK", "OR", "VA", "ME", "UT"])
def test_from_2018_the_loss_is_not_deductible_so_no_limit_is_worked(code):
    # The 2017/2018 boundary: these states follow the federal ban from 2018 (Maine to 2025).
    state = determine(answers(code, 2018, 50000, 300000, S)).state
    assert state.status is StateStatus.NOT_DEDUCTIBLE
    assert state.amounts is None
