"""The user's answers as rows of (question, answer, change link): check page, result and PDF."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import basis_questions
from . import forms as questions
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
    *basis_questions.BUILD_SIGNS,
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
