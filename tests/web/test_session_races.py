"""A saved answer is never lost to a concurrent request of the same session (issue 13, finding 6).

The race is made deterministic: request A loads the session, then, before A goes on, request B
(another tab, same cookie) saves an answer, then A finishes. Before the fix A wrote back its
older copy of the whole session and B's answer was gone.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from interview.platform import journeys

from .test_wizard import ROTH_2016
from .wizard_helpers import answer, confirm, result_url, start, step_url, walk

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def while_loaded(monkeypatch, other_request):
    """Run `other_request` just after the next request has loaded its session (once)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    original = store.load
    pending = [other_request]

    def load(self):
        data = original(self)
        if pending:
            pending.pop()()
        return data

    monkeypatch.setattr(store, "load", load)
    yield
    assert not pending, "the interleaved request never ran"


def other_tab(client, key: str) -> Client:
    """A second tab of the same browser: same session cookie, its own journey."""
    other = Client()
    other.cookies["sessionid"] = client.cookies["sessionid"].value
    other.journey = key
    return other


def stored(client, key: str, step: str):
    return journeys.step_data(client.session, key, step)


def test_i_need_more_time_does_not_revert_an_answer_saved_meanwhile(client, monkeypatch):
    walk(client, ROTH_2016[:4])
    b = other_tab(client, client.journey)
    with while_loaded(monkeypatch, lambda: answer(b, "tax_year", "2016")):
        assert client.get("/session/extend/").status_code == 204
    assert stored(client, client.journey, "tax_year") == {"tax_year-tax_year": ["2016"]}


def test_loading_the_check_page_does_not_revert_a_changed_answer(client, monkeypatch):
    walk(client, ROTH_2016)
    b = other_tab(client, client.journey)
    with while_loaded(monkeypatch, lambda: answer(b, "agi", "60000")):
        assert client.get(step_url(client, "check")).status_code == 200
    assert "$60,000" in client.get(step_url(client, "check")).content.decode()


def test_loading_one_tabs_result_does_not_revert_another_tabs_answer(client, monkeypatch):
    walk(client, ROTH_2016)
    confirm(client)
    first = client.journey
    b = other_tab(client, start(client))
    client.journey = first
    with while_loaded(monkeypatch, lambda: answer(b, "account_type", "traditional_ira")):
        assert client.get(result_url(client)).status_code == 200
    # A first answer gives the session a new id (issue 13, finding 9): read it as tab B does.
    assert stored(b, b.journey, "account_type") == {
        "account_type-account_type": ["traditional_ira"]
    }


def test_two_answers_saved_at_once_in_one_journey_both_stay(client, monkeypatch):
    walk(client, ROTH_2016)
    b = other_tab(client, client.journey)
    with while_loaded(monkeypatch, lambda: answer(b, "age", "61")):
        assert answer(client, "agi", "70000").status_code == 302
    assert stored(client, client.journey, "agi") == {"agi-agi": ["70000"]}
    assert stored(client, client.journey, "age") == {"age-age_at_distribution": ["61"]}


def test_starting_a_journey_does_not_revert_an_answer_saved_meanwhile(client, monkeypatch):
    walk(client, ROTH_2016[:3])
    b = other_tab(client, client.journey)
    with while_loaded(monkeypatch, lambda: answer(b, "has_basis", "yes")):
        start(client)
    assert stored(client, b.journey, "has_basis")["has_basis-has_basis"] == ["yes"]
    assert journeys.exists(client.session, client.journey)


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda c: step_url(c, "basis"), id="question"),
        pytest.param(lambda c: step_url(c, "check"), id="check"),
        pytest.param(result_url, id="result"),
        pytest.param(lambda c: "/session/extend/", id="keep-alive"),
    ],
)
def test_a_page_that_changes_nothing_only_pushes_the_expiry_forward(client, page):
    walk(client, ROTH_2016)
    confirm(client)
    soon = timezone.now() + timedelta(seconds=30)
    Session.objects.update(expire_date=soon)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page(client)).status_code in (200, 204)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert writes and all("session_data" not in sql for sql in writes)
    assert Session.objects.get().expire_date > soon + timedelta(seconds=60)


def test_an_expired_session_is_not_brought_back_by_a_touch(client):
    walk(client, ROTH_2016[:2])
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    client.get("/session/extend/")
    assert Session.objects.get().expire_date < timezone.now()
