"""Reading and checking the API's JSON bodies with the forms in interview.api.forms.

One walk over a form's fields does everything a JSON client needs that an HTML form does not:
unknown keys are refused by name (with the field probably meant, from difflib), each value must
have its JSON type (true/false, a number or numeric text, text, an object), nested objects
(ObjectField) are checked with their own form, and every message carries a stable machine code.

Errors answer `{"errors": {field: [messages]}, "codes": {field: [codes]}}`: the two maps have the
same keys and lists of the same length, so `codes[f][i]` is the code of `errors[f][i]`.
"""

from __future__ import annotations

import difflib
import json
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from interview.questions.fields import ObjectField, is_bounded
from interview.questions.text import is_encodable

# The stable machine codes: clients may switch on these (additions only within v1).
ERROR_CODES: dict[str, str] = {
    "required": "A required field is missing (or null).",
    "invalid": "The value is not in the form the field takes.",
    "invalid_choice": "The value is not one of the field's allowed values.",
    "wrong_type": "The JSON type is wrong (for example text where true/false is expected).",
    "one_of": "Two fields that exclude each other were both sent (basis and basis_worksheet).",
    "unknown_field": "The body has a key the API does not know; the message names the likely one.",
    "negative": "An amount below zero.",
    "min_value": "A number below the field's minimum.",
    "max_value": "A number above the field's maximum.",
    "out_of_range": "A year outside the years allowed: the supported tax years, or for an "
    "earlier year, from when such accounts existed to the year before tax_year.",
    "max_digits": "A number with too many digits.",
    "max_decimal_places": "A number with too many decimal places.",
    "max_whole_digits": "A number with too many digits before the decimal point.",
    "max_length": "Text longer than the field allows.",
    "null_characters_not_allowed": "Text containing a NUL character.",
    "invalid_json": "The body is not JSON.",
    "batch_size": "A batch must hold 1 to 100 bodies.",
    "too_large": "The request body is larger than 64 KB.",
    "rate_limited": "Too many requests from this client in this minute.",
    "not_found": "No such jurisdiction, or no such address under /api/.",
    "too_many": "An array with more items than the field allows.",
    "duplicate": "The same year given twice in one array.",
    "method_not_allowed": "The address does not take this HTTP method (405; Allow lists those "
    "it takes).",
    "bad_request": "A request that could not be read at all (400), such as an unknown host.",
    "forbidden": "The request was refused (403).",
    "server_error": "Something failed on our side (500); the same request may be tried again.",
    "unavailable": "The shared store did not answer for a moment (503): try again after "
    "Retry-After seconds.",
}
BOOLEAN, NUMBER, TEXT, OBJECT = "boolean", "number", "text", "object"
LARGEST_INTEGER = 10**15  # far above any amount the fields accept; stops huge-integer parsing


class BadRequest(Exception):
    """A request the API refuses: its errors and codes, and the HTTP status to answer."""

    def __init__(self, problems: Problems, status: int = 400) -> None:
        super().__init__(problems.errors)
        self.problems = problems
        self.errors = problems.errors
        self.codes = problems.codes
        self.status = status

    def response(self) -> JsonResponse:
        return JsonResponse({"errors": self.errors, "codes": self.codes}, status=self.status)


class Problems:
    """errors and codes, kept in step."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}
        self.codes: dict[str, list[str]] = {}

    def add(self, key: str, message: str, code: str | None) -> None:
        self.errors.setdefault(key, []).append(str(message))
        self.codes.setdefault(key, []).append(code if code in ERROR_CODES else "invalid")

    def update(self, other: Problems) -> None:
        for key, messages in other.errors.items():
            for message, code in zip(messages, other.codes[key], strict=True):
                self.add(key, message, code)

    def json(self) -> dict[str, object]:
        return {"errors": self.errors, "codes": self.codes}

    def __bool__(self) -> bool:
        return bool(self.errors)


def problem(key: str, message: str, code: str) -> Problems:
    problems = Problems()
    problems.add(key, message, code)
    return problems


def _reject_constant(name: str) -> None:
    raise ValueError(name)


class TooLarge:
    """Stands for a JSON number too long or too large to convert: refused by name, not parsed."""


TOO_LARGE = TooLarge()


def _json_int(text: str) -> int | TooLarge:
    return int(text) if is_bounded(text) else TOO_LARGE


def _json_decimal(text: str) -> Decimal | TooLarge:
    # Decimal("1e1000000") is cheap; it is converting it to an integer later that is not
    # (~40 s of CPU for one 130-byte body, issue 13 finding 1).
    if not is_bounded(text):
        return TOO_LARGE
    number = Decimal(text)
    return number if is_bounded(number) else TOO_LARGE


def read_json(request: HttpRequest) -> object:
    """The parsed body (JSON numbers with a fraction become Decimal); BadRequest if it is not JSON."""
    try:
        raw = request.body
    except RequestDataTooBig:
        raise BadRequest(
            problem("__all__", _("The request body is too large."), "too_large"), status=413
        ) from None
    try:
        return json.loads(
            raw, parse_int=_json_int, parse_float=_json_decimal, parse_constant=_reject_constant
        )
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise BadRequest(
            problem(
                "__all__",
                _('Send a JSON object, like {"account_type": "roth_ira", ...}.'),
                "invalid_json",
            )
        ) from None


def not_an_object() -> Problems:
    return problem("__all__", _("Send a JSON object, not a list or a single value."), "wrong_type")


def json_kind(field: forms.Field) -> str:
    """The JSON type a form field takes in the API (the OpenAPI document uses the same)."""
    if isinstance(field, ObjectField):
        return OBJECT
    if isinstance(field, forms.BooleanField):  # NullBooleanField and AnswerBooleanField too
        return BOOLEAN
    if isinstance(field, forms.ChoiceField | forms.CharField):
        return TEXT
    # MoneyField, DecimalField, IntegerField (TaxYearField): a number or numeric text.
    return NUMBER


def _typed(field: forms.Field, value: Any) -> tuple[Any, str | None]:
    """The value in the form the field expects, or None and the message saying what to send."""
    kind = json_kind(field)
    if kind == BOOLEAN:
        return (value, None) if isinstance(value, bool) else (None, _("Enter true or false."))
    if kind == NUMBER:
        if value is TOO_LARGE or not is_bounded(value):
            return None, _("That number is too large or too long. Enter it like 18000.")
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            return None, _('Enter a number, like 18000 or "18000.00".')
        if isinstance(value, int) and abs(value) > LARGEST_INTEGER:
            return None, _("That number is too large.")
        return value, None
    if isinstance(value, str) and not is_encodable(value):
        return None, _("Enter plain text: this has a character that cannot be encoded.")
    if not isinstance(value, str):
        if isinstance(field, forms.ChoiceField):
            example = next(str(v) for v, _label in field.choices if v != "")
            return None, _('Enter text, like "%(example)s".') % {"example": example}
        return None, _("Enter text.")
    if isinstance(field, forms.ChoiceField):
        # "ny" and " Roth_IRA " mean what they say: match the allowed values whatever the case.
        folded = value.strip().casefold()
        for choice, _label in field.choices:
            if str(choice).casefold() == folded:
                return str(choice), None
        return value.strip(), None
    return value, None


def _unknown(key: str, known: list[str], prefix: str) -> str:
    close = difflib.get_close_matches(key.casefold(), known, n=1)
    if close:
        return _("unknown field '%(key)s'; did you mean '%(meant)s'?") % {
            "key": prefix + key,
            "meant": prefix + close[0],
        }
    return _("unknown field '%(key)s'; the fields are: %(known)s.") % {
        "key": prefix + key,
        "known": ", ".join(prefix + k for k in known),
    }


def _check_list(field: ObjectField, value: Any, key: str, problems: Problems) -> list[Any]:
    """An array of objects, each checked with the field's form; [] when it was not one."""
    if not isinstance(value, list):
        problems.add(key, _("Send %(name)s as a JSON array.") % {"name": key}, "wrong_type")
        return []
    if len(value) > field.many:
        message = _("Send at most %(many)s items in %(name)s.") % {"many": field.many, "name": key}
        problems.add(key, message, "too_many")
        return []
    checked = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            message = _("Send %(name)s[%(i)s] as a JSON object.") % {"name": key, "i": i}
            problems.add(f"{key}[{i}]", message, "wrong_type")
            continue
        try:
            checked.append(check(field.form_class, item, f"{key}[{i}]."))
        except BadRequest as bad:
            problems.update(bad.problems)
    return checked


def check(form_class: type[forms.Form], data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The form's cleaned_data for a JSON object, or BadRequest with every problem found."""
    problems = Problems()
    fields = form_class.base_fields
    known = list(fields)
    for key in data:
        if key not in fields:
            problems.add(prefix + key, _unknown(str(key), known, prefix), "unknown_field")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        value = data.get(name)
        if value is None:
            continue
        if isinstance(field, ObjectField) and field.many:
            values[name] = _check_list(field, value, f"{prefix}{name}", problems)
            continue
        if isinstance(field, ObjectField) and isinstance(value, dict):
            try:
                values[name] = check(field.form_class, value, f"{prefix}{name}.")
            except BadRequest as bad:
                problems.update(bad.problems)
                values[name] = {}  # it was sent: the body's other rules see it as sent
            continue
        if isinstance(field, ObjectField):
            message = _("Send %(name)s as a JSON object.") % {"name": prefix + name}
            problems.add(prefix + name, message, "wrong_type")
            continue
        typed, message = _typed(field, value)
        if message is not None:
            problems.add(prefix + name, message, "wrong_type")
        else:
            values[name] = typed
    form = form_class(data=values)
    if not form.is_valid():
        for name, errors in form.errors.as_data().items():
            key = prefix + name
            if key in problems.errors or any(k.startswith(key + ".") for k in problems.errors):
                continue  # already said more precisely (wrong type, or inside the object)
            for error in errors:
                for message in error.messages:
                    problems.add(key, message, error.code)
    if problems:
        raise BadRequest(problems)
    return form.cleaned_data
