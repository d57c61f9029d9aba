"""Thin page views: they load the answers, call the engine and render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from rules import Determination, determine

from ..answers import SESSION_KEY, AnswersMissing, answers_from_interview, unsure_about
from ..explain import explain
from ..pdf import PreparerForm, check_code, pdf_response
from ..summary import answer_rows

WIZARD_STORAGE_PREFIX = "wizard_"


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "start.html")


def _stored(request: HttpRequest) -> tuple[Determination, dict[str, object]]:
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        raise AnswersMissing("no answers in this session")
    return determine(answers_from_interview(stored)), stored


def _rows(stored: dict[str, object]) -> list:
    return answer_rows(stored, lambda step: reverse("interview:step", kwargs={"step": step}))


@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest) -> HttpResponse:
    try:
        d, stored = _stored(request)
    except AnswersMissing:
        return redirect("interview:expired")
    return render(
        request,
        "result.html",
        {
            "d": d,
            "e": explain(d, unsure_about(stored)),
            "rows": _rows(stored),
            "preparer_form": PreparerForm(),
            "check_code": check_code(d),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def result_pdf(request: HttpRequest) -> HttpResponse:
    try:
        d, stored = _stored(request)
    except AnswersMissing:
        return redirect("interview:expired")
    preparer: dict[str, str] = {}
    if request.method == "POST":
        form = PreparerForm(request.POST)
        if not form.is_valid():
            return render(
                request,
                "result.html",
                {
                    "d": d,
                    "e": explain(d, unsure_about(stored)),
                    "rows": _rows(stored),
                    "preparer_form": form,
                    "check_code": check_code(d),
                },
                status=400,
            )
        preparer = form.cleaned_data
    return pdf_response(d, preparer, _rows(stored), unsure_about(stored))


@require_POST
def delete_answers(request: HttpRequest) -> HttpResponse:
    # flush() deletes the server-side session row and issues a new, empty session id.
    request.session.flush()
    return render(request, "deleted.html")


@require_http_methods(["GET", "HEAD"])
def extend_session(request: HttpRequest) -> HttpResponse:
    # "I need more time": touching the session pushes its idle expiry forward.
    request.session.modified = True
    return HttpResponse(status=204)


def help_basis(request: HttpRequest) -> HttpResponse:
    return render(request, "help/basis.html")


def help_paid_out(request: HttpRequest) -> HttpResponse:
    return render(request, "help/paid_out.html")


def expired(request: HttpRequest) -> HttpResponse:
    return render(request, "expired.html")
