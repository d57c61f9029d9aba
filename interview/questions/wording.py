"""How each question is worded for the account chosen: the taxpayer's words, one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rules import AccountType

ACCOUNT_LABELS: dict[str, Promise] = {
    AccountType.TRADITIONAL_401K: _("Traditional 401(k)"),
    AccountType.ROTH_401K: _("Roth 401(k)"),
    AccountType.TRADITIONAL_403B: _("Traditional 403(b)"),
    AccountType.ROTH_403B: _("Roth 403(b)"),
    AccountType.GOVERNMENTAL_457B: _("Governmental 457(b)"),
    AccountType.ROTH_457B: _("Roth 457(b)"),
    AccountType.TRADITIONAL_IRA: _("Traditional IRA"),
    AccountType.SEP_IRA: _("SEP IRA"),
    AccountType.SIMPLE_IRA: _("SIMPLE IRA"),
    AccountType.ROTH_IRA: _("Roth IRA"),
    AccountType.TAXABLE_BROKERAGE: _("Ordinary (taxable) brokerage account"),
}


_YEAR_QUESTION = _("In which tax year was the last of the money paid out to you?")
_YEAR_HINT = _("The calendar year of the final payment, like 2017.")
_STILL_THERE = _("Yes, some money is still there")
_ALL_PAID = _("No, it has all been paid out to me")


@dataclass(frozen=True)
class Wording:
    """The words of one group of accounts. `key` names the group: an answer given under one
    group means something else under another, so it is asked again (forms.StepForm)."""

    key: str
    has_basis_question: Promise | str
    has_basis_hint: Promise | str
    basis_question: Promise | str
    basis_hint: Promise | str
    liquidated_question: Promise | str
    liquidated_hint: Promise | str
    received_question: Promise | str
    received_hint: Promise | str
    year_question: Promise | str = _YEAR_QUESTION
    year_hint: Promise | str = _YEAR_HINT
    still_there: Promise | str = _STILL_THERE
    all_paid: Promise | str = _ALL_PAID


_IRA = Wording(
    key="ira",
    has_basis_question=_("Did you put money into your IRAs that you did not deduct?"),
    has_basis_hint=_(
        "Nondeductible contributions, or after-tax money rolled in from a workplace plan. "
        "If you filed Form 8606, you did. Count all your traditional, SEP and SIMPLE IRAs."
    ),
    basis_question=_("How much after-tax money had you not yet taken back out?"),
    basis_hint=_("Your basis: on the last Form 8606 you filed, line 14. For example, 20,000."),
    liquidated_question=_("Is any money still in your traditional, SEP or SIMPLE IRAs?"),
    liquidated_hint=_(
        "All of them count as one account; an inherited IRA counts on its own and your spouse's "
        "IRAs do not count. If you emptied them all and opened a new IRA later, answer no."
    ),
    received_question=_("How much did you receive in total from your IRAs that year?"),
    received_hint=_("Add up box 1 of every Form 1099-R for those IRAs. For example, 18,000."),
)
_ROTH_IRA = Wording(
    key="roth_ira",
    has_basis_question=_("Did you put money into your Roth IRAs (contributions or conversions)?"),
    has_basis_hint=_(
        "Everything you put into a Roth IRA was after-tax money: contributions and amounts converted."
    ),
    basis_question=_("How much had you put in and not yet taken back out?"),
    basis_hint=_(
        "Your contributions plus conversions, less earlier withdrawals (Form 8606, Part III). For example, 20,000."
    ),
    liquidated_question=_("Is any money still in your Roth IRAs?"),
    liquidated_hint=_(
        "All your Roth IRAs count as one account; traditional IRAs do not count here. If you "
        "emptied them all and opened a new Roth IRA later, answer no."
    ),
    received_question=_("How much did you receive in total from your Roth IRAs that year?"),
    received_hint=_("Add up box 1 of every Form 1099-R for those Roth IRAs. For example, 18,000."),
)
_PLAN = Wording(
    key="plan",
    has_basis_question=_("Did you put after-tax money into this plan?"),
    has_basis_hint=_(
        "Voluntary after-tax contributions, not your usual pre-tax deferrals. Box 5 of the "
        "plan's Form 1099-R shows them. Roth contributions do not count here: a Roth account in "
        "this plan is checked on its own."
    ),
    basis_question=_("How much after-tax money had you not yet taken back out?"),
    basis_hint=_("On a total distribution, box 5 of the Form 1099-R. For example, 20,000."),
    liquidated_question=_("Is any money still in this plan?"),
    liquidated_hint=_(
        "Each plan counts on its own, apart from your other plans and your IRAs, and a Roth "
        "account in this plan counts on its own too: answer for the rest of the plan. A rollover "
        "to an IRA or another plan is not a payment to you."
    ),
    received_question=_("How much did you receive in total to close the plan?"),
    received_hint=_(
        "Add up box 1 of the plan's Forms 1099-R for that year, except any with code B in box 7 "
        "(the Roth account, checked on its own) or code G (a direct rollover, not a payment to "
        "you). For example, 18,000."
    ),
)
_PLAN_ROTH = Wording(
    key="plan_roth",
    has_basis_question=_("Did you make Roth contributions to this plan?"),
    has_basis_hint=_(
        "Designated Roth contributions are after-tax money. Box 5 of the Form 1099-R shows them."
    ),
    basis_question=_("How much in Roth contributions had you not yet taken back out?"),
    basis_hint=_("On a total distribution, box 5 of the Form 1099-R. For example, 20,000."),
    liquidated_question=_("Is any money still in the Roth account in this plan?"),
    liquidated_hint=_(
        "The Roth account in a plan counts on its own. A rollover to a Roth IRA is not a "
        "payment to you."
    ),
    received_question=_("How much did you receive in total from the Roth account?"),
    received_hint=_(
        "Add up box 1 of the Forms 1099-R for the Roth account that year (code B in box 7), "
        "except a direct rollover to a Roth IRA (code H): it is not a payment to you. For "
        "example, 18,000."
    ),
)
_BROKERAGE = Wording(
    key="brokerage",
    has_basis_question=_("Did you sell them for less than you paid?"),
    has_basis_hint=_("What you paid is your cost basis, shown on Form 1099-B."),
    basis_question=_("How much did you pay for the investments you sold?"),
    basis_hint=_("Your cost basis, from Form 1099-B. For example, 20,000."),
    liquidated_question=_("Did you sell the investments that lost value?"),
    liquidated_hint=_("A fall in value counts only once you sell."),
    received_question=_("How much did you get from the sale?"),
    received_hint=_("The proceeds on Form 1099-B. For example, 12,000."),
    year_question=_("In which tax year did you sell?"),
    year_hint=_("The calendar year of the sale, like 2022."),
    still_there=_("No, I still hold them"),
    all_paid=_("Yes, I sold them"),
)

_BY_TYPE = {
    AccountType.TRADITIONAL_IRA: _IRA,
    AccountType.SEP_IRA: _IRA,
    AccountType.SIMPLE_IRA: _IRA,
    AccountType.ROTH_IRA: _ROTH_IRA,
    AccountType.TRADITIONAL_401K: _PLAN,
    AccountType.TRADITIONAL_403B: _PLAN,
    AccountType.GOVERNMENTAL_457B: _PLAN,
    AccountType.ROTH_401K: _PLAN_ROTH,
    AccountType.ROTH_403B: _PLAN_ROTH,
    AccountType.ROTH_457B: _PLAN_ROTH,
    AccountType.TAXABLE_BROKERAGE: _BROKERAGE,
}


def wording_for(account_type: str | None) -> Wording:
    """The wording for an account type; the IRA wording when none is known yet."""
    try:
        return _BY_TYPE[AccountType(account_type)]
    except ValueError:
        return _IRA
