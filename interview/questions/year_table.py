"""A question page that is a table: one row per year, two or three amounts, a blank box for none.

Used for the basis from earlier years (basis_years.py) and California's basis by year
(california_basis.py). Rows may come in groups under a heading (the years a rule covered). The
page is asked again when the years it was answered for are no longer the years asked (the first
year or the tax year changed): a hidden field carries the span asked, always rendered current.
Each error names its year and column, since the summary lists them apart from the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.forms import BoundField
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from interview.questions.fields import MoneyField
from interview.questions.step_form import FixedHiddenInput, StepForm


@dataclass(frozen=True)
class YearRow:
    year: int
    fields: tuple[BoundField, ...]


@dataclass(frozen=True)
class YearGroup:
    heading: str | Promise | None
    rows: list[YearRow]


@dataclass(frozen=True)
class TableWords:
    title: Promise
    hint: Promise
    headings: tuple[Promise, ...]  # the amount columns, one per entry of the form's `columns`


class YearTableForm(StepForm):
    """Subclasses set `columns` (field suffixes), `stored_prefix`, and give words and groups."""

    is_year_table = True  # question.html draws it with partials/_years_table.html
    columns: tuple[str, ...] = ("in", "out")
    stored_prefix = ""  # the stored answers' names: f"{stored_prefix}y{year}_{column}"

    def __init__(
        self, *args: object, text: TableWords, groups: list[tuple[object, list[int]]], **kw: object
    ) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.text = text
        self._groups = groups
        years = [year for _heading, group in groups for year in group]
        self.span = f"{years[0]}-{years[-1]}" if years else ""
        self.fields["years"] = forms.CharField(
            required=False, max_length=9, widget=FixedHiddenInput(self.span)
        )
        for year in years:
            for column, heading in zip(self.columns, text.headings, strict=True):
                self.fields[f"y{year}_{column}"] = MoneyField(
                    required=False, label=_("%(year)s, %(what)s") % {"year": year, "what": heading}
                )

    def groups(self) -> list[YearGroup]:
        return [
            YearGroup(
                heading,  # type: ignore[arg-type]
                [YearRow(y, tuple(self[f"y{y}_{c}"] for c in self.columns)) for y in years],  # type: ignore[arg-type]
            )
            for heading, years in self._groups
        ]

    def full_clean(self) -> None:
        super().full_clean()
        for name, errors in list(self.errors.items()):
            if name in self.fields and name != "years":
                label = self.fields[name].label
                self.errors[name] = self.error_class([f"{label}: {e}" for e in errors])

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        if cleaned.pop("years", None) != self.span:
            raise forms.ValidationError(
                _("The years changed: check each year's amounts again."), code="years_changed"
            )
        return {f"{self.stored_prefix}{name}": value for name, value in cleaned.items()}


def figures_by_year(
    answers: Mapping[str, object],
    key: re.Pattern[str],
    amount: Callable[[object], Decimal | None],
) -> dict[int, dict[str, Decimal]]:
    """{year: {column: amount}} from answers named like `key` (a year left blank is left out)."""
    years: dict[int, dict[str, Decimal]] = {}
    for name, value in answers.items():
        match = key.match(name)
        figure = amount(value) if match else None
        if match and figure:
            years.setdefault(int(match["year"]), {})[match["side"]] = figure
    return dict(sorted(years.items()))
