"""The state's own adjusted gross income: asked after the federal one where the state's 2% floor
is a share of the state's AGI (the law files' periods with `floor_agi = "state"`; when it is
asked is interview.questions.conditions.asks_state_agi).

A blank answer is allowed: the federal AGI then stands in, and the state worksheet says so.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interview.questions.fields import MoneyField
from interview.questions.step_form import StepForm
from rules import current_law

STEP = "state_agi"

# Where the state's AGI is on its resident return: the line its 2% floor is taken from.
# Line numbers move between years, so only Hawaii's (line 20 on every N-11 the worksheet cites)
# is given; the others name the form and the figure. Sources: Form N-11 instructions,
# Worksheet A-6 line 27 ("Form N-11, line 20 (Hawaii AGI)"); Alabama Schedule A (Form 40)
# line 23 ("Multiply the amount on Form 40 line 10 by 2%", 2013); Arkansas Form AR3 line 23
# ("Enter amount from Form AR1000F/AR1000NR Line 24", 2012); Montana Form 2 Schedule III
# line 2 ("Enter the amount from Form 2, line 41", 2008 and 2014).
WHERE: dict[str, object] = {
    "HI": _("It is on your Hawaii return, Form N-11, line 20 (Hawaii adjusted gross income)."),
    "AL": _(
        # xgettext:no-python-format (a plain %, never %-formatted)
        "It is on your Alabama return, Form 40, page 1: the adjusted gross income line that "
        "Schedule A takes its 2% from."
    ),
    "AR": _(
        # xgettext:no-python-format (a plain %, never %-formatted)
        "It is on your Arkansas return, Form AR1000F (AR1000NR if you lived there part of the "
        "year): the adjusted gross income line that Form AR3 takes its 2% from."
    ),
    "MT": _(
        "It is on your Montana return, Form 2: Montana adjusted gross income, the line that "
        "Schedule III takes its floors from."
    ),
}


def where_to_find(code: str, name: str) -> str:
    """The hint's first sentence: the form and line where they are known, else the state's return."""
    found = WHERE.get(code)
    if found is not None:
        return str(found)
    return str(
        _("It is on your %(state)s return: the line for %(state)s adjusted gross income.")
        % {"state": name}
    )


class StateAgiForm(StepForm):
    state_agi = MoneyField(
        label=_("What was your state's adjusted gross income that year?"),
        required=False,
        example="58,000",
    )

    def __init__(
        self,
        *args: object,
        state: str | None = None,
        tax_year: object = None,
        **kwargs: object,
    ) -> None:
        jurisdiction = current_law().jurisdictions.get(state or "")
        self.state_code = state or ""
        # The state's name as the law's catalog says it in the reader's language.
        self.state_name = gettext(jurisdiction.name) if jurisdiction else ""
        self.tax_year = tax_year
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def word_fields(self) -> None:
        if not self.state_name or not self.tax_year:
            return
        facts = {"state": self.state_name, "year": self.tax_year}
        field = self.fields["state_agi"]
        field.label = _("What was your %(state)s adjusted gross income for %(year)s?") % facts
        field.help_text = " ".join(
            (
                str(_("Optional.")),
                where_to_find(self.state_code, self.state_name),
                str(
                    _(
                        "%(state)s takes its 2%% floor from this figure, not from your federal "
                        "AGI. Leave it blank and we will use your federal AGI, and say so."
                    )
                    % facts
                ),
            )
        )


STEPS = [(STEP, StateAgiForm)]
