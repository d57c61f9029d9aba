"""Expired and deleted answers leave the database files by themselves (issue 18, finding 7).

Found by the probe: with the database (the default, SQLite), expired sessions stayed on disk
until someone ran `clearsessions`, and after that their bytes stayed in the write-ahead log.
The live tests run gunicorn as `make serve` does, on a database file of their own, and read the
raw bytes of db.sqlite3 and db.sqlite3-wal while it runs; nobody runs clearsessions.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from django.contrib.sessions.models import Session
from django.utils import timezone

from deploy.stack import HOST, free_port, status, wait_until
from interview.platform import sweeper
from interview.platform.sessions import SessionStore

from .test_security import ROOT

WAIT = 30  # seconds: a bound for a one-second sweep on a busy machine, not a speed claim

# A session with answers written (or expired) by a process of its own, as the app would.
SCRIPT = """
import sys, datetime
from django.core.management import call_command
from django.contrib.sessions.models import Session
from interview.platform.sessions import SessionStore
if sys.argv[1] == "migrate":
    call_command("migrate", verbosity=0)
elif sys.argv[1] == "write":
    session = SessionStore()
    session["answers"] = {"basis": sys.argv[2]}
    session.save()
    print(session.session_key, Session.objects.get(pk=session.session_key).session_data)
else:
    past = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
    Session.objects.filter(pk=sys.argv[2]).update(expire_date=past)
"""


@pytest.mark.django_db
def test_a_sweep_deletes_the_expired_sessions_and_keeps_the_live_ones():
    expired, live = SessionStore(), SessionStore()
    for session in (expired, live):
        session["answers"] = {"basis": "20000"}
        session.save()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert sweeper.sweep() == 1
    assert list(Session.objects.values_list("pk", flat=True)) == [live.session_key]


def test_with_the_store_there_is_nothing_to_sweep(settings):
    settings.SESSION_ENGINE = "interview.platform.sessions_cache"
    assert sweeper.start() is False


class Served:
    """gunicorn on a database file of its own, with the sweeper every `sweep_seconds`."""

    def __init__(self, workdir: Path, sweep_seconds: str) -> None:
        self.db = workdir / "db.sqlite3"
        self.port = free_port()
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)},
            "DATABASE_URL": f"sqlite:///{self.db}",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SESSION_SWEEP_SECONDS": sweep_seconds,
        }
        self.django("migrate")
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [gunicorn, "-c", "config/gunicorn.py", "config.wsgi", "--workers", "1"]
        self.process = subprocess.Popen(
            [*command, "--bind", f"{HOST}:{self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: status(self.port, "/healthz") == 200, 30, "gunicorn")

    def django(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); exec(open(0).read())", *args],
            input=SCRIPT,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def raw_bytes(self) -> bytes:
        """Everything SQLite keeps on disk for this database: the file and its log."""
        files = [self.db, self.db.with_name("db.sqlite3-wal"), self.db.with_name("db.sqlite3-shm")]
        return b"".join(path.read_bytes() for path in files if path.exists())

    def gone_from_disk(self, *secrets_: str) -> bool:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if not any(s.encode() in self.raw_bytes() for s in secrets_):
                return True
            time.sleep(0.2)
        return False

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=15)


@pytest.fixture
def served(tmp_path):
    servers: list[Served] = []
    yield lambda sweep_seconds: servers.append(Served(tmp_path, sweep_seconds)) or servers[-1]
    for server in servers:
        server.close()


def test_expired_answers_leave_the_database_files_with_no_request_and_no_clearsessions(served):
    server = served("1")
    marker = f"answer-{secrets.token_hex(16)}"
    key, data = server.django("write", marker).split()
    assert data.encode() in server.raw_bytes()  # the test can see a session on disk
    server.django("expire", key)  # its idle timeout has passed; no request comes after
    assert server.gone_from_disk(data, key)


def test_delete_my_answers_leaves_no_bytes_in_the_database_files(served):
    # The periodic sweep is an hour away: only the delete's own wake-up can scrub in time.
    server = served("3600")
    key, data = server.django("write", f"answer-{secrets.token_hex(16)}").split()
    browser = requests.Session()
    browser.cookies.set("sessionid", key)
    page = browser.get(f"http://{HOST}:{server.port}/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    deleted = browser.post(
        f"http://{HOST}:{server.port}/delete-my-answers/",
        data={"csrfmiddlewaretoken": token},
        timeout=10,
    )
    assert deleted.status_code == 200
    assert server.gone_from_disk(data, key)
