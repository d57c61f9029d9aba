"""Words that depend on whether the money is still there (issue 20, item 10).

With money still in the account the tax year is never asked: the answer is for the year the last
of it would be paid out (or the investments sold), so the heading says so rather than "tax year".
The closing advice names only situations that differ from the answers given: telling someone who
said the accounts are open to see a professional "if accounts are still open" contradicts them.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from rules import AccountType, Answers, Determination


def _worded(answers: Answers, paid_out: str, sold: str, still_there: str) -> str:
    """One of three wordings of the year: paid out (a tax year), investments not yet sold, or
    money still in the accounts; each template takes %(year)s."""
    if answers.fully_liquidated:
        template = paid_out
    elif answers.account_type == AccountType.TAXABLE_BROKERAGE:
        template = sold
    else:
        template = still_there
    return template % {"year": answers.tax_year}


def heading(answers: Answers) -> str:
    """The result's heading: what the year means for these answers."""
    return _worded(
        answers,
        _("Your answer for tax year %(year)s"),
        _("Your answer if you sell in %(year)s"),
        _("Your answer if the last of the money is paid out in %(year)s"),
    )


def when(answers: Answers) -> str:
    """The year as the heading means it, in a few words: "tax year 2016", "if paid out in 2026"."""
    return _worded(
        answers,
        _("tax year %(year)s"),
        _("if sold in %(year)s"),
        _("if paid out in %(year)s"),
    )


def title(d: Determination) -> str:
    """The PDF's title: the year as the heading means it, and the state where there is one."""
    year_words = when(d.answers)
    if d.state.code:
        return _("Retirement account loss: %(when)s, %(state)s") % {
            "when": year_words,
            "state": d.state.name,
        }
    return _("Retirement account loss: %(when)s") % {"when": year_words}


def _other_situations(answers: Answers) -> list[str]:
    """Situations the answers did not describe, where the answer would be different."""
    out = []
    if not answers.inherited:
        out.append(_("an inherited account"))
    if not answers.rolled_over and answers.account_type != AccountType.TAXABLE_BROKERAGE:
        out.append(_("a rollover"))
    if answers.fully_liquidated:
        out.append(_("accounts still open"))
    return out


def professional_advice(answers: Answers) -> str:
    """When to see a tax professional, without contradicting what the user answered."""
    situations = _other_situations(answers)
    if len(situations) == 3:
        examples = _(" (%(first)s, %(second)s, or %(third)s)") % dict(
            zip(("first", "second", "third"), situations, strict=True)
        )
    elif len(situations) == 2:
        examples = _(" (%(first)s or %(second)s)") % dict(
            zip(("first", "second"), situations, strict=True)
        )
    else:
        examples = "".join(f" ({s})" for s in situations)
    if answers.fully_liquidated:
        advice = _(
            "See a tax professional before amending a return or if your situation differs "
            "from your answers%(examples)s."
        )
    elif answers.account_type == AccountType.TAXABLE_BROKERAGE:
        advice = _(
            "See a tax professional before you sell, or if your situation differs from your "
            "answers%(examples)s."
        )
    else:
        advice = _(
            "See a tax professional before the last of the money is paid out, or if your "
            "situation differs from your answers%(examples)s."
        )
    return advice % {"examples": examples}
