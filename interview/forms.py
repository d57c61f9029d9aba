"""One form per question. Forms validate and normalise; labels are the questions.

The API parses its JSON with api_forms.DeterminationForm, built from the same fields, so a value
the wizard refuses is refused by the API with the same message.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from rules import (
    FIRST_TAX_YEAR,
    STATE_CODES,
    AccountType,
    FilingStatus,
    current_law,
    last_tax_year,
)

from .fields import BoundedDecimalField, MoneyField, is_bounded
from .wording import ACCOUNT_LABELS, wording_for

YES, NO, NOT_SURE = "yes", "no", "not_sure"
IRA_TYPES = frozenset(
    {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA, AccountType.ROTH_IRA}
)
ROLLED_OVER = "rolled_over"
WORK_IT_OUT = "work_it_out"  # the basis worksheet (interview/basis_questions.py)
RADIO = forms.RadioSelect


def state_choices() -> list[tuple[str, str]]:
    law = current_law()
    return sorted(
        ((code, law.jurisdictions[code].name) for code in STATE_CODES), key=lambda c: c[1]
    )


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


class StepForm(forms.Form):
    """A question page. `account_type` words the question for the account chosen."""

    def __init__(self, *args: object, account_type: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.words = wording_for(account_type)
        self.word_fields()

    def word_fields(self) -> None:
        """Set labels and hints from the account wording (override where they differ)."""


class AccountTypeForm(StepForm):
    account_type = forms.ChoiceField(
        label=_("What kind of account lost money?"),
        help_text=_("If you had more than one kind, check one kind at a time."),
        choices=list(ACCOUNT_LABELS.items()),
        widget=RADIO,
        error_messages={"required": _("Select the kind of account, like a traditional IRA")},
    )


class InheritedForm(StepForm):
    inherited = forms.ChoiceField(
        label=_("Did you inherit this IRA from someone who died?"),
        help_text=_(
            "An inherited IRA keeps the basis of the person who died and is tested on its own, "
            "apart from your own IRAs. Answer no if it was your spouse's IRA that you made your own."
        ),
        choices=[(NO, _("No, it is my own IRA")), (YES, _("Yes, I inherited it"))],
        widget=RADIO,
        error_messages={"required": _("Select whether you inherited this IRA")},
    )


class HasBasisForm(StepForm):
    has_basis = forms.ChoiceField(
        choices=[
            (YES, _("Yes")),
            (NO, _("No")),
            (WORK_IT_OUT, _("I'm not sure: work it out with me from my tax papers")),
            (NOT_SURE, _("I'm not sure, and I don't have the papers")),
        ],
        widget=RADIO,
        error_messages={"required": _("Select yes, no, or one of the I'm not sure answers")},
    )

    def word_fields(self) -> None:
        self.fields["has_basis"].label = self.words.has_basis_question
        self.fields["has_basis"].help_text = self.words.has_basis_hint


class BasisForm(StepForm):
    basis = MoneyField(error_messages={"required": _("Enter the amount, like 20,000")})

    def word_fields(self) -> None:
        self.fields["basis"].label = self.words.basis_question
        self.fields["basis"].help_text = self.words.basis_hint


class FullyLiquidatedForm(StepForm):
    fully_liquidated = forms.ChoiceField(
        widget=RADIO,
        error_messages={"required": _("Select whether everything was paid out to you")},
    )

    def word_fields(self) -> None:
        field = self.fields["fully_liquidated"]
        field.label = self.words.liquidated_question
        field.help_text = self.words.liquidated_hint
        field.choices = [
            (YES, _("Yes, every account is now empty and the money was paid to me")),
            (NO, _("No, some money is still in an account")),
            (ROLLED_OVER, _("The money was rolled over or transferred to another account")),
            (NOT_SURE, _("I'm not sure")),
        ]


class TotalDistributionsForm(StepForm):
    total_distributions = MoneyField(
        error_messages={"required": _("Enter the amount you got back, like 18,000")}
    )

    def word_fields(self) -> None:
        self.fields["total_distributions"].label = self.words.received_question
        self.fields["total_distributions"].help_text = self.words.received_hint


class TaxYearForm(StepForm):
    tax_year = TaxYearField(
        label=_("In which tax year was the last account paid out?"),
        help_text=_("The calendar year of the final payment, like 2017."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["tax_year"].error_messages["required"] = year_error()


class StateForm(StepForm):
    state = forms.ChoiceField(
        label=_("Which state did you live in that year?"),
        help_text=_("Your state of residence for income tax in that year."),
        error_messages={"required": _("Select your state, like California")},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["state"].choices = [("", _("- Select -")), *state_choices()]
        self.fields["state"].widget.attrs["class"] = "usa-select"


class StateBasisForm(StepForm):
    state_basis = MoneyField(
        label=_("How much of your money was taxed by your state when you put it in?"),
        help_text=_(
            "Your state taxed some contributions that the federal return did not, so your state "
            "basis can be larger. Leave it blank to use your federal figure."
        ),
        required=False,
    )


class AgiForm(StepForm):
    agi = MoneyField(
        label=_("What was your adjusted gross income that year?"),
        help_text=_(
            "Optional. It is on your federal return (Form 1040, “adjusted gross income”). "
            "We use it to work out the 2% floor."
        ),
        required=False,
        example="60,000",
    )


class FilingStatusForm(StepForm):
    filing_status = forms.ChoiceField(
        label=_("What was your filing status that year?"),
        help_text=_(
            "It is at the top of your return. Your state limits itemized deductions above an "
            "income that depends on it."
        ),
        choices=[
            (FilingStatus.SINGLE.value, _("Single")),
            (FilingStatus.MARRIED_JOINT.value, _("Married filing jointly")),
            (FilingStatus.MARRIED_SEPARATE.value, _("Married filing separately")),
            (FilingStatus.HEAD_OF_HOUSEHOLD.value, _("Head of household")),
            (FilingStatus.QUALIFYING_SURVIVING_SPOUSE.value, _("Qualifying surviving spouse")),
        ],
        widget=RADIO,
        error_messages={"required": _("Select your filing status, like Single")},
    )


class AgeForm(StepForm):
    age_at_distribution = BoundedDecimalField(
        label=_("How old were you when the money was paid out?"),
        help_text=_("Optional. Under 59½, an extra tax on early withdrawals can apply."),
        required=False,
        min_value=0,
        max_value=125,
        max_digits=4,
        decimal_places=1,
        error_messages={
            "invalid": _("Enter your age in years, like 45"),
            "min_value": _("Enter your age in years, like 45"),
            "max_value": _("Enter your age in years, like 45"),
            "max_digits": _("Enter your age in years, like 45"),
            "max_decimal_places": _("Enter your age in years, like 45 or 59.5"),
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        widget = self.fields["age_at_distribution"].widget
        widget.input_type = "text"
        widget.attrs.update({"inputmode": "decimal", "class": "usa-input usa-input--small"})
