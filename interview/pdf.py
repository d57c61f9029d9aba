"""The PDF summary: the result page's content, laid out for paper by WeasyPrint.

User text (preparer fields) reaches the HTML WeasyPrint reads, so the fetcher refuses every
URL except the project's own static files: no file://, http(s) or data: from anywhere else.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from rules import Determination

from .api_forms import PreparerForm
from .explain import explain
from .serialize import answers_json

STATIC_ROOTS = tuple(Path(p).resolve() for p in settings.STATICFILES_DIRS)
CACHE_SECONDS = 60 * 60  # a repeat download is served from memory; no preparer text is cached

__all__ = ["PreparerForm", "check_code", "pdf_response", "render_pdf"]


class FetchRefused(ValueError):
    pass


def _static_only_fetcher():  # built lazily: WeasyPrint is imported on first use
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        """Serve file:// URLs inside the static folders; refuse everything else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)

        def fetch(self, url: str, headers: dict[str, str] | None = None):
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise FetchRefused("only the project's static files may be loaded")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in STATIC_ROOTS):
                raise FetchRefused("outside the static folders")
            return super().fetch(url, headers)

    return StaticOnlyFetcher()


def check_code(d: Determination) -> str:
    """A short code from the answers and the rules version: the same inputs give the same code."""
    payload = json.dumps([answers_json(d.answers), d.rules_version], sort_keys=True)
    digest = hashlib.sha256(payload.encode()).hexdigest()[:10].upper()
    return f"{digest[:5]}-{digest[5:]}"


def _cache_key(d: Determination, rows: list, generated: object, unsure: tuple[str, ...]) -> str:
    payload = json.dumps(
        [
            answers_json(d.answers),
            list(unsure),
            d.rules_version,
            str(generated),
            get_language(),
            [(str(r.question), str(r.answer)) for r in rows],
        ],
        sort_keys=True,
    )
    return "rlc-pdf:" + hashlib.sha256(payload.encode()).hexdigest()


def render_pdf(
    d: Determination,
    preparer: dict[str, str] | None = None,
    rows: list | None = None,
    unsure: tuple[str, ...] = (),
) -> bytes:
    """The PDF for a determination. Without preparer text it is cached (same inputs, same day).

    `unsure` names the questions answered "I'm not sure": the PDF states the assumption made,
    as the page does, so that an assumption never reads as a finding (issue 12).
    """
    from .summary import answer_rows

    if rows is None:
        rows = answer_rows(_api_answers_for_rows(d), lambda step: "")
    preparer = {k: v for k, v in (preparer or {}).items() if v}
    generated = timezone.localdate()
    key = None if preparer else _cache_key(d, rows, generated, unsure)
    if key is not None and (cached := cache.get(key)) is not None:
        return cached
    content = _render(d, preparer, rows, generated, unsure)
    if key is not None:
        cache.set(key, content, timeout=CACHE_SECONDS)
    return content


@functools.cache
def _stylesheet():  # (CSS, FontConfiguration), built once per process
    """Parse pdf.css and load its fonts once: most of a fresh render's cost otherwise."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = weasyprint.CSS(
        filename=str(STATIC_ROOTS[0] / "css" / "pdf.css"),
        font_config=fonts,
        url_fetcher=_static_only_fetcher(),
    )
    return css, fonts


# Free the fonts before the interpreter tears down the libraries they point into.
atexit.register(_stylesheet.cache_clear)


def _render(
    d: Determination,
    preparer: dict[str, str],
    rows: list,
    generated: object,
    unsure: tuple[str, ...] = (),
) -> bytes:
    import weasyprint

    html = render_to_string(
        "pdf.html",
        {
            "d": d,
            "e": explain(d, unsure),
            "rows": rows,
            "preparer": preparer,
            "check_code": check_code(d),
            "generated": generated,
        },
    )
    base = STATIC_ROOTS[0].as_uri() + "/"
    document = weasyprint.HTML(string=html, base_url=base, url_fetcher=_static_only_fetcher())
    css, fonts = _stylesheet()
    # PDF/UA-1: tagged structure, document title and language, for screen readers.
    return document.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1")


def _api_answers_for_rows(d: Determination) -> dict[str, object]:
    a = d.answers
    rows: dict[str, object] = {
        "account_type": a.account_type.value,
        "has_basis": "yes" if a.basis > 0 else "no",
        "fully_liquidated": "rolled_over"
        if a.rolled_over
        else ("yes" if a.fully_liquidated else "no"),
        "tax_year": a.tax_year,
        "state": a.state,
    }
    if a.basis > 0:
        rows["basis"] = a.basis
    for key in ("state_basis", "total_distributions", "agi", "age_at_distribution"):
        value = getattr(a, key)
        if value is not None:
            rows[key] = value
    return rows


def pdf_response(
    d: Determination,
    preparer: dict[str, str] | None = None,
    rows: list | None = None,
    unsure: tuple[str, ...] = (),
) -> HttpResponse:
    response = HttpResponse(render_pdf(d, preparer, rows, unsure), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="retirement-loss-check-{d.answers.tax_year}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response
