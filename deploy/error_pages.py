"""The pages nginx answers by itself (deploy/nginx/app.conf's error_page lines), written from one
skeleton into the folder nginx serves as /_errors/: by deploy/stack.py when it starts nginx, and
by the proxy image's build (deploy/nginx/Containerfile runs `python error_pages.py FOLDER`; this
file imports nothing of the project for that reason).

They look like the app's pages (templates/base.html) but stand alone: no script, no form, and a
stylesheet nginx serves itself, because the app may be the thing that is down.

Each page is written in English (CODE.html) and in Spanish (es/CODE.html): the words are marked
with `_` for Django's makemessages and come back from the pages' compiled catalog
(locale/es/LC_MESSAGES/django.mo) through the standard library's gettext. nginx picks the folder
as the app picks the language (http.conf's $rlc_pages: the language cookie, else the browser's).
"""

from __future__ import annotations

import gettext
import html
import shutil
import sys
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent / "nginx" / "errors.css"
LOCALE = Path(__file__).resolve().parent.parent / "locale"  # the pages' catalog (.mo committed)
# The folder under _errors/ of each language, and its code (http.conf's $rlc_pages names it).
LANGUAGES = {"": "en", "es/": "es"}


def _(text: str) -> str:
    """Marks a text for makemessages; it is translated when the page is written."""
    return text


# status code of the file: (heading, paragraphs). 400 also serves "headers too large" (494);
# 502 also serves 500, 503 and 504 (app.conf).
PAGES: dict[int, tuple[str, tuple[str, ...]]] = {
    400: (
        _("We could not read that request"),
        (
            _(
                "Your browser sent something this site could not read. This can happen when a "
                "link was copied only in part, or when old cookies for this site have piled up."
            ),
            _(
                "Go back and try again. If it happens again, clear this site's cookies in your "
                "browser, then start the check again."
            ),
        ),
    ),
    404: (
        _("Page not found"),
        (_("Check the web address, or start the check from the beginning."),),
    ),
    405: (
        _("This site does not accept that kind of request"),
        (
            _(
                "Something other than this site's own links and buttons sent a request it does "
                "not answer. Nothing was changed."
            ),
            _("Use the links and buttons on the pages of the check."),
        ),
    ),
    413: (
        _("What was sent is too large"),
        (
            _(
                "The answers to this check are short, so something other than the check's own "
                "form probably sent this. Nothing was saved and your earlier answers were not "
                "changed."
            ),
            _("Go back and try again."),
        ),
    ),
    414: (
        _("That web address is too long"),
        (_("Check the address you typed or pasted, or go to the start of the check."),),
    ),
    429: (
        _("Too many requests at once"),
        (
            _("Your connection has too many pages of this site loading at the same time."),
            _("Wait a minute, then go back and try again. Answers you saved before are kept."),
        ),
    ),
    502: (
        _("The check is not available right now"),
        (
            _("This is a problem on our side, not something you did."),
            _(
                "Wait a minute, then go back and try again. Answers you saved before are kept, "
                "but the last one you sent may not have been saved: check it when the page comes "
                "back."
            ),
        ),
    ),
}

SKELETON = """\
<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{heading} – {product}</title>
  <link rel="stylesheet" href="/_errors/errors.css">
</head>
<body>
  <a class="skipnav" href="#main-content">{skip}</a>
  <header class="site-header">
    <div class="container"><a class="site-header__title" href="/">{product}</a></div>
  </header>
  <main id="main-content" class="container site-main" tabindex="-1">
    <h1>{heading}</h1>
{paragraphs}
    <p><a class="button" href="/">{start}</a></p>
  </main>
  <footer class="site-footer">
    <div class="container">
      <p>{disclaimer}</p>
    </div>
  </footer>
</body>
</html>
"""
# The skeleton's own words (the app's templates/base.html says them too).
WORDS = {
    "product": _("Retirement Loss Check"),
    "skip": _("Skip to main content"),
    "start": _("Go to the start"),
    "disclaimer": _("General information from the law as written, not tax advice."),
}


def render(code: int, language: str = "en") -> str:
    """The page for `code` in `language` ("en" or "es"); English where the catalog lacks a text."""
    translate = gettext.translation("django", LOCALE, [language], fallback=True).gettext
    heading, paragraphs = PAGES[code]
    body = "\n".join(f"    <p>{html.escape(translate(text))}</p>" for text in paragraphs)
    words = {name: html.escape(translate(text)) for name, text in WORDS.items()}
    return SKELETON.format(
        lang=language, heading=html.escape(translate(heading)), paragraphs=body, **words
    )


def write(folder: Path) -> None:
    """Every page as CODE.html (English) and es/CODE.html (Spanish), and their stylesheet as
    errors.css, into `folder`."""
    folder.mkdir(mode=0o755, parents=True, exist_ok=True)
    for subfolder, language in LANGUAGES.items():
        (folder / subfolder).mkdir(mode=0o755, exist_ok=True)
        for code in PAGES:
            page = render(code, language)
            (folder / subfolder / f"{code}.html").write_text(page, encoding="utf-8")
    shutil.copyfile(STYLESHEET, folder / "errors.css")
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # nginx's workers read them as nobody


if __name__ == "__main__":
    write(Path(sys.argv[1]))
