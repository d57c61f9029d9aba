"""Properties that hold for every valid set of answers (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from rules import (
    FIRST_TAX_YEAR,
    STATE_CODES,
    AccountType,
    Answers,
    FederalReason,
    current_law,
    determine,
    last_tax_year,
)

money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=FIRST_TAX_YEAR, max_value=last_tax_year())


@st.composite
def answers(draw: st.DrawFn, state: str | None = None) -> Answers:
    paid_out = draw(st.booleans())
    return Answers(
        account_type=draw(st.sampled_from(AccountType)),
        tax_year=draw(years),
        state=state or draw(st.sampled_from(STATE_CODES)),
        basis=draw(money),
        fully_liquidated=paid_out,
        total_distributions=draw(money) if paid_out else draw(st.none() | money),
        agi=draw(st.none() | money),
        age_at_distribution=draw(st.none() | st.decimals(min_value=0, max_value=120, places=1)),
        state_basis=draw(st.none() | money),
        inherited=draw(st.booleans()),
        rolled_over=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(answers())
def test_the_determination_is_total_and_the_loss_never_negative(a):
    d = determine(a)
    f = d.federal
    assert f.loss is None or f.loss >= 0
    assert d.state.loss is None or d.state.loss >= 0
    if f.deductible_after_floor is not None:
        assert f.loss is not None and 0 <= f.deductible_after_floor <= f.loss
    assert f.deductible is (
        f.reason is FederalReason.ALLOWED_MISC_ITEMIZED
        or (f.reason is FederalReason.CAPITAL_LOSS and bool(f.loss))
    )
    assert all(s.citations for s in (*f.statements, *d.state.statements))


@settings(max_examples=150, deadline=None)
@given(answers(), st.sampled_from(STATE_CODES))
def test_changing_only_the_state_never_changes_the_federal_part(a, other_state):
    from dataclasses import replace

    assert determine(a).federal == determine(replace(a, state=other_state)).federal


@settings(max_examples=100, deadline=None)
@given(answers())
def test_the_same_answers_always_give_the_same_determination(a):
    assert determine(a) == determine(a)


@given(years)
def test_each_year_falls_in_exactly_one_federal_regime(year):
    periods = [p for p in current_law().jurisdictions["US"].periods if year in p.years]
    assert len(periods) == 1


@settings(max_examples=200, deadline=None)
@given(answers())
def test_a_loss_needs_basis_and_every_account_paid_out(a):
    f = determine(a).federal
    if f.loss:
        assert a.basis > 0 and a.fully_liquidated and not a.rolled_over
        assert f.loss == a.basis - (a.total_distributions or Decimal(0))
