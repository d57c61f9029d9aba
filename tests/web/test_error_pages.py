"""Every error is a product page, or JSON under /api/: never Django's bare default."""

from __future__ import annotations

import pytest
from django.test import Client

from .wizard_helpers import start, step_url

pytestmark = pytest.mark.django_db

PRODUCT = "Retirement Loss Check"


def assert_product_page(response, status: int) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert PRODUCT in page and 'class="site-header"' in page
    return page


def test_a_get_to_a_post_only_page_is_a_405_product_page(client):
    response = client.get("/delete-my-answers/")
    page = assert_product_page(response, 405)
    assert response["Allow"] == "POST"
    assert "Go to the start" in page


def test_a_wrong_method_on_the_api_is_json(client):
    response = client.get("/api/v1/determinations")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["errors"]["__all__"]


def test_an_unknown_api_address_is_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["errors"]["__all__"]


def test_an_over_limit_form_post_is_a_413_product_page(client):
    start(client)
    data = {"interview_wizard-current_step": "account_type", "padding": "x" * 70_000}
    response = client.post(step_url(client, "account_type"), data)
    page = assert_product_page(response, 413)
    assert "too large" in page


def test_a_csrf_failure_is_a_403_product_page():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/delete-my-answers/")
    page = assert_product_page(response, 403)
    assert "Go to the start" in page


def test_a_csrf_failure_page_obeys_the_content_security_policy():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/delete-my-answers/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert " style=" not in response.content.decode()
