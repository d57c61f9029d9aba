"""Liveness and readiness probes."""

from __future__ import annotations

import pytest


def test_healthz_answers_without_the_database(client, django_db_blocker):
    with django_db_blocker.block():
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_readyz_says_503_when_the_database_fails(client, monkeypatch):
    from django.db import connection

    def broken():
        raise RuntimeError("database down")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_readyz_says_503_when_the_session_table_is_missing(client):
    # Found by the probe: ready while every question answered 500 on an unmigrated database.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE django_session")  # rolled back with the test's transaction
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["sessions"] == "error"


# Each engine's own way to refuse writes from here on: SQLite's per-connection switch, and
# PostgreSQL's for the test's transaction (rolled back after the test).
READ_ONLY = {
    "sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
    "postgresql": ("SET TRANSACTION READ ONLY", None),
}


@pytest.mark.django_db
def test_readyz_says_503_when_the_database_is_read_only(client):
    from django.db import connection

    refuse_writes, allow_writes = READ_ONLY[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(refuse_writes)
    try:
        response = client.get("/readyz")
    finally:
        if allow_writes:
            with connection.cursor() as cursor:
                cursor.execute(allow_writes)
    assert response.status_code == 503
    assert response.json()["sessions"] == "error"


@pytest.mark.django_db
def test_readyz_writes_a_probe_session_and_leaves_nothing_behind(client):
    from django.contrib.sessions.models import Session

    response = client.get("/readyz")
    assert response.json() == {"status": "ok", "database": "ok", "sessions": "ok"}
    assert Session.objects.count() == 0


@pytest.mark.django_db
def test_readyz_checks_the_store_when_redis_url_is_set(client, settings, monkeypatch):
    from django.core.cache import cache

    settings.REDIS_URL = "redis://127.0.0.1:6379/0"  # the memory cache stands in for the store
    assert client.get("/readyz").json() == {
        "status": "ok",
        "database": "ok",
        "store": "ok",
        "sessions": "ok",
    }

    def down(*args, **kwargs):
        raise ConnectionError("store down")

    monkeypatch.setattr(cache, "set", down)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["store"] == "error"
