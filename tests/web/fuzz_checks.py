"""Schemathesis hooks for the API's fuzz run (tests/web/test_api_fuzz.py), loaded by the CLI
through SCHEMATHESIS_HOOKS.

Every check runs, with one narrowing: the worksheets' rules that tie one part of a body to
another — a year before `tax_year`, each year once, `earlier_years` only for one's own IRAs,
`converted_in_year` only for accounts that can be converted — cannot be said in JSON Schema (it
has no way to compare two values of a body), so the document says them in words. A body that
breaks only those is refused with 400, and codes on the worksheet itself, never on a field of
the schema; that refusal is not a mismatch. Anything else schema-valid and refused still fails.
"""

from __future__ import annotations

import json

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

WORKSHEETS = frozenset({"basis_worksheet", "state_basis_worksheet"})
RULES_ACROSS_THE_BODY = frozenset({"duplicate", "out_of_range", "invalid"})


def refused_only_for_rules_across_the_body(status: int, body: bytes) -> bool:
    if status != 400:
        return False
    try:
        codes = json.loads(body).get("codes", {})
    except (ValueError, AttributeError):
        return False
    return bool(codes) and all(
        key in WORKSHEETS and set(found) <= RULES_ACROSS_THE_BODY for key, found in codes.items()
    )


@schemathesis.check
def positive_data_acceptance_as_documented(ctx, response, case):
    """positive_data_acceptance, less the refusals described above."""
    if refused_only_for_rules_across_the_body(response.status_code, response.content):
        return None
    return positive_data_acceptance(ctx, response, case)
