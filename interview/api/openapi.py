"""The OpenAPI 3.1 document for /api/v1, generated from the forms that check the requests.

Why the forms and not a schema library (pydantic, msgspec, marshmallow): the API already parses
its bodies with the interview's own Django forms (MoneyField accepts "$1,234.56"; TaxYearField
knows the supported years), so those forms are the one source that cannot disagree with the
checking. A schema library would be a second definition of every field, or would need the forms
rewritten around it. Here each field says how it is documented: help_text is the description,
choices the enum, min/max/max_length the range, and a field with a `json_schema()` method (MoneyField,
TaxYearField) describes itself. interview.api.body checks bodies by walking the same fields.

Adding a request field is one declaration on interview.api.forms.DeterminationForm; adding a nested object is
one ObjectField(SomeForm) there: both appear here, in the checking and in the answer's `answers`.
Answers are described in interview.api.openapi_responses, endpoints in interview.api.openapi_paths.
"""

from __future__ import annotations

from typing import Any

from django import forms

from interview.api.body import BOOLEAN, ERROR_CODES, NUMBER, json_kind
from interview.api.examples import EXAMPLES, MISSPELT
from interview.api.forms import DeterminationForm
from interview.api.openapi_paths import error_example, paths
from interview.api.openapi_planner import CLOSING_PLAN_FIELD, closing_plan_schemas
from interview.api.openapi_responses import law_schemas, response_schemas
from interview.questions.fields import ObjectField

Schema = dict[str, Any]


# What "not given" is in a request: null, empty text for a field that takes text (the fields
# read "" as blank, as a form does), or an empty array. `given()` is its opposite.
NOT_GIVEN: Schema = {"enum": [None, "", []]}


def given(name: str) -> Schema:
    """An object in which `name` is sent with a value (not left out, null or "")."""
    return {"required": [name], "properties": {name: {"not": NOT_GIVEN}}}


def blank_allowed(schema: Schema, field: forms.Field) -> Schema:
    """An optional field that takes text also takes "" as 'not given' (the API always has)."""
    if isinstance(field, ObjectField) or json_kind(field) == BOOLEAN:
        return schema
    if schema.get("type") == "string" and "enum" not in schema:
        return schema  # any text, "" included
    inner = {k: v for k, v in schema.items() if k not in ("description", "examples")}
    wrapped: Schema = {"anyOf": [*inner.get("anyOf", [inner]), {"const": ""}]}
    for key in ("examples", "description"):
        if key in schema:
            wrapped[key] = schema[key]
    return wrapped


def nullable(schema: Schema) -> Schema:
    """The same schema, also allowing null (JSON null means 'not given' in a request)."""
    if isinstance(schema.get("type"), str):
        schema = {**schema, "type": [schema["type"], "null"]}
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    inner = {k: v for k, v in schema.items() if k != "description"}
    wrapped: Schema = {"anyOf": [inner, {"type": "null"}]}
    if "description" in schema:
        wrapped["description"] = schema["description"]
    return wrapped


def schema_name(form_class: type[forms.Form]) -> str:
    return form_class.__name__.removesuffix("Form")


def integer_up_to(largest: int) -> str:
    """A regular expression for the whole numbers 0 to `largest` (leading zeros aside)."""
    digits = str(largest)
    shorter = [rf"\d{{1,{len(digits) - 1}}}"] if len(digits) > 1 else []
    same_length = []
    for i, digit in enumerate(digits):
        low = 1 if i == 0 and len(digits) > 1 else 0
        if int(digit) > low:
            rest = len(digits) - i - 1
            tail = rf"\d{{{rest}}}" if rest else ""
            same_length.append(f"{digits[:i]}[{low}-{int(digit) - 1}]{tail}")
    return "|".join([*shorter, *same_length, digits])


def decimal_text_up_to(largest: int, places: int) -> str:
    """Decimal text from 0 to `largest` with at most `places` decimals: the text a number-with-
    a-range field takes, so that the document refuses what the field refuses (a 192-year age)."""
    below = integer_up_to(largest - 1) if largest > 0 else None
    top = rf"{largest}(\.0{{1,{places}}})?"
    inner = f"({below})(\\.\\d{{1,{places}}})?|{top}" if below else top
    return rf"^ *({inner}) *$"


def _number_range(field: forms.Field) -> Schema:
    bounds: Schema = {}
    if getattr(field, "min_value", None) is not None:
        bounds["minimum"] = field.min_value  # type: ignore[attr-defined]
    if getattr(field, "max_value", None) is not None:
        bounds["maximum"] = field.max_value  # type: ignore[attr-defined]
    return bounds


def field_schema(field: forms.Field) -> Schema:
    """One form field as JSON Schema: type, range, enum, description."""
    kind = json_kind(field)
    if isinstance(field, ObjectField):
        schema: Schema = {"$ref": f"#/components/schemas/{schema_name(field.form_class)}"}
        if field.many:
            schema = {"type": "array", "items": schema, "maxItems": field.many}
    elif hasattr(field, "json_schema"):
        schema = field.json_schema()
    elif kind == BOOLEAN:
        schema = {"type": "boolean"}
    elif isinstance(field, forms.ChoiceField):
        schema = {"type": "string", "enum": [str(v) for v, _label in field.choices if v != ""]}
    elif kind == NUMBER:
        bounds = _number_range(field)
        text: Schema = {"type": "string", "pattern": r"^ *\d+(\.\d+)? *$"}
        if isinstance(field, forms.DecimalField) and field.max_digits and field.decimal_places:
            places = field.decimal_places
            bounds["multipleOf"] = 10**-places  # more decimal places are refused
            if isinstance(field.max_value, int):
                text["pattern"] = decimal_text_up_to(field.max_value, places)
            else:
                whole = field.max_digits - places
                text["pattern"] = rf"^ *\d{{1,{whole}}}(\.\d{{1,{places}}})? *$"
        schema = {"anyOf": [{"type": "number", **bounds}, text]}
    else:
        schema = {"type": "string"}
        if getattr(field, "max_length", None):
            schema["maxLength"] = field.max_length  # type: ignore[attr-defined]
    description = str(field.help_text or field.label or "")
    if isinstance(field, forms.ChoiceField):
        description += " Matched whatever the case."
    if description:
        # A $ref with siblings is fine in OpenAPI 3.1 (JSON Schema 2020-12).
        schema = {**schema, "description": description.strip()}
    return schema if field.required else nullable(blank_allowed(schema, field))


def object_schema(form_class: type[forms.Form]) -> Schema:
    """A form as a closed JSON object: unknown keys are refused, so the schema says so."""
    fields = form_class.base_fields
    schema: Schema = {
        "type": "object",
        "description": (form_class.__doc__ or "").strip().split("\n\n")[0],
        "properties": {name: field_schema(field) for name, field in fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, field in fields.items() if field.required]
    if required:
        schema["required"] = required
    conditions = getattr(form_class, "required_when", {})
    # Each rule as the form checks it: a field counts as sent only with a value (given()).
    rules = [
        {
            "if": {
                "properties": {other: {"const": value}},
                "required": [other],
                "not": given(unless),
            },
            "then": given(name),
        }
        for name, (other, value, unless) in conditions.items()
    ]
    rules += [
        {"oneOf": [given(name) for name in group]} for group in getattr(form_class, "one_of", ())
    ]
    rules += [
        {"not": {"allOf": [given(name) for name in pair]}}
        for pair in getattr(form_class, "never_together", ())
    ]
    rules += [
        {
            "if": given(name),
            "then": {"properties": {other: {"enum": values} for other, values in needs.items()}},
        }
        for name, needs in getattr(form_class, "only_with", {}).items()
    ]
    if rules:
        schema["allOf"] = rules
    return schema


def nested_forms(form_class: type[forms.Form]) -> list[type[forms.Form]]:
    found = []
    for field in form_class.base_fields.values():
        if isinstance(field, ObjectField):
            found += [field.form_class, *nested_forms(field.form_class)]
    return found


def echo_schema(form_class: type[forms.Form]) -> Schema:
    """The answer's `answers`: each request field as the API read it (amounts as decimal text)."""
    properties: Schema = {}
    for name, field in form_class.base_fields.items():
        kind = json_kind(field)
        if isinstance(field, ObjectField):
            if not field.echo:
                continue
            echoed = echo_schema(field.form_class)
            if field.many:
                echoed = {"type": "array", "items": echoed}
            properties[name] = nullable(echoed)
        elif kind == BOOLEAN:
            properties[name] = {"type": "boolean"}
        elif kind == NUMBER and not isinstance(field, forms.IntegerField):
            properties[name] = {"type": ["string", "null"], "pattern": r"^\d+(\.\d+)?$"}
        else:
            properties[name] = field_schema(field)
        properties[name]["description"] = str(field.help_text or field.label or "")
    return {"type": "object", "properties": properties}


def document() -> Schema:
    """The whole OpenAPI 3.1 document (built per request: the tax years follow the calendar)."""
    schemas: Schema = {
        "DeterminationRequest": object_schema(DeterminationForm),
        **{schema_name(f): object_schema(f) for f in nested_forms(DeterminationForm)},
        "Answers": echo_schema(DeterminationForm),
        "ErrorCode": {
            "type": "string",
            "enum": list(ERROR_CODES),
            "description": "Stable machine codes (additions only within v1): "
            + "; ".join(f"`{code}`: {text}" for code, text in ERROR_CODES.items()),
        },
        **response_schemas(),
        **closing_plan_schemas(),
        **law_schemas(),
    }
    # The planner's answer (issue 21): an optional addition to every Determination.
    determination = schemas["Determination"]
    determination["properties"]["closing_plan"] = CLOSING_PLAN_FIELD
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Retirement Loss Check API",
            "version": "1",
            "summary": "Is a retirement-account loss tax-deductible? A cited answer as JSON.",
            "description": (
                "Version 1. Within v1 only additions are made: new optional request fields, new "
                "response fields, new error codes, new endpoints. Clients must ignore response "
                "fields they do not know. Anything that would break a v1 client is a v2, served "
                "beside v1 under /api/v2/. Texts in Spanish: send `Accept-Language: es` and every "
                "text of the answer (headlines, `explanation` sentences, worksheet labels, next "
                "steps, error messages, the PDF) is in Spanish, while codes, keys, amounts and "
                "citations stay the same; each answer names its language in `Content-Language` "
                "and varies on `Accept-Language`."
            ),
            "license": {"name": "Public domain", "identifier": "CC0-1.0"},
        },
        "servers": [{"url": "/", "description": "This server"}],
        "paths": paths(
            examples={e.name: {"summary": e.summary, "value": e.body} for e in EXAMPLES},
            scenarios={e.name: e.scenario for e in EXAMPLES},
            bad_example=error_example(MISSPELT),
        ),
        "components": {"schemas": schemas},
    }
