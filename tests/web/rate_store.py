"""A real redis-server for the rate limit's "cache" store: its Lua script needs the store itself
(this process's memory cache cannot run it). Started once per module, stopped after it."""

from __future__ import annotations

import subprocess

import pytest

from deploy.stack import HOST, find, free_port, wait_until


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    binary = find("redis-server")
    if binary is None:  # `make test` installs it (make system-deps)
        pytest.skip("needs Debian's redis-server: not installed")
    port = free_port()
    workdir = tmp_path_factory.mktemp("rate-store")
    server = subprocess.Popen(
        [binary, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        wait_until(lambda: redis.Redis(host=HOST, port=port).ping(), 10, "redis-server")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def use_store(settings, port: int):
    """RATE_LIMIT_STORE and CACHES as REDIS_URL sets them, on the store at `port`."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{HOST}:{port}/0",
            "KEY_PREFIX": "rlc",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    settings.RATE_LIMIT_STORE = "cache"
    from django.core.cache import cache

    cache.clear()
    return cache
