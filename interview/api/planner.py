"""The planner's section as JSON (issue 21): `closing_plan` in every answer, null unless the
accounts are still open and `value_now` was given (a year from 2026). Figures are the engine's,
as decimal strings; the words are the same PlanSection the page and the PDF render."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from interview.explanation.explain import Sentence
from interview.explanation.presentation import Presentation
from interview.formatting import decimal_string


def closing_plan_json(
    p: Presentation, sentences_json: Callable[[Iterable[Sentence]], object]
) -> dict[str, object] | None:
    """`sentences_json`: the API's one way of writing sentences (interview.api.serialize)."""
    plan, section = p.determination.closing_plan, p.plan
    if plan is None or section is None:
        return None
    saving = plan.saving
    return {
        "tax_year": plan.year,
        "account_group": plan.group,
        "value_now": decimal_string(plan.value_now),
        "basis": decimal_string(plan.basis),
        "loss": decimal_string(plan.loss),
        "state_counts_loss": plan.state_counts_loss,
        "state": None
        if saving is None
        else {
            "counts": decimal_string(saving.counts),
            "only_if_state_allows": saving.if_allowed,
            "agi_used": decimal_string(saving.agi),
            "standard_deduction": decimal_string(saving.standard_deduction),
            "other_itemized_deductions": decimal_string(saving.other_itemized),
            "itemizing_beats_standard": saving.itemizes,
            "tax_without_loss": decimal_string(saving.tax_without),
            "tax_with_loss": decimal_string(saving.tax_with),
            "tax_saved": decimal_string(saving.tax_saved),
            "rates_of_year": saving.schedule_year,
            "not_worked_out_because": saving.missing or None,
        },
        "cost_now": {
            "early_tax_base": decimal_string(plan.early_tax_base),
            "early_tax_rate": decimal_string(plan.early_tax_rate),
            "early_tax": decimal_string(plan.early_tax),
            "state_early_tax_rate": decimal_string(plan.state_early_tax_rate),
            "state_early_tax": decimal_string(plan.state_early_tax),
            "total": decimal_string(plan.cost_now),
        },
        "money_now": decimal_string(plan.money_now),
        "growth_given_up": [
            {
                "rate_percent": decimal_string(g.rate),
                "years": g.years,
                "value_then": decimal_string(g.value_then),
                "given_up": decimal_string(g.given_up),
            }
            for g in plan.growth
        ],
        "age": decimal_string(plan.age),
        "growth_to_age": plan.to_age,
        "can_put_back_this_year": decimal_string(plan.can_put_back),
        "summary": section.summary,
        "nothing_gained": section.nothing_gained,
        "comparison": [
            {"what": r.label, "close_them_all": r.close, "keep_them": r.keep} for r in section.rows
        ],
        "assumptions": list(section.assumptions),
        "explanation": sentences_json(section.sentences),
    }
