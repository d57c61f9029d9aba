"""Expired answers leave the database by themselves, and leave no readable bytes behind.

Every page promises that answers are "deleted after 30 minutes without activity". With the
database (the default, SQLite) an expired session stayed on disk until someone ran
`clearsessions`, and even then its bytes stayed in the write-ahead log (issue 18, finding 7).

Here each app process runs one sweeper thread (started by config/wsgi.py, so in every gunicorn
worker and under `make run`, never in manage.py commands or tests). At start and then every
SESSION_SWEEP_SECONDS it deletes the sessions past their expiry and, on SQLite, checkpoints the
write-ahead log and truncates it to zero bytes. Settings turn on SQLite's secure_delete, so the
deleted rows are overwritten with zeros in the database file; the checkpoint is what removes the
older copies of those pages from the -wal file. "Delete my answers" (and any other session
delete) wakes the sweeper at once, so its bytes go within about a second, not a minute.

Why a thread and not a check on each request: with no traffic at all, a request-driven sweep
never runs, and answers would outlive the promise exactly when nobody is looking. The thread
costs one wake-up a minute per worker; several workers sweeping the same table only find less
to delete. On PostgreSQL the DELETE is the whole job here: the dead rows' bytes stay in the table
files until VACUUM reuses the space (autovacuum does so by itself; see the README).
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete
from django.utils import timezone

log = logging.getLogger("rlc.sweeper")
BURST_SECONDS = 1.0  # deletes come in bursts: wait this long after a wake-up, then sweep once

_wake = threading.Event()
_start_lock = threading.Lock()
_thread: threading.Thread | None = None


def sweep() -> int:
    """Delete the expired sessions, then scrub the database files; return how many went."""
    from django.contrib.sessions.models import Session

    deleted, _by_model = Session.objects.filter(expire_date__lte=timezone.now()).delete()
    scrub()
    return deleted


def scrub() -> None:
    """SQLite: copy the log into the database file and truncate it, so the pages that held
    deleted rows exist only as their zeroed copies. A busy database is left for the next round."""
    # Inside a transaction the log cannot be emptied past it (the sweeper's rounds never are).
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _session_deleted(sender: object, **kwargs: object) -> None:
    if threading.current_thread() is not _thread:  # the sweeper's own deletes are covered
        transaction.on_commit(_wake.set)  # scrub after the delete is written, not before


def _run(every: float) -> None:
    while True:
        try:
            sweep()
        except Exception as error:  # the sweeper must outlive a locked or missing database
            log.warning("session sweep failed", extra={"error": type(error).__name__})
        finally:
            connection.close()
        _wake.wait(every)
        time.sleep(BURST_SECONDS)
        _wake.clear()


def start() -> bool:
    """Start this process's sweeper once; only where sessions live in the database."""
    global _thread
    if settings.SESSION_ENGINE != "interview.platform.sessions" or not settings.DATABASES:
        return False
    from django.contrib.sessions.models import Session

    with _start_lock:
        if _thread is None or not _thread.is_alive():
            post_delete.connect(_session_deleted, sender=Session, dispatch_uid="rlc-sweeper")
            _thread = threading.Thread(
                target=_run, args=(settings.SESSION_SWEEP_SECONDS,), name="rlc-sweeper", daemon=True
            )
            _thread.start()
    return True
