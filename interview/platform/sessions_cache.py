"""SESSION_ENGINE with REDIS_URL: the session as a hash in the store (see sessions_store.py)."""

from __future__ import annotations

from interview.platform.sessions import SessionMiddleware
from interview.platform.sessions_store import RedisSessionStore as SessionStore

__all__ = ["SessionMiddleware", "SessionStore"]
