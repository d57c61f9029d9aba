"""Request examples for the OpenAPI document, each a row of the test suite's scenario tables.

The documented answer to each example is worked out by the engine when the document is built, so an
example can never drift from what the API answers; tests/web/test_openapi.py checks each example
still gives the reason its scenario row states.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    summary: str
    scenario: str  # the test row it comes from: file::id
    body: dict[str, object]
    reason: str  # federal.reason the scenario row expects


EXAMPLES = (
    Example(
        "deductible_2017",
        "2017: basis 20,000, got back 18,000, AGI 50,000: 1,000 deductible above the 2% floor",
        "tests/rules/test_federal_classic.py::2017-basis-20k-got-18k-deductible-above-floor",
        {
            "account_type": "traditional_ira",
            "tax_year": 2017,
            "state": "TX",
            "basis": "20000",
            "fully_liquidated": True,
            "total_distributions": "18000",
            "agi": "50000",
        },
        "allowed_misc_itemized",
    ),
    Example(
        "suspended_2018",
        "2018: the same loss in a Roth IRA, suspended by IRC §67(g)",
        "tests/rules/test_federal_scenarios.py::roth-2018-suspended-fed-row-5",
        {
            "account_type": "roth_ira",
            "tax_year": 2018,
            "state": "NY",
            "basis": 25000,
            "fully_liquidated": True,
            "total_distributions": 22000,
            "agi": 50000,
            "filing_status": "single",
        },
        "suspended_2018_2025",
    ),
    Example(
        "repealed_2026",
        "2026: not revived after 2025 (Pub. L. 119-21 §70110)",
        "tests/rules/test_federal_scenarios.py::roth-2026-not-revived-fed-row-7",
        {
            "account_type": "roth_ira",
            "tax_year": 2026,
            "state": "CA",
            "basis": "$25,000",
            "fully_liquidated": True,
            "total_distributions": "22,000.00",
            "agi": "50000",
        },
        "repealed_2026_onward",
    ),
    Example(
        "market_drop",
        "A market drop with nothing withdrawn is not a loss",
        "tests/rules/test_federal_classic.py::market-drop-no-withdrawal-is-not-a-loss",
        {
            "account_type": "traditional_ira",
            "tax_year": 2017,
            "state": "TX",
            "basis": "20000",
            "fully_liquidated": False,
        },
        "not_fully_liquidated",
    ),
    Example(
        "roth_basis_year_by_year",
        "No last Form 8606: a Roth basis added up year by year (a 2008 payout of earnings uses "
        "up no later contribution): 9,000 basis, 6,500 received, 1,500 above the 2016 floor",
        "tests/web/test_api_worksheet_years.py::test_a_roth_payout_of_earnings_uses_up_no_later_contribution",
        {
            "account_type": "roth_ira",
            "tax_year": 2016,
            "state": "TX",
            "fully_liquidated": True,
            "agi": 50000,
            "basis_worksheet": {
                "paid_out_in_year": 6500,
                "earlier_years": [
                    {"year": 2005, "added": 4000},
                    {"year": 2008, "taken_out": 6000},
                    {"year": 2010, "added": 5000},
                    {"year": 2012, "added": 5000, "taken_out": 1000},
                ],
            },
        },
        "allowed_misc_itemized",
    ),
    Example(
        "california_basis_by_year",
        "California 2020: 3,000 deducted federally but not for California in 1983–1985, 1,000 "
        "of it recovered: California basis 12,000, and 2,000 counts on Schedule CA",
        "tests/web/test_api_worksheet_years.py::"
        "test_the_california_basis_by_year_adds_what_california_did_not_let_you_deduct",
        {
            "account_type": "traditional_ira",
            "tax_year": 2020,
            "state": "CA",
            "fully_liquidated": True,
            "basis": 10000,
            "total_distributions": 9000,
            "agi": 50000,
            "state_basis_worksheet": {
                "deductions_by_year": [
                    {"year": 1983, "federal": 2000, "state": 1500},
                    {"year": 1984, "federal": 2000},
                    {"year": 1985, "federal": 2000, "state": 1500},
                ],
                "recovered": 1000,
            },
        },
        "suspended_2018_2025",
    ),
)

# tests/web/test_api_contract.py::a-typo-in-a-key: the 400 a misspelt key gets.
MISSPELT = {**EXAMPLES[0].body, "agii": EXAMPLES[0].body["agi"]}
del MISSPELT["agi"]
