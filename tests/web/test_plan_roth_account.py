"""A workplace plan with a Roth account in it (issue 20, items 5 and 6): the questions and the
result say the Roth account counts on its own and which Forms 1099-R make "what you received";
the API's refusal of converted_in_year for a plan names a rollover, not a conversion."""

from __future__ import annotations

import re

import pytest

from .wizard_helpers import answer, confirm, result_url, step_url, walk

pytestmark = pytest.mark.django_db


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def page(client, step: str) -> str:
    return plain(client.get(step_url(client, step)).content.decode())


def closed_in_2016(kind: str) -> list[tuple[str, str]]:
    """A plan account closed in 2016 by a Texan, $20,000 of after-tax money in it."""
    later = [("has_basis", "yes"), ("tax_year", "2016"), ("state", "TX"), ("basis", "20,000")]
    return [("account_type", kind), ("fully_liquidated", "yes"), *later]


def test_the_traditional_401k_questions_set_the_roth_account_apart(client):
    steps = closed_in_2016("traditional_401k")
    walk(client, steps[:1])
    assert "Roth account in this plan counts on its own" in page(client, "fully_liquidated")
    answer(client, *steps[1])
    assert "a Roth account in this plan is checked on its own" in page(client, "has_basis")
    for step in steps[2:]:
        answer(client, *step)
    received = page(client, "total_distributions")
    assert "except any with code B in box 7 (the Roth account" in received
    assert "code G (a direct rollover" in received


def test_the_roth_401k_question_counts_only_the_roth_accounts_forms(client):
    walk(client, closed_in_2016("roth_401k"))
    received = page(client, "total_distributions")
    assert "Forms 1099-R for the Roth account that year (code B in box 7)" in received
    assert "direct rollover to a Roth IRA (code H)" in received


def test_the_result_says_which_forms_make_what_was_received(client):
    received = [("total_distributions", "15,000"), ("agi", ""), ("age", "")]
    walk(client, [*closed_in_2016("traditional_401k"), *received])
    confirm(client)
    result = plain(client.get(result_url(client)).content.decode())
    assert "a Roth account in the same plan is tested by itself" in result
    assert "except those with code B in box 7 (the Roth account) or code G" in result


def refusal(api, kind: str) -> str:
    """The API's message for a worksheet that says `kind` was converted to a Roth IRA."""
    worksheet = {"basis_before_year": "10000", "converted_in_year": "100"}
    body = {"tax_year": 2016, "state": "TX", "fully_liquidated": True}
    response = api({**body, "account_type": kind, "basis_worksheet": worksheet})
    assert response.status_code == 400
    return response.json()["errors"]["basis_worksheet"][0]


@pytest.mark.parametrize("kind", ["traditional_401k", "traditional_403b", "roth_401k"])
def test_a_plan_moved_to_a_roth_ira_is_called_a_rollover_and_rolled_over_named(api, kind):
    message = refusal(api, kind)
    # IRC §408A(e)(1)(B): plan money can go to a Roth IRA, as a qualified rollover contribution.
    assert "cannot be converted" not in message
    assert "is a rollover, not a payment to you" in message
    assert "rolled_over: true" in message


def test_a_roth_ira_still_cannot_send_a_conversion(api):
    message = refusal(api, "roth_ira")
    assert "converted_in_year is for your own traditional, SEP and SIMPLE IRAs only" in message
