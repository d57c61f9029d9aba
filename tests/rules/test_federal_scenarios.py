"""Federal scenario table: worked by hand from the sources, one row per situation.

Arithmetic: loss = basis − total received, only once every account of the group is paid out
(IRS Pub. 590-B (2017) "Recognizing Losses"; Notice 89-25 Q&A-7; Rev. Rul. 72-305 for plans).
Through 2017: floor = 2% × AGI, allowed = max(0, loss − floor) (IRC §67(a)). 2018–2025: none
(IRC §67(g)). 2026 on: none (Pub. L. 119-21 §70110). Brokerage: capital loss, up to 3,000 a
year against other income, the rest carried forward (IRC §§1211(b), 1212(b)).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rules import AccountGroup, AccountType, Answers, FederalReason, FilingStatus, determine

D = Decimal
T = AccountType
R = FederalReason


def row(
    kind,
    year,
    basis,
    received,
    paid_out,
    agi,
    reason,
    deductible,
    loss,
    floor,
    after,
    *,
    id,
    **extra,
):
    answers = Answers(
        account_type=kind,
        tax_year=year,
        state="FL",
        basis=D(basis),
        fully_liquidated=paid_out,
        total_distributions=None if received is None else D(received),
        agi=None if agi is None else D(agi),
        **extra,
    )
    expected = (reason, deductible, *(None if v is None else D(v) for v in (loss, floor, after)))
    return pytest.param(answers, expected, id=id)


SCENARIOS = [
    # --- Every account type in the allowed years (2017): 12,000 − 10,000 = 2,000; 2% × 50,000 = 1,000.
    row(
        T.TRADITIONAL_IRA,
        2017,
        "12000",
        "10000",
        True,
        "50000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        "1000",
        "1000",
        id="traditional-ira-2017-fed-row-1",
    ),
    row(
        T.SEP_IRA,
        2017,
        "12000",
        "10000",
        True,
        "50000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        "1000",
        "1000",
        id="sep-ira-2017-same-group-as-traditional",
    ),
    row(
        T.SIMPLE_IRA,
        2017,
        "12000",
        "10000",
        True,
        "50000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        "1000",
        "1000",
        id="simple-ira-2017-same-group-as-traditional",
    ),
    # federal.md row 2: Roth 25,000 − 22,000 = 3,000; floor 1,000; 2,000 left.
    row(
        T.ROTH_IRA,
        2017,
        "25000",
        "22000",
        True,
        "50000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "3000",
        "1000",
        "2000",
        id="roth-ira-2017-fed-row-2",
    ),
    # federal.md row 13: designated Roth account 30,000 − 24,000 = 6,000; 2% × 100,000 = 2,000; 4,000.
    row(
        T.ROTH_401K,
        2017,
        "30000",
        "24000",
        True,
        "100000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "6000",
        "2000",
        "4000",
        id="roth-401k-2017-fed-row-13",
    ),
    row(
        T.ROTH_403B,
        2017,
        "30000",
        "24000",
        True,
        "100000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "6000",
        "2000",
        "4000",
        id="roth-403b-2017",
    ),
    row(
        T.ROTH_457B,
        2017,
        "30000",
        "24000",
        True,
        "100000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "6000",
        "2000",
        "4000",
        id="roth-457b-2017",
    ),
    # Rev. Rul. 72-305: after-tax contributions 20,000, cash out 18,000 → 2,000; 2% × 80,000 = 1,600; 400.
    row(
        T.TRADITIONAL_401K,
        2017,
        "20000",
        "18000",
        True,
        "80000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        "1600",
        "400",
        id="401k-after-tax-2017",
    ),
    row(
        T.TRADITIONAL_403B,
        2017,
        "20000",
        "18000",
        True,
        "80000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        "1600",
        "400",
        id="403b-after-tax-2017",
    ),
    row(
        T.GOVERNMENTAL_457B,
        2017,
        "20000",
        "18000",
        True,
        "80000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        "1600",
        "400",
        id="457b-after-tax-2017",
    ),
    # --- Floor larger than the loss (federal.md rows 3, 4).
    row(
        T.ROTH_IRA,
        2017,
        "5000",
        "4500",
        True,
        "60000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "500",
        "1200",
        "0",
        id="roth-2017-loss-absorbed-by-floor",
    ),
    row(
        T.TRADITIONAL_IRA,
        2017,
        "8000",
        "2000",
        True,
        "400000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "6000",
        "8000",
        "0",
        id="trad-2017-high-agi-floor-exceeds-loss",
    ),
    # Roth closed, traditional open: groups separate (federal.md row 11): 10,000 − 6,000 = 4,000; 600; 3,400.
    row(
        T.ROTH_IRA,
        2017,
        "10000",
        "6000",
        True,
        "30000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "4000",
        "600",
        "3400",
        id="roth-closed-traditional-open-2017",
    ),
    # Early years of the range: same regime (2% floor) back to 2000.
    row(
        T.TRADITIONAL_IRA,
        2000,
        "10000",
        "7000",
        True,
        "40000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "3000",
        "800",
        "2200",
        id="trad-2000-first-supported-year",
    ),
    row(
        T.ROTH_IRA,
        2008,
        "15000",
        "9000",
        True,
        "100000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "6000",
        "2000",
        "4000",
        id="roth-2008-market-crash-close-out",
    ),
    # Inherited IRA stands alone (federal.md row 20): 4,000 − 3,000 = 1,000; 600; 400.
    row(
        T.TRADITIONAL_IRA,
        2017,
        "4000",
        "3000",
        True,
        "30000",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "1000",
        "600",
        "400",
        id="inherited-ira-2017",
        inherited=True,
    ),
    # Without AGI the floor is not guessed.
    row(
        T.TRADITIONAL_IRA,
        2015,
        "12000",
        "10000",
        True,
        None,
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000",
        None,
        None,
        id="trad-2015-no-agi-no-floor",
    ),
    # Cents: 20,000.50 − 18,000.25 = 2,000.25; 2% × 12,345.67 = 246.9134; 1,753.3366 left.
    row(
        T.ROTH_IRA,
        2016,
        "20000.50",
        "18000.25",
        True,
        "12345.67",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "2000.25",
        "246.9134",
        "1753.3366",
        id="roth-2016-cents-kept-exact",
    ),
    # --- Boundaries 2017/2018 and 2025/2026 (federal.md rows 5–7).
    row(
        T.ROTH_IRA,
        2018,
        "25000",
        "22000",
        True,
        "50000",
        R.SUSPENDED_2018_2025,
        False,
        "3000",
        None,
        None,
        id="roth-2018-suspended-fed-row-5",
    ),
    row(
        T.TRADITIONAL_IRA,
        2025,
        "12000",
        "10000",
        True,
        "50000",
        R.SUSPENDED_2018_2025,
        False,
        "2000",
        None,
        None,
        id="trad-2025-suspended-fed-row-6",
    ),
    row(
        T.ROTH_IRA,
        2026,
        "25000",
        "22000",
        True,
        "50000",
        R.REPEALED_2026_ONWARD,
        False,
        "3000",
        None,
        None,
        id="roth-2026-not-revived-fed-row-7",
    ),
    row(
        T.TRADITIONAL_401K,
        2027,
        "20000",
        "18000",
        True,
        None,
        R.REPEALED_2026_ONWARD,
        False,
        "2000",
        None,
        None,
        id="401k-2027-planning-year",
    ),
    row(
        T.ROTH_401K,
        2020,
        "30000",
        "24000",
        True,
        "100000",
        R.SUSPENDED_2018_2025,
        False,
        "6000",
        None,
        None,
        id="roth-401k-2020-suspended",
    ),
    row(
        T.GOVERNMENTAL_457B,
        2022,
        "5000",
        "1000",
        True,
        None,
        R.SUSPENDED_2018_2025,
        False,
        "4000",
        None,
        None,
        id="457b-2022-suspended",
    ),
    row(
        T.SEP_IRA,
        2026,
        "9000",
        "100",
        True,
        "70000",
        R.REPEALED_2026_ONWARD,
        False,
        "8900",
        None,
        None,
        id="sep-2026-repealed",
    ),
    row(
        T.SIMPLE_IRA,
        2019,
        "3000",
        "2500",
        True,
        None,
        R.SUSPENDED_2018_2025,
        False,
        "500",
        None,
        None,
        id="simple-2019-suspended",
    ),
    row(
        T.ROTH_403B,
        2026,
        "10000",
        "0",
        True,
        None,
        R.REPEALED_2026_ONWARD,
        False,
        "10000",
        None,
        None,
        id="roth-403b-2026-worthless",
    ),
    # --- The three conditions, in order: no basis, not all paid out, no loss.
    row(
        T.TRADITIONAL_IRA,
        2017,
        "0",
        "5000",
        True,
        "40000",
        R.NO_BASIS,
        False,
        "0",
        None,
        None,
        id="trad-2017-no-basis-fed-row-9",
    ),
    row(
        T.TRADITIONAL_401K,
        2020,
        "0",
        "18000",
        True,
        None,
        R.NO_BASIS,
        False,
        "0",
        None,
        None,
        id="pre-tax-401k-cash-out-2020",
    ),
    row(
        T.TRADITIONAL_IRA,
        2017,
        "0",
        None,
        False,
        None,
        R.NO_BASIS,
        False,
        None,
        None,
        None,
        id="no-basis-comes-before-not-paid-out",
    ),
    row(
        T.TRADITIONAL_IRA,
        2017,
        "12000",
        None,
        False,
        "50000",
        R.NOT_FULLY_LIQUIDATED,
        False,
        None,
        None,
        None,
        id="trad-2017-sep-still-open-fed-row-10",
    ),
    row(
        T.ROTH_IRA,
        2018,
        "25000",
        "10000",
        False,
        "50000",
        R.NOT_FULLY_LIQUIDATED,
        False,
        None,
        None,
        None,
        id="roth-2018-partial-withdrawal-fed-row-19",
    ),
    row(
        T.ROTH_401K,
        2017,
        "30000",
        "24000",
        False,
        "100000",
        R.NOT_FULLY_LIQUIDATED,
        False,
        None,
        None,
        None,
        id="roth-401k-rolled-to-roth-ira-fed-row-14",
        rolled_over=True,
    ),
    row(
        T.TRADITIONAL_IRA,
        2017,
        "10000",
        "10000",
        True,
        "40000",
        R.NO_LOSS,
        False,
        "0",
        None,
        None,
        id="received-equals-basis-fed-row-8",
    ),
    row(
        T.TRADITIONAL_401K,
        2017,
        "20000",
        "68000",
        True,
        "80000",
        R.NO_LOSS,
        False,
        "0",
        None,
        None,
        id="article-401k-68k-received-fed-row-12",
    ),
    row(
        T.ROTH_IRA,
        2026,
        "5000",
        "5000.01",
        True,
        None,
        R.NO_LOSS,
        False,
        "0",
        None,
        None,
        id="one-cent-more-than-basis",
    ),
    row(
        T.ROTH_IRA,
        2017,
        "5000.01",
        "5000",
        True,
        "0",
        R.ALLOWED_MISC_ITEMIZED,
        True,
        "0.01",
        "0",
        "0.01",
        id="one-cent-short-zero-agi",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), SCENARIOS)
def test_federal_scenarios(answers, expected):
    federal = determine(answers).federal
    got = (
        federal.reason,
        federal.deductible,
        federal.loss,
        federal.floor,
        federal.deductible_after_floor,
    )
    assert got == expected


BROKERAGE = [
    # federal.md row 17: cost 20,000, sold for 12,000 → 8,000; 3,000 this year, 5,000 carried.
    pytest.param(
        2020,
        "20000",
        "12000",
        True,
        True,
        "8000",
        "3000",
        "5000",
        id="brokerage-2020-8k-loss-3k-now-5k-later",
    ),
    pytest.param(
        2026,
        "20000",
        "12000",
        True,
        True,
        "8000",
        "3000",
        "5000",
        id="brokerage-2026-unchanged-by-obbba",
    ),
    pytest.param(
        2017,
        "5000",
        "4000",
        True,
        True,
        "1000",
        "1000",
        "0",
        id="brokerage-2017-small-loss-all-now",
    ),
    pytest.param(
        2020, "10000", "15000", True, False, "0", None, None, id="brokerage-gain-is-no-loss"
    ),
    pytest.param(
        2020, "10000", None, False, False, None, None, None, id="brokerage-unsold-drop-is-no-loss"
    ),
]


def test_married_filing_separately_deducts_1500_a_year():
    # federal.md row 18 / IRC §1211(b): MFS limit 1,500; 8,000 loss → 1,500 now, 6,500 carried.
    federal = determine(
        Answers(
            account_type=T.TAXABLE_BROKERAGE,
            tax_year=2017,
            state="TX",
            basis=D("20000"),
            fully_liquidated=True,
            total_distributions=D("12000"),
            filing_status=FilingStatus.MARRIED_SEPARATE,
        )
    ).federal
    assert (federal.capital_loss_this_year, federal.capital_loss_carryover) == (
        D("1500"),
        D("6500"),
    )


def test_the_overall_limit_note_uses_the_filing_status_threshold():
    # IRC §68, 2017 applicable amounts: MFJ 313,800; single 261,500. AGI 300,000 is above the
    # single threshold but below the joint one. Loss 20,000 − floor 6,000 = 14,000 to limit.
    def noted(status):
        answers = Answers(
            T.ROTH_IRA, 2017, "FL", D("25000"), True, D("5000"), D("300000"), filing_status=status
        )
        codes = {s.code for s in determine(answers).federal.statements}
        return bool(codes & {"overall_limit", "overall_limit_computed"})

    assert noted(FilingStatus.SINGLE) is True
    assert noted(FilingStatus.MARRIED_JOINT) is False


@pytest.mark.parametrize(
    ("year", "cost", "proceeds", "sold", "deductible", "loss", "now", "later"), BROKERAGE
)
def test_brokerage_losses_are_capital_losses_in_every_year(
    year, cost, proceeds, sold, deductible, loss, now, later
):
    federal = determine(
        Answers(
            account_type=T.TAXABLE_BROKERAGE,
            tax_year=year,
            state="TX",
            basis=D(cost),
            fully_liquidated=sold,
            total_distributions=None if proceeds is None else D(proceeds),
        )
    ).federal
    assert federal.reason is R.CAPITAL_LOSS
    assert federal.group is AccountGroup.BROKERAGE
    assert federal.deductible is deductible
    assert federal.loss == (None if loss is None else D(loss))
    assert federal.capital_loss_this_year == (None if now is None else D(now))
    assert federal.capital_loss_carryover == (None if later is None else D(later))
    assert federal.floor is None


def codes(answers: Answers) -> set[str]:
    return {s.code for s in determine(answers).federal.statements}


def base(**kw) -> Answers:
    values = dict(
        account_type=T.ROTH_IRA,
        tax_year=2017,
        state="FL",
        basis=D("25000"),
        fully_liquidated=True,
        total_distributions=D("22000"),
        agi=D("50000"),
    )
    values.update(kw)
    return Answers(**values)


@pytest.mark.parametrize(
    ("answers", "present", "absent"),
    [
        pytest.param(
            base(),
            {
                "refund_time_limit",
                "amt_addback",
                "itemizing_required",
                "myth_capital_loss",
                "myth_nol",
            },
            {"myth_returns_2026"},
            id="2017-notes-time-limit-amt-itemizing",
        ),
        pytest.param(
            base(tax_year=2026),
            {"myth_returns_2026", "myth_capital_loss", "myth_close_together"},
            {"refund_time_limit", "amt_addback", "annuity_72b3", "myth_wash_sale_ira"},
            id="2026-answers-the-returns-in-2026-myth",
        ),
        # IRC §72(b)(3) is about annuity payments that stop at death: a plan or an inherited
        # account can have them, an owner's own Roth IRA cannot (above).
        pytest.param(
            base(account_type=T.TRADITIONAL_401K, tax_year=2020),
            {"annuity_72b3", "myth_theft_ira", "myth_earnings_basis"},
            {"myth_close_together", "myth_partnership_in_ira"},
            id="plan-loss-gets-the-annuity-note-not-the-ira-myths",
        ),
        pytest.param(
            base(account_type=T.TRADITIONAL_IRA, inherited=True, tax_year=2020),
            {"annuity_72b3", "myth_partnership_in_ira"},
            {"myth_close_together"},
            id="inherited-ira-gets-the-annuity-note",
        ),
        pytest.param(
            base(fully_liquidated=False, total_distributions=None),
            {"myth_market_drop", "not_fully_liquidated", "records_open"},
            {"loss_amount", "records_ira"},  # no final distribution yet: no 1099-R to keep
            id="open-accounts-answer-the-market-drop-myth",
        ),
        pytest.param(
            base(age_at_distribution=D("45")),
            {"early_withdrawal_72t"},
            set(),
            id="under-59-and-a-half-gets-the-72t-note",
        ),
        pytest.param(
            base(age_at_distribution=D("59.5")),
            set(),
            {"early_withdrawal_72t"},
            id="at-59-and-a-half-no-72t-note",
        ),
        # IRC §68: 2017 single threshold 261,500; MFS 156,900 is the lowest, so AGI 200,000 may be reduced.
        pytest.param(
            base(agi=D("200000")), {"overall_limit"}, set(), id="2017-agi-above-a-68-threshold"
        ),
        pytest.param(
            base(agi=D("100000")), set(), {"overall_limit"}, id="2017-agi-below-every-68-threshold"
        ),
        pytest.param(
            base(
                account_type=T.ROTH_401K,
                fully_liquidated=False,
                rolled_over=True,
                total_distributions=None,
            ),
            {"rollover_not_distribution", "group_employer_roth"},
            set(),
            id="rollover-moves-the-basis",
        ),
        pytest.param(
            base(account_type=T.TRADITIONAL_IRA, inherited=True),
            {"group_inherited_ira"},
            {"group_traditional_iras"},
            id="inherited-ira-is-its-own-group",
        ),
        pytest.param(
            base(account_type=T.TRADITIONAL_401K),
            {"group_employer_plan", "records_plan"},
            {"records_ira"},
            id="plan-records-are-the-1099r",
        ),
    ],
)
def test_the_statements_that_apply_to_the_answers(answers, present, absent):
    found = codes(answers)
    assert present <= found
    assert not (absent & found)
