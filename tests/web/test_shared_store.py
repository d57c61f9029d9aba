"""REDIS_URL moves sessions, the rate limit and the PDF cache to the shared store, and then no
database is used at all (issue 13: many app servers, one shared store). The cluster test runs
them against a real store; these check the settings each way."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .test_security import ROOT

SHOW = (
    "import json; from django.conf import settings as s; from django.db import connection as c; "
    "print(json.dumps([s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], "
    "c.settings_dict['ENGINE'], s.RATE_LIMIT_STORE, s.CACHES['default'].get('TIMEOUT')]))"
)


def settings_with(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SECRET_KEY": "a-test-secret", "DJANGO_DEBUG": "0", **env}
    if "DATABASE_URL" not in env:
        environment.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_with_redis_url_the_store_holds_everything_and_no_database_is_used():
    result = settings_with(REDIS_URL="redis://127.0.0.1:6379/0", SESSION_IDLE_MINUTES="20")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "interview.platform.sessions_cache",
        "django.core.cache.backends.redis.RedisCache",
        "django.db.backends.dummy",
        "cache",
        20 * 60,  # answers in the store expire with the idle timeout
    ]


def test_without_redis_url_the_embedded_default_is_as_before():
    result = settings_with()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "interview.platform.sessions",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.db.backends.sqlite3",
        "database",
        None,
    ]


def test_redis_url_and_database_url_together_are_refused():
    result = settings_with(REDIS_URL="redis://127.0.0.1:6379/0", DATABASE_URL="sqlite:///x")
    assert result.returncode != 0
    assert "not both" in result.stderr
