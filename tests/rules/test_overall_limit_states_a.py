"""The federal overall limit on itemized deductions (IRC §68) in the states whose itemized
deduction started from the federal total after it (issue 20, item 2): Colorado, North Dakota,
South Carolina, Vermont (federal taxable income), Georgia, Idaho, Delaware, Arizona (federal
Schedule A's total, or the deductions used federally) 2000–2017, North Carolina 2000–2013 and
Minnesota 2000–2010; and Minnesota's own limit of 2011–2017, which replaced the federal one on
the Minnesota return (Schedule M1M). Each row is worked by hand from the Itemized Deductions
Worksheet in the Schedule A instructions (lines 4–12) with the year's applicable amount, or
from Schedule M1M's worksheet with Minnesota's threshold. The loss is the only itemized
deduction, as the explanation says; the form line each state rests on is cited in its law file.
"""

from __future__ import annotations

import pytest

from rules import FilingStatus, StateStatus, determine
from tests.rules.test_overall_limit import MFS, D, J, S, answers

HOH = FilingStatus.HEAD_OF_HOUSEHOLD
FEDERAL, MINNESOTA = "federal_overall_limit", "itemized_deduction_limitation"


def case(code, year, loss, agi, status, steps, counts, *, id):
    return pytest.param(code, year, loss, agi, status, steps, counts, id=id)


def worksheet(code, year, loss, agi, status):
    """The state worksheet of a deductible year."""
    state = determine(answers(code, year, loss, agi, status)).state
    assert state.status is StateStatus.DEDUCTIBLE and state.amounts is not None
    return state.amounts


def expected(steps):
    return tuple((name, D(cut)) for name, cut in steps)


WORKED = [
    # Colorado 2016 single, applicable amount 259,400 (Rev. Proc. 2015-53): floor 2% × 300,000 =
    # 6,000, 50,000 − 6,000 = 44,000; line 8: 3% × 40,600 = 1,218; line 4: 80% × 44,000 = 35,200;
    # the smaller, 1,218; Form 104 line 1 (federal taxable income) holds 44,000 − 1,218 = 42,782.
    case("CO", 2016, 50000, 300000, S, [(FEDERAL, "1218")], "42782", id="co-2016-single"),
    # Colorado 2017 single, 261,500 (Rev. Proc. 2016-55), the last year before the ban:
    # 3% × 38,500 = 1,155; 44,000 − 1,155 = 42,845.
    case("CO", 2017, 50000, 300000, S, [(FEDERAL, "1155")], "42845", id="co-2017-single"),
    # North Dakota 2017 joint, 313,800: floor 8,000, 32,000 left; 3% × 86,200 = 2,586;
    # 80% × 32,000 = 25,600; 32,000 − 2,586 = 29,414 (ND-1 line 1, federal taxable income).
    case("ND", 2017, 40000, 400000, J, [(FEDERAL, "2586")], "29414", id="nd-2017-joint"),
    # South Carolina 2015 head of household, 284,050 (Rev. Proc. 2014-61): floor 7,000, 23,000
    # left; 3% × 65,950 = 1,978.50; 23,000 − 1,978.50 = 21,021.50 (SC1040 line 1).
    case("SC", 2015, 30000, 350000, HOH, [(FEDERAL, "1978.50")], "21021.50", id="sc-2015-head"),
    # Georgia 2007 single, 156,400: floor 4,000, 16,000 left; 3% × 43,600 = 1,308; 80% × 16,000 =
    # 12,800; line 10: 1,308 ÷ 3 = 436; line 11: 1,308 − 436 = 872 (two thirds, §68(f));
    # 16,000 − 872 = 15,128, the deductions "used in computing" federal taxable income.
    case("GA", 2007, 20000, 200000, S, [(FEDERAL, "872")], "15128", id="ga-2007-two-thirds"),
    # Idaho 2004 separate, 71,350 (half of 142,700): floor 2,400, 9,600 left; 3% × 48,650 =
    # 1,459.50; 80% × 9,600 = 7,680; 9,600 − 1,459.50 = 8,140.50 (Form 40, federal Schedule A).
    case("ID", 2004, 12000, 120000, MFS, [(FEDERAL, "1459.50")], "8140.50", id="id-2004-mfs"),
    # Delaware 2014 single, 254,200 (Rev. Proc. 2013-35): floor 16,000, 4,000 left;
    # 3% × 545,800 = 16,374; 80% × 4,000 = 3,200 binds; 4,000 − 3,200 = 800 (Schedule A line 29).
    case("DE", 2014, 20000, 800000, S, [(FEDERAL, "3200")], "800", id="de-2014-80pct-binds"),
    # North Carolina 2013 joint, 300,000 (§68(b)), its last deductible year: floor 7,000, 13,000
    # left; 3% × 50,000 = 1,500; 13,000 − 1,500 = 11,500 (D-401 worksheet line 1, line 29).
    case("NC", 2013, 20000, 350000, J, [(FEDERAL, "1500")], "11500", id="nc-2013-joint"),
    # Arizona 2009 single, 166,800: floor 5,000, 15,000 left; 3% × 83,200 = 2,496; ÷ 1.5 = 1,664;
    # 2,496 − 1,664 = 832 (one third, §68(f)); 15,000 − 832 = 14,168 (A.R.S. §43-1042(A)).
    case("AZ", 2009, 20000, 250000, S, [(FEDERAL, "832")], "14168", id="az-2009-one-third"),
    # Vermont 2001 joint, 132,950: floor 4,000, 6,000 left; 3% × 67,050 = 2,011.50; 80% × 6,000 =
    # 4,800; 6,000 − 2,011.50 = 3,988.50 (IN-111, federal taxable income).
    case("VT", 2001, 10000, 200000, J, [(FEDERAL, "2011.50")], "3988.50", id="vt-2001-joint"),
    # Minnesota 2005 single, 145,950: floor 4,000, 16,000 left; 3% × 54,050 = 1,621.50;
    # 16,000 − 1,621.50 = 14,378.50 (Form M1 starts from federal taxable income).
    case("MN", 2005, 20000, 200000, S, [(FEDERAL, "1621.50")], "14378.50", id="mn-2005-federal"),
    # Minnesota 2008 single, 159,950: floor 3,479, 16,521 left; 3% × 14,000 = 420; ÷ 1.5 = 280;
    # 420 − 280 = 140; 16,381 (no Schedule M1M addition in 2008: the phase-down was followed).
    case("MN", 2008, 20000, 173950, S, [(FEDERAL, "140")], "16381", id="mn-2008-one-third"),
    # Minnesota 2011 single: no federal limit (§68(g)), but Schedule M1M line 2 above 169,550:
    # floor 6,000, 44,000 left; 3% × 130,450 = 3,913.50; 80% × 44,000 = 35,200; 40,086.50.
    case("MN", 2011, 50000, 300000, S, [(MINNESOTA, "3913.50")], "40086.50", id="mn-2011-own"),
    # Minnesota 2016 single: the federal limit (1,218, as in the Colorado row) is replaced by
    # Minnesota's, above 184,850: 3% × 115,150 = 3,454.50; 44,000 − 3,454.50 = 40,545.50.
    case("MN", 2016, 50000, 300000, S, [(MINNESOTA, "3454.50")], "40545.50", id="mn-2016-own"),
    # Minnesota 2016 joint: below the federal joint amount (311,300), nothing federally; but
    # Minnesota's one threshold (184,850) is passed: the same 3,454.50; 40,545.50.
    case("MN", 2016, 50000, 300000, J, [(MINNESOTA, "3454.50")], "40545.50", id="mn-2016-joint"),
    # Minnesota 2017 separate, 93,175: floor 3,000, 17,000 left; 3% × 56,825 = 1,704.75;
    # 17,000 − 1,704.75 = 15,295.25.
    case("MN", 2017, 20000, 150000, MFS, [(MINNESOTA, "1704.75")], "15295.25", id="mn-2017-mfs"),
]


# Nothing taken: no limit that year, or an AGI below the threshold.
UNTOUCHED = [
    # §68(g): no federal limit in 2010–2012. Colorado 2012 single: floor 6,000; 44,000 counts.
    case("CO", 2012, 50000, 300000, S, [], "44000", id="co-2012-no-federal-limit"),
    # Minnesota 2010: no federal limit and no Schedule M1M addition yet; 44,000.
    case("MN", 2010, 50000, 300000, S, [], "44000", id="mn-2010-no-limit"),
    # Minnesota 2012: AGI 80,000 is below even 2011's lowest threshold (84,775), so its unknown
    # 2012 threshold cannot be reached: floor 1,600, 8,400 counts.
    case("MN", 2012, 10000, 80000, MFS, [], "8400", id="mn-2012-below-any-threshold"),
    # South Carolina 2016 joint, 311,300: AGI 300,000 is under it, so nothing is taken; 44,000.
    case("SC", 2016, 50000, 300000, J, [(FEDERAL, "0")], "44000", id="sc-2016-joint-below"),
]


@pytest.mark.parametrize(
    ("code", "year", "loss", "agi", "status", "steps", "counts"), WORKED + UNTOUCHED
)
def test_the_limit_in_the_states_own_starting_point_is_worked_out(
    code, year, loss, agi, status, steps, counts
):
    amounts = worksheet(code, year, loss, agi, status)
    assert (amounts.limit_steps, amounts.counts) == (expected(steps), D(counts))


def test_a_minnesota_threshold_not_found_is_stated_not_guessed():
    # 2015: only a lower bound (2014's 90,575) is known; AGI 300,000 is above it, so the limit
    # is named but not worked out, and no filing status would settle it.
    amounts = determine(answers("MN", 2015, 50000, 300000, S)).state.amounts
    assert amounts is not None
    assert amounts.limit_steps == ((MINNESOTA, None),)
    assert amounts.counts is None
    assert amounts.needs_filing_status is False


def test_without_a_filing_status_the_count_waits_for_it():
    # Georgia 2016, AGI 300,000: single takes 1,218, joint nothing (below 311,300); they differ.
    amounts = determine(answers("GA", 2016, 50000, 300000, None)).state.amounts
    assert amounts is not None
    assert amounts.counts is None
    assert amounts.needs_filing_status is True


LAST_DEDUCTIBLE = {"CO": 2017, "ND": 2017, "SC": 2017, "VT": 2017, "GA": 2017, "ID": 2017}
LAST_DEDUCTIBLE |= {"DE": 2017, "AZ": 2017, "MN": 2018, "NC": 2013}


@pytest.mark.parametrize("code", sorted(LAST_DEDUCTIBLE))
def test_after_the_last_deductible_year_no_limit_is_worked(code):
    # The boundaries: the federal ban from 2018 (Minnesota's own list from 2019); North
    # Carolina's own list from 2014.
    state = determine(answers(code, LAST_DEDUCTIBLE[code] + 1, 50000, 300000, S)).state
    assert state.status is StateStatus.NOT_DEDUCTIBLE
    assert state.amounts is None
