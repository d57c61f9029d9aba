"""The preparer's details for the PDF: asked on the result page, and sent in the API's `preparer`.

Printed on the PDF only; never stored, cached or logged.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interview.questions.fields import PrintedTextField

TEXT_LIMIT = 200
NOTE_LIMIT = 1000


class PreparerForm(forms.Form):
    """Optional fields printed on the PDF; never stored or logged."""

    # USWDS classes and widths; the note box fills its column and no more (issue 12, bug 5).
    client = PrintedTextField(
        label=_("Client name or reference"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"class": "usa-input usa-input--xl"}),
    )
    preparer_name = PrintedTextField(
        label=_("Preparer name"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"class": "usa-input usa-input--xl", "autocomplete": "name"}),
    )
    firm = PrintedTextField(
        label=_("Firm"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(
            attrs={"class": "usa-input usa-input--xl", "autocomplete": "organization"}
        ),
    )
    note = PrintedTextField(
        label=_("Note"),
        max_length=NOTE_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"class": "usa-textarea", "rows": 4, "cols": 20}),
    )
