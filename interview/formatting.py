"""Display formats: money is rounded to cents only here, at the edge."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money(amount: Decimal) -> str:
    """$1,234.56; whole dollars without cents ($18,000); a reduction as −$500."""
    value = cents(amount)
    if value < 0:
        return "−" + money(-value)
    if value == value.to_integral_value():
        return f"${value:,.0f}"
    return f"${value:,.2f}"


def decimal_string(amount: Decimal | None) -> str | None:
    """The API's money format: a decimal string with two places, or None."""
    return None if amount is None else str(cents(amount))
