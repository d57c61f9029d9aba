"""Should I close it? The questions for a person whose accounts are still open (issue 21).

Three pages, asked only where they change the answer: what the accounts are worth now (any
open account with a basis), then, where closing them would create a loss that the state could
count this year, this year's income figures, and the person's age with the growth assumptions.
The engine's side is rules/_planner.py; the figures are read back by `plan_from`.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from formtools.wizard.views import NamedUrlSessionWizardView

from interview.questions import conditions as asked
from interview.questions.fields import BoundedDecimalField, MoneyField, parse_money
from interview.questions.forms import AgeForm, FilingStatusForm
from interview.questions.step_form import StepForm
from rules import (
    DEFAULT_RETURNS,
    DEFAULT_TO_AGE,
    HIGHEST_RETURN,
    LOWEST_RETURN,
    OLDEST_TO_AGE,
    AccountType,
    PlanFigures,
    StateStatus,
    current_law,
)

VALUE_STEP, INCOME_STEP, AGE_STEP = "plan_value", "plan_income", "plan_age"
# What a state lets people itemize that they may not think of (Alabama Schedule A, line 6: the
# Social Security and Medicare tax on wages, 7.65%; found by the PolicyEngine check, README).
OTHER_ITEMIZED_HINT = {
    "AL": _(
        "Alabama also lets you itemize the Social Security and Medicare tax taken from your "
        "wages (7.65% of them): add it in."
    ),
}
_COUNTS = {StateStatus.DEDUCTIBLE.value, StateStatus.NEEDS_REVIEW.value}

_VALUE_QUESTION = {
    "ira": _("What are all your traditional, SEP and SIMPLE IRAs worth now, together?"),
    "roth_ira": _("What are all your Roth IRAs worth now, together?"),
    "plan": _("What is your account in this plan worth now?"),
    "plan_roth": _("What is the Roth account in this plan worth now?"),
    "inherited": _("What is the inherited IRA worth now?"),
}


def _percent_field(label: object, initial: Decimal) -> BoundedDecimalField:
    # Lazy, so it is translated when shown; no % sign in it: Django %-formats a validator's
    # message with its own parameters. The bounds are LOWEST_RETURN and HIGHEST_RETURN.
    message = _("Enter a yearly return between -10 and 20 percent, like 5")
    field = BoundedDecimalField(
        label=label,
        required=False,
        initial=initial,
        min_value=int(LOWEST_RETURN),  # ints: the OpenAPI document writes them as numbers
        max_value=int(HIGHEST_RETURN),
        max_digits=4,
        decimal_places=1,
        error_messages={
            key: message
            for key in ("invalid", "min_value", "max_value", "max_digits", "max_decimal_places")
        },
    )
    field.widget.input_type = "text"
    field.widget.attrs.update({"inputmode": "decimal", "class": "usa-input usa-input--small"})
    return field


class WholeAgeField(forms.IntegerField):
    """An age in whole years, documented as an integer (2.5 is refused, so never "number")."""

    def json_schema(self) -> dict[str, object]:
        return {"type": "integer", "minimum": self.min_value, "maximum": self.max_value}


class PlanValueForm(StepForm):
    value_now = MoneyField(required=False, example="21,000")

    def __init__(self, *args: object, inherited: bool = False, **kwargs: object) -> None:
        self.inherited = inherited
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def word_fields(self) -> None:
        key = "inherited" if self.inherited else self.words.key
        field = self.fields["value_now"]
        field.label = _VALUE_QUESTION.get(key, _VALUE_QUESTION["ira"])
        field.help_text = _(
            "Optional. Add up the latest balances on your statements, like 21,000. With it we "
            "work out what closing them all this year would create, save and cost. Leave it "
            "blank to skip this."
        )


class PlanIncomeForm(StepForm):
    """This year's figures: the state tax a loss would save depends on each of them."""

    agi = MoneyField(required=False, example="80,000")
    state_agi = MoneyField(required=False, example="78,000")
    filing_status = forms.ChoiceField(
        choices=FilingStatusForm.base_fields["filing_status"].choices,  # type: ignore[attr-defined]
        widget=forms.RadioSelect,
        error_messages={"required": _("Select your filing status, like Single")},
    )
    other_itemized_deductions = MoneyField(required=False, example="12,000")

    def __init__(
        self, *args: object, year: int | None = None, state: str = "", **kwargs: object
    ) -> None:
        self.year = year or datetime.date.today().year
        jurisdiction = current_law().jurisdictions.get(state)
        self.state_name = jurisdiction.name if jurisdiction else _("your state")
        self.state_code = state or ""
        self.uses_state_agi = _uses_state_agi(state, self.year)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def word_fields(self) -> None:
        facts = {"year": self.year, "state": self.state_name}
        self.fields["agi"].label = (
            _("What do you expect your adjusted gross income to be for %(year)s?") % facts
        )
        self.fields["agi"].help_text = _(
            "Optional, but without it we cannot work out the tax a loss would save. Last "
            "year's is on Form 1040 (“adjusted gross income”); a rough figure is fine."
        )
        if self.uses_state_agi:
            self.fields["state_agi"].label = (
                _("And your %(state)s adjusted gross income for %(year)s?") % facts
            )
            self.fields["state_agi"].help_text = (
                _(
                    "Optional. %(state)s takes its 2%% floor from it. Leave it blank to use the "
                    "federal figure."
                )
                % facts
            )
        else:
            del self.fields["state_agi"]
        status = self.fields["filing_status"]
        status.label = _("What filing status do you expect for %(year)s?") % facts
        status.help_text = _("The state's tax rates and standard deduction depend on it.")
        self.fields["other_itemized_deductions"].label = (
            _("Other deductions you would itemize on your %(state)s return for %(year)s") % facts
        )
        hint = _(
            "Optional: mortgage interest, property tax, gifts to charity, added up. Blank counts "
            "as none. The loss helps only if your itemized deductions beat the standard "
            "deduction."
        )
        extra = OTHER_ITEMIZED_HINT.get(self.state_code)
        self.fields["other_itemized_deductions"].help_text = f"{hint} {extra}" if extra else hint


class PlanAgeForm(StepForm):
    """The person's age, Roth conversions of the last five years, and the growth assumptions."""

    # The interview's age question (bounds, "59½", messages), asked of the age now.
    age_at_distribution = copy.deepcopy(AgeForm.base_fields["age_at_distribution"])
    recent_roth_conversions = MoneyField(
        label=_("How much did you convert to Roth IRAs in the last five years?"),
        help_text=_(
            "Optional: the taxable amounts converted this year and in the four years before, "
            "added up (Form 8606, line 18). Blank counts as none."
        ),
        required=False,
        example="15,000",
    )
    growth_rate_low = _percent_field(_("A cautious yearly return, in percent"), DEFAULT_RETURNS[0])
    growth_rate_high = _percent_field(_("A hopeful yearly return, in percent"), DEFAULT_RETURNS[1])
    growth_to_age = WholeAgeField(
        label=_("Show the growth up to what age?"),
        required=False,
        initial=DEFAULT_TO_AGE,
        min_value=1,
        max_value=OLDEST_TO_AGE,
        # A fixed lazy string (OLDEST_TO_AGE is 100): formatted at import it would never be
        # translated.
        error_messages={
            key: _("Enter an age up to 100, like 65")
            for key in ("invalid", "min_value", "max_value")
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # As AgeForm's own __init__ does: the copied field does not carry it (a phone's number
        # keyboard, the USWDS style).
        age = self.fields["age_at_distribution"].widget
        age.input_type = "text"
        age.attrs.update({"inputmode": "decimal", "class": "usa-input usa-input--small"})
        to_age = self.fields["growth_to_age"].widget
        to_age.input_type = "text"
        to_age.attrs.update({"inputmode": "numeric", "class": "usa-input usa-input--small"})

    def word_fields(self) -> None:
        age = self.fields["age_at_distribution"]
        age.label = _("How old are you now?")
        age.help_text = _("Optional. Under 59½, an extra tax on early payouts can apply.")
        if self.words.key != "roth_ira":
            del self.fields["recent_roth_conversions"]


STEPS = [(VALUE_STEP, PlanValueForm), (INCOME_STEP, PlanIncomeForm), (AGE_STEP, PlanAgeForm)]
FIELDS = ("value_now", "other_itemized_deductions", "recent_roth_conversions")


def _uses_state_agi(state: str, year: int) -> bool:
    jurisdiction = current_law().jurisdictions.get(state)
    return jurisdiction is not None and jurisdiction.period_for(year).floor_agi == "state"


def _state_may_count(wizard: NamedUrlSessionWizardView) -> bool:
    """The state's law for this year lets such a loss count (or has not settled it)."""
    state = asked.raw_answer(wizard, "state")
    jurisdiction = current_law().jurisdictions.get(state or "")
    if jurisdiction is None:
        return False
    return jurisdiction.period_for(datetime.date.today().year).outcome in _COUNTS


def asks_value(wizard: NamedUrlSessionWizardView) -> bool:
    """Open accounts with a basis (a brokerage account is not a retirement account)."""
    open_ = asked.still_there(wizard) and asked.raw_answer(wizard, "account_type") is not None
    brokerage = asked.raw_answer(wizard, "account_type") == AccountType.TAXABLE_BROKERAGE
    return open_ and not brokerage and asked.asks_state(wizard)


def _closing_makes_a_loss(wizard: NamedUrlSessionWizardView) -> bool:
    try:
        value = parse_money(asked.raw_answer(wizard, VALUE_STEP, "value_now") or "")
        basis = parse_money(asked.raw_answer(wizard, "basis") or "")
    except ValidationError:
        return False
    if value is None:
        return False
    # Basis worked out on the worksheet's pages: the result says whether there is a loss.
    return basis is None or value < basis


def asks_plan(wizard: NamedUrlSessionWizardView) -> bool:
    """This year's figures and the age: only where closing could count on the state return."""
    return asks_value(wizard) and _closing_makes_a_loss(wizard) and _state_may_count(wizard)


def with_planning(
    conditions: Mapping[str, Callable[[NamedUrlSessionWizardView], bool]],
) -> dict[str, Callable[[NamedUrlSessionWizardView], bool]]:
    return {**conditions, VALUE_STEP: asks_value, INCOME_STEP: asks_plan, AGE_STEP: asks_plan}


def form_kwargs(wizard: NamedUrlSessionWizardView, step: str) -> dict[str, object]:
    if step == VALUE_STEP:
        return {"inherited": asked.is_inherited(wizard)}
    if step == INCOME_STEP:
        return {"year": datetime.date.today().year, "state": asked.raw_answer(wizard, "state")}
    return {}


def plan_from(stored: Mapping[str, object]) -> PlanFigures | None:
    """The planner's figures from the stored answers; None without a value (not asked, or left
    blank)."""
    value = _number(stored.get("value_now"))
    if value is None:
        return None
    low = _number(stored.get("growth_rate_low"))
    high = _number(stored.get("growth_rate_high"))
    to_age = _number(stored.get("growth_to_age"))
    if to_age is not None and not 0 < to_age <= OLDEST_TO_AGE:
        raise ValueError("growth_to_age out of range")
    return PlanFigures(
        value_now=value,
        other_itemized=_number(stored.get("other_itemized_deductions")),
        recent_conversions=_number(stored.get("recent_roth_conversions")) or Decimal(0),
        returns=(
            DEFAULT_RETURNS[0] if low is None else low,
            DEFAULT_RETURNS[1] if high is None else high,
        ),
        to_age=DEFAULT_TO_AGE if to_age is None else int(to_age),
    )


def _number(value: object) -> Decimal | None:
    """A stored figure; ValueError for anything a valid answer cannot hold (a tampered session)."""
    if value in (None, ""):
        return None
    number = Decimal(str(value))  # InvalidOperation is a ValueError
    if not number.is_finite() or abs(number) > Decimal("1e12"):
        raise ValueError("not a bounded number")
    return number
