"""Request id, access log, response headers (Permissions-Policy, Cache-Control), 405 pages."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

access_log = logging.getLogger("rlc.access")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestLogMiddleware:
    """One JSON line per request: id, method, path (never the query string), status, duration."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        access_log.info(
            "request",
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path[:200],
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


class PermissionsPolicyMiddleware:
    """No camera, microphone, location or payment APIs for this site or anything it embeds."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class CrossOriginResourcePolicyMiddleware:
    """`Cross-Origin-Resource-Policy` on every response, static files included (it sits outside
    WhiteNoise): no other site may embed a page, file or PDF of ours (issue 18, finding 13).
    Django has a setting for Cross-Origin-Opener-Policy, none for this header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


class ForeignSessionCookieMiddleware:
    """Drop a session cookie that Django could never have issued, before it reaches the database.

    Django's keys are 32 characters of [a-z0-9]; anything else (NUL bytes, quotes, megabytes)
    is foreign or tampered, and PostgreSQL would refuse a NUL byte with an error page.
    """

    VALID = re.compile(r"^[a-z0-9]{8,64}$")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = settings.SESSION_COOKIE_NAME
        value = request.COOKIES.get(name)
        if value is not None and not self.VALID.match(value):
            del request.COOKIES[name]
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response built by a view.

    Question pages, the check page, the result, the PDF and the API answers all carry a user's
    answers; no browser or shared cache may keep a copy. Static files never get here: WhiteNoise,
    earlier in MIDDLEWARE, answers them with their own long cache lifetime.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Cache-Control", "no-store")
        return response


class MethodNotAllowedMiddleware:
    """Django's 405 (require_POST, View.http_method_not_allowed) is empty: give it our page.

    A method no view here takes (PUT, DELETE, QUERY …) must get that 405, with Allow, not the
    CSRF check's 403 "This form has expired", which ran first because Django checks CSRF on every
    method but the safe ones (issue 18, finding 12). Every view takes at most GET, HEAD and POST
    (tests/web/test_methods.py walks every URL to hold that), so for any other method the CSRF
    check protects nothing: it is skipped, and the view's own method check answers.
    """

    VIEW_METHODS = frozenset({"GET", "HEAD", "POST"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def process_view(self, request: HttpRequest, *_args: object) -> None:
        if request.method not in self.VIEW_METHODS:
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            from interview.platform.errors import method_not_allowed

            return method_not_allowed(request, response.get("Allow", ""))
        return response
