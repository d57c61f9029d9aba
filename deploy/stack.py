"""A deployment in miniature on 127.0.0.1: Debian's redis-server, gunicorn app servers and
Debian's nginx in front (round robin), each process started here and stopped by `Stack.close()`.

Used by `make serve` (deploy/serve.py: nginx in front of one gunicorn, no store unless
REDIS_URL is set), by the cluster and served-stack tests and by `make bench`. nginx runs the
repository's own deploy/nginx/http.conf and app.conf, and its own error pages
(deploy/error_pages.py); only the addresses, the temporary paths and an X-Upstream header (which
app server answered) are this file's own.

Nothing outlives the process that started it (issue 18, finding 14): `close()` stops each
process group, and every child is told by the kernel to stop (SIGTERM) when the thread that
started it ends, even by SIGKILL; so start a Stack from a thread that lives as long as it.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from deploy import error_pages

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
BINARIES = ("redis-server", "nginx")
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_LIBC = ctypes.CDLL(None, use_errno=True)  # loaded before any fork: preexec_fn only calls it


def find(binary: str) -> str | None:
    """A Debian binary on PATH or in the sbin folders (nginx lives in /usr/sbin)."""
    return shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/sbin")


def missing_binaries() -> list[str]:
    return [binary for binary in BINARIES if find(binary) is None]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until(ready: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if ready():
                return
        time.sleep(0.05)
    raise TimeoutError(f"{what} did not come up within {seconds} s")


def status(port: int, path: str, host: str = HOST, timeout: float = 2.0) -> int:
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def store_answers(port: int) -> bool:
    with socket.create_connection((HOST, port), timeout=2) as client:
        client.sendall(b"PING\r\n")
        return client.recv(16).startswith(b"+PONG")


def app_env(redis_port: int, **extra: str) -> dict[str, str]:
    """Production settings (DEBUG off, a real secret) on plain loopback HTTP, behind our proxy."""
    return {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "REDIS_URL": f"redis://{HOST}:{redis_port}/0",
        "TRUSTED_PROXIES": HOST,
        **extra,
    }


NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {deploy}/http.conf;
    root {pages};  # app.conf's /_errors/ (deploy/error_pages.py)
    upstream app {{
{servers}
        keepalive 16;
    }}
    server {{
        listen {host}:{port};
        {upstream_header}
        include {deploy}/app.conf;
    }}
}}
"""


# Which app server answered: for the cluster test and the bench, never for make serve.
UPSTREAM_HEADER = "add_header X-Upstream $upstream_addr always;"


class Stack:
    """The store, `servers` app servers and nginx; `proxy_port` is where clients go."""

    def __init__(
        self,
        workdir: Path,
        servers: int = 2,
        workers: int = 1,
        gunicorn_args: tuple[str, ...] = (),
        pin: bool = False,
        store: bool = True,
        env: dict[str, str] | None = None,
        proxy: tuple[str, int] | None = None,
        show_upstream: bool = True,
        **settings: str,
    ) -> None:
        """`settings` are environment variables added to app_env(); `env`, when given, is the
        app servers' whole environment instead (make serve) and `store` False starts no store."""
        self.workdir = workdir
        self.workers = workers
        self.gunicorn_args = list(gunicorn_args)  # after the config file's, so they win
        self.pin = pin  # app server i on CPU i only (`make bench`: one core per app server)
        self.store = store
        self.show_upstream = show_upstream
        self.redis_port = free_port()
        self.app_ports = [free_port() for _ in range(servers)]
        self.proxy_host, self.proxy_port = proxy or (HOST, free_port())
        self.env = env if env is not None else app_env(self.redis_port, **settings)
        self.apps: dict[int, subprocess.Popen] = {}
        self.others: list[subprocess.Popen] = []
        self.pages: Path | None = None

    def _spawn(self, name: str, command: list[str], env: dict[str, str] | None = None):
        log = (self.workdir / f"{name}.log").open("ab")
        return subprocess.Popen(  # noqa: S603 - our own binaries and arguments
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: close() stops it with all its workers
            preexec_fn=functools.partial(_preexec, os.getpid()),  # a prctl call: no locks
        )

    def start(self) -> Stack:
        if self.store:
            self.start_store(wait=False)
        for index in range(len(self.app_ports)):
            self.start_app(index, wait=False)
        self.start_proxy()
        for index in range(len(self.app_ports)):
            self.wait_app(index)
        wait_until(lambda: status(self.proxy_port, "/readyz", self.proxy_host) == 200, 20, "nginx")
        return self

    def start_store(self, wait: bool = True) -> None:
        store = [find("redis-server"), "--bind", HOST, "--port", str(self.redis_port)]
        # Answers never touch disk: no snapshots, no append-only file (but see stop_store).
        store += ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)]
        self.store_process = self._spawn("redis", store)
        self.others.append(self.store_process)
        if wait:
            wait_until(lambda: store_answers(self.redis_port), 10, "the store")
            (self.workdir / "dump.rdb").unlink(missing_ok=True)

    def stop_store(self) -> None:
        """The store stops (the outage test): connections to it are refused until start_store(),
        which reads back what it held from a snapshot in workdir, deleted once read, as a
        persistent store or a failover would keep the sessions."""
        with socket.create_connection((HOST, self.redis_port), timeout=5) as client:
            client.sendall(b"SHUTDOWN SAVE\r\n")
            client.recv(64)  # the store closes the connection once the snapshot is written
        self.store_process.wait(timeout=10)
        self.others.remove(self.store_process)

    def start_app(self, index: int, wait: bool = True) -> None:
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [gunicorn, "-c", "config/gunicorn.py", "config.wsgi"]
        command += ["--bind", f"{HOST}:{self.app_ports[index]}", "--workers", str(self.workers)]
        command += self.gunicorn_args
        if self.pin and find("taskset"):
            command = [find("taskset"), "-c", str(index % (os.cpu_count() or 1)), *command]
        self.apps[index] = self._spawn(f"app{index}", command, self.env)
        if wait:
            self.wait_app(index)

    def wait_app(self, index: int) -> None:
        port = self.app_ports[index]
        wait_until(lambda: status(port, "/readyz") == 200, 30, f"app server {index}")

    def kill_app(self, index: int) -> None:
        """The whole app server dies at once (power cut), not a graceful stop."""
        process = self.apps.pop(index)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def start_proxy(self) -> None:
        tmp = self.workdir / "nginx"
        tmp.mkdir(exist_ok=True)
        # Started as root, nginx's workers run as the user "nobody": its pages go in a folder of
        # their own that any user can read, not below the private (0700) working folder.
        self.pages = Path(tempfile.mkdtemp(prefix="rlc-pages-"))
        self.pages.chmod(0o755)
        error_pages.write(self.pages / "_errors")
        servers = "\n".join(
            f"        server {HOST}:{port} max_fails=1 fail_timeout=5s;" for port in self.app_ports
        )
        conf = tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=tmp,
                pages=self.pages,
                deploy=ROOT / "deploy" / "nginx",
                servers=servers,
                upstream_header=UPSTREAM_HEADER if self.show_upstream else "",
                host=self.proxy_host,
                port=self.proxy_port,
            )
        )
        nginx = [find("nginx"), "-p", str(tmp), "-e", str(tmp / "nginx-error.log"), "-c", str(conf)]
        self.others.append(self._spawn("nginx", nginx))

    def url(self, path: str) -> str:
        return f"http://{self.proxy_host}:{self.proxy_port}{path}"

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def processes(self) -> list[subprocess.Popen]:
        return [*self.apps.values(), *self.others]

    def close(self) -> None:
        """Stop every process group (SIGTERM, then SIGKILL after 10 s), workers included."""
        for process in [*self.apps.values(), *reversed(self.others)]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
            # A group's workers may outlive its leader: SIGKILL whatever is left of the group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
        self.apps.clear()
        self.others.clear()
        if self.pages is not None:
            shutil.rmtree(self.pages, ignore_errors=True)


def stop_with_parent() -> int:
    """Have the kernel send this process SIGTERM when the thread that started it ends, however
    it ends (Linux prctl). Returns the parent's pid as of now."""
    _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    return os.getppid()


def _preexec(starter: int) -> None:
    """In each child before exec: stop with the starter; one already gone means exit now."""
    if stop_with_parent() != starter:
        os._exit(1)
