"""The classic example table and the regime boundaries, worked by hand from the sources.

Sources: IRS Publication 590-B (2017), "Recognizing Losses"; IRC §67(a) (2% floor); IRC §67(g)
(TCJA §11045, suspended 2018–2025); Pub. L. 119-21 §70110 (permanent from 2026).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rules import AccountType, Answers, FederalReason, determine

D = Decimal


def answers(**overrides: object) -> Answers:
    base: dict[str, object] = {
        "account_type": AccountType.TRADITIONAL_IRA,
        "tax_year": 2017,
        "state": "TX",
        "basis": D("20000"),
        "fully_liquidated": True,
        "total_distributions": D("18000"),
        "agi": D("50000"),
    }
    base.update(overrides)
    return Answers(**base)  # type: ignore[arg-type]


CLASSIC = [
    pytest.param(
        # Market drop, nothing withdrawn: no basis question even matters; the accounts are open.
        answers(basis=D("20000"), fully_liquidated=False, total_distributions=None),
        False,
        FederalReason.NOT_FULLY_LIQUIDATED,
        None,
        None,
        None,
        id="market-drop-no-withdrawal-is-not-a-loss",
    ),
    pytest.param(
        # All pre-tax 401(k) cashed out for 18,000: basis 0, so no loss (Pub. 590-B basis rule).
        answers(account_type=AccountType.TRADITIONAL_401K, basis=D("0")),
        False,
        FederalReason.NO_BASIS,
        D("0"),
        None,
        None,
        id="all-pre-tax-401k-cash-out-has-no-basis",
    ),
    pytest.param(
        # 2017: 20,000 − 18,000 = 2,000 loss; floor 2% × 50,000 = 1,000; 2,000 − 1,000 = 1,000.
        answers(),
        True,
        FederalReason.ALLOWED_MISC_ITEMIZED,
        D("2000"),
        D("1000"),
        D("1000"),
        id="2017-basis-20k-got-18k-deductible-above-floor",
    ),
    pytest.param(
        # 2018: same 2,000 economic loss, but §67(g) disallows it; no floor applies.
        answers(tax_year=2018),
        False,
        FederalReason.SUSPENDED_2018_2025,
        D("2000"),
        None,
        None,
        id="2018-basis-20k-got-18k-suspended",
    ),
]


@pytest.mark.parametrize(("given", "deductible", "reason", "loss", "floor", "after_floor"), CLASSIC)
def test_classic_example_table(given, deductible, reason, loss, floor, after_floor):
    federal = determine(given).federal
    assert federal.deductible is deductible
    assert federal.reason is reason
    assert federal.loss == loss
    assert federal.floor == floor
    assert federal.deductible_after_floor == after_floor


BOUNDARIES = [
    pytest.param(2017, FederalReason.ALLOWED_MISC_ITEMIZED, True, id="2017-last-year-allowed"),
    pytest.param(2018, FederalReason.SUSPENDED_2018_2025, False, id="2018-first-year-suspended"),
    pytest.param(2025, FederalReason.SUSPENDED_2018_2025, False, id="2025-last-year-suspended"),
    pytest.param(2026, FederalReason.REPEALED_2026_ONWARD, False, id="2026-does-not-come-back"),
]


@pytest.mark.parametrize(("year", "reason", "deductible"), BOUNDARIES)
def test_regime_boundaries_keep_the_economic_loss(year, reason, deductible):
    # Roth IRA, 25,000 basis, 22,000 received: loss 3,000 in every year (federal.md rows 2, 5, 7).
    federal = determine(
        answers(
            account_type=AccountType.ROTH_IRA,
            tax_year=year,
            basis=D("25000"),
            total_distributions=D("22000"),
        )
    ).federal
    assert federal.reason is reason
    assert federal.deductible is deductible
    assert federal.loss == D("3000")


def test_a_loss_smaller_than_the_floor_leaves_nothing_after_it():
    # federal.md row 3: 5,000 − 4,500 = 500; floor 2% × 60,000 = 1,200 > 500, so 0 is left.
    federal = determine(
        answers(basis=D("5000"), total_distributions=D("4500"), agi=D("60000"))
    ).federal
    assert (federal.loss, federal.floor, federal.deductible_after_floor) == (
        D("500"),
        D("1200"),
        D("0"),
    )


def test_without_agi_the_floor_is_not_guessed():
    federal = determine(answers(agi=None)).federal
    assert federal.reason is FederalReason.ALLOWED_MISC_ITEMIZED
    assert federal.floor is None and federal.deductible_after_floor is None
    assert "floor_needs_agi" in {s.code for s in federal.statements}


def test_receiving_exactly_the_basis_is_no_loss():
    # federal.md row 8: 10,000 basis, 10,000 received → no loss; the distribution is tax-free.
    federal = determine(answers(basis=D("10000"), total_distributions=D("10000"))).federal
    assert federal.reason is FederalReason.NO_LOSS
    assert federal.loss == D("0")
    assert federal.deductible is False


def test_every_reason_carries_a_citation():
    for given in (p.values[0] for p in CLASSIC):
        for statement in determine(given).federal.statements:
            assert statement.citations, statement.code
