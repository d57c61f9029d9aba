"""Rotating DJANGO_SECRET_KEY ends no journey (issue 18, finding 9).

Database sessions are signed with the secret key; a new key alone made every stored session
unreadable, so every journey in progress ended. DJANGO_SECRET_KEY_FALLBACKS lists the earlier
keys, which Django's signing (and so its session decoding) still accepts.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .test_security import ROOT, manage_check
from .wizard_helpers import confirm, result_url, walk

KEY_A = "a-key-used-before-the-rotation-" + "a" * 20
KEY_B = "the-key-used-after-the-rotation-" + "b" * 20

# Writes a session under one key, or reads it back under another, in a process of its own: the
# keys come from the environment exactly as a deployment sets them.
SCRIPT = """
import sys
from django.conf import settings
from django.core.management import call_command
from interview.platform.sessions import SessionStore
if sys.argv[1] == "write":
    call_command("migrate", verbosity=0)
    session = SessionStore()
    session["answers"] = {"basis": "12345"}
    session.save()
    print(session.session_key)
else:
    print(SessionStore(session_key=sys.argv[2]).get("answers"))
"""


def in_a_process(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); exec(open(0).read())", *args],
        input=SCRIPT,
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_session_made_under_the_old_key_opens_with_it_as_a_fallback(tmp_path):
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DJANGO_DEBUG": "0"}
    key = in_a_process({**database, "DJANGO_SECRET_KEY": KEY_A}, "write")
    rotated = {**database, "DJANGO_SECRET_KEY": KEY_B}
    assert in_a_process({**rotated, "DJANGO_SECRET_KEY_FALLBACKS": f"x,{KEY_A}"}, "read", key) == (
        "{'basis': '12345'}"
    )
    # Without the fallback the session cannot be read: the journey would end.
    assert in_a_process(rotated, "read", key) == "None"


@pytest.mark.django_db
def test_a_journey_goes_on_after_the_key_is_rotated_with_the_old_key_as_fallback(client, settings):
    settings.SECRET_KEY = KEY_A
    steps = [("account_type", "traditional_401k"), ("fully_liquidated", "no"), ("has_basis", "no")]
    walk(client, steps)
    assert confirm(client).status_code == 200
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = KEY_B, [KEY_A]
    assert client.get(result_url(client)).status_code == 200
    settings.SECRET_KEY_FALLBACKS = []
    assert client.get(result_url(client)).status_code == 302  # the journey has ended


def test_production_refuses_the_development_key_as_a_fallback():
    from config.settings import DEVELOPMENT_SECRET_KEY

    env = {**os.environ, "DJANGO_DEBUG": "0"}
    result = manage_check({**env, "DJANGO_SECRET_KEY_FALLBACKS": DEVELOPMENT_SECRET_KEY})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY_FALLBACKS must not hold the development key" in result.stderr
