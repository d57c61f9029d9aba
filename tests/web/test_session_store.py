"""The session in the shared store (REDIS_URL, interview.platform.sessions_store), against a real
redis-server: one hash per session, written field by field, never brought back once gone
(issue 18, finding 2). The concurrency proof across two app servers is
tests/cluster/test_concurrent_answers.py; here each interleaving is made deterministic.
"""

from __future__ import annotations

import pytest
import redis

from interview.platform import journeys

from . import test_session_races as races
from .store_server import STORE_KEYS, redis_port, use_store  # noqa: F401 - fixture
from .test_wizard import ROTH_2016
from .wizard_helpers import answer, start, step_url, walk

# No database: sessions and the rate limit are in the store, as with REDIS_URL.


@pytest.fixture
def store(settings, redis_port) -> redis.Redis:  # noqa: F811 - the fixture above
    return use_store(settings, redis_port)


def session_hash(client) -> bytes:
    return f"rlc:1:sessions:{client.cookies['sessionid'].value}".encode()


def test_each_answer_is_one_field_of_the_sessions_hash_which_expires_with_the_idle_timeout(
    client, store, settings
):
    walk(client, ROTH_2016[:3])
    assert list(store.scan_iter(match=STORE_KEYS)) == [session_hash(client)]
    fields = store.hgetall(session_hash(client))
    key = client.journey
    assert fields[f"rlc.j.{key}.step.inherited".encode()] == b'{"inherited-inherited":["no"]}'
    assert {f"rlc.j.{key}", f"rlc.j.{key}.step.account_type"} <= {f.decode() for f in fields}
    assert 0 < store.pttl(session_hash(client)) <= settings.SESSION_COOKIE_AGE * 1000


@pytest.mark.parametrize(
    "race",
    [
        pytest.param(
            races.test_i_need_more_time_does_not_revert_an_answer_saved_meanwhile, id="keep-alive"
        ),
        pytest.param(
            races.test_loading_the_check_page_does_not_revert_a_changed_answer, id="check"
        ),
        pytest.param(
            races.test_loading_one_tabs_result_does_not_revert_another_tabs_answer, id="result"
        ),
        pytest.param(
            races.test_two_answers_saved_at_once_in_one_journey_both_stay, id="two-answers"
        ),
        pytest.param(
            races.test_starting_a_journey_does_not_revert_an_answer_saved_meanwhile, id="start"
        ),
    ],
)
def test_an_answer_saved_while_another_request_runs_stays_in_the_store_too(
    client, monkeypatch, store, race
):
    race(client, monkeypatch)


def test_a_session_that_expired_while_a_request_ran_is_not_brought_back_by_its_save(
    client, monkeypatch, store
):
    walk(client, ROTH_2016[:3])
    gone = session_hash(client)
    with races.while_loaded(monkeypatch, lambda: store.delete(gone)):
        response = answer(client, "has_basis", "yes")
    # Django's answer to a session deleted mid-request (SessionInterrupted), as with the database.
    assert response.status_code == 400
    assert list(store.scan_iter(match=STORE_KEYS)) == []


def test_an_expired_session_is_not_brought_back_by_i_need_more_time(client, store):
    walk(client, ROTH_2016[:2])
    store.delete(session_hash(client))
    assert client.get("/session/extend/").status_code == 204
    assert list(store.scan_iter(match=STORE_KEYS)) == []


def test_an_expired_session_reads_as_ended_and_its_answers_stay_gone(client, store):
    walk(client, ROTH_2016[:2])
    store.delete(session_hash(client))
    response = client.get(step_url(client, "fully_liquidated"))
    assert response.status_code == 302 and response["Location"] == "/session-ended/"
    assert list(store.scan_iter(match=STORE_KEYS)) == []


def test_the_first_answer_renames_the_session_keeping_what_another_tab_saved_meanwhile(
    client, monkeypatch, store
):
    walk(client, ROTH_2016[:3])
    first = client.journey
    b = races.other_tab(client, first)
    old = session_hash(client)
    start(client)  # a second journey, not answered yet: its first answer gives a new id
    with races.while_loaded(monkeypatch, lambda: answer(b, "has_basis", "yes")):
        assert answer(client, "account_type", "roth_ira").status_code == 302
    assert session_hash(client) != old
    assert list(store.scan_iter(match=STORE_KEYS)) == [session_hash(client)]
    stored = journeys.step_data(client.session, first, "has_basis")
    assert stored["has_basis-has_basis"] == ["yes"]
    assert journeys.step_data(client.session, client.journey, "account_type") is not None


def test_delete_my_answers_removes_the_sessions_hash(client, store):
    walk(client, ROTH_2016[:3])
    assert client.post("/delete-my-answers/").status_code == 200
    assert list(store.scan_iter(match=STORE_KEYS)) == []
