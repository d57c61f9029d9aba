"""The law's cited statements that apply to one answer, collected with the figures they mention."""

from __future__ import annotations

from ._law import Jurisdiction, Rule
from ._model import AccountGroup, Statement

_FIXED: dict[tuple[int, str], tuple[Rule, Statement]] = {}
_SETS: dict[tuple[object, ...], tuple[Jurisdiction, tuple[Statement, ...]]] = {}


def _fixed(rule: Rule, rule_id: str, kind: str) -> Statement:
    """The one Statement of a rule whose text mentions no figure (kept per rule and kind)."""
    cached = _FIXED.get((id(rule), kind))
    if cached is None or cached[0] is not rule:  # an id can be reused by a later law load
        cached = (rule, Statement(rule_id, rule.statement, rule.years, rule.citations, (), kind))
        _FIXED[(id(rule), kind)] = cached
    return cached[1]


class Statements:
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
