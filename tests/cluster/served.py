"""The stack `make serve` runs (deploy/serve.py: nginx with deploy/nginx/http.conf and app.conf in
front of gunicorn with config/gunicorn.py, DEBUG off, production settings, hashed static files),
started through the same functions on a free port that is never the default one, with its SQLite
database in a temporary folder."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.serve import prepare, serve_env, serve_stack
from deploy.stack import HOST, Stack, free_port, missing_binaries

# The headers every page of the app carries; nginx's own pages must carry the same values.
PAGE_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Cache-Control",
)


def skip_without_binaries() -> None:
    missing = missing_binaries()
    if missing:
        # `make test` installs them (make system-deps).
        pytest.skip(f"needs Debian's {' and '.join(missing)}: not installed")


@contextlib.contextmanager
def served_stack(workdir: Path, workers: int = 2) -> Iterator[Stack]:
    skip_without_binaries()
    environ = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}"}
    environ.pop("REDIS_URL", None)
    env = serve_env(environ)
    prepare(env, verbosity="0")
    port = free_port()
    assert port not in (80, 443, 8000)  # a port the browser must name in Host and Origin
    stack = serve_stack(workdir, HOST, port, workers, env)
    try:
        stack.start()
    except Exception:
        logs = {name: stack.log(name) for name in ("nginx", "app0")}
        stack.close()
        raise RuntimeError(f"the served stack did not start: {logs}") from None
    try:
        yield stack
    finally:
        stack.close()
