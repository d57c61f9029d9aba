"""The state's own AGI, asked after the federal one where the state's 2% floor uses it (issue 20,
item 3): a Hawaii preparer's client with Hawaii AGI 250,000 and federal AGI 260,000."""

from __future__ import annotations

import re

import pytest

from .test_pdf import pdf_text
from .wizard_helpers import answer, confirm, result_url, step_url, walk

pytestmark = pytest.mark.django_db


def next_step(response) -> str:
    return response["Location"].strip("/").split("/")[-1]


def paid_out_in(state: str, year: str = "2022") -> list[tuple[str, str]]:
    """A traditional IRA with $20,000 of basis, $5,000 paid out: a $15,000 loss."""
    return [
        ("account_type", "traditional_ira"),
        ("inherited", "no"),
        ("fully_liquidated", "yes"),
        ("has_basis", "yes"),
        ("tax_year", year),
        ("state", state),
        ("basis", "20,000"),
        ("total_distributions", "5,000"),
    ]


def finish(client, first: tuple[str, str]) -> None:
    """Answer from `first` on; the later questions (filing status, age) as they come."""
    later = {"filing_status": "single", "age": ""}
    response = answer(client, *first)
    while (step := next_step(response)) != "check":
        response = answer(client, step, later[step])
    confirm(client)


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_hawaii_question_comes_after_the_federal_one_and_names_form_n11(client):
    walk(client, paid_out_in("HI"))
    assert next_step(answer(client, "agi", "260,000")) == "state_agi"
    page = plain(client.get(step_url(client, "state_agi")).content.decode())
    assert "What was your Hawaii adjusted gross income for 2022?" in page
    assert "Form N-11, line 20" in page
    assert "Optional." in page


def test_hawaii_agi_sets_the_floor_on_the_page_and_the_pdf(client):
    walk(client, [*paid_out_in("HI"), ("agi", "260,000")])
    finish(client, ("state_agi", "250,000"))
    # Form N-11 Worksheet A-6: 2% of Hawaii AGI 250,000 = 5,000; 15,000 − 5,000 = 10,000
    # (federal AGI would give 5,200 and 9,800).
    page = plain(client.get(result_url(client)).content.decode())
    text = pdf_text(client.get(result_url(client, pdf=True)).content)
    for shown in (page, text):
        assert "$5,000" in shown and "$10,000" in shown
        assert "$5,200" not in shown and "$9,800" not in shown
        assert "used in place of your Hawaii AGI" not in shown
    # The answers table shows it, under its own question.
    assert "What was your Hawaii adjusted gross income for 2022? $250,000" in page


def test_a_blank_hawaii_agi_uses_the_federal_one_and_says_so(client):
    walk(client, [*paid_out_in("HI"), ("agi", "260,000")])
    finish(client, ("state_agi", ""))
    page = plain(client.get(result_url(client)).content.decode())
    assert "$5,200" in page and "$9,800" in page
    assert "your federal AGI, used in place of your Hawaii AGI" in page


@pytest.mark.parametrize("state", ["TX", "NY", "CA"])
def test_states_whose_floor_uses_federal_agi_do_not_ask(client, state):
    walk(client, paid_out_in(state))
    assert next_step(answer(client, "agi", "260,000")) != "state_agi"


def test_hawaii_from_2026_allows_no_loss_and_does_not_ask(client):
    walk(client, paid_out_in("HI", year="2026"))
    assert next_step(answer(client, "agi", "260,000")) != "state_agi"
