"""Per-client rate limit for the API and PDF endpoints, on Django's cache (fixed one-minute window).

With several app servers, point Django's cache at a shared backend so the limit is shared too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

LIMITED_PREFIXES = ("/api/v1/", "/result/summary.pdf")
UNLIMITED_PREFIXES = ("/api/v1/law", "/api/v1/openapi.json")
WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR is the proxy in production; its X-Forwarded-For is set by the proxy we trust.
    forwarded = request.headers.get("X-Forwarded-For", "")
    if forwarded:
        return forwarded.split(",")[-1].strip()[:64]
    return str(request.META.get("REMOTE_ADDR", "unknown"))[:64]


def limited(path: str) -> bool:
    """The API's POST endpoints and the PDF; not the law, the OpenAPI document or the reference."""
    return path.startswith(LIMITED_PREFIXES) and not path.startswith(UNLIMITED_PREFIXES)


def spend(request: HttpRequest, count: int = 1) -> HttpResponse | None:
    """Count `count` requests for this client; past the limit, the 429 to answer instead."""
    limit = settings.RATE_LIMIT_PER_MINUTE
    window = int(time.time() // WINDOW_SECONDS)
    key = f"rlc-rate:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        spent = cache.incr(key, count)
    except ValueError:  # expired between add and incr
        spent = count
    if spent <= limit:
        return None
    retry_after = WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
    response = JsonResponse(
        {
            "errors": {"__all__": [_("Too many requests. Try again in a minute.")]},
            "codes": {"__all__": ["rate_limited"]},
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
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
