"""Accounts still open (issue 20, item 10): the tax year was never asked, so the result says what
its year means ("if paid out in 2026"), and its advice does not contradict the answers given."""

from __future__ import annotations

import datetime
import re

import pytest

from .test_pdf import pdf_text
from .wizard_helpers import answer, confirm, result_url, step_url, walk

pytestmark = pytest.mark.django_db


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def result(client, steps: list[tuple[str, str]]) -> str:
    walk(client, steps)
    confirm(client)
    return plain(client.get(result_url(client)).content.decode())


STILL_OPEN = [
    ("account_type", "traditional_ira"),
    ("inherited", "no"),
    ("fully_liquidated", "no"),
    ("has_basis", "yes"),
    ("state", "CA"),
    ("basis", "30,000"),
    ("plan_value", ""),  # what they are worth now: optional (issue 21)
]


def test_an_open_account_is_answered_for_a_payout_in_the_year_not_a_tax_year(client):
    page = result(client, STILL_OPEN)
    year = datetime.date.today().year
    assert f"Your answer if the last of the money is paid out in {year}" in page
    assert "Your answer for tax year" not in page


def test_an_open_account_is_not_told_to_check_whether_its_accounts_are_open(client):
    page = result(client, STILL_OPEN)
    assert "accounts still open" not in page
    assert "before amending a return" not in page
    assert "See a tax professional before the last of the money is paid out" in page
    assert "(an inherited account or a rollover)" in page


def test_a_rollover_is_not_given_a_rollover_as_the_situation_to_check(client):
    rolled = [(s, "rolled_over" if s == "fully_liquidated" else v) for s, v in STILL_OPEN]
    page = result(client, rolled)
    assert "(an inherited account)" in page
    assert "a rollover)" not in page


def test_investments_still_held_are_answered_for_a_sale(client):
    page = result(client, [("account_type", "taxable_brokerage"), ("fully_liquidated", "no")])
    assert f"Your answer if you sell in {datetime.date.today().year}" in page
    assert "See a tax professional before you sell" in page


def test_a_closed_account_keeps_its_tax_year_and_all_three_situations(client):
    page = result(
        client,
        [
            ("account_type", "traditional_ira"),
            ("inherited", "no"),
            ("fully_liquidated", "yes"),
            ("has_basis", "no"),
            ("tax_year", "2016"),
            ("state", "TX"),
            ("age", ""),
        ],
    )
    assert "Your answer for tax year 2016" in page
    assert "(an inherited account, a rollover, or accounts still open)" in page


def test_an_heir_is_not_given_an_inherited_account_as_the_situation_to_check(api):
    body = {"account_type": "traditional_ira", "tax_year": 2016, "state": "TX", "basis": "10000"}
    answer = api(
        {**body, "fully_liquidated": True, "total_distributions": "5000", "inherited": True}
    ).json()
    advice = answer["next_steps"][-1]
    assert "an inherited account" not in advice
    assert "(a rollover or accounts still open)" in advice


def test_with_money_still_there_the_state_question_names_no_year(client):
    walk(client, STILL_OPEN[:4])
    question = plain(client.get(step_url(client, "state")).content.decode())
    assert "Which state do you live in?" in question
    page = result(client, STILL_OPEN)
    assert "Which state do you live in? California" in page
    assert "Which state did you live in that year?" not in page


def test_a_paid_out_account_is_asked_its_state_in_that_year(client):
    walk(client, [*STILL_OPEN[:2], ("fully_liquidated", "yes"), ("has_basis", "no")])
    answer(client, "tax_year", "2016")
    question = plain(client.get(step_url(client, "state")).content.decode())
    assert "Which state did you live in that year?" in question


def test_the_pdf_of_an_open_account_is_titled_for_a_payout_not_a_tax_year(client):
    result(client, STILL_OPEN)
    text = pdf_text(client.get(result_url(client, pdf=True)).content)
    year = datetime.date.today().year
    assert f"Retirement account loss: if paid out in {year}, California" in text
    assert "tax year" not in text.split("Why: federal")[0]


def test_the_pdfs_running_client_line_words_the_year_as_the_heading_does(api):
    """Every page's margin names the client and the year: for money still there, the year it
    would be paid out, never "tax year" (issue 20, item 10: the line the PDF title fix missed)."""
    from .test_pdf import pages_of, squeezed

    body = {
        "account_type": "traditional_ira",
        "tax_year": 2026,
        "state": "CA",
        "basis": "30000",
        "fully_liquidated": False,
        "preparer": {"client": "Client 0427"},
    }
    pages = pages_of(api(body, path="/api/v1/summary.pdf").content)
    assert all(squeezed("For Client 0427 · if paid out in 2026, CA") in page for page in pages)
    assert not any(squeezed("For Client 0427 · tax year") in page for page in pages)
