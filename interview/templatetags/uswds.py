"""Template helpers of our crispy template pack (templates/uswds/)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def uswds_widget(field: BoundField) -> SafeString:
    """Render the input with the hint and error ids it must announce, and the error style."""
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}-hint")
    if field.errors:
        describedby.append(f"{field.auto_id}-error")
    attrs: dict[str, str] = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        css = field.field.widget.attrs.get("class", "")
        attrs["class"] = f"{css} usa-input--error".strip()
    return field.as_widget(attrs=attrs)
