"""The API's worksheet objects (issue 11): the basis worked out from its figures, the basis from
earlier years year by year, and California's basis by year. Declared as forms, so interview.api.body
checks them and interview.api.openapi documents them like every other field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from interview.questions import basis_years, california_basis
from interview.questions.fields import MoneyField, ObjectField
from interview.questions.step_form import TaxYearField
from rules import AccountType

# Only one's own traditional, SEP and SIMPLE IRAs can be converted to a Roth IRA.
CONVERTIBLE = frozenset({AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA})
MOST_YEARS = 60
FIRST_CALIFORNIA_YEAR = 1975


class YearField(TaxYearField):
    """A year as a number or digits; which years are allowed depends on the rest of the body."""

    def validate(self, value: int | None) -> None:
        forms.IntegerField.validate(self, value)


class EarlierYearForm(forms.Form):
    """One earlier year of the basis from earlier years."""

    year = YearField(help_text=_("The year, before tax_year, like 2005."))
    added = MoneyField(
        required=False,
        help_text=_(
            "Traditional IRAs: nondeductible contributions for the year (Form 8606 line 1). Roth "
            "IRAs: contributions, conversions and rollovers of designated Roth money. 0 if left out."
        ),
        example="5,000",
    )
    taken_out = MoneyField(
        required=False,
        help_text=_(
            "Traditional IRAs: everything taken out that year, payouts and conversions (Form "
            "8606 lines 7 and 8), however it was reported; the basis it used is worked out from "
            "value_at_year_end. Roth IRAs: payouts, and contributions returned or "
            "recharacterized; they use up basis first. 0 if left out."
        ),
        example="1,000",
    )
    # Added for issue 20 (item 4); without it taken_out counts as basis up to the basis left,
    # which is what clients that sent the nontaxable part (lines 11 and 13) meant.
    value_at_year_end = MoneyField(
        required=False,
        help_text=_(
            "Traditional, SEP and SIMPLE IRAs, in a year with taken_out: the value of all of "
            "them on December 31, rollovers outstanding included (Form 8606 line 6). The basis "
            "used is then taken_out × basis ÷ (value_at_year_end + taken_out), at most all of "
            "taken_out (Form 8606 lines 9 to 13). 0 if left out: everything was taken out, so "
            "taken_out uses up basis up to the basis left. Not for Roth IRAs."
        ),
        example="40,000",
    )


class BasisWorksheetForm(forms.Form):
    """The figures the basis is worked out from, for the year the last account was emptied
    (sent instead of basis and total_distributions; each defaults to 0)."""

    # The basis before the year is either given or added up from the years (check_years).
    never_together = (("basis_before_year", "earlier_years"),)

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
            "(Form 8606 line 8); counts as paid out. Plan money moved to a Roth IRA is a "
            "rollover, not a payment: leave it out, and send rolled_over if all of it went."
        ),
        example="6,800",
    )
    earlier_years = ObjectField(
        EarlierYearForm,
        many=MOST_YEARS,
        help_text=_(
            "Your own traditional, SEP, SIMPLE (from 1987) or Roth IRAs (from 1998), without a "
            "last Form 8606: instead of basis_before_year, the years before tax_year, each once. "
            "basis_before_year is then added up year by year, never below 0: a Roth payout "
            "beyond the basis left is earnings and uses up no later contribution."
        ),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("basis_before_year") is not None and data.get("earlier_years"):
            self.add_error(
                "earlier_years",
                forms.ValidationError(
                    _("Send basis_before_year or earlier_years: not both."), "one_of"
                ),
            )
        return data


class DeductionYearForm(forms.Form):
    """One year's IRA deduction on the federal and on the California return."""

    year = YearField(help_text=_("The year, from 1975 to the year before tax_year, like 1984."))
    federal = MoneyField(
        required=False, help_text=_("IRA deduction on the federal return; 0 if left out.")
    )
    state = MoneyField(
        required=False, help_text=_("IRA deduction on the California return; 0 if left out.")
    )


class StateBasisWorksheetForm(forms.Form):
    """California basis by year (FTB Publication 1005, Worksheet I)."""

    deductions_by_year = ObjectField(
        DeductionYearForm,
        many=MOST_YEARS,
        help_text=_(
            "The years California allowed a smaller IRA deduction (1975; 1982–1986; for the "
            "self-employed 1987–1995; 2007–2009), each once."
        ),
    )
    recovered = MoneyField(
        required=False,
        help_text=_(
            "What of the difference already came back tax-free for California in earlier years "
            "(Schedule CA (540), IRA distributions, column B); 0 if left out."
        ),
    )


def _error(form: forms.Form, field: str, message: str, code: str) -> None:
    form.add_error(field, forms.ValidationError(message, code))


def _check_years(form: forms.Form, field: str, items: object, first: int, tax_year: object) -> None:
    """Each year once, from `first` to the year before tax_year."""
    if not isinstance(items, list) or not isinstance(tax_year, int):
        return
    years = [item.get("year") for item in items if isinstance(item, Mapping)]
    if any(count > 1 for count in Counter(years).values()):
        _error(form, field, _("Give each year once."), "duplicate")
    if any(isinstance(y, int) and not first <= y < tax_year for y in years):
        message = _("Each year must be from %(first)s to %(last)s (before tax_year).") % {
            "first": first,
            "last": tax_year - 1,
        }
        _error(form, field, message, "out_of_range")


def check_basis_worksheet(form: forms.Form, data: dict[str, object]) -> None:
    """basis or basis_worksheet, and the worksheet's figures where they apply."""
    worksheet = data.get("basis_worksheet")
    if worksheet is None:
        if data.get("basis") is None and "basis" not in form.errors:
            _error(
                form,
                "basis",
                _("Enter the basis, like 20000, or send basis_worksheet."),
                "required",
            )
        return
    one = _("Send basis and total_distributions, or basis_worksheet: not both.")
    for name in ("basis", "total_distributions"):
        if data.get(name) is not None:
            _error(form, name, one, "one_of")
    kind = data.get("account_type")
    inherited = bool(data.get("inherited"))
    if kind == AccountType.TAXABLE_BROKERAGE:
        message = _("basis_worksheet is for retirement accounts; send basis (the cost).")
        _error(form, "basis_worksheet", message, "invalid")
    if not isinstance(worksheet, Mapping):
        return
    if worksheet.get("after_tax_added_in_year") and inherited:
        message = _(
            "after_tax_added_in_year must be 0 for an inherited IRA: an heir cannot contribute to it."
        )
        _error(form, "basis_worksheet", message, "invalid")
    if worksheet.get("converted_in_year") and not (kind in CONVERTIBLE and not inherited):
        _error(form, "basis_worksheet", _not_a_conversion(str(kind), inherited), "invalid")
    if worksheet.get("earlier_years"):
        own_ira = kind in CONVERTIBLE | {AccountType.ROTH_IRA} and not inherited
        if not own_ira:
            message = _(
                "earlier_years is for your own traditional, SEP, SIMPLE and Roth IRAs; for an "
                "inherited IRA or a plan send basis_before_year."
            )
            _error(form, "basis_worksheet", message, "invalid")
        _check_values(form, kind, worksheet["earlier_years"])
        first = basis_years.first_possible_year(str(kind))
        _check_years(
            form, "basis_worksheet", worksheet["earlier_years"], first, data.get("tax_year")
        )


def _check_values(form: forms.Form, kind: object, items: object) -> None:
    """value_at_year_end shares a payout between basis and earnings: traditional IRAs only."""
    if kind in CONVERTIBLE or not isinstance(items, list):
        return
    if any(isinstance(i, Mapping) and i.get("value_at_year_end") is not None for i in items):
        message = _(
            "value_at_year_end is for traditional, SEP and SIMPLE IRAs: a Roth IRA's payouts "
            "use up contributions first, whatever is left in it."
        )
        _error(form, "basis_worksheet", message, "invalid")


def _not_a_conversion(kind: str, inherited: bool) -> str:
    """Why converted_in_year does not fit, and what to send instead."""
    if kind in CONVERTIBLE | {AccountType.ROTH_IRA} or inherited:
        return str(
            _(
                "converted_in_year is for your own traditional, SEP and SIMPLE IRAs only: a Roth "
                "IRA or an inherited IRA is not converted to a Roth IRA."
            )
        )
    # A workplace plan: its money can go to a Roth IRA, but as a rollover (IRC §408A(e)(1)(B),
    # §408A(d)(3)(B)), which is not a payment to you and not a Form 8606 conversion.
    return str(
        _(
            "converted_in_year is for traditional, SEP and SIMPLE IRAs. Plan money moved to a "
            "Roth IRA is a rollover, not a payment to you: leave it out of the worksheet, and if "
            "all of the plan's money was rolled over, send rolled_over: true."
        )
    )


def check_state_basis_worksheet(form: forms.Form, data: dict[str, object]) -> None:
    """California's basis by year: only for California and one's own traditional IRAs."""
    worksheet = data.get("state_basis_worksheet")
    if not isinstance(worksheet, Mapping):
        return
    if data.get("state_basis") is not None:
        _error(
            form, "state_basis", _("Send state_basis or state_basis_worksheet: not both."), "one_of"
        )
    if not california_basis.applies(
        str(data.get("account_type")), bool(data.get("inherited")), str(data.get("state"))
    ):
        message = _(
            "state_basis_worksheet is for California and your own traditional, SEP or SIMPLE "
            "IRAs; elsewhere send state_basis."
        )
        _error(form, "state_basis_worksheet", message, "invalid")
    _check_years(
        form,
        "state_basis_worksheet",
        worksheet.get("deductions_by_year"),
        FIRST_CALIFORNIA_YEAR,
        data.get("tax_year"),
    )
