"""What the wizard keeps of a valid answer: the form's own fields, each bounded in length.

formtools stores the whole POST by default (`form.data`), so padding fields grew one session to
~725 KB (issue 13, finding 5). We keep, for each field of the step's form, the text the user
typed, stripped, so the page shows it again as typed ("$20,000"); a valid answer that is still
longer than ANSWER_CHARS (spaces or zeros in the middle) is kept as its cleaned value instead.
"""

from __future__ import annotations

from django import forms
from django.utils.datastructures import MultiValueDict

# The longest answer a person types ("$100,000,000,000.00", a choice value) fits with room.
ANSWER_CHARS = 64


def answer_only(form: forms.Form) -> MultiValueDict:
    """The step data to store for a valid `form`: its own fields only, one short value each."""
    kept = MultiValueDict()
    for name in form.fields:
        key = form.add_prefix(name)
        typed = form.data.get(key)
        text = typed.strip() if isinstance(typed, str) else ""
        if len(text) > ANSWER_CHARS:
            cleaned = form.cleaned_data.get(name)
            text = "" if cleaned is None else str(cleaned)[:ANSWER_CHARS]
        kept.setlist(key, [text])
    return kept
