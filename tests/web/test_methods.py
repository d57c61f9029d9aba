"""Every address answers a method it does not take with 405 and Allow (issue 18, finding 12).

A schema fuzzer sent QUERY to GET /api/v1/law and got the CSRF check's 403 "This form has
expired". These walk every URL pattern, so a view added later that takes an unexpected method,
or answers one without its own method check, fails here.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from .wizard_helpers import start

pytestmark = pytest.mark.django_db
# Sample values for the URL's named groups: a real journey key is filled in per test.
SAMPLES = {"step": "account_type", "code": "NY"}
ODD_METHODS = ("PUT", "PATCH", "DELETE", "QUERY", "PROPFIND")


def patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, object]]:
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += patterns(entry, route)
        elif isinstance(entry, URLPattern):
            found.append((route, entry))
    return found


def sample_path(route: str, key: str) -> str:
    """A concrete path for a route: `j/(?P<key>…)/result/` -> `/j/<key>/result/`."""
    values = {**SAMPLES, "key": key}
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], path)
    path = path.replace("^", "").replace("$", "").replace("\\.", ".")
    path = re.sub(r"\{\d+,\d+\}", "", path)
    return "/" + path


def addresses(key: str) -> list[str]:
    return [sample_path(route, key) for route, _entry in patterns(get_resolver())]


def test_the_walk_reaches_every_kind_of_address(client):
    key = start(client)
    found = addresses(key)
    assert "/api/v1/law/NY" in found and "/new/" in found and "/readyz" in found
    assert f"/j/{key}/questions/account_type/" in found
    assert f"/j/{key}/result/summary.pdf" in found


@pytest.mark.parametrize("method", ODD_METHODS)
def test_a_method_no_view_takes_is_a_405_with_allow_everywhere(method):
    browser = Client(enforce_csrf_checks=True)  # as a browser or fuzzer: no CSRF exemption
    key = start(browser)
    for path in addresses(key):
        response = browser.generic(method, path)
        assert response.status_code == 405, (path, response.status_code)
        allowed = {m.strip() for m in response["Allow"].split(",")}
        # Views here take at most GET, HEAD and POST (and OPTIONS, which changes nothing): the
        # CSRF check is skipped for other methods
        # only because of that (interview.platform.middleware.MethodNotAllowedMiddleware).
        assert allowed and allowed <= {"GET", "HEAD", "POST", "OPTIONS"}, (path, allowed)
        if path.startswith("/api/"):
            assert response.json()["codes"] == {"__all__": ["method_not_allowed"]}


def test_a_post_without_its_token_is_still_refused(client):
    browser = Client(enforce_csrf_checks=True)
    key = start(browser)
    response = browser.post(f"/j/{key}/questions/account_type/", {"x": "y"})
    assert response.status_code == 403


def test_the_api_404_carries_its_code(client):
    for path in ("/api/v1/nothing-here", "/api/v1/law/%0A%17"):
        body = client.get(path).json()
        assert body["codes"] == {
            key: ["not_found"] * len(messages) for key, messages in body["errors"].items()
        }
