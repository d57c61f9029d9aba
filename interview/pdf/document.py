"""The PDF summary: the result page's content, laid out for paper by WeasyPrint.

User text (preparer fields) reaches the HTML WeasyPrint reads, so the fetcher refuses every
URL except the project's own static files: no file://, http(s) or data: from anywhere else.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import re
import threading
import unicodedata
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language, pgettext

from interview.explanation.presentation import Presentation
from interview.explanation.record import answers_json
from rules import Determination

STATIC_ROOTS = tuple(Path(p).resolve() for p in settings.STATICFILES_DIRS)
CLIENT_IN_NAME = 40  # characters of the client reference kept in the file name

__all__ = ["file_name", "fingerprint", "pdf_response", "render"]


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


def render(p: Presentation, preparer: dict[str, str] | None = None) -> bytes:
    """The PDF of a presentation, with the preparer's details where given."""
    return _render(p, {k: v for k, v in (preparer or {}).items() if v})


def fingerprint(p: Presentation) -> str:
    """Names everything a PDF without preparer text is made from, so that a kept copy
    (platform.pdf_cache) is served only for the same answers, law, day and language."""
    payload = json.dumps(
        [
            answers_json(p.determination.answers),
            list(p.explanation.unsure),
            p.rules_version,
            str(p.generated),
            get_language(),
            [(str(r.question), str(r.answer)) for r in p.answer_rows],
        ],
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


# One WeasyPrint render at a time in a process (issue 18, finding 3). Every render uses the one
# FontConfiguration below, whose Pango font map and fontconfig set keep caches that layout
# changes; Pango's font maps are not safe to share between threads (its own default font map is
# one per thread for that reason). With gunicorn's 4 threads, 60 PDFs at once printed GLib's
# "corrupted double-linked list detected" (223 times in one run), and once the fonts were loaded
# before the first request, workers died (502s): tests/cluster/test_pdf_concurrency.py. Renders
# are CPU-bound under the GIL, and one by one they serve as many PDFs a second as before, or
# more (make bench: pdf_fresh_per_second_per_core, before and after).
_RENDER_LOCK = threading.Lock()


@functools.cache
def _stylesheet():  # (CSS, FontConfiguration), built once per process, used under _RENDER_LOCK
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


def warm_up() -> None:
    """Import WeasyPrint, parse pdf.css and load its fonts now, not on a user's first PDF.

    gunicorn calls this as each worker starts (config/gunicorn.py): the first PDF of a worker
    took about 0.6 s more on an idle machine, most of it importing WeasyPrint (make bench:
    pdf_served_first_ms). Kept out of import time so that manage.py and the tests stay quick.
    """
    write_pdf("<p>.</p>", tagged=False)


def _render(p: Presentation, preparer: dict[str, str]) -> bytes:
    """The PDF bytes (tests replace this to count renders)."""
    return write_pdf(_html(p, preparer))


def _html(p: Presentation, preparer: dict[str, str]) -> str:
    return render_to_string(
        "pdf.html",
        {
            "p": p,
            "preparer": preparer,
            "prepared_by": ", ".join(
                preparer[k] for k in ("preparer_name", "firm") if preparer.get(k)
            ),
        },
    )


def write_pdf(html: str, extra_css: str = "", tagged: bool = True) -> bytes:
    """Our HTML through WeasyPrint with pdf.css; the bench varies `extra_css` and `tagged`."""
    import weasyprint

    base = STATIC_ROOTS[0].as_uri() + "/"
    # PDF/UA-1: tagged structure, document title and language, for screen readers.
    variant = "pdf/ua-1" if tagged else None
    with _RENDER_LOCK:  # parse, layout and write: every step that may reach Pango (see above)
        document = weasyprint.HTML(string=html, base_url=base, url_fetcher=_static_only_fetcher())
        css, fonts = _stylesheet()
        sheets = [css, weasyprint.CSS(string=extra_css, font_config=fonts)] if extra_css else [css]
        return document.write_pdf(stylesheets=sheets, font_config=fonts, pdf_variant=variant)


def _slug(text: str, keep_unicode: bool) -> str:
    """Letters and digits joined by single hyphens, at most CLIENT_IN_NAME characters."""
    text = unicodedata.normalize("NFKC" if keep_unicode else "NFKD", text)
    if not keep_unicode:
        text = text.encode("ascii", "ignore").decode()
    # \w without "_": letters and digits of any script (ASCII only once encoded above).
    words = re.findall(r"[^\W_]+", text)
    return "-".join(words)[:CLIENT_IN_NAME].strip("-")


def file_name(d: Determination, client: str = "") -> tuple[str, str]:
    """`retirement-loss-check-<year>-<STATE>[-<client>].pdf`: an ASCII name and a Unicode one."""
    # Translators: the start of the PDF's file name: lowercase letters without accents and
    # hyphens only (no spaces), like "retirement-loss-check".
    product = _slug(pgettext("PDF file name", "retirement-loss-check"), False).lower()
    stem = f"{product}-{d.answers.tax_year}-{_slug(d.answers.state, False).upper()}"
    names = []
    for keep_unicode in (False, True):
        client_slug = _slug(client, keep_unicode)
        names.append(f"{stem}-{client_slug}.pdf" if client_slug else f"{stem}.pdf")
    return names[0], names[1]


def pdf_response(
    p: Presentation, content: bytes, preparer: dict[str, str] | None = None
) -> HttpResponse:
    """The PDF as a download named for the year, the state and the client."""
    response = HttpResponse(content, content_type="application/pdf")
    ascii_name, unicode_name = file_name(p.determination, (preparer or {}).get("client", ""))
    # filename for old clients, filename* (RFC 6266) for the client's own letters; both are built
    # from letters, digits and hyphens only, so user text cannot end the header or name a path.
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(unicode_name, safe='')}"
    )
    response["Cache-Control"] = "no-store"
    return response
