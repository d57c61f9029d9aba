"""The cluster under test: the store, two app servers and nginx, once for the module."""

from __future__ import annotations

import pytest

from deploy.stack import Stack, missing_binaries

RATE_LIMIT = 5  # low, so the test reaches it in a handful of requests


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    missing = missing_binaries()
    if missing:
        # `make test` installs them (make system-deps); only a machine that cannot install
        # Debian packages gets here.
        pytest.skip(f"cluster test needs Debian's {' and '.join(missing)}: not installed")
    stack = Stack(
        tmp_path_factory.mktemp("cluster"),
        servers=2,
        RATE_LIMIT_PER_MINUTE=str(RATE_LIMIT),
        SESSION_IDLE_MINUTES="5",
    )
    try:
        stack.start()
    except Exception:
        logs = {name: stack.log(name) for name in ("redis", "nginx", "app0", "app1")}
        stack.close()
        raise RuntimeError(f"the cluster did not start: {logs}") from None
    yield stack
    stack.close()
