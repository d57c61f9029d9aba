"""The basis from earlier years, added up year by year when the last Form 8606 is not at hand.

Each earlier year adds after-tax money (traditional IRAs: nondeductible contributions, Form 8606
line 1; Roth IRAs: contributions, conversions and rollovers of designated Roth money) and takes
some out. Roth IRAs: payouts, returned and recharacterized contributions, contributions first
(Form 8606 Part III). Traditional, SEP and SIMPLE IRAs: a payout or conversion is part basis,
part taxable, in the share of the basis to everything in those IRAs (Form 8606 lines 6-13,
issue 20 item 4): line 10 = basis / (value at the end of the year + what was taken out), at most
1, and the basis used (line 13) is what was taken out times line 10. That holds however the
payout was reported: a person without Form 8606 who reported it all as taxable still used up
that share of the basis (the IRS counts it so; the tax paid in error is for an amended return).

Basis never goes below zero: a Roth payout larger than the basis left is earnings beyond it, and
it does not use up contributions made in later years. That is why the years are added up one by
one rather than as totals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
CENT = Decimal("0.01")


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
    # Traditional IRAs: all of them at the end of the year, rollovers outstanding included (Form
    # 8606 line 6). None (not given) counts as 0: everything was taken out, so what was taken
    # out used up basis up to the basis left, as the ordering rule for Roth IRAs does.
    value_at_year_end: Decimal | None = None

    @property
    def beyond_basis(self) -> Decimal:
        """What was taken out beyond the basis used: earnings, or the taxable share."""
        return self.taken_out - self.basis_used

    @property
    def basis_before_payout(self) -> Decimal:
        """The basis the year's payouts were shared against (Form 8606 line 3, or line 5)."""
        return self.basis_after + self.basis_used

    @property
    def whole(self) -> Decimal:
        """Everything in the IRAs that year: worth at year end + taken out (Form 8606 line 9)."""
        return (self.value_at_year_end or ZERO) + self.taken_out


def _basis_used(available: Decimal, y: EarlierYear, pro_rata: bool) -> Decimal:
    if not y.taken_out or available <= ZERO:
        return ZERO
    value = (y.value_at_year_end or ZERO) if pro_rata else ZERO
    if not value:  # everything was taken out, or a Roth IRA: basis first, up to what is left
        return min(y.taken_out, available)
    whole = value + y.taken_out  # Form 8606 line 9
    if available >= whole:  # line 10 at most 1: all of it came back tax-free
        return y.taken_out
    # Lines 10 and 13 at once (line 10 unrounded: "at least 3 places"), to the cent.
    return (y.taken_out * available / whole).quantize(CENT, ROUND_HALF_UP)


def basis_by_year(
    years: Iterable[EarlierYear], *, pro_rata: bool = True
) -> tuple[EarlierYear, ...]:
    """The years in order, each with the basis it used and the basis left after it.

    pro_rata: traditional, SEP and SIMPLE IRAs (Form 8606 Part I); False for Roth IRAs, whose
    payouts use up basis first (a year-end value is then not used).
    """
    basis = ZERO
    worked: list[EarlierYear] = []
    for y in sorted(years, key=lambda y: y.year):
        available = basis + y.added
        used = _basis_used(available, y, pro_rata)
        basis = available - used
        value = y.value_at_year_end if pro_rata else None
        worked.append(EarlierYear(y.year, y.added, y.taken_out, used, basis, value))
    return tuple(worked)
