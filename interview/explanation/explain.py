"""explain(): the one source of every sentence the page, the PDF, the API and the CLI show.

The engine returns codes, figures and the law's own statements; this module turns them into
translated sentences. A sentence that appears in only one output is a bug.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from interview.explanation import open_accounts
from interview.explanation.basis_worksheet import basis_worksheet_lines, california_basis_lines
from interview.explanation.basis_worksheet import needs_review as basis_needs_review
from interview.explanation.changes import what_would_change
from interview.explanation.pictures import Bar, Timeline, basis_bar, timeline
from interview.explanation.state_worksheet import (
    WorksheetLine,
    state_headline,
    state_next_steps,
    state_worksheet,
)
from interview.formatting import money
from rules import Citation, Determination, FederalReason, Statement, Years

KINDS = ("reason", "note", "myth", "next_step", "plan")  # plan: the planner (issue 21)


@dataclass(frozen=True)
class Sentence:
    code: str
    kind: str
    text: str
    years: Years
    years_label: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Explanation:
    rules_version: str
    heading: str  # what the year means: "tax year 2020", or "if paid out in 2026" (open_accounts)
    title: str  # the PDF's title, the year worded as in the heading
    when: str  # the year alone, as the heading means it: "tax year 2020", "if paid out in 2026"
    federal_headline: str
    state_headline: str
    federal: tuple[Sentence, ...]
    state: tuple[Sentence, ...]
    worksheet: tuple[WorksheetLine, ...]
    what_would_change: tuple[str, ...]
    next_steps: tuple[str, ...]
    unsure: tuple[str, ...] = field(default=())
    state_worksheet: tuple[WorksheetLine, ...] = field(default=())
    basis_worksheet: tuple[WorksheetLine, ...] = field(default=())
    state_basis_worksheet: tuple[WorksheetLine, ...] = field(default=())
    basis_needs_review: bool = False
    timeline: Timeline | None = None
    bar: Bar | None = None

    def federal_of(self, kind: str) -> tuple[Sentence, ...]:
        return tuple(s for s in self.federal if s.kind == kind)

    @property
    def reasons(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.federal if s.kind in ("reason", "note"))

    @property
    def myths(self) -> tuple[Sentence, ...]:
        return self.federal_of("myth")

    @property
    def records(self) -> tuple[Sentence, ...]:
        return self.federal_of("next_step")


class _Facts(dict[str, str]):
    """Leaves an unknown {placeholder} as it is instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format_fact(key: str, value: object) -> str:
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


def years_label(years: Years) -> str:
    if years.last is None:
        return _("Tax years %(first)s onward") % {"first": years.first}
    if years.first == years.last:
        return _("Tax year %(first)s") % {"first": years.first}
    return _("Tax years %(first)s–%(last)s") % {"first": years.first, "last": years.last}


def sentence(statement: Statement) -> Sentence:
    facts = _Facts({key: _format_fact(key, value) for key, value in statement.facts})
    # The law's statement goes through gettext too, so a translation catalogue can carry it.
    template = _(statement.text)
    text = string.Formatter().vformat(template, (), facts)
    return Sentence(
        code=statement.code,
        kind=statement.kind,
        text=text,
        years=statement.years,
        years_label=years_label(statement.years),
        citations=statement.citations,
    )


def _sentences(statements: Iterable[Statement]) -> tuple[Sentence, ...]:
    return tuple(sentence(s) for s in statements)


def federal_headline(d: Determination) -> str:
    f, year = d.federal, d.answers.tax_year
    loss = money(f.loss) if f.loss is not None else ""
    match f.reason:
        case FederalReason.NO_BASIS:
            return _(
                "No. Without after-tax money in these accounts there is no loss to claim on your federal return."
            )
        case FederalReason.NOT_FULLY_LIQUIDATED:
            return _not_yet_headline(f.regime, year)
        case FederalReason.NO_LOSS:
            return _(
                "No. You got back at least the after-tax money you put in, so there is no loss to claim."
            )
        case FederalReason.ALLOWED_MISC_ITEMIZED:
            return _(
                "Yes, for %(year)s: your loss of %(loss)s was deductible on your federal return as a miscellaneous itemized deduction, above a 2%%-of-income floor."
            ) % {"year": year, "loss": loss}
        case FederalReason.SUSPENDED_2018_2025:
            return _(
                "No. You have a loss of %(loss)s, but for %(year)s federal law does not allow this deduction (suspended for 2018–2025)."
            ) % {"year": year, "loss": loss}
        case FederalReason.REPEALED_2026_ONWARD:
            return _(
                "No. You have a loss of %(loss)s, but from 2026 federal law permanently disallows this deduction."
            ) % {"loss": loss}
        case FederalReason.CAPITAL_LOSS if f.deductible:
            return _(
                "Yes: your loss of %(loss)s is a capital loss, deductible against gains and up to $3,000 a year of other income."
            ) % {"loss": loss}
        case _:
            return _(
                "No capital loss: a fall in value counts only when you sell for less than you paid."
            )


def _not_yet_headline(regime: FederalReason | None, year: int) -> str:
    """Accounts still open: say what paying them out would and would not do federally."""
    if regime is FederalReason.SUSPENDED_2018_2025:
        return _(
            "No. There is no loss until every account of this kind has been paid out, and even then federal law does not allow this deduction for %(year)s (suspended for 2018–2025)."
        ) % {"year": year}
    if regime is FederalReason.REPEALED_2026_ONWARD:
        return _(
            "No. There is no loss until every account of this kind has been paid out, and even then federal law no longer allows this deduction (permanently, from 2026)."
        ) % {"year": year}
    return _(
        "Not yet. There is no loss for tax purposes until every account of this kind has been paid out to you; for %(year)s, a loss then was a miscellaneous itemized deduction above 2%% of AGI."
    ) % {"year": year}


def worksheet(d: Determination) -> tuple[WorksheetLine, ...]:
    a, f = d.answers, d.federal
    brokerage = f.reason is FederalReason.CAPITAL_LOSS
    if brokerage and f.loss is None and a.basis == 0:
        return ()  # nothing sold: no cost or proceeds were asked
    lines = [
        WorksheetLine(
            _("What you paid (cost basis)")
            if brokerage
            else _("After-tax money not yet recovered (basis)"),
            a.basis,
            "" if brokerage else _("Form 8606 or Form 1099-R box 5"),
        )
    ]
    if a.total_distributions is not None:
        lines.append(
            WorksheetLine(
                _("What you received"),
                a.total_distributions,
                _("Form 1099-B") if brokerage else _("Form 1099-R box 1"),
            )
        )
    if f.loss is not None:
        lines.append(WorksheetLine(_("Loss (basis minus what you received)"), f.loss))
    if f.floor is not None and f.deductible_after_floor is not None:
        # xgettext:no-python-format (a plain %, never %-formatted)
        floor = _("2% of your adjusted gross income (the floor)")
        lines.append(WorksheetLine(floor, f.floor, _("Schedule A")))
        lines.append(
            WorksheetLine(_("Loss left after the floor"), f.deductible_after_floor, f.form_line)
        )
    if f.overall_limit_applies:  # IRC 68, as the Schedule A instructions' worksheet does it
        cut = f.overall_limit_cut
        lines += [
            WorksheetLine(
                _("Less the overall limit on itemized deductions (§68)"),
                None if cut is None else -cut,
                _("Itemized Deductions Worksheet, Schedule A instructions")
                if cut is not None
                else _("needs your filing status"),
            ),
            WorksheetLine(_("Loss left after the overall limit"), f.after_overall_limit),
        ]
    if f.capital_loss_this_year is not None:
        lines.append(
            WorksheetLine(
                _("Deductible against other income this year"),
                f.capital_loss_this_year,
                _("Schedule D, line 21"),
            )
        )
        lines.append(
            WorksheetLine(_("Carried forward to next year"), f.capital_loss_carryover or Decimal(0))
        )
    return tuple(lines)


def next_steps(d: Determination) -> tuple[str, ...]:
    f, _s = d.federal, d.state
    out: list[str] = []
    if f.reason is FederalReason.ALLOWED_MISC_ITEMIZED:
        out.append(
            _(
                "If you claimed it, keep the records below. If you did not, check with a tax professional whether a refund claim is still possible; it is usually too late."
            )
        )
    elif f.reason is FederalReason.CAPITAL_LOSS and f.deductible:
        out.append(
            _("Report the sale on Form 8949 and Schedule D, and carry any unused loss forward.")
        )
    else:
        out.append(_("There is nothing to claim for this on your federal return."))
    out += state_next_steps(d)
    out.append(open_accounts.professional_advice(d.answers))
    return tuple(out)


def unsure_sentences(unsure: Iterable[str]) -> tuple[str, ...]:
    out = []
    for key in unsure:
        if key == "has_basis":
            out.append(
                _(
                    "You were not sure whether you had after-tax money, so we assumed none. Look for a Form 8606 you filed (IRAs) or box 5 of a Form 1099-R (workplace plans); if you find basis, change your answer."
                )
            )
        elif key == "fully_liquidated":
            out.append(
                _(
                    "You were not sure whether every account was paid out, so we assumed not. Check that each account's year-end statement shows $0; if so, change your answer."
                )
            )
    return tuple(out)


def assumed_headline(headline: str, unsure: Iterable[str]) -> str:
    """After "I'm not sure", the headline says it rests on an assumption (as the IRS's
    Interactive Tax Assistant says "based on your answers")."""
    if not tuple(unsure):
        return headline
    return _("Based on your answers and what we assumed (see below): %(headline)s") % {
        "headline": headline
    }


def explain(d: Determination, unsure: Iterable[str] = ()) -> Explanation:
    unsure = tuple(unsure)
    return Explanation(
        rules_version=d.rules_version,
        heading=open_accounts.heading(d.answers),
        title=open_accounts.title(d),
        when=open_accounts.when(d.answers),
        federal_headline=assumed_headline(federal_headline(d), unsure),
        state_headline=state_headline(d),
        federal=_sentences(d.federal.statements),
        state=_sentences(d.state.statements),
        worksheet=worksheet(d),
        state_worksheet=state_worksheet(d),
        basis_worksheet=basis_worksheet_lines(d),
        state_basis_worksheet=california_basis_lines(d),
        basis_needs_review=basis_needs_review(d),
        what_would_change=what_would_change(d),
        next_steps=next_steps(d),
        unsure=unsure_sentences(unsure),
        timeline=timeline(d) if d.federal.reason is not FederalReason.CAPITAL_LOSS else None,
        bar=basis_bar(d),
    )
