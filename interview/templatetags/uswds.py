"""Template helpers of our crispy template pack (templates/uswds/)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from interview.questions.fields import MoneyField

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
    if isinstance(field.field, MoneyField):
        # Amounts carry a "$" in front (USWDS input prefix); the group draws the border.
        attrs["class"] = "usa-input"
        group = "usa-input-group usa-input-group--md"
        if field.errors:
            group += " usa-input-group--error"
        return format_html(
            '<div class="{}"><div class="usa-input-prefix" aria-hidden="true">$</div>{}</div>',
            group,
            field.as_widget(attrs=attrs),
        )
    return field.as_widget(attrs=attrs)


@register.filter
def amount_text(value: str) -> SafeString:
    """An amount that never breaks after its minus sign ("−$4,000" on one line at 320 px)."""
    return mark_safe(conditional_escape(value).replace("−$", "−\u2060$"))  # U+2060 WORD JOINER
