"""PDFs rendered at once on the shipped gunicorn settings (issue 18, finding 3).

One app server with config/gunicorn.py as shipped (one gthread worker, 4 threads) behind nginx,
and many fresh PDFs sent 4 at a time: every answer must be a whole PDF, and the worker must not
report native memory corruption. Before the render lock, Pango's shared font caches were
changed by several threads at once and GLib printed "corrupted double-linked list detected"
(in 5 of 6 runs of 60 PDFs here). A preparer note that differs each time keeps every PDF fresh.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from deploy.stack import Stack, missing_binaries
from tests.web.test_security import BODY

PDFS = 80
AT_ONCE = 4  # the shipped threads per worker
# What glibc, GLib, Pango and fontconfig print when their memory or state is damaged.
NATIVE_WARNINGS = (
    "corrupted",
    "double free",
    "GLib",
    "Pango-CRITICAL",
    "Fontconfig error",
    "free(): ",
)


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    missing = missing_binaries()
    if missing:  # `make test` installs them (make system-deps)
        pytest.skip(f"needs Debian's {' and '.join(missing)}: not installed")
    # The worker count is the command line's; threads and worker class are the config file's.
    stack = Stack(
        tmp_path_factory.mktemp("pdfs"), servers=1, workers=1, RATE_LIMIT_PER_MINUTE="1000000"
    )
    try:
        stack.start()
    except Exception:
        logs = {name: stack.log(name) for name in ("redis", "nginx", "app0")}
        stack.close()
        raise RuntimeError(f"the app server did not start: {logs}") from None
    yield stack
    stack.close()


def fresh_pdf(stack: Stack, number: int) -> requests.Response:
    body = {**BODY, "preparer": {"client": f"Client {number:04d}", "note": f"Visit {number}"}}
    return requests.post(stack.url("/api/v1/summary.pdf"), json=body, timeout=60)


def test_pdfs_rendered_at_once_are_whole_and_leave_native_memory_intact(one_worker):
    with ThreadPoolExecutor(AT_ONCE) as pool:
        answers = list(pool.map(lambda n: fresh_pdf(one_worker, n), range(PDFS)))
    assert [a.status_code for a in answers] == [200] * PDFS
    for answer in answers:
        assert answer.content.startswith(b"%PDF-")
        assert answer.content.rstrip().endswith(b"%%EOF")
    assert len({a.content for a in answers}) == PDFS  # each one fresh, none from a cache
    log = (one_worker.workdir / "app0.log").read_text(errors="replace")
    found = {warning: log.count(warning) for warning in NATIVE_WARNINGS if warning in log}
    assert found == {}, log[-2000:]
