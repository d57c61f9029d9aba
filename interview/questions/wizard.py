"""The question flow: the steps and their order as data at the top; when each is asked is
interview.questions.conditions."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from formtools.wizard.views import NamedUrlSessionWizardView

from interview.platform import journeys
from interview.questions import (
    basis_questions,
    basis_years,
    california_basis,
    planner,
    refused,
    state_agi,
)
from interview.questions import forms as questions
from interview.questions.answers import to_session
from interview.questions.answers_table import answer_rows
from interview.questions.conditions import (
    CONDITIONS,
    answered_year,
    first_year_answered,
    is_inherited,
    raw_answer,
    still_there,
)
from interview.questions.step_data import answer_only
from interview.questions.wording import wording_for
from rules import current_law


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
    *california_basis.STEPS,
    ("total_distributions", questions.TotalDistributionsForm),
    ("agi", questions.AgiForm),
    *state_agi.STEPS,
    ("filing_status", questions.FilingStatusForm),
    ("age", questions.AgeForm),
    *planner.STEPS,  # accounts still open: should I close them? (issue 21)
    ("check", CheckAnswersForm),
]
CHECK_STEP = "check"
# Pages asked again when the years they were answered for change.
YEAR_TABLES = {basis_years.FIRST_YEAR_STEP, basis_years.YEARS_STEP, california_basis.YEARS_STEP}

# The step indicator's sections, in the taxpayer's words.
SECTIONS: tuple[tuple[str, frozenset[str]], ...] = (
    (_("Your account"), frozenset({"account_type", "inherited", "fully_liquidated", "has_basis"})),
    (_("Year and state"), frozenset({"tax_year", "state"})),
    (
        _("Amounts"),
        frozenset(
            {"basis", *basis_questions.FIGURES, "state_basis", "total_distributions", "agi"}
            | {state_agi.STEP}
            | {basis_years.FIRST_YEAR_STEP, basis_years.YEARS_STEP}
            | {step for step, _form in california_basis.STEPS}
            | {"filing_status", "age"}
            | {step for step, _form in planner.STEPS}
        ),
    ),
    (_("Check your answers"), frozenset({CHECK_STEP})),
)
# Questions a user may not know the answer to link to a page that explains how to find out.
HELP_PAGES = {"has_basis": "interview:help_basis", "fully_liquidated": "interview:help_paid_out"}


def _sections(current: str, asked: list[str], first_open: str) -> list[dict[str, object]]:
    """Step indicator: each section current, complete or still to come.

    Complete means every question of it now asked is answered (all before the first open
    one), wherever the person is: going back to an earlier question leaves later, answered
    sections complete (issue 20, item 14).
    """
    answered = set(asked[: asked.index(first_open)]) if first_open in asked else set(asked)
    sections = []
    for name, steps in SECTIONS:
        here = steps & set(asked)
        if current in steps:
            state = "current"
        elif here and here <= answered:
            state = "complete"
        else:
            state = ""
        sections.append({"name": name, "state": state})
    return sections


class InterviewWizard(journeys.JourneyRouting, NamedUrlSessionWizardView):
    form_list = STEPS
    condition_dict = planner.with_planning(CONDITIONS)
    template_name = "question.html"

    def get_template_names(self) -> list[str]:
        if self.steps.current == CHECK_STEP:
            return ["check.html"]
        return [self.template_name]

    def get_form_kwargs(self, step: str | None = None) -> dict[str, object]:
        if step == CHECK_STEP:
            return {}
        kwargs: dict[str, object] = {"account_type": raw_answer(self, "account_type")}
        if step in basis_questions.FIGURES:
            kwargs["inherited"] = is_inherited(self)
        if step == basis_years.FIRST_YEAR_STEP:
            kwargs["tax_year"] = answered_year(self)
        if step == california_basis.YEARS_STEP:
            kwargs["tax_year"] = answered_year(self)
        if step == "state_basis":
            state = raw_answer(self, "state")
            kwargs["by_year"] = california_basis.applies(
                raw_answer(self, "account_type"), is_inherited(self), state
            )
            jurisdiction = current_law().jurisdictions.get(state or "")
            kwargs["state_name"] = jurisdiction.name if jurisdiction else ""
        if step == basis_years.YEARS_STEP:
            kwargs.update(tax_year=answered_year(self), first_year=first_year_answered(self))
        if step == "state":
            kwargs["still_there"] = still_there(self)
        if step == state_agi.STEP:
            kwargs.update(state=raw_answer(self, "state"), tax_year=answered_year(self))
        kwargs.update(planner.form_kwargs(self, str(step)))
        return kwargs

    def get_form_list(self) -> dict[str, type[forms.Form]]:
        """The steps asked, worked out once for each version of the stored answers.

        formtools asks for this list (every condition, each reading stored answers) eight
        times in one answer's request; it can change only when a stored answer does
        (JourneyStorage.version). A wizard view serves one request, so nothing outlives it.
        """
        version = self.storage.version
        if getattr(self, "_form_list_version", None) != version:
            self._form_list = super().get_form_list()
            self._form_list_version = version
        return self._form_list

    # ---- the step guard formtools lacks ---------------------------------------------------

    def first_unanswered(self) -> str:
        """The first question still open; worked out once per version of the stored answers
        (the step guard and the step indicator both ask, as get_form_list does)."""
        version = self.storage.version
        if getattr(self, "_first_open_version", None) != version:
            self._first_open = self._first_open_now()
            self._first_open_version = version
        return self._first_open

    def _first_open_now(self) -> str:
        group = wording_for(raw_answer(self, "account_type")).key
        for step in self.get_form_list():
            if step == CHECK_STEP or self.storage.get_step_data(step) is None:
                return step
            if getattr(self.form_list[step], "asked_for_group", False):
                asked_for = raw_answer(self, step, "asked_for")
                if asked_for and asked_for != group:
                    return step  # answered for another kind of account: it means something else
            if step in YEAR_TABLES and not self._still_valid(step):
                return step  # answered for other years: the tax year (or first year) changed
        return CHECK_STEP

    def _still_valid(self, step: str) -> bool:
        return self.get_form(step=step, data=self.storage.get_step_data(step)).is_valid()

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
        kept = journeys.draft(request.session, self.journey, str(step))
        if kept is not None:
            # The answer this step refused, as typed, with its error (Post/Redirect/Get).
            form = self.get_form(data=MultiValueDict(kept["data"]))
            return self.render(refused.shown_again(form, kept["errors"]))
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

    def render(self, form: forms.Form | None = None, **kwargs: object) -> HttpResponse:
        """A refused answer is never a POST's page: kept in the journey and shown by the step's
        GET (interview.questions.refused), so Back shows the question, not a resubmission."""
        if self.request.method == "POST" and form is not None and form.is_bound:
            typed, errors = refused.as_typed(form), refused.errors_of(form)
            journeys.save_draft(
                self.request.session, self.journey, self.steps.current, typed, errors
            )
            return refused.HttpResponseSeeOther(self.get_step_url(self.steps.current))
        return super().render(form, **kwargs)

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
        context["sections"] = _sections(self.steps.current, steps, self.first_unanswered())
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
