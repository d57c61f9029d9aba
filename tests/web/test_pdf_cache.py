"""No copy of a user's PDF outlives their journey (issue 18, finding 6), and a failing store never
fails a download (finding 4).

With the store (a real redis-server here, as REDIS_URL sets it) a journey's PDF is kept for its
session, at most for the idle timeout, and "Delete my answers" removes it. Without the store
nothing is kept in a process's memory, where a delete in another worker could not reach it.
"""

from __future__ import annotations

import pytest
import redis
from django.core.cache import cache

from deploy.stack import HOST
from interview.pdf import document as pdf_module

from . import rate_store
from .test_security import BODY
from .test_wizard import ROTH_2016
from .wizard_helpers import confirm, result_url, walk

pytestmark = pytest.mark.django_db
redis_port = rate_store.redis_port  # a fixture: a real redis-server for the module
IDLE_MINUTES = 5


@pytest.fixture
def renders(monkeypatch) -> list[int]:
    """One entry per PDF actually rendered (a kept copy served adds none)."""
    calls: list[int] = []
    real = pdf_module._render
    monkeypatch.setattr(pdf_module, "_render", lambda *a: calls.append(1) or real(*a))
    return calls


@pytest.fixture
def store(settings, redis_port) -> redis.Redis:
    """Sessions, the rate limit and the PDF cache in the store, as REDIS_URL sets them."""
    rate_store.use_store(settings, redis_port)
    settings.REDIS_URL = f"redis://{HOST}:{redis_port}/0"
    settings.SESSION_ENGINE = "interview.platform.sessions_cache"
    settings.SESSION_IDLE_MINUTES = IDLE_MINUTES
    settings.SESSION_COOKIE_AGE = IDLE_MINUTES * 60
    return redis.Redis(host=HOST, port=redis_port, socket_timeout=2)


def finished(client) -> None:
    walk(client, ROTH_2016)
    assert confirm(client).status_code == 200


def download(client, preparer: dict[str, str] | None = None) -> bytes:
    url = result_url(client, pdf=True)
    response = client.post(url, preparer) if preparer else client.get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    return response.content


def kept_pdfs(store: redis.Redis) -> list[bytes]:
    """The store's keys whose value holds a PDF, whatever they are named."""
    strings = [key for key in store.scan_iter(count=1000) if store.type(key) == b"string"]
    return [key for key in strings if b"%PDF-" in (store.get(key) or b"")]


def test_a_journey_pdf_is_kept_for_no_longer_than_the_idle_timeout(client, store, renders):
    finished(client)
    first = download(client)
    assert download(client) == first
    assert renders == [1]  # the repeat came from the store
    [key] = kept_pdfs(store)
    assert 0 < store.ttl(key) <= IDLE_MINUTES * 60


def test_delete_my_answers_removes_the_kept_pdf_from_the_store(client, store):
    finished(client)
    download(client)
    assert len(kept_pdfs(store)) == 1
    assert client.post("/delete-my-answers/").status_code == 200
    assert kept_pdfs(store) == []


def test_the_kept_pdf_is_deleted_after_a_new_journey_changed_the_session_id(client, store):
    finished(client)
    download(client)
    session_id = client.cookies["sessionid"].value
    finished(client)  # another tab: its first answer gives the session a new id
    assert client.cookies["sessionid"].value != session_id
    client.post("/delete-my-answers/")
    assert kept_pdfs(store) == []


def test_a_preparer_copy_is_never_kept(client, store, renders):
    finished(client)
    download(client, {"client": "Client A"})
    download(client, {"client": "Client A"})
    assert renders == [1, 1]
    assert kept_pdfs(store) == []


def test_the_api_pdf_is_never_kept_it_has_no_session_to_delete_it_with(api, store, renders):
    for _ in range(2):
        assert api(BODY, path="/api/v1/summary.pdf").status_code == 200
    assert renders == [1, 1]
    assert kept_pdfs(store) == []


def in_process_memory() -> list[bytes]:
    return [value for value in cache._cache.values() if b"%PDF-" in value]


def test_without_the_store_no_pdf_is_kept_in_process_memory(client, renders):
    cache.clear()
    finished(client)
    download(client)
    download(client)
    assert renders == [1, 1]  # a repeat renders again: see pdf_cache.py
    assert in_process_memory() == []
    client.post("/delete-my-answers/")
    assert in_process_memory() == []


@pytest.mark.parametrize("operation", ["get", "set", "delete"])
def test_a_failing_store_skips_the_pdf_cache_and_never_fails_a_request(
    client, api, settings, monkeypatch, operation
):
    # The memory cache stands in for the store and fails as a refusing or hanging store does
    # (a socket timeout is a RedisError too); the sessions stay in the database.
    settings.REDIS_URL = f"redis://{HOST}:1/0"
    finished(client)
    download(client)  # a copy to read, and a name to delete it by

    def down(*args, **kwargs):
        raise redis.exceptions.ConnectionError("store down")

    monkeypatch.setattr(cache, operation, down)
    cache.clear()
    assert client.get(result_url(client, pdf=True)).status_code == 200
    assert api(BODY, path="/api/v1/summary.pdf").status_code == 200
    assert client.post("/delete-my-answers/").status_code == 200
