"""JSON API: POST /api/v1/determinations and POST /api/v1/summary.pdf.

Stateless and JSON-only, hence CSRF-exempt: no cookie is read or set.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from rules import Determination, determine

from ..answers import answers_from_api
from ..explain import explain
from ..fields import is_bounded
from ..forms import DeterminationForm
from ..pdf import PreparerForm, pdf_response
from ..serialize import determination_json
from ..text import is_encodable

BOOLEAN_FIELDS = ("fully_liquidated", "inherited", "rolled_over")
NUMBER_FIELDS = (
    "basis",
    "total_distributions",
    "agi",
    "age_at_distribution",
    "state_basis",
    "state_agi",
    "tax_year",
)
TEXT_FIELDS = ("account_type", "state", "filing_status")


class BadRequest(Exception):
    def __init__(self, errors: dict[str, list[str]], status: int = 400) -> None:
        super().__init__(errors)
        self.errors = errors
        self.status = status


class TooLarge:
    """Stands for a JSON number too long or too large to convert: refused by name, not parsed."""


TOO_LARGE = TooLarge()


def _reject_constant(name: str) -> None:
    raise ValueError(name)


def _json_int(text: str) -> int | TooLarge:
    return int(text) if is_bounded(text) else TOO_LARGE


def _json_decimal(text: str) -> Decimal | TooLarge:
    # Decimal("1e1000000") is cheap; it is converting it to an integer later that is not.
    if not is_bounded(text):
        return TOO_LARGE
    number = Decimal(text)
    return number if is_bounded(number) else TOO_LARGE


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        raw = request.body
    except RequestDataTooBig:
        raise BadRequest({"__all__": [_("The request body is too large.")]}, status=413) from None
    try:
        data = json.loads(
            raw, parse_int=_json_int, parse_float=_json_decimal, parse_constant=_reject_constant
        )
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise BadRequest(
            {"__all__": [_('Send a JSON object, like {"account_type": "roth_ira", ...}.')]}
        ) from None
    if not isinstance(data, dict):
        raise BadRequest({"__all__": [_("Send a JSON object, not a list or a single value.")]})
    return data


def _typed(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """JSON types first: a boolean must be true/false, a number a number or numeric text."""
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    for key in BOOLEAN_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, bool):
            errors[key] = [_("Enter true or false.")]
        else:
            values[key] = value
    for key in NUMBER_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if value is TOO_LARGE or not is_bounded(value):
            errors[key] = [_("That number is too large or too long. Enter it like 18000.")]
        elif isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            errors[key] = [_('Enter a number, like 18000 or "18000.00".')]
        else:
            values[key] = value
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not is_encodable(value):
            errors[key] = [_('Enter plain text, like "roth_ira".')]
        else:
            # "ny" and " Roth_IRA " mean what they say.
            value = value.strip()
            values[key] = value.upper() if key == "state" else value.lower()
    return values, errors


def determination_from_request(request: HttpRequest) -> tuple[Determination, dict[str, Any]]:
    data = _body(request)
    values, errors = _typed(data)
    form = DeterminationForm(data={k: v for k, v in values.items()})
    if not form.is_valid() or errors:
        merged = {k: [str(m) for m in v] for k, v in form.errors.items() if k not in errors}
        merged.update(errors)
        raise BadRequest(merged)
    return determine(answers_from_api(form.cleaned_data)), data


@csrf_exempt
@require_POST
def determinations(request: HttpRequest) -> HttpResponse:
    try:
        determination, _data = determination_from_request(request)
    except BadRequest as bad:
        return JsonResponse({"errors": bad.errors}, status=bad.status)
    return JsonResponse(determination_json(determination, explain(determination)))


@csrf_exempt
@require_POST
def summary_pdf(request: HttpRequest) -> HttpResponse:
    try:
        determination, data = determination_from_request(request)
        preparer = data.get("preparer")
        if preparer is not None and not isinstance(preparer, dict):
            raise BadRequest({"preparer": [_("Send the preparer fields as a JSON object.")]})
        preparer_form = PreparerForm(data=preparer or {})
        if not preparer_form.is_valid():
            raise BadRequest(
                {f"preparer.{k}": [str(m) for m in v] for k, v in preparer_form.errors.items()}
            )
    except BadRequest as bad:
        return JsonResponse({"errors": bad.errors}, status=bad.status)
    return pdf_response(determination, preparer_form.cleaned_data)
