"""A miscellaneous itemized deduction's conditions: the 2%-of-AGI floor and the overall limit."""

from __future__ import annotations

from decimal import Decimal

from ._accounts import ZERO
from ._law import Jurisdiction, Period
from ._model import Answers
from ._state_amounts import limit_may_apply, limit_reduction
from ._state_law import ItemizedLimit
from ._statements import Statements

# The federal overall limit of a year, built once from us.toml's `overall_limit` rule.
_LIMITS: dict[tuple[int, int], tuple[Jurisdiction, ItemizedLimit | None]] = {}


def misc_floor(agi: Decimal, loss: Decimal, period: Period) -> tuple[Decimal, Decimal]:
    """The period's floor (a percent of AGI, IRC 67) and the part of the loss above it."""
    assert period.floor_percent is not None
    floor = agi * period.floor_percent / 100
    return floor, max(ZERO, loss - floor)


def federal_overall_limit(us: Jurisdiction, year: int) -> ItemizedLimit | None:
    """IRC 68 for the year as a limit on itemized deductions; None when there was none
    (2010–2012, and from 2018). States whose itemized deduction started from the federal
    total after it (New York before 2018) apply the same limit."""
    key = (id(us), year)
    cached = _LIMITS.get(key)
    if cached is not None and cached[0] is us:
        return cached[1]
    rule = next((r for r in us.rules_for("overall_limit", year) if "rate" in r.values), None)
    limit = None
    if rule is not None:
        limit = ItemizedLimit(
            id=rule.id,
            kind="excess_agi_percent",
            years=rule.years,
            statement=rule.statement,
            citations=rule.citations,
            reviewed=rule.reviewed,
            values=rule.values,
        )
    _LIMITS[key] = (us, limit)
    return limit


def overall_limit_cut(
    us: Jurisdiction, answers: Answers, after_floor: Decimal
) -> tuple[bool, Decimal | None]:
    """Whether IRC 68 reaches the AGI, and what it takes off the loss above the floor (None:
    not known without the filing status). The loss is taken as the only deduction it limits."""
    limit = federal_overall_limit(us, answers.tax_year)
    if limit is None or not limit_may_apply(limit, answers.agi):
        return False, None
    cut = limit_reduction(limit, after_floor, answers.agi, answers.filing_status)
    # Nothing taken: below the filing status's own threshold, or nothing above the floor.
    return cut != ZERO, cut


def add_itemized_statements(
    out: Statements, answers: Answers, floor_known: bool, limit_cut: Decimal | None = None
) -> None:
    """What claiming the loss as a miscellaneous itemized deduction asks of the taxpayer."""
    out.add("floor_computed" if floor_known else "floor_needs_agi")
    out.add("itemizing_required")
    out.add("amt_addback", kind="note")
    if limit_cut is not None:
        out.add("overall_limit_computed", kind="note")
    else:
        _add_overall_limit(out, answers)
    out.add("refund_time_limit", kind="note")


def _add_overall_limit(out: Statements, answers: Answers) -> None:
    """Mention the overall limit (IRC 68) only when the AGI could reach its threshold."""
    limit = federal_overall_limit(out.jurisdiction, answers.tax_year)
    if limit is None or not limit_may_apply(limit, answers.agi):
        return
    if answers.agi is not None and answers.filing_status is not None:
        return  # worked out, and nothing taken: the AGI is below the status's threshold
    out.add("overall_limit", kind="note")
