"""Responses that hold answers are never kept by a browser or shared cache (issue 13, finding 7)."""

from __future__ import annotations

import pytest

from .test_security import BODY
from .test_wizard import ROTH_2016
from .wizard_helpers import confirm, walk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "questions/account_type/",
        "questions/basis/",
        "questions/check/",
        "result/",
        "result/summary.pdf",
    ],
)
def test_pages_that_hold_answers_are_never_stored_by_a_cache(client, path):
    walk(client, ROTH_2016)
    confirm(client)
    response = client.get(f"/j/{client.journey}/{path}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/api/v1/determinations", "/api/v1/summary.pdf"])
def test_api_answers_are_never_stored_by_a_cache(api, path):
    assert "no-store" in api(BODY, path=path)["Cache-Control"]
    assert "no-store" in api({"basis": "x"}, path=path)["Cache-Control"]


def test_static_files_keep_their_own_cache_lifetime(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
