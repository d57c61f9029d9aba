"""When each question is asked: named predicates of the raw stored answers (interview.questions.wizard).

Each accepts missing data, so it never reads cleaned data of a step that is hidden
(django-formtools issues #220, #266).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from formtools.wizard.views import NamedUrlSessionWizardView

from interview.questions import basis_years, california_basis
from interview.questions import forms as questions
from interview.questions.fields import parse_money
from rules import (
    ROTH_TYPES,
    AccountType,
    Jurisdiction,
    Period,
    StateStatus,
    current_law,
    federal_overall_limit,
    limit_may_apply,
    limit_uses_filing_status,
)


def raw_answer(
    wizard: NamedUrlSessionWizardView, step: str, field: str | None = None
) -> str | None:
    data = wizard.storage.get_step_data(step)
    if not data:
        return None
    value = data.get(f"{step}-{field or step}")
    return value if isinstance(value, str) else None


def answered_year(wizard: NamedUrlSessionWizardView) -> int | None:
    try:
        return int(raw_answer(wizard, "tax_year") or "")
    except ValueError:
        return None


def asks_inherited(wizard: NamedUrlSessionWizardView) -> bool:
    """Only IRAs can be inherited IRAs, which are tested on their own."""
    return raw_answer(wizard, "account_type") in questions.IRA_TYPES


def paid_out(wizard: NamedUrlSessionWizardView) -> bool:
    return raw_answer(wizard, "fully_liquidated") == questions.YES


def works_basis_out(wizard: NamedUrlSessionWizardView) -> bool:
    """ "Work it out with me": the basis worksheet's pages instead of one amount."""
    return raw_answer(wizard, "has_basis") == questions.WORK_IT_OUT


def is_inherited(wizard: NamedUrlSessionWizardView) -> bool:
    return asks_inherited(wizard) and raw_answer(wizard, "inherited") == questions.YES


def builds_basis(wizard: NamedUrlSessionWizardView) -> bool:
    """The basis from earlier years left blank: added up year by year, where there were any
    (one's own traditional or Roth IRAs; an inherited IRA or a plan has no such pages)."""
    if not works_basis_out(wizard) or raw_answer(wizard, "ws_before") != "" or is_inherited(wizard):
        return False
    account_type = raw_answer(wizard, "account_type")
    year = answered_year(wizard)
    own_ira = account_type in questions.IRA_TYPES
    return own_ira and year is not None and year > basis_years.first_possible_year(account_type)


def first_year_answered(wizard: NamedUrlSessionWizardView) -> int | None:
    try:
        return int(raw_answer(wizard, basis_years.FIRST_YEAR_STEP) or "")
    except ValueError:
        return None


def asks_added(wizard: NamedUrlSessionWizardView) -> bool:
    """An heir cannot add to an inherited IRA."""
    return works_basis_out(wizard) and not is_inherited(wizard)


def asks_paid_out(wizard: NamedUrlSessionWizardView) -> bool:
    return works_basis_out(wizard) and paid_out(wizard)


def asks_converted(wizard: NamedUrlSessionWizardView) -> bool:
    """Only one's own traditional, SEP and SIMPLE IRAs can be converted to a Roth IRA."""
    traditional = raw_answer(wizard, "account_type") in questions.IRA_TYPES - {AccountType.ROTH_IRA}
    return asks_paid_out(wizard) and traditional and not is_inherited(wizard)


def _brokerage(wizard: NamedUrlSessionWizardView) -> bool:
    return raw_answer(wizard, "account_type") == AccountType.TAXABLE_BROKERAGE


def still_there(wizard: NamedUrlSessionWizardView) -> bool:
    """The money is still in the account (or was rolled over, or not sold): no loss exists yet,
    whatever the year; the answer is for the current year (answers.py)."""
    return raw_answer(wizard, "fully_liquidated") in (questions.NO, questions.ROLLED_OVER)


def asks_has_basis(wizard: NamedUrlSessionWizardView) -> bool:
    """Not for investments still held: "sold for less than you paid?" cannot apply."""
    return not (_brokerage(wizard) and still_there(wizard))


def asks_tax_year(wizard: NamedUrlSessionWizardView) -> bool:
    """The year of the last payment or sale; none when nothing has been paid out or sold."""
    return not still_there(wizard)


def asks_state(wizard: NamedUrlSessionWizardView) -> bool:
    """With money still there the state matters only for basis, where some states (CA, NY …)
    would allow the loss once the accounts are closed; otherwise no state changes the answer."""
    if not still_there(wizard):
        return True
    some_basis = (questions.YES, questions.WORK_IT_OUT)
    return asks_has_basis(wizard) and raw_answer(wizard, "has_basis") in some_basis


def asks_basis_amount(wizard: NamedUrlSessionWizardView) -> bool:
    """Asked whenever there is some basis: it decides the loss, or carries forward if not."""
    return asks_has_basis(wizard) and raw_answer(wizard, "has_basis") == questions.YES


def _state_period(wizard: NamedUrlSessionWizardView) -> tuple[Jurisdiction, Period] | None:
    """The state's law for the year answered, for a retirement account; None if not known."""
    year, state = answered_year(wizard), raw_answer(wizard, "state")
    law = current_law()
    if year is None or state not in law.jurisdictions:
        return None
    if raw_answer(wizard, "account_type") in (None, AccountType.TAXABLE_BROKERAGE):
        return None
    try:
        return law.jurisdictions[state], law.jurisdictions[state].period_for(year)
    except LookupError:
        return None


def asks_state_basis(wizard: NamedUrlSessionWizardView) -> bool:
    """Only for states that taxed contributions the federal return did not (never Roth money)."""
    found = _state_period(wizard)
    if not paid_out(wizard) or found is None:
        return False
    return found[1].state_basis and raw_answer(wizard, "account_type") not in ROTH_TYPES


def asks_california_years(wizard: NamedUrlSessionWizardView) -> bool:
    """California basis left blank: worked out from the years California allowed less."""
    by_year = california_basis.applies(
        raw_answer(wizard, "account_type"), is_inherited(wizard), raw_answer(wizard, "state")
    )
    return by_year and asks_state_basis(wizard) and raw_answer(wizard, "state_basis") == ""


def asks_california_recovered(wizard: NamedUrlSessionWizardView) -> bool:
    """Only when some year was deducted federally but not for California."""
    if not asks_california_years(wizard):
        return False
    figures = wizard.storage.get_step_data(california_basis.YEARS_STEP) or {}
    prefix = f"{california_basis.YEARS_STEP}-"
    return california_basis.not_deducted(
        {f"ca_{k.removeprefix(prefix)}": v for k, v in figures.items() if k.startswith(prefix)}
    ) > Decimal(0)


def asks_total_distributions(wizard: NamedUrlSessionWizardView) -> bool:
    """The worksheet asks what was paid out itself."""
    some_basis = asks_basis_amount(wizard) or asks_state_basis(wizard)
    return paid_out(wizard) and some_basis and not works_basis_out(wizard)


def may_have_a_loss(wizard: NamedUrlSessionWizardView) -> bool:
    return (asks_basis_amount(wizard) or works_basis_out(wizard)) and paid_out(wizard)


def _state_allows_with_floor(wizard: NamedUrlSessionWizardView) -> bool:
    found = _state_period(wizard)
    return (
        found is not None
        and found[1].outcome == StateStatus.DEDUCTIBLE
        and found[1].floor_percent is not None
    )


def asks_agi(wizard: NamedUrlSessionWizardView) -> bool:
    """AGI matters for a possible loss in a year whose federal or state law has an AGI floor."""
    year = answered_year(wizard)
    if not paid_out(wizard) or year is None:
        return False
    if raw_answer(wizard, "account_type") == AccountType.TAXABLE_BROKERAGE:
        return False
    try:
        federal_floor = current_law().jurisdictions["US"].period_for(year).floor_percent
    except LookupError:
        return False
    if federal_floor is not None and may_have_a_loss(wizard):
        return True
    has_some_basis = may_have_a_loss(wizard) or asks_state_basis(wizard)
    return has_some_basis and _state_allows_with_floor(wizard)


def asks_state_agi(wizard: NamedUrlSessionWizardView) -> bool:
    """After the federal AGI, where the state's floor is a share of the state's own AGI
    (the law files' `floor_agi = "state"`): the two often differ, and so does the floor."""
    found = _state_period(wizard)
    uses_state_agi = found is not None and found[1].floor_agi == "state"
    return uses_state_agi and _state_allows_with_floor(wizard) and asks_agi(wizard)


def _money(wizard: NamedUrlSessionWizardView, step: str) -> Decimal | None:
    try:
        return parse_money(raw_answer(wizard, step) or "")
    except ValidationError:
        return None


def _capital_loss_above_separate_limit(wizard: NamedUrlSessionWizardView) -> bool:
    """A capital loss larger than the married-filing-separately limit: the status decides how
    much counts this year (IRC §1211(b): $3,000, or $1,500 married filing separately)."""
    year = answered_year(wizard)
    basis, received = _money(wizard, "basis"), _money(wizard, "total_distributions")
    if year is None or basis is None or received is None:
        return False
    rules = current_law().jurisdictions["US"].rules_for("capital_loss", year)
    separate = rules[0].values.get("limit_separate") if rules else None
    return separate is not None and basis - received > separate


def _federal_limit_reaches(wizard: NamedUrlSessionWizardView) -> bool:
    """The year's federal overall limit (IRC 68) may reach the AGI given: its thresholds
    depend on the filing status, and states that start from the federal total carry it."""
    year = answered_year(wizard)
    limit = federal_overall_limit(current_law().jurisdictions["US"], year) if year else None
    try:
        agi = parse_money(raw_answer(wizard, "agi") or "")
    except ValidationError:
        return False
    # Without the AGI the limit cannot be worked out, whatever the status.
    return limit is not None and agi is not None and limit_may_apply(limit, agi)


def asks_filing_status(wizard: NamedUrlSessionWizardView) -> bool:
    """Where it changes the answer: the capital-loss limit of a brokerage loss, or the federal
    overall limit (IRC 68) or the state's limit on itemized deductions reaching the AGI given."""
    if _brokerage(wizard):
        return paid_out(wizard) and _capital_loss_above_separate_limit(wizard)
    if asks_agi(wizard) and _federal_limit_reaches(wizard):
        return True
    found = _state_period(wizard)
    if not asks_agi(wizard) or found is None or not _state_allows_with_floor(wizard):
        return False
    jurisdiction, period = found
    year = answered_year(wizard)
    limits = [jurisdiction.limit_for(name, year) for name in period.limits] if year else []
    # The limits reach the AGI the floor uses: the state's own, where given (rules/_state_amounts).
    given = raw_answer(wizard, "state_agi") if period.floor_agi == "state" else None
    try:
        agi = parse_money(given or raw_answer(wizard, "agi") or "")
    except ValidationError:
        return False
    return any(
        limit is not None and limit_uses_filing_status(limit) and limit_may_apply(limit, agi)
        for limit in limits
    )


def asks_age(wizard: NamedUrlSessionWizardView) -> bool:
    return paid_out(wizard) and raw_answer(wizard, "account_type") != AccountType.TAXABLE_BROKERAGE


CONDITIONS: dict[str, Callable[[NamedUrlSessionWizardView], bool]] = {
    "inherited": asks_inherited,
    "has_basis": asks_has_basis,
    "tax_year": asks_tax_year,
    "state": asks_state,
    "basis": asks_basis_amount,
    "ws_before": works_basis_out,
    basis_years.FIRST_YEAR_STEP: builds_basis,
    basis_years.YEARS_STEP: builds_basis,
    "ws_added": asks_added,
    "ws_paid_out": asks_paid_out,
    "ws_converted": asks_converted,
    "state_basis": asks_state_basis,
    california_basis.YEARS_STEP: asks_california_years,
    california_basis.RECOVERED_STEP: asks_california_recovered,
    "total_distributions": asks_total_distributions,
    "agi": asks_agi,
    "state_agi": asks_state_agi,
    "filing_status": asks_filing_status,
    "age": asks_age,
}
