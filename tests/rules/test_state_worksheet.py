"""State worksheet: how much of the loss counts on the state return, worked by hand.

Each row cites the form line or statute it rests on and works the arithmetic in a comment.
The sources are in shared/research/law-audit-2026-11.md and the law files' citations.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from rules import AccountType, Answers, FilingStatus, StateStatus, determine

D = Decimal
TODAY = datetime.date(2026, 11, 25)
S, J, H = FilingStatus.SINGLE, FilingStatus.MARRIED_JOINT, FilingStatus.HEAD_OF_HOUSEHOLD
MFS = FilingStatus.MARRIED_SEPARATE


def state(code, year, loss, agi=None, filing_status=None, state_agi=None, account=None):
    """A group closed for 20,000 − loss against 20,000 of basis."""
    answers = Answers(
        account_type=account or AccountType.ROTH_IRA,
        tax_year=year,
        state=code,
        basis=D("20000") if loss <= 20000 else D(loss),
        fully_liquidated=True,
        total_distributions=(D("20000") if loss <= 20000 else D(loss)) - D(loss),
        agi=None if agi is None else D(agi),
        filing_status=filing_status,
        state_agi=None if state_agi is None else D(state_agi),
    )
    return determine(answers, today=TODAY).state


def row(code, year, loss, agi, floor, counts, *, id, **kw):
    return pytest.param(code, year, loss, agi, floor, counts, kw, id=id)


ROWS = [
    # Schedule CA (540) Part II: line 21 other expenses, line 24 = 2% of federal AGI (line 23).
    # 8,000 − 2% × 90,000 = 8,000 − 1,800 = 6,200.
    row("CA", 2020, 8000, 90000, "1800", "6200", id="ca-2020-above-2pct-of-federal-agi"),
    # R&TC §17077, 2024 single threshold 244,857: 6% × (300,000 − 244,857) = 3,308.58, but at
    # most 80% × (8,000 − 6,000) = 1,600; 2,000 − 1,600 = 400.
    row("CA", 2024, 8000, 300000, "6000", "400", filing_status=S, id="ca-2024-17077-80pct-cap"),
    # Joint threshold 489,719 is above 300,000: no reduction; 8,000 − 6,000 = 2,000.
    row("CA", 2024, 8000, 300000, "6000", "2000", filing_status=J, id="ca-2024-joint-below-17077"),
    # Without a filing status the single and joint answers differ: stated, not computed.
    row("CA", 2024, 8000, 300000, "6000", None, id="ca-2024-17077-needs-filing-status"),
    # 2026 thresholds are indexed up from 2025 (lowest 252,203): 200,000 cannot reach them.
    # 8,000 − 4,000 = 4,000.
    row("CA", 2026, 8000, 200000, "4000", "4000", id="ca-2026-agi-below-every-threshold"),
    # §17077 before 2018 (2017 Schedule CA worksheet, single threshold 187,203): loss 20,000,
    # floor 2% × 400,000 = 8,000, 12,000 after it; 6% × (400,000 − 187,203) = 12,767.82, at most
    # 80% × 12,000 = 9,600; 12,000 − 9,600 = 2,400.
    row("CA", 2017, 20000, 400000, "8000", "2400", filing_status=S, id="ca-2017-17077-80pct-cap"),
    # Joint threshold 374,411: 6% × 25,589 = 1,535.34; 12,000 − 1,535.34 = 10,464.66.
    row("CA", 2017, 20000, 400000, "8000", "10464.66", filing_status=J, id="ca-2017-joint-6pct"),
    # 2016's thresholds are not known, but are above 2014's single 176,413: 150,000 cannot reach
    # them. 8,000 − 2% × 150,000 = 5,000.
    row("CA", 2016, 8000, 150000, "3000", "5000", id="ca-2016-agi-below-the-bound"),
    # Above that bound the limit may apply and its threshold is unknown: stated, not computed.
    row("CA", 2016, 8000, 300000, "6000", None, filing_status=S, id="ca-2016-17077-stated-only"),
    # 2005: the statute's base amount for a single filer (100,000) bounds every year from below.
    row("CA", 2005, 8000, 90000, "1800", "6200", id="ca-2005-agi-below-the-base-amount"),
    # 2011: single 166,565 known, the joint figure is not: single computed, joint stated only.
    # 6% × (200,000 − 166,565) = 2,006.10; 8,000 − 4,000 = 4,000; 4,000 − 2,006.10 = 1,993.90.
    row("CA", 2011, 8000, 200000, "4000", "1993.90", filing_status=S, id="ca-2011-single-6pct"),
    row("CA", 2011, 20000, 400000, "8000", None, filing_status=J, id="ca-2011-joint-unknown"),
    # Nothing left above the floor (8,000 − 8,000): nothing for any limit to take, known or not.
    row("CA", 2011, 8000, 400000, "8000", "0", filing_status=J, id="ca-2011-nothing-above-floor"),
    # IT-196: 2% of federal AGI; NY AGI 80,000 is below the §615(f) start: 8,000 − 1,600.
    row("NY", 2022, 8000, 80000, "1600", "6400", id="ny-2022-below-100k"),
    # §615(f)(1), 20 NYCRR §115.5: 25% × (120,000 − 100,000) / 50,000 = 10% of 5,600 = 560.
    row("NY", 2022, 8000, 120000, "2400", "5040", filing_status=S, id="ny-2022-single-above-100k"),
    # Joint filers start at 200,000: no reduction at 120,000; 8,000 − 2,400 = 5,600.
    row("NY", 2022, 8000, 120000, "2400", "5600", filing_status=J, id="ny-2022-joint-below-200k"),
    # Head of household starts at 150,000; at 175,000: 25% × 25,000 / 50,000 = 12.5% of
    # (8,000 − 3,500 = 4,500) = 562.50; 4,500 − 562.50 = 3,937.50.
    row("NY", 2023, 8000, 175000, "3500", "3937.50", filing_status=H, id="ny-2023-head-half-way"),
    # At 300,000 a single filer is below IT-196 line 40's 2024 threshold (330,200) and has the
    # full 25% of §615(f): 8,000 − 6,000 = 2,000; 2,000 − 500 = 1,500.
    row("NY", 2024, 8000, 300000, "6000", "1500", filing_status=S, id="ny-2024-25pct-single"),
    # Married filing separately: line 40 first (threshold 198,100): 3% × 101,900 = 3,057, at most
    # 80% × 2,000 = 1,600; 400 left; then §615(f) 25%: 400 − 100 = 300.
    row("NY", 2024, 8000, 300000, "6000", "300", filing_status=MFS, id="ny-2024-line-40-mfs"),
    # Without a filing status the two disagree: stated, not computed.
    row("NY", 2024, 8000, 300000, "6000", None, id="ny-2024-line-40-needs-filing-status"),
    # Line 40 (2021 single threshold 282,400): 50,000 − 12,000 = 38,000; 3% × 317,600 = 9,528
    # (below 80% × 38,000 = 30,400): 28,472 left; §615(f)(2) above 525,000 takes 50%: 14,236.
    row(
        "NY",
        2021,
        50000,
        600000,
        "12000",
        "14236",
        filing_status=S,
        id="ny-2021-line-40-then-50pct",
    ),
    # Joint (threshold 338,850): 3% × 261,150 = 7,834.50; 30,165.50 left; half is 15,082.75.
    row(
        "NY", 2021, 50000, 600000, "12000", "15082.75", filing_status=J, id="ny-2021-joint-line-40"
    ),
    # 2019's line 40 thresholds are not in our data: above the 2017 federal amounts it is stated.
    row("NY", 2019, 50000, 600000, "12000", None, filing_status=S, id="ny-2019-line-40-unknown"),
    # §615(g): above 1,000,000 only charitable gifts count: 100,000 − 30,000 = 70,000 → 0.
    row("NY", 2023, 100000, 1500000, "30000", "0", id="ny-2023-above-1m-nothing"),
    # HRS §235-2.4(b) kept §67 for 2018–2025 (N-11 Worksheet A-6): 8,000 − 1,200 = 6,800.
    row("HI", 2020, 8000, 60000, "1200", "6800", id="hi-2020-worksheet-a-6"),
    # Alabama Schedule A line 23: 2% of Alabama AGI (Form 40 line 10): 8,000 − 900 = 7,100.
    row("AL", 2021, 8000, 50000, "900", "7100", state_agi=45000, id="al-2021-2pct-of-al-agi"),
    # Without an Alabama AGI, federal AGI stands in (and the worksheet says so): 8,000 − 1,000.
    row("AL", 2021, 8000, 50000, "1000", "7000", id="al-2021-federal-agi-stands-in"),
    # Form AR3 lines 21–25: 2% of Arkansas AGI: 8,000 − 800 = 7,200.
    row("AR", 2019, 8000, 40000, "800", "7200", state_agi=40000, id="ar-2019-ar3-line-24"),
    # K.S.A. 79-32,120(a)(2), KDOR Notice 13-11: 70% of the federal amount after the 2% floor:
    # (4,000 − 1,600) × 70% = 1,680.
    row("KS", 2013, 4000, 80000, "1600", "1680", id="ks-2013-70pct-after-the-floor"),
    # (a)(3): 65% in 2014: (4,000 − 1,600) × 65% = 1,560.
    row("KS", 2014, 4000, 80000, "1600", "1560", id="ks-2014-65pct-after-the-floor"),
    # Minnesota 2018 (IRC as of 12/16/2016, Schedule M1SA, 2% of federal AGI): 8,000 − 2,000;
    # single, as 100,000 is above the separate threshold of M1SA line 28's limit ($95,025).
    row("MN", 2018, 8000, 100000, "2000", "6000", filing_status=S, id="mn-2018-m1sa"),
    # Iowa 2018 (IRC as of 1/1/2015, IA Schedule A, 2% of federal AGI): 8,000 − 2,000.
    row("IA", 2018, 8000, 100000, "2000", "6000", id="ia-2018-ia-schedule-a"),
    # A loss not above the floor counts for nothing: 1,000 − 2% × 80,000 = −600 → 0.
    row("CA", 2019, 1000, 80000, "1600", "0", id="ca-2019-loss-below-the-floor"),
]


@pytest.mark.parametrize(("code", "year", "loss", "agi", "floor", "counts", "kw"), ROWS)
def test_the_amount_that_counts_on_the_state_return(code, year, loss, agi, floor, counts, kw):
    result = state(code, year, loss, agi, **kw)
    assert result.status is StateStatus.DEDUCTIBLE
    assert result.amounts is not None
    assert result.amounts.floor == D(floor)
    assert result.amounts.counts == (None if counts is None else D(counts))


def test_without_agi_the_floor_and_the_amount_are_unknown():
    amounts = state("NY", 2020, 8000).amounts
    assert amounts is not None
    assert amounts.floor is None and amounts.counts is None
    assert amounts.loss == D("8000")


def test_the_state_agi_stand_in_is_flagged_only_where_the_state_uses_its_own_agi():
    assert state("AL", 2021, 8000, 50000).amounts.agi_is_federal_stand_in is True
    assert state("AL", 2021, 8000, 50000, state_agi=45000).amounts.agi_is_federal_stand_in is False
    assert state("CA", 2021, 8000, 50000).amounts.agi_is_federal_stand_in is False


@pytest.mark.parametrize(
    ("code", "year", "deadline", "passed"),
    [
        # N.Y. Tax Law §687(a): 3 years; 2020 return due 2021-04-15 → 2024-04-15.
        pytest.param("NY", 2020, datetime.date(2024, 4, 15), True, id="ny-3-years-passed"),
        pytest.param("NY", 2023, datetime.date(2027, 4, 15), False, id="ny-3-years-open"),
        # R&TC §19306(a): 4 years from the due date; 2021 → 2026-04-15; 2022 → 2027-04-15.
        pytest.param("CA", 2021, datetime.date(2026, 4, 15), True, id="ca-4-years-passed"),
        pytest.param("CA", 2022, datetime.date(2027, 4, 15), False, id="ca-4-years-open"),
        # Minn. Stat. §289A.40: 3½ years from the due date: 2019-04-15 + 3½ → 2022-10-15.
        pytest.param("MN", 2018, datetime.date(2022, 10, 15), True, id="mn-3-and-a-half-years"),
        # La. R.S. 47:1623: 3 years from December 31 of the year the tax was due: 2018 → 2021.
        pytest.param("LA", 2017, datetime.date(2021, 12, 31), True, id="la-from-year-end"),
        # HRS §235-111: 3 years from the due date, April 20: 2021-04-20 → 2024-04-20.
        pytest.param("HI", 2020, datetime.date(2024, 4, 20), True, id="hi-due-april-20"),
        # Iowa Code §422.73: 3 years from the April 30 due date: 2019-04-30 → 2022-04-30.
        pytest.param("IA", 2018, datetime.date(2022, 4, 30), True, id="ia-due-april-30"),
        # Va. Code §58.1-1823: 3 years from the May 1 due date: 2018-05-01 → 2021-05-01.
        pytest.param("VA", 2017, datetime.date(2021, 5, 1), True, id="va-due-may-1"),
        # A.R.S. §42-1106: 4 years from the due date: 2018-04-15 → 2022-04-15.
        pytest.param("AZ", 2017, datetime.date(2022, 4, 15), True, id="az-4-years"),
        # Ala. Code §40-2A-7: 3 years; 2024 return due 2025-04-15 → 2028-04-15, still open.
        pytest.param("AL", 2024, datetime.date(2028, 4, 15), False, id="al-3-years-open"),
    ],
)
def test_the_time_to_claim_a_state_refund(code, year, deadline, passed):
    window = state(code, year, 8000, 60000).refund_window
    assert window is not None
    assert window.deadline == deadline
    assert window.likely_passed is passed


def test_a_state_that_does_not_allow_the_loss_gives_no_refund_window():
    assert state("TX", 2020, 8000, 60000).refund_window is None
    assert state("AZ", 2020, 8000, 60000).refund_window is None


def test_paying_out_is_only_promised_where_the_state_would_allow_it():
    def open_accounts(code, year):
        answers = Answers(AccountType.ROTH_IRA, year, code, D("20000"), False)
        return determine(answers, today=TODAY).state.if_paid_out

    assert open_accounts("CA", 2020) is StateStatus.DEDUCTIBLE
    assert open_accounts("TX", 2020) is None  # no income tax: nothing to promise
    assert open_accounts("AZ", 2020) is StateStatus.NOT_DEDUCTIBLE
