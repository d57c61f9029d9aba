"""Cross-Origin-Resource-Policy on every response, and HSTS beyond this host only on the
operator's word (issue 18, finding 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# One HTTPS request through the whole middleware stack, in a process of its own: the HSTS
# settings are read from the environment when settings load.
HSTS_OF_ONE_REQUEST = """
import django
django.setup()
from django.test import Client
print(Client().get("/healthz", secure=True).headers.get("Strict-Transport-Security"))
"""


def production(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_DEBUG": "0",
        **extra,
    }
    for name in ("DJANGO_HSTS_INCLUDE_SUBDOMAINS", "DJANGO_HSTS_PRELOAD"):
        if name not in extra:
            env.pop(name, None)
    return env


def run(env: dict[str, str], code: str = HSTS_OF_ONE_REQUEST) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/", id="a-page"),
        pytest.param("/static/css/site.css", id="a-static-file"),
        pytest.param("/api/v1/law/zz", id="an-api-error"),
    ],
)
def test_every_response_says_other_sites_may_not_load_it(client, path):
    response = client.get(path)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_hsts_covers_this_host_only_by_default():
    result = run(production())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000"


def test_hsts_covers_subdomains_and_asks_for_preloading_when_the_operator_opts_in():
    result = run(production(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_HSTS_PRELOAD="1"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains; preload"


def test_subdomains_alone_are_covered_without_preloading():
    result = run(production(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1"))
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains"


def test_preloading_without_subdomains_is_refused_at_start():
    result = run(production(DJANGO_HSTS_PRELOAD="1"))
    assert result.returncode != 0
    assert "DJANGO_HSTS_PRELOAD needs DJANGO_HSTS_INCLUDE_SUBDOMAINS" in result.stderr
