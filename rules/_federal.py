"""The federal part of a determination. Years live in the law data, never in this code."""

from __future__ import annotations

from decimal import Decimal

from ._law import FEDERAL, Jurisdiction, Law, Rule
from ._model import (
    AccountGroup,
    AccountType,
    Answers,
    FederalOutcome,
    FederalReason,
    FilingStatus,
    Statement,
)

ZERO = Decimal(0)
EARLY_WITHDRAWAL_AGE = Decimal("59.5")

_IRA_TYPES = {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA}
_EMPLOYER_ROTH = {AccountType.ROTH_401K, AccountType.ROTH_403B, AccountType.ROTH_457B}
_EMPLOYER_PLAN = {
    AccountType.TRADITIONAL_401K,
    AccountType.TRADITIONAL_403B,
    AccountType.GOVERNMENTAL_457B,
}
GROUP_RULE = {
    AccountGroup.TRADITIONAL_IRAS: "group_traditional_iras",
    AccountGroup.ROTH_IRAS: "group_roth_iras",
    AccountGroup.INHERITED_IRA: "group_inherited_ira",
    AccountGroup.EMPLOYER_PLAN: "group_employer_plan",
    AccountGroup.EMPLOYER_ROTH: "group_employer_roth",
}
# How the worksheet's figures map onto the forms, said once per group (law data).
WORKSHEET_RULE = {
    AccountGroup.TRADITIONAL_IRAS: "worksheet_traditional_iras",
    AccountGroup.ROTH_IRAS: "worksheet_roth_iras",
    AccountGroup.INHERITED_IRA: "worksheet_inherited_ira",
    AccountGroup.EMPLOYER_PLAN: "worksheet_employer_plan",
    AccountGroup.EMPLOYER_ROTH: "worksheet_employer_plan",
    AccountGroup.BROKERAGE: "worksheet_employer_plan",  # never used: the API refuses it
}
RECORDS_RULE = {
    AccountGroup.TRADITIONAL_IRAS: "records_ira",
    AccountGroup.ROTH_IRAS: "records_ira",
    AccountGroup.INHERITED_IRA: "records_ira",
    AccountGroup.EMPLOYER_PLAN: "records_plan",
    AccountGroup.EMPLOYER_ROTH: "records_plan",
    AccountGroup.BROKERAGE: "records_brokerage",
}


def account_group(answers: Answers) -> AccountGroup:
    """The aggregation group whose accounts must all be paid out (see AccountGroup)."""
    kind = answers.account_type
    if kind is AccountType.TAXABLE_BROKERAGE:
        return AccountGroup.BROKERAGE
    if kind in _EMPLOYER_ROTH:
        return AccountGroup.EMPLOYER_ROTH
    if kind in _EMPLOYER_PLAN:
        return AccountGroup.EMPLOYER_PLAN
    if answers.inherited:
        return AccountGroup.INHERITED_IRA
    if kind in _IRA_TYPES:
        return AccountGroup.TRADITIONAL_IRAS
    return AccountGroup.ROTH_IRAS


def economic_loss(basis: Decimal, answers: Answers) -> Decimal | None:
    """Basis minus what was received, once every account was paid out in cash; never negative.

    None when the accounts are not all closed (or were rolled over), so no loss can exist yet.
    """
    if not answers.fully_liquidated or answers.rolled_over:
        return None
    if answers.total_distributions is None:
        return None
    return max(ZERO, basis - answers.total_distributions)


# Answered on every retirement-account result whose group the rule applies to (law data).
_RETIREMENT_MYTHS = (
    "myth_capital_loss",
    "myth_earnings_basis",
    "myth_close_together",
    "myth_theft_ira",
    "myth_partnership_in_ira",
)


_REASONS = {reason.value: reason for reason in FederalReason}  # a dict lookup, not Enum()
_FIXED: dict[tuple[int, str], tuple[Rule, Statement]] = {}
_SETS: dict[tuple[object, ...], tuple[Jurisdiction, tuple[Statement, ...]]] = {}


def _fixed(rule: Rule, rule_id: str, kind: str) -> Statement:
    """The one Statement of a rule whose text mentions no figure (kept per rule and kind)."""
    cached = _FIXED.get((id(rule), kind))
    if cached is None or cached[0] is not rule:  # an id can be reused by a later law load
        cached = (rule, Statement(rule_id, rule.statement, rule.years, rule.citations, (), kind))
        _FIXED[(id(rule), kind)] = cached
    return cached[1]


class _Statements:
    """Collects the law's statements that apply, with the figures each one may mention."""

    def __init__(
        self,
        jurisdiction: Jurisdiction,
        year: int,
        facts: dict[str, object],
        group: AccountGroup,
    ) -> None:
        self.jurisdiction = jurisdiction
        self.year = year
        self.group = group
        self.facts = facts
        self.sorted_facts = tuple(sorted(facts.items()))
        self.items: list[Statement] = []

    def add(self, rule_id: str, kind: str = "reason") -> bool:
        added = False
        for rule in self.jurisdiction.rules_for(rule_id, self.year):
            if rule.applies_to and self.group not in rule.applies_to:
                continue
            added = True
            if "{" not in rule.statement:
                # Nothing to fill in: the same statement serves every answer (make bench).
                self.items.append(_fixed(rule, rule_id, kind))
                continue
            facts = (
                tuple(sorted({**self.facts, **rule.values}.items()))
                if rule.values
                else self.sorted_facts
            )
            # Positional: this runs a dozen times per determination (make bench).
            self.items.append(
                Statement(rule_id, rule.statement, rule.years, rule.citations, facts, kind)
            )
        return added

    def add_all(self, rule_ids: tuple[str, ...], kind: str) -> None:
        """Several rules at once; where none mentions a figure, one list per year and group."""
        key = (id(self.jurisdiction), rule_ids, self.year, self.group, kind)
        cached = _SETS.get(key)
        if cached is None or cached[0] is not self.jurisdiction:
            before = len(self.items)
            for rule_id in rule_ids:
                self.add(rule_id, kind)
            added = tuple(self.items[before:])
            if all(not s.facts for s in added):  # only statements the same for every answer
                _SETS[key] = (self.jurisdiction, added)
            return
        self.items.extend(cached[1])

    def add_period(self, kind: str = "reason") -> None:
        period = self.jurisdiction.period_for(self.year)
        self.items.append(
            Statement(
                code=period.id,
                text=period.statement,
                years=period.years,
                citations=period.citations,
                facts=self.sorted_facts,
                kind=kind,
            )
        )


def _brokerage(answers: Answers, law: Law) -> FederalOutcome:
    us = law.jurisdictions[FEDERAL]
    loss = economic_loss(answers.basis, answers)
    facts: dict[str, object] = {"year": answers.tax_year, "basis": answers.basis}
    if answers.total_distributions is not None:
        facts["received"] = answers.total_distributions
    if loss is not None:
        facts["loss"] = loss
    out = _Statements(us, answers.tax_year, facts, AccountGroup.BROKERAGE)
    this_year = carryover = None
    if loss is None:
        out.add("capital_loss_unsold")
    elif loss == ZERO:
        out.add("brokerage_no_loss")
    out.add("capital_loss")
    limit_rules = us.rules_for("capital_loss", answers.tax_year)
    if loss is not None and loss > ZERO and limit_rules:
        values = limit_rules[0].values
        separate = answers.filing_status is FilingStatus.MARRIED_SEPARATE
        limit = values["limit_separate"] if separate else values["limit"]
        this_year = min(loss, limit)
        carryover = loss - this_year
    out.add("myth_capital_loss", kind="myth")
    out.add("myth_wash_sale_ira", kind="myth")
    out.add("records_brokerage", kind="next_step")
    return FederalOutcome(
        deductible=bool(loss and loss > ZERO),
        reason=FederalReason.CAPITAL_LOSS,
        group=AccountGroup.BROKERAGE,
        loss=loss,
        floor=None,
        deductible_after_floor=None,
        statements=tuple(out.items),
        form_line="Form 8949 and Schedule D (Form 1040)",
        capital_loss_this_year=this_year,
        capital_loss_carryover=carryover,
    )


def federal_outcome(answers: Answers, law: Law) -> FederalOutcome:
    """Apply the exception's three conditions, then the regime of the tax year."""
    group = account_group(answers)
    if group is AccountGroup.BROKERAGE:
        return _brokerage(answers, law)
    us = law.jurisdictions[FEDERAL]
    year = answers.tax_year
    period = us.period_for(year)
    loss = economic_loss(answers.basis, answers)
    facts: dict[str, object] = {"year": year, "basis": answers.basis}
    if answers.total_distributions is not None:
        facts["received"] = answers.total_distributions
    if loss is not None:
        facts["loss"] = loss

    if answers.basis <= ZERO:
        reason = FederalReason.NO_BASIS
    elif loss is None:
        reason = FederalReason.NOT_FULLY_LIQUIDATED
    elif loss == ZERO:
        reason = FederalReason.NO_LOSS
    else:
        reason = _REASONS[period.outcome]

    floor = after_floor = None
    if reason is FederalReason.ALLOWED_MISC_ITEMIZED and answers.agi is not None:
        assert loss is not None and period.floor_percent is not None
        floor = answers.agi * period.floor_percent / 100
        after_floor = max(ZERO, loss - floor)
        facts.update(agi=answers.agi, floor=floor, deductible_after_floor=after_floor)

    worksheet = answers.basis_worksheet
    if worksheet is not None:
        facts.update(
            before=worksheet.basis_before_year,
            added=worksheet.after_tax_added_in_year,
            paid_out=worksheet.paid_out_in_year,
            converted=worksheet.converted_in_year,
        )
    out = _Statements(us, year, facts, group)
    if worksheet is not None:
        out.add(WORKSHEET_RULE[group], kind="note")
        if worksheet.earlier_years:
            out.add("basis_rebuilt", kind="note")
        if worksheet.converted_in_year > ZERO and loss:
            out.add("lost_before_conversion", kind="note")
            out.add("lost_before_conversion_unsettled", kind="note")
    if reason is FederalReason.NO_BASIS:
        out.add("basis_required")
        out.add(GROUP_RULE[group], kind="note")
        out.add("myth_market_drop", kind="myth")
    elif reason is FederalReason.NOT_FULLY_LIQUIDATED:
        out.add(GROUP_RULE[group])
        out.add("rollover_not_distribution" if answers.rolled_over else "not_fully_liquidated")
        out.add_period(kind="note")
        out.add("myth_market_drop", kind="myth")
    elif reason is FederalReason.NO_LOSS:
        out.add("no_loss")
        out.add(GROUP_RULE[group], kind="note")
    else:
        out.add(GROUP_RULE[group])
        out.add("loss_amount")
        out.add_period()
        if reason is FederalReason.ALLOWED_MISC_ITEMIZED:
            out.add("floor_computed" if floor is not None else "floor_needs_agi")
            out.add("itemizing_required")
            out.add("amt_addback", kind="note")
            _add_overall_limit(out, answers)
            out.add("refund_time_limit", kind="note")
        out.add("myth_returns_2026", kind="myth")
        out.add("myth_nol", kind="myth")
        out.add("annuity_72b3", kind="note")
    out.add_all(_RETIREMENT_MYTHS, kind="myth")
    if (
        answers.age_at_distribution is not None
        and answers.age_at_distribution < EARLY_WITHDRAWAL_AGE
    ):
        out.add("early_withdrawal_72t", kind="note")
    # Records of a final distribution only once there was one (issue 12).
    out.add(RECORDS_RULE[group] if loss is not None else "records_open", kind="next_step")

    return FederalOutcome(
        deductible=reason is FederalReason.ALLOWED_MISC_ITEMIZED,
        reason=reason,
        group=group,
        loss=loss,
        floor=floor,
        deductible_after_floor=after_floor,
        statements=tuple(out.items),
        form_line=period.form_line if reason is FederalReason.ALLOWED_MISC_ITEMIZED else "",
        regime=_REASONS[period.outcome],
    )


_THRESHOLD_FOR = {
    FilingStatus.SINGLE: "threshold_single",
    FilingStatus.MARRIED_JOINT: "threshold_joint",
    FilingStatus.QUALIFYING_SURVIVING_SPOUSE: "threshold_joint",
    FilingStatus.HEAD_OF_HOUSEHOLD: "threshold_head",
    FilingStatus.MARRIED_SEPARATE: "threshold_separate",
}


def _add_overall_limit(out: _Statements, answers: Answers) -> None:
    """Mention the overall limit (IRC 68) only when the AGI could reach its threshold."""
    for rule in out.jurisdiction.rules_for("overall_limit", answers.tax_year):
        own = _THRESHOLD_FOR.get(answers.filing_status) if answers.filing_status else None
        lowest = rule.values.get(own) if own else min(rule.values.values(), default=None)
        if lowest is None or answers.agi is None or answers.agi > lowest:
            out.add("overall_limit", kind="note")
            return
