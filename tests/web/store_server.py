"""Sessions in a real redis-server (the one tests/web/rate_store.py starts per module): the
session store's script runs in the store itself, so this process's memory cache cannot stand in.
Each test starts from an empty store."""

from __future__ import annotations

import redis

from deploy.stack import HOST

from .rate_store import redis_port  # noqa: F401 - fixture
from .rate_store import use_store as use_rate_store

STORE_KEYS = "rlc:*sessions*"  # every session in the store, and nothing else


def use_store(settings, port: int) -> redis.Redis:
    """Everything REDIS_URL moves to the store (sessions included) on the store at `port`."""
    use_rate_store(settings, port)
    settings.SESSION_ENGINE = "interview.platform.sessions_cache"
    return redis.Redis(host=HOST, port=port, socket_timeout=2)


def move_store(settings, port: int, timeout: float = 2) -> None:
    """The app now finds the store at `port` (nothing there, or a silent socket): an outage."""
    default = settings.CACHES["default"]
    options = {"socket_connect_timeout": timeout, "socket_timeout": timeout}
    location = f"redis://{HOST}:{port}/0"
    settings.CACHES = {"default": {**default, "LOCATION": location, "OPTIONS": options}}
