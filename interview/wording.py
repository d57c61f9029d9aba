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


@dataclass(frozen=True)
class Wording:
    has_basis_question: Promise | str
    has_basis_hint: Promise | str
    basis_question: Promise | str
    basis_hint: Promise | str
    liquidated_question: Promise | str
    liquidated_hint: Promise | str
    received_question: Promise | str
    received_hint: Promise | str


_IRA = Wording(
    has_basis_question=_("Did you put money into your IRAs that you did not deduct?"),
    has_basis_hint=_(
        "Nondeductible contributions, or after-tax money rolled in from a workplace plan. "
        "If you filed Form 8606, you did. Count all your traditional, SEP and SIMPLE IRAs."
    ),
    basis_question=_("How much after-tax money had you not yet taken back out?"),
    basis_hint=_("Your basis: on the last Form 8606 you filed, line 14. For example, 20,000."),
    liquidated_question=_(
        "By the end of that year, had every one of your traditional, SEP and SIMPLE IRAs been paid out to you?"
    ),
    liquidated_hint=_("All of them count as one account. Your spouse's IRAs do not count."),
    received_question=_("How much did you receive in total from your IRAs that year?"),
    received_hint=_("Add up box 1 of every Form 1099-R for those IRAs. For example, 18,000."),
)
_ROTH_IRA = Wording(
    has_basis_question=_("Did you put money into your Roth IRAs (contributions or conversions)?"),
    has_basis_hint=_(
        "Everything you put into a Roth IRA was after-tax money: contributions and amounts converted."
    ),
    basis_question=_("How much had you put in and not yet taken back out?"),
    basis_hint=_(
        "Your contributions plus conversions, less earlier withdrawals (Form 8606, Part III). For example, 20,000."
    ),
    liquidated_question=_(
        "By the end of that year, had every one of your Roth IRAs been paid out to you?"
    ),
    liquidated_hint=_(
        "All your Roth IRAs count as one account. Traditional IRAs do not count here."
    ),
    received_question=_("How much did you receive in total from your Roth IRAs that year?"),
    received_hint=_("Add up box 1 of every Form 1099-R for those Roth IRAs. For example, 18,000."),
)
_PLAN = Wording(
    has_basis_question=_("Did you put after-tax money into this plan?"),
    has_basis_hint=_(
        "Voluntary after-tax contributions, not your usual pre-tax deferrals. "
        "Box 5 of the plan's Form 1099-R shows them."
    ),
    basis_question=_("How much after-tax money had you not yet taken back out?"),
    basis_hint=_("On a total distribution, box 5 of the Form 1099-R. For example, 20,000."),
    liquidated_question=_(
        "Was your whole balance in this plan, and in every plan of this kind from the same employer, paid to you in cash?"
    ),
    liquidated_hint=_("A rollover to an IRA or another plan is not a payment to you."),
    received_question=_("How much did you receive in total to close the plan?"),
    received_hint=_("Box 1 of the Form 1099-R for the final distribution. For example, 18,000."),
)
_PLAN_ROTH = Wording(
    has_basis_question=_("Did you make Roth contributions to this plan?"),
    has_basis_hint=_(
        "Designated Roth contributions are after-tax money. Box 5 of the Form 1099-R shows them."
    ),
    basis_question=_("How much in Roth contributions had you not yet taken back out?"),
    basis_hint=_("On a total distribution, box 5 of the Form 1099-R. For example, 20,000."),
    liquidated_question=_("Was your whole Roth account in this plan paid to you in cash?"),
    liquidated_hint=_("A rollover to a Roth IRA is not a payment to you."),
    received_question=_("How much did you receive in total from the Roth account?"),
    received_hint=_("Box 1 of the Form 1099-R for the final distribution. For example, 18,000."),
)
_BROKERAGE = Wording(
    has_basis_question=_("Did you sell investments for less than you paid?"),
    has_basis_hint=_("Your cost basis is what you paid, shown on Form 1099-B."),
    basis_question=_("How much did you pay for the investments you sold?"),
    basis_hint=_("Your cost basis, from Form 1099-B. For example, 20,000."),
    liquidated_question=_("Did you sell them by the end of that year?"),
    liquidated_hint=_("A fall in value counts only once you sell."),
    received_question=_("How much did you get from the sale?"),
    received_hint=_("The proceeds on Form 1099-B. For example, 12,000."),
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
