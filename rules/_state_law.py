"""The parts of a state law file that say how much of a loss counts, and until when.

- `[refund]`: how long the state allows to claim a refund on an amended return.
- `[[limit]]`: an overall limit on itemized deductions (New York Tax Law §615(f)–(g),
  California R&TC §17077) that a deductible period names with `limit = "<id>"`.

Read with the same reader as the rest of the file, so an error names the file and the field.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Protocol

from ._model import Citation, Years

REFUND_KEYS = frozenset({"years", "due", "statement", "citations", "reviewed"})
LIMIT_KEYS = frozenset(
    {"id", "kind", "years", "statement", "citations", "reviewed", "values", "points"}
)
# How each kind of limit is worked out (rules/_state_amounts.py):
# - excess_agi_percent: the deduction is reduced by `rate` % of AGI above the filing status's
#   threshold, but by no more than `cap` % of the deduction (California R&TC §17077).
# - deduction_percent_by_agi: a share of the deduction is lost, rising along `points`
#   ([AGI, percent lost] pairs, straight lines between them); above `none_above` every dollar
#   is lost (New York Tax Law §615(f)–(g), where only charitable gifts survive).
LIMIT_KINDS = frozenset({"excess_agi_percent", "deduction_percent_by_agi"})
FLOOR_AGI = frozenset({"federal", "state"})


class Reader(Protocol):
    def fail(self, where: str, message: str) -> Exception: ...
    def text(
        self, table: Mapping[str, Any], key: str, where: str, required: bool = True
    ) -> str: ...
    def date(self, table: Mapping[str, Any], key: str, where: str) -> datetime.date: ...
    def decimal(self, table: Mapping[str, Any], key: str, where: str) -> Decimal | None: ...
    def years(self, table: Mapping[str, Any], where: str) -> Years: ...
    def citations(self, table: Mapping[str, Any], where: str) -> tuple[Citation, ...]: ...
    def only(self, table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Refund:
    """A refund claim is allowed for `years` years after the return's due date (`due`, MM-DD
    of the year after the tax year); filing late or paying later can extend it."""

    years: int
    due: tuple[int, int]
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date

    def deadline(self, tax_year: int) -> datetime.date:
        month, day = self.due
        return datetime.date(tax_year + 1 + self.years, month, day)


@dataclass(frozen=True, slots=True)
class ItemizedLimit:
    id: str
    kind: str
    years: Years
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date
    values: Mapping[str, Decimal]
    points: tuple[tuple[Decimal, Decimal], ...] = ()


def read_refund(reader: Reader, table: Any) -> Refund | None:
    if table is None:
        return None
    where = "refund"
    if not isinstance(table, dict):
        raise reader.fail(where, "must be a table")
    reader.only(table, REFUND_KEYS, where)
    years = table.get("years")
    if not isinstance(years, int) or not 1 <= years <= 10:
        raise reader.fail(f"{where}.years", "must be a whole number of years from 1 to 10")
    due = reader.text(table, "due", where, required=False) or "04-15"
    try:
        month, day = (int(part) for part in due.split("-"))
        datetime.date(2001, month, day)
    except ValueError:
        raise reader.fail(f"{where}.due", "must be a month and day like 04-15") from None
    return Refund(
        years=years,
        due=(month, day),
        statement=reader.text(table, "statement", where),
        citations=reader.citations(table, where),
        reviewed=reader.date(table, "reviewed", where),
    )


def read_limit(reader: Reader, table: Any, where: str) -> ItemizedLimit:
    if not isinstance(table, dict):
        raise reader.fail(where, "must be a table")
    reader.only(table, LIMIT_KEYS, where)
    kind = reader.text(table, "kind", where)
    if kind not in LIMIT_KINDS:
        raise reader.fail(f"{where}.kind", f"must be one of {sorted(LIMIT_KINDS)}")
    raw_values = table.get("values", {})
    if not isinstance(raw_values, dict):
        raise reader.fail(f"{where}.values", "must be a table of amounts")
    values = {key: reader.decimal(raw_values, key, f"{where}.values") for key in raw_values}
    points = []
    for i, pair in enumerate(table.get("points", [])):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise reader.fail(f"{where}.points[{i}]", "must be a pair [AGI, percent]")
        agi, percent = (reader.decimal({"v": v}, "v", f"{where}.points[{i}]") for v in pair)
        points.append((agi, percent))
    if [agi for agi, _ in points] != sorted(agi for agi, _ in points):
        raise reader.fail(f"{where}.points", "must be in rising order of AGI")
    needed = {"excess_agi_percent": {"rate", "cap"}, "deduction_percent_by_agi": set()}[kind]
    missing = needed - set(values)
    if missing or (kind == "deduction_percent_by_agi" and not points):
        raise reader.fail(where, f"a {kind} limit needs {sorted(missing) or 'points'}")
    return ItemizedLimit(
        id=reader.text(table, "id", where),
        kind=kind,
        years=reader.years(table, where),
        statement=reader.text(table, "statement", where),
        citations=reader.citations(table, where),
        reviewed=reader.date(table, "reviewed", where),
        values=MappingProxyType(values),  # type: ignore[arg-type]
        points=tuple(points),  # type: ignore[arg-type]
    )
