"""Shared fixtures. Tests run with DEBUG off and a throwaway secret key."""

from __future__ import annotations

import json
import os

import pytest
from django.conf import settings as django_settings
from django.utils import translation

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")

# What needs Django's test database: `make test` runs these again on PostgreSQL (-m database).
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        uses = DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if uses or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)


@pytest.fixture(autouse=True)
def plain_http_test_server(settings):
    """The test client and live server speak plain HTTP on localhost; production redirects."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    settings.RATE_LIMIT_PER_MINUTE = 100_000  # only the rate-limit tests lower it


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a request in Spanish leaves Spanish active in the thread
    (LocaleMiddleware activates a language and nothing deactivates it), and a later test that
    calls explain() directly would read Spanish."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def api(client, db):
    """POST JSON to the determinations endpoint and return the response (the rate limit counts
    in the database)."""

    def post(body, path="/api/v1/determinations", **headers):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(path, data=data, content_type="application/json", **headers)

    return post
