"""The record of what was answered: the answers as stable JSON, and the check code made from
them and the law's version (the same answers and rules always give the same code).

The API echoes `answers_json` as its `answers`; the page and the PDF print the check code. It lives
here, below both, so that neither the PDF nor the API owns it.
"""

from __future__ import annotations

import hashlib
import json

from interview.formatting import decimal_string
from interview.questions.answers import WORKSHEET_FIELDS
from rules import Answers, BasisWorksheet, Determination, EarlierYear, StateBasisWorksheet


def check_code(d: Determination) -> str:
    """A short code from the answers and the rules version: the same inputs give the same code."""
    payload = json.dumps([answers_json(d.answers), d.rules_version], sort_keys=True)
    digest = hashlib.sha256(payload.encode()).hexdigest()[:10].upper()
    return f"{digest[:5]}-{digest[5:]}"


def answers_json(a: Answers) -> dict[str, object]:
    return {
        "account_type": a.account_type.value,
        "tax_year": a.tax_year,
        "state": a.state,
        "basis": decimal_string(a.basis),
        "fully_liquidated": a.fully_liquidated,
        "total_distributions": decimal_string(a.total_distributions),
        "agi": decimal_string(a.agi),
        "age_at_distribution": None
        if a.age_at_distribution is None
        else format(a.age_at_distribution.normalize(), "f"),  # 100, not 1E+2
        "state_basis": decimal_string(a.state_basis),
        "inherited": a.inherited,
        "rolled_over": a.rolled_over,
        "filing_status": None if a.filing_status is None else a.filing_status.value,
        "state_agi": decimal_string(a.state_agi),
        "basis_worksheet": worksheet_figures(a.basis_worksheet),
        "state_basis_worksheet": state_worksheet_figures(a.state_basis_worksheet),
    }


def worksheet_figures(worksheet: BasisWorksheet | None) -> dict[str, object] | None:
    if worksheet is None:
        return None
    figures: dict[str, object] = {
        name: decimal_string(getattr(worksheet, name)) for name in WORKSHEET_FIELDS
    }
    figures["earlier_years"] = [earlier_year_figures(y) for y in worksheet.earlier_years] or None
    return figures


def earlier_year_figures(y: EarlierYear) -> dict[str, object]:
    """One earlier year as given; the year-end value only when given (traditional IRAs, issue
    20), so the record, and the check code, of an answer without it stays as it was."""
    figures: dict[str, object] = {
        "year": y.year,
        "added": decimal_string(y.added),
        "taken_out": decimal_string(y.taken_out),
    }
    if y.value_at_year_end is not None:
        figures["value_at_year_end"] = decimal_string(y.value_at_year_end)
    return figures


def state_worksheet_figures(worksheet: StateBasisWorksheet | None) -> dict[str, object] | None:
    if worksheet is None:
        return None
    return {
        "deductions_by_year": [
            {
                "year": y.year,
                "federal": decimal_string(y.federal),
                "state": decimal_string(y.state),
            }
            for y in worksheet.years
        ],
        "recovered": decimal_string(worksheet.recovered),
    }
