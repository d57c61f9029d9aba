"""present(): everything a reader sees of one determination, built once.

The result page, the PDF and the API each render one Presentation: the headlines, reasons with
their citations, worksheets, pictures, what would change, next steps and records to keep (the
Explanation), the table of the answers given, the check code, the rules version and the day it
was made. No view puts these together itself, so the three cannot drift apart.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone

from interview.explanation.explain import Explanation, explain
from interview.explanation.law_words import in_language
from interview.explanation.planner import PlanSection, plan_section
from interview.explanation.record import check_code
from interview.questions.answers import unsure_about
from interview.questions.answers_table import AnswerRow, answer_rows
from rules import Determination


def no_change_links(step: str) -> str:
    """The PDF and the API: answers without "Change" links."""
    return ""


@dataclass(frozen=True)
class Presentation:
    determination: Determination
    explanation: Explanation
    check_code: str
    generated: datetime.date  # the day it was made, printed on the PDF
    answers_given: Mapping[str, object]
    change_url: Callable[[str], str]
    # Accounts still open, with their value: closing them all this year against keeping them.
    plan: PlanSection | None = None

    @property
    def rules_version(self) -> str:
        return self.determination.rules_version

    @cached_property
    def answer_rows(self) -> tuple[AnswerRow, ...]:
        """One row per question answered, worded for the account type (the API has no use for
        them, so they are made only when a page or PDF asks)."""
        return tuple(answer_rows(self.answers_given, self.change_url))


def present(
    d: Determination,
    answers_given: Mapping[str, object] | None = None,
    change_url: Callable[[str], str] = no_change_links,
) -> Presentation:
    """`answers_given`: the journey's answers as stored (the page and its PDF); without them (the
    API) the answers are read back from the determination."""
    given = answers_as_asked(d) if answers_given is None else answers_given
    d = in_language(d)  # the state's name and form lines as the reader reads them
    return Presentation(
        determination=d,
        explanation=explain(d, unsure_about(given)),
        check_code=check_code(d),
        generated=timezone.localdate(),
        answers_given=given,
        change_url=change_url,
        plan=plan_section(d),
    )


def answers_as_asked(d: Determination) -> dict[str, object]:
    """The API's answers in the interview's terms, for the answers table of its PDF."""
    a = d.answers
    rows: dict[str, object] = {
        "account_type": a.account_type.value,
        "has_basis": "yes" if a.basis > 0 else "no",
        "fully_liquidated": "rolled_over"
        if a.rolled_over
        else ("yes" if a.fully_liquidated else "no"),
        "tax_year": a.tax_year,
        "state": a.state,
    }
    if a.basis > 0:
        rows["basis"] = a.basis
    for key in ("state_basis", "total_distributions", "agi", "age_at_distribution"):
        value = getattr(a, key)
        if value is not None:
            rows[key] = value
    return rows
