"""determine(): the one entry point from answers to a determination."""

from __future__ import annotations

import datetime

from ._federal import federal_outcome
from ._law import Law, current_law
from ._model import Answers, Determination
from ._planner import closing_plan
from ._states import state_outcome


def determine(
    answers: Answers, law: Law | None = None, today: datetime.date | None = None
) -> Determination:
    """Decide the federal and state outcome for one set of answers.

    `today` decides only whether the time to claim a state refund has likely passed.
    Total for every valid Answers: raises only if the law data itself is broken.
    """
    law = law or current_law()
    federal = federal_outcome(answers, law)
    state = state_outcome(answers, federal, law, today)  # today only where a refund is due
    plan = closing_plan(answers, law) if answers.plan is not None else None
    return Determination(
        answers=answers, rules_version=law.version, federal=federal, state=state, closing_plan=plan
    )


def rules_version() -> str:
    """The version of the law files in use: review date plus a content hash."""
    return current_law().version
