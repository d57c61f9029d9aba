"""A journey's PDF kept between requests, only where "Delete my answers" reaches it.

The PDF shows the user's figures, so no copy may outlive their journey (issue 18, finding 6):
- A copy is kept only in the shared store (REDIS_URL), where a delete from any worker of any app
  server removes it. A process's memory cache (LocMemCache, the default) is seen by one worker
  only, and a delete in another would leave it there: without the store nothing is kept, and a
  repeat download renders again (one fresh render, `pdf_fresh_ms` in make bench).
- One copy per session, under a random name kept in the session itself (NAME_IN_SESSION): the
  name goes with the session through the new id a journey starts with (wizard.py, cycle_key),
  and forget() finds it when the user deletes their answers, before the session is flushed.
- It expires with the idle timeout at the latest, so it goes when an idle session goes.
- Only a journey's PDF is kept: the API's has no session to delete it with (views/api.py).
A store that fails (refusing connections, or hanging until the socket timeout) never fails a
download: the copy is skipped and the PDF rendered (issue 18, finding 4).
"""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from redis.exceptions import RedisError

NAME_IN_SESSION = "rlc.pdf"  # where the session keeps the name of its copy in the store
MAX_SECONDS = 60 * 60  # never longer than an hour, even with a longer idle timeout
log = logging.getLogger(__name__)


def enabled() -> bool:
    """Whether copies are kept: only in the store every worker shares."""
    return bool(settings.REDIS_URL)


def seconds() -> int:
    """How long a copy lives: at most the idle timeout, so never longer than the session."""
    return min(settings.SESSION_IDLE_MINUTES * 60, MAX_SECONDS)


def _key(token: str) -> str:
    return f"pdf:{token}"


def _skipped(operation: str, error: RedisError) -> None:
    # The error's type only: its message can name the store's address.
    log.warning("PDF cache skipped", extra={"where": operation, "error": type(error).__name__})


def get(session: SessionBase, digest: str) -> bytes | None:
    """This session's copy, if it is the PDF of the inputs named by `digest`."""
    token = session.get(NAME_IN_SESSION)
    if not enabled() or not isinstance(token, str):
        return None
    try:
        stored = cache.get(_key(token))
    except RedisError as error:
        _skipped("get", error)
        return None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == digest:
        return stored[1]
    return None


def put(session: SessionBase, digest: str, content: bytes) -> None:
    """Keep `content` as this session's copy (replacing any other PDF of this session)."""
    if not enabled():
        return
    token = session.get(NAME_IN_SESSION)
    if not isinstance(token, str):
        token = session[NAME_IN_SESSION] = secrets.token_urlsafe(16)
    try:
        cache.set(_key(token), (digest, content), timeout=seconds())
    except RedisError as error:
        _skipped("set", error)


def forget(session: SessionBase) -> None:
    """Delete this session's copy from the store: call before the session is flushed."""
    token = session.get(NAME_IN_SESSION)
    if not enabled() or not isinstance(token, str):
        return
    try:
        cache.delete(_key(token))
    except RedisError as error:
        _skipped("delete", error)
