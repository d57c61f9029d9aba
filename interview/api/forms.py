"""The API's request bodies as Django forms: the one source for checking and for documenting them.

interview.api.body checks JSON bodies with these forms (unknown keys, JSON types, nested objects,
stable error codes) and interview.api.openapi describes them (help_text is each field's description).
The fields are the interview's own (MoneyField, TaxYearField, the age field), so a value the wizard
refuses is refused by the API with the same message.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interview.api.worksheets import (
    BasisWorksheetForm,
    StateBasisWorksheetForm,
    check_basis_worksheet,
    check_state_basis_worksheet,
)
from interview.questions import california_basis
from interview.questions.fields import (
    AnswerBooleanField,
    BoundedDecimalField,
    MoneyField,
    ObjectField,
)
from interview.questions.forms import AgeForm, TaxYearField
from interview.questions.planner import PlanAgeForm, WholeAgeField
from interview.questions.preparer import PreparerForm
from rules import STATE_CODES, AccountType, FilingStatus


def _plan_field(name: str) -> dict[str, object]:
    """The interview's bounds and messages for one of the planner's assumptions."""
    field = PlanAgeForm.base_fields[name]
    keys = ("min_value", "max_value", "max_digits", "decimal_places", "error_messages")
    return {"required": False, **{k: getattr(field, k) for k in keys if hasattr(field, k)}}


class DeterminationForm(forms.Form):
    """The API's body, checked with the same fields as the interview.

    This class is the API's contract: interview.api.body checks JSON bodies with it (unknown keys,
    JSON types, nested objects) and interview.api.openapi documents it (help_text is the description).
    A new request field, or a nested object (ObjectField of a form), is one declaration here.
    """

    # field: (other field, value, unless) — the field is required when the other has that value,
    # unless the `unless` field is sent.
    required_when = {"total_distributions": ("fully_liquidated", True, "basis_worksheet")}
    # Exactly one of each group is sent.
    one_of = (("basis", "basis_worksheet"),)
    # Never both sent: each worksheet works out the figure it stands for (interview.api.worksheets).
    never_together = (
        ("basis_worksheet", "total_distributions"),
        ("state_basis", "state_basis_worksheet"),
    )
    # Sent only where it applies: the other fields must then have one of these values
    # (check_state_basis_worksheet, from california_basis.applies).
    only_with = {
        "state_basis_worksheet": {
            "state": [california_basis.STATE],
            "account_type": sorted(t.value for t in california_basis.OWN_TRADITIONAL),
            "inherited": [False, None],
        }
    }

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
        # xgettext:no-python-format (a plain %, never %-formatted)
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
            # xgettext:no-python-format (a plain %, never %-formatted)
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
    state_basis_worksheet = ObjectField(
        StateBasisWorksheetForm,
        help_text=_(
            "California, your own traditional, SEP or SIMPLE IRAs: instead of state_basis, the "
            "years California allowed a smaller IRA deduction (FTB Publication 1005, Worksheet "
            "I). state_basis = basis + the sum of (federal − state) over the years, less recovered."
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
    # Accounts still open (fully_liquidated false): should I close them? (issue 21)
    value_now = MoneyField(
        required=False,
        help_text=_(
            "Accounts still open: what all accounts of this kind are worth now, together. With "
            "it (and tax_year from 2026), closing_plan compares closing them all this year with "
            "keeping them; age_at_distribution is then the age now."
        ),
        example="21,000",
    )
    other_itemized_deductions = MoneyField(
        required=False,
        help_text=_(
            "With value_now: other deductions itemized on the state return this year (mortgage "
            "interest, property tax, gifts); left out counts as none."
        ),
        example="12,000",
    )
    recent_roth_conversions = MoneyField(
        required=False,
        help_text=_(
            "With value_now, Roth IRAs: the taxable amounts converted in the last five years, "
            "for the additional tax on early payouts (IRC §408A(d)(3)(F))."
        ),
    )
    growth_rate_low = BoundedDecimalField(
        **_plan_field("growth_rate_low"),
        help_text=_("With value_now: the cautious yearly return in percent (default 4)."),
    )
    growth_rate_high = BoundedDecimalField(
        **_plan_field("growth_rate_high"),
        help_text=_("With value_now: the hopeful yearly return in percent (default 7)."),
    )
    growth_to_age = WholeAgeField(
        **_plan_field("growth_to_age"),
        help_text=_("With value_now: the age the growth given up is shown to (default 65)."),
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
        check_basis_worksheet(self, data)
        check_state_basis_worksheet(self, data)
        return data
