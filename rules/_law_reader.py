"""Reading one law file's tables: periods and rules, each checked as it loads.

A malformed table raises LawError naming the file and the field (rules/_law.py reads the files).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from ._model import AccountGroup, Citation, Years
from ._state_law import FLOOR_AGI

PERIOD_KEYS = frozenset(
    {"id", "years", "outcome", "statement", "citations", "reviewed", "form_line"}
    | {"floor_percent", "share_percent", "state_basis", "floor_agi", "limit", "rests_on"}
)
RULE_KEYS = frozenset({"id", "years", "statement", "citations", "reviewed", "values", "applies_to"})
FILE_KEYS = frozenset(
    {"jurisdiction", "name", "period", "rule", "capital_losses", "refund", "limit"}
    | {"tax_schedule", "contribution_limit"}  # rules/_tax_schedule.py
)
CITATION_KEYS = frozenset({"title", "pinpoint", "url", "no_url"})


class LawError(ValueError):
    """A law file is missing, malformed or incomplete."""


@dataclass(frozen=True, slots=True)
class Period:
    """What one jurisdiction's law says for a span of tax years."""

    id: str
    years: Years
    outcome: str
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date
    form_line: str = ""
    floor_percent: Decimal | None = None
    share_percent: Decimal | None = None
    state_basis: bool = False
    floor_agi: str = "federal"  # whose AGI the floor is a percentage of: federal | state
    # ids of the file's [[limit]]s on itemized deductions, applied in this order (a form's line
    # order: New York's IT-196 line 40 before its line 46)
    limits: tuple[str, ...] = ()
    rests_on: str = ""  # for the user: what a not-yet-settled answer rests on


@dataclass(frozen=True, slots=True)
class Rule:
    """A dated statement that applies alongside the period (a note, myth or nearby rule)."""

    id: str
    years: Years
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date
    values: Mapping[str, Decimal]
    # The account groups (AccountGroup values) the rule speaks to; empty: every group.
    applies_to: frozenset[str] = frozenset()

    def applies(self, group: str) -> bool:
        return not self.applies_to or group in self.applies_to


class LawReader:
    """Reads one parsed TOML table, naming the file and the field in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> LawError:
        return LawError(f"{self.source}: {where}: {message}")

    def text(self, table: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{where}.{key}", "must be non-empty text")
        return value.strip()

    def date(self, table: Mapping[str, Any], key: str, where: str) -> datetime.date:
        value = table.get(key)
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise self.fail(f"{where}.{key}", "must be a date like 2026-11-24")
        return value

    def decimal(self, table: Mapping[str, Any], key: str, where: str) -> Decimal | None:
        if key not in table:
            return None
        try:
            value = Decimal(str(table[key]))
        except InvalidOperation:
            raise self.fail(f"{where}.{key}", "must be a number written as text") from None
        if not value.is_finite() or value < 0:
            raise self.fail(f"{where}.{key}", "must be a finite number ≥ 0")
        return value

    def years(self, table: Mapping[str, Any], where: str) -> Years:
        value = table.get("years")
        if not isinstance(value, dict) or not isinstance(value.get("first"), int):
            raise self.fail(f"{where}.years", "must be a table like { first = 2018, last = 2025 }")
        last = value.get("last")
        if last is not None and (not isinstance(last, int) or last < value["first"]):
            raise self.fail(f"{where}.years.last", "must be a year not before first")
        unknown = set(value) - {"first", "last"}
        if unknown:
            raise self.fail(f"{where}.years", f"unknown keys {sorted(unknown)}")
        return Years(value["first"], last)

    def citations(self, table: Mapping[str, Any], where: str) -> tuple[Citation, ...]:
        raw = table.get("citations")
        if not isinstance(raw, list) or not raw:
            raise self.fail(f"{where}.citations", "needs at least one citation")
        out = []
        for i, item in enumerate(raw):
            here = f"{where}.citations[{i}]"
            if not isinstance(item, dict):
                raise self.fail(here, "must be a table with title, pinpoint and url")
            self.only(item, CITATION_KEYS, here)
            # Every citation links its source, or says why no public address exists, so the page
            # and the PDF never show a bare title by oversight.
            if "url" not in item and "no_url" not in item:
                raise self.fail(f"{here}.url", "missing: give the url, or no_url with the reason")
            if "url" in item and "no_url" in item:
                raise self.fail(f"{here}.no_url", "cannot go with a url: keep one of them")
            url = self.text(item, "url", here, required=False)
            if "url" in item and not url.startswith("https://"):
                raise self.fail(f"{here}.url", "must start with https://")
            if "no_url" in item:
                self.text(item, "no_url", here)
            out.append(
                Citation(
                    title=self.text(item, "title", here),
                    pinpoint=self.text(item, "pinpoint", here, required=False),
                    url=url,
                )
            )
        return tuple(out)

    def only(self, table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
        unknown = set(table) - allowed
        if unknown:
            raise self.fail(where, f"unknown keys {sorted(unknown)} (a typo?)")

    def period(self, table: Any, where: str, outcomes: frozenset[str]) -> Period:
        if not isinstance(table, dict):
            raise self.fail(where, "must be a table")
        self.only(table, PERIOD_KEYS, where)
        outcome = self.text(table, "outcome", where)
        if outcome not in outcomes:
            raise self.fail(f"{where}.outcome", f"must be one of {sorted(outcomes)}")
        state_basis = table.get("state_basis", False)
        if not isinstance(state_basis, bool):
            raise self.fail(f"{where}.state_basis", "must be true or false")
        floor_agi = table.get("floor_agi", "federal")
        if floor_agi not in FLOOR_AGI:
            raise self.fail(f"{where}.floor_agi", f"must be one of {sorted(FLOOR_AGI)}")
        return Period(
            id=self.text(table, "id", where, required=False) or where,
            years=self.years(table, where),
            outcome=outcome,
            statement=self.text(table, "statement", where),
            citations=self.citations(table, where),
            reviewed=self.date(table, "reviewed", where),
            form_line=self.text(table, "form_line", where, required=False),
            floor_percent=self.decimal(table, "floor_percent", where),
            share_percent=self.decimal(table, "share_percent", where),
            state_basis=state_basis,
            floor_agi=floor_agi,
            limits=self.limits(table, where),
            rests_on=self.text(table, "rests_on", where, required=False),
        )

    def limits(self, table: Mapping[str, Any], where: str) -> tuple[str, ...]:
        """`limit = "id"` or `limit = ["first", "then"]`."""
        value = table.get("limit", [])
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise self.fail(f"{where}.limit", "must be a limit id or a list of them")
        return tuple(names)

    def rule(self, table: Any, where: str) -> Rule:
        if not isinstance(table, dict):
            raise self.fail(where, "must be a table")
        self.only(table, RULE_KEYS, where)
        raw_values = table.get("values", {})
        if not isinstance(raw_values, dict):
            raise self.fail(f"{where}.values", "must be a table of amounts")
        values = {key: self.decimal(raw_values, key, f"{where}.values") for key in raw_values}
        applies_to = table.get("applies_to", [])
        groups = {g.value for g in AccountGroup}
        if not isinstance(applies_to, list) or not set(applies_to) <= groups:
            raise self.fail(f"{where}.applies_to", f"must be a list of {sorted(groups)}")
        return Rule(
            id=self.text(table, "id", where),
            years=self.years(table, where),
            statement=self.text(table, "statement", where),
            citations=self.citations(table, where),
            reviewed=self.date(table, "reviewed", where),
            values=MappingProxyType(values),
            applies_to=frozenset(applies_to),
        )
