"""The planner's answer (`closing_plan`, issue 21) as JSON Schema, for the OpenAPI document.

An addition to v1: `closing_plan` is optional in Determination and null unless the accounts are
still open and `value_now` was sent, so no existing client sees a change it must handle.
"""

from __future__ import annotations

from interview.api.openapi_responses import MONEY, TEXT, Schema, listing, obj, ref
from rules import AccountGroup

RATE: Schema = {**MONEY, "description": 'Percent as decimal text, like "10.00".'}
NOT_WORKED_OUT = ["agi", "filing_status", "counts", "schedule", None]


def closing_plan_schemas() -> Schema:
    return {
        "ClosingPlan": obj(
            {
                "tax_year": {"type": "integer"},
                "account_group": {"type": "string", "enum": [g.value for g in AccountGroup]},
                "value_now": MONEY,
                "basis": MONEY,
                "loss": {**MONEY, "description": "Null: closing would create no loss."},
                "state_counts_loss": {"type": "boolean"},
                "state": {"anyOf": [ref("ClosingPlanState"), {"type": "null"}]},
                "cost_now": ref("ClosingPlanCost"),
                "money_now": {**MONEY, "description": "value_now less cost_now.total."},
                "growth_given_up": listing(ref("ClosingPlanGrowth")),
                "age": MONEY,
                "growth_to_age": {"type": "integer"},
                "can_put_back_this_year": MONEY,
                "summary": {**TEXT, "description": "The one plain sentence that follows."},
                "nothing_gained": {"type": "boolean"},
                "comparison": listing(
                    obj({"what": TEXT, "close_them_all": TEXT, "keep_them": TEXT})
                ),
                "assumptions": listing(TEXT),
                "explanation": listing(ref("Sentence")),
            },
            description="Closing every account of the kind this year, against keeping them.",
        ),
        "ClosingPlanState": obj(
            {
                "counts": MONEY,
                "only_if_state_allows": {"type": "boolean"},
                "agi_used": MONEY,
                "standard_deduction": MONEY,
                "other_itemized_deductions": MONEY,
                "itemizing_beats_standard": {"type": "boolean"},
                "tax_without_loss": MONEY,
                "tax_with_loss": MONEY,
                "tax_saved": MONEY,
                "rates_of_year": {"type": ["integer", "null"]},
                "not_worked_out_because": {
                    "type": ["string", "null"],
                    "enum": NOT_WORKED_OUT,
                },
            }
        ),
        "ClosingPlanCost": obj(
            {
                "early_tax_base": MONEY,
                "early_tax_rate": RATE,
                "early_tax": MONEY,
                "state_early_tax_rate": RATE,
                "state_early_tax": MONEY,
                "total": MONEY,
            }
        ),
        "ClosingPlanGrowth": obj(
            {
                "rate_percent": RATE,
                "years": {"type": "integer"},
                "value_then": MONEY,
                "given_up": MONEY,
            }
        ),
    }


CLOSING_PLAN_FIELD: Schema = {
    "anyOf": [ref("ClosingPlan"), {"type": "null"}],
    "description": "Accounts still open with value_now sent (a tax_year from 2026): should I "
    "close them? Null otherwise.",
}
