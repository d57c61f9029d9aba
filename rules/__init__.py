"""Retirement Loss Check rules engine: answers in, a cited determination out.

Public API: determine(), Answers, Determination and the enums. No Django here.
"""

from __future__ import annotations

from ._accounts import account_group
from ._basis_years import EarlierYear, basis_by_year
from ._changes import Change, what_would_change
from ._engine import determine, rules_version
from ._itemized import federal_overall_limit
from ._law import FEDERAL, Jurisdiction, Law, LawError, Period, Rule, current_law, load_law
from ._model import (
    FIRST_TAX_YEAR,
    STATE_CODES,
    AccountGroup,
    AccountType,
    Answers,
    BasisWorksheet,
    Citation,
    Determination,
    FederalOutcome,
    FederalReason,
    FilingStatus,
    RefundWindow,
    StateAmounts,
    Statement,
    StateOutcome,
    StateStatus,
    Years,
    last_tax_year,
)
from ._planner_model import (
    DEFAULT_RETURNS,
    DEFAULT_TO_AGE,
    HIGHEST_RETURN,
    LOWEST_RETURN,
    OLDEST_TO_AGE,
    ClosingPlan,
    Growth,
    PlanFigures,
    StateSaving,
)
from ._state_amounts import limit_may_apply, limit_uses_filing_status
from ._state_basis_years import DeductionYear, StateBasisWorksheet
from ._states import ROTH_TYPES
from ._tax_schedule import ContributionLimit, TaxSchedule

__all__ = [
    "DEFAULT_RETURNS",
    "DEFAULT_TO_AGE",
    "FEDERAL",
    "FIRST_TAX_YEAR",
    "HIGHEST_RETURN",
    "LOWEST_RETURN",
    "OLDEST_TO_AGE",
    "ROTH_TYPES",
    "STATE_CODES",
    "AccountGroup",
    "AccountType",
    "Answers",
    "BasisWorksheet",
    "Change",
    "Citation",
    "ClosingPlan",
    "ContributionLimit",
    "DeductionYear",
    "Determination",
    "EarlierYear",
    "FederalOutcome",
    "FederalReason",
    "FilingStatus",
    "Growth",
    "Jurisdiction",
    "Law",
    "LawError",
    "Period",
    "PlanFigures",
    "RefundWindow",
    "Rule",
    "StateAmounts",
    "StateBasisWorksheet",
    "StateOutcome",
    "StateSaving",
    "StateStatus",
    "Statement",
    "TaxSchedule",
    "Years",
    "account_group",
    "basis_by_year",
    "current_law",
    "determine",
    "federal_overall_limit",
    "last_tax_year",
    "limit_may_apply",
    "limit_uses_filing_status",
    "load_law",
    "rules_version",
    "what_would_change",
]
