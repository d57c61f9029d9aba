"""GET /api/v1/law and /api/v1/law/<code>: the law data itself, a preparer's reference."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from interview.api.serialize import citation_json
from rules import Jurisdiction, Period, Rule, current_law


def _years(first: int, last: int | None) -> dict[str, int | None]:
    return {"first": first, "last": last}


def _period(period: Period) -> dict[str, object]:
    return {
        "id": period.id,
        "years": _years(period.years.first, period.years.last),
        "outcome": period.outcome,
        "statement": period.statement,
        "form_line": period.form_line or None,
        "state_basis": period.state_basis,
        "floor_percent": None if period.floor_percent is None else str(period.floor_percent),
        "share_percent": None if period.share_percent is None else str(period.share_percent),
        "citations": [citation_json(c) for c in period.citations],
        "reviewed": period.reviewed.isoformat(),
    }


def _rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "years": _years(rule.years.first, rule.years.last),
        "statement": rule.statement,
        "values": {k: str(v) for k, v in rule.values.items()},
        "citations": [citation_json(c) for c in rule.citations],
        "reviewed": rule.reviewed.isoformat(),
    }


def jurisdiction_json(j: Jurisdiction) -> dict[str, object]:
    return {
        "code": j.code,
        "name": j.name,
        "periods": [_period(p) for p in j.periods],
        "capital_losses": None if j.capital_losses is None else _period(j.capital_losses),
        "rules": [_rule(r) for r in j.rules],
    }


@csrf_exempt  # read-only: a POST gets the 405 below, not the CSRF check's 403
@require_GET
def law_index(request: HttpRequest) -> JsonResponse:
    law = current_law()
    return JsonResponse(
        {
            "rules_version": law.version,
            "jurisdictions": [
                jurisdiction_json(j) for _code, j in sorted(law.jurisdictions.items())
            ],
        }
    )


@csrf_exempt
@require_GET
def law_detail(request: HttpRequest, code: str) -> JsonResponse:
    law = current_law()
    jurisdiction = law.jurisdictions.get(code.upper())
    if jurisdiction is None:
        return JsonResponse(
            {
                "errors": {"code": [_("Use US or a two-letter state code, like NY or DC.")]},
                "codes": {"code": ["not_found"]},
            },
            status=404,
        )
    return JsonResponse({"rules_version": law.version, **jurisdiction_json(jurisdiction)})
