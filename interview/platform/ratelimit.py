"""Per-client rate limit for the API and every PDF: never more than the limit in any 60 seconds.

The counts are shared by every gunicorn worker and every app server: a per-process cache let
five workers through five times over (issue 13, finding 4). A batch of bodies spends one request
per body (issue 14).

The window slides (issue 18, finding 16). A fixed one-minute window let twice the limit through
across a minute boundary: the limit at 0:59 and again at 1:00. Here each client's accepted
requests are counted in five-second slots, and a request is accepted only if it fits, together
with everything accepted in the current slot and the twelve before it, under the limit. The
bound: take any 60-second span and the last request accepted in it, at time t. Every request
accepted in the span lies in (t - 60, t], inside the slots counted at t (they reach back to
5 * (t // 5 - 12) <= t - 60), so all of them were counted when t was accepted: at most the
limit. The price of the slots: an accepted request holds its place for 60 to 65 seconds, not
exactly 60, and Retry-After says when the oldest ones leave. Refused requests are not counted,
so a client that waits Retry-After gets in.

Which requests count (finding 5): those whose resolved URL is a limited view, not a path
prefix, so the journey PDF `/j/<key>/result/summary.pdf` counts like the API's PDF.

`settings.RATE_LIMIT_STORE` says where the slots live: "cache" (with REDIS_URL) is one hash per
client in the shared store, read, pruned and raised by one Lua script, which the store runs
atomically; "database" is one row per client in the interview_ratewindow table, read and
rewritten in a transaction that holds the row's lock (SQLite: the write lock taken at BEGIN).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from interview.models import RateWindow
from interview.platform.proxies import client_address

# The API's POST endpoints and everything that renders or leads to a PDF; not the law, the
# OpenAPI document or the reference (cheap, and read by tools).
LIMITED_VIEWS = frozenset(
    {
        "interview:api_determinations",
        "interview:api_batch",
        "interview:api_summary_pdf",
        "interview:result_pdf",
        "interview:old_result_pdf",
    }
)
WINDOW_SECONDS = 60
SLOT_SECONDS = 5
SLOTS = WINDOW_SECONDS // SLOT_SECONDS  # full slots counted before the current one
log = logging.getLogger("rlc.ratelimit")

__all__ = ["RateLimitMiddleware", "client_address", "limited", "spend", "take"]

# KEYS[1]: the client's hash, slot -> hits. ARGV: current slot, oldest slot counted, requests,
# limit, expiry. Returns {1 if granted else 0, {slot, hits, ...} counted before this request}.
_TAKE = """
local oldest = tonumber(ARGV[2])
local flat = redis.call('HGETALL', KEYS[1])
local live, used = {}, 0
for i = 1, #flat, 2 do
  if tonumber(flat[i]) < oldest then
    redis.call('HDEL', KEYS[1], flat[i])
  else
    used = used + tonumber(flat[i + 1])
    live[#live + 1] = flat[i]
    live[#live + 1] = flat[i + 1]
  end
end
if used + tonumber(ARGV[3]) > tonumber(ARGV[4]) then
  return {0, live}
end
redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return {1, live}
"""


def take(client: str, now: float, requests: int = 1) -> tuple[bool, dict[int, int]]:
    """Accept `requests` for `client` at `now` if they fit under the limit, and count them.

    Returns whether they were accepted and the client's counts per slot before this request.
    """
    client = client[:100]
    if settings.RATE_LIMIT_STORE == "cache":
        return _take_in_cache(client, int(now // SLOT_SECONDS), requests)
    return _take_in_database(client, int(now // SLOT_SECONDS), requests)


def _take_in_cache(client: str, slot: int, requests: int) -> tuple[bool, dict[int, int]]:
    key = cache.make_and_validate_key(f"rlc-rate:{client}")
    store = cache._cache.get_client(key, write=True)  # the redis client under Django's cache
    # The hash lives as long as its newest slot counts, then the store drops it: nothing to sweep.
    expiry = (SLOTS + 1) * SLOT_SECONDS
    granted, flat = store.eval(_TAKE, 1, key, slot, slot - SLOTS, requests, _limit(), expiry)
    return bool(granted), {int(s): int(n) for s, n in zip(flat[::2], flat[1::2], strict=True)}


def _take_in_database(client: str, slot: int, requests: int) -> tuple[bool, dict[int, int]]:
    rows = RateWindow.objects
    with transaction.atomic():
        # INSERT ... ON CONFLICT DO NOTHING, then lock the row: concurrent workers queue here.
        rows.bulk_create([RateWindow(client=client, newest=-1, counts={})], ignore_conflicts=True)
        row = rows.select_for_update().get(client=client)
        counts = {int(s): n for s, n in row.counts.items() if int(s) >= slot - SLOTS}
        granted = sum(counts.values()) + requests <= _limit()
        counted = dict(counts)
        if granted:
            counted[slot] = counted.get(slot, 0) + requests
        rows.filter(client=client).update(
            newest=max(counted, default=row.newest), counts={str(s): n for s, n in counted.items()}
        )
    if row.newest < slot:
        # This client's first request in this slot: sweep the rows whose every slot is over.
        rows.filter(newest__lt=slot - SLOTS).delete()
    return granted, counts


def _limit() -> int:
    return settings.RATE_LIMIT_PER_MINUTE


def retry_after(counts: dict[int, int], now: float, requests: int) -> int:
    """Seconds until enough of the oldest slots leave the window for `requests` to fit."""
    used = sum(counts.values())
    for slot in sorted(counts):
        used -= counts[slot]
        if used + requests <= _limit():
            # A slot is counted up to the end of the twelve slots after it.
            return max(1, math.ceil((slot + SLOTS + 1) * SLOT_SECONDS - now))
    return WINDOW_SECONDS + SLOT_SECONDS  # more than the limit at once never fits


def limited(request: HttpRequest) -> bool:
    """The resolved view is one that costs: the API's POST endpoints and every PDF."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in LIMITED_VIEWS


def spend(request: HttpRequest, requests: int = 1) -> HttpResponse | None:
    """Count `requests` for this client; past the limit, the 429 to answer instead."""
    now = time.time()
    try:
        granted, counts = take(client_address(request), now, requests)
    except (DatabaseError, RedisError) as error:
        # Serve rather than fail when the counter cannot be written, and say so.
        log.warning("rate limit not counted", extra={"error": type(error).__name__})
        return None
    if granted:
        return None
    response = JsonResponse(
        {
            "errors": {"__all__": [_("Too many requests. Try again in a minute.")]},
            "codes": {"__all__": ["rate_limited"]},
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after(counts, now, requests))
    return response


class RateLimitMiddleware:
    """One request counts one; the batch endpoint spends one more per body beyond the first.

    The check runs once the URL is resolved (process_view), before the view and before the
    CSRF check, so any path that reaches a limited view counts, whatever its spelling.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        return spend(request) if limited(request) else None
