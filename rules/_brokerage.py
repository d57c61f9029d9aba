"""A taxable brokerage account's federal outcome: a capital loss, its yearly limit, carryover."""

from __future__ import annotations

from ._accounts import ZERO, economic_loss, loss_facts
from ._law import FEDERAL, Law
from ._model import AccountGroup, Answers, FederalOutcome, FederalReason, FilingStatus
from ._statements import Statements


def brokerage_outcome(answers: Answers, law: Law) -> FederalOutcome:
    """Sold at a loss in a taxable account: Schedule D, up to the year's limit, the rest carried."""
    us = law.jurisdictions[FEDERAL]
    loss = economic_loss(answers.basis, answers)
    out = Statements(us, answers.tax_year, loss_facts(answers, loss), AccountGroup.BROKERAGE)
    this_year = carryover = None
    if loss is None:
        out.add("capital_loss_unsold")
    elif loss == ZERO:
        out.add("brokerage_no_loss")
    out.add("capital_loss")
    limit_rules = us.rules_for("capital_loss", answers.tax_year)
    if loss is not None and loss > ZERO and limit_rules:
        values = limit_rules[0].values
        separate = answers.filing_status is FilingStatus.MARRIED_SEPARATE
        limit = values["limit_separate"] if separate else values["limit"]
        this_year = min(loss, limit)
        carryover = loss - this_year
    out.add("myth_capital_loss", kind="myth")
    out.add("myth_wash_sale_ira", kind="myth")
    out.add("records_brokerage", kind="next_step")
    return FederalOutcome(
        deductible=bool(loss and loss > ZERO),
        reason=FederalReason.CAPITAL_LOSS,
        group=AccountGroup.BROKERAGE,
        loss=loss,
        floor=None,
        deductible_after_floor=None,
        statements=tuple(out.items),
        form_line="Form 8949 and Schedule D (Form 1040)",
        capital_loss_this_year=this_year,
        capital_loss_carryover=carryover,
    )
