"""The pages nginx answers by itself (deploy/nginx/app.conf's error_page lines), written from one
skeleton into the folder nginx serves as /_errors/: by deploy/stack.py when it starts nginx, and
by the proxy image's build (deploy/nginx/Containerfile runs `python error_pages.py FOLDER`; this
file imports nothing of the project for that reason).

They look like the app's pages (templates/base.html) but stand alone: no script, no form, and a
stylesheet nginx serves itself, because the app may be the thing that is down.
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent / "nginx" / "errors.css"
TRY_AGAIN = "Wait a minute, then go back and try again."

# status code of the file: (heading, paragraphs). 400 also serves "headers too large" (494);
# 502 also serves 500, 503 and 504 (app.conf).
PAGES: dict[int, tuple[str, tuple[str, ...]]] = {
    400: (
        "We could not read that request",
        (
            "Your browser sent something this site could not read. This can happen when a link "
            "was copied only in part, or when old cookies for this site have piled up.",
            "Go back and try again. If it happens again, clear this site's cookies in your "
            "browser, then start the check again.",
        ),
    ),
    404: (
        "Page not found",
        ("Check the web address, or start the check from the beginning.",),
    ),
    405: (
        "This site does not accept that kind of request",
        (
            "Something other than this site's own links and buttons sent a request it does not "
            "answer. Nothing was changed.",
            "Use the links and buttons on the pages of the check.",
        ),
    ),
    413: (
        "What was sent is too large",
        (
            "The answers to this check are short, so something other than the check's own form "
            "probably sent this. Nothing was saved and your earlier answers were not changed.",
            "Go back and try again.",
        ),
    ),
    414: (
        "That web address is too long",
        ("Check the address you typed or pasted, or go to the start of the check.",),
    ),
    429: (
        "Too many requests at once",
        (
            "Your connection has too many pages of this site loading at the same time.",
            f"{TRY_AGAIN} Answers you saved before are kept.",
        ),
    ),
    502: (
        "The check is not available right now",
        (
            "This is a problem on our side, not something you did.",
            f"{TRY_AGAIN} Answers you saved before are kept, but the last one you sent may not "
            "have been saved: check it when the page comes back.",
        ),
    ),
}

SKELETON = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{heading} – Retirement Loss Check</title>
  <link rel="stylesheet" href="/_errors/errors.css">
</head>
<body>
  <a class="skipnav" href="#main-content">Skip to main content</a>
  <header class="site-header">
    <div class="container"><a class="site-header__title" href="/">Retirement Loss Check</a></div>
  </header>
  <main id="main-content" class="container site-main" tabindex="-1">
    <h1>{heading}</h1>
{paragraphs}
    <p><a class="button" href="/">Go to the start</a></p>
  </main>
  <footer class="site-footer">
    <div class="container">
      <p>General information from the law as written, not tax advice.</p>
    </div>
  </footer>
</body>
</html>
"""


def render(code: int) -> str:
    heading, paragraphs = PAGES[code]
    body = "\n".join(f"    <p>{html.escape(text)}</p>" for text in paragraphs)
    return SKELETON.format(heading=html.escape(heading), paragraphs=body)


def write(folder: Path) -> None:
    """Every page as CODE.html, and their stylesheet as errors.css, into `folder`."""
    folder.mkdir(mode=0o755, parents=True, exist_ok=True)
    for code in PAGES:
        (folder / f"{code}.html").write_text(render(code), encoding="utf-8")
    shutil.copyfile(STYLESHEET, folder / "errors.css")
    for path in folder.iterdir():
        path.chmod(0o644)  # nginx's workers read them as nobody


if __name__ == "__main__":
    write(Path(sys.argv[1]))
