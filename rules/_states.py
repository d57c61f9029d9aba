"""The state part of a determination, read from the state's law file for the tax year."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Protocol

from ._accounts import ZERO, economic_loss
from ._itemized import federal_overall_limit
from ._law import FEDERAL, Jurisdiction, Law, Period
from ._model import (
    AccountType,
    Answers,
    Citation,
    FederalOutcome,
    StateAmounts,
    Statement,
    StateOutcome,
    StateStatus,
    Years,
)
from ._state_amounts import refund_window, state_amounts

# Roth contributions were made with after-tax money on the federal return too, so no state
# taxed them more than the federal return did: a state basis never applies to them.
ROTH_TYPES = frozenset(
    {AccountType.ROTH_IRA, AccountType.ROTH_401K, AccountType.ROTH_403B, AccountType.ROTH_457B}
)

# The federal conditions a state cannot do without: every state that allows the loss uses the
# same three tests (basis, every account paid out, received below basis).
_CONDITION_RULES = {
    "no_basis": "basis_required",
    "not_fully_liquidated": "not_fully_liquidated",
    "no_loss": "no_loss",
}


class _Said(Protocol):
    """What a period, a rule and a limit share: an id, a statement, its years and citations."""

    id: str
    statement: str
    years: Years
    citations: tuple[Citation, ...]


_STATUSES = {status.value: status for status in StateStatus}  # a dict lookup, not Enum()
_FIXED: dict[tuple[int, str], tuple[_Said, Statement]] = {}


def _statement(source: _Said, facts: dict[str, object], kind: str = "reason") -> Statement:
    if "{" in source.statement:
        return _note(source.id, source.statement, source.years, source.citations, facts, kind)
    # Nothing to fill in: one Statement per source serves every answer (make bench).
    cached = _FIXED.get((id(source), kind))
    if cached is None or cached[0] is not source:  # an id can be reused by a later law load
        fixed = _note(source.id, source.statement, source.years, source.citations, {}, kind)
        cached = _FIXED[(id(source), kind)] = (source, fixed)
    return cached[1]


def has_state_basis(answers: Answers, period: Period) -> bool:
    """The state taxed contributions the federal return did not (never for Roth money)."""
    return period.state_basis and answers.account_type not in ROTH_TYPES


def state_outcome(
    answers: Answers, federal: FederalOutcome, law: Law, today: datetime.date | None = None
) -> StateOutcome:
    """Decide the state answer; the federal outcome is read, never changed.

    An empty `state` means it was not asked because no state can change the answer: no basis,
    or nothing paid out or sold and no basis that closing the accounts could turn into a loss.
    """
    if not answers.state:
        return _any_state(answers, federal, law)
    jurisdiction = law.jurisdictions[answers.state]
    year = answers.tax_year
    facts: dict[str, object] = {"year": year, "state": jurisdiction.name}

    if answers.account_type is AccountType.TAXABLE_BROKERAGE:
        period = jurisdiction.capital_losses
        assert period is not None
        status = _STATUSES[period.outcome]
        loss = None if status is StateStatus.NO_INCOME_TAX else federal.loss
        reason = period.id
        if status is not StateStatus.NO_INCOME_TAX and not (loss and loss > ZERO):
            # Nothing sold, or sold at a gain: no capital loss for the state either.
            status = StateStatus.NOT_DEDUCTIBLE
            reason = "not_fully_liquidated" if loss is None else "no_loss"
        return StateOutcome(
            code=jurisdiction.code,
            name=jurisdiction.name,
            status=status,
            reason=reason,
            loss=loss,
            form_line=period.form_line,
            statements=(_statement(period, facts),),
        )

    period = jurisdiction.period_for(year)
    status = _STATUSES[period.outcome]
    state_basis = has_state_basis(answers, period)
    uses_state_basis = state_basis and answers.state_basis is not None
    basis = answers.state_basis if uses_state_basis else answers.basis
    assert basis is not None
    loss = None if status is StateStatus.NO_INCOME_TAX else economic_loss(basis, answers)
    facts["basis"] = basis
    if answers.total_distributions is not None:
        facts["received"] = answers.total_distributions
    if loss is not None:
        facts["loss"] = loss

    reason = period.id
    statements = [_statement(period, facts)]
    if state_basis:
        statements += _file_rules(jurisdiction, "state_basis", year, facts, "note")
        worksheet = answers.state_basis_worksheet
        if uses_state_basis and worksheet is not None:
            facts_worked = {
                **facts,
                "federal_basis": answers.basis,
                "not_deducted": worksheet.not_deducted,
                "recovered": worksheet.recovered,
            }
            statements += _file_rules(
                jurisdiction, "state_basis_worksheet", year, facts_worked, "note"
            )
    if period.rests_on:
        statements.append(_rests_on(period, facts))
    condition = None if status is StateStatus.NO_INCOME_TAX else _failed_condition(basis, loss)
    if condition is not None:
        status, reason = StateStatus.NOT_DEDUCTIBLE, condition
        # A state with its own basis rules explains its basis itself; elsewhere the federal
        # condition that failed comes first.
        if not (state_basis and condition == "no_basis"):
            us = law.jurisdictions[FEDERAL]
            statements[:0] = _file_rules(us, _CONDITION_RULES[condition], year, facts, "reason")
    amounts = window = None
    # An unsettled period with a floor is worked as if the state allowed the loss: the amount
    # it would come to, and the refund window for amending once the state says (issue 20).
    if status is StateStatus.DEDUCTIBLE or (
        status is StateStatus.NEEDS_REVIEW and period.floor_percent is not None
    ):
        assert loss is not None
        federal_limit = federal_overall_limit(law.jurisdictions[FEDERAL], year)
        amounts = state_amounts(answers, jurisdiction, period, loss, federal_limit)
        facts.update(_amount_facts(amounts))
        statements[0] = _statement(period, facts)
        for limit_id, _cut in amounts.limit_steps:
            limit = jurisdiction.limit_for(limit_id, year)
            assert limit is not None
            statements.append(_statement(limit, facts, "note"))
        window = refund_window(jurisdiction, year, today or datetime.date.today())
        if window is not None and jurisdiction.refund is not None:
            refund = jurisdiction.refund
            facts_then = {**facts, "deadline": window.deadline}
            statements.append(
                _note("refund_window", refund.statement, period.years, refund.citations, facts_then)
            )
    return StateOutcome(
        code=jurisdiction.code,
        name=jurisdiction.name,
        status=status,
        reason=reason,
        loss=loss,
        form_line=period.form_line if amounts is not None else "",
        statements=tuple(statements),
        asks_state_basis=state_basis,
        used_state_basis=bool(uses_state_basis),
        amounts=amounts,
        refund_window=window,
        if_paid_out=_STATUSES[period.outcome] if condition == "not_fully_liquidated" else None,
    )


def _file_rules(
    jurisdiction: Jurisdiction, rule_id: str, year: int, facts: dict[str, object], kind: str
) -> list[Statement]:
    return [_statement(rule, facts, kind) for rule in jurisdiction.rules_for(rule_id, year)]


def _rests_on(period: Period, facts: dict[str, object]) -> Statement:
    return _note(f"{period.id}_rests_on", period.rests_on, period.years, period.citations, facts)


def _note(
    code: str,
    text: str,
    years: Years,
    citations: tuple[Citation, ...],
    facts: dict[str, object],
    kind: str = "note",
) -> Statement:
    return Statement(code, text, years, citations, tuple(sorted(facts.items())), kind=kind)


def _amount_facts(amounts: StateAmounts) -> dict[str, object]:
    """The worksheet's figures that a law statement may mention, e.g. {counts} or {floor}."""
    named = {
        "floor": amounts.floor,
        "deductible_after_floor": amounts.counts,
        "after_floor": amounts.after_floor,
        "counted": amounts.after_share,
        "limit_reduction": amounts.limit_reduction,
    }
    return {key: value for key, value in named.items() if value is not None}


def _failed_condition(basis: Decimal, loss: Decimal | None) -> str | None:
    if basis <= ZERO:
        return "no_basis"
    if loss is None:
        return "not_fully_liquidated"
    if loss == ZERO:
        return "no_loss"
    return None


ANY_STATE = "any state"


def _any_state(answers: Answers, federal: FederalOutcome, law: Law) -> StateOutcome:
    """The state answer when no state was asked: every state uses the federal conditions."""
    loss = federal.loss
    basis = answers.basis
    condition = _failed_condition(basis, loss) or "no_basis"
    if answers.account_type is AccountType.TAXABLE_BROKERAGE and loss is None:
        condition = "not_fully_liquidated"
    facts: dict[str, object] = {"year": answers.tax_year, "state": ANY_STATE, "basis": basis}
    us = law.jurisdictions[FEDERAL]
    statements = _file_rules(us, "no_state_changes_this", answers.tax_year, facts, "reason")
    return StateOutcome(
        code="",
        name=ANY_STATE,
        status=StateStatus.NOT_DEDUCTIBLE,
        reason=condition,
        loss=None,
        form_line="",
        statements=tuple(statements),
    )
