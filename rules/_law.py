"""Law as data: one TOML file per jurisdiction in rules/law/, read once and checked as it loads.

A malformed file raises LawError naming the file and the field, so a mistake in the law data
stops the app at start-up instead of producing a wrong answer later.
"""

from __future__ import annotations

import datetime
import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ._law_reader import FILE_KEYS, LawError, LawReader, Period, Rule
from ._model import (
    FIRST_TAX_YEAR,
    STATE_CODES,
    FederalReason,
    StateStatus,
    last_tax_year,
)
from ._state_law import ItemizedLimit, Refund, read_limit, read_refund
from ._tax_schedule import (
    ContributionLimit,
    TaxSchedule,
    check_no_overlap,
    read_contribution_limit,
    read_schedule,
)

LAW_DIR = Path(__file__).resolve().parent / "law"
FEDERAL = "US"
FEDERAL_OUTCOMES = frozenset(
    {
        FederalReason.ALLOWED_MISC_ITEMIZED,
        FederalReason.SUSPENDED_2018_2025,
        FederalReason.REPEALED_2026_ONWARD,
    }
)
STATE_OUTCOMES = frozenset(StateStatus)


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    name: str
    periods: tuple[Period, ...]
    rules: tuple[Rule, ...]
    capital_losses: Period | None
    source: str
    rules_by_year: Mapping[tuple[str, int], tuple[Rule, ...]] = field(default_factory=dict)
    limits: tuple[ItemizedLimit, ...] = ()
    refund: Refund | None = None
    periods_by_year: Mapping[int, Period] = field(default_factory=dict)
    tax_schedules: tuple[TaxSchedule, ...] = ()  # states: rates and standard deduction
    contribution_limits: tuple[ContributionLimit, ...] = ()  # federal only

    def tax_schedule_for(self, year: int) -> TaxSchedule | None:
        """The state's rate schedule used for a tax year, or None where the file has none."""
        return next((s for s in self.tax_schedules if year in s.years), None)

    def contribution_limit_for(self, group: str, year: int) -> ContributionLimit | None:
        """The year's contribution limit for an account group (federal file), or None."""
        return next(
            (x for x in self.contribution_limits if group in x.groups and year in x.years), None
        )

    def limit_for(self, limit_id: str, year: int) -> ItemizedLimit | None:
        return next((x for x in self.limits if x.id == limit_id and year in x.years), None)

    def period_for(self, year: int) -> Period:
        found = self.periods_by_year.get(year)
        if found is not None:
            return found
        for period in self.periods:  # a year outside the supported range: the slow way
            if year in period.years:
                return period
        raise LawError(f"{self.source}: no period covers tax year {year}")

    def rules_for(self, rule_id: str, year: int) -> tuple[Rule, ...]:
        found = self.rules_by_year.get((rule_id, year))
        if found is None:  # a year outside the supported range: look it up the slow way
            found = tuple(r for r in self.rules if r.id == rule_id and year in r.years)
        return found


@dataclass(frozen=True, slots=True)
class Law:
    jurisdictions: Mapping[str, Jurisdiction]
    version: str
    last_reviewed: datetime.date


def _check_coverage(reader: LawReader, periods: tuple[Period, ...], last_year: int) -> None:
    """Every supported tax year is covered by exactly one period: no gaps, no overlaps."""
    for year in range(FIRST_TAX_YEAR, last_year + 1):
        covering = [p.id for p in periods if year in p.years]
        if not covering:
            raise reader.fail("period", f"no period covers tax year {year}")
        if len(covering) > 1:
            raise reader.fail("period", f"tax year {year} is covered twice: {covering}")


def parse_jurisdiction(path: Path, last_year: int) -> Jurisdiction:
    """Read and check one law file."""
    reader = LawReader(path.name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LawError(f"{path.name}: cannot be read as TOML: {exc}") from exc
    reader.only(data, FILE_KEYS, "file")
    code = reader.text(data, "jurisdiction", "file")
    if path.stem.upper() != code:
        raise reader.fail("jurisdiction", f"{code!r} does not match the file name")
    outcomes = FEDERAL_OUTCOMES if code == FEDERAL else STATE_OUTCOMES
    raw_periods = data.get("period")
    if not isinstance(raw_periods, list) or not raw_periods:
        raise reader.fail("period", "needs at least one [[period]]")
    periods = tuple(
        reader.period(p, f"period[{i}]", frozenset(outcomes)) for i, p in enumerate(raw_periods)
    )
    _check_coverage(reader, periods, last_year)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise reader.fail("rule", "must be a list of [[rule]] tables")
    rules = tuple(reader.rule(r, f"rule[{i}]") for i, r in enumerate(raw_rules))
    capital_losses = None
    if code != FEDERAL:
        capital_losses = reader.period(
            {**data.get("capital_losses", {}), "years": {"first": FIRST_TAX_YEAR}},
            "capital_losses",
            frozenset(STATE_OUTCOMES),
        )
    raw_limits = data.get("limit", [])
    if not isinstance(raw_limits, list):
        raise reader.fail("limit", "must be a list of [[limit]] tables")
    limits = tuple(read_limit(reader, t, f"limit[{i}]") for i, t in enumerate(raw_limits))
    for i, period in enumerate(periods):
        for year in range(period.years.first, (period.years.last or last_year) + 1):
            for name in period.limits:
                if not any(x.id == name and year in x.years for x in limits):
                    raise reader.fail(f"period[{i}].limit", f"no [[limit]] {name!r} for {year}")
    schedules, contribution_limits = _read_amounts(reader, data, code)
    # Index the rules by (id, year) once: determine() looks them up many times per answer.
    by_year: dict[tuple[str, int], tuple[Rule, ...]] = {}
    for year in range(FIRST_TAX_YEAR, last_year + 1):
        for rule in rules:
            key = (rule.id, year)
            by_year.setdefault(key, ())
            if year in rule.years:
                by_year[key] = (*by_year[key], rule)
    return Jurisdiction(
        code=code,
        name=reader.text(data, "name", "file"),
        periods=periods,
        rules=rules,
        capital_losses=capital_losses,
        source=path.name,
        rules_by_year=MappingProxyType(by_year),
        limits=limits,
        refund=read_refund(reader, data.get("refund")),
        # determine() looks the period up several times per answer: index it by year once.
        periods_by_year=MappingProxyType(
            {y: p for p in periods for y in range(FIRST_TAX_YEAR, last_year + 1) if y in p.years}
        ),
        tax_schedules=schedules,
        contribution_limits=contribution_limits,
    )


def _read_amounts(
    reader: LawReader, data: Mapping[str, object], code: str
) -> tuple[tuple[TaxSchedule, ...], tuple[ContributionLimit, ...]]:
    """A state's [[tax_schedule]]s and the federal [[contribution_limit]]s, years not overlapping."""
    out: dict[str, tuple[object, ...]] = {}
    for key, read, wrong in (
        ("tax_schedule", read_schedule, code == FEDERAL),
        ("contribution_limit", read_contribution_limit, code != FEDERAL),
    ):
        raw = data.get(key, [])
        if not isinstance(raw, list):
            raise reader.fail(key, f"must be a list of [[{key}]] tables")
        if raw and wrong:
            raise reader.fail(
                key, "belongs in " + ("a state's file" if code == FEDERAL else "us.toml")
            )
        out[key] = tuple(read(reader, t, f"{key}[{i}]") for i, t in enumerate(raw))
    schedules: tuple[TaxSchedule, ...] = out["tax_schedule"]  # type: ignore[assignment]
    limits: tuple[ContributionLimit, ...] = out["contribution_limit"]  # type: ignore[assignment]
    one = frozenset({"schedule"})
    check_no_overlap(
        reader, [(f"tax_schedule[{i}]", one, s.years) for i, s in enumerate(schedules)]
    )
    check_no_overlap(
        reader, [(f"contribution_limit[{i}]", x.groups, x.years) for i, x in enumerate(limits)]
    )
    return schedules, limits


def load_law(directory: Path = LAW_DIR, today: datetime.date | None = None) -> Law:
    """Load every law file, check that federal plus all 51 jurisdictions are there."""
    last_year = last_tax_year(today)
    files = sorted(directory.glob("*.toml"))
    jurisdictions = {}
    digest = hashlib.sha256()
    for path in files:
        jurisdiction = parse_jurisdiction(path, last_year)
        jurisdictions[jurisdiction.code] = jurisdiction
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    missing = sorted({FEDERAL, *STATE_CODES} - set(jurisdictions))
    if missing:
        raise LawError(f"{directory}: no law file for {', '.join(missing)}")
    extra = sorted(set(jurisdictions) - {FEDERAL, *STATE_CODES})
    if extra:
        raise LawError(f"{directory}: unexpected law files for {', '.join(extra)}")
    last_reviewed = max(
        p.reviewed
        for j in jurisdictions.values()
        for p in (*j.periods, *j.rules, *j.tax_schedules, *j.contribution_limits)
    )
    version = f"{last_reviewed.isoformat()}.{digest.hexdigest()[:10]}"
    return Law(MappingProxyType(jurisdictions), version, last_reviewed)


@cache
def current_law() -> Law:
    """The law files as loaded once per process."""
    return load_law()
