"""A retirement account's federal outcome: the three conditions, the year's regime, the reasons."""

from __future__ import annotations

from decimal import Decimal

from ._accounts import ZERO, account_group, economic_loss, loss_facts
from ._brokerage import brokerage_outcome
from ._itemized import add_itemized_statements, misc_floor, overall_limit_cut
from ._law import FEDERAL, Law
from ._model import AccountGroup, Answers, FederalOutcome, FederalReason
from ._statements import Statements

EARLY_WITHDRAWAL_AGE = Decimal("59.5")

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

# Answered on every retirement-account result whose group the rule applies to (law data).
_RETIREMENT_MYTHS = (
    "myth_capital_loss",
    "myth_earnings_basis",
    "myth_close_together",
    "myth_theft_ira",
    "myth_partnership_in_ira",
)

_REASONS = {reason.value: reason for reason in FederalReason}  # a dict lookup, not Enum()


def federal_outcome(answers: Answers, law: Law) -> FederalOutcome:
    """Apply the exception's three conditions, then the regime of the tax year."""
    group = account_group(answers)
    if group is AccountGroup.BROKERAGE:
        return brokerage_outcome(answers, law)
    us = law.jurisdictions[FEDERAL]
    year = answers.tax_year
    period = us.period_for(year)
    loss = economic_loss(answers.basis, answers)
    facts = loss_facts(answers, loss)

    if answers.basis <= ZERO:
        reason = FederalReason.NO_BASIS
    elif loss is None:
        reason = FederalReason.NOT_FULLY_LIQUIDATED
    elif loss == ZERO:
        reason = FederalReason.NO_LOSS
    else:
        reason = _REASONS[period.outcome]

    floor = after_floor = cut = after_limit = None
    limited = False
    if reason is FederalReason.ALLOWED_MISC_ITEMIZED and answers.agi is not None:
        assert loss is not None
        floor, after_floor = misc_floor(answers.agi, loss, period)
        facts.update(agi=answers.agi, floor=floor, deductible_after_floor=after_floor)
        limited, cut = overall_limit_cut(us, answers, after_floor)
        if cut is not None:
            after_limit = after_floor - cut
            facts.update(overall_limit_cut=cut, after_overall_limit=after_limit)

    worksheet = answers.basis_worksheet
    if worksheet is not None:
        facts.update(
            before=worksheet.basis_before_year,
            added=worksheet.after_tax_added_in_year,
            paid_out=worksheet.paid_out_in_year,
            converted=worksheet.converted_in_year,
        )
    out = Statements(us, year, facts, group)
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
            add_itemized_statements(out, answers, floor is not None, cut if limited else None)
        out.add("myth_returns_2026", kind="myth")
        out.add("myth_nol", kind="myth")
        out.add("annuity_72b3", kind="note")
    out.add_all(_RETIREMENT_MYTHS, kind="myth")
    if (
        answers.fully_liquidated  # accounts still open: the planner words it for a payout to come
        and answers.age_at_distribution is not None
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
        overall_limit_applies=limited,
        overall_limit_cut=cut if limited else None,
        after_overall_limit=after_limit if limited else None,
    )
