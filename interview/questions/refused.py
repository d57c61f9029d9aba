"""A refused answer, kept for the GET that shows it (Post/Redirect/Get, issue 20, item 9).

The page of a POST in the browser's history is what made Back after a corrected error show
"Confirm Form Resubmission". So a refused answer is never a POST's page: the wizard keeps it in
the journey (interview.platform.journeys.save_draft), answers 303 to the step's own URL, and
that URL's GET shows the answer as typed with the errors the POST found, until a valid answer
to any step replaces it. Reload, Back and Forward repeat that GET. Nothing goes in the URL.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import ErrorDict
from django.http import HttpResponseRedirect

from interview.questions.step_data import ANSWER_CHARS


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303  # followed with a GET; the POST leaves no page in the history


def as_typed(form: forms.Form) -> dict[str, list[str]]:
    """The refused answer to keep: the form's own fields, as typed, each cut to ANSWER_CHARS
    (a padded POST stays small here too). Unstripped: what strip() drops ("\\x1c") may be
    why it was refused."""
    kept: dict[str, list[str]] = {}
    for name in form.fields:
        key = form.add_prefix(name)
        typed = form.data.get(key)
        kept[key] = [typed[:ANSWER_CHARS] if isinstance(typed, str) else ""]
    return kept


def errors_of(form: forms.Form) -> dict[str, list[dict[str, str]]]:
    """The errors as found: the text kept may be cut, and "0" * 30000 + "1" cut reads as 0."""
    return form.errors.get_json_data()


def shown_again(form: forms.Form, errors: dict[str, list[dict[str, str]]]) -> forms.Form:
    """`form`, bound to the kept text, with the errors the POST found rather than its own."""
    form.full_clean()
    form._errors = ErrorDict()
    for field, found in errors.items():
        for error in found:
            refused = ValidationError(error["message"], code=error["code"])
            form.add_error(None if field == NON_FIELD_ERRORS else field, refused)
    return form
