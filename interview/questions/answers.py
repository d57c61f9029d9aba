"""From what the user said (interview session or API body) to the engine's Answers.

The interview keeps the user's own answers ("I'm not sure" included) as text in the session;
this module is the one place that turns them into the typed, immutable Answers.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from interview.questions import basis_years, california_basis, planner
from interview.questions.forms import NO, NOT_SURE, ROLLED_OVER, WORK_IT_OUT, YES
from interview.questions.year_table import figures_by_year
from rules import (
    AccountType,
    Answers,
    BasisWorksheet,
    DeductionYear,
    EarlierYear,
    FilingStatus,
    StateBasisWorksheet,
    basis_by_year,
)

# Interview step -> BasisWorksheet field (the steps live in basis_questions.py).
FIGURES = {
    "ws_before": "basis_before_year",
    "ws_added": "after_tax_added_in_year",
    "ws_paid_out": "paid_out_in_year",
    "ws_converted": "converted_in_year",
}

WORKSHEET_FIELDS = (
    "basis_before_year",
    "after_tax_added_in_year",
    "paid_out_in_year",
    "converted_in_year",
)
STILL_THERE = (NO, ROLLED_OVER)
# A year's figures (three for traditional IRAs) when the basis from earlier years is added up
# (basis_years.py).
YEAR_KEY = re.compile(r"^ws_y(?P<year>\d{4})_(?P<side>in|out|value)$")
MONEY_FIELDS = (
    "basis",
    "total_distributions",
    "agi",
    "state_agi",
    "state_basis",
    "age_at_distribution",
)


class AnswersMissing(LookupError):
    """The session holds no complete, valid set of answers (expired, deleted or tampered)."""


def _decimal(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise AnswersMissing(f"not a number: {type(value).__name__}") from None
    if not number.is_finite() or number < 0:
        raise AnswersMissing("not a finite amount ≥ 0")
    return number


def answers_from_interview(stored: Mapping[str, object]) -> Answers:
    """Build Answers from the interview's stored answers; raise AnswersMissing if unusable."""
    try:
        account_type = AccountType(str(stored["account_type"]))
        paid_out = stored["fully_liquidated"]
        if paid_out in STILL_THERE:
            # Nothing paid out yet: no year or state was asked where it cannot change the
            # answer (wizard.py); the answer is for the current year, for every state.
            has_basis = stored.get("has_basis", NO)
            tax_year = int(str(stored.get("tax_year") or datetime.date.today().year))
            state = str(stored.get("state", ""))
        else:
            has_basis = stored["has_basis"]
            tax_year = int(str(stored["tax_year"]))
            state = str(stored["state"])
    except (KeyError, ValueError) as exc:
        raise AnswersMissing(str(exc)) from None
    basis = _decimal(stored.get("basis")) if has_basis == YES else Decimal(0)
    received = _decimal(stored.get("total_distributions")) if paid_out == YES else None
    worksheet = None
    if has_basis == WORK_IT_OUT:
        # "Work it out with me": a blank figure is "I don't have this", counted as 0.
        figures = {
            field: _decimal(stored.get(step)) or Decimal(0) for step, field in FIGURES.items()
        }
        years = _earlier_years(stored) if not stored.get("ws_before") else ()
        if years:
            # No last Form 8606: the basis from earlier years, added up year by year.
            figures["basis_before_year"] = years[-1].basis_after
        worksheet = BasisWorksheet(**figures, earlier_years=years)
        basis, received = worksheet.basis, worksheet.received if paid_out == YES else None
    state_basis = _decimal(stored.get("state_basis"))
    state_worksheet = None
    if state_basis is None and any(california_basis.YEAR_KEY.match(key) for key in stored):
        # No California basis given: worked out from the years California allowed less (all
        # left blank: the same as the federal basis, nothing to show).
        worked = california_basis.worksheet_from(stored)
        if worked.not_deducted:
            state_worksheet = worked
            state_basis = worked.state_basis(basis or Decimal(0))
    try:
        plan = planner.plan_from(stored) if paid_out in STILL_THERE else None
    except ValueError as exc:
        raise AnswersMissing(str(exc)) from None
    return Answers(
        plan=plan,
        account_type=account_type,
        tax_year=tax_year,
        state=state,
        basis=basis or Decimal(0),
        fully_liquidated=paid_out == YES,
        total_distributions=received,
        basis_worksheet=worksheet,
        agi=_decimal(stored.get("agi")),
        age_at_distribution=_decimal(stored.get("age_at_distribution")),
        state_basis=state_basis,
        state_basis_worksheet=state_worksheet,
        state_agi=_decimal(stored.get("state_agi")),  # blank: the federal AGI stands in
        rolled_over=paid_out == ROLLED_OVER,
        inherited=stored.get("inherited") == YES,
        filing_status=_filing_status(stored.get("filing_status")),
    )


def _earlier_years(stored: Mapping[str, object]) -> tuple[EarlierYear, ...]:
    """The years the user filled in (a year left all blank is left out), worked out in order.

    Traditional IRAs: a payout uses up basis in the Form 8606 share of the year-end value."""
    zero = Decimal(0)
    return basis_by_year(
        (
            EarlierYear(
                year, f.get("in", zero), f.get("out", zero), value_at_year_end=f.get("value")
            )
            for year, f in figures_by_year(stored, YEAR_KEY, _decimal).items()
        ),
        pro_rata=stored.get("account_type") in basis_years.TRADITIONAL_TYPES,
    )


def _filing_status(value: object) -> FilingStatus | None:
    try:
        return FilingStatus(str(value)) if value else None
    except ValueError:
        raise AnswersMissing("not a filing status") from None


def unsure_about(stored: Mapping[str, object]) -> tuple[str, ...]:
    """Which questions the user answered "I'm not sure" (the result explains how to find out)."""
    return tuple(key for key in ("has_basis", "fully_liquidated") if stored.get(key) == NOT_SURE)


def answers_from_api(cleaned: Mapping[str, object]) -> Answers:
    """Build Answers from DeterminationForm.cleaned_data.

    With a basis_worksheet, basis = before + added and total received = paid out + converted.
    """
    pro_rata = cleaned["account_type"] in basis_years.TRADITIONAL_TYPES
    worksheet = worksheet_from(cleaned.get("basis_worksheet"), pro_rata=pro_rata)
    basis = worksheet.basis if worksheet else cleaned["basis"]
    received = worksheet.received if worksheet else cleaned.get("total_distributions")
    state_worksheet = state_worksheet_from(cleaned.get("state_basis_worksheet"))
    state_basis = (
        state_worksheet.state_basis(basis)  # type: ignore[arg-type]
        if state_worksheet
        else cleaned.get("state_basis")
    )
    return Answers(
        account_type=AccountType(str(cleaned["account_type"])),
        tax_year=int(cleaned["tax_year"]),  # type: ignore[call-overload]
        state=str(cleaned["state"]),
        basis=basis,  # type: ignore[arg-type]
        fully_liquidated=bool(cleaned["fully_liquidated"]),
        total_distributions=received,  # type: ignore[arg-type]
        basis_worksheet=worksheet,
        agi=cleaned.get("agi"),  # type: ignore[arg-type]
        age_at_distribution=cleaned.get("age_at_distribution"),  # type: ignore[arg-type]
        state_basis=state_basis,  # type: ignore[arg-type]
        state_basis_worksheet=state_worksheet,
        state_agi=cleaned.get("state_agi"),  # type: ignore[arg-type]
        inherited=bool(cleaned.get("inherited")),
        rolled_over=bool(cleaned.get("rolled_over")),
        filing_status=FilingStatus(cleaned["filing_status"])
        if cleaned.get("filing_status")
        else None,
        plan=None if cleaned["fully_liquidated"] else planner.plan_from(cleaned),
    )


def worksheet_from(cleaned: object, *, pro_rata: bool = True) -> BasisWorksheet | None:
    """The worksheet's four figures (each 0 when left out), or None when none was sent.

    pro_rata: traditional, SEP and SIMPLE IRAs, whose earlier payouts use up basis in the Form
    8606 share (rules.basis_by_year)."""
    if not isinstance(cleaned, Mapping):
        return None
    figures = {name: cleaned.get(name) or Decimal(0) for name in WORKSHEET_FIELDS}
    sent = cleaned.get("earlier_years") or ()
    years = basis_by_year(
        (
            EarlierYear(
                int(y["year"]),
                y.get("added") or Decimal(0),
                y.get("taken_out") or Decimal(0),
                value_at_year_end=y.get("value_at_year_end"),
            )
            for y in sent  # type: ignore[attr-defined]
        ),
        pro_rata=pro_rata,
    )
    if years:
        figures["basis_before_year"] = years[-1].basis_after
    return BasisWorksheet(**figures, earlier_years=years)  # type: ignore[arg-type]


def state_worksheet_from(cleaned: object) -> StateBasisWorksheet | None:
    """California's basis by year as sent, or None when it was not sent."""
    if not isinstance(cleaned, Mapping):
        return None
    zero = Decimal(0)
    return StateBasisWorksheet(
        tuple(
            DeductionYear(int(y["year"]), y.get("federal") or zero, y.get("state") or zero)
            for y in sorted(cleaned.get("deductions_by_year") or (), key=lambda y: y["year"])
        ),
        cleaned.get("recovered") or zero,
    )


def to_session(cleaned: Mapping[str, object]) -> dict[str, str]:
    """Keep only plain text in the session (JSON-serialisable, nothing derived)."""
    return {key: "" if value is None else str(value) for key, value in cleaned.items()}
