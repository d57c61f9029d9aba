"""What nginx answers by itself, in front of `make serve`'s app server: our pages with the app's
security headers, never nginx's bare page (issue 18, findings 8 and 12). The app's own error
pages are tested in tests/web; these requests never reach it, or find it gone."""

from __future__ import annotations

import html
import http.client
import socket

import pytest

from deploy.error_pages import PAGES
from deploy.stack import HOST

from .served import PAGE_HEADERS, served_stack

TIMEOUT = 10
ALLOWED = {"GET", "HEAD", "POST", "OPTIONS"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_stack(tmp_path_factory.mktemp("pages"), workers=1) as stack:
        yield stack


@pytest.fixture(scope="module")
def app_headers(served) -> dict[str, object]:
    response, _ = send(served.proxy_port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert response.status == 200
    return security_headers(response)


def send(port: int, request: bytes) -> tuple[http.client.HTTPResponse, str]:
    """Bytes as a client sent them, with no client library to tidy them up."""
    with socket.create_connection((HOST, port), timeout=TIMEOUT) as sock:
        sock.sendall(request)
        response = http.client.HTTPResponse(sock, method=request.split(b" ", 1)[0].decode())
        response.begin()
        return response, response.read().decode()


def security_headers(response: http.client.HTTPResponse) -> dict[str, object]:
    headers: dict[str, object] = {name: response.getheader(name) for name in PAGE_HEADERS}
    # The same policy whatever the order of its directives (django-csp does not keep one).
    policy = headers["Content-Security-Policy"]
    headers["Content-Security-Policy"] = policy and {d.strip() for d in policy.split(";")}
    return headers


def assert_our_page(response, body: str, page: int, app_headers: dict[str, object]) -> None:
    assert f"<h1>{html.escape(PAGES[page][0])}</h1>" in body
    assert "nginx" not in body  # nginx's bare page names itself
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert security_headers(response) == app_headers


HOST_LINE = b"Host: 127.0.0.1\r\n"


@pytest.mark.parametrize(
    ("request_bytes", "status", "page"),
    [
        pytest.param(
            b"POST /api/v1/determinations HTTP/1.1\r\n"
            + HOST_LINE
            # nginx refuses on the declared length, before a byte of the body.
            + b"Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n",
            413,
            413,
            id="a-body-over-1-MB",
        ),
        pytest.param(
            b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\n" + HOST_LINE + b"\r\n",
            414,
            414,
            id="a-20-KB-address",
        ),
        pytest.param(b"GARBAGE\r\n\r\n", 400, 400, id="a-bad-request-line"),
        pytest.param(b"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, 400, id="a-bad-host"),
        pytest.param(
            b"GET / HTTP/1.1\r\n" + HOST_LINE + b"X-Big: " + b"a" * 20_000 + b"\r\n\r\n",
            400,
            400,
            id="a-20-KB-header",
        ),
        pytest.param(
            b"GET /_errors/502.html HTTP/1.1\r\n" + HOST_LINE + b"\r\n",
            404,
            404,
            id="a-page-asked-for-directly",
        ),
    ],
)
def test_what_nginx_refuses_gets_our_page_with_our_headers(
    served, app_headers, request_bytes, status, page
):
    response, body = send(served.proxy_port, request_bytes)
    assert response.status == status
    assert_our_page(response, body, page, app_headers)


@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT", "PUT", "DELETE", "PROPFIND"])
def test_other_methods_get_405_with_allow_from_nginx(served, app_headers, method):
    request = f"{method} / HTTP/1.1\r\n".encode() + HOST_LINE + b"Content-Length: 0\r\n\r\n"
    response, body = send(served.proxy_port, request)
    assert response.status == 405
    assert {m.strip() for m in response.getheader("Allow", "").split(",")} == ALLOWED
    assert_our_page(response, body, 405, app_headers)


def test_the_allowed_methods_reach_the_app(served):
    for method in sorted(ALLOWED - {"POST"}):
        response, _ = send(
            served.proxy_port, f"{method} /healthz HTTP/1.1\r\n".encode() + HOST_LINE + b"\r\n"
        )
        assert response.getheader("X-Request-ID"), method  # the app's, not nginx's


def test_the_host_passed_through_is_still_checked_by_the_app(served):
    # nginx passes the Host as the client sent it (port included, issue 18 finding 1): one the
    # app does not serve gets the app's own 400, as before.
    response, _ = send(served.proxy_port, b"GET / HTTP/1.1\r\nHost: evil.example:1234\r\n\r\n")
    assert response.status == 400
    assert response.getheader("X-Request-ID")  # the app's page, not nginx's
    response, _ = send(
        served.proxy_port, f"GET / HTTP/1.1\r\nHost: {HOST}:{served.proxy_port}\r\n\r\n".encode()
    )
    assert response.status == 200


def test_the_pages_stylesheet_comes_from_nginx(served):
    response, body = send(
        served.proxy_port, b"GET /_errors/errors.css HTTP/1.1\r\n" + HOST_LINE + b"\r\n"
    )
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/css")
    assert ".site-header" in body


def test_an_app_server_that_dies_gives_our_page_and_its_stylesheet_still_loads(tmp_path):
    with served_stack(tmp_path, workers=1) as stack:
        response, _ = send(stack.proxy_port, b"GET / HTTP/1.1\r\n" + HOST_LINE + b"\r\n")
        app_headers = security_headers(response)
        stack.kill_app(0)
        response, body = send(stack.proxy_port, b"GET / HTTP/1.1\r\n" + HOST_LINE + b"\r\n")
        assert response.status == 502
        assert_our_page(response, body, 502, app_headers)
        css, _ = send(
            stack.proxy_port, b"GET /_errors/errors.css HTTP/1.1\r\n" + HOST_LINE + b"\r\n"
        )
        assert css.status == 200
