"""The parts of a state law file that say how much of a loss counts, and until when.

- `[refund]`: how long the state allows to claim a refund on an amended return.
- `[[limit]]`: an overall limit on itemized deductions (New York Tax Law §615(f)–(g),
  California R&TC §17077) that a deductible period names with `limit = "<id>"`.

Read with the same reader as the rest of the file, so an error names the file and the field.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Protocol

from ._model import Citation, Years

REFUND_KEYS = frozenset({"years", "runs_from", "statement", "citations", "reviewed"})
LIMIT_KEYS = frozenset(
    {"id", "kind", "years", "statement", "citations", "reviewed", "values", "points", "label"}
)
# How each kind of limit is worked out (rules/_state_amounts.py):
# - excess_agi_percent: the deduction is reduced by `rate` % of AGI above the filing status's
#   threshold, but by no more than `cap` % of the deduction (California R&TC §17077).
# - deduction_percent_by_agi: a share of the deduction is lost, rising along `points`
#   ([AGI, percent lost] pairs, straight lines between them; one list for every filing status,
#   or a table of lists by status: single, joint, head, separate); above `none_above` every
#   dollar is lost (New York Tax Law §615(f)–(g), where only charitable gifts survive);
#   `fraction_places` rounds the share lost as a form's worksheet does (Maine: four places).
# Where the filing status is unknown, a limit is computed under every status: if they agree,
# that is the answer; if not, it is stated but not computed.
# - federal_overall_limit: IRC 68 of the year as us.toml's `overall_limit` rule holds it, for a
#   state whose itemized deduction started from the federal total after it (no values here).
# - deduction_cap: a ceiling on the deduction whatever the AGI, `cap_all` or `cap_<status>`
#   (Maine's maximum allowable itemized deduction, Vermont's 2.5 times the standard deduction).
#   `higher_if_65_or_blind = "1"` says the ceiling rises with the additional standard deduction
#   for age or blindness, which we do not ask: above the basic ceiling it is stated, not computed.
LIMIT_KINDS = frozenset(
    {"excess_agi_percent", "deduction_percent_by_agi", "federal_overall_limit", "deduction_cap"}
)
FLOOR_AGI = frozenset({"federal", "state"})
STATUS_KEYS = ("single", "joint", "head", "separate")


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
    """A refund claim is allowed for `months` after the date the limit runs from (`runs_from`,
    month and day in the year after the tax year: usually the return's due date). Filing late
    or paying later can extend it, so a deadline from here is "likely", never certain."""

    months: int
    runs_from: tuple[int, int]
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date

    @property
    def years(self) -> Decimal:
        return Decimal(self.months) / 12

    def deadline(self, tax_year: int) -> datetime.date:
        month, day = self.runs_from
        total = month - 1 + self.months
        return datetime.date(tax_year + 1 + total // 12, total % 12 + 1, day)


@dataclass(frozen=True, slots=True)
class ItemizedLimit:
    id: str
    kind: str
    years: Years
    statement: str
    citations: tuple[Citation, ...]
    reviewed: datetime.date
    values: Mapping[str, Decimal]
    # Filing-status key ("all" when one list serves every status) -> [AGI, percent lost] pairs.
    points: Mapping[str, tuple[tuple[Decimal, Decimal], ...]] = field(default_factory=dict)
    label: str = ""  # the worksheet line, like "Less the pre-2018 federal limit (IT-196, line 40)"


def read_refund(reader: Reader, table: Any) -> Refund | None:
    if table is None:
        return None
    where = "refund"
    if not isinstance(table, dict):
        raise reader.fail(where, "must be a table")
    reader.only(table, REFUND_KEYS, where)
    years = table.get("years")
    months = round(years * 12) if isinstance(years, int | float) else 0
    if isinstance(years, bool) or not 12 <= months <= 120 or months != years * 12:
        raise reader.fail(f"{where}.years", "must be a number of years like 3 or 3.5, up to 10")
    runs_from = reader.text(table, "runs_from", where, required=False) or "04-15"
    try:
        month, day = (int(part) for part in runs_from.split("-"))
        datetime.date(2001, month, day)
    except ValueError:
        raise reader.fail(f"{where}.runs_from", "must be a month and day like 04-15") from None
    return Refund(
        months=months,
        runs_from=(month, day),
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
    raw_points = table.get("points")
    by_status = raw_points if isinstance(raw_points, dict) else {"all": raw_points}
    if raw_points is None:
        by_status = {}
    if not set(by_status) <= {"all", *STATUS_KEYS}:
        raise reader.fail(f"{where}.points", f"filing statuses must be {list(STATUS_KEYS)}")
    points = {
        status: _read_points(reader, pairs, f"{where}.points.{status}")
        for status, pairs in by_status.items()
    }
    needed = {
        "excess_agi_percent": {"rate", "cap"},
        "deduction_percent_by_agi": set(),
        "federal_overall_limit": set(),
        "deduction_cap": set(),
    }[kind]
    missing = needed - set(values)
    caps = [key for key in values if key in {"cap_all", *(f"cap_{s}" for s in STATUS_KEYS)}]
    if kind == "deduction_cap" and not caps:
        raise reader.fail(where, "a deduction_cap limit needs cap_all or cap_<filing status>")
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
        points=MappingProxyType(points),
        label=reader.text(table, "label", where, required=False),
    )


def _read_points(reader: Reader, pairs: Any, where: str) -> tuple[tuple[Decimal, Decimal], ...]:
    if not isinstance(pairs, list) or not pairs:
        raise reader.fail(where, "must be a list of [AGI, percent] pairs")
    out = []
    for i, pair in enumerate(pairs):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise reader.fail(f"{where}[{i}]", "must be a pair [AGI, percent]")
        agi, percent = (reader.decimal({"v": str(v)}, "v", f"{where}[{i}]") for v in pair)
        assert agi is not None and percent is not None
        out.append((agi, percent))
    if [agi for agi, _ in out] != sorted(agi for agi, _ in out):
        raise reader.fail(where, "must be in rising order of AGI")
    return tuple(out)
