"""Form fields that accept what people type and return clean values."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# No real account is anywhere near this: a larger number is a typo (or an attack).
MAX_MONEY = Decimal("100000000000")  # $100 billion
# "$1,234.56", "1234", " 1,234 ", "1234.5": digits in groups of three or not at all.
_MONEY = re.compile(r"^\$?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<cents>\d{1,2}))?$")


def parse_money(value: object) -> Decimal:
    """Turn what a person typed (or an API number) into dollars; raise ValidationError if not."""
    if isinstance(value, bool):
        raise ValidationError(_("Enter an amount in dollars, like 18,000"), code="invalid")
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, str):
        text = value
    else:
        raise ValidationError(_("Enter an amount in dollars, like 18,000"), code="invalid")
    text = text.strip().replace(" ", "")
    if text.startswith("-") or text.startswith("$-") or text.startswith("-$"):
        raise ValidationError(
            _("Enter an amount of 0 or more, like 18,000. Do not use a minus sign."),
            code="negative",
        )
    match = _MONEY.match(text)
    if not match:
        raise ValidationError(
            _("Enter an amount in dollars using digits, like 18,000 or 18,000.50"),
            code="invalid",
        )
    try:
        amount = Decimal(match["int"].replace(",", "") + "." + (match["cents"] or "0"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValidationError(
            _("Enter an amount in dollars, like 18,000"), code="invalid"
        ) from None
    if amount > MAX_MONEY:
        raise ValidationError(
            _("That amount is too large. Check it and enter it in dollars, like 18,000"),
            code="max_value",
        )
    return amount


class MoneyField(forms.Field):
    """A dollar amount: accepts "$1,234.56", "1234", " 1,234 "; returns a Decimal ≥ 0."""

    widget = forms.TextInput

    def __init__(self, *, example: str = "18,000", **kwargs: object) -> None:
        self.example = example
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, str]:
        attrs = super().widget_attrs(widget)
        # Text, not type=number: numeric keypads on phones, and "$" and "," are accepted.
        attrs.update(
            {
                "inputmode": "decimal",
                "autocomplete": "off",
                "spellcheck": "false",
                "class": "usa-input usa-input--medium",
            }
        )
        return attrs

    def to_python(self, value: object) -> Decimal | None:
        if value in self.empty_values:
            return None
        return parse_money(value)
