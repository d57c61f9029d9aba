"""The basis worksheet in words: each figure with the form and line it comes from.

The engine adds the figures up (rules.BasisWorksheet: basis = before + added, received = paid out
+ converted); this module labels them per account group, modelled on Form 8606 (Part I for
traditional IRAs, Part III for Roth IRAs) and Form 1099-R for plans. Page, PDF and API alike.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from interview.explanation.state_worksheet import WorksheetLine
from interview.formatting import money
from rules import AccountGroup, AccountType, BasisWorksheet, Determination, EarlierYear

ZERO = Decimal(0)
UNSETTLED = "lost_before_conversion_unsettled"


def _sources(group: AccountGroup, roth: bool) -> tuple[str, str, str]:
    """Where the first three figures come from: before, added, paid out."""
    match group:
        case AccountGroup.TRADITIONAL_IRAS:
            return _("Form 8606, line 2"), _("Form 8606, line 1"), _("Form 8606, line 7")
        case AccountGroup.ROTH_IRAS:
            return (
                _("Form 8606, Part III, lines 22 and 24 of the last year you filed it"),
                _("your records or Form 5498, box 10"),
                _("Form 1099-R, box 1, from every Roth IRA"),
            )
        case AccountGroup.INHERITED_IRA:
            return (
                _("Form 8606, Part III, of the person who died")
                if roth
                else _("line 14 of the last Form 8606 of the person who died"),
                _("none: an heir cannot add to an inherited IRA"),
                _("Form 1099-R, box 1"),
            )
    return (
        _("plan statement; Form 1099-R, box 5"),
        _("plan statement"),
        _("Form 1099-R, box 1"),
    )


def _labels(group: AccountGroup, year: int) -> tuple[str, str, str]:
    facts = {"year": year}
    match group:
        case AccountGroup.TRADITIONAL_IRAS:
            return (
                _("Basis from earlier years"),
                _("Nondeductible contributions for %(year)s") % facts,
                _("Paid out in %(year)s, earlier withdrawals included") % facts,
            )
        case AccountGroup.ROTH_IRAS:
            return (
                _("Roth basis at the start of %(year)s") % facts,
                _("Roth contributions for %(year)s") % facts,
                _("Paid out in %(year)s") % facts,
            )
        case AccountGroup.INHERITED_IRA:
            return (
                _("Basis of the person who died"),
                _("Added in %(year)s") % facts,
                _("Paid out in %(year)s") % facts,
            )
    return (
        _("After-tax money not yet recovered at the start of %(year)s") % facts,
        _("After-tax contributions in %(year)s") % facts,
        _("Paid out in %(year)s (the total distribution)") % facts,
    )


def basis_worksheet_lines(d: Determination) -> tuple[WorksheetLine, ...]:
    """The worksheet's lines, or none when the basis was given as one figure."""
    worksheet: BasisWorksheet | None = d.answers.basis_worksheet
    if worksheet is None:
        return ()
    group, year = d.federal.group, d.answers.tax_year
    before, added, paid = _labels(group, year)
    roth = d.answers.account_type is AccountType.ROTH_IRA
    source_before, source_added, source_paid = _sources(group, roth)
    if worksheet.earlier_years:  # no last Form 8606: the years listed above, added up
        source_before = (
            _("Form 8606, line 2: the years above, added up")
            if group is AccountGroup.TRADITIONAL_IRAS
            else _("the years above, added up")
        )
    traditional = group is AccountGroup.TRADITIONAL_IRAS
    lines = [*_parts(worksheet, group)]
    lines += [
        WorksheetLine(before, worksheet.basis_before_year, source_before),
        *(
            []
            if group is AccountGroup.INHERITED_IRA  # an heir cannot add to an inherited IRA
            else [WorksheetLine(added, worksheet.after_tax_added_in_year, source_added)]
        ),
        WorksheetLine(
            _("Your basis"), worksheet.basis, _("Form 8606, line 3") if traditional else ""
        ),
        WorksheetLine(paid, worksheet.paid_out_in_year, source_paid),
    ]
    if traditional:
        lines.append(
            WorksheetLine(
                _("Converted to a Roth IRA in %(year)s") % {"year": year},
                worksheet.converted_in_year,
                _("Form 8606, line 8"),
            )
        )
    lines.append(
        WorksheetLine(
            _("What you received"),
            worksheet.received,
            _("Form 8606, lines 7 and 8") if traditional else "",
        )
    )
    if traditional and d.answers.fully_liquidated and worksheet.basis > worksheet.received:
        lines.append(
            WorksheetLine(
                _("Basis left with every account empty"),
                worksheet.basis - worksheet.received,
                _("Form 8606, line 14"),
            )
        )
    return tuple(lines)


def _parts(worksheet: BasisWorksheet, group: AccountGroup) -> list[WorksheetLine]:
    """The basis from earlier years added up year by year, when no Form 8606 was at hand."""
    roth = group is AccountGroup.ROTH_IRAS
    lines = []
    for y in worksheet.earlier_years:
        facts = {"year": y.year}
        if y.added:
            lines.append(
                WorksheetLine(
                    _("Put into Roth IRAs in %(year)s") % facts
                    if roth
                    else _("Nondeductible contributions in %(year)s") % facts,
                    y.added,
                    _("contributions, conversions and Roth 401(k) rollovers")
                    if roth
                    else _("Form 8606, line 1, or Form 5498, box 1, less what was deducted"),
                )
            )
        if y.taken_out:
            beyond = y.beyond_basis
            note = (
                (
                    _("%(used)s of the %(taken)s taken out; the rest was earnings, not basis")
                    % {"used": money(y.basis_used), "taken": money(y.taken_out)}
                    if beyond
                    else _("payouts, and contributions returned or recharacterized")
                )
                if roth
                else _share_note(y)
            )
            lines.append(
                WorksheetLine(
                    _("Less basis taken out in %(year)s") % facts
                    if roth
                    else _("Less basis that came back tax-free in %(year)s") % facts,
                    -y.basis_used,
                    note,
                )
            )
    return lines


def _share_note(y: EarlierYear) -> str:
    """What a traditional IRA withdrawal did to the basis, in the Form 8606 share (lines 6-13):
    said in figures, since a person without Form 8606 never saw that share worked out."""
    facts = {
        "basis": money(y.basis_before_payout),
        "whole": money(y.whole),
        "value": money(y.value_at_year_end or ZERO),
        "year": y.year,
        "taken": money(y.taken_out),
        "used": money(y.basis_used),
    }
    if not y.value_at_year_end:
        return (
            _(
                "nothing was left in your IRAs at the end of %(year)s, so the %(taken)s taken out "
                "was your basis up to the %(basis)s there was (Form 8606, lines 6 to 13)"
            )
            % facts
        )
    if y.basis_used == y.taken_out:
        return (
            _(
                "your basis of %(basis)s was at least all your IRAs held (%(whole)s), so all of "
                "the %(taken)s came back tax-free (Form 8606, lines 6 to 13)"
            )
            % facts
        )
    share = (y.basis_before_payout / y.whole).quantize(Decimal("0.001"), ROUND_HALF_UP)
    return _(
        "basis %(basis)s ÷ %(whole)s (worth %(value)s at the end of %(year)s + %(taken)s "
        "taken out) = %(share)s: %(used)s of the %(taken)s was your own after-tax money; the "
        "rest was taxable (Form 8606, lines 6 to 13)"
    ) % {**facts, "share": share}


def needs_review(d: Determination) -> bool:
    """True where the sources conflict on the figures (a pre-2018 loss before a conversion)."""
    return any(s.code == UNSETTLED for s in d.federal.statements)


def california_basis_lines(d: Determination) -> tuple[WorksheetLine, ...]:
    """How the California basis was worked out, or nothing when it was given as one figure."""
    worksheet = d.answers.state_basis_worksheet
    if worksheet is None or d.answers.state_basis is None:
        return ()
    out = [WorksheetLine(_("Your federal basis"), d.answers.basis)]
    for y in worksheet.years:
        if y.not_deducted:
            out.append(
                WorksheetLine(
                    _("Deducted federally but not for California in %(year)s") % {"year": y.year},
                    y.not_deducted,
                    _("federal %(federal)s, California %(state)s")
                    % {"federal": money(y.federal), "state": money(y.state)},
                )
            )
    if worksheet.recovered:
        out.append(
            WorksheetLine(
                _("Less what came back tax-free for California in earlier years"),
                -min(worksheet.recovered, worksheet.not_deducted),
                _("Schedule CA (540), Part I, IRA distributions, column B"),
            )
        )
    out.append(
        WorksheetLine(
            _("Your California basis"),
            d.answers.state_basis,
            _("FTB Publication 1005, Worksheet I"),
        )
    )
    return tuple(out)
