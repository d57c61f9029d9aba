"""The basis from earlier years, added up year by year when the last Form 8606 is not at hand.

Each earlier year adds after-tax money (traditional IRAs: nondeductible contributions, Form 8606
line 1; Roth IRAs: contributions, conversions and rollovers of designated Roth money) and takes
some out (traditional IRAs: the nontaxable part of that year's payouts and conversions, Form 8606
lines 11 and 13; Roth IRAs: payouts, returned and recharacterized contributions). Basis never goes
below zero: a Roth payout larger than the basis left is earnings beyond it (Form 8606 Part III
orders contributions first), and it does not use up contributions made in later years. That is why
the years are added up one by one rather than as totals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class EarlierYear:
    """One earlier year as the user gave it, and what it did to the basis."""

    year: int
    added: Decimal = ZERO
    taken_out: Decimal = ZERO
    # Worked out by basis_by_year: the part of taken_out that used up basis, and the basis left
    # at the end of the year.
    basis_used: Decimal = ZERO
    basis_after: Decimal = ZERO

    @property
    def beyond_basis(self) -> Decimal:
        """What was taken out beyond the basis left (earnings): it used up no basis."""
        return self.taken_out - self.basis_used


def basis_by_year(years: Iterable[EarlierYear]) -> tuple[EarlierYear, ...]:
    """The years in order, each with the basis it used and the basis left after it."""
    basis = ZERO
    worked: list[EarlierYear] = []
    for y in sorted(years, key=lambda y: y.year):
        available = basis + y.added
        used = min(y.taken_out, available)
        basis = available - used
        worked.append(EarlierYear(y.year, y.added, y.taken_out, used, basis))
    return tuple(worked)
