"""The answers the API gives, as JSON Schema (the paths are in interview.api.openapi_paths).

Response objects are open (no additionalProperties: false): within v1 fields are only added, and
clients ignore fields they do not know. Fields already announced are declared before they land
(state.floor, state.deductible_after_floor, state.worksheet), optional and nullable.
"""

from __future__ import annotations

from typing import Any

from interview.explanation.explain import KINDS
from rules import AccountGroup, FederalReason, StateStatus

Schema = dict[str, Any]
TEXT: Schema = {"type": "string"}
TEXT_OR_NULL: Schema = {"type": ["string", "null"]}
MONEY: Schema = {
    "type": ["string", "null"],
    "pattern": r"^-?\d+\.\d{2}$",
    "description": 'Dollars as decimal text with two places, like "2000.00"; null when none.',
}


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def listing(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def obj(properties: Schema, *, optional: tuple[str, ...] = (), description: str = "") -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
    }
    if description:
        schema["description"] = description
    return schema


def response_schemas() -> Schema:
    years = obj({"first": {"type": "integer"}, "last": {"type": ["integer", "null"]}})
    return {
        "Citation": obj({"title": TEXT, "pinpoint": TEXT, "url": TEXT}),
        "Years": {**years, "description": "Inclusive tax years; last null means open-ended."},
        "Sentence": obj(
            {
                "code": TEXT,
                "kind": {"type": "string", "enum": list(KINDS)},
                "text": TEXT,
                "years": ref("Years"),
                "citations": listing(ref("Citation")),
            },
            description="One statement of the explanation, with the law behind it.",
        ),
        "WorksheetLine": obj(
            {
                "label": TEXT,
                "amount": {**MONEY, "description": "Decimal string; null when not known."},
                "display": {**TEXT, "description": "The amount as the page prints it."},
                "form_line": TEXT_OR_NULL,
            },
            optional=("display",),
        ),
        "BasisWorksheetResult": obj(
            {
                "basis_before_year": MONEY,
                "after_tax_added_in_year": MONEY,
                "paid_out_in_year": MONEY,
                "converted_in_year": MONEY,
                "earlier_years": {
                    "type": ["array", "null"],
                    "items": ref("EarlierYearResult"),
                    "description": "The earlier years sent, each with the basis it used and the "
                    "basis left after it; null when basis_before_year was sent.",
                },
                "basis": {**MONEY, "description": "basis_before_year + after_tax_added_in_year"},
                "total_received": {**MONEY, "description": "paid_out_in_year + converted_in_year"},
                "lines": listing(ref("WorksheetLine")),
                "needs_review": {
                    "type": "boolean",
                    "description": "The sources conflict on these figures (a loss before a "
                    "conversion, before 2018).",
                },
            },
            optional=("earlier_years",),
        ),
        "EarlierYearResult": obj(
            {
                "year": {"type": "integer"},
                "added": MONEY,
                "taken_out": MONEY,
                "value_at_year_end": {
                    **MONEY,
                    "description": "As sent (traditional, SEP and SIMPLE IRAs); left out when "
                    "not sent.",
                },
                "basis_used": {
                    **MONEY,
                    "description": "The part of taken_out that was basis: traditional IRAs, "
                    "taken_out × basis ÷ (value_at_year_end + taken_out), at most taken_out "
                    "(Form 8606 lines 6 to 13); Roth IRAs, taken_out up to the basis left.",
                },
                "basis_after": {**MONEY, "description": "The basis left at the end of the year."},
            },
            optional=("value_at_year_end",),
        ),
        "StateBasisWorksheetResult": obj(
            {
                "deductions_by_year": listing(
                    obj({"year": {"type": "integer"}, "federal": MONEY, "state": MONEY})
                ),
                "recovered": MONEY,
                "not_deducted": {
                    **MONEY,
                    "description": "The sum over the years of federal − state (never below 0).",
                },
                "state_basis": {
                    **MONEY,
                    "description": "basis + not_deducted − recovered (recovered at most "
                    "not_deducted).",
                },
                "lines": listing(ref("WorksheetLine")),
            },
            description="California basis by year (FTB Publication 1005, Worksheet I).",
        ),
        "RefundWindow": obj(
            {
                "years": {
                    "type": "number",
                    "description": "Years the state allows, like 3 or 3.5.",
                },
                "deadline": {
                    **TEXT,
                    "format": "date",
                    "description": "About when the time to claim a refund for the year ends.",
                },
                "likely_passed": {"type": "boolean"},
            },
            description="The state's time to claim a refund on an amended return.",
        ),
        "FederalOutcome": obj(
            {
                "deductible": {"type": "boolean"},
                "reason": {"type": "string", "enum": [r.value for r in FederalReason]},
                "account_group": {"type": "string", "enum": [g.value for g in AccountGroup]},
                "loss": MONEY,
                "floor": MONEY,
                "deductible_after_floor": MONEY,
                "capital_loss_this_year": MONEY,
                "capital_loss_carryover": MONEY,
                "form_line": TEXT_OR_NULL,
                "worksheet": listing(ref("WorksheetLine")),
                "headline": TEXT,
                "explanation": listing(ref("Sentence")),
            },
            optional=("worksheet",),
        ),
        "StateOutcome": obj(
            {
                "code": TEXT,
                "name": TEXT,
                "status": {"type": "string", "enum": [s.value for s in StateStatus]},
                "reason": {**TEXT, "description": "The id of the state's law period that applies."},
                "loss": MONEY,
                "form_line": TEXT_OR_NULL,
                "used_state_basis": {"type": "boolean"},
                "headline": TEXT,
                "explanation": listing(ref("Sentence")),
                "citations": listing(ref("Citation")),
                # Announced additions: declared now so that the schema holds when they land.
                "floor": MONEY,
                "deductible_after_floor": MONEY,
                "worksheet": {"type": ["array", "null"], "items": ref("WorksheetLine")},
                "refund_window": {"anyOf": [ref("RefundWindow"), {"type": "null"}]},
            },
            optional=("floor", "deductible_after_floor", "worksheet", "refund_window"),
        ),
        "Determination": obj(
            {
                "rules_version": {
                    **TEXT,
                    "description": "The law files' review date and content hash.",
                },
                "answers": ref("Answers"),
                "basis_worksheet": {
                    "anyOf": [ref("BasisWorksheetResult"), {"type": "null"}],
                    "description": "The basis_worksheet sent, with its computed lines; null "
                    "when basis was sent as one figure.",
                },
                "state_basis_worksheet": {
                    "anyOf": [ref("StateBasisWorksheetResult"), {"type": "null"}],
                    "description": "The state_basis_worksheet sent, with what it adds up to; "
                    "null when it was not sent.",
                },
                "federal": ref("FederalOutcome"),
                "state": ref("StateOutcome"),
                "what_would_change": listing(TEXT),
                "next_steps": listing(TEXT),
                "citations": listing(ref("Citation")),
            },
            optional=("basis_worksheet", "state_basis_worksheet"),
        ),
        "Errors": obj(
            {
                "errors": {
                    "type": "object",
                    "description": "Messages by field (`__all__` for the body; `preparer.client` "
                    "inside an object).",
                    "additionalProperties": listing(TEXT),
                },
                "codes": {
                    "type": "object",
                    "description": "The same keys; codes[field][i] is the code of errors[field][i].",
                    "additionalProperties": listing(ref("ErrorCode")),
                },
            },
        ),
        "BatchItem": {"anyOf": [ref("Determination"), ref("Errors")]},
    }


def law_schemas() -> Schema:
    period = obj(
        {
            "id": TEXT,
            "years": ref("Years"),
            "outcome": TEXT,
            "statement": TEXT,
            "form_line": TEXT_OR_NULL,
            "state_basis": {"type": "boolean"},
            "floor_percent": TEXT_OR_NULL,
            "share_percent": TEXT_OR_NULL,
            "citations": listing(ref("Citation")),
            "reviewed": {"type": "string", "format": "date"},
        }
    )
    rule = obj(
        {
            "id": TEXT,
            "years": ref("Years"),
            "statement": TEXT,
            "values": {"type": "object", "additionalProperties": TEXT},
            "citations": listing(ref("Citation")),
            "reviewed": {"type": "string", "format": "date"},
        }
    )
    jurisdiction = {
        "code": TEXT,
        "name": TEXT,
        "periods": listing(ref("Period")),
        "capital_losses": {"anyOf": [ref("Period"), {"type": "null"}]},
        "rules": listing(ref("Rule")),
    }
    return {
        "Period": period,
        "Rule": rule,
        "Jurisdiction": obj(jurisdiction),
        "JurisdictionDetail": obj({"rules_version": TEXT, **jurisdiction}),
        "LawIndex": obj({"rules_version": TEXT, "jurisdictions": listing(ref("Jurisdiction"))}),
    }
