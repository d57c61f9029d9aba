"""The state part in words: the headline, the state worksheet and the state's next step.

Every figure comes from the engine's StateAmounts; this module only words it, so the page,
the PDF, the API and the CLI say the same thing (they all reach it through explain()).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from interview.explanation.law_words import law_text
from interview.explanation.state_unsettled import counts_label, unsettled_headline
from interview.formatting import money
from rules import Determination, StateAmounts, StateStatus, current_law

NOT_KNOWN = "—"


@dataclass(frozen=True)
class WorksheetLine:
    """One line of a worksheet: what it is, the amount (None: not known) and where it goes."""

    label: str
    value: Decimal | None
    note: str = ""

    @property
    def amount(self) -> str:
        return NOT_KNOWN if self.value is None else money(self.value)


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f}%"


def state_headline(d: Determination) -> str:
    s = d.state
    if not s.code:  # not asked: no state could change the answer
        return _("No state allows it either, so we did not ask which state you live in.")
    facts = {"state": s.name, "year": d.answers.tax_year}
    match s.status:
        case StateStatus.NO_INCOME_TAX:
            return (
                _(
                    "%(state)s had no income tax on this in %(year)s, so there is nothing to claim there."
                )
                % facts
            )
        case StateStatus.DEDUCTIBLE if s.amounts is None:  # a brokerage account's capital loss
            return _(
                "%(state)s: yes — the capital loss of %(loss)s counts under %(state)s's own capital-loss rules (see below)."
            ) % {**facts, "loss": money(s.loss or Decimal(0))}
        case StateStatus.DEDUCTIBLE:
            assert s.amounts is not None
            text = _deductible_headline(s.name, s.form_line, s.amounts)
            if s.refund_window is not None and s.refund_window.likely_passed:
                text += (
                    " "
                    + _("The time to claim a refund for %(year)s has likely passed (see below).")
                    % facts
                )
            return text
        case StateStatus.NEEDS_REVIEW:
            return unsettled_headline(d)
    if s.reason == "not_fully_liquidated":
        if s.if_paid_out is StateStatus.DEDUCTIBLE:
            return (
                _(
                    "%(state)s: not yet. If every account of this kind is paid out to you for less than your basis, %(state)s allows the loss for %(year)s."
                )
                % facts
            )
        if s.if_paid_out is StateStatus.NEEDS_REVIEW:
            return (
                _(
                    "%(state)s: not yet, and not settled: there is no loss until every account is paid out, and for %(year)s the sources do not say whether %(state)s would allow it."
                )
                % facts
            )
        return (
            _(
                "%(state)s: no. Paying out every account would not make the loss deductible on your %(year)s %(state)s return either."
            )
            % facts
        )
    return _("%(state)s: no, the loss cannot be claimed on your %(year)s state return.") % facts


def _deductible_headline(name: str, form_line: str, a: StateAmounts) -> str:
    facts = {
        "state": name,
        "loss": money(a.loss),
        "line": form_line,
        "floor": money(a.floor) if a.floor is not None else "",
        "counts": money(a.counts) if a.counts is not None else "",
        "percent": _percent(a.floor_percent) if a.floor_percent is not None else "",
    }
    if a.counts is None and a.after_floor is None:
        return (
            _(
                "%(state)s: yes — the part of the %(loss)s loss above %(percent)s of your AGI counts on %(line)s."
            )
            % facts
        )
    if a.counts is None and not a.needs_filing_status:  # the year's thresholds are not known
        return (
            _(
                "%(state)s: yes — the loss counts on %(line)s, but %(state)s's limit on itemized deductions may reduce it by an amount we could not work out (see below)."
            )
            % facts
        )
    if a.counts is None:
        return (
            _(
                "%(state)s: yes — the loss counts on %(line)s, but %(state)s's limit on itemized deductions may reduce it; we need your filing status to work it out (see below)."
            )
            % facts
        )
    if a.counts == 0 and a.limit_steps and (a.after_floor or 0) > 0:
        return (
            _(
                "%(state)s: the loss is allowed, but at your income %(state)s's limit on itemized deductions leaves none of it (see below)."
            )
            % facts
        )
    if a.counts == 0:
        return (
            _(
                "%(state)s: the loss is allowed, but none of it counts: the %(loss)s loss is not more than the %(floor)s floor (%(percent)s of your AGI)."
            )
            % facts
        )
    if a.floor is None:
        return _("%(state)s: yes — the loss of %(loss)s counts on %(line)s.") % facts
    if a.share_percent is not None or a.limit_reduction:
        return (
            _(
                "%(state)s: yes — %(counts)s of the %(loss)s loss counts on %(line)s, after the %(floor)s floor and %(state)s's limits (see the amounts)."
            )
            % facts
        )
    return (
        _(
            "%(state)s: yes — %(counts)s of the %(loss)s loss counts on %(line)s, above the %(floor)s floor."
        )
        % facts
    )


def state_worksheet(d: Determination) -> tuple[WorksheetLine, ...]:
    """The state's own lines: shown when the state uses its own basis or allows the loss."""
    s, a = d.state, d.answers
    lines: list[WorksheetLine] = []
    if s.used_state_basis and a.state_basis is not None:
        lines.append(
            WorksheetLine(
                _("Your %(state)s basis") % {"state": s.name},
                a.state_basis,
                _("contributions %(state)s taxed") % {"state": s.name},
            )
        )
    amounts = s.amounts
    if amounts is None:
        if s.loss is not None and (s.used_state_basis or s.loss != d.federal.loss):
            lines.append(WorksheetLine(_("Loss for %(state)s") % {"state": s.name}, s.loss))
        return tuple(lines)
    lines.append(
        WorksheetLine(
            _("Loss for %(state)s") % {"state": s.name},
            amounts.loss,
            _("basis minus what you received"),
        )
    )
    if amounts.floor_percent is not None:
        lines += _floor_lines(s.name, amounts)
    federal, state_limits = _limit_lines(d, amounts)
    lines += federal  # inside the federal total the state starts from: before any share
    if amounts.share_percent is not None:
        lines.append(
            WorksheetLine(
                _("%(percent)s of that counts in %(state)s")
                % {"percent": _percent(amounts.share_percent), "state": s.name},
                amounts.after_share,
            )
        )
    lines += state_limits
    lines.append(
        WorksheetLine(
            counts_label(s),
            amounts.counts,
            s.form_line,
        )
    )
    return tuple(lines)


def _floor_lines(name: str, a: StateAmounts) -> list[WorksheetLine]:
    assert a.floor_percent is not None
    if a.agi is None:
        return [
            WorksheetLine(
                _("The floor: %(percent)s of your AGI") % {"percent": _percent(a.floor_percent)},
                None,
                _("we did not have your AGI"),
            )
        ]
    agi_note = (
        _("your federal AGI, used in place of your %(state)s AGI: use that figure if you have it")
        % {"state": name}
        if a.agi_is_federal_stand_in
        else ""
    )
    return [
        WorksheetLine(_("Adjusted gross income (AGI)"), a.agi, agi_note),
        WorksheetLine(
            _("The floor: %(percent)s of AGI") % {"percent": _percent(a.floor_percent)},
            a.floor,
        ),
        WorksheetLine(_("Loss above the floor"), a.after_floor),
    ]


def _limit_lines(d: Determination, amounts: StateAmounts) -> tuple[list[WorksheetLine], ...]:
    """A line for each limit that reaches the AGI, in the form's order: federal, then state."""
    s, law = d.state, current_law().jurisdictions[d.state.code]
    federal: list[WorksheetLine] = []
    lines: list[WorksheetLine] = []
    for limit_id, cut in amounts.limit_steps:
        limit = law.limit_for(limit_id, d.answers.tax_year)
        label = law_text(limit.label) if limit is not None else ""
        if cut is not None:
            note = _("see the limit below")
        elif amounts.needs_filing_status or amounts.agi is None:
            note = _("needs your filing status and AGI")
        else:
            note = _("could not be worked out (see below)")
        is_federal = limit is not None and limit.kind == "federal_overall_limit"
        (federal if is_federal else lines).append(
            WorksheetLine(
                label or _("Less %(state)s's limit on itemized deductions") % {"state": s.name},
                None if cut is None else -cut,
                note,
            )
        )
    return federal, lines


def state_next_steps(d: Determination) -> tuple[str, ...]:
    s = d.state
    facts = {"state": s.name, "year": d.answers.tax_year, "line": s.form_line}
    out = []
    amounts = s.amounts
    if s.status is StateStatus.NEEDS_REVIEW:
        out.append(
            _("Ask a tax professional who prepares %(state)s returns about the state answer.")
            % facts
        )
    elif s.status is not StateStatus.DEDUCTIBLE:
        return ()
    elif amounts is not None and amounts.counts is not None and amounts.counts == 0:
        out.append(_("There is nothing to claim on your %(state)s return.") % facts)
    else:
        out.append(
            _("Claim the loss on your %(year)s %(state)s return: %(line)s, itemizing there.")
            % facts
        )
    window = s.refund_window
    if window is not None:
        # Translators: a deadline in Django's date format letters (F: the month's name, j: the
        # day, Y: the year), like "April 15, 2027"; a backslash keeps a letter as a letter.
        written = pgettext("refund deadline", "F j, Y")
        facts |= {"deadline": date_format(window.deadline, written), "years": window.years}
        # gettext's plural forms take a whole number: 3.5 years counts as 4 (plural).
        count = math.ceil(window.years)
        if window.likely_passed:
            out.append(
                ngettext(
                    "The time to claim a refund on an amended %(year)s %(state)s return has likely passed: %(state)s allows %(years)s year from the due date (about %(deadline)s). A tax professional can tell you whether an exception applies.",
                    "The time to claim a refund on an amended %(year)s %(state)s return has likely passed: %(state)s allows %(years)s years from the due date (about %(deadline)s). A tax professional can tell you whether an exception applies.",
                    count,
                )
                % facts
            )
        else:
            out.append(
                ngettext(
                    "If you have already filed for %(year)s, you can still amend: %(state)s allows %(years)s year from the due date, so until about %(deadline)s.",
                    "If you have already filed for %(year)s, you can still amend: %(state)s allows %(years)s years from the due date, so until about %(deadline)s.",
                    count,
                )
                % facts
            )
    return tuple(out)
