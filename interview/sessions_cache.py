"""SESSION_ENGINE with REDIS_URL: the cache session that merges its writes (see sessions.py)."""

from __future__ import annotations

from .sessions import CacheSessionStore as SessionStore
from .sessions import SessionMiddleware

__all__ = ["SessionMiddleware", "SessionStore"]
