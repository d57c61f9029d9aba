""" "Work it out with me": the basis worksheet as one-question pages (issue 11).

Chosen on the basis question instead of yes, no or not sure. Each page asks one figure for the
account group, says which form and line or box holds it, and may be left blank ("I don't have
this"): the hint says what to do then. The figures become rules.BasisWorksheet (basis = before +
added; received = paid out + converted), so the page, the PDF and the API show the same lines.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from interview.questions import basis_years
from interview.questions.answers import FIGURES
from interview.questions.fields import MoneyField
from interview.questions.forms import WORK_IT_OUT, StepForm
from rules import AccountType

__all__ = ["BUILD_STEPS", "FIGURES", "STEPS", "WORK_IT_OUT", "questions_for"]

# Per group: (question, hint) for each figure. The hints name the form and the line or box.
_TRADITIONAL = {
    "ws_before": (
        _("What was your basis from earlier years?"),
        _(
            "Line 14 of the last Form 8606 you filed (it is line 2 of this year's form), like "
            "5,000; 0 if you had none. Don't have it? Leave this blank and we will add it up with "
            "you, year by year."
        ),
    ),
    "ws_added": (
        _("How much did you contribute without deducting it in the last year?"),
        _(
            "Form 8606, line 1: nondeductible contributions for that year, like 7,000. Blank for none."
        ),
    ),
    "ws_paid_out": (
        _(
            "How much was paid out to you that year, from all your traditional, SEP and SIMPLE IRAs?"
        ),
        _(
            "Form 8606, line 7: every withdrawal that year, earlier partial ones included (box 1 "
            "of each Form 1099-R), but not conversions, like 1,000. Blank for none."
        ),
    ),
    "ws_converted": (
        _("How much did you convert to a Roth IRA that year?"),
        _("Form 8606, line 8 (a conversion counts as paid out), like 6,800. Blank for none."),
    ),
}
_ROTH = {
    "ws_before": (
        _("What was your Roth IRA basis at the start of the last year?"),
        _(
            "Your Roth contributions, plus conversions and rollovers from a Roth 401(k) (box 5 of "
            "that Form 1099-R), minus contributions returned to you or recharacterized, minus "
            "basis already paid out: lines 22 and 24 of Form 8606 Part III of the last year you "
            "filed it, like 18,000. Don't have it? Leave this blank and we will add it up with "
            "you, year by year."
        ),
    ),
    "ws_added": (
        _("How much did you contribute to Roth IRAs in the last year?"),
        _("Your records or Form 5498, box 10, like 6,500. Blank for none."),
    ),
    "ws_paid_out": (
        _("How much was paid out to you that year, from all your Roth IRAs?"),
        _("Box 1 of each Form 1099-R, like 15,000."),
    ),
}
_INHERITED = {
    "ws_before": (
        _("What basis did the person who died leave in the IRA?"),
        _(
            "Line 14 of their last Form 8606, like 8,000. Never add the basis of your own IRAs. "
            "No Form 8606? Their tax preparer or estate papers may have it; blank for none."
        ),
    ),
    "ws_paid_out": (
        _("How much was paid out to you from the inherited IRA that year?"),
        _("Box 1 of the Form 1099-R, like 5,000."),
    ),
}
_INHERITED_ROTH = {
    "ws_before": (
        _("What Roth basis did the person who died leave in the Roth IRA?"),
        _(
            "Their Roth contributions and conversions, less what they had already taken out of "
            "them (Form 8606, Part III, of their last year with a payout; their Forms 5498), "
            "like 8,000. Never add the basis of your own Roth IRAs. Blank for none."
        ),
    ),
    "ws_paid_out": _INHERITED["ws_paid_out"],
}
_PLAN = {
    "ws_before": (
        _("How much after-tax money was still in the plan at the start of the last year?"),
        _(
            "On the plan statement (after-tax money, or for a Roth account Roth contributions, "
            "not yet paid back), or box 5 of the Form 1099-R for the total distribution, like "
            "12,000. A Roth account and the rest of the plan are checked apart."
        ),
    ),
    "ws_added": (
        _("How much after-tax money did you put in that year?"),
        _("The plan statement or your pay stubs, like 2,000. Blank for none."),
    ),
    "ws_paid_out": (
        _("How much was paid out to you in the total distribution?"),
        _(
            "Box 1 of each Form 1099-R for this account that year, like 10,000: for a Roth "
            "account those with code B in box 7, for the rest of the plan those without it. "
            "Leave out direct rollovers (code G or H)."
        ),
    ),
}
_TRADITIONAL_TYPES = {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA}


def questions_for(account_type: str | None, inherited: bool) -> dict[str, tuple[Promise, Promise]]:
    """The worksheet's questions for the account group: which are asked, and their words."""
    if inherited and account_type == AccountType.ROTH_IRA:
        return _INHERITED_ROTH
    if inherited and account_type in _TRADITIONAL_TYPES:
        return _INHERITED
    if account_type in _TRADITIONAL_TYPES:
        return _TRADITIONAL
    if account_type == AccountType.ROTH_IRA:
        return _ROTH
    return _PLAN


class _WorksheetForm(StepForm):
    field_name = ""

    def __init__(
        self,
        *args: object,
        account_type: str | None = None,
        inherited: bool = False,
        **kwargs: object,
    ) -> None:
        self.account_type, self.inherited = account_type, inherited
        super().__init__(*args, account_type=account_type, **kwargs)  # type: ignore[arg-type]

    def word_fields(self) -> None:
        field = self.fields[self.field_name]
        wording = questions_for(self.account_type, self.inherited).get(self.field_name)
        if wording:
            field.label, field.help_text = wording


def _form(name: str) -> type[_WorksheetForm]:
    field = MoneyField(required=False)
    return type(f"{name.title()}Form", (_WorksheetForm,), {"field_name": name, name: field})


WorksheetBeforeForm = _form("ws_before")
# The basis from earlier years left blank: added up year by year (basis_years.py).
BUILD_STEPS = (
    (basis_years.FIRST_YEAR_STEP, basis_years.FirstYearForm),
    (basis_years.YEARS_STEP, basis_years.EarlierYearsForm),
)

WorksheetAddedForm = _form("ws_added")
WorksheetPaidOutForm = _form("ws_paid_out")
WorksheetConvertedForm = _form("ws_converted")
STEPS = (
    ("ws_before", WorksheetBeforeForm),
    *BUILD_STEPS,
    ("ws_added", WorksheetAddedForm),
    ("ws_paid_out", WorksheetPaidOutForm),
    ("ws_converted", WorksheetConvertedForm),
)
