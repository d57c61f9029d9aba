""" "What would change this result", in words: only changes the engine says would change it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from rules import Change, Determination
from rules import what_would_change as changes_for


def _where(change: Change, state: str | None) -> str:
    """Where a change would count; `state` None when no state was asked (none could change it)."""
    if change.federal and change.state:
        if state is None:
            return _("on your federal and state returns")
        return _("on your federal and %(state)s returns") % {"state": state}
    if change.federal:
        return _("on your federal return")
    if state is None:
        return _("on your state return")
    return _("on your %(state)s return") % {"state": state}


def what_would_change(d: Determination) -> tuple[str, ...]:
    state, year = d.state.name, d.answers.tax_year
    out = []
    for change in changes_for(d):
        facts = {
            "where": _where(change, state if d.state.code else None),
            "year": year,
            "state": state,
        }
        match change.code:
            case "find_basis":
                text = _(
                    "Finding after-tax money you had forgotten (a Form 8606 you filed, or box 5 of a Form 1099-R from the plan) would make the shortfall a loss that counts %(where)s."
                )
            case "find_state_basis":
                text = _(
                    "Contributions %(state)s taxed when the federal return did not are your %(state)s basis: if you had them, the shortfall may count %(where)s."
                )
            case "pay_out_all":
                text = _(
                    "Having every account of this kind paid out to you in %(year)s for less than your basis would create a loss that counts %(where)s. A payout in a later year falls under that year's law."
                )
            case "receive_less":
                text = _(
                    "If you in fact got back less than your basis (check box 1 of each Form 1099-R), the shortfall would count %(where)s."
                )
            case "agi_floor":
                text = _(
                    "Your adjusted gross income sets the 2%% floor %(where)s: a lower AGI means more of the loss counts, and other miscellaneous deductions that year share the same floor."
                )
            case "itemize":
                text = _(
                    "The loss helps on your federal return only if you itemize; with the standard deduction it gives no benefit."
                )
            case "new_federal_law":
                text = _("Only a new law from Congress would change the federal answer.")
            case "sell_below_cost":
                text = _(
                    "Selling for less than you paid creates a capital loss in the year of the sale."
                )
            case _:  # pragma: no cover - every code of rules.Change has a sentence (tested)
                continue
        out.append(text % facts)
    if not out and not d.state.code:
        out.append(
            _(
                "Nothing in your answers could change this result for %(year)s: neither your federal return nor any state's allows this loss."
            )
            % facts_for(d)
        )
    elif not out:
        out.append(
            _(
                "Nothing in your answers could change this result for %(year)s: neither your federal nor your %(state)s return allows this loss."
            )
            % facts_for(d)
        )
    return tuple(out)


def facts_for(d: Determination) -> dict[str, object]:
    return {"year": d.answers.tax_year, "state": d.state.name}
