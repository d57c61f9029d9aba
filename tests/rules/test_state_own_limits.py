"""States' own limits on itemized deductions (issue 20), worked by hand from their forms.

Vermont 2015–2017, Schedule IN-155: line 1 is federal Schedule A line 29 (after the 2% floor and
the federal overall limit); with the loss as the only itemized deduction, lines 9–12 (medical,
charity, state and local income taxes) are 0, so line 13 is line 1; line 14 is 2.5 times line 2,
the federal standard deduction for the filing status; line 15, what line 13 has above line 14,
is added back. Line 2 is higher for those 65 or older or blind, which is not asked: above the
basic ceiling the add-back is stated, not computed.

Maine 2013–2017, Schedule 2: line 4 (the federal total, medical and dental expenses taken out)
against line 5, the maximum allowable itemized deduction; line 6 is the smaller. For 2016–2017
the Phaseout of Itemized / Standard Deductions Worksheet then takes line 6 times (AGI − $70,000)
/ $75,000 single or separate (− $105,000 / $112,500 head of household, − $140,000 / $150,000
joint), the fraction to four decimals, at most 1.0000 (federal AGI standing in for Maine AGI).

Minnesota 2018, Schedule M1SA line 28 worksheet: the smaller of 3% of AGI above $190,050
($95,025 married filing separately) and 80% of the deductions (federal AGI standing in).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.rules.test_state_worksheet import MFS, H, J, S, row, state

D = Decimal

ROWS = [
    # Vermont 2015 single, AGI 100,000, loss 17,000: 17,000 − 2,000 = 15,000, under 2.5 × 6,300
    # = 15,750: nothing added back.
    row("VT", 2015, 17000, 100000, "2000", "15000", filing_status=S, id="vt-2015-under-cap"),
    # Exactly at the ceiling: 17,750 − 2,000 = 15,750 = 2.5 × 6,300: nothing added back.
    row("VT", 2015, 17750, 100000, "2000", "15750", filing_status=S, id="vt-2015-at-cap"),
    # Above it: 30,000 − 2,000 = 28,000 > 15,750; by how much depends on age and sight (line 2).
    row("VT", 2015, 30000, 100000, "2000", None, filing_status=S, id="vt-2015-above-cap-stated"),
    # Joint 2016, AGI 150,000: 33,000 − 3,000 = 30,000, under 2.5 × 12,600 = 31,500.
    row("VT", 2016, 33000, 150000, "3000", "30000", filing_status=J, id="vt-2016-joint-under"),
    # Head of household 2016: 25,000 − 2,000 = 23,000, under 2.5 × 9,300 = 23,250.
    row("VT", 2016, 25000, 100000, "2000", "23000", filing_status=H, id="vt-2016-head-under"),
    # Head of household 2015: 2.5 × 9,250 = 23,125; 23,000 is under it, 23,200 above it.
    row("VT", 2015, 25000, 100000, "2000", "23000", filing_status=H, id="vt-2015-head-under"),
    row("VT", 2015, 25200, 100000, "2000", None, filing_status=H, id="vt-2015-head-above"),
    # 2017 single: 17,875 − 2,000 = 15,875 = 2.5 × 6,350, nothing added back; one dollar more
    # is above it and stated.
    row("VT", 2017, 17875, 100000, "2000", "15875", filing_status=S, id="vt-2017-at-cap"),
    row("VT", 2017, 17876, 100000, "2000", None, filing_status=S, id="vt-2017-above-cap"),
    # Separate 2017: 2.5 × 6,350 = 15,875 as single.
    row("VT", 2017, 17000, 100000, "2000", "15000", filing_status=MFS, id="vt-2017-separate"),
    # The federal overall limit comes first: 2016 single, AGI 400,000 (threshold 259,400):
    # 60,000 − 8,000 = 52,000; 3% × 140,600 = 4,218 (80% is 41,600); 47,782, above 15,750.
    row("VT", 2016, 60000, 400000, "8000", None, filing_status=S, id="vt-2016-after-68"),
    # 2014 has no Vermont cap: 30,000 − 2,000 = 28,000 counts whole.
    row("VT", 2014, 30000, 100000, "2000", "28000", filing_status=S, id="vt-2014-no-cap"),
    # Maine 2015, AGI 100,000, loss 40,000: 40,000 − 2,000 = 38,000; line 5 28,350; line 6 28,350.
    row("ME", 2015, 40000, 100000, "2000", "28350", filing_status=S, id="me-2015-capped"),
    # Whatever the status: 2013 joint, 60,000 − 2,000 = 58,000 → 27,500.
    row("ME", 2013, 60000, 100000, "2000", "27500", filing_status=J, id="me-2013-joint-capped"),
    # Without a status the cap is the same for all: 2014, 35,000 − 2,000 = 33,000 → 27,950.
    row("ME", 2014, 35000, 100000, "2000", "27950", id="me-2014-no-status-needed"),
    # Under the cap, and under the 2016-2017 phase-out's $70,000: 2016, AGI 60,000: 20,000 −
    # 1,200 = 18,800 counts whole (28,450).
    row("ME", 2016, 20000, 60000, "1200", "18800", filing_status=S, id="me-2016-under-cap"),
    # 2017, AGI 60,000: 40,000 − 1,200 = 38,800 → 28,600.
    row("ME", 2017, 40000, 60000, "1200", "28600", filing_status=S, id="me-2017-capped"),
    # After the federal overall limit: 2015 single, AGI 400,000 (threshold 258,250): 50,000 −
    # 8,000 = 42,000; 3% × 141,750 = 4,252.50; 37,747.50, then the cap: 28,350.
    row("ME", 2015, 50000, 400000, "8000", "28350", filing_status=S, id="me-2015-after-68"),
    # 2016 single, AGI 100,000: 20,000 − 2,000 = 18,000 (under 28,450); (100,000 − 70,000) /
    # 75,000 = 0.4000; 18,000 × 0.4 = 7,200 phased out; 10,800.
    row("ME", 2016, 20000, 100000, "2000", "10800", filing_status=S, id="me-2016-phase-out"),
    # 2017 single, AGI 100,000: 38,000 capped to 28,600, then × 0.4000 = 11,440 out; 17,160.
    row("ME", 2017, 40000, 100000, "2000", "17160", filing_status=S, id="me-2017-cap-then-phase"),
    # Four decimals: AGI 100,004, floor 2,000.08, 17,999.92 left; 30,004 / 75,000 = 0.400053 →
    # 0.4001; 17,999.92 × 0.4001 = 7,201.77; 10,798.15.
    row("ME", 2016, 20000, 100004, "2000.08", "10798.15", filing_status=S, id="me-2016-4-places"),
    # Joint 2017, AGI 200,000: 30,000 − 4,000 = 26,000; 60,000 / 150,000 = 0.4; 15,600.
    row("ME", 2017, 30000, 200000, "4000", "15600", filing_status=J, id="me-2017-joint-phase"),
    # Head of household 2016, AGI 150,000: 20,000 − 3,000 = 17,000; 45,000 / 112,500 = 0.4;
    # 10,200.
    row("ME", 2016, 20000, 150000, "3000", "10200", filing_status=H, id="me-2016-head-phase"),
    # Single 2016 at 145,000 or more: all of it phased out.
    row("ME", 2016, 20000, 150000, "3000", "0", filing_status=S, id="me-2016-all-phased-out"),
    # Below 70,000 nothing is phased out: 2017, AGI 60,000: 10,000 − 1,200 = 8,800.
    row("ME", 2017, 10000, 60000, "1200", "8800", id="me-2017-below-every-threshold"),
    # Without a status at 100,000 single and joint differ (0.4 and none): stated, not computed.
    row("ME", 2016, 20000, 100000, "2000", None, id="me-2016-needs-filing-status"),
    # Minnesota 2018 single, AGI 300,000: 30,000 − 6,000 = 24,000; 3% × 109,950 = 3,298.50
    # (80% is 19,200); 20,701.50.
    row("MN", 2018, 30000, 300000, "6000", "20701.50", filing_status=S, id="mn-2018-single"),
    # Separate, 120,000: 10,000 − 2,400 = 7,600; 3% × 24,975 = 749.25; 6,850.75.
    row("MN", 2018, 10000, 120000, "2400", "6850.75", filing_status=MFS, id="mn-2018-separate"),
    # Joint filers are not doubled: 250,000, 20,000 − 5,000 = 15,000; 3% × 59,950 = 1,798.50;
    # 13,201.50.
    row("MN", 2018, 20000, 250000, "5000", "13201.50", filing_status=J, id="mn-2018-joint"),
    # The 80% cap: 2,000,000 single: 50,000 − 40,000 = 10,000; 3% × 1,809,950 = 54,298.50, but
    # at most 8,000; 2,000.
    row("MN", 2018, 50000, 2000000, "40000", "2000", filing_status=S, id="mn-2018-80pct"),
    # Below 95,025 nothing is taken whatever the status: 90,000: 10,000 − 1,800 = 8,200.
    row("MN", 2018, 10000, 90000, "1800", "8200", id="mn-2018-below-every-threshold"),
    # 150,000 without a status: separate would be limited, the others not: stated.
    row("MN", 2018, 10000, 150000, "3000", None, id="mn-2018-needs-filing-status"),
    # 2012 had no cap: 40,000 − 2,000 = 38,000.
    row("ME", 2012, 40000, 100000, "2000", "38000", filing_status=S, id="me-2012-no-cap"),
]


@pytest.mark.parametrize(("code", "year", "loss", "agi", "floor", "counts", "kw"), ROWS)
def test_state_own_limit_worked_by_hand(code, year, loss, agi, floor, counts, kw):
    worked = state(code, year, loss, agi, **kw).amounts
    expected = (D(floor), None if counts is None else D(counts))
    assert worked is not None and (worked.floor, worked.counts) == expected


def test_the_steps_name_each_limit_in_the_forms_order():
    amounts = state("ME", 2015, 50000, 400000, filing_status=S).amounts
    assert amounts.limit_steps == (
        ("federal_overall_limit", D("4252.50")),
        ("maximum_itemized_deduction", D("9397.50")),
    )
    vt = state("VT", 2016, 33000, 150000, filing_status=J).amounts
    assert vt.limit_steps == (("itemized_deduction_cap", D(0)),)


def test_maine_2016_cap_then_phase_out_in_order():
    amounts = state("ME", 2017, 40000, 100000, filing_status=S).amounts
    assert amounts.limit_steps == (
        ("maximum_itemized_deduction", D(9400)),
        ("itemized_phase_out", D(11440)),
    )
    assert state("ME", 2016, 20000, 100000).amounts.needs_filing_status


def test_vermont_above_the_basic_ceiling_is_not_a_filing_status_question():
    # The status is known; what is missing is age or blindness, so no status is asked for.
    amounts = state("VT", 2015, 30000, 100000, filing_status=S).amounts
    assert amounts.counts is None
    assert not amounts.needs_filing_status


def test_a_cap_without_an_amount_is_refused():
    from rules._state_law import read_limit

    class Fail(Exception):
        pass

    class Reader:
        def fail(self, where, message):
            return Fail(f"{where}: {message}")

        def only(self, table, allowed, where):
            pass

        def text(self, table, key, where, required=True):
            return table.get(key, "")

        def decimal(self, table, key, where):
            return D(str(table[key]))

    with pytest.raises(Fail, match="cap_all or cap_<filing status>"):
        read_limit(Reader(), {"id": "x", "kind": "deduction_cap", "values": {"rate": "3"}}, "l")
