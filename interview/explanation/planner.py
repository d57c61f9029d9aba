"""Should I close it? The planner's section in words: the page, the PDF and the API render it.

The figures are the engine's (rules/_planner.py); this module only words them, rounds what is
an estimate ("about $1,250", never more precise than it is) and lays out the comparison of
closing every account this year against keeping them. It gives no advice beyond the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from interview.explanation.explain import Sentence, sentence
from interview.formatting import money
from rules import ClosingPlan, Determination

ROTH_GROUPS = {"roth_iras", "employer_roth"}
# One account, not a set of them: a plan account, its Roth account, an inherited IRA.
ONE_ACCOUNT = {"employer_plan", "employer_roth", "inherited_ira"}


@dataclass(frozen=True)
class PlanRow:
    """One line of the comparison: what closing does, and what keeping does."""

    label: str
    close: str
    keep: str


@dataclass(frozen=True)
class PlanSection:
    heading: str
    close_heading: str  # the comparison's columns: "Close them all" / "Keep them" (or "it")
    keep_heading: str
    summary: str  # the one plain sentence that follows from the figures
    nothing_gained: bool  # no return counts the loss, or there is none: said at once
    rows: tuple[PlanRow, ...]
    assumptions: tuple[str, ...]
    sentences: tuple[Sentence, ...]  # the law behind each figure, with its citations


def about(amount: Decimal, step: int = 10) -> str:
    """An estimate, rounded to `step` dollars: "about $1,250"."""
    rounded = (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return _("about %(amount)s") % {"amount": money(rounded)}


def _horizon(plan: ClosingPlan) -> str:
    years = plan.growth[0].years if plan.growth else 0
    if plan.age is None:
        return ngettext("over %(years)s year", "over %(years)s years", years) % {"years": years}
    return _("by age %(age)s") % {"age": plan.age.normalize() + years}


def plan_section(d: Determination) -> PlanSection | None:
    plan = d.closing_plan
    if plan is None:
        return None
    state = d.state.name
    one = plan.group in ONE_ACCOUNT
    facts = {"year": plan.year}
    if one:
        heading = _("Should you close it? What closing it in %(year)s would do") % facts
        columns = (_("Close it"), _("Keep it"))
    else:
        heading = _("Should you close them? What closing them all in %(year)s would do") % facts
        columns = (_("Close them all"), _("Keep them"))
    # Said once: a statement the state's own section already shows (its law for the year) is
    # not repeated under the planner.
    shown = {s.code for s in d.state.statements}
    sentences = tuple(sentence(s) for s in plan.statements if s.code not in shown)
    if plan.loss is None:
        no_loss = (
            _(
                "Closing it would create no loss: it is worth %(value)s, not less than your "
                "basis of %(basis)s. It would gain you nothing on any tax return."
            )
            if one
            else _(
                "Closing them all would create no loss: they are worth %(value)s, not less than "
                "your basis of %(basis)s. It would gain you nothing on any tax return."
            )
        )
        summary = no_loss % {"value": money(plan.value_now), "basis": money(plan.basis)}
        return PlanSection(heading, *columns, summary, True, (), (), sentences)
    if plan.saving is None:
        where = (
            _("neither your federal return nor %(state)s counts this loss") % {"state": state}
            if state
            else _("your federal return does not count this loss")
        )
        nothing = (
            _(
                "Closing it in %(year)s would create a loss of %(loss)s, but it would gain you "
                "nothing on any tax return: %(where)s."
            )
            if one
            else _(
                "Closing them all in %(year)s would create a loss of %(loss)s, but it would gain "
                "you nothing on any tax return: %(where)s."
            )
        )
        summary = nothing % {"year": plan.year, "loss": money(plan.loss), "where": where}
        return PlanSection(heading, *columns, summary, True, (), (), sentences)
    return PlanSection(
        heading=heading,
        close_heading=columns[0],
        keep_heading=columns[1],
        summary=_summary(plan, state),
        nothing_gained=False,
        rows=_rows(plan, state),
        assumptions=_assumptions(plan, state),
        sentences=sentences,
    )


def _saved_words(plan: ClosingPlan, state: str) -> str | None:
    saving = plan.saving
    if saving is None or saving.tax_saved is None:
        return None
    if saving.tax_saved == 0:
        return money(saving.tax_saved)  # "$0", not "about $0"
    if saving.if_allowed:
        return _("%(amount)s, if %(state)s allows it") % {
            "amount": about(saving.tax_saved),
            "state": state,
        }
    return about(saving.tax_saved)


def _summary(plan: ClosingPlan, state: str) -> str:
    saving = plan.saving
    assert saving is not None
    tax_free = _("tax-free growth") if plan.group in ROTH_GROUPS else _("tax-deferred growth")
    growth = plan.growth[0] if plan.growth else None
    gives_up = (
        _("gives up %(growth)s of %(kind)s %(horizon)s at %(rate)s%% a year")
        % {
            "growth": about(growth.given_up, 100),
            "kind": tax_free,
            "horizon": _horizon(plan),
            "rate": growth.rate.normalize(),
        }
        if growth is not None and growth.years
        else ""
    )
    cost = (
        _(" It would also cost %(cost)s in additional tax this year.")
        % {"cost": money(plan.cost_now)}
        if plan.cost_now
        else ""
    )
    if saving.tax_saved is None:
        missing = {
            "agi": _("without your expected adjusted gross income"),
            "filing_status": _("without your filing status"),
            "counts": _("because the amount that would count could not be worked out"),
        }.get(saving.missing, _("because we do not have its tax rates for that year"))
        start = _(
            "Closing would create a loss of %(loss)s; we could not work out the %(state)s tax "
            "it would save %(missing)s."
        ) % {"loss": money(plan.loss or 0), "state": state, "missing": missing}
        return start + (" " + _("It %(gives_up)s.") % {"gives_up": gives_up} if gives_up else "")
    if saving.tax_saved == 0:
        start = _(
            "For you, closing would save no %(state)s tax: with the loss, your itemized "
            "deductions would still not beat the %(state)s standard deduction of %(standard)s."
        ) % {"state": state, "standard": money(saving.standard_deduction or 0)}
        tail = " " + _("It %(gives_up)s.") % {"gives_up": gives_up} if gives_up else ""
        return start + tail + cost
    saved = _saved_words(plan, state)
    text = _("For you, closing saves %(saved)s of %(state)s tax") % {"saved": saved, "state": state}
    if gives_up:
        text += _(" and %(gives_up)s") % {"gives_up": gives_up}
    return text + "." + cost


def _rows(plan: ClosingPlan, state: str) -> tuple[PlanRow, ...]:
    none = _("none")
    counts = plan.saving.counts if plan.saving else None
    rows = [
        PlanRow(_("Money paid out to you this year"), money(plan.value_now), none),
        PlanRow(
            _("Loss that would count on your %(state)s return") % {"state": state},
            _("not worked out") if counts is None else money(counts),
            none,
        ),
        PlanRow(
            _("%(state)s tax saved") % {"state": state},
            _saved_words(plan, state) or _("not worked out"),
            none,
        ),
        PlanRow(_("Tax and additional tax now"), money(plan.cost_now), none),
    ]
    for growth in plan.growth:
        rows.append(
            PlanRow(
                _("Growth given up %(horizon)s at %(rate)s%% a year")
                % {"horizon": _horizon(plan), "rate": growth.rate.normalize()},
                about(growth.given_up, 100),
                _("none (%(value)s stays invested)") % {"value": money(plan.value_now)},
            )
        )
    if plan.can_put_back is not None:
        rows.append(
            PlanRow(
                _("What can go back in this year"),
                _("at most %(limit)s") % {"limit": money(plan.can_put_back)},
                _("nothing taken out"),
            )
        )
    return tuple(rows)


def _assumptions(plan: ClosingPlan, state: str) -> tuple[str, ...]:
    saving = plan.saving
    out = []
    if saving is not None and saving.tax_saved is not None:
        agi_words = money(saving.agi or 0)
        out.append(
            _(
                "The %(state)s tax saved is worked out on %(state)s's %(figures)s rates and "
                "standard deduction (%(standard)s) for an adjusted gross income of %(agi)s, "
                "with the loss counting %(counts)s after %(state)s's floor and limits."
            )
            % {
                "state": state,
                "figures": saving.schedule_year,
                "standard": money(saving.standard_deduction or 0),
                "agi": agi_words,
                "counts": money(saving.counts or 0),
            }
        )
        if saving.schedule_year is not None and saving.schedule_year != plan.year:
            out.append(
                _(
                    "%(state)s has not yet published its figures for %(year)s, so those of "
                    "%(figures)s are used."
                )
                % {"state": state, "year": plan.year, "figures": saving.schedule_year}
            )
        if saving.other_itemized_given:
            out.append(
                _("Your other itemized deductions: %(other)s.")
                % {"other": money(saving.other_itemized)}
            )
        else:
            out.append(_("You gave no other itemized deductions, so we counted none."))
    if plan.age is None:
        out.append(
            ngettext(
                "You did not give your age, so growth is shown over %(years)s year.",
                "You did not give your age, so growth is shown over %(years)s years.",
                plan.growth[0].years if plan.growth else 0,
            )
            % {"years": plan.growth[0].years if plan.growth else 0}
        )
    low, high = (g.rate.normalize() for g in plan.growth)
    out.append(
        _(
            "Growth assumes %(low)s%% or %(high)s%% a year, every year, with nothing taken "
            "out; real returns vary and can be lower. You can change these on the last question."
        )
        % {"low": low, "high": high}
    )
    return tuple(out)
