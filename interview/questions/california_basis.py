"""California basis by year (FTB Publication 1005), for one's own traditional, SEP or SIMPLE IRAs.

Asked when the California basis is left blank: a table of the years California let you deduct
less than the federal return did, each with both deductions from the old returns, then how much
of the difference already came back tax-free for California. rules.StateBasisWorksheet adds it
up; the result page and the PDF show the lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interview.questions.fields import MoneyField
from interview.questions.step_form import StepForm
from interview.questions.year_table import TableWords, YearTableForm, figures_by_year
from rules import AccountType, DeductionYear, StateBasisWorksheet, current_law

STATE = "CA"
YEARS_STEP = "ca_years"
RECOVERED_STEP = "ca_recovered"
OWN_TRADITIONAL = {AccountType.TRADITIONAL_IRA, AccountType.SEP_IRA, AccountType.SIMPLE_IRA}
# The stored answers' names for a year's two deductions: ca_y1984_fed, ca_y1984_state.
YEAR_KEY = re.compile(r"^ca_y(?P<year>\d{4})_(?P<side>fed|state)$")

SMALLER_DEDUCTION_RULE = "ira_deduction_smaller"  # ca.toml: the years, each with its heading


def eras() -> list[tuple[str, tuple[int, ...]]]:
    """The years California's IRA deduction could be smaller than the federal one, each span
    under the rule of the time (law data: ca.toml)."""
    rules = [r for r in current_law().jurisdictions[STATE].rules if r.id == SMALLER_DEDUCTION_RULE]
    return [
        (r.statement, tuple(range(r.years.first, (r.years.last or r.years.first) + 1)))
        for r in sorted(rules, key=lambda r: r.years.first)
    ]


def year_spans() -> str:
    """The years as words: "1975, 1982–1986, 1987–1995 and 2007–2009"."""
    spans = [f"{y[0]}–{y[-1]}" if len(y) > 1 else str(y[0]) for _heading, y in eras()]
    return (
        spans[0]
        if len(spans) == 1
        else _("%(first)s and %(last)s")
        % {
            "first": ", ".join(spans[:-1]),
            "last": spans[-1],
        }
    )


TEXT = TableWords(
    _("Your California basis, year by year"),
    _(
        "In these years California could let you deduct less for an IRA than your federal "
        "return did. From each year's returns, enter the IRA deduction on the federal return "
        "(Form 1040) and on the California return (Form 540 and its schedules). Leave both "
        "blank for a year with no IRA contribution or the same deduction on both."
    ),
    (_("Deducted federally"), _("Deducted for California")),
)


def applies(account_type: str | None, inherited: bool, state: str | None) -> bool:
    """California, and one's own traditional, SEP or SIMPLE IRAs."""
    return state == STATE and account_type in OWN_TRADITIONAL and not inherited


class CaliforniaYearsForm(YearTableForm):
    columns = ("fed", "state")
    stored_prefix = "ca_"

    def __init__(self, *args: object, tax_year: int | None = None, **kw: object) -> None:
        # Each group under the law's sentence for its years, in the reader's language.
        groups = [
            (gettext(heading), [y for y in years if tax_year and y < tax_year])
            for heading, years in eras()
        ]
        groups = [(heading, years) for heading, years in groups if years]
        super().__init__(*args, text=TEXT, groups=groups, **kw)  # type: ignore[arg-type]


class CaliforniaRecoveredForm(StepForm):
    ca_recovered = MoneyField(
        label=_("How much of that came back to you tax-free for California in earlier years?"),
        help_text=_(
            "Earlier payouts from these IRAs: what was subtracted on Schedule CA (540), Part I, "
            "IRA distributions, column B (California basis from before 1987 comes out first). "
            "Like 1,500. Blank for none."
        ),
        required=False,
        example="1,500",
    )


STEPS = ((YEARS_STEP, CaliforniaYearsForm), (RECOVERED_STEP, CaliforniaRecoveredForm))


def not_deducted(figures: Mapping[str, object]) -> Decimal:
    """What the years add up to (from raw or stored answers; a bad figure counts as none)."""
    return worksheet_from(figures).not_deducted


def worksheet_from(figures: Mapping[str, object]) -> StateBasisWorksheet:
    zero = Decimal(0)
    return StateBasisWorksheet(
        tuple(
            DeductionYear(year, f.get("fed", zero), f.get("state", zero))
            for year, f in figures_by_year(figures, YEAR_KEY, _amount).items()
        ),
        _amount(figures.get("ca_recovered")) or zero,
    )


def _amount(value: object) -> Decimal | None:
    if isinstance(value, list):  # raw step data keeps a list per field
        value = value[0] if value else None
    try:
        return MoneyField().clean(value)
    except ValidationError:  # a figure that does not parse counts as none here; its page says why
        return None
