"""`make serve`: the production configuration on this machine. nginx on HOST:PORT reads whole
requests in front of one gunicorn (config/gunicorn.py) on a private loopback port, WhiteNoise
serves the compressed, hashed static files, DEBUG is off. With REDIS_URL set, sessions, the rate
limit and the PDF cache live in that store and no database is used (so no migrate).

The browser test of the served stack (tests/browser/test_served_stack.py) starts the same thing
through the same three functions: serve_env(), prepare() and serve_stack().

Any stop leaves nothing running (issue 18, finding 14): Ctrl-C, SIGTERM or SIGHUP only ask the
loop to end, so a second signal (make passes its own SIGTERM on, a second Ctrl-C) cannot cut
the clean-up short; and if this process is killed outright, the kernel stops its children
(deploy/stack.py), as it stops this process when make dies.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from deploy.stack import HOST, ROOT, Stack, find, stop_with_parent

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def serve_env(environ: dict[str, str]) -> dict[str, str]:
    """Production settings over the caller's environment. This machine has no TLS proxy in
    front: plain HTTP on loopback, so no HTTPS redirect and no Secure-only cookies unless the
    caller says otherwise (a real deployment keeps both on behind its TLS-terminating proxy).
    nginx is the only peer whose X-Forwarded-For is believed."""
    env = {"TRUSTED_PROXIES": HOST, **environ, "DJANGO_DEBUG": "0", "DJANGO_STATIC_MANIFEST": "1"}
    for name in ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_COOKIES"):
        env[name] = env.get(name) or "0"
    if not env.get("DJANGO_SECRET_KEY"):
        print("DJANGO_SECRET_KEY is not set: using a throwaway key (sessions end when it stops).")
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def prepare(env: dict[str, str], verbosity: str = "1") -> None:
    """The database's tables (none with the store) and the static files WhiteNoise serves."""
    steps = [] if env.get("REDIS_URL") else [["migrate", "--noinput", "-v", verbosity]]
    for step in [*steps, ["collectstatic", "--noinput", "-v", "0"]]:
        command = [sys.executable, "manage.py", *step]
        subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own manage.py


def serve_stack(workdir: Path, host: str, port: int, workers: int, env: dict[str, str]) -> Stack:
    """nginx on host:port in front of one gunicorn with `workers` workers; not started yet."""
    return Stack(
        workdir,
        servers=1,
        workers=workers,
        store=False,
        env=env,
        proxy=(host, port),
        show_upstream=False,
    )


def main(host: str, port: int, workers: int) -> int:
    """In the foreground until a stop signal or until nginx or gunicorn stops (exit status 1)."""
    if find("nginx") is None:
        raise SystemExit("make serve needs Debian's nginx (make system-deps installs it)")
    stopping: list[int] = []
    for signum in STOP_SIGNALS:
        signal.signal(signum, lambda signum, _frame: stopping.append(signum))
    stop_with_parent()  # make killed: this process stops too
    env = serve_env(dict(os.environ))
    prepare(env)
    with tempfile.TemporaryDirectory(prefix="rlc-serve-") as workdir:
        stack = serve_stack(Path(workdir), host, port, workers, env)
        try:
            stack.start()
            print(
                f"Serving on http://{host}:{port}/ (nginx -> gunicorn {HOST}:{stack.app_ports[0]})"
            )
            while not stopping and all(p.poll() is None for p in stack.processes()):
                time.sleep(0.2)
            if not stopping:
                print(stack.log("app0"), stack.log("nginx"), sep="\n")
                return 1
            return 0
        finally:
            for signum in STOP_SIGNALS:  # the clean-up runs to its end, whatever comes now
                signal.signal(signum, signal.SIG_IGN)
            stack.close()


if __name__ == "__main__":
    sys.exit(
        main(
            os.environ.get("HOST", HOST),
            int(os.environ["PORT"]),
            int(os.environ.get("WORKERS", "3")),
        )
    )
