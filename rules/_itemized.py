"""A miscellaneous itemized deduction's conditions: the 2%-of-AGI floor and the overall limit."""

from __future__ import annotations

from decimal import Decimal

from ._accounts import ZERO
from ._law import Period
from ._model import Answers, FilingStatus
from ._statements import Statements

_THRESHOLD_FOR = {
    FilingStatus.SINGLE: "threshold_single",
    FilingStatus.MARRIED_JOINT: "threshold_joint",
    FilingStatus.QUALIFYING_SURVIVING_SPOUSE: "threshold_joint",
    FilingStatus.HEAD_OF_HOUSEHOLD: "threshold_head",
    FilingStatus.MARRIED_SEPARATE: "threshold_separate",
}


def misc_floor(agi: Decimal, loss: Decimal, period: Period) -> tuple[Decimal, Decimal]:
    """The period's floor (a percent of AGI, IRC 67) and the part of the loss above it."""
    assert period.floor_percent is not None
    floor = agi * period.floor_percent / 100
    return floor, max(ZERO, loss - floor)


def add_itemized_statements(out: Statements, answers: Answers, floor_known: bool) -> None:
    """What claiming the loss as a miscellaneous itemized deduction asks of the taxpayer."""
    out.add("floor_computed" if floor_known else "floor_needs_agi")
    out.add("itemizing_required")
    out.add("amt_addback", kind="note")
    _add_overall_limit(out, answers)
    out.add("refund_time_limit", kind="note")


def _add_overall_limit(out: Statements, answers: Answers) -> None:
    """Mention the overall limit (IRC 68) only when the AGI could reach its threshold."""
    for rule in out.jurisdiction.rules_for("overall_limit", answers.tax_year):
        own = _THRESHOLD_FOR.get(answers.filing_status) if answers.filing_status else None
        lowest = rule.values.get(own) if own else min(rule.values.values(), default=None)
        if lowest is None or answers.agi is None or answers.agi > lowest:
            out.add("overall_limit", kind="note")
            return
