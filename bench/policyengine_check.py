"""An independent check of the planner's "state tax saved" (issue 21): PolicyEngine-US.

`make check-planner` runs this in a throwaway virtual environment of its own (PolicyEngine-US is
large and pins its own numpy and pandas, so it never goes near the project's locked .venv), and
`make test` never does: pytest collects only tests/. The rules package is plain Python with no
dependencies, so it is imported from the checkout as it is.

For each case the same person is given to both: wages equal to the AGI, no other income, aged
45, living in the state, tax year 2026. Ours is `Determination.closing_plan.saving.tax_saved`.
PolicyEngine's is its state income tax without the loss minus with it, worked out two ways:

- "as PolicyEngine": the loss before any floor entered as a miscellaneous itemized expense (the
  kind the 2%-of-AGI floor applies to) and the other itemized deductions as property tax, so
  PolicyEngine applies its own floor, itemizing choice, rates, deductions, recaptures and
  credits (its "other itemized" column is what it itemizes without the loss, from those inputs:
  in Alabama also the Social Security and Medicare tax on the wages, Schedule A line 6);
- "our deductions": the state's itemized deductions set to ours (other deductions, plus what
  counts after the floor), so only the rates, standard deduction and credits are PolicyEngine's.
  Run for 2026 and, where our figures are an earlier year's (California, Alabama), that year too.

The README's table ("An independent check of the tax saved") is this script's output.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rules import AccountType, Answers, FilingStatus, PlanFigures, determine

YEAR = 2026
BASIS = Decimal(30000)
JOINT = FilingStatus.MARRIED_JOINT
SINGLE = FilingStatus.SINGLE
# PolicyEngine's names, by state: the state's itemized deductions after the state's own limits
# (Arkansas keeps them per person: it compares filing jointly with filing separately on one
# return), and its income tax before credits.
ITEMIZED = {
    "CA": ("tax_unit", ("ca_itemized_deductions",)),
    "NY": ("tax_unit", ("ny_itemized_deductions",)),
    "AL": ("tax_unit", ("al_itemized_deductions",)),
    "AR": ("head", ("ar_itemized_deductions_joint", "ar_itemized_deductions_indiv")),
}
BEFORE_CREDITS = {
    "CA": "ca_income_tax_before_credits",
    "NY": "ny_income_tax_before_credits",
    "AL": "al_income_tax_before_non_refundable_credits",
    "AR": "ar_income_tax_before_non_refundable_credits_unit",
}


@dataclass(frozen=True)
class Case:
    state: str
    agi: int
    status: FilingStatus
    loss: int  # basis minus the value now: what closing would create
    other: int | None = None  # other itemized deductions; None: not given
    # The other deductions are the Social Security and Medicare tax on the wages, which
    # PolicyEngine deducts itself in Alabama (Schedule A line 6); otherwise it is given them as
    # property tax.
    other_is_fica: bool = False

    @property
    def label(self) -> str:
        who = "single" if self.status is SINGLE else "joint"
        other = f", other itemized {self.other:,}" if self.other else ""
        other += " (its FICA)" if self.other_is_fica else ""
        return f"{self.state} {who}, AGI {self.agi:,}, loss {self.loss:,}{other}"


# Each loss is chosen so that 7,400 counts after the 2%-of-AGI floor where it can.
CASES = (
    Case("CA", 80000, SINGLE, 9000),  # the Los Angeles case
    Case("CA", 60000, SINGLE, 8600),
    Case("CA", 150000, JOINT, 10400, 5000),
    Case("NY", 80000, SINGLE, 9000),
    Case("NY", 80000, SINGLE, 9000, 5000),
    Case("NY", 150000, JOINT, 10400, 12000),
    Case("AL", 60000, SINGLE, 8600),
    Case("AL", 60000, SINGLE, 8600, 4590, other_is_fica=True),  # 7.65% of 60,000
    Case("AL", 150000, JOINT, 10400, 5000),
    Case("AR", 80000, SINGLE, 9000),
    Case("AR", 150000, JOINT, 10400, 5000),
)


def ours(case: Case):
    answers = Answers(
        account_type=AccountType.ROTH_IRA,
        tax_year=YEAR,
        state=case.state,
        basis=BASIS,
        fully_liquidated=False,
        agi=Decimal(case.agi),
        filing_status=case.status,
        age_at_distribution=Decimal(45),
        plan=PlanFigures(
            value_now=BASIS - case.loss,
            other_itemized=None if case.other is None else Decimal(case.other),
        ),
    )
    return determine(answers).closing_plan.saving


def situation(case: Case, year: int, misc: float, override: float | None) -> dict:
    """One household: the head earns the AGI in wages; a joint return adds a spouse with none."""
    head = {
        "age": {year: 45},
        "employment_income": {year: case.agi},
        "tax_preparation_fees": {year: misc},  # a 2%-floor miscellaneous expense
        "real_estate_taxes": {year: 0 if case.other_is_fica else case.other or 0},
    }
    people = {"head": head}
    if case.status is JOINT:
        people["spouse"] = {"age": {year: 45}, "employment_income": {year: 0}}
    members = list(people)
    tax_unit: dict = {"members": members}
    if override is not None:
        entity, names = ITEMIZED[case.state]
        target = head if entity == "head" else tax_unit
        target.update({name: {year: override} for name in names})
    group = {"members": members}
    return {
        "people": people,
        "tax_units": {"tu": tax_unit},
        "families": {"f": dict(group)},
        "spm_units": {"s": dict(group)},
        "marital_units": {"m": dict(group)},
        "households": {"h": {**group, "state_name": {year: case.state}}},
    }


def state_tax(case: Case, year: int, misc: float, override: float | None) -> Taxes:
    from policyengine_us import Simulation

    sim = Simulation(situation=situation(case, year, misc, override))
    after = sim.calculate(f"{case.state.lower()}_income_tax", year)[0]
    before = sim.calculate(BEFORE_CREDITS[case.state], year)[0]
    itemized = sim.calculate(ITEMIZED[case.state][1][0], year).sum()
    return Taxes(float(after), float(before), float(itemized))


@dataclass(frozen=True)
class Taxes:
    after_credits: float
    before_credits: float
    itemized: float = 0.0  # the state's itemized deductions (without the loss: PolicyEngine's own)


def saved(case: Case, year: int, without: tuple, with_loss: tuple) -> Taxes:
    """PolicyEngine's tax without the loss minus with it; each side is (misc, override)."""
    a, b = state_tax(case, year, *without), state_tax(case, year, *with_loss)
    return Taxes(a.after_credits - b.after_credits, a.before_credits - b.before_credits, a.itemized)


def row(case: Case) -> list[str]:
    """The figures, and ours − PolicyEngine's taken apart step by step, from PolicyEngine as it
    is to PolicyEngine with our deductions, before credits, with the figures of our year."""
    mine = ours(case)
    other = float(case.other or 0)
    counts = float(mine.counts)
    pe = saved(case, YEAR, (0, None), (case.loss, None))
    as_pe = pe.after_credits
    same = ((0, other), (0, other + counts))
    same_now = saved(case, YEAR, *same)
    same_then = saved(case, mine.schedule_year, *same) if mine.schedule_year != YEAR else same_now
    ours_saved = float(mine.tax_saved)
    steps = (
        ("how PolicyEngine counts the loss", same_now.after_credits - as_pe),
        ("credits", same_now.before_credits - same_now.after_credits),
        (f"{YEAR} figures instead of {mine.schedule_year}'s", same_then.before_credits
         - same_now.before_credits),
        ("rates, deductions, tax tables", ours_saved - same_then.before_credits),
    )  # fmt: skip
    why = "; ".join(f"{name} {signed(amount)}" for name, amount in steps if abs(amount) >= 0.005)
    return [
        case.label,
        f"{other:,.0f} / {pe.itemized:,.0f}",
        f"{counts:,.0f}",
        f"{ours_saved:,.2f} ({mine.schedule_year})",
        f"{as_pe:,.2f}",
        signed(ours_saved - as_pe),
        f"{same_now.after_credits:,.2f}",
        f"{same_then.before_credits:,.2f} ({mine.schedule_year})",
        why or "the same",
    ]


def signed(amount: float) -> str:
    """+1.23 or −1.23; 0.00 without a sign where the two agree to the cent."""
    return "0.00" if abs(amount) < 0.005 else f"{amount:+,.2f}".replace("-", "−")


HEAD = [
    "Case",
    "Other itemized: ours / PolicyEngine's",
    "Counts after the floor",
    "Ours (figures of)",
    "PolicyEngine",
    "Ours − PolicyEngine",
    "PolicyEngine, our deductions",
    "… before credits, our figures' year",
    "The difference, step by step",
]


def main() -> None:
    from importlib.metadata import version

    print(f"PolicyEngine-US {version('policyengine-us')}, tax year {YEAR}\n")
    print("| " + " | ".join(HEAD) + " |")
    print("|" + "---|" * len(HEAD))
    for case in CASES:
        print("| " + " | ".join(row(case)) + " |", flush=True)


if __name__ == "__main__":
    main()
