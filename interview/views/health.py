"""Liveness and readiness probes for load balancers and orchestrators."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.conf import settings
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


CHECKS: dict[str, Callable[[], None]] = {"database": _database, "sessions": _sessions}


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve a journey: every check in CHECKS passes; 503 naming the failing ones."""
    results = {}
    for name, check in CHECKS.items():
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
