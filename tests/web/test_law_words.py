"""The law files' own words in the reader's language: the state's name, form lines and limit
labels go through gettext (interview/explanation/law_words.py) on the page, the PDF and the API."""

from __future__ import annotations

from dataclasses import replace

import pytest

from interview.api.body import check
from interview.api.forms import DeterminationForm
from interview.api.serialize import determination_json
from interview.explanation import law_words
from interview.explanation.presentation import present
from interview.questions.answers import answers_from_api
from rules import Statement, Years, determine

from .test_spanish import NEW_YORK

LIMIT = "Less the pre-2018 federal limit (Form IT-196, line 40)"
FORM_LINE = (
    "Form IT-196, “Other expenses” in the job expenses and certain miscellaneous deductions section"
)
WORDS = {
    "New York": "Nueva York",
    FORM_LINE: "Formulario IT-196, “Otros gastos”",
    LIMIT: "Menos el límite federal anterior a 2018 (Formulario IT-196, línea 40)",
}


@pytest.fixture
def spanish_law(monkeypatch):
    """A stand-in for the law's catalog (the real one is being translated)."""
    monkeypatch.setattr(law_words, "gettext", lambda text: WORDS.get(text, text))


def new_york(**kw: object):
    return determine(answers_from_api(check(DeterminationForm, {**NEW_YORK, **kw})))


def test_the_state_name_form_line_and_limit_label_reach_page_pdf_and_api(spanish_law):
    d = new_york(basis="200000", agi="1200000")  # above the floor, with New York's limits
    p = present(d)
    assert p.determination.state.name == "Nueva York" and p.determination.state.code == "NY"
    assert p.determination.state.form_line == WORDS[FORM_LINE]
    assert "Nueva York" in p.explanation.state_headline
    assert "New York" not in p.explanation.state_headline
    labels = [line.label for line in p.explanation.state_worksheet]
    assert WORDS[LIMIT] in labels and "Counts on your Nueva York return" in labels
    notes = [line.note for line in p.explanation.state_worksheet]
    assert WORDS[FORM_LINE] in notes and FORM_LINE not in notes
    assert p.check_code == present(new_york(basis="200000", agi="1200000")).check_code
    echoed = determination_json(p)
    assert echoed["state"]["name"] == "Nueva York" and echoed["state"]["code"] == "NY"
    assert echoed["state"]["form_line"] == WORDS[FORM_LINE]


def test_a_statement_naming_the_state_names_it_in_the_reader_s_language(spanish_law):
    d = new_york()
    facts = (("state", "New York"), ("year", 2023))
    said = Statement("x", "Ask {state} about {year}.", Years(2000), (), facts)
    d = replace(d, state=replace(d.state, statements=(said,)))
    assert [s.text for s in present(d).explanation.state] == ["Ask Nueva York about 2023."]


def test_in_english_the_determination_is_the_same_object():
    d = new_york()
    assert law_words.in_language(d) is d


def test_the_questions_name_the_state_as_the_result_does(monkeypatch):
    from interview.questions import forms, state_agi

    stand_in = lambda text: WORDS.get(text, text)  # noqa: E731
    monkeypatch.setattr(forms, "gettext", stand_in)
    monkeypatch.setattr(state_agi, "gettext", stand_in)
    assert ("NY", "Nueva York") in forms.state_choices()
    assert state_agi.StateAgiForm(state="NY", tax_year=2023).state_name == "Nueva York"
    assert forms.StateBasisForm(state_name="New York").state_name == "Nueva York"
