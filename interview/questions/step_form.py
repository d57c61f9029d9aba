"""What every question page shares: the step form, the tax year field, and the hidden input
that says what a page was answered for (interview.questions.forms holds the questions themselves)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from interview.questions.fields import is_bounded
from interview.questions.wording import wording_for
from rules import FIRST_TAX_YEAR, last_tax_year

__all__ = ["FixedHiddenInput", "StepForm", "TaxYearField", "year_error"]


def year_error() -> str:
    return _("Enter a tax year from %(first)s to %(last)s, like 2017") % {
        "first": FIRST_TAX_YEAR,
        "last": last_tax_year(),
    }


class TaxYearField(forms.IntegerField):
    """A tax year in the supported range; the message says the range."""

    widget = forms.TextInput  # not type=number: no spinner, no browser-side validation

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("error_messages", {})
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.widget.attrs.update(
            {"inputmode": "numeric", "class": "usa-input usa-input--small", "autocomplete": "off"}
        )

    def to_python(self, value: object) -> int | None:
        # Bounded first: int(Decimal("1e1000000")) alone takes about 40 s.
        if isinstance(value, bool) or not is_bounded(value):
            raise forms.ValidationError(year_error(), code="invalid")
        if isinstance(value, float | Decimal) and value != int(value):
            raise forms.ValidationError(year_error(), code="invalid")
        if isinstance(value, str):
            value = value.strip()
        try:
            year = super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(year_error(), code="invalid") from None
        return year

    def validate(self, value: int | None) -> None:
        super().validate(value)
        if value is not None and not FIRST_TAX_YEAR <= value <= last_tax_year():
            raise forms.ValidationError(year_error(), code="out_of_range")

    def json_schema(self) -> dict[str, object]:
        """How the API documents this field: the range moves with the calendar (next year)."""
        return {"type": "integer", "minimum": FIRST_TAX_YEAR, "maximum": last_tax_year()}


class FixedHiddenInput(forms.HiddenInput):
    """Always renders what the page is asked for now (the account group, the years), whatever
    an older answer said: a stored answer for something else then no longer validates."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def format_value(self, value: object) -> str:
        return self.key


class StepForm(forms.Form):
    """A question page. `account_type` words the question for the account chosen.

    A form whose answer means something else for another kind of account (`asked_for_group`)
    stores the account group it was answered for; after a change of account type the stored
    answer no longer validates, so the Check page drops it and the step is asked again.
    """

    asked_for_group = False

    def __init__(self, *args: object, account_type: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.words = wording_for(account_type)
        if self.asked_for_group:
            self.fields["asked_for"] = forms.CharField(
                required=False, max_length=20, widget=FixedHiddenInput(self.words.key)
            )
        self.word_fields()

    def word_fields(self) -> None:
        """Set labels and hints from the account wording (override where they differ)."""

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        asked_for = cleaned.pop("asked_for", None)
        if self.asked_for_group and asked_for and asked_for != self.words.key:
            question = next(name for name in self.fields if name != "asked_for")
            self.add_error(
                question,
                forms.ValidationError(
                    _(
                        "You changed the kind of account, and this question means something "
                        "else for it: answer it again"
                    ),
                    code="account_changed",
                ),
            )
        return cleaned
