"""Shared fixtures. Tests run with DEBUG off and a throwaway secret key."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")

import pytest


@pytest.fixture
def api(client):
    """POST JSON to the determinations endpoint and return the response."""

    def post(body, path="/api/v1/determinations"):
        import json

        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(path, data=data, content_type="application/json")

    return post
