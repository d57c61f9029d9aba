"""The question flow: steps, their order and when each is asked, as data at the top.

Each condition is a named predicate of the raw stored answers that accepts missing data, so it
never reads cleaned data of a step that is hidden (django-formtools issues #220, #266).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from formtools.wizard.views import NamedUrlSessionWizardView

from rules import (
    ROTH_TYPES,
    AccountType,
    Jurisdiction,
    Period,
    StateStatus,
    current_law,
    limit_may_apply,
)

from . import basis_questions, journeys
from . import forms as questions
from .answers import to_session
from .fields import parse_money
from .step_data import answer_only
from .summary import answer_rows


class CheckAnswersForm(forms.Form):
    """The "Check your answers" page: no fields, its POST confirms the answers."""


STEPS: list[tuple[str, type[forms.Form]]] = [
    ("account_type", questions.AccountTypeForm),
    ("inherited", questions.InheritedForm),
    # The filter question: money still there answers the common worry in a few screens.
    ("fully_liquidated", questions.FullyLiquidatedForm),
    ("has_basis", questions.HasBasisForm),
    ("tax_year", questions.TaxYearForm),
    ("state", questions.StateForm),
    ("basis", questions.BasisForm),
    *basis_questions.STEPS,
    ("state_basis", questions.StateBasisForm),
    ("total_distributions", questions.TotalDistributionsForm),
    ("agi", questions.AgiForm),
    ("filing_status", questions.FilingStatusForm),
    ("age", questions.AgeForm),
    ("check", CheckAnswersForm),
]
CHECK_STEP = "check"

# The step indicator's sections, in the taxpayer's words.
SECTIONS: tuple[tuple[str, frozenset[str]], ...] = (
    (_("Your account"), frozenset({"account_type", "inherited", "fully_liquidated", "has_basis"})),
    (_("Year and state"), frozenset({"tax_year", "state"})),
    (
        _("Amounts"),
        frozenset(
            {"basis", *basis_questions.FIGURES, "state_basis", "total_distributions", "agi"}
            | {"filing_status", "age"}
        ),
    ),
    (_("Check your answers"), frozenset({CHECK_STEP})),
)
# Questions a user may not know the answer to link to a page that explains how to find out.
HELP_PAGES = {"has_basis": "interview:help_basis", "fully_liquidated": "interview:help_paid_out"}


def _raw(wizard: NamedUrlSessionWizardView, step: str, field: str | None = None) -> str | None:
    data = wizard.storage.get_step_data(step)
    if not data:
        return None
    value = data.get(f"{step}-{field or step}")
    return value if isinstance(value, str) else None


def _year(wizard: NamedUrlSessionWizardView) -> int | None:
    try:
        return int(_raw(wizard, "tax_year") or "")
    except ValueError:
        return None


def asks_inherited(wizard: NamedUrlSessionWizardView) -> bool:
    """Only IRAs can be inherited IRAs, which are tested on their own."""
    return _raw(wizard, "account_type") in questions.IRA_TYPES


def paid_out(wizard: NamedUrlSessionWizardView) -> bool:
    return _raw(wizard, "fully_liquidated") == questions.YES


def works_basis_out(wizard: NamedUrlSessionWizardView) -> bool:
    """ "Work it out with me": the basis worksheet's pages instead of one amount."""
    return _raw(wizard, "has_basis") == questions.WORK_IT_OUT


def _inherited(wizard: NamedUrlSessionWizardView) -> bool:
    return asks_inherited(wizard) and _raw(wizard, "inherited") == questions.YES


def builds_basis(wizard: NamedUrlSessionWizardView, step: str) -> bool:
    """The basis from earlier years left blank: add it up from its parts, where they apply."""
    if not works_basis_out(wizard) or _raw(wizard, "ws_before") != "":
        return False
    asked = basis_questions.questions_for(_raw(wizard, "account_type"), _inherited(wizard))
    return step in asked


def asks_added(wizard: NamedUrlSessionWizardView) -> bool:
    """An heir cannot add to an inherited IRA."""
    return works_basis_out(wizard) and not _inherited(wizard)


def asks_paid_out(wizard: NamedUrlSessionWizardView) -> bool:
    return works_basis_out(wizard) and paid_out(wizard)


def asks_converted(wizard: NamedUrlSessionWizardView) -> bool:
    """Only one's own traditional, SEP and SIMPLE IRAs can be converted to a Roth IRA."""
    traditional = _raw(wizard, "account_type") in questions.IRA_TYPES - {AccountType.ROTH_IRA}
    return asks_paid_out(wizard) and traditional and not _inherited(wizard)


def _brokerage(wizard: NamedUrlSessionWizardView) -> bool:
    return _raw(wizard, "account_type") == AccountType.TAXABLE_BROKERAGE


def still_there(wizard: NamedUrlSessionWizardView) -> bool:
    """The money is still in the account (or was rolled over, or not sold): no loss exists yet,
    whatever the year; the answer is for the current year (answers.py)."""
    return _raw(wizard, "fully_liquidated") in (questions.NO, questions.ROLLED_OVER)


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
    return asks_has_basis(wizard) and _raw(wizard, "has_basis") in some_basis


def asks_basis_amount(wizard: NamedUrlSessionWizardView) -> bool:
    """Asked whenever there is some basis: it decides the loss, or carries forward if not."""
    return asks_has_basis(wizard) and _raw(wizard, "has_basis") == questions.YES


def _state_period(wizard: NamedUrlSessionWizardView) -> tuple[Jurisdiction, Period] | None:
    """The state's law for the year answered, for a retirement account; None if not known."""
    year, state = _year(wizard), _raw(wizard, "state")
    law = current_law()
    if year is None or state not in law.jurisdictions:
        return None
    if _raw(wizard, "account_type") in (None, AccountType.TAXABLE_BROKERAGE):
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
    return found[1].state_basis and _raw(wizard, "account_type") not in ROTH_TYPES


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
    year = _year(wizard)
    if not paid_out(wizard) or year is None:
        return False
    if _raw(wizard, "account_type") == AccountType.TAXABLE_BROKERAGE:
        return False
    try:
        federal_floor = current_law().jurisdictions["US"].period_for(year).floor_percent
    except LookupError:
        return False
    if federal_floor is not None and may_have_a_loss(wizard):
        return True
    has_some_basis = may_have_a_loss(wizard) or asks_state_basis(wizard)
    return has_some_basis and _state_allows_with_floor(wizard)


def _money(wizard: NamedUrlSessionWizardView, step: str) -> Decimal | None:
    try:
        return parse_money(_raw(wizard, step) or "")
    except ValidationError:
        return None


def _capital_loss_above_separate_limit(wizard: NamedUrlSessionWizardView) -> bool:
    """A capital loss larger than the married-filing-separately limit: the status decides how
    much counts this year (IRC §1211(b): $3,000, or $1,500 married filing separately)."""
    year = _year(wizard)
    basis, received = _money(wizard, "basis"), _money(wizard, "total_distributions")
    if year is None or basis is None or received is None:
        return False
    rules = current_law().jurisdictions["US"].rules_for("capital_loss", year)
    separate = rules[0].values.get("limit_separate") if rules else None
    return separate is not None and basis - received > separate


def asks_filing_status(wizard: NamedUrlSessionWizardView) -> bool:
    """Where it changes the answer: the capital-loss limit of a brokerage loss, or the state's
    limit on itemized deductions reaching the AGI given."""
    if _brokerage(wizard):
        return paid_out(wizard) and _capital_loss_above_separate_limit(wizard)
    found = _state_period(wizard)
    if not asks_agi(wizard) or found is None or not _state_allows_with_floor(wizard):
        return False
    jurisdiction, period = found
    year = _year(wizard)
    limit = jurisdiction.limit_for(period.limit, year) if period.limit and year else None
    try:
        agi = parse_money(_raw(wizard, "agi") or "")
    except ValidationError:
        return False
    return limit is not None and limit_may_apply(limit, agi)


def asks_age(wizard: NamedUrlSessionWizardView) -> bool:
    return paid_out(wizard) and _raw(wizard, "account_type") != AccountType.TAXABLE_BROKERAGE


CONDITIONS: dict[str, Callable[[NamedUrlSessionWizardView], bool]] = {
    "inherited": asks_inherited,
    "has_basis": asks_has_basis,
    "tax_year": asks_tax_year,
    "state": asks_state,
    "basis": asks_basis_amount,
    "ws_before": works_basis_out,
    **{
        step: (lambda wizard, step=step: builds_basis(wizard, step))
        for step in basis_questions.BUILD_SIGNS
    },
    "ws_added": asks_added,
    "ws_paid_out": asks_paid_out,
    "ws_converted": asks_converted,
    "state_basis": asks_state_basis,
    "total_distributions": asks_total_distributions,
    "agi": asks_agi,
    "filing_status": asks_filing_status,
    "age": asks_age,
}


def _sections(current: str) -> list[dict[str, object]]:
    """Step indicator: each section complete, current or still to come."""
    index = next((i for i, (_name, steps) in enumerate(SECTIONS) if current in steps), 0)
    return [
        {"name": name, "state": "complete" if i < index else "current" if i == index else ""}
        for i, (name, _steps) in enumerate(SECTIONS)
    ]


class InterviewWizard(journeys.JourneyRouting, NamedUrlSessionWizardView):
    form_list = STEPS
    condition_dict = CONDITIONS
    template_name = "question.html"

    def get_template_names(self) -> list[str]:
        if self.steps.current == CHECK_STEP:
            return ["check.html"]
        return [self.template_name]

    def get_form_kwargs(self, step: str | None = None) -> dict[str, object]:
        if step == CHECK_STEP:
            return {}
        kwargs: dict[str, object] = {"account_type": _raw(self, "account_type")}
        if step in basis_questions.FIGURES or step in basis_questions.BUILD_SIGNS:
            kwargs["inherited"] = _inherited(self)
        return kwargs

    # ---- the step guard formtools lacks ---------------------------------------------------

    def first_unanswered(self) -> str:
        for step in self.get_form_list():
            if step == CHECK_STEP or self.storage.get_step_data(step) is None:
                return step
        return CHECK_STEP

    def _reachable(self, step: str) -> bool:
        steps = list(self.get_form_list())
        if step not in steps:
            return False
        return steps.index(step) <= steps.index(self.first_unanswered())

    def get(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        step = kwargs.get("step")
        if step is None:
            # The journey's own entry (Continue where you left off): its first open question.
            return self._restart()
        if step != self.done_step_name and not self._reachable(str(step)):
            # A future, skipped or unknown step: back to the first question not yet answered.
            return self._restart()
        self.storage.current_step = str(step)  # the URL names the step (nothing is stored)
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        posted = request.POST.get(f"{self.get_prefix(request)}-current_step", "")
        if posted != self.steps.first and self.storage.get_step_data(self.steps.first) is None:
            # Nothing stored: the session expired or was deleted while the page was open.
            return redirect("interview:expired")
        if not self._reachable(posted):
            # A forged, skipped or future step name: restart cleanly where the user is.
            return self._restart()
        if posted == self.steps.first and self.storage.get_step_data(posted) is None:
            # A journey starts: a new session id, so an id planted in the browser beforehand
            # (session fixation) never holds these answers or their result. Once per journey.
            request.session.cycle_key()
        # The step is the one posted: JourneyStorage keeps no current step between requests.
        self.storage.current_step = posted
        return super().post(request, *args, **kwargs)

    def get_form_step_data(self, form: forms.Form) -> dict[str, list[str]]:
        # Only the form's own fields, bounded: never the whole POST (see step_data.py).
        return answer_only(form)

    def _restart(self, to: str | None = None) -> HttpResponseRedirect:
        target = to or self.first_unanswered()
        self.storage.current_step = target
        return redirect(self.get_step_url(target))

    def render_next_step(self, form: forms.Form, **kwargs: object) -> HttpResponse:
        # After any answer (first pass or a change), go to the first question still unanswered;
        # after a change that needs nothing new, that is the "Check your answers" page.
        self.storage.keep_only(self.get_form_list())  # drop answers that no longer apply
        target = self.first_unanswered()
        self.storage.current_step = target
        return redirect(self.get_step_url(target))

    # ---- pages -------------------------------------------------------------------------------

    def get_context_data(self, form: forms.Form, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(form=form, **kwargs)
        steps = list(self.get_form_list())
        index = steps.index(self.steps.current) if self.steps.current in steps else 0
        context["back_url"] = (
            self.get_step_url(steps[index - 1]) if index > 0 else reverse("interview:start")
        )
        context["question_number"] = index + 1
        context["sections"] = _sections(self.steps.current)
        if self.steps.current in HELP_PAGES:
            context["help_url"] = reverse(
                HELP_PAGES[self.steps.current], kwargs={"key": self.journey}
            )
        if self.steps.current == CHECK_STEP:
            context["rows"] = answer_rows(self._stored_answers(), self.get_step_url)
        return context

    def _stored_answers(self) -> dict[str, object]:
        answers: dict[str, object] = {}
        for step in self.get_form_list():
            if step == CHECK_STEP:
                continue
            form = self.get_form(step=step, data=self.storage.get_step_data(step))
            if form.is_valid():
                answers.update(form.cleaned_data)
        return answers

    def render_done(self, form: forms.Form, **kwargs: object) -> HttpResponse:
        """Like formtools', but the wizard's storage is kept so Change links still work."""
        if kwargs.get("step") != self.done_step_name:
            return redirect(self.get_step_url(self.done_step_name))
        for step in self.get_form_list():
            form_obj = self.get_form(step=step, data=self.storage.get_step_data(step))
            if not form_obj.is_valid():
                return self.render_revalidation_failure(step, form_obj, **kwargs)
        return self.done([], **kwargs)

    def done(self, form_list: object, **kwargs: object) -> HttpResponse:
        # Save the answers under our own key and redirect: the result is never rendered here.
        journeys.save_answers(
            self.request.session, self.journey, to_session(self._stored_answers())
        )
        return redirect("interview:result", key=self.journey)
