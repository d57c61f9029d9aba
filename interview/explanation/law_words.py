"""The law files' own words in the reader's language.

rules/ keeps the law's texts in English (rules/law/*.toml); their Spanish is in the catalog made
from them (rules/law/locale/, `manage.py law --messages`). A statement goes through gettext in
explain.sentence(); the jurisdiction's name and the form lines reach the page, the PDF and the API
through the determination itself, so present() asks for them in the reader's language here, once.
In English every text comes back unchanged (there is no English catalog).
"""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext

from rules import Determination, Statement


def law_text(text: str) -> str:
    """A law file's text in the active language; "" stays "" (gettext("") is the header)."""
    return gettext(text) if text else ""


def _statement(statement: Statement, name: str) -> Statement:
    """The state's name as a fact (`{state}`) in the reader's language too."""
    if not any(key == "state" for key, _ in statement.facts):
        return statement
    facts = tuple((k, name if k == "state" else v) for k, v in statement.facts)
    return replace(statement, facts=facts)


def in_language(d: Determination) -> Determination:
    """`d` with the state's name and the form lines in the active language (the codes, figures and
    statements as they are: explain() translates each statement)."""
    name = law_text(d.state.name)
    state = replace(
        d.state,
        name=name,
        form_line=law_text(d.state.form_line),
        statements=tuple(_statement(s, name) for s in d.state.statements),
    )
    federal = replace(
        d.federal,
        form_line=law_text(d.federal.form_line),
        statements=tuple(_statement(s, name) for s in d.federal.statements),
    )
    plan = d.closing_plan
    if plan is not None:  # the planner quotes the state's law too (issue 21)
        plan = replace(plan, statements=tuple(_statement(s, name) for s in plan.statements))
    if state == d.state and federal == d.federal and plan == d.closing_plan:
        return d  # English: the very same determination
    return replace(d, state=state, federal=federal, closing_plan=plan)
