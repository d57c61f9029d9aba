"""The state part of a determination, read from the state's law file for the tax year."""

from __future__ import annotations

from decimal import Decimal

from ._federal import ZERO, economic_loss
from ._law import FEDERAL, Law, Period
from ._model import AccountType, Answers, FederalOutcome, Statement, StateOutcome, StateStatus

# The federal conditions a state cannot do without: every state that allows the loss uses the
# same three tests (basis, every account paid out, received below basis).
_CONDITION_RULES = {
    "no_basis": "basis_required",
    "not_fully_liquidated": "not_fully_liquidated",
    "no_loss": "no_loss",
}


def _statement(period: Period, facts: dict[str, object]) -> Statement:
    return Statement(
        code=period.id,
        text=period.statement,
        years=period.years,
        citations=period.citations,
        facts=tuple(sorted(facts.items())),
    )


def state_outcome(answers: Answers, federal: FederalOutcome, law: Law) -> StateOutcome:
    """Decide the state answer; the federal outcome is read, never changed."""
    jurisdiction = law.jurisdictions[answers.state]
    year = answers.tax_year
    facts: dict[str, object] = {"year": year, "state": jurisdiction.name}

    if answers.account_type is AccountType.TAXABLE_BROKERAGE:
        period = jurisdiction.capital_losses
        assert period is not None
        status = StateStatus(period.outcome)
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
    status = StateStatus(period.outcome)
    uses_state_basis = period.state_basis and answers.state_basis is not None
    basis = answers.state_basis if uses_state_basis else answers.basis
    assert basis is not None
    loss = None if status is StateStatus.NO_INCOME_TAX else economic_loss(basis, answers)
    facts["basis"] = basis
    if answers.total_distributions is not None:
        facts["received"] = answers.total_distributions
    if loss is not None:
        facts["loss"] = loss
    counted = _counted_share(period, loss)
    if counted is not None:
        facts["counted"] = counted

    reason = period.id
    statements = [_statement(period, facts)]
    if status is not StateStatus.NO_INCOME_TAX:
        condition = _failed_condition(basis, loss)
        if condition is not None:
            status, reason = StateStatus.NOT_DEDUCTIBLE, condition
            for rule in law.jurisdictions[FEDERAL].rules_for(_CONDITION_RULES[condition], year):
                statements.insert(
                    0,
                    Statement(
                        code=rule.id,
                        text=rule.statement,
                        years=rule.years,
                        citations=rule.citations,
                        facts=tuple(sorted(facts.items())),
                    ),
                )
    return StateOutcome(
        code=jurisdiction.code,
        name=jurisdiction.name,
        status=status,
        reason=reason,
        loss=loss,
        form_line=period.form_line if status is StateStatus.DEDUCTIBLE else "",
        statements=tuple(statements),
        asks_state_basis=period.state_basis,
        used_state_basis=bool(uses_state_basis),
    )


def _failed_condition(basis: Decimal, loss: Decimal | None) -> str | None:
    if basis <= ZERO:
        return "no_basis"
    if loss is None:
        return "not_fully_liquidated"
    if loss == ZERO:
        return "no_loss"
    return None


def _counted_share(period: Period, loss: Decimal | None) -> Decimal | None:
    """Where a state counted only a share of federal itemized deductions (e.g. Kansas 2013)."""
    if period.share_percent is None or loss is None:
        return None
    return loss * period.share_percent / 100
