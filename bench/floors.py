"""Floor views for `make bench`, mounted only when RLC_BENCH_HELLO=1 (config/urls.py).

A wizard step's own cost is measured against a view that does the same session work with
Django's stock session engine and nothing else: the request goes through the same middleware
(CSRF included), reads the browser's session, stores one step's answer under a key of the same
shape and size as the wizard's, and saves it. The difference is what the wizard, its forms and
our merging session store add (issue 18: "an honest floor", goal ≤ 1.3×).
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE = "bench_floor_session"
# Django's own engines, without interview.platform.sessions' merging: the database's, or the cache's
# where the store holds the sessions.
STOCK_ENGINE = (
    "django.contrib.sessions.backends.cache"
    if settings.SESSION_ENGINE.endswith("_cache")
    else "django.contrib.sessions.backends.db"
)


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello")


def session_step(request: HttpRequest) -> HttpResponse:
    store = import_module(STOCK_ENGINE).SessionStore(request.COOKIES.get(COOKIE))
    journey = "J" * 22  # a journey key's length (interview/platform/journeys.py)
    store.setdefault(f"rlc.j.{journey}", {"started": 1_764_000_000_000_000_000})
    # What formtools stores for one answered step: the posted fields, as lists.
    store[f"rlc.j.{journey}.step.account_type"] = {
        key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"
    }
    store.save()
    response = HttpResponse(status=302, headers={"Location": "/"})
    response.set_cookie(COOKIE, store.session_key, httponly=True, samesite="Lax")
    return response
