"""Security headers, HTTPS redirect, rate limits, body limits, logs without tax data."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .wizard_helpers import result_url, walk

ROOT = Path(__file__).resolve().parents[2]
BODY = {
    "account_type": "roth_ira",
    "tax_year": 2016,
    "state": "NY",
    "basis": "20000",
    "fully_liquidated": True,
    "total_distributions": "18000",
    "agi": "54321.99",
}


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy_and_the_other_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_no_template_has_inline_script_or_style_that_the_policy_would_block():
    for template in (ROOT / "templates").rglob("*.html"):
        if template.name == "pdf.html":
            continue  # rendered by WeasyPrint, never by a browser
        text = template.read_text()
        assert "<script>" not in text and " style=" not in text and "<style" not in text, template


@pytest.mark.django_db
def test_plain_http_redirects_to_https_except_the_health_checks(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/")["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200
    assert client.get("/", headers={"X-Forwarded-Proto": "https"}).status_code == 200


@pytest.mark.django_db
def test_https_responses_carry_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_cookies_are_secure_httponly_and_samesite_in_production_settings():
    from django.conf import settings

    # The test settings are production settings (DEBUG off); the fixture only relaxes Secure.
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_check_deploy_is_clean_in_production_settings():
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "losscheck.example.org",
        "DJANGO_DEBUG": "0",
    }
    env.pop("DJANGO_SECURE_SSL_REDIRECT", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def manage_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_with_the_development_secret():
    env = {**os.environ, "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = manage_check(env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_a_wildcard_host_is_refused():
    result = manage_check({**os.environ, "DJANGO_ALLOWED_HOSTS": "*"})
    assert result.returncode != 0 and "not '*'" in result.stderr


def test_the_api_answers_429_with_retry_after_past_the_limit(api, settings, monkeypatch):
    settings.RATE_LIMIT_PER_MINUTE = 3
    from django.core.cache import cache

    from interview.platform import ratelimit

    # One fixed moment: the three accepted requests leave the sliding window 65 s later (their
    # five-second slot, [10 s, 15 s), is counted through the twelve slots after it).
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_015.0)

    cache.clear()
    statuses = [api(BODY, REMOTE_ADDR="203.0.113.9").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    limited = api(BODY, REMOTE_ADDR="203.0.113.9")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "65"
    # Another client is not affected.
    assert api(BODY, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_10_megabyte_body_is_refused_with_413(api):
    response = api(b'{"basis": "' + b"9" * (10 * 1024 * 1024) + b'"}')
    assert response.status_code == 413
    assert "errors" in response.json()


@pytest.mark.django_db
def test_the_access_log_is_json_without_any_tax_data(api, client, caplog):
    caplog.set_level(logging.INFO, logger="rlc.access")
    api(BODY, path="/api/v1/summary.pdf", HTTP_X_REQUEST_ID="test-request-0001")
    walk(client, [("account_type", "roth_ira")])
    client.get(result_url(client) + "?basis=54321.99")
    from interview.platform.logging import JsonLineFormatter

    lines = [JsonLineFormatter().format(r) for r in caplog.records if r.name == "rlc.access"]
    assert len(lines) == 5
    parsed = [json.loads(line) for line in lines]
    assert parsed[0]["request_id"] == "test-request-0001"
    # The journey key is in the path: it is random, not tax data.
    journey = f"/j/{client.journey}/"
    assert {p["path"] for p in parsed} == {
        "/api/v1/summary.pdf",
        "/",
        "/new/",
        journey + "questions/account_type/",
        journey + "result/",
    }
    everything = "\n".join(lines)
    for secret in ("54321", "20000", "18000", "roth_ira", "basis"):
        assert secret not in everything
    assert set(parsed[0]) <= {
        "time",
        "level",
        "logger",
        "event",
        "request_id",
        "method",
        "path",
        "status",
        "duration_ms",
    }


def test_a_malformed_request_id_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_delete_my_answers_removes_the_session_row(client):
    from django.contrib.sessions.models import Session

    walk(client, [("account_type", "roth_ira")])
    assert Session.objects.count() == 1
    client.post("/delete-my-answers/")
    assert not Session.objects.filter(session_data__contains="roth_ira").exists()
    assert all(not s.get_decoded() for s in Session.objects.all())


@pytest.mark.django_db
def test_forms_require_csrf(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/delete-my-answers/")
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("cookie", ["0000000\x00", "a" * 5000, "'; DROP TABLE django_session; --"])
def test_a_tampered_session_cookie_is_ignored_not_looked_up(client, cookie):
    # Found by the fuzz suite on PostgreSQL: a NUL byte in the cookie reached the query.
    client.cookies["sessionid"] = cookie
    assert client.get("/questions/account_type/", follow=True).status_code == 200


@pytest.mark.django_db
def test_delete_my_answers_works_with_csrf_enforced():
    from django.test import Client

    browser_like = Client(enforce_csrf_checks=True)
    page = browser_like.get("/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token
    response = browser_like.post("/delete-my-answers/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "have been deleted" in response.content.decode()


def test_other_log_lines_keep_the_message_template_but_never_its_arguments():
    import logging as std_logging

    from interview.platform.logging import JsonLineFormatter

    record = std_logging.LogRecord(
        "django.security", std_logging.WARNING, __file__, 1, "Bad value %s", ("54321.99",), None
    )
    line = json.loads(JsonLineFormatter().format(record))
    assert line["event"] == "Bad value %s"
    assert "54321" not in json.dumps(line)


@pytest.mark.django_db
def test_an_unhandled_exception_is_logged_as_one_line_with_its_type_and_place(
    client, caplog, monkeypatch
):
    from interview.platform.logging import JsonLineFormatter
    from interview.views import pages

    def broken(*args, **kwargs):
        raise LookupError("secret 54321 roth_ira")

    monkeypatch.setattr(pages, "render", broken)
    client.raise_request_exception = False
    caplog.set_level(logging.INFO)
    response = client.get("/?basis=54321")
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    line = json.loads(JsonLineFormatter().format(errors[0]))
    assert line["error"] == "LookupError"
    assert line["where"].startswith("interview.views.pages:start:")
    assert line["path"] == "/"
    assert "54321" not in json.dumps(line) and "roth_ira" not in json.dumps(line)
