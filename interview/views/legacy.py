"""URLs from before journeys (/questions/…, /result/…): bookmarks and open pages keep working.

Each redirects into this session's current journey (the most recently started). Where there is
none, or with `?reset` (the old "Start now" and "Start again"), a GET goes to the start page and
its button, since a GET never starts a check; a POST starts one and is sent on with 307, so that
an answer typed on a page loaded before journeys existed is not lost.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from interview.platform import journeys


def _to(request: HttpRequest, url: str) -> HttpResponse:
    return HttpResponseRedirect(url, status=307 if request.method == "POST" else 302)


@require_http_methods(["GET", "HEAD", "POST"])
def questions(request: HttpRequest, step: str | None = None) -> HttpResponse:
    key = None if "reset" in request.GET else journeys.latest(request.session)
    if key is None:
        if request.method != "POST":
            # A GET never starts a check (issue 18, finding 10): the start page has the button.
            return redirect("interview:start")
        key = journeys.start(request.session)
    if step is None:
        return _to(request, reverse("interview:questions", args=[key]))
    return _to(request, reverse("interview:step", args=[key, step]))


def _result(request: HttpRequest, name: str) -> HttpResponse:
    key = journeys.latest(request.session)
    if key is None:
        return redirect("interview:expired")
    return _to(request, reverse(name, args=[key]))


@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest) -> HttpResponse:
    return _result(request, "interview:result")


@require_http_methods(["GET", "HEAD", "POST"])
def result_pdf(request: HttpRequest) -> HttpResponse:
    return _result(request, "interview:result_pdf")
