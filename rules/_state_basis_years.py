"""A state basis worked out year by year: the IRA contributions a state did not let you deduct.

California is the case (FTB Publication 1005, Worksheet I): in some years its IRA deduction was
smaller than the federal one (1975; 1982–1986; for the self-employed 1987–1995; 2007–2009), and
what was deducted federally but not for California is California basis. Part of it may already
have come back tax-free for California in earlier years (pre-1987 California basis is recovered
first, Schedule CA (540), IRA distributions, column B). What is left is added to the federal basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class DeductionYear:
    """One year's IRA deduction on the federal and on the state return."""

    year: int
    federal: Decimal = ZERO
    state: Decimal = ZERO

    @property
    def not_deducted(self) -> Decimal:
        """Deducted federally but not for the state: state basis (never below zero)."""
        return max(ZERO, self.federal - self.state)


@dataclass(frozen=True, slots=True)
class StateBasisWorksheet:
    """The years the state allowed less, and the extra state basis already recovered."""

    years: tuple[DeductionYear, ...] = ()
    recovered: Decimal = ZERO

    @property
    def not_deducted(self) -> Decimal:
        return sum((y.not_deducted for y in self.years), ZERO)

    @property
    def extra(self) -> Decimal:
        """The state basis beyond the federal basis still to recover."""
        return max(ZERO, self.not_deducted - self.recovered)

    def state_basis(self, federal_basis: Decimal) -> Decimal:
        return federal_basis + self.extra
