"""Should I close it? The figures for a person whose accounts are still open (issue 21).

Value objects only: what the person tells us beyond the determination's answers
(`PlanFigures`), and what closing every account of the kind this year would do (`ClosingPlan`).
The work is in rules/_planner.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # _model imports this module for Determination.closing_plan
    from ._model import Statement

ZERO = Decimal(0)
# The two yearly returns the growth given up is shown at, and the age it is shown to, unless the
# person chooses others: a cautious and a middling long-run return, and a usual retirement age.
DEFAULT_RETURNS = (Decimal(4), Decimal(7))
DEFAULT_TO_AGE = 65
# Without an age the growth is shown over this many years, and the result says so.
YEARS_WITHOUT_AGE = 20
HIGHEST_RETURN = Decimal(20)  # yearly returns are bounded: above this the figure is fantasy
LOWEST_RETURN = Decimal(-10)
OLDEST_TO_AGE = 100


@dataclass(frozen=True, slots=True)
class PlanFigures:
    """What the person told us about the accounts that are still open."""

    value_now: Decimal  # all accounts of the kind together, today
    # Other deductions they would itemize on the state return this year (mortgage interest,
    # property tax, gifts …); None when not given, taken as none.
    other_itemized: Decimal | None = None
    # Roth IRAs only: the taxable amounts converted in the last five years (IRC 408A(d)(3)(F)).
    recent_conversions: Decimal = ZERO
    returns: tuple[Decimal, Decimal] = DEFAULT_RETURNS
    to_age: int = DEFAULT_TO_AGE


@dataclass(frozen=True, slots=True)
class Growth:
    """What the money paid out would have grown to in the account, at one yearly return."""

    rate: Decimal  # percent a year
    years: int
    value_then: Decimal
    given_up: Decimal  # value_then minus the money paid out today


@dataclass(frozen=True, slots=True)
class StateSaving:
    """What the loss that closing creates would be worth on the state return.

    `tax_saved` is the state's tax on taxable income without the loss minus with it, each with
    the larger of the standard deduction and the itemized deductions (None when it could not be
    worked out: no AGI or filing status, or no rate schedule for the state).
    """

    counts: Decimal | None  # the loss after the state's floor, share and limits
    if_allowed: bool  # the state has not settled the year: only if it allows the loss
    agi: Decimal | None = None  # the state AGI used (federal AGI standing in where not given)
    standard_deduction: Decimal | None = None
    other_itemized: Decimal = ZERO
    other_itemized_given: bool = False
    itemizes: bool = False  # itemizing (with the loss) beats the standard deduction
    tax_without: Decimal | None = None
    tax_with: Decimal | None = None
    tax_saved: Decimal | None = None
    schedule_id: str = ""
    schedule_year: int | None = None  # the year whose published figures were used
    # Why tax_saved is None: "agi", "filing_status", "schedule" (no rates for the state and
    # year) or "counts" (the amount that counts could not be worked out); "" when worked out.
    missing: str = ""


@dataclass(frozen=True, slots=True)
class ClosingPlan:
    """Closing every account of the kind this year, against keeping them."""

    year: int
    group: str  # the AccountGroup value: whose accounts must all be closed
    value_now: Decimal
    basis: Decimal
    loss: Decimal | None  # None: worth at least the basis, so closing creates no loss
    state_counts_loss: bool  # the state's law for the year lets such a loss count at all
    saving: StateSaving | None  # None where nothing would count on the state return
    # What closing would cost now. With a loss the payout is below the basis, so none of it is
    # taxable; the additional tax on early payouts can still reach a Roth IRA conversion less
    # than five years old.
    taxable_part: Decimal = ZERO
    early_tax_base: Decimal = ZERO
    early_tax_rate: Decimal = ZERO
    early_tax: Decimal = ZERO
    state_early_tax_rate: Decimal = ZERO
    state_early_tax: Decimal = ZERO
    under_early_age: bool | None = None  # None: age not given
    # What it would give up: growth at each stated return, and how much can go back in.
    growth: tuple[Growth, ...] = ()
    age: Decimal | None = None
    to_age: int = DEFAULT_TO_AGE
    can_put_back: Decimal | None = None  # this year's contribution limit at the person's age
    put_back_figures_year: int | None = None
    # The law behind each figure, with its citations, in the order the figures are shown.
    statements: tuple[Statement, ...] = ()

    @property
    def cost_now(self) -> Decimal:
        return self.early_tax + self.state_early_tax

    @property
    def money_now(self) -> Decimal:
        """What closing puts in hand this year, after the additional taxes it costs."""
        return self.value_now - self.cost_now
