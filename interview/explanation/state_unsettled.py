"""Words for a state answer the sources do not settle, worked as if the state allowed it.

An unsettled answer must not be a dead end (issue 20, item 8): the person sees what would count
if the state allows the loss, labelled as such, while the law file's `rests_on` says when and
where the state will say, and the refund window says how long an amended return stays possible.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from interview.formatting import money
from rules import Determination, StateOutcome, StateStatus


def unsettled_headline(d: Determination) -> str:
    s = d.state
    facts = {"state": s.name, "year": d.answers.tax_year}
    text = (
        _(
            "%(state)s: not settled for %(year)s. The sources do not give a clear answer (see below); ask a tax professional who prepares %(state)s returns."
        )
        % facts
    )
    counts = s.amounts.counts if s.amounts is not None else None
    if counts is not None:
        text += " " + _(
            "If %(state)s allows it, %(amount)s would count on your %(state)s return (worked out below)."
        ) % {**facts, "amount": money(counts)}
    return text


def counts_label(s: StateOutcome) -> str:
    """The worksheet's last line: plainly conditional while the state has not said."""
    if s.status is StateStatus.NEEDS_REVIEW:
        return _("Would count on your %(state)s return if %(state)s allows it") % {"state": s.name}
    return _("Counts on your %(state)s return") % {"state": s.name}
