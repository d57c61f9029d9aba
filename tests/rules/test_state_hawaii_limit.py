"""Hawaii's overall limit on itemized deductions (HRS §235-2.4(c)), worked by hand.

Form N-11 instructions (2018–2025), Total Itemized Deductions Worksheet, with the loss as the
only itemized deduction (none of it protected): line 5 = 80% of it; line 8 = Hawaii AGI (line 6)
minus $166,800 ($83,400 married filing separately; joint filers not doubled, line 7); line 9 =
3% of line 8; line 10 = the smaller of lines 5 and 9; line 11 = what is left. The deduction it
starts from is the loss above 2% of Hawaii AGI (Worksheet A-6). Before 2018 the thresholds were
not read on Hawaii's forms: above a lower bound the limit is stated, not computed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.rules.test_state_worksheet import MFS, H, J, S, row, state

D = Decimal

ROWS = [
    # 2022 single, Hawaii AGI 250,000: 20,000 − 5,000 = 15,000; 3% × 83,200 = 2,496 (80% is
    # 12,000); 15,000 − 2,496 = 12,504.
    row("HI", 2022, 20000, 250000, "5000", "12504", filing_status=S, id="hi-2022-single"),
    # The same with a federal AGI of 260,000 and Hawaii AGI 250,000: both steps use Hawaii AGI
    # (N-11 line 20), not the 5,200 floor and 2,796 reduction federal AGI would give.
    row(
        "HI",
        2022,
        20000,
        260000,
        "5000",
        "12504",
        filing_status=S,
        state_agi=250000,
        id="hi-2022-hawaii-agi-for-floor-and-limit",
    ),
    # 2023 joint, 300,000: 40,000 − 6,000 = 34,000; 3% × 133,200 = 3,996; 30,004.
    row("HI", 2023, 40000, 300000, "6000", "30004", filing_status=J, id="hi-2023-joint"),
    # 2024 separate, 120,000: 10,000 − 2,400 = 7,600; 3% × 36,600 = 1,098; 6,502.
    row("HI", 2024, 10000, 120000, "2400", "6502", filing_status=MFS, id="hi-2024-separate"),
    # Joint filers are not doubled: 2021 joint, 200,000: 10,000 − 4,000 = 6,000; 3% × 33,200 =
    # 996; 5,004.
    row("HI", 2021, 10000, 200000, "4000", "5004", filing_status=J, id="hi-2021-joint-not-doubled"),
    # Below the threshold: 2021 single, 160,000: 10,000 − 3,200 = 6,800, no reduction.
    row("HI", 2021, 10000, 160000, "3200", "6800", filing_status=S, id="hi-2021-below-166800"),
    # The 80% cap binds: 2019 single, 1,000,000: 22,000 − 20,000 = 2,000; 3% × 833,200 = 24,996,
    # but at most 80% × 2,000 = 1,600; 2,000 − 1,600 = 400.
    row("HI", 2019, 22000, 1000000, "20000", "400", filing_status=S, id="hi-2019-80pct-cap"),
    # 2025 head of household, 250,000: as the single case, 12,504.
    row("HI", 2025, 20000, 250000, "5000", "12504", filing_status=H, id="hi-2025-head"),
    # Without a filing status, 150,000 is above the separate threshold only: the statuses
    # disagree (6,000 vs 6,000 − 3% × 66,600 = 4,002), so it is stated, not computed.
    row("HI", 2022, 9000, 150000, "3000", None, id="hi-2022-needs-filing-status"),
    # 80,000 is below every threshold: 8,000 − 1,600 = 6,400 whatever the status.
    row("HI", 2022, 8000, 80000, "1600", "6400", id="hi-2022-below-every-threshold"),
    # 2010–2017: the limit cannot start below $83,400; 80,000: 8,000 − 1,600 = 6,400.
    row("HI", 2016, 8000, 80000, "1600", "6400", filing_status=S, id="hi-2016-below-the-bound"),
    # Above it the thresholds of those years were not read: stated, not computed.
    row("HI", 2016, 20000, 250000, "5000", None, filing_status=S, id="hi-2016-stated-only"),
    # 2000–2009: the federal 2000 separate amount (64,475) bounds them: 60,000 → 8,000 − 1,200.
    row("HI", 2005, 8000, 60000, "1200", "6800", filing_status=S, id="hi-2005-below-the-bound"),
    row("HI", 2005, 20000, 250000, "5000", None, filing_status=S, id="hi-2005-stated-only"),
]


@pytest.mark.parametrize(("code", "year", "loss", "agi", "floor", "counts", "kw"), ROWS)
def test_hawaii_total_itemized_deductions_worksheet(code, year, loss, agi, floor, counts, kw):
    amounts = state(code, year, loss, agi, **kw).amounts
    assert amounts is not None
    assert amounts.floor == D(floor)
    assert amounts.counts == (None if counts is None else D(counts))


def test_the_worksheet_names_the_hawaii_limit():
    amounts = state("HI", 2022, 20000, 250000, filing_status=S).amounts
    assert amounts.limit_id == "overall_limit_68"
    assert amounts.limit_steps == (("overall_limit_68", D("2496")),)


def test_from_2026_there_is_nothing_to_limit():
    assert state("HI", 2026, 20000, 250000, filing_status=S).amounts is None
