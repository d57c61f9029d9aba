"""The rate limit slides (issue 18, finding 16) and counts every PDF (finding 5).

Time is a fake clock patched into ratelimit.py: no test sleeps or depends on the machine's speed.
Each test runs on both stores: the database table and a real redis-server (its Lua script).
"""

from __future__ import annotations

import pytest

from interview.platform import ratelimit

from . import rate_store
from .test_security import BODY
from .wizard_helpers import confirm, result_url, walk

LIMIT = 5
MINUTE = 1_800_000_000.0  # a minute boundary (divisible by 60)
CLIENT = "203.0.113.9"

redis_port = rate_store.redis_port  # a fixture: a real redis-server for the module


class Clock:
    def __init__(self, monkeypatch, now: float) -> None:
        self.now = now
        monkeypatch.setattr(ratelimit.time, "time", lambda: self.now)


@pytest.fixture(params=["database", "cache"])
def store(request, settings, db):
    settings.RATE_LIMIT_PER_MINUTE = LIMIT
    if request.param == "cache":
        rate_store.use_store(settings, request.getfixturevalue("redis_port"))
    else:
        settings.RATE_LIMIT_STORE = "database"
    return request.param


def most_in_any_minute(accepted: list[float]) -> int:
    """The largest number of accepted requests in any 60-second span [t, t + 60)."""
    return max(sum(1 for u in accepted if t <= u < t + 60) for t in accepted)


def test_a_burst_at_the_end_of_a_minute_and_another_at_the_start_of_the_next_get_the_limit_once(
    api, store, monkeypatch
):
    # Found by the probe: a fixed window let 2 x limit through across the boundary.
    clock = Clock(monkeypatch, MINUTE - 0.5)
    accepted = []
    for moment in [MINUTE - 0.5] * LIMIT + [MINUTE + 0.5] * LIMIT:
        clock.now = moment
        if api(BODY, REMOTE_ADDR=CLIENT).status_code == 200:
            accepted.append(moment)
    assert len(accepted) == LIMIT
    assert most_in_any_minute(accepted) <= LIMIT


def test_a_steady_client_never_gets_more_than_the_limit_in_any_60_seconds(store):
    # One attempt every 1.5 s for four minutes, after a burst: the bound holds at every moment.
    attempts = [MINUTE - 1.0] * LIMIT + [MINUTE + 1.5 * i for i in range(160)]
    accepted = [t for t in attempts if ratelimit.take(CLIENT, t)[0]]
    assert most_in_any_minute(accepted) <= LIMIT
    # ... and the client is not shut out: about the limit each minute gets through.
    assert len(accepted) >= 4 * LIMIT


def test_retry_after_says_when_the_next_request_gets_in(api, store, monkeypatch):
    clock = Clock(monkeypatch, MINUTE + 12.0)
    assert [api(BODY, REMOTE_ADDR=CLIENT).status_code for _ in range(LIMIT)] == [200] * LIMIT
    clock.now = MINUTE + 40.0
    refused = api(BODY, REMOTE_ADDR=CLIENT)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    # Accepted at 12 s, in the slot [10, 15): counted until 75 s, 35 s after the refusal.
    assert wait == 35
    clock.now = MINUTE + 40.0 + wait - 1
    assert api(BODY, REMOTE_ADDR=CLIENT).status_code == 429
    clock.now = MINUTE + 40.0 + wait
    assert api(BODY, REMOTE_ADDR=CLIENT).status_code == 200


def test_refused_requests_do_not_count(store):
    for _ in range(LIMIT):
        assert ratelimit.take(CLIENT, MINUTE)[0] is True
    assert not any(ratelimit.take(CLIENT, MINUTE + i)[0] for i in range(50))
    assert ratelimit.take(CLIENT, MINUTE + 65)[0] is True


def test_a_batch_larger_than_what_is_left_is_refused_whole(store):
    assert ratelimit.take(CLIENT, MINUTE, LIMIT - 1)[0] is True
    assert ratelimit.take(CLIENT, MINUTE, 2)[0] is False
    assert ratelimit.take(CLIENT, MINUTE, 1)[0] is True


# ---- finding 5: the journey PDF counts like the API -----------------------------------------


@pytest.fixture
def finished(client):
    # The short path: three answers to a result (test_flow_short_path.py).
    steps = [("account_type", "traditional_401k"), ("fully_liquidated", "no"), ("has_basis", "no")]
    walk(client, steps)
    confirm(client)
    return client


def pdf_status(client) -> int:
    return client.get(result_url(client, pdf=True), REMOTE_ADDR=CLIENT).status_code


def test_a_client_that_spent_its_api_limit_gets_429_on_the_journey_pdf(
    api, finished, store, monkeypatch
):
    # Found by the probe: 100 fresh PDFs from one client after its API limit was spent.
    Clock(monkeypatch, MINUTE + 15.0)
    assert pdf_status(finished) == 200
    assert [api(BODY, REMOTE_ADDR=CLIENT).status_code for _ in range(LIMIT)] == [200] * (
        LIMIT - 1
    ) + [429]
    response = finished.get(result_url(finished, pdf=True), REMOTE_ADDR=CLIENT)
    assert response.status_code == 429
    assert "Retry-After" in response
    assert finished.post(result_url(finished, pdf=True), REMOTE_ADDR=CLIENT).status_code == 429


def test_journey_pdfs_count_towards_the_limit(api, finished, store, monkeypatch):
    Clock(monkeypatch, MINUTE + 15.0)
    assert [pdf_status(finished) for _ in range(LIMIT + 1)] == [200] * LIMIT + [429]
    assert api(BODY, REMOTE_ADDR=CLIENT).status_code == 429


def test_the_result_page_the_law_and_the_schema_do_not_count(api, finished, store, monkeypatch):
    Clock(monkeypatch, MINUTE + 15.0)
    for _ in range(LIMIT + 2):
        assert finished.get(result_url(finished), REMOTE_ADDR=CLIENT).status_code == 200
        assert finished.get("/api/v1/law", REMOTE_ADDR=CLIENT).status_code == 200
        assert finished.get("/api/v1/openapi.json", REMOTE_ADDR=CLIENT).status_code == 200
    assert api(BODY, REMOTE_ADDR=CLIENT).status_code == 200
