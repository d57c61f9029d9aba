"""Should I close it? (issue 21) Each row worked by hand from the sources named beside it.

The loss is basis − value now (IRS Pub. 590-B: total distributions less than unrecovered basis);
the state counts it above its floor (Cal. R&TC §17076, N.Y. Tax Law §615, Ark. Code §26-51-437,
Ala. Code §40-18-15); the tax saved is the state's tax on taxable income without the loss minus
with it, each with the larger of the standard deduction and the itemized deductions; early
payouts: IRC §72(t), §408A(d)(3)(F) and (d)(4)(B), Cal. R&TC §17085(c)(1).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rules import AccountType, Answers, FilingStatus, PlanFigures, determine

D = Decimal
S = FilingStatus.SINGLE


def plan(account_type=AccountType.ROTH_IRA, *, state="CA", basis="30000", value="21000",
         agi="80000", status=S, age="45", year=2026, inherited=False, state_agi=None,
         **figures):  # fmt: skip
    answers = Answers(
        account_type=account_type,
        tax_year=year,
        state=state,
        basis=D(basis),
        fully_liquidated=False,
        agi=None if agi is None else D(agi),
        state_agi=None if state_agi is None else D(state_agi),
        filing_status=status,
        age_at_distribution=None if age is None else D(age),
        inherited=inherited,
        plan=PlanFigures(value_now=D(value), **figures),
    )
    return determine(answers).closing_plan


def test_california_roth_the_issue_s_los_angeles_case():
    # Basis 30,000, worth 21,000: loss 9,000. California floor 2% × 80,000 = 1,600 → 7,400.
    # 2025 Schedule X: without the loss TI = 80,000 − 5,706 (standard) = 74,294, with it
    # 80,000 − 7,400 = 72,600. 74,294 − 72,724 = 1,570 at 9.3% = 146.01, and
    # 72,724 − 72,600 = 124 at 8% = 9.92: 155.93 saved.
    p = plan()
    assert p.loss == D(9000)
    assert p.saving.counts == D(7400)
    assert p.saving.itemizes
    assert p.saving.tax_saved == D("155.93")
    assert p.saving.schedule_year == 2025  # California publishes 2026 figures late
    assert p.cost_now == 0  # below basis nothing is taxable: no 10%, no 2½%
    # 45 → 65: 20 years. 21,000 × 1.04^20 = 46,013.59; × 1.07^20 = 81,263.37.
    assert [g.given_up for g in p.growth] == [D("25013.59"), D("60263.37")]
    assert p.can_put_back == D(7500)  # IRA limit 2026 (Notice 2025-67), under 50


def test_roth_conversion_under_five_years_under_59_and_a_half():
    # federal.md row 16, in 2026: 10,000 regular + 20,000 converted in 2024; worth 25,000.
    # Payouts: the 10,000 regular contributions first, then 15,000 of the conversion:
    # §408A(d)(3)(F) 10% on 15,000 = 1,500; California 2½% on the same = 375.
    p = plan(basis="30000", value="25000", recent_conversions=D(20000))
    assert p.loss == D(5000)
    assert (p.early_tax_base, p.early_tax, p.state_early_tax) == (D(15000), D(1500), D(375))
    assert p.money_now == D(25000) - D(1875)


def test_a_conversion_the_payout_does_not_reach_costs_nothing():
    # 25,000 regular + 5,000 converted; worth 21,000: all of it regular contributions.
    p = plan(value="21000", recent_conversions=D(5000))
    assert p.early_tax_base == 0 and p.early_tax == 0
    assert "plan_conversion_not_reached" in [s.code for s in p.statements]


def test_a_conversion_at_60_owes_no_additional_tax():
    p = plan(value="25000", recent_conversions=D(20000), age="60")
    assert p.early_tax_base == D(15000) and p.early_tax == 0 and p.state_early_tax == 0
    assert p.under_early_age is False


def test_new_york_standard_deduction_beats_the_loss_alone_but_not_with_other_deductions():
    # Counts 9,000 − 2% × 80,000 = 7,400 < New York's 8,000 standard deduction: saves nothing.
    assert plan(state="NY").saving.tax_saved == 0
    # With 5,000 of other itemized deductions: 12,400 against 8,000, so taxable income falls
    # from 72,000 to 67,600, all in the 5.4% bracket (13,900–80,650): 4,400 × 5.4% = 237.60.
    p = plan(state="NY", other_itemized=D(5000))
    assert p.saving.itemizes and p.saving.tax_saved == D("237.60")


def test_a_state_with_no_income_tax_gains_nothing():
    p = plan(state="TX")
    assert p.loss == D(9000) and p.saving is None and not p.state_counts_loss


def test_an_inherited_ira_grows_at_most_ten_years_and_nothing_goes_back():
    # Inherited traditional IRA, basis 20,000, worth 12,000, heir aged 40: 10 years, not 25
    # (IRC 401(a)(9)(H)); 12,000 × (1.04^10 − 1) = 5,762.93; no contributions (IRC 219(d)(4)).
    p = plan(AccountType.TRADITIONAL_IRA, state="AL", basis="20000", value="12000",
             age="40", inherited=True)  # fmt: skip
    assert p.growth[0].years == 10 and p.growth[0].given_up == D("5762.93")
    assert p.can_put_back == 0
    assert p.early_tax == 0


def test_a_plan_in_arkansas_over_60_uses_the_state_agi_for_the_floor():
    # 401(k) with 50,000 after-tax basis worth 40,000: loss 10,000; Arkansas floor 2% of its
    # own AGI 55,000 = 1,100 → 8,900 counts. Elective deferrals at 62 (ages 60–63): 24,500 +
    # 11,250 = 35,750 (IRC 414(v)(2)(E), Notice 2025-67).
    p = plan(AccountType.TRADITIONAL_401K, state="AR", basis="50000", value="40000",
             agi="60000", state_agi="55000", age="62")  # fmt: skip
    assert p.saving.counts == D(8900)
    assert p.can_put_back == D(35750)


def test_worth_at_least_the_basis_creates_no_loss():
    p = plan(value="30000")
    assert p.loss is None and p.saving is None
    assert [s.code for s in p.statements] == ["plan_no_loss"]


@pytest.mark.parametrize("missing", ["agi", "status"])
def test_without_income_or_status_the_tax_saved_is_not_guessed(missing):
    p = plan(**{missing: None})
    assert p.saving.counts is None or p.saving.tax_saved is None
    assert p.saving.missing == {"agi": "agi", "status": "filing_status"}[missing]


def test_a_year_already_past_gets_no_plan():
    assert plan(year=2025) is None


def test_without_an_age_growth_is_over_twenty_years():
    p = plan(age=None)
    assert p.growth[0].years == 20 and p.under_early_age is None


def test_alabama_traditional_ira_with_basis():
    # Traditional IRAs with 20,000 of nondeductible contributions, worth 12,000: loss 8,000;
    # Alabama floor 2% of 50,000 (its own AGI not given: the federal one) = 1,000 → 7,000.
    # Alabama: exemption 1,500, standard deduction 2,500 at AGI 50,000 (chart's floor). Without
    # the loss TI = 50,000 − 1,500 − 2,500 = 46,000: 2% × 500 + 4% × 2,500 + 5% × 43,000 =
    # 2,260; with it 50,000 − 1,500 − 7,000 = 41,500 → 2,035. Saved 225. Paid out below the
    # basis, the whole 12,000 is nontaxable (Form 8606 line 10 capped at 1.000): no 10% at 50.
    p = plan(AccountType.TRADITIONAL_IRA, state="AL", basis="20000", value="12000",
             agi="50000", age="50")  # fmt: skip
    assert p.saving.counts == D(7000)
    assert (p.saving.tax_without, p.saving.tax_with, p.saving.tax_saved) == (
        D(2260),
        D(2035),
        D(225),
    )
    assert p.cost_now == 0 and "plan_nothing_taxable" in [s.code for s in p.statements]
    assert p.can_put_back == D(8600)  # 7,500 + 1,100 catch-up at 50


def test_a_plan_worth_nothing_loses_the_whole_basis_in_california():
    # 401(k) with 20,000 after-tax basis, worth 0: loss 20,000; floor 2% × 50,000 = 1,000 →
    # 19,000. Schedule X: 44,294 → 31,000 of taxable income: 2,842 at 6% = 170.52 and
    # 10,452 at 4% = 418.08; saved 588.60.
    p = plan(AccountType.TRADITIONAL_401K, basis="20000", value="0", agi="50000", age="50")
    assert p.loss == D(20000) and p.saving.counts == D(19000)
    assert p.saving.tax_saved == D("588.60")


def test_an_open_account_is_not_told_you_were_under_59_and_a_half():
    # "You were under 59½" speaks of a payout that happened; with the accounts open the age is
    # the age now, and the planner's own statements word the additional tax for a payout to come.
    d = determine(
        Answers(
            account_type=AccountType.ROTH_IRA,
            tax_year=2026,
            state="CA",
            basis=D(30000),
            fully_liquidated=False,
            age_at_distribution=D(45),
            plan=PlanFigures(value_now=D(21000)),
        )
    )
    assert "early_withdrawal_72t" not in [s.code for s in d.federal.statements]
