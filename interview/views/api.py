"""JSON API: POST /api/v1/determinations (one body or a batch) and POST /api/v1/summary.pdf.

Stateless and JSON-only, hence CSRF-exempt: no cookie is read or set. Bodies are checked by
interview.api.body with the forms in interview.api.forms, the same forms the OpenAPI document
(interview.api.openapi) is generated from.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from interview import pdf
from interview.api.body import BadRequest, check, not_an_object, problem, read_json
from interview.api.forms import DeterminationForm
from interview.api.serialize import determination_json
from interview.explanation.presentation import present
from interview.platform.ratelimit import spend
from interview.questions.answers import answers_from_api
from rules import Determination, determine

BATCH_LIMIT = 100

__all__ = ["BadRequest", "batch", "determination_from_request", "determinations", "summary_pdf"]


def _determination(data: object) -> tuple[Determination, dict[str, Any]]:
    if not isinstance(data, dict):
        raise BadRequest(not_an_object())
    cleaned = check(DeterminationForm, data)
    return determine(answers_from_api(cleaned)), cleaned


def determination_from_request(request: HttpRequest) -> tuple[Determination, dict[str, Any]]:
    """The determination for a request's JSON body and its cleaned fields; BadRequest if not."""
    return _determination(read_json(request))


def _answer(determination: Determination) -> dict[str, object]:
    return determination_json(present(determination))


@csrf_exempt
@require_POST
def determinations(request: HttpRequest) -> HttpResponse:
    try:
        determination, _cleaned = determination_from_request(request)
    except BadRequest as bad:
        return bad.response()
    return JsonResponse(_answer(determination))


def _batch_item(data: object) -> dict[str, object]:
    try:
        determination, _cleaned = _determination(data)
    except BadRequest as bad:
        return bad.problems.json()
    return _answer(determination)


@csrf_exempt
@require_POST
def batch(request: HttpRequest) -> HttpResponse:
    """A JSON array of 1–100 bodies; the answers in the same order, each a determination or errors.

    Rate-limited as one request per body: the middleware counted this request as one, so the
    other bodies are spent here, before any is worked out.
    """
    try:
        items = read_json(request)
        if not isinstance(items, list):
            raise BadRequest(
                problem(
                    "__all__",
                    _("Send a JSON array of determination bodies, like [{...}, {...}]."),
                    "wrong_type",
                )
            )
        if not 1 <= len(items) <= BATCH_LIMIT:
            raise BadRequest(
                problem(
                    "__all__",
                    _("Send 1 to %(limit)s bodies in one batch.") % {"limit": BATCH_LIMIT},
                    "batch_size",
                )
            )
    except BadRequest as bad:
        return bad.response()
    refused = spend(request, len(items) - 1) if len(items) > 1 else None
    if refused is not None:
        return refused
    return JsonResponse([_batch_item(item) for item in items], safe=False)


@csrf_exempt
@require_POST
def summary_pdf(request: HttpRequest) -> HttpResponse:
    try:
        determination, cleaned = determination_from_request(request)
    except BadRequest as bad:
        return bad.response()
    preparer = {k: v for k, v in (cleaned.get("preparer") or {}).items() if v}
    p = present(determination)
    # Never kept: the API has no session that "Delete my answers" could clear it with.
    return pdf.pdf_response(p, pdf.render(p, preparer), preparer)
