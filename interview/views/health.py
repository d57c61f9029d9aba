"""Liveness and readiness probes for load balancers and orchestrators."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

PROBE = "rlc.readyz"


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process answers: no database needed."""
    return JsonResponse({"status": "ok"})


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _sessions() -> None:
    """What every journey needs: the session store is there (migrated), writable and readable.

    Writes a probe session, reads it back and deletes it, through the configured engine.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    probe = store_class()
    probe[PROBE] = True
    probe.create()
    try:
        if store_class(session_key=probe.session_key).load().get(PROBE) is not True:
            raise LookupError("the probe session was not read back")
    finally:
        probe.delete()


def _store() -> None:
    """The shared store (REDIS_URL) takes a write and gives it back: the rate limit and the PDF
    cache live there."""
    cache.set(PROBE, "ok", timeout=10)
    try:
        if cache.get(PROBE) != "ok":
            raise LookupError("the probe key was not read back")
    finally:
        cache.delete(PROBE)


def checks() -> dict[str, Callable[[], None]]:
    """What this deployment needs: the database only where one is configured (none beside
    REDIS_URL), the store where there is one, and the session engine always."""
    found: dict[str, Callable[[], None]] = {}
    if connection.settings_dict["ENGINE"] != "django.db.backends.dummy":
        found["database"] = _database
    if settings.REDIS_URL:
        found["store"] = _store
    found["sessions"] = _sessions
    return found


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve a journey: every check in checks() passes; 503 naming the failing ones."""
    results = {}
    for name, check in checks().items():
        try:
            check()
        except Exception:  # any failure means "not ready", never a 500 page
            results[name] = "error"
        else:
            results[name] = "ok"
    ready = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **results}, status=200 if ready else 503
    )
