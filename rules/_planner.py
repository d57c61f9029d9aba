"""Should I close it? What paying out every account of the kind this year would do (issue 21).

The loss, and what counts on the state return, come from the same federal and state rules as a
paid-out answer: the plan asks them about the same accounts as if the value today were paid out
in cash this year. The figures then added are the state tax that loss would save (the state's
rate schedule and standard deduction, law data), the additional taxes on early payouts it
would cost, and the growth it would give up. Nothing here advises: it works out figures.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from ._accounts import account_group
from ._federal import federal_outcome
from ._law import FEDERAL, Law
from ._model import AccountGroup, Answers, Statement, StateOutcome, StateStatus
from ._planner_model import (
    YEARS_WITHOUT_AGE,
    ZERO,
    ClosingPlan,
    Growth,
    PlanFigures,
    StateSaving,
)
from ._statements import Statements
from ._states import state_outcome

if TYPE_CHECKING:
    from ._tax_schedule import ContributionLimit

EARLY_AGE = Decimal("59.5")  # IRC 72(t)(2)(A)(i)
INHERITED_YEARS = 10  # most heirs must empty an inherited IRA within ten years
# A state's additional tax on early payouts, as a rule of its law file (California: 2½%).
STATE_EARLY_TAX_RULE = "early_distribution_additional_tax"
EARLY_TAX_RULE = "early_withdrawal_72t"
_COUNTS = frozenset({StateStatus.DEDUCTIBLE, StateStatus.NEEDS_REVIEW})


def closing_plan(answers: Answers, law: Law) -> ClosingPlan | None:
    """The plan for open accounts with a basis; None where it does not apply (accounts already
    paid out, a brokerage account, or no value given)."""
    plan = answers.plan
    group = account_group(answers)
    us = law.jurisdictions[FEDERAL]
    if plan is None or answers.fully_liquidated or group is AccountGroup.BROKERAGE:
        return None
    if not us.rules_for("plan_federal", answers.tax_year):
        return None  # a year that has passed: its accounts can no longer be closed in it
    closed = replace(answers, fully_liquidated=True, rolled_over=False, plan=None)
    closed = replace(closed, total_distributions=plan.value_now)
    federal = federal_outcome(closed, law)
    state = state_outcome(closed, federal, law) if answers.state else None
    facts: dict[str, object] = {
        "year": answers.tax_year,
        "value_now": plan.value_now,
        "basis": answers.basis,
    }
    loss = federal.loss if federal.loss else None
    if loss is not None:
        facts["loss"] = loss
    out = Statements(us, answers.tax_year, facts, group)
    if loss is None:
        out.add("plan_no_loss", kind="plan")
        return ClosingPlan(
            year=answers.tax_year,
            group=group.value,
            value_now=plan.value_now,
            basis=answers.basis,
            loss=None,
            state_counts_loss=False,
            saving=None,
            statements=tuple(out.items),
        )
    out.add("plan_federal", kind="plan")
    saving = _state_saving(answers, plan, state, law)
    state_counts = saving is not None
    if state is not None and state.code:  # the state's own law for a loss in the year
        out.items.extend(
            replace(s, kind="plan") for s in state.statements if s.code != "refund_window"
        )
    out.add("plan_nothing_taxable", kind="plan")
    early = _early_taxes(answers, plan, group, law, out)
    growth = _growth(answers, plan, inherited=group is AccountGroup.INHERITED_IRA)
    limit = us.contribution_limit_for(group.value, answers.tax_year)
    can_put_back = limit.for_age(answers.age_at_distribution) if limit else None
    if limit is not None:
        out.items.append(_limit_statement(limit, facts))
    out.add("plan_growth", kind="plan")
    return ClosingPlan(
        year=answers.tax_year,
        group=group.value,
        value_now=plan.value_now,
        basis=answers.basis,
        loss=loss,
        state_counts_loss=state_counts,
        saving=saving,
        early_tax_base=early[0],
        early_tax_rate=early[1],
        early_tax=early[2],
        state_early_tax_rate=early[3],
        state_early_tax=early[4],
        under_early_age=(
            None if answers.age_at_distribution is None else answers.age_at_distribution < EARLY_AGE
        ),
        growth=growth,
        age=answers.age_at_distribution,
        to_age=plan.to_age,
        can_put_back=can_put_back,
        put_back_figures_year=limit.figures_for if limit else None,
        statements=tuple(out.items) + _saving_statements(state, law, answers.tax_year),
    )


def _state_saving(
    answers: Answers, plan: PlanFigures, state: StateOutcome | None, law: Law
) -> StateSaving | None:
    """The state tax the loss would save; None where the state would not count it at all."""
    if state is None or not state.code or state.status not in _COUNTS or state.amounts is None:
        return None
    counts = state.amounts.counts
    other = plan.other_itemized if plan.other_itemized is not None else ZERO
    saving = StateSaving(
        counts=counts,
        if_allowed=state.status is StateStatus.NEEDS_REVIEW,
        other_itemized=other,
        other_itemized_given=plan.other_itemized is not None,
    )
    agi = answers.state_agi if answers.state_agi is not None else answers.agi
    status = answers.filing_status
    schedule = law.jurisdictions[state.code].tax_schedule_for(answers.tax_year)
    missing = next(
        (
            name
            for name, value in (
                ("agi", agi),
                ("filing_status", status),
                ("counts", counts),
                ("schedule", schedule),
            )
            if value is None
        ),
        "",
    )
    if missing or counts is None or agi is None or status is None or schedule is None:
        return replace(saving, agi=agi, missing=missing)
    standard = schedule.standard_deduction(status, agi)
    base = agi - schedule.exemptions(status, agi)
    without = schedule.tax(base - max(standard, other), status)
    with_loss = schedule.tax(base - max(standard, other + counts), status)
    return replace(
        saving,
        agi=agi,
        standard_deduction=standard,
        itemizes=other + counts > standard,
        tax_without=without,
        tax_with=with_loss,
        tax_saved=max(ZERO, without - with_loss),
        schedule_id=schedule.id,
        schedule_year=schedule.figures_for,
    )


def _early_taxes(
    answers: Answers, plan: PlanFigures, group: AccountGroup, law: Law, out: Statements
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    """The additional taxes on an early payout: (base, rate, tax, state rate, state tax).

    Paid out below the basis, nothing is taxable, so IRC 72(t) takes nothing (its base is the
    taxable part) except where IRC 408A(d)(3)(F) treats a Roth IRA payout allocable to a
    conversion less than five years old as if it were taxable. Roth IRA payouts come from
    regular contributions first, then conversions oldest first (IRC 408A(d)(4)(B)), so the
    recent conversions are the last of the basis paid out: what is paid out beyond the rest.
    """
    age = answers.age_at_distribution
    young = age is not None and age < EARLY_AGE
    if group is not AccountGroup.ROTH_IRAS or not plan.recent_conversions:
        return ZERO, ZERO, ZERO, ZERO, ZERO
    older_basis = max(ZERO, answers.basis - plan.recent_conversions)
    base = max(ZERO, min(plan.recent_conversions, plan.value_now - older_basis))
    out.facts["recent_conversions"] = plan.recent_conversions
    out.facts["early_tax_base"] = base
    out.sorted_facts = tuple(sorted(out.facts.items()))
    if not young or base == ZERO:
        out.add("plan_conversion_no_early_tax" if base else "plan_conversion_not_reached", "plan")
        return base, ZERO, ZERO, ZERO, ZERO
    rule = law.jurisdictions[FEDERAL].rules_for(EARLY_TAX_RULE, answers.tax_year)
    rate = rule[0].values.get("rate", Decimal(10)) if rule else Decimal(10)
    out.add("plan_conversion_early_tax", kind="plan")
    state_rate = ZERO
    if answers.state:
        state_rules = law.jurisdictions[answers.state].rules_for(
            STATE_EARLY_TAX_RULE, answers.tax_year
        )
        if state_rules:
            state_rate = state_rules[0].values.get("rate", ZERO)
            said = Statements(law.jurisdictions[answers.state], answers.tax_year, out.facts, group)
            said.add(STATE_EARLY_TAX_RULE, "plan")
            out.items.extend(said.items)
    return base, rate, _cents(base * rate / 100), state_rate, _cents(base * state_rate / 100)


def _growth(answers: Answers, plan: PlanFigures, inherited: bool) -> tuple[Growth, ...]:
    """What the value today would grow to in the account by the stated age, at each return
    (an inherited IRA: at most ten years, IRC 401(a)(9)(H))."""
    age = answers.age_at_distribution
    years = YEARS_WITHOUT_AGE if age is None else max(0, plan.to_age - int(age))
    if inherited:
        years = min(years, INHERITED_YEARS)
    out = []
    for rate in plan.returns:
        factor = (1 + rate / 100) ** years
        value_then = _cents(plan.value_now * factor)
        out.append(Growth(rate, years, value_then, value_then - plan.value_now))
    return tuple(out)


def _limit_statement(limit: ContributionLimit, facts: dict[str, object]) -> Statement:
    facts = {**facts, "limit": limit.limit, "catch_up": limit.catch_up}
    return Statement(
        limit.id,
        limit.statement,
        limit.years,
        limit.citations,
        tuple(sorted(facts.items())),
        "plan",
    )


def _saving_statements(state: StateOutcome | None, law: Law, year: int) -> tuple[Statement, ...]:
    """The state's rate schedule behind the tax saved, with its citations."""
    if state is None or not state.code or state.status not in _COUNTS:
        return ()
    schedule = law.jurisdictions[state.code].tax_schedule_for(year)
    if schedule is None:
        return ()
    said = Statement(
        schedule.id, schedule.statement, schedule.years, schedule.citations, (), "plan"
    )
    if not schedule.leaves_out:
        return (said,)
    # Its own sentence, so each law text is one message of the Spanish catalog.
    left_out = Statement(
        f"{schedule.id}_leaves_out", schedule.leaves_out, schedule.years, (), (), "plan"
    )
    return (said, left_out)


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
