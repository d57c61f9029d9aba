"""Value objects of the rules engine: what the user said, and what the law makes of it.

Plain Python (no Django): the engine can be read, tested and reused on its own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ._basis_years import EarlierYear
from ._planner_model import ClosingPlan, PlanFigures
from ._state_basis_years import StateBasisWorksheet


class AccountType(StrEnum):
    """The kind of account, spelled as in the public API."""

    TRADITIONAL_401K = "traditional_401k"
    ROTH_401K = "roth_401k"
    TRADITIONAL_403B = "traditional_403b"
    ROTH_403B = "roth_403b"
    GOVERNMENTAL_457B = "governmental_457b"
    ROTH_457B = "roth_457b"
    TRADITIONAL_IRA = "traditional_ira"
    SEP_IRA = "sep_ira"
    SIMPLE_IRA = "simple_ira"
    ROTH_IRA = "roth_ira"
    TAXABLE_BROKERAGE = "taxable_brokerage"


class AccountGroup(StrEnum):
    """The set of accounts that must all be paid out before a loss exists.

    IRC 408(d)(2) treats all of one person's traditional, SEP and SIMPLE IRAs as one contract;
    IRC 408A(d)(4) does the same for Roth IRAs; an employer plan is its own contract (Rev. Rul.
    72-305) and a designated Roth account inside it is tested on its own (IRC 402A(d)(4)).
    """

    TRADITIONAL_IRAS = "traditional_iras"
    ROTH_IRAS = "roth_iras"
    INHERITED_IRA = "inherited_ira"
    EMPLOYER_PLAN = "employer_plan"
    EMPLOYER_ROTH = "employer_roth"
    BROKERAGE = "brokerage"


class FederalReason(StrEnum):
    """Why the federal answer is what it is (public API values)."""

    NO_BASIS = "no_basis"
    NOT_FULLY_LIQUIDATED = "not_fully_liquidated"
    NO_LOSS = "no_loss"
    ALLOWED_MISC_ITEMIZED = "allowed_misc_itemized"
    SUSPENDED_2018_2025 = "suspended_2018_2025"
    REPEALED_2026_ONWARD = "repealed_2026_onward"
    CAPITAL_LOSS = "capital_loss"


class FilingStatus(StrEnum):
    """Federal filing status (optional: it sharpens the limits that depend on it)."""

    SINGLE = "single"
    MARRIED_JOINT = "married_joint"
    MARRIED_SEPARATE = "married_separate"
    HEAD_OF_HOUSEHOLD = "head_of_household"
    QUALIFYING_SURVIVING_SPOUSE = "qualifying_surviving_spouse"


class StateStatus(StrEnum):
    """The state answer (public API values)."""

    NO_INCOME_TAX = "no_income_tax"
    DEDUCTIBLE = "deductible"
    NOT_DEDUCTIBLE = "not_deductible"
    NEEDS_REVIEW = "needs_review"


STATE_CODES: tuple[str, ...] = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY",
)  # fmt: skip

FIRST_TAX_YEAR = 2000


def last_tax_year(today: datetime.date | None = None) -> int:
    """The last supported tax year: the current calendar year plus one, for planning."""
    return (today or datetime.date.today()).year + 1


@dataclass(frozen=True, slots=True)
class BasisWorksheet:
    """The figures the basis is worked out from, for the year the last account was emptied.

    Modelled on Form 8606 (Part I for traditional IRAs, Part III for Roth IRAs) and, for plans,
    the plan statement and Form 1099-R: basis = before + added; received = paid out + converted.
    """

    basis_before_year: Decimal = Decimal(0)  # 8606 line 2 / Roth basis at the start / plan
    after_tax_added_in_year: Decimal = Decimal(0)  # 8606 line 1 / Roth contributions / plan
    paid_out_in_year: Decimal = Decimal(0)  # 8606 line 7 / everything received that year
    converted_in_year: Decimal = Decimal(0)  # 8606 line 8: traditional IRAs only
    # Where basis_before_year was added up year by year (no last Form 8606 at hand): the years,
    # worked out by rules.basis_by_year; basis_before_year is the basis left after the last one.
    earlier_years: tuple[EarlierYear, ...] = ()

    @property
    def basis(self) -> Decimal:
        return self.basis_before_year + self.after_tax_added_in_year

    @property
    def received(self) -> Decimal:
        return self.paid_out_in_year + self.converted_in_year


@dataclass(frozen=True, slots=True)
class Answers:
    """What the user told us, already cleaned. Nothing here is derived."""

    account_type: AccountType
    tax_year: int
    state: str
    basis: Decimal
    fully_liquidated: bool
    total_distributions: Decimal | None = None
    agi: Decimal | None = None
    age_at_distribution: Decimal | None = None
    state_basis: Decimal | None = None
    inherited: bool = False
    rolled_over: bool = False
    filing_status: FilingStatus | None = None
    state_agi: Decimal | None = None
    # Where basis and total_distributions were worked out from a worksheet, its figures.
    basis_worksheet: BasisWorksheet | None = None
    # Where state_basis was worked out year by year (California): the years and what came back.
    state_basis_worksheet: StateBasisWorksheet | None = None
    # Accounts still open: what they are worth now and the planner's other figures (issue 21).
    # age_at_distribution is then the age now.
    plan: PlanFigures | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    title: str
    pinpoint: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Years:
    """Inclusive range of tax years; `last` None means open-ended."""

    first: int
    last: int | None = None

    def __contains__(self, year: object) -> bool:
        return (
            isinstance(year, int)
            and self.first <= year
            and (self.last is None or year <= self.last)
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """One reason behind a determination: a stable code, its law text, years and citations.

    `text` is the plain-English statement kept with the law data; `facts` are the values the
    sentence may mention (amounts as Decimal, years as int). Prose for display is made by the
    single explain() on the Django side.
    """

    code: str
    text: str
    years: Years
    citations: tuple[Citation, ...]
    facts: tuple[tuple[str, object], ...] = ()
    kind: str = "reason"  # reason | note | myth | next_step


@dataclass(frozen=True, slots=True)
class FederalOutcome:
    deductible: bool
    reason: FederalReason
    group: AccountGroup
    loss: Decimal | None
    floor: Decimal | None
    deductible_after_floor: Decimal | None
    statements: tuple[Statement, ...]
    form_line: str = ""
    capital_loss_this_year: Decimal | None = None
    capital_loss_carryover: Decimal | None = None
    # The tax year's federal regime (allowed, suspended or disallowed), whatever the answers:
    # what paying out every account below basis would lead to. None for a brokerage account.
    regime: FederalReason | None = None
    # The overall limit on itemized deductions (IRC 68) where it reaches the AGI: what it takes
    # off the loss above the floor and what is left (None: not known without the filing status).
    overall_limit_applies: bool = False
    overall_limit_cut: Decimal | None = None
    after_overall_limit: Decimal | None = None


@dataclass(frozen=True, slots=True)
class StateAmounts:
    """How a deductible loss counts on the state return, step by step (None: not known).

    `counts` is the amount to enter on the state return: the loss above the floor, times any
    share, less any overall limit on itemized deductions that could be computed.
    """

    loss: Decimal
    agi: Decimal | None = None
    agi_is_federal_stand_in: bool = False  # the state's own AGI was needed; federal AGI used
    floor_percent: Decimal | None = None
    floor: Decimal | None = None
    after_floor: Decimal | None = None
    share_percent: Decimal | None = None
    after_share: Decimal | None = None
    limit_id: str = ""  # the first limit that applies ("" when none reaches the AGI)
    limit_reduction: Decimal | None = (
        None  # with limit_id set: what the limits take in all; None if one could not be computed
    )
    # Each limit that applies, in order: (limit id, what it takes, None if it could not be worked
    # out). A later limit works on what the earlier ones left.
    limit_steps: tuple[tuple[str, Decimal | None], ...] = ()
    counts: Decimal | None = None
    # The limit could be computed with a filing status (False: its thresholds are not known).
    needs_filing_status: bool = False


@dataclass(frozen=True, slots=True)
class RefundWindow:
    """The time to claim a refund for the tax year on the state return, as the law gives it."""

    years: Decimal
    deadline: datetime.date
    likely_passed: bool


@dataclass(frozen=True, slots=True)
class StateOutcome:
    code: str
    name: str
    status: StateStatus
    reason: str
    loss: Decimal | None
    form_line: str
    statements: tuple[Statement, ...]
    asks_state_basis: bool = False
    used_state_basis: bool = False
    amounts: StateAmounts | None = None
    refund_window: RefundWindow | None = None
    # What paying out every account (for less than the basis) would do for the state answer:
    # None when the accounts were paid out, else the status it would have.
    if_paid_out: StateStatus | None = None


@dataclass(frozen=True, slots=True)
class Determination:
    answers: Answers
    rules_version: str
    federal: FederalOutcome
    state: StateOutcome
    # Accounts still open with their value given: closing them all this year against keeping them.
    closing_plan: ClosingPlan | None = None

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every source behind this determination, once each, in order of first use."""
        statements = (*self.federal.statements, *self.state.statements)
        return tuple(dict.fromkeys(c for s in statements for c in s.citations))
