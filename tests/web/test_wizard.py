"""The interview end to end through Django's test client."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session

from .wizard_helpers import PREFIX, answer, confirm, result_url, start, step_url, walk

pytestmark = pytest.mark.django_db

ROTH_2016 = [
    ("account_type", "roth_ira"),
    ("inherited", "no"),
    ("fully_liquidated", "yes"),
    ("has_basis", "yes"),
    ("tax_year", "2016"),
    ("state", "TX"),
    ("basis", "$20,000"),
    ("total_distributions", "18,000"),
    ("agi", " 50,000 "),
    ("age", "52"),
]


def test_a_full_journey_ends_on_the_result_with_the_loss_and_floor(client):
    last = walk(client, ROTH_2016)
    assert last["Location"] == step_url(client, "check")
    check = client.get(step_url(client, "check"))
    assert "Check your answers" in check.content.decode()
    result = confirm(client)
    page = result.content.decode()
    assert result.redirect_chain[-1][0] == result_url(client)
    assert "Yes, for 2016" in page
    assert "$2,000" in page and "$1,000" in page
    assert "Download PDF summary" in page
    pdf = client.get(result_url(client, pdf=True))
    assert pdf["Content-Type"] == "application/pdf"


def test_no_basis_skips_the_amount_questions(client):
    last = walk(
        client,
        [
            ("account_type", "traditional_401k"),
            ("fully_liquidated", "yes"),
            ("has_basis", "no"),
            ("tax_year", "2020"),
            ("state", "TX"),
        ],
    )
    # basis and agi are skipped: no basis means no amount matters; the next asked is age.
    assert last["Location"] == step_url(client, "age")
    assert client.get(step_url(client, "basis"))["Location"] == step_url(client, "age")
    answer(client, "age", "")
    page = confirm(client).content.decode()
    assert "Without after-tax money" in page


def test_an_invalid_amount_keeps_earlier_answers_and_what_was_typed(client):
    walk(client, ROTH_2016[:6])
    response = answer(client, "basis", "twenty grand")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter an amount in dollars using digits" in page
    assert 'value="twenty grand"' in page
    assert page.count("There is a problem") == 1
    assert "<title>Error:" in page
    # Earlier answers are still there: the check page lists them once basis is fixed.
    answer(client, "basis", "20000")
    answer(client, "total_distributions", "18000")
    answer(client, "agi", "")
    answer(client, "age", "")
    check = client.get(step_url(client, "check")).content.decode()
    assert "Roth IRA" in check and "2016" in check


def test_a_future_step_redirects_to_the_first_unanswered_one(client):
    walk(client, ROTH_2016[:3])
    response = client.get(step_url(client, "state"))
    assert response["Location"] == step_url(client, "has_basis")


def test_a_forged_step_name_restarts_cleanly(client):
    walk(client, ROTH_2016[:3])
    response = client.post(
        step_url(client, "account_type"), {f"{PREFIX}-current_step": "../../etc", "x": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == step_url(client, "has_basis")


def test_an_unknown_step_url_restarts_cleanly(client):
    start(client)
    assert client.get(step_url(client, "no_such_step"))["Location"] == step_url(
        client, "account_type"
    )


def test_result_without_answers_explains_the_session_ended(client):
    response = client.get("/result/", follow=True)
    assert "Nothing you entered was kept" in response.content.decode()


def test_a_stale_session_post_shows_the_ended_page(client):
    walk(client, ROTH_2016[:5])
    Session.objects.all().delete()  # the idle timeout passed while the page was open
    response = answer(client, "state", "TX", follow=True)
    assert "Your session has ended" in response.content.decode()


def test_delete_my_answers_clears_the_session(client):
    walk(client, ROTH_2016)
    confirm(client)
    deleted = client.post("/delete-my-answers/")
    assert "have been deleted" in deleted.content.decode()
    assert client.get(result_url(client))["Location"] == "/session-ended/"
