"""Per-client rate limit for the API and PDF endpoints (fixed one-minute window).

The counts live in the database, in one atomic statement per request, so every gunicorn worker
(and, on PostgreSQL, every app server) shares one limit: a per-process cache let five workers
through five times over (issue 13, finding 4). When a REDIS_URL-backed cache arrives, `count`
can become `cache.incr` on it, shared across machines the same way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .models import RateWindow
from .proxies import client_address

LIMITED_PREFIXES = ("/api/", "/result/summary.pdf")
WINDOW_SECONDS = 60
log = logging.getLogger("rlc.ratelimit")

__all__ = ["RateLimitMiddleware", "client_address", "count"]


def count(client: str, minute: int) -> int:
    """Add one request to the client's window and return the window's total."""
    table = connection.ops.quote_name(RateWindow._meta.db_table)
    # One upsert (SQLite 3.35+, PostgreSQL 9.5+): concurrent workers never lose a count.
    sql = (
        f"INSERT INTO {table} (bucket, minute, hits) VALUES (%s, %s, 1) "  # noqa: S608 - our table name
        f"ON CONFLICT (bucket) DO UPDATE SET hits = {table}.hits + 1 RETURNING hits"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [f"{client}:{minute}"[:100], minute])
        hits = int(cursor.fetchone()[0])
    if hits == 1:
        # A client's first request this minute: sweep the windows that are over.
        RateWindow.objects.filter(minute__lt=minute - 1).delete()
    return hits


class RateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(LIMITED_PREFIXES) and not request.path.startswith("/api/v1/law"):
            now = time.time()
            try:
                hits = count(client_address(request), int(now // WINDOW_SECONDS))
            except DatabaseError as error:
                # Serve rather than fail when the counter cannot be written, and say so.
                log.warning("rate limit not counted", extra={"error": type(error).__name__})
                hits = 0
            if hits > settings.RATE_LIMIT_PER_MINUTE:
                response = JsonResponse(
                    {"errors": {"__all__": [_("Too many requests. Try again in a minute.")]}},
                    status=429,
                )
                response["Retry-After"] = str(WINDOW_SECONDS - int(now) % WINDOW_SECONDS)
                return response
        return self.get_response(request)
