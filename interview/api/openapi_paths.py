"""The paths of the OpenAPI document: the endpoints, their bodies, answers and refusals.

Example answers are worked out by the engine from the request examples, never written by hand.
"""

from __future__ import annotations

from typing import Any

from interview.api.body import BadRequest, check
from interview.api.forms import DeterminationForm
from interview.api.openapi_responses import listing, ref
from interview.api.serialize import determination_json
from interview.explanation.presentation import present
from interview.questions.answers import answers_from_api
from rules import STATE_CODES, determine

Schema = dict[str, Any]


def answer_for(body: dict[str, object]) -> dict[str, object]:
    """What the API answers for a body (the engine's answer, or the 400's errors)."""
    try:
        cleaned = check(DeterminationForm, body)
    except BadRequest as bad:
        return bad.problems.json()
    determination = determine(answers_from_api(cleaned))
    return determination_json(present(determination))


def error_example(body: dict[str, object]) -> Schema:
    return {"summary": "A misspelt key", "value": answer_for(body)}


def _json(schema: Schema, examples: Schema | None = None) -> Schema:
    content: Schema = {"schema": schema}
    if examples:
        content["examples"] = examples
    return {"application/json": content}


# The texts of an answer (headlines, explanation sentences, worksheet labels, next steps, error
# messages) follow Accept-Language, as the pages do; codes, keys, figures and citations do not.
LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "`es` (or `es-US`, `es-MX`, …) for the texts in Spanish; anything else, or "
    "none, for English. Codes, keys, amounts and citations are the same in every language.",
    "schema": {"type": "string"},
    "examples": {"spanish": {"value": "es"}, "english": {"value": "en"}},
}
SAID_IN = {
    "Content-Language": {
        "schema": {"type": "string", "enum": ["en", "es"]},
        "description": "The language of the texts (responses vary on Accept-Language).",
    }
}


def _refusals(bad_example: Schema) -> Schema:
    retry = {"schema": {"type": "integer"}, "description": "Seconds until the next minute."}
    return {
        "400": {
            "description": "The body was refused: every problem, by field, with its code.",
            "content": _json(ref("Errors"), {"misspelt": bad_example}),
        },
        "413": {"description": "The body is larger than 64 KB.", "content": _json(ref("Errors"))},
        "429": {
            "description": "Too many requests this minute (a batch counts one per body).",
            "headers": {"Retry-After": retry},
            "content": _json(ref("Errors")),
        },
        "503": {
            "description": "The shared store (REDIS_URL) did not answer for a moment; nothing "
            "was kept or lost: send the same request again (code `unavailable`).",
            "headers": {
                "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}
            },
            "content": _json(ref("Errors")),
        },
    }


def paths(examples: Schema, scenarios: dict[str, str], bad_example: Schema) -> Schema:
    answers = {
        name: {"summary": example["summary"], "value": answer_for(example["value"])}
        for name, example in examples.items()
    }
    request = {"required": True, "content": _json(ref("DeterminationRequest"), examples)}
    sources = ", ".join(f"`{name}` ({scenarios[name]})" for name in examples)
    batch_bodies = [e["value"] for e in examples.values()][:2]
    return {
        "/api/v1/determinations": {
            "post": {
                "operationId": "determine",
                "summary": "Is this loss deductible? The federal and state answer, with the law.",
                "description": f"Examples come from the test scenario tables: {sources}.",
                "parameters": [LANGUAGE],
                "requestBody": request,
                "responses": {
                    "200": {
                        "description": "The determination.",
                        "headers": SAID_IN,
                        "content": _json(ref("Determination"), answers),
                    },
                    **_refusals(bad_example),
                },
            }
        },
        "/api/v1/determinations/batch": {
            "post": {
                "operationId": "determineBatch",
                "summary": "Up to 100 determinations in one request, answered in the same order.",
                "description": "Each answer is the determination or that body's errors; the "
                "request is rate-limited as one request per body.",
                "parameters": [LANGUAGE],
                "requestBody": {
                    "required": True,
                    "content": _json(
                        {
                            "type": "array",
                            # Any item is taken: one that is not a valid body is answered in
                            # its place with its own errors, and the batch still succeeds.
                            "items": {
                                "anyOf": [ref("DeterminationRequest"), {}],
                                "description": "A body as for POST /api/v1/determinations. An "
                                "item that is not a valid body gets its own errors in its place "
                                "in the answer; the other items are answered as usual.",
                            },
                            "minItems": 1,
                            "maxItems": 100,
                        },
                        {"two": {"summary": "Two bodies", "value": batch_bodies}},
                    ),
                },
                "responses": {
                    "200": {
                        "description": "One answer per body, in order.",
                        "headers": SAID_IN,
                        "content": _json(listing(ref("BatchItem"))),
                    },
                    **_refusals(bad_example),
                },
            }
        },
        "/api/v1/summary.pdf": {
            "post": {
                "operationId": "summaryPdf",
                "summary": "The same determination as a PDF summary (PDF/UA), with preparer fields.",
                "description": "In Spanish with `Accept-Language: es`: its text, its `lang` and "
                "its file name.",
                "parameters": [LANGUAGE],
                "requestBody": request,
                "responses": {
                    "200": {
                        "description": "The PDF.",
                        "headers": SAID_IN,
                        "content": {
                            "application/pdf": {"schema": {"type": "string", "format": "binary"}}
                        },
                    },
                    **_refusals(bad_example),
                },
            }
        },
        "/api/v1/law": {
            "get": {
                "operationId": "law",
                "summary": "The law data: federal and every state, each period with citations.",
                "responses": {
                    "200": {"description": "Every jurisdiction.", "content": _json(ref("LawIndex"))}
                },
            }
        },
        "/api/v1/law/{code}": {
            "get": {
                "operationId": "lawOf",
                "summary": "One jurisdiction's law: US, a state or DC.",
                "parameters": [
                    {
                        "name": "code",
                        "in": "path",
                        "required": True,
                        "description": "US or a two-letter state code, like NY, in any case "
                        "(ny and Ny are NY): " + ", ".join(["US", *STATE_CODES]) + "; any other "
                        "is 404.",
                        # Any case is read, so an enum of capitals would call `ny` invalid data
                        # the API accepts (Schemathesis, negative data): the shape, not the list.
                        "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The jurisdiction.",
                        "content": _json(ref("JurisdictionDetail")),
                    },
                    "404": {
                        "description": "No such jurisdiction.",
                        "content": _json(ref("Errors")),
                    },
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document.",
                "responses": {
                    "200": {"description": "OpenAPI 3.1.", "content": _json({"type": "object"})}
                },
            }
        },
    }
