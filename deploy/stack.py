"""A deployment in miniature on 127.0.0.1: Debian's redis-server, gunicorn app servers and
Debian's nginx in front (round robin), each process started here and stopped by `Stack.close()`.

Used by `make serve` (`python -m deploy.stack serve`: nginx in front of one gunicorn, no store
unless REDIS_URL is set), by the cluster test and by `make bench`. nginx runs the repository's
own deploy/nginx/http.conf and app.conf; only the addresses, the temporary paths and an X-Upstream
header (which app server answered) are this file's own.
"""

from __future__ import annotations

import contextlib
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

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
BINARIES = ("redis-server", "nginx")


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

    def _spawn(self, name: str, command: list[str], env: dict[str, str] | None = None):
        log = (self.workdir / f"{name}.log").open("ab")
        return subprocess.Popen(  # noqa: S603 - our own binaries and arguments
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start(self) -> Stack:
        if self.store:
            store = [find("redis-server"), "--bind", HOST, "--port", str(self.redis_port)]
            # Answers never touch disk: no snapshots, no append-only file.
            store += ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)]
            self.others.append(self._spawn("redis", store))
        for index in range(len(self.app_ports)):
            self.start_app(index, wait=False)
        self.start_proxy()
        for index in range(len(self.app_ports)):
            self.wait_app(index)
        wait_until(lambda: status(self.proxy_port, "/readyz", self.proxy_host) == 200, 20, "nginx")
        return self

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
        servers = "\n".join(
            f"        server {HOST}:{port} max_fails=1 fail_timeout=5s;" for port in self.app_ports
        )
        conf = tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=tmp,
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

    def close(self) -> None:
        for process in [*self.apps.values(), *reversed(self.others)]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*self.apps.values(), *self.others]:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        self.apps.clear()
        self.others.clear()


def serve(host: str, port: int, workers: int) -> None:
    """`make serve`: nginx on host:port in front of one gunicorn on a free loopback port, in the
    foreground until Ctrl-C or until either stops. The environment is the caller's (production
    settings from the Makefile); nginx is the only peer whose X-Forwarded-For is believed."""
    missing = [binary for binary in ("nginx",) if find(binary) is None]
    if missing:
        raise SystemExit(f"make serve needs Debian's {missing[0]} (make system-deps installs it)")
    env = {"TRUSTED_PROXIES": HOST, **os.environ}
    with tempfile.TemporaryDirectory(prefix="rlc-serve-") as workdir:
        stack = Stack(
            Path(workdir),
            servers=1,
            workers=workers,
            store=False,
            env=env,
            proxy=(host, port),
            show_upstream=False,
        )
        try:
            stack.start()
            print(
                f"Serving on http://{host}:{port}/ (nginx -> gunicorn {HOST}:{stack.app_ports[0]})"
            )
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            while all(p.poll() is None for p in [*stack.apps.values(), *stack.others]):
                time.sleep(0.5)
            print(stack.log("app0"), stack.log("nginx"), sep="\n")
        except KeyboardInterrupt:
            pass
        finally:
            stack.close()


if __name__ == "__main__":
    if sys.argv[1:2] != ["serve"]:
        raise SystemExit("usage: python -m deploy.stack serve  (HOST, PORT, WORKERS from the env)")
    serve(
        os.environ.get("HOST", HOST), int(os.environ["PORT"]), int(os.environ.get("WORKERS", "3"))
    )
