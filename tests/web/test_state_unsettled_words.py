"""An unsettled state answer is worked as if allowed, and says so (issue 20, item 8)."""

from __future__ import annotations

import pytest

from tests.web.test_pdf import pdf_text
from tests.web.test_state_answers import body as state_answers_body

pytestmark = pytest.mark.django_db


def body(**kw):
    """test_state_answers' Roth IRA closed for 10,000 against 20,000 (a 10,000 loss), in Georgia 2026."""
    georgia = {"tax_year": 2026, "state": "GA", "total_distributions": "10000", "agi": "100000"}
    return state_answers_body(**{**georgia, **kw})


def test_georgia_2026_shows_what_would_count_if_georgia_allows_it(api):
    answer = api(body()).json()
    state = answer["state"]
    assert state["status"] == "needs_review"
    # 10,000 − 2% × 100,000 = 8,000, labelled as conditional everywhere it appears.
    assert "If Georgia allows it, $8,000 would count on your Georgia return" in state["headline"]
    lines = {line["label"]: line for line in state["worksheet"]}
    line = lines["Would count on your Georgia return if Georgia allows it"]
    assert line["amount"] == "8000.00"
    assert "Counts on your Georgia return" not in lines
    words = " ".join(s["text"] for s in state["explanation"])
    assert "2026 Form 500 and IT-511 instructions" in words
    assert "January or February 2027" in words
    steps = " ".join(answer["next_steps"])
    assert "Ask a tax professional who prepares Georgia returns" in steps
    assert "until about April 15, 2030" in steps


def test_montana_2019_says_the_refund_window_has_likely_passed(api):
    answer = api(body(state="MT", tax_year=2019, agi="50000")).json()
    state = answer["state"]
    # 10,000 − 2% × 50,000 (federal AGI standing in for Montana AGI) = 9,000.
    assert "If Montana allows it, $9,000 would count" in state["headline"]
    assert "Montana Department of Revenue" in " ".join(s["text"] for s in state["explanation"])
    steps = " ".join(answer["next_steps"])
    assert "has likely passed" in steps and "April 15, 2023" in steps


def test_no_advice_to_lower_agi_for_a_state_that_has_not_said(api):
    """The 'lower AGI' change speaks of a floor that applies; Georgia's applies only if allowed."""
    steps = " ".join(api(body()).json()["what_would_change"] or [])
    assert "2% floor on your Georgia return" not in steps


def test_the_pdf_labels_the_amount_as_if_allowed_too(api):
    response = api(body(), path="/api/v1/summary.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "If Georgia allows it, $8,000 would count on your Georgia return" in text
    assert "Would count on your Georgia return if Georgia allows it $8,000" in text
