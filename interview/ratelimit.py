"""Per-client rate limit for the API and PDF endpoints (fixed one-minute window).

The counts are shared by every gunicorn worker and every app server: a per-process cache let
five workers through five times over (issue 13, finding 4). `settings.RATE_LIMIT_STORE` says
where they live: "cache" (with REDIS_URL) is one key per client and minute in the shared store,
made with an expiry and raised with `cache.incr`, atomic on the store; "database" is one atomic
upsert per request in the interview_ratewindow table. A batch of bodies spends one request per
body (issue 14).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from .models import RateWindow
from .proxies import client_address

LIMITED_PREFIXES = ("/api/v1/", "/result/summary.pdf")
UNLIMITED_PREFIXES = ("/api/v1/law", "/api/v1/openapi.json")
WINDOW_SECONDS = 60
log = logging.getLogger("rlc.ratelimit")

__all__ = ["RateLimitMiddleware", "client_address", "count", "limited", "spend"]


def count(client: str, minute: int, requests: int = 1) -> int:
    """Add `requests` to the client's window and return the window's total."""
    bucket = f"{client}:{minute}"[:100]
    if settings.RATE_LIMIT_STORE == "cache":
        return _count_in_cache(bucket, requests)
    return _count_in_database(bucket, minute, requests)


def _count_in_cache(bucket: str, requests: int) -> int:
    key = f"rlc-rate:{bucket}"
    # The key outlives its minute by one more, then the store drops it: nothing to sweep.
    for _attempt in range(2):
        cache.add(key, 0, timeout=2 * WINDOW_SECONDS)
        try:
            return int(cache.incr(key, requests))  # INCRBY: concurrent servers never lose one
        except ValueError:  # expired between add and incr: make it again
            continue
    raise LookupError("the rate-limit key vanished twice")


def _count_in_database(bucket: str, minute: int, requests: int) -> int:
    table = connection.ops.quote_name(RateWindow._meta.db_table)
    # One upsert (SQLite 3.35+, PostgreSQL 9.5+): concurrent workers never lose a count.
    sql = (
        f"INSERT INTO {table} (bucket, minute, hits) VALUES (%s, %s, %s) "  # noqa: S608 - our table name
        f"ON CONFLICT (bucket) DO UPDATE SET hits = {table}.hits + %s RETURNING hits"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [bucket, minute, requests, requests])
        hits = int(cursor.fetchone()[0])
    if hits == requests:
        # A client's first request this minute: sweep the windows that are over.
        RateWindow.objects.filter(minute__lt=minute - 1).delete()
    return hits


def limited(path: str) -> bool:
    """The API's POST endpoints and the PDF; not the law, the OpenAPI document or the reference."""
    return path.startswith(LIMITED_PREFIXES) and not path.startswith(UNLIMITED_PREFIXES)


def spend(request: HttpRequest, requests: int = 1) -> HttpResponse | None:
    """Count `requests` for this client; past the limit, the 429 to answer instead."""
    now = time.time()
    try:
        hits = count(client_address(request), int(now // WINDOW_SECONDS), requests)
    except (DatabaseError, RedisError, LookupError) as error:
        # Serve rather than fail when the counter cannot be written, and say so.
        log.warning("rate limit not counted", extra={"error": type(error).__name__})
        return None
    if hits <= settings.RATE_LIMIT_PER_MINUTE:
        return None
    response = JsonResponse(
        {
            "errors": {"__all__": [_("Too many requests. Try again in a minute.")]},
            "codes": {"__all__": ["rate_limited"]},
        },
        status=429,
    )
    response["Retry-After"] = str(WINDOW_SECONDS - int(now) % WINDOW_SECONDS)
    return response


class RateLimitMiddleware:
    """One request counts one; the batch endpoint spends one more per body beyond the first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if limited(request.path):
            refused = spend(request)
            if refused is not None:
                return refused
        return self.get_response(request)
