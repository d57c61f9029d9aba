"""GET /api/v1/openapi.json and the reference page at /api/, both from interview.api.openapi.

The page is the document made readable: one source, so the two cannot disagree. It is rendered on
the server in the base template; no script, nothing inline (the CSP forbids both).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from interview.api.body import ERROR_CODES
from interview.api.examples import EXAMPLES
from interview.api.openapi import document

Schema = dict[str, Any]
CURL_BODY = EXAMPLES[0].body


@csrf_exempt  # read-only: a POST gets require_GET's 405, not the CSRF check's 403
@require_GET
def openapi_json(request: HttpRequest) -> JsonResponse:
    # One language for the whole document (its fixed words are English; the fields' help would
    # otherwise follow Accept-Language): it describes the contract, which is the same for all.
    with translation.override("en"):
        response = JsonResponse(document(), json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = "en"
    return response


def kind(schema: Schema, schemas: Schema) -> str:
    """A field's type in words: `text, one of …`, `number or decimal text ≥ 0`."""
    if "$ref" in schema:
        return f"object ({schema['$ref'].rsplit('/', 1)[-1]})"
    if "anyOf" in schema:
        parts = [kind(s, schemas) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(dict.fromkeys(parts))
    types = schema.get("type", "object")
    types = [t for t in ([types] if isinstance(types, str) else types) if t != "null"]
    words = {"string": "text", "number": "number", "integer": "integer", "boolean": "true/false"}
    text = " or ".join(words.get(t, t) for t in types)
    if "minimum" in schema or "maximum" in schema:
        text += f" from {schema.get('minimum', '…')} to {schema.get('maximum', '…')}"
    if "maxLength" in schema:
        text += f", at most {schema['maxLength']} characters"
    return text


def _fields(name: str, schemas: Schema) -> list[dict[str, object]]:
    schema = schemas[name]
    required = set(schema.get("required", ()))
    rows = []
    for field, spec in schema["properties"].items():
        enum = next((s.get("enum") for s in [spec, *spec.get("anyOf", [])] if "enum" in s), None)
        rows.append(
            {
                "name": field,
                "kind": kind(spec, schemas),
                "required": field in required,
                "description": spec.get("description", ""),
                "values": [v for v in enum or () if v is not None],
            }
        )
    return rows


def _operations(doc: Schema, base: str) -> list[dict[str, object]]:
    body = json.dumps(CURL_BODY)
    operations = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            url = base + path.lstrip("/").replace("{code}", "NY")
            if path.endswith("/batch"):
                curl = f"curl -s {url} -H 'Content-Type: application/json' -d '[{body}]'"
            elif path.endswith(".pdf"):
                curl = (
                    f"curl -s {url} -H 'Content-Type: application/json' -d '{body}' -o summary.pdf"
                )
            elif method == "post":
                curl = f"curl -s {url} -H 'Content-Type: application/json' -d '{body}'"
            else:
                curl = f"curl -s {url}"
            operations.append(
                {
                    "id": op["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": op["summary"],
                    "description": op.get("description", ""),
                    "responses": [
                        (status, r["description"]) for status, r in op["responses"].items()
                    ],
                    "curl": curl,
                }
            )
    return operations


@csrf_exempt
@require_GET
def reference(request: HttpRequest) -> HttpResponse:
    doc = document()
    schemas = doc["components"]["schemas"]
    nested = [n for n in schemas if n not in ("DeterminationRequest",) and "Form" not in n]
    objects = [
        {"name": name, "fields": _fields(name, schemas)}
        for name in ["DeterminationRequest", *nested]
        if schemas[name].get("additionalProperties") is False
    ]
    return render(
        request,
        "api.html",
        {
            "info": doc["info"],
            "operations": _operations(doc, request.build_absolute_uri("/")),
            "objects": objects,
            "codes": list(ERROR_CODES.items()),
            "examples": [(e.summary, e.scenario) for e in EXAMPLES],
        },
    )
