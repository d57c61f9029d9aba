"""Who the client is behind a proxy, and one rate limit for every worker."""

from __future__ import annotations

import uuid

import pytest
from django.test import RequestFactory

from interview.platform import ratelimit

from . import rate_store
from .test_security import BODY

redis_port = rate_store.redis_port  # a fixture: a real redis-server for the module


@pytest.fixture
def one_moment(monkeypatch, settings):
    # 15 s into a window: no window boundary falls inside a test.
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_015.0)
    settings.RATE_LIMIT_PER_MINUTE = 3


def address(remote: str, forwarded: str | None = None) -> str:
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    request = RequestFactory().get("/api/v1/determinations", REMOTE_ADDR=remote, **headers)
    return ratelimit.client_address(request)


def test_forwarded_for_from_an_unlisted_peer_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert address("203.0.113.9", "198.51.100.1") == "203.0.113.9"


def test_the_right_most_address_not_a_trusted_proxy_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    forwarded = "1.2.3.4, 198.51.100.7, 192.0.2.1, 10.0.0.5"
    assert address("10.0.0.2", forwarded) == "198.51.100.7"


def test_a_forged_left_part_of_forwarded_for_changes_nothing(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.7") == "198.51.100.7"
    assert address("10.0.0.2", "7.7.7.7, 198.51.100.7") == "198.51.100.7"


def test_garbage_in_forwarded_for_from_a_trusted_proxy_falls_back_to_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert address("10.0.0.2", "not-an-address") == "10.0.0.2"
    assert address("10.0.0.2", "10.0.0.9") == "10.0.0.9"


def test_a_random_forwarded_for_per_request_does_not_escape_the_limit(api, settings, one_moment):
    # Found by the probe: a random X-Forwarded-For per request, 3,000 of 3,000 accepted.
    settings.TRUSTED_PROXIES = []
    statuses = [
        api(
            BODY, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"10.{i}.0.1, {uuid.uuid4()}"
        ).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_the_limit_holds_when_requests_land_on_different_workers(api, one_moment):
    # Found by the probe: five workers let 300 requests a minute through, not 60.
    from django.core.cache import caches
    from django.core.cache.backends import locmem

    statuses = [api(BODY, REMOTE_ADDR="203.0.113.9").status_code for _ in range(3)]
    # A different worker: nothing in this process's memory is shared with it.
    for cache in caches.all():
        cache.clear()
    locmem._caches.clear()
    statuses.append(api(BODY, REMOTE_ADDR="203.0.113.9").status_code)
    assert statuses == [200, 200, 200, 429]


def test_the_old_windows_are_swept_away(api, monkeypatch, settings):
    from interview.models import RateWindow

    settings.RATE_LIMIT_PER_MINUTE = 3
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_015.0)
    api(BODY, REMOTE_ADDR="203.0.113.9")
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_015.0 + 180)
    api(BODY, REMOTE_ADDR="198.51.100.7")
    assert RateWindow.objects.count() == 1


@pytest.fixture
def counted_in_the_cache(settings, one_moment, redis_port):
    """RATE_LIMIT_STORE and CACHES as REDIS_URL sets them, on a real redis-server (the limit's
    Lua script runs in the store; the cluster test runs the same code behind nginx)."""
    yield rate_store.use_store(settings, redis_port)


def test_with_the_store_the_limit_counts_in_the_cache_and_not_the_table(
    api, counted_in_the_cache, redis_port
):
    import redis

    from interview.models import RateWindow

    statuses = [api(BODY, REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    store = redis.Redis(host="127.0.0.1", port=redis_port)
    key = counted_in_the_cache.make_and_validate_key("rlc-rate:203.0.113.9")
    # Three accepted in the five-second slot of 1_800_000_015 s; the refusal is not counted.
    assert store.hgetall(key) == {b"360000003": b"3"}
    assert 0 < store.ttl(key) <= 65
    assert RateWindow.objects.count() == 0


def test_a_batch_spends_one_per_body_in_the_cache_too(counted_in_the_cache):
    assert ratelimit.take("203.0.113.9", 1_800_000_015.0, 2) == (True, {})
    assert ratelimit.take("203.0.113.9", 1_800_000_016.0) == (True, {360000003: 2})
    assert ratelimit.take("203.0.113.9", 1_800_000_016.0) == (False, {360000003: 3})


def test_a_store_that_does_not_answer_lets_the_request_through(api, counted_in_the_cache, settings):
    from deploy.stack import free_port

    settings.CACHES["default"]["LOCATION"] = f"redis://127.0.0.1:{free_port()}/0"  # nothing there
    settings.CACHES = dict(settings.CACHES)  # tell Django the caches changed
    assert api(BODY, REMOTE_ADDR="203.0.113.9").status_code == 200
