"""Form fields that accept what people type and return clean values."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from interview.questions.text import is_encodable, printable

# No real account is anywhere near this: a larger number is a typo (or an attack).
MAX_MONEY = Decimal("100000000000")  # $100 billion
# No number anyone types is longer, and no amount or year is larger than 10**15 or finer than
# cents: anything past these is refused before any arithmetic, because turning 1e1000000 into an
# integer took ~40 s of CPU (found by the probe, issue 13).
MAX_NUMBER_CHARS = 32
MAX_EXPONENT = 15
# "$1,234.56", "1234", " 1,234 ", "1234.5": digits in groups of three or not at all.
_MONEY = re.compile(r"^\$?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<cents>\d{1,2}))?$")
# "18.000,50", "18000,50", "18.000": a comma before the cents or dots between thousands, as
# amounts are written in Mexico, Spain and much of the world. Amounts here are written the US way
# in every language (issue 22), so these get a message showing that way, not a generic error.
_DECIMAL_COMMA = re.compile(r"^\$?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$")
# The same, as the API documents it for text: up to 11 digits, or MAX_MONEY itself.
MONEY_TEXT_PATTERN = (
    r"^ *\$?((\d{1,3}(,\d{3}){1,2}|\d{1,2}(,\d{3}){3}|\d{1,11})(\.\d{1,2})?"
    r"|(100,000,000,000|100000000000)(\.0{1,2})?) *$"
)


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
    if len(text) > MAX_NUMBER_CHARS:
        raise ValidationError(
            _("That amount is too long. Check it and enter it in dollars, like 18,000"),
            code="max_length",
        )
    if text.startswith("-") or text.startswith("$-") or text.startswith("-$"):
        raise ValidationError(
            _("Enter an amount of 0 or more, like 18,000. Do not use a minus sign."),
            code="negative",
        )
    match = _MONEY.match(text)
    if not match and _DECIMAL_COMMA.match(text):
        raise ValidationError(
            _(
                "Write the amount with a dot before the cents and commas between thousands, like 18,000.50"
            ),
            code="invalid",
        )
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

    def json_schema(self) -> dict[str, object]:
        """How the API documents this field (interview.api.openapi reads it)."""
        return {
            "anyOf": [
                # Dollars and cents: a number with more decimal places is refused.
                {"type": "number", "minimum": 0, "maximum": int(MAX_MONEY), "multipleOf": 0.01},
                {"type": "string", "pattern": MONEY_TEXT_PATTERN},
            ],
            "examples": [int(self.example.replace(",", "")), f"${self.example}.50"],
        }


def is_bounded(value: object) -> bool:
    """True if a number (or numeric text) is short and small enough for any arithmetic."""
    if isinstance(value, str):
        return len(value.strip()) <= MAX_NUMBER_CHARS
    if isinstance(value, float | Decimal):
        number = Decimal(value)
        return number.is_finite() and (not number or abs(number.adjusted()) <= MAX_EXPONENT)
    if isinstance(value, int):
        return abs(value) < 10**MAX_EXPONENT
    return True


class BoundedDecimalField(forms.DecimalField):
    """A DecimalField that refuses overlong or huge numbers before converting them."""

    def to_python(self, value: object) -> Decimal | None:
        if not is_bounded(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class PrintedTextField(forms.CharField):
    """Free text printed on the PDF: refused unless encodable; printed as typed (see text.py)."""

    def to_python(self, value: object) -> str:
        if value not in self.empty_values and not isinstance(value, str):
            raise ValidationError(_("Enter text, like Client 0427"), code="invalid")
        if isinstance(value, str) and not is_encodable(value):
            raise ValidationError(
                _(
                    "This text has a character that cannot be printed. Type it again "
                    "instead of pasting it, like Client 0427"
                ),
                code="unencodable",
            )
        return super().to_python(printable(value) if isinstance(value, str) else value)


class AnswerBooleanField(forms.NullBooleanField):
    """JSON true or false, optional unless `required=True` (NullBooleanField ignores required)."""

    default_error_messages = {"required": _("Enter true or false.")}

    def __init__(self, *, required: bool = False, **kwargs: object) -> None:
        super().__init__(required=required, **kwargs)  # type: ignore[arg-type]

    def validate(self, value: bool | None) -> None:
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")


class ObjectField(forms.Field):
    """A nested JSON object whose members are the fields of `form_class`.

    Declaring one is all it takes: the API checks the object's keys and values with that form and
    reports its errors as `name.member`; the OpenAPI document describes it from the same form.
    `echo=False` keeps it out of the answer's `answers` (text that is never stored or logged).
    `many=N` makes it a JSON array of at most N such objects, reported as `name[i].member`.
    """

    def __init__(
        self, form_class: type[forms.Form], *, echo: bool = True, many: int = 0, **kwargs: object
    ) -> None:
        self.form_class = form_class
        self.echo = echo
        self.many = many
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def to_python(self, value: object) -> dict[str, object] | list[object] | None:
        # The API has already checked the object with form_class; this field only carries it.
        if value is None:
            return None
        if self.many:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ValidationError(_("Send a JSON array of objects."), code="wrong_type")
            return value
        if not isinstance(value, dict):
            raise ValidationError(_("Send a JSON object."), code="wrong_type")
        return value
