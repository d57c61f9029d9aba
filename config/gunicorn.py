"""gunicorn settings shared by `make serve`, the container, the cluster test and `make bench`.

The address and the number of workers come from the command line (`--bind`, `--workers`, or
gunicorn's own WEB_CONCURRENCY); everything else is here.

Threads, not one worker per connection (issue 13, finding 2): with sync workers, five sockets
sending their headers a byte at a time held all five workers and /healthz failed; a gthread worker
waits for a connection's first bytes in its poller and gives a thread only to a connection that
is sending, so a few slow clients take a few threads of many. A deployment still puts nginx in
front (deploy/nginx/), which reads whole requests before any app server sees them.
"""

from interview.platform.logging import GUNICORN_LOGGING  # no Django: safe in gunicorn's master

worker_class = "gthread"
threads = 4  # per worker: Django releases the GIL on I/O (store, database); PDFs are CPU-bound
timeout = 30  # a request that takes longer is a fault: the worker is replaced
graceful_timeout = 10
keepalive = 5
worker_tmp_dir = "/dev/shm"  # noqa: S108 - heartbeat files in memory, no stalls on a slow disk
accesslog = "/dev/null"  # the app writes its own JSON access lines, without query strings
errorlog = "-"
loglevel = "warning"
# gunicorn's own lines in the app's JSON format (one format for every line of every process).
logconfig_dict = GUNICORN_LOGGING


def post_worker_init(worker: object) -> None:
    """Each worker loads WeasyPrint and the PDF fonts before it serves (interview/pdf/document.py)."""
    from interview.pdf.document import warm_up

    warm_up()
