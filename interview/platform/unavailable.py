"""The answer when the shared store (REDIS_URL) fails: "briefly unavailable", never "no session".

Django's cache session took a store error for a missing session: the user was sent to "Your
session has ended" and the cookie deleted, so answers still in the store became unreachable
(issue 18, finding 4). interview.platform.sessions.SessionMiddleware answers this 503 instead, for an
error while the session is read or written, and leaves the cookie alone.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 10  # the outages seen were seconds long (a restart, a failover)


def store_unavailable(request: HttpRequest, error: Exception) -> HttpResponse:
    """503 with Retry-After: a page saying the answers are kept, or the API's error JSON."""
    # The error's type only: its message can name the store's address.
    log.warning("store unavailable", extra={"error": type(error).__name__})
    if request.path.startswith("/api/"):
        message = _("The service is briefly unavailable. Try again in a minute.")
        response: HttpResponse = JsonResponse(
            {"errors": {"__all__": [message]}, "codes": {"__all__": ["unavailable"]}},
            status=503,
        )
    else:
        # "Try again" reloads the page asked for (a POST's page shows its question again);
        # never a "//host" path, which a browser would read as another site.
        retry = request.path if not request.path.startswith("//") else "/"
        response = render(request, "unavailable.html", {"retry_url": retry}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
