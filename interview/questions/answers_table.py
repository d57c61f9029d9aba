"""The user's answers as rows of (question, answer, change link): check page, result and PDF."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from interview.formatting import money
from interview.questions import basis_questions, basis_years, california_basis, planner, state_agi
from interview.questions import forms as questions
from interview.questions.answers import STILL_THERE, YEAR_KEY

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
    *((step, step, form) for step, form in california_basis.STEPS),
    ("total_distributions", "total_distributions", questions.TotalDistributionsForm),
    ("agi", "agi", questions.AgiForm),
    (state_agi.STEP, state_agi.STEP, state_agi.StateAgiForm),
    ("filing_status", "filing_status", questions.FilingStatusForm),
    ("age", "age_at_distribution", questions.AgeForm),
    (planner.VALUE_STEP, "value_now", planner.PlanValueForm),
    *(
        (planner.INCOME_STEP, name, planner.PlanIncomeForm)
        for name in ("agi", "state_agi", "filing_status", "other_itemized_deductions")
    ),
    *(
        (planner.AGE_STEP, name, planner.PlanAgeForm)
        for name in (
            "age_at_distribution",
            "recent_roth_conversions",
            "growth_rate_low",
            "growth_rate_high",
            "growth_to_age",
        )
    ),
)
# Answers a paid-out check and a still-open one both give, each asked by its own page.
SHARED = {"agi", "state_agi", "filing_status", "age_at_distribution"}
PLAN_STEPS = {step for step, _form in planner.STEPS}
PERCENT = {"growth_rate_low", "growth_rate_high"}
MONEY = {
    "basis",
    "state_basis",
    "total_distributions",
    "agi",
    state_agi.STEP,
    *basis_questions.FIGURES,
    california_basis.RECOVERED_STEP,
    *planner.FIELDS,
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
    if name in PERCENT:
        return _("%(rate)s%% a year") % {"rate": Decimal(str(value)).normalize()}
    field = form.fields[name]
    choices = dict(getattr(field, "choices", ()) or ())
    return choices.get(str(value), str(value))


def answer_rows(answers: Mapping[str, object], step_url: Callable[[str], str]) -> list[AnswerRow]:
    """One row per question the user answered, worded for their account type."""
    account_type = answers.get("account_type")
    still_open = answers.get("fully_liquidated") in STILL_THERE
    rows = []
    for step, name, form_class in QUESTIONS:
        if step in YEAR_TABLES:
            rows += _years_row(answers, step, step_url(step))
        if name not in answers or (name in SHARED and (step in PLAN_STEPS) != still_open):
            continue
        facts = _facts(answers, form_class)
        form = form_class(account_type=str(account_type) if account_type else None, **facts)
        rows.append(
            AnswerRow(
                step=step,
                question=form.fields[name].label,
                answer=_display(form, name, answers[name]),
                change_url=step_url(step),
            )
        )
    return rows


def _facts(answers: Mapping[str, object], form_class: type) -> dict[str, object]:
    """What a question's words depend on besides the account: the state and year it names
    ("your Hawaii adjusted gross income for 2022"), or no year when the money is still there."""
    if form_class is state_agi.StateAgiForm:
        return {"state": str(answers.get("state") or ""), "tax_year": answers.get("tax_year")}
    if form_class is questions.StateForm:
        return {"still_there": answers.get("fully_liquidated") in STILL_THERE}
    if form_class is planner.PlanValueForm:
        return {"inherited": answers.get("inherited") == questions.YES}
    if form_class is planner.PlanIncomeForm:
        return {"state": str(answers.get("state") or "")}
    return {}


def _years_row(answers: Mapping[str, object], step: str, change_url: str) -> list[AnswerRow]:
    """A year table as one row: the two columns added up, and the years filled in."""
    key, title, headings = YEAR_TABLES[step](str(answers.get("account_type") or ""))
    totals = [Decimal(0), Decimal(0)]
    years = set()
    for name, value in answers.items():
        match = key.match(name)
        # A year-end value (traditional IRAs) is a balance, not a flow: adding them up says nothing.
        if match and value not in (None, "") and match["side"] != "value":
            totals[match["side"] in ("out", "state")] += Decimal(str(value))
            years.add(int(match["year"]))
    if not years:
        return []
    answer = _(
        "%(first_heading)s: %(first)s. %(second_heading)s: %(second)s. Years %(from)s–%(to)s."
    ) % {
        "first_heading": headings[0],
        "first": money(totals[0]),
        "second_heading": headings[1],
        "second": money(totals[1]),
        "from": min(years),
        "to": max(years),
    }
    return [AnswerRow(step, title, answer, change_url)]


def _earlier_years(account_type: str) -> tuple[re.Pattern[str], object, tuple[object, object]]:
    words = basis_years.words_for(account_type)
    return YEAR_KEY, words.title, (words.put_in, words.taken_out)


def _california_years(account_type: str) -> tuple[re.Pattern[str], object, tuple[object, object]]:
    text = california_basis.TEXT
    return california_basis.YEAR_KEY, text.title, text.headings


YEAR_TABLES = {
    basis_years.YEARS_STEP: _earlier_years,
    california_basis.YEARS_STEP: _california_years,
}
