"""Which accounts count together, and the loss once every one of them is paid out in cash."""

from __future__ import annotations

from decimal import Decimal

from ._model import AccountGroup, AccountType, Answers

ZERO = Decimal(0)

_IRA_TYPES = {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA}
_EMPLOYER_ROTH = {AccountType.ROTH_401K, AccountType.ROTH_403B, AccountType.ROTH_457B}
_EMPLOYER_PLAN = {
    AccountType.TRADITIONAL_401K,
    AccountType.TRADITIONAL_403B,
    AccountType.GOVERNMENTAL_457B,
}


def account_group(answers: Answers) -> AccountGroup:
    """The aggregation group whose accounts must all be paid out (see AccountGroup)."""
    kind = answers.account_type
    if kind is AccountType.TAXABLE_BROKERAGE:
        return AccountGroup.BROKERAGE
    if kind in _EMPLOYER_ROTH:
        return AccountGroup.EMPLOYER_ROTH
    if kind in _EMPLOYER_PLAN:
        return AccountGroup.EMPLOYER_PLAN
    if answers.inherited:
        return AccountGroup.INHERITED_IRA
    if kind in _IRA_TYPES:
        return AccountGroup.TRADITIONAL_IRAS
    return AccountGroup.ROTH_IRAS


def economic_loss(basis: Decimal, answers: Answers) -> Decimal | None:
    """Basis minus what was received, once every account was paid out in cash; never negative.

    None when the accounts are not all closed (or were rolled over), so no loss can exist yet.
    """
    if not answers.fully_liquidated or answers.rolled_over:
        return None
    if answers.total_distributions is None:
        return None
    return max(ZERO, basis - answers.total_distributions)


def loss_facts(answers: Answers, loss: Decimal | None) -> dict[str, object]:
    """The figures every federal statement may mention: year, basis, received and loss."""
    facts: dict[str, object] = {"year": answers.tax_year, "basis": answers.basis}
    if answers.total_distributions is not None:
        facts["received"] = answers.total_distributions
    if loss is not None:
        facts["loss"] = loss
    return facts
