"""The API's request bodies as Django forms: the one source for checking and for documenting them.

interview.api_body checks JSON bodies with these forms (unknown keys, JSON types, nested objects,
stable error codes) and interview.openapi describes them (help_text is each field's description).
The fields are the interview's own (MoneyField, TaxYearField, the age field), so a value the wizard
refuses is refused by the API with the same message.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rules import STATE_CODES, AccountType, FilingStatus

from .fields import (
    AnswerBooleanField,
    BoundedDecimalField,
    MoneyField,
    ObjectField,
    PrintedTextField,
)
from .forms import AgeForm, TaxYearField

# Only one's own traditional, SEP and SIMPLE IRAs can be converted to a Roth IRA.
CONVERTIBLE = frozenset({AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA})

TEXT_LIMIT = 200
NOTE_LIMIT = 1000


class PreparerForm(forms.Form):
    """Optional fields printed on the PDF; never stored or logged."""

    # USWDS classes and widths; the note box fills its column and no more (issue 12, bug 5).
    client = PrintedTextField(
        label=_("Client name or reference"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"class": "usa-input usa-input--xl"}),
    )
    preparer_name = PrintedTextField(
        label=_("Preparer name"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"class": "usa-input usa-input--xl", "autocomplete": "name"}),
    )
    firm = PrintedTextField(
        label=_("Firm"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(
            attrs={"class": "usa-input usa-input--xl", "autocomplete": "organization"}
        ),
    )
    note = PrintedTextField(
        label=_("Note"),
        max_length=NOTE_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"class": "usa-textarea", "rows": 4, "cols": 20}),
    )


class BasisWorksheetForm(forms.Form):
    """The figures the basis is worked out from, for the year the last account was emptied
    (sent instead of basis and total_distributions; each defaults to 0)."""

    basis_before_year = MoneyField(
        required=False,
        help_text=_(
            "Traditional IRAs: Form 8606 line 2 (line 14 of the last Form 8606). Roth IRAs: "
            "contribution and conversion basis at the start of the year. Plans: after-tax money "
            "not yet recovered. Like 20000."
        ),
        example="20,000",
    )
    after_tax_added_in_year = MoneyField(
        required=False,
        help_text=_(
            "Traditional IRAs: Form 8606 line 1 (nondeductible contributions for the year). "
            "Roth IRAs: contributions for the year. Plans: after-tax contributions in the year."
        ),
        example="7,000",
    )
    paid_out_in_year = MoneyField(
        required=False,
        help_text=_("Everything received that year from all accounts of that kind."),
        example="12,000",
    )
    converted_in_year = MoneyField(
        required=False,
        help_text=_(
            "Traditional, SEP and SIMPLE IRAs only: converted to a Roth IRA that year "
            "(Form 8606 line 8); counts as paid out."
        ),
        example="6,800",
    )


class DeterminationForm(forms.Form):
    """The API's body, checked with the same fields as the interview.

    This class is the API's contract: interview.api_body checks JSON bodies with it (unknown keys,
    JSON types, nested objects) and interview.openapi documents it (help_text is the description).
    A new request field, or a nested object (ObjectField of a form), is one declaration here.
    """

    # field: (other field, value, unless) — the field is required when the other has that value,
    # unless the `unless` field is sent.
    required_when = {"total_distributions": ("fully_liquidated", True, "basis_worksheet")}
    # Exactly one of each group is sent.
    one_of = (("basis", "basis_worksheet"),)

    account_type = forms.ChoiceField(
        choices=[(t.value, t.value) for t in AccountType],
        help_text=_("The kind of account that lost money (one kind at a time)."),
    )
    tax_year = TaxYearField(
        help_text=_("The tax year of the final payment, 2000 through next year, like 2017.")
    )
    state = forms.ChoiceField(
        choices=[(c, c) for c in STATE_CODES],
        help_text=_("Two-letter code of the state of residence that year, or DC, like NY."),
    )
    basis = MoneyField(
        required=False,
        help_text=_(
            "After-tax money not yet recovered in all accounts of that kind, in dollars "
            "(0 = none), like 20000. Send this or basis_worksheet."
        ),
        example="20,000",
    )
    fully_liquidated = AnswerBooleanField(
        required=True,
        help_text=_("Every account of that kind was paid out in full by the end of tax_year."),
    )
    total_distributions = MoneyField(
        required=False,
        help_text=_(
            "The total received to close the accounts, like 18000 "
            "(required when fully_liquidated is true)."
        ),
    )
    agi = MoneyField(
        required=False,
        help_text=_("Adjusted gross income that year, for the 2% floor, like 50000."),
        example="50,000",
    )
    age_at_distribution = BoundedDecimalField(
        **{
            k: getattr(AgeForm.base_fields["age_at_distribution"], k)
            for k in ("min_value", "max_value", "max_digits", "decimal_places", "error_messages")
        },
        required=False,
        help_text=_("Age in years when the money was paid out, like 45 or 59.5."),
    )
    state_basis = MoneyField(
        required=False,
        help_text=_(
            "Used by states that taxed contributions the federal return did not; "
            "leave out to use basis."
        ),
    )
    state_agi = MoneyField(
        required=False,
        help_text=_(
            "The state's own adjusted gross income, for states whose 2% floor uses it "
            "(Alabama, Arkansas, Hawaii, Montana); leave out to use agi."
        ),
        example="48,000",
    )
    inherited = AnswerBooleanField(
        help_text=_("An inherited IRA, tested on its own apart from your own IRAs.")
    )
    rolled_over = AnswerBooleanField(
        help_text=_("The money was rolled over or transferred: a rollover is not a payment.")
    )
    filing_status = forms.ChoiceField(
        choices=[(f.value, f.value) for f in FilingStatus],
        required=False,
        help_text=_(
            "Filing status: sets the capital-loss limit, the §68 threshold and the thresholds "
            "of state limits on itemized deductions (New York, California)."
        ),
    )
    basis_worksheet = ObjectField(
        BasisWorksheetForm,
        help_text=_(
            "Instead of basis and total_distributions: the figures to work them out from. "
            "basis = basis_before_year + after_tax_added_in_year; total received = "
            "paid_out_in_year + converted_in_year."
        ),
    )
    preparer = ObjectField(
        PreparerForm,
        echo=False,
        help_text=_(
            "Printed on the PDF summary only (accepted and checked by every endpoint, so one "
            "body fits all); never stored or logged."
        ),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        for name, (other, value, unless) in self.required_when.items():
            if (
                data.get(other) == value
                and data.get(name) is None
                and data.get(unless) is None
                and name not in self.errors
            ):
                self.add_error(name, forms.ValidationError(self.fields[name].help_text, "required"))
        self._check_basis_worksheet(data)
        return data

    def _check_basis_worksheet(self, data: dict[str, object]) -> None:
        worksheet = data.get("basis_worksheet")
        if worksheet is None:
            if data.get("basis") is None and "basis" not in self.errors:
                self.add_error(
                    "basis",
                    forms.ValidationError(
                        _("Enter the basis, like 20000, or send basis_worksheet."), "required"
                    ),
                )
            return
        one = _("Send basis and total_distributions, or basis_worksheet: not both.")
        for name in ("basis", "total_distributions"):
            if data.get(name) is not None:
                self.add_error(name, forms.ValidationError(one, "one_of"))
        kind = data.get("account_type")
        if kind == AccountType.TAXABLE_BROKERAGE:
            self.add_error(
                "basis_worksheet",
                forms.ValidationError(
                    _("basis_worksheet is for retirement accounts; send basis (the cost)."),
                    "invalid",
                ),
            )
        if (
            isinstance(worksheet, dict)
            and worksheet.get("after_tax_added_in_year")
            and (data.get("inherited"))
        ):
            self.add_error(
                "basis_worksheet",
                forms.ValidationError(
                    _(
                        "after_tax_added_in_year must be 0 for an inherited IRA: an heir cannot "
                        "contribute to it."
                    ),
                    "invalid",
                ),
            )
        converted = worksheet.get("converted_in_year") if isinstance(worksheet, dict) else None
        traditional = kind in CONVERTIBLE and not data.get("inherited")
        if converted and not traditional:
            self.add_error(
                "basis_worksheet",
                forms.ValidationError(
                    _(
                        "converted_in_year is for your own traditional, SEP and SIMPLE IRAs "
                        "only: other accounts cannot be converted to a Roth IRA."
                    ),
                    "invalid",
                ),
            )
