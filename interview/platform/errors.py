"""Error pages: every error is a product page, or JSON under /api/, never Django's bare default.

Wired in config/urls.py (handler400/404/500), settings.CSRF_FAILURE_VIEW and, for 405,
interview.platform.middleware.MethodNotAllowedMiddleware.
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# The code an API client switches on, for each error the API answers outside its own views
# (interview.api.body.ERROR_CODES documents them; the OpenAPI Errors schema requires `codes`).
API_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    500: "server_error",
}


def api_error(status: int, message: str) -> JsonResponse:
    """The API's error shape, `{"errors": {"__all__": [...]}, "codes": {"__all__": [...]}}`."""
    return JsonResponse(
        {"errors": {"__all__": [message]}, "codes": {"__all__": [API_CODES[status]]}},
        status=status,
    )


def error_response(request: HttpRequest, status: int, heading: str, message: str) -> HttpResponse:
    """A page in the site's layout, or the API's error shape under /api/."""
    if request.path.startswith("/api/"):
        return api_error(status, message)
    return render(request, "error.html", {"heading": heading, "message": message}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Django reports a form post over DATA_UPLOAD_MAX_MEMORY_SIZE as a 400; it is a 413.
    if isinstance(exception, RequestDataTooBig):
        return error_response(
            request,
            413,
            _("What you sent is too large"),
            _("Answers are short. Go back, check what you entered and try again."),
        )
    return error_response(
        request,
        400,
        _("We could not read that request"),
        _("Go back and try again, or start the check from the beginning."),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # The usual cause is a page left open past the session or a blocked cookie.
    return error_response(
        request,
        403,
        _("This form has expired"),
        _("Go back, reload the page and try again. Your browser must accept cookies."),
    )


def method_not_allowed(request: HttpRequest, allowed: str) -> HttpResponse:
    response = error_response(
        request,
        405,
        _("This page cannot do that"),
        _("This address only accepts %(methods)s. Use the buttons on the page, like Start now.")
        % {"methods": allowed},
    )
    response["Allow"] = allowed
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return error_response(
            request, 404, "", _("No such address. The API is at /api/v1/determinations.")
        )
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return api_error(500, _("Something went wrong on our side. Try again."))
    # A standalone page: it must render even when the template context is what failed.
    return render(request, "500.html", status=500)
