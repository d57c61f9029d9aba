"""One form per question. Forms validate and normalise; labels are the questions.

The API parses its JSON with interview.api.forms.DeterminationForm, built from the same fields, so a value
the wizard refuses is refused by the API with the same message.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interview.questions import california_basis
from interview.questions.fields import BoundedDecimalField, MoneyField
from interview.questions.step_form import StepForm, TaxYearField, year_error
from interview.questions.wording import ACCOUNT_LABELS
from rules import (
    STATE_CODES,
    AccountType,
    FilingStatus,
    current_law,
)

YES, NO, NOT_SURE = "yes", "no", "not_sure"
IRA_TYPES = frozenset(
    {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA, AccountType.ROTH_IRA}
)
ROLLED_OVER = "rolled_over"
WORK_IT_OUT = "work_it_out"  # the basis worksheet (interview/questions/basis_questions.py)
RADIO = forms.RadioSelect


def state_choices() -> list[tuple[str, str]]:
    """Each state by its name in the reader's language (the law's catalog, rules/law/locale/),
    in the order of those names."""
    law = current_law()
    return sorted(
        ((code, gettext(law.jurisdictions[code].name)) for code in STATE_CODES),
        key=lambda c: c[1],
    )


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
    asked_for_group = True
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
    asked_for_group = True
    basis = MoneyField(error_messages={"required": _("Enter the amount, like 20,000")})

    def word_fields(self) -> None:
        self.fields["basis"].label = self.words.basis_question
        self.fields["basis"].help_text = self.words.basis_hint

    def clean_basis(self) -> Decimal:
        basis = self.cleaned_data["basis"]
        if basis == 0:
            # "Yes" to after-tax money, then $0: one of the two answers is wrong (issue 12).
            raise forms.ValidationError(
                _(
                    "Enter an amount above $0, like 20,000. If you had no after-tax money, go "
                    "back and answer no"
                ),
                code="zero",
            )
        return basis


class FullyLiquidatedForm(StepForm):
    """The filter question: is any money still there? Stored as before: YES = all paid out."""

    asked_for_group = True
    fully_liquidated = forms.ChoiceField(
        widget=RADIO,
        error_messages={"required": _("Select whether any money is still there")},
    )

    def word_fields(self) -> None:
        field = self.fields["fully_liquidated"]
        field.label = self.words.liquidated_question
        field.help_text = self.words.liquidated_hint
        choices = [(NO, self.words.still_there), (YES, self.words.all_paid)]
        if self.words.key == "brokerage":
            field.choices = [*reversed(choices), (NOT_SURE, _("I'm not sure"))]
        else:
            field.choices = [
                *choices,
                (ROLLED_OVER, _("No, it was rolled over or moved to another account")),
                (NOT_SURE, _("I'm not sure")),
            ]


class TotalDistributionsForm(StepForm):
    asked_for_group = True
    total_distributions = MoneyField(
        error_messages={"required": _("Enter the amount you got back, like 18,000")}
    )

    def word_fields(self) -> None:
        self.fields["total_distributions"].label = self.words.received_question
        self.fields["total_distributions"].help_text = self.words.received_hint


class TaxYearForm(StepForm):
    tax_year = TaxYearField()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["tax_year"].error_messages["required"] = year_error()

    def word_fields(self) -> None:
        self.fields["tax_year"].label = self.words.year_question
        self.fields["tax_year"].help_text = self.words.year_hint


class StateForm(StepForm):
    state = forms.ChoiceField(
        label=_("Which state did you live in that year?"),
        help_text=_("Your state of residence for income tax in that year."),
        error_messages={"required": _("Select your state, like California")},
    )

    def __init__(self, *args: object, still_there: bool = False, **kwargs: object) -> None:
        self.still_there = still_there  # no year was asked: "that year" would name none
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["state"].choices = [("", _("- Select -")), *state_choices()]
        self.fields["state"].widget.attrs["class"] = "usa-select"

    def word_fields(self) -> None:
        if self.still_there:
            self.fields["state"].label = _("Which state do you live in?")
            self.fields["state"].help_text = _(
                "Your state of residence for income tax. Some states allow the loss once the "
                "last of the money is paid out."
            )


class StateBasisForm(StepForm):
    state_basis = MoneyField(
        label=_("How much of your money was taxed by your state when you put it in?"),
        help_text=_(
            "Your state taxed some contributions that the federal return did not, so your state "
            "basis can be larger. Leave it blank to use your federal figure."
        ),
        required=False,
    )

    def __init__(
        self, *args: object, by_year: bool = False, state_name: str = "", **kwargs: object
    ) -> None:
        self.by_year = by_year  # California: a blank answer is worked out year by year
        self.state_name = gettext(state_name) if state_name else ""  # as the law's catalog says it
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def word_fields(self) -> None:
        if self.state_name and not self.by_year:
            field = self.fields["state_basis"]
            facts = {"state": self.state_name}
            field.label = _("How much of your money did %(state)s tax when you put it in?") % facts
            field.help_text = (
                _(
                    "%(state)s taxed contributions that the federal return did not, so your "
                    "%(state)s basis can be larger: what you put in that %(state)s taxed, less "
                    "what already came back to you untaxed by %(state)s, like 20,000. Leave it "
                    "blank to use your federal figure."
                )
                % facts
            )
        if self.by_year:
            field = self.fields["state_basis"]
            field.label = _("What is your California basis in these IRAs?")
            field.help_text = _(
                "Your federal basis, plus IRA contributions California did not let you deduct "
                "(in %(years)s, under the rules of those years), less what of them already came "
                "back tax-free for California, like 22,000. Don't know it? Leave this blank and "
                "we will work it out with you, year by year."
            ) % {"years": california_basis.year_spans()}


class AgiForm(StepForm):
    agi = MoneyField(
        label=_("What was your adjusted gross income that year?"),
        help_text=_(
            # xgettext:no-python-format (a plain %, never %-formatted)
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

    def word_fields(self) -> None:
        if self.words.key == "brokerage":
            self.fields["filing_status"].help_text = _(
                "It is at the top of your return. Married filing separately, the yearly limit "
                "on capital losses against other income is half the usual one."
            )


class AgeField(BoundedDecimalField):
    """An age in years; "59½" and "59 1/2" read as 59.5 (the hint itself says 59½)."""

    def to_python(self, value: object) -> Decimal | None:
        if isinstance(value, str):
            value = value.replace("½", ".5").replace(" 1/2", ".5").replace(" .5", ".5")
        return super().to_python(value)


class AgeForm(StepForm):
    age_at_distribution = AgeField(
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
