"""The user's answers as rows of (question, answer, change link): check page, result and PDF."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import basis_questions, basis_years
from . import forms as questions
from .answers import YEAR_KEY
from .formatting import money

# Which step asks which answer, in the order of the interview.
QUESTIONS: tuple[tuple[str, str, type[questions.StepForm]], ...] = (
    ("account_type", "account_type", questions.AccountTypeForm),
    ("inherited", "inherited", questions.InheritedForm),
    ("has_basis", "has_basis", questions.HasBasisForm),
    ("fully_liquidated", "fully_liquidated", questions.FullyLiquidatedForm),
    ("tax_year", "tax_year", questions.TaxYearForm),
    ("state", "state", questions.StateForm),
    ("basis", "basis", questions.BasisForm),
    *((step, step, form) for step, form in basis_questions.STEPS),
    ("state_basis", "state_basis", questions.StateBasisForm),
    ("total_distributions", "total_distributions", questions.TotalDistributionsForm),
    ("agi", "agi", questions.AgiForm),
    ("filing_status", "filing_status", questions.FilingStatusForm),
    ("age", "age_at_distribution", questions.AgeForm),
)
MONEY = {
    "basis",
    "state_basis",
    "total_distributions",
    "agi",
    *basis_questions.FIGURES,
}


@dataclass(frozen=True)
class AnswerRow:
    step: str
    question: str | Promise
    answer: str | Promise
    change_url: str


def _display(form: questions.StepForm, name: str, value: object) -> str | Promise:
    if value in (None, ""):
        return _("Not given")
    if name in MONEY:
        return money(Decimal(str(value)))
    field = form.fields[name]
    choices = dict(getattr(field, "choices", ()) or ())
    return choices.get(str(value), str(value))


def answer_rows(answers: Mapping[str, object], step_url: Callable[[str], str]) -> list[AnswerRow]:
    """One row per question the user answered, worded for their account type."""
    account_type = answers.get("account_type")
    rows = []
    for step, name, form_class in QUESTIONS:
        if step == basis_years.YEARS_STEP:
            rows += _years_row(answers, step_url(step))
        if name not in answers:
            continue
        form = form_class(account_type=str(account_type) if account_type else None)
        rows.append(
            AnswerRow(
                step=step,
                question=form.fields[name].label,
                answer=_display(form, name, answers[name]),
                change_url=step_url(step),
            )
        )
    return rows


def _years_row(answers: Mapping[str, object], change_url: str) -> list[AnswerRow]:
    """The year-by-year page as one row: the years filled in and what went in and came out."""
    totals = {"in": Decimal(0), "out": Decimal(0)}
    years = set()
    for key, value in answers.items():
        match = YEAR_KEY.match(key)
        if match and value not in (None, ""):
            totals[match["side"]] += Decimal(str(value))
            years.add(int(match["year"]))
    if not years:
        return []
    words = basis_years.words_for(str(answers.get("account_type") or ""))
    answer = _("%(put_in)s %(in)s; %(taken_out)s %(out)s (%(first)s–%(last)s)") % {
        "put_in": words.put_in,
        "in": money(totals["in"]),
        "taken_out": words.taken_out.lower(),
        "out": money(totals["out"]),
        "first": min(years),
        "last": max(years),
    }
    return [AnswerRow(basis_years.YEARS_STEP, words.title, answer, change_url)]
