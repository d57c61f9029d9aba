"""What would change a result: each candidate change is tried on the engine itself.

A change is listed only when determine() with the changed answers gives a different federal
or state answer, so the list never promises what the law would not give (for example, paying
out every account in 2020 changes nothing federally, but may in California).
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from decimal import Decimal

from ._engine import determine
from ._law import Law
from ._model import Determination, FederalReason, StateStatus

ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class Change:
    """A change in the facts and the returns on which it would make the loss count."""

    code: str  # find_basis | find_state_basis | pay_out_all | receive_less | agi_floor | ...
    federal: bool = False
    state: bool = False


def _counts(d: Determination) -> tuple[bool, bool]:
    federal = d.federal.deductible and d.federal.reason is not FederalReason.CAPITAL_LOSS
    return federal, d.state.status is StateStatus.DEDUCTIBLE


def _try(
    code: str, d: Determination, law: Law | None, today: datetime.date | None, **changes: object
) -> Change | None:
    before = _counts(d)
    after = _counts(determine(dataclasses.replace(d.answers, **changes), law, today))
    gains = tuple(a and not b for a, b in zip(after, before, strict=True))
    return Change(code, *gains) if any(gains) else None


def what_would_change(
    d: Determination, law: Law | None = None, today: datetime.date | None = None
) -> tuple[Change, ...]:
    a, f, s = d.answers, d.federal, d.state
    out: list[Change | None] = []
    if f.reason is FederalReason.CAPITAL_LOSS:
        if f.loss is None:
            out.append(Change("sell_below_cost", federal=True))
        return tuple(c for c in out if c)
    received = a.total_distributions or Decimal(0)
    if f.reason is FederalReason.NO_BASIS and a.fully_liquidated and not a.rolled_over:
        out.append(_try("find_basis", d, law, today, basis=received + ONE))
    if s.asks_state_basis and a.state_basis is None and a.fully_liquidated:
        out.append(_try("find_state_basis", d, law, today, state_basis=received + ONE))
    if f.reason is FederalReason.NOT_FULLY_LIQUIDATED and a.basis > 0:
        paid = {"fully_liquidated": True, "rolled_over": False, "total_distributions": Decimal(0)}
        out.append(_try("pay_out_all", d, law, today, **paid))
    if f.reason is FederalReason.NO_LOSS:
        out.append(_try("receive_less", d, law, today, total_distributions=a.basis - ONE))
    federal_floor = f.deductible and (f.floor is None or f.floor > 0)
    amounts = s.amounts
    # An unsettled state's worksheet is only "if it allows it": no advice to lower AGI for it.
    state_floor = s.status is StateStatus.DEDUCTIBLE and amounts is not None
    state_floor = state_floor and amounts.floor_percent is not None  # type: ignore[union-attr]
    state_floor = state_floor and (amounts.floor is None or amounts.floor > 0)  # type: ignore[union-attr]
    if federal_floor or state_floor:
        out.append(Change("agi_floor", federal=federal_floor, state=state_floor))
    if f.deductible:
        out.append(Change("itemize", federal=True))
    if f.reason in (FederalReason.SUSPENDED_2018_2025, FederalReason.REPEALED_2026_ONWARD):
        out.append(Change("new_federal_law", federal=True))
    return tuple(c for c in out if c)
