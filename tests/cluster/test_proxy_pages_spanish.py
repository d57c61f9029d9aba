"""nginx's own pages in the reader's language (issue 22): deploy/error_pages.py writes each in
English and, from the pages' catalog, in Spanish; nginx picks one as the app does, the language
switch's cookie first, else the browser's first choice."""

from __future__ import annotations

import html

import pytest

from deploy.error_pages import render

from .served import served_stack
from .test_proxy_pages import send

# A 405 from nginx itself, after it has read the headers (a 400 or 414 can come before them).
TRACE = b"TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_stack(tmp_path_factory.mktemp("pages-es"), workers=1) as stack:
        yield stack


def heading(page: str) -> str:
    return page.split("<h1>")[1].split("</h1>")[0]


def test_the_spanish_pages_are_written_from_the_catalog():
    spanish = render(502, "es")
    assert '<html lang="es">' in spanish
    assert heading(spanish) == "La revisión no está disponible en este momento"
    assert "Ir al inicio" in spanish and "Go to the start" not in spanish
    assert heading(render(502)) == "The check is not available right now"


@pytest.mark.parametrize(
    ("headers", "language"),
    [
        pytest.param(b"Accept-Language: es-US,es;q=0.9,en;q=0.8\r\n", "es", id="browser-es-US"),
        pytest.param(b"Accept-Language: es\r\n", "es", id="browser-es"),
        pytest.param(b"Accept-Language: en-US,en;q=0.9,es;q=0.8\r\n", "en", id="browser-en-first"),
        pytest.param(
            b"Accept-Language: es-US\r\nCookie: django_language=en\r\n", "en", id="switched-to-en"
        ),
        pytest.param(
            b"Accept-Language: en-US\r\nCookie: django_language=es\r\n", "es", id="switched-to-es"
        ),
        pytest.param(b"", "en", id="no-preference"),
    ],
)
def test_nginx_answers_in_the_language_the_app_would(served, headers, language):
    response, body = send(served.proxy_port, TRACE + headers + b"\r\n")
    assert response.status == 405
    assert f'<html lang="{language}">' in body
    assert heading(body) == html.escape(heading(render(405, language)))
