"""Each journey is its own: two tabs never mix (issue 12, bugs 1 and 2).

One Django test client is one browser (one session cookie); each `start` is "Start now" in a new
tab, and the journey key in the URLs is what tells the tabs apart.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from interview.platform import journeys

from .test_wizard import ROTH_2016
from .wizard_helpers import PREFIX, answer, confirm, result_url, start, step_url, walk

pytestmark = pytest.mark.django_db

# Client B: a Roth 401(k) closed in 2020 in California below its basis.
PLAN_2020_CA = [
    ("account_type", "roth_401k"),
    ("fully_liquidated", "yes"),
    ("has_basis", "yes"),
    ("tax_year", "2020"),
    ("state", "CA"),
    ("basis", "30000"),
    ("total_distributions", "24000"),
    ("agi", ""),
    ("age", "50"),
]


def pdf_words(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def tab(client, key: str):
    """Point the helpers at another tab's journey (same browser, same cookie)."""
    client.journey = key
    return client


def test_two_tabs_keep_their_own_answers_results_and_pdfs(client):
    walk(client, ROTH_2016)
    confirm(client)
    tab_a = client.journey
    assert walk(client, PLAN_2020_CA)["Location"] == step_url(client, "check")  # a second tab
    confirm(client)
    tab_b = client.journey
    assert tab_a != tab_b

    page_a = client.get(result_url(tab(client, tab_a))).content.decode()
    pdf_a = pdf_words(client.post(result_url(client, pdf=True), {"client": "Client A"}))
    page_b = client.get(result_url(tab(client, tab_b))).content.decode()
    pdf_b = pdf_words(client.post(result_url(client, pdf=True), {"client": "Client B"}))

    assert "Yes, for 2016" in page_a and "Texas" in page_a and "California" not in page_a
    assert "California" in page_b and "$6,000" in page_b and "Texas" not in page_b
    assert "Client A" in pdf_a and "2016" in pdf_a and "Texas" in pdf_a
    assert "California" not in pdf_a and "Client B" not in pdf_a
    assert "Client B" in pdf_b and "$6,000" in pdf_b and "California" in pdf_b
    assert "Texas" not in pdf_b and "Client A" not in pdf_b


def test_starting_in_a_new_tab_never_takes_over_or_ends_the_other_tab(client):
    walk(client, ROTH_2016[:4])
    tab_a = client.journey
    start(client)  # a new tab: Start now
    answer(client, "account_type", "traditional_401k")
    # The first tab goes on where it was, with its own answers.
    assert answer(tab(client, tab_a), "tax_year", "2016")["Location"] == step_url(client, "state")
    page = client.get(step_url(client, "account_type")).content.decode()
    assert re.search(r'value="roth_ira"\s+checked', page)


def test_a_session_keeps_the_five_most_recent_journeys_and_says_when_one_is_gone(client):
    walk(client, ROTH_2016[:1])
    oldest = client.journey
    kept = [start(client) for _ in range(journeys.MAX_JOURNEYS)]
    gone = client.get(step_url(tab(client, oldest), "inherited"), follow=True)
    assert gone.redirect_chain[-1][0] == "/check-ended/"
    text = gone.content.decode()
    assert "This check is no longer kept" in text and "5 most recently started" in text
    assert 'action="/new/"' in text and 'method="post"' in text
    for key in kept:
        assert client.get(f"/j/{key}/questions/").status_code == 302
        assert client.get(f"/j/{key}/questions/account_type/").status_code == 200


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("AAAAAAAAAAAAAAAAAAAAAA", id="well-formed-but-unknown"),
        pytest.param("short", id="wrong-length"),
        pytest.param("x" * 100, id="long"),
        pytest.param("%00%27%22%3Cscript%3E", id="escaped-nul-quote-and-tag"),
        pytest.param("..", id="dot-dot"),
    ],
)
@pytest.mark.parametrize(
    "page", ["questions/", "questions/state/", "result/", "result/summary.pdf"]
)
def test_an_unknown_or_tampered_journey_key_restarts_cleanly(client, key, page):
    walk(client, ROTH_2016[:1])  # another journey is open: this one is said to be gone
    response = client.get(f"/j/{key}/{page}")
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == "/check-ended/"
    posted = client.post(f"/j/{key}/questions/state/", {f"{PREFIX}-current_step": "state"})
    assert posted.status_code in (302, 404)


def test_a_journey_url_without_any_session_says_the_session_ended(client):
    response = client.get("/j/AAAAAAAAAAAAAAAAAAAAAA/result/")
    assert response["Location"] == "/session-ended/"


def test_old_urls_redirect_into_the_current_journey_or_a_new_one(client):
    # A bookmark with no journey yet: the start page and its button (a GET starts nothing).
    assert client.get("/questions/account_type/")["Location"] == "/"
    assert not journeys.latest(client.session)
    # A page loaded before journeys posts on (307 keeps the method and the answer), into a
    # journey of its own: a POST may start one.
    data = {f"{PREFIX}-current_step": "account_type", "account_type-account_type": "roth_ira"}
    posted = client.post("/questions/account_type/", data, follow=True)
    key = posted.redirect_chain[0][0].split("/")[2]
    assert posted.redirect_chain[0] == (f"/j/{key}/questions/account_type/", 307)
    assert journeys.step_data(client.session, key, "account_type") is not None
    assert client.get("/questions/")["Location"] == f"/j/{key}/questions/"
    assert client.get("/result/")["Location"] == f"/j/{key}/result/"
    assert client.get("/result/summary.pdf")["Location"] == f"/j/{key}/result/summary.pdf"
    # The old "Start now" (?reset) goes to the start page, and leaves this journey the latest.
    assert client.get("/questions/?reset")["Location"] == "/"
    assert journeys.latest(client.session) == key


def test_help_pages_lead_back_to_their_own_journey(client):
    walk(client, ROTH_2016[:3])
    question = client.get(step_url(client, "has_basis")).content.decode()
    help_url = f"/j/{client.journey}/help/after-tax-money/"
    assert f'href="{help_url}"' in question
    assert f'href="{step_url(client, "has_basis")}"' in client.get(help_url).content.decode()


def test_start_now_with_nothing_answered_starts_at_once(client):
    page = client.get("/").content.decode()
    assert "Start now" in page and "Continue where you left off" not in page
    start(client)  # an empty journey is not "in progress"
    assert "Continue where you left off" not in client.get("/").content.decode()


def test_start_now_with_a_journey_in_progress_offers_to_continue_or_start_again(client):
    walk(client, ROTH_2016[:3])
    page = client.get("/").content.decode()
    assert "Continue where you left off" in page and "Start again" in page
    assert f'href="/j/{client.journey}/questions/"' in page
    assert 'action="/new/"' in page and "Start now" not in page
    # Continue: the first question not yet answered, with the answers kept.
    resumed = client.get(f"/j/{client.journey}/questions/", follow=True)
    assert resumed.redirect_chain[-1][0] == step_url(client, "has_basis")
    # Start again: a new journey, the one in progress kept for any tab still showing it.
    before = client.journey
    assert start(client) != before
    assert client.get(step_url(tab(client, before), "has_basis")).status_code == 200


def test_continue_after_a_result_goes_back_to_the_result(client):
    walk(client, ROTH_2016)
    confirm(client)
    assert f'href="{result_url(client)}"' in client.get("/").content.decode()


def test_a_get_of_new_never_starts_a_check_nor_pushes_one_out(client):
    """Finding 10 (issue 18): five navigations to /new/ (a link from any site) used to start five
    checks and evict a finished one. A GET shows the start page; only its button's POST starts."""
    walk(client, ROTH_2016)
    confirm(client)
    finished = client.journey

    def kept() -> list[str]:
        keys = client.session.keys()  # a session has keys() but no __iter__
        return sorted(k for k in keys if k.startswith("rlc.j."))

    keys_before = kept()
    for _ in range(journeys.MAX_JOURNEYS + 1):
        page = client.get("/new/")
        assert page.status_code == 200
        assert 'action="/new/"' in page.content.decode()
    assert kept() == keys_before
    assert client.get(f"/j/{finished}/result/").status_code == 200


def test_starting_a_check_is_a_button_that_carries_its_csrf_token():
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    # Without the token (a form on another site): refused, nothing started.
    assert browser.post("/new/").status_code == 403
    started = browser.post("/new/", {"csrfmiddlewaretoken": token})
    assert started.status_code == 302 and started["Location"].startswith("/j/")
