"""The state worksheet: how much of a deductible loss counts on the state return.

Steps, each from the period's law data: the floor (a percentage of federal or of the state's
own AGI), the share a state allows of the amount after the floor (Kansas 2013–2014), and an
overall limit on itemized deductions (New York, California) where the answers allow computing
it. The loss is taken as the only itemized deduction it shares a floor or limit with, which is
the assumption the explanation states.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from ._law import Jurisdiction, Period
from ._model import Answers, FilingStatus, RefundWindow, StateAmounts
from ._state_law import ItemizedLimit

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

_STATUS_KEY = {
    FilingStatus.SINGLE: "single",
    FilingStatus.MARRIED_SEPARATE: "separate",
    FilingStatus.MARRIED_JOINT: "joint",
    FilingStatus.QUALIFYING_SURVIVING_SPOUSE: "joint",
    FilingStatus.HEAD_OF_HOUSEHOLD: "head",
}
STATUS_KEYS = ("single", "joint", "head", "separate")


def state_amounts(
    answers: Answers,
    jurisdiction: Jurisdiction,
    period: Period,
    loss: Decimal,
    federal_limit: ItemizedLimit | None = None,
) -> StateAmounts:
    """The worksheet for a loss the state allows; a step is None when its input is unknown.

    `federal_limit` is the year's IRC 68 (rules._itemized), for a limit of kind
    `federal_overall_limit`: the state starts from the federal total after it.
    """
    agi, stand_in = _agi(answers, period)
    floor = after_floor = after_share = None
    if period.floor_percent is None:
        after_floor = loss
    elif agi is not None:
        floor = agi * period.floor_percent / HUNDRED
        after_floor = max(ZERO, loss - floor)
    limits_of = _limits_of(jurisdiction, answers.tax_year, federal_limit)
    # The federal limit is inside the federal total the state starts from, so it comes before
    # the state's share (Kansas 2013-2014: 70% of the federal deductions, K.S.A. 79-32,120).
    federal = tuple(n for n in period.limits if _is_federal(jurisdiction, n, answers.tax_year))
    first, after_federal = _apply_limits(answers, limits_of, federal, after_floor, answers.agi)
    if after_federal is not None:
        after_share = (
            after_federal
            if period.share_percent is None
            else after_federal * period.share_percent / HUNDRED
        )
    rest = tuple(n for n in period.limits if n not in federal)
    steps, counts = _apply_limits(answers, limits_of, rest, after_share, agi)
    steps = first + steps
    limits = [limits_of(name) for name, _ in steps]
    unknown = [limit for limit, (_, cut) in zip(limits, steps, strict=True) if cut is None]
    needs_status = (
        counts is None
        and after_floor is not None
        and answers.filing_status is None
        and bool(unknown)
        and all(limit is not None and limit_uses_filing_status(limit) for limit in unknown)
    )
    cuts = [cut for _, cut in steps]
    total = None if None in cuts else sum((c for c in cuts if c is not None), ZERO)
    return StateAmounts(
        loss=loss,
        agi=agi,
        agi_is_federal_stand_in=stand_in,
        floor_percent=period.floor_percent,
        floor=floor,
        after_floor=after_floor,
        share_percent=period.share_percent,
        after_share=after_share if period.share_percent is not None else None,
        limit_id=steps[0][0] if steps else "",
        limit_reduction=total if steps else None,
        limit_steps=tuple(steps),
        counts=counts,
        needs_filing_status=needs_status,
    )


def _limits_of(
    jurisdiction: Jurisdiction, year: int, federal_limit: ItemizedLimit | None
) -> Callable[[str], ItemizedLimit | None]:
    """The limit a period names, with the federal one standing for `federal_overall_limit`."""

    def limit_of(name: str) -> ItemizedLimit | None:
        limit = jurisdiction.limit_for(name, year)
        if limit is not None and limit.kind == "federal_overall_limit":
            return federal_limit
        return limit

    return limit_of


def _is_federal(jurisdiction: Jurisdiction, name: str, year: int) -> bool:
    limit = jurisdiction.limit_for(name, year)
    return limit is not None and limit.kind == "federal_overall_limit"


def _apply_limits(
    answers: Answers,
    limit_of: Callable[[str], ItemizedLimit | None],
    names: tuple[str, ...],
    after_share: Decimal | None,
    agi: Decimal | None,
) -> tuple[list[tuple[str, Decimal | None]], Decimal | None]:
    """The limits that reach the AGI, each on what the earlier ones left; and what counts."""
    remaining = after_share
    steps: list[tuple[str, Decimal | None]] = []
    for name in names:
        limit = limit_of(name)
        if limit is None or not limit_may_apply(limit, agi):
            continue
        cut: Decimal | None = None
        if remaining == ZERO:
            cut = ZERO  # nothing left for this limit to take, known or not
        elif _takes_everything(limit, agi):
            # Whatever the earlier limits left (known or not), this one leaves nothing.
            steps.append((name, remaining))
            remaining = ZERO if after_share is not None else None
            continue
        elif remaining is not None:
            cut = limit_reduction(limit, remaining, agi, answers.filing_status)
        steps.append((name, cut))
        remaining = None if remaining is None or cut is None else remaining - cut
    return steps, remaining


def _takes_everything(limit: ItemizedLimit, agi: Decimal | None) -> bool:
    """Above `none_above` (New York §615(g)) the limit leaves nothing, whatever the status."""
    none_above = limit.values.get("none_above")
    return none_above is not None and agi is not None and agi > none_above


def _agi(answers: Answers, period: Period) -> tuple[Decimal | None, bool]:
    """The AGI the floor is a percentage of; federal AGI stands in for an unknown state AGI."""
    if period.floor_agi == "state" and answers.state_agi is not None:
        return answers.state_agi, False
    if answers.agi is None:
        return None, False
    return answers.agi, period.floor_agi == "state"


def limit_uses_filing_status(limit: ItemizedLimit) -> bool:
    """True when the limit has thresholds by filing status (False: they are not known)."""
    if limit.kind == "excess_agi_percent":
        return any(f"threshold_{status}" in limit.values for status in STATUS_KEYS)
    if limit.kind == "deduction_cap":
        return any(f"cap_{status}" in limit.values for status in STATUS_KEYS)
    return bool(limit.points)


def limit_may_apply(limit: ItemizedLimit, agi: Decimal | None) -> bool:
    """False only when the AGI is known and below every threshold of the limit."""
    if agi is None or limit.kind == "deduction_cap":
        return True
    if limit.kind == "excess_agi_percent":
        thresholds = [v for k, v in limit.values.items() if k.startswith("threshold_")]
        return not thresholds or agi > min(thresholds)
    return agi > min(pairs[0][0] for pairs in limit.points.values())


def limit_reduction(
    limit: ItemizedLimit,
    deduction: Decimal,
    agi: Decimal | None,
    filing_status: FilingStatus | None,
) -> Decimal | None:
    """How much the limit takes off the deduction; None when the answers do not allow it.

    Without a filing status, it is worked out under each status; if they agree, that is it.
    """
    if limit.kind == "deduction_cap":  # a ceiling whatever the AGI
        agi = agi if agi is not None else ZERO
    if agi is None:
        return None
    if not limit_may_apply(limit, agi):
        return Decimal(0)
    statuses = (_STATUS_KEY[filing_status],) if filing_status else STATUS_KEYS
    found = {_reduction_for(limit, deduction, agi, status) for status in statuses}
    return found.pop() if len(found) == 1 else None


def _reduction_for(
    limit: ItemizedLimit, deduction: Decimal, agi: Decimal, status: str
) -> Decimal | None:
    if limit.kind == "deduction_cap":
        return _cap_reduction(limit, deduction, status)
    if limit.kind == "excess_agi_percent":
        threshold = limit.values.get(f"threshold_{status}")
        if threshold is None:
            return None
        excess = max(ZERO, agi - threshold)
        rate, cap = limit.values["rate"], limit.values["cap"]
        cut = min(excess * rate / HUNDRED, deduction * cap / HUNDRED)
        divide_by = limit.values.get("phase_down_divide_by")
        if divide_by is not None:  # IRC 68(f), 2006–2009: the worksheet's lines 10 and 11
            cut = (cut - cut / divide_by).quantize(CENT, ROUND_HALF_UP)
        return cut
    none_above = limit.values.get("none_above")
    if none_above is not None and agi > none_above:
        return deduction
    points = limit.points.get(status) or limit.points.get("all")
    if points is None:
        return None
    fraction = _percent_along(points, agi) / HUNDRED
    places = limit.values.get("fraction_places")
    if places is not None:  # Maine's worksheet: "Divide line 3 by line 4" to four decimals
        fraction = fraction.quantize(Decimal(1).scaleb(-int(places)), ROUND_HALF_UP)
    return (deduction * fraction).quantize(CENT, ROUND_HALF_UP) if places else deduction * fraction


def _cap_reduction(limit: ItemizedLimit, deduction: Decimal, status: str) -> Decimal | None:
    """What a ceiling takes off; None above a basic ceiling that age or blindness would raise
    (Vermont's IN-155 line 2 adds the additional standard deduction, which we do not ask)."""
    cap = limit.values.get(f"cap_{status}", limit.values.get("cap_all"))
    if cap is None:
        return None
    if deduction <= cap:
        return ZERO
    if limit.values.get("higher_if_65_or_blind"):
        return None
    return deduction - cap


def _percent_along(points: tuple[tuple[Decimal, Decimal], ...], agi: Decimal) -> Decimal:
    """The percentage at `agi` on straight lines between the points, flat past either end."""
    if agi <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if agi <= x1:
            return y0 + (y1 - y0) * (agi - x0) / (x1 - x0) if x1 != x0 else y1
    return points[-1][1]


def refund_window(
    jurisdiction: Jurisdiction, tax_year: int, today: datetime.date
) -> RefundWindow | None:
    refund = jurisdiction.refund
    if refund is None:
        return None
    deadline = refund.deadline(tax_year)
    return RefundWindow(years=refund.years, deadline=deadline, likely_passed=today > deadline)
