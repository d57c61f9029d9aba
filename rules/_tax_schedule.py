"""A state's rate schedule and standard deduction, and the federal contribution limits, as law data.

The planner (rules/_planner.py) asks what closing the accounts is worth on the state return and
how little could go back in. Both answers rest on dated figures the law publishes each year, so
they live in the law files like everything else, each with its years, citations and review date:

- `[[tax_schedule]]` (state files): the tax on taxable income by filing status (marginal
  brackets: "taxable income above which, percent"), the standard deduction (a fixed amount, or
  [AGI, amount] points where it phases down with income: straight lines between the points,
  flat outside them; `standard_deduction_step` counts AGI in whole steps, as Alabama's chart
  does), and any personal exemption subtracted from income.
- `[[contribution_limit]]` (us.toml): how much can be put into an account group in a year.

Read with the law file's reader, so a mistake names the file and the field.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any

from ._model import AccountGroup, Citation, FilingStatus, Years
from ._state_law import Reader

ZERO = Decimal(0)
STATUSES = tuple(s.value for s in FilingStatus)
SCHEDULE_KEYS = frozenset(
    {"id", "years", "figures_for", "statement", "leaves_out", "reviewed", "citations"}
    | {"brackets", "standard_deduction", "standard_deduction_step", "exemption"}
)
LIMIT_KEYS = frozenset(
    {"id", "years", "figures_for", "groups", "limit", "catch_up", "catch_up_age"}
    | {"higher_catch_up", "higher_catch_up_ages", "statement", "citations", "reviewed"}
)
# [AGI, amount] points; a fixed amount is one point at AGI 0.
Points = tuple[tuple[Decimal, Decimal], ...]


def along(points: Points, agi: Decimal) -> Decimal:
    """The amount at `agi`: straight lines between the points, flat before the first and after
    the last."""
    if agi <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in pairwise(points):
        if agi <= x1:
            return y0 + (y1 - y0) * (agi - x0) / (x1 - x0)
    return points[-1][1]


@dataclass(frozen=True, slots=True)
class TaxSchedule:
    """One state's rates, standard deduction and exemptions for a span of tax years."""

    id: str
    years: Years  # the tax years these figures are used for
    figures_for: int  # the tax year whose published figures these are
    statement: str  # plain English for the user
    citations: tuple[Citation, ...]
    reviewed: datetime.date
    leaves_out: str = ""  # plain English: what the figure leaves out
    # Filing status -> ((taxable income above which, percent), ...), the first above 0.
    brackets: Mapping[str, Points] = field(default_factory=dict)
    deductions: Mapping[str, Points] = field(default_factory=dict)  # status -> [AGI, amount]
    # Filing status -> AGI counted in whole steps above the first point (Alabama's chart).
    deduction_steps: Mapping[str, Decimal] = field(default_factory=dict)
    exemption_points: Mapping[str, Points] = field(default_factory=dict)

    def tax(self, taxable_income: Decimal, status: FilingStatus) -> Decimal:
        """The tax from the brackets, unrounded; 0 for income of 0 or less."""
        brackets = self.brackets[FilingStatus(status).value]
        total = ZERO
        for i, (above, percent) in enumerate(brackets):
            if taxable_income <= above:
                break
            top = brackets[i + 1][0] if i + 1 < len(brackets) else taxable_income
            total += (min(taxable_income, top) - above) * percent / 100
        return total

    def standard_deduction(self, status: FilingStatus, agi: Decimal) -> Decimal:
        key = FilingStatus(status).value
        points = self.deductions[key]
        step = self.deduction_steps.get(key)
        if step is not None and agi > points[0][0]:
            # "for each $500 of adjusted gross income in excess of": whole steps only
            agi = points[0][0] + ((agi - points[0][0]) // step) * step
        return along(points, agi)

    def exemptions(self, status: FilingStatus, agi: Decimal) -> Decimal:
        """Personal exemptions subtracted from income (0 where the state gives a credit)."""
        points = self.exemption_points.get(FilingStatus(status).value)
        return along(points, agi) if points else ZERO


@dataclass(frozen=True, slots=True)
class ContributionLimit:
    """How much one person can put into an account group in a year."""

    id: str
    years: Years
    figures_for: int
    groups: frozenset[str]  # AccountGroup values it applies to
    limit: Decimal
    catch_up: Decimal
    catch_up_age: Decimal  # the catch-up is allowed from this age (reached by the year's end)
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date
    # Plans from 2025 (IRC 414(v)(2)(E)(ii)): a higher catch-up at ages 60 to 63 instead.
    higher_catch_up: Decimal = ZERO
    higher_catch_up_ages: tuple[Decimal, Decimal] | None = None  # first and last age, inclusive

    def for_age(self, age: Decimal | None) -> Decimal:
        """The year's limit for someone of this age; without an age, no catch-up."""
        if age is None or age < self.catch_up_age:
            return self.limit
        ages = self.higher_catch_up_ages
        if ages is not None and ages[0] <= age < ages[1] + 1:
            return self.limit + self.higher_catch_up
        return self.limit + self.catch_up


def _amount(reader: Reader, value: Any, where: str) -> Decimal:
    """An amount or percent written as text ("5706", "9.3"): TOML floats would round."""
    try:
        found = Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        found = None
    if found is None or not found.is_finite() or found < 0:
        raise reader.fail(where, 'must be a number ≥ 0 written as text, like "5706"')
    return found


def _pairs(reader: Reader, raw: Any, where: str, what: str) -> Points:
    if not isinstance(raw, list) or not raw:
        raise reader.fail(where, f"must be a list of [{what}] pairs")
    out = []
    for i, pair in enumerate(raw):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise reader.fail(f"{where}[{i}]", f"must be a pair [{what}]")
        out.append(
            (_amount(reader, pair[0], f"{where}[{i}]"), _amount(reader, pair[1], f"{where}[{i}]"))
        )
    if any(b[0] <= a[0] for a, b in pairwise(out)):
        raise reader.fail(where, "must be in rising order of income, each above the one before")
    return tuple(out)


def _by_status(reader: Reader, table: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    raw = table.get(key)
    if not isinstance(raw, dict):
        raise reader.fail(f"{where}.{key}", f"must be a table with {', '.join(STATUSES)}")
    reader.only(raw, frozenset(STATUSES), f"{where}.{key}")
    missing = [s for s in STATUSES if s not in raw]
    if missing:
        raise reader.fail(f"{where}.{key}", f"no figures for {', '.join(missing)}")
    return raw


def _amount_or_points(reader: Reader, raw: Any, where: str) -> Points:
    if isinstance(raw, list):
        return _pairs(reader, raw, where, "AGI, amount")
    return ((ZERO, _amount(reader, raw, where)),)


def _brackets(reader: Reader, raw: Any, where: str) -> Points:
    pairs = _pairs(reader, raw, where, "taxable income above, percent")
    if pairs[0][0] != 0:
        raise reader.fail(where, "must start from taxable income 0")
    if any(percent > 100 for _, percent in pairs):
        raise reader.fail(where, "a rate is a percent, at most 100")
    return pairs


def _figures_for(reader: Reader, table: Mapping[str, Any], years: Years, where: str) -> int:
    value = table.get("figures_for")
    if not isinstance(value, int) or isinstance(value, bool) or value > years.first:
        raise reader.fail(f"{where}.figures_for", "must be a tax year, not after years.first")
    return value


def read_schedule(reader: Reader, table: Any, where: str) -> TaxSchedule:
    if not isinstance(table, dict):
        raise reader.fail(where, "must be a table")
    reader.only(table, SCHEDULE_KEYS, where)
    years = reader.years(table, where)
    steps = table.get("standard_deduction_step", {})
    if not isinstance(steps, dict):
        raise reader.fail(f"{where}.standard_deduction_step", "must be a table by filing status")
    reader.only(steps, frozenset(STATUSES), f"{where}.standard_deduction_step")
    step_amounts = {
        s: _amount(reader, v, f"{where}.standard_deduction_step.{s}") for s, v in steps.items()
    }
    if any(step <= 0 for step in step_amounts.values()):
        raise reader.fail(f"{where}.standard_deduction_step", "a step must be more than 0")
    exemption = {}
    if "exemption" in table:
        raw = _by_status(reader, table, "exemption", where)
        exemption = {
            s: _amount_or_points(reader, raw[s], f"{where}.exemption.{s}") for s in STATUSES
        }
    brackets = _by_status(reader, table, "brackets", where)
    deductions = _by_status(reader, table, "standard_deduction", where)
    return TaxSchedule(
        id=reader.text(table, "id", where),
        years=years,
        figures_for=_figures_for(reader, table, years, where),
        statement=reader.text(table, "statement", where),
        citations=reader.citations(table, where),
        reviewed=reader.date(table, "reviewed", where),
        leaves_out=reader.text(table, "leaves_out", where, required=False),
        brackets={s: _brackets(reader, brackets[s], f"{where}.brackets.{s}") for s in STATUSES},
        deductions={
            s: _amount_or_points(reader, deductions[s], f"{where}.standard_deduction.{s}")
            for s in STATUSES
        },
        deduction_steps=step_amounts,
        exemption_points=exemption,
    )


def read_contribution_limit(reader: Reader, table: Any, where: str) -> ContributionLimit:
    if not isinstance(table, dict):
        raise reader.fail(where, "must be a table")
    reader.only(table, LIMIT_KEYS, where)
    years = reader.years(table, where)
    groups = table.get("groups")
    known = {g.value for g in AccountGroup} - {AccountGroup.BROKERAGE.value}
    if not isinstance(groups, list) or not groups or not set(groups) <= known:
        raise reader.fail(f"{where}.groups", f"must be a list of {sorted(known)}")
    ages = table.get("higher_catch_up_ages")
    higher_ages = None
    if ages is not None:
        if not (isinstance(ages, list) and len(ages) == 2):
            raise reader.fail(f"{where}.higher_catch_up_ages", 'must be ["60", "63"]: first, last')
        higher_ages = (
            _amount(reader, ages[0], f"{where}.higher_catch_up_ages"),
            _amount(reader, ages[1], f"{where}.higher_catch_up_ages"),
        )
    if (higher_ages is None) != ("higher_catch_up" not in table):
        raise reader.fail(f"{where}.higher_catch_up", "goes with higher_catch_up_ages")

    def amount(key: str) -> Decimal:
        return _amount(reader, table[key], f"{where}.{key}") if key in table else ZERO

    if "limit" not in table:
        raise reader.fail(f"{where}.limit", 'missing: the year\'s limit, like "7500"')
    return ContributionLimit(
        id=reader.text(table, "id", where),
        years=years,
        figures_for=_figures_for(reader, table, years, where),
        groups=frozenset(groups),
        limit=amount("limit"),
        catch_up=amount("catch_up"),
        catch_up_age=amount("catch_up_age"),
        statement=reader.text(table, "statement", where),
        citations=reader.citations(table, where),
        reviewed=reader.date(table, "reviewed", where),
        higher_catch_up=amount("higher_catch_up"),
        higher_catch_up_ages=higher_ages,
    )


def check_no_overlap(reader: Reader, spans: list[tuple[str, frozenset[str], Years]]) -> None:
    """No two entries for the same thing (a group, or the state's one schedule) share a year."""
    for i, (where, keys, years) in enumerate(spans):
        for other, other_keys, other_years in spans[:i]:
            last = years.last if years.last is not None else 10**6
            other_last = other_years.last if other_years.last is not None else 10**6
            if keys & other_keys and years.first <= other_last and other_years.first <= last:
                raise reader.fail(f"{where}.years", f"overlaps {other}")
