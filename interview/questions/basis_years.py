""" "I don't have my last Form 8606": the basis from earlier years, year by year (issue 11).

Two pages, asked when the basis from earlier years is left blank: the first year after-tax money
went in, then one row per year up to the year before the last one, each with what went in and
what came out. rules.basis_by_year adds them up (basis never below zero, so a Roth payout of
earnings does not use up later contributions; a traditional IRA payout uses up basis in the Form
8606 share, for which the table asks what the IRAs were worth at the end of the year). Traditional and Roth IRAs only: an inherited IRA
takes the basis of the person who died, a plan's statement has its after-tax money.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interview.questions.step_form import StepForm, TaxYearField
from interview.questions.year_table import TableWords, YearTableForm
from rules import FEDERAL, AccountGroup, AccountType, Rule, current_law

FIRST_YEAR_STEP = "ws_first_year"
YEARS_STEP = "ws_years"
TRADITIONAL_TYPES = {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA}


@dataclass(frozen=True)
class _Words:
    first_year: Promise
    first_year_hint: Promise
    title: Promise
    hint: Promise
    put_in: Promise  # column heading
    taken_out: Promise
    value: Promise | None = None  # traditional IRAs: worth at year end (Form 8606 line 6)


_TRADITIONAL = _Words(
    _("In which year did you first contribute to an IRA without deducting it?"),
    _(
        "Not sure? Enter the earliest year it could be: years with nothing in them can stay "
        "blank. Like 2005."
    ),
    _("Your basis, year by year"),
    _(
        "For each year: the contributions you did not deduct (Form 5498, box 1, less what your "
        "return deducted; Form 8606, line 1, if you filed one). Everything you took out or "
        "converted to a Roth IRA, even if you paid tax on all of it (Form 1099-R, box 1; leave "
        "out money you rolled over to another IRA or plan). And in a year you took money out, "
        "what all your traditional, SEP and SIMPLE IRAs were worth on December 31 (Form 5498, "
        "box 5, of each; add money taken out late in the year and rolled over early the next). "
        "Part of each withdrawal was your own after-tax money: we work it out as Form 8606 "
        "does. A blank worth counts as 0, as if you took everything out, which uses up the "
        "most. Leave other boxes blank for none. Only know a total? Put it in the first year."
    ),
    _("Contributed, not deducted"),
    _("Taken out"),
    _("Worth at year end"),
)
_ROTH = _Words(
    _("In which year did you first put money into a Roth IRA?"),
    _(
        "Not sure? Enter the earliest year it could be: years with nothing in them can stay "
        "blank. Like 2005."
    ),
    _("Your Roth basis, year by year"),
    _(
        "For each year: what you put in (contributions from your records or Form 5498, box 10; "
        "conversions, Form 5498, box 3; Roth 401(k) rollovers, the Roth contributions in box 5 "
        "of that Form 1099-R), and what came out (payouts, box 1 of each Form 1099-R, and "
        "contributions returned to you or recharacterized). Leave a box blank for none. Only "
        "know a total? Put it in the first year."
    ),
    _("Put in"),
    _("Taken out"),
)


def words_for(account_type: str | None) -> _Words:
    return _TRADITIONAL if account_type in TRADITIONAL_TYPES else _ROTH


def _basis_begins(account_type: str | None) -> Rule:
    """When after-tax money could first go into the account's kind of IRA (us.toml)."""
    group = (
        AccountGroup.TRADITIONAL_IRAS
        if account_type in TRADITIONAL_TYPES
        else AccountGroup.ROTH_IRAS
    )
    rules = current_law().jurisdictions[FEDERAL].rules
    return next(r for r in rules if r.id == "basis_begins" and r.applies(group))


def first_possible_year(account_type: str | None) -> int:
    return _basis_begins(account_type).years.first


class _YearField(TaxYearField):
    """A year typed as digits (bounded as tax years are); its range is the form's."""

    def validate(self, value: int | None) -> None:
        forms.IntegerField.validate(self, value)


class FirstYearForm(StepForm):
    ws_first_year = _YearField()

    def __init__(
        self, *args: object, tax_year: int | None = None, account_type: str | None = None, **kw
    ) -> None:
        self.account_type = account_type
        self.first = first_possible_year(account_type)
        self.last = (tax_year or self.first + 1) - 1
        super().__init__(*args, account_type=account_type, **kw)  # type: ignore[arg-type]

    def word_fields(self) -> None:
        words, field = words_for(self.account_type), self.fields["ws_first_year"]
        # The law's own sentence ("Roth IRAs began in 1998.", in the reader's language from the
        # law's catalog), then what to do if unsure.
        field.label = words.first_year
        begins = gettext(_basis_begins(self.account_type).statement)
        field.help_text = f"{begins} {words.first_year_hint}"
        field.error_messages["required"] = self._range_message()

    def _range_message(self) -> str:
        return _("Enter a year from %(first)s to %(last)s, like %(example)s") % {
            "first": self.first,
            "last": self.last,
            "example": max(self.first, min(2005, self.last)),
        }

    def clean_ws_first_year(self) -> int | None:
        year = self.cleaned_data.get("ws_first_year")
        if year is not None and not self.first <= year <= self.last:
            raise forms.ValidationError(self._range_message(), code="out_of_range")
        return year

    def full_clean(self) -> None:
        super().full_clean()
        if "ws_first_year" in self.errors:  # not a year at all: the same message, with the range
            self.errors["ws_first_year"] = self.error_class([self._range_message()])


class EarlierYearsForm(YearTableForm):
    """One row per earlier year: what went in and what came out (traditional IRAs: and what
    all of them were worth at the end of the year); a blank box is none."""

    stored_prefix = "ws_"

    def __init__(
        self,
        *args: object,
        account_type: str | None = None,
        first_year: int | None = None,
        tax_year: int | None = None,
        **kw: object,
    ) -> None:
        years = list(range(first_year, tax_year)) if first_year and tax_year else []
        words = words_for(account_type)
        headings = (words.put_in, words.taken_out)
        if words.value is not None:  # traditional IRAs: the Form 8606 share needs the worth
            self.columns = ("in", "out", "value")
            headings += (words.value,)
        text = TableWords(words.title, words.hint, headings)
        super().__init__(*args, account_type=account_type, text=text, groups=[(None, years)], **kw)
