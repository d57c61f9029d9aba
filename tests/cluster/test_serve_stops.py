"""`make serve` stopped any way leaves no gunicorn or nginx behind (issue 18, finding 14): a second
signal during its clean-up used to cut the clean-up short, and a killed parent left both running.
Each case starts the real command in a process group of its own, notes every process it started,
stops it, and looks for any of them still running."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from deploy.stack import HOST, free_port, status, wait_until

from .served import skip_without_binaries

ROOT = Path(__file__).resolve().parents[2]
SETTLE_SECONDS = 30  # a bound, not a speed: gunicorn's own graceful stop is at most 10 s


def stat_of(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # after "pid (name) ": state, ppid, ...


def tree(root: int) -> dict[int, str]:
    """Every process below `root`, with its start time (so that a reused pid is not mistaken)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := stat_of(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if fields := stat_of(pid):
            found[pid] = fields[19]
            todo += children.get(pid, [])
    return found


def still_running(processes: dict[int, str]) -> list[int]:
    """The pids of `processes` that are the same processes, alive (not zombies)."""
    return [
        pid
        for pid, started in processes.items()
        if (fields := stat_of(pid)) and fields[19] == started and fields[0] != "Z"
    ]


def running(processes: dict[int, str]) -> list[str]:
    """What is left of them, as command lines."""
    lines = []
    for pid in still_running(processes):
        with contextlib.suppress(OSError):
            lines.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
    return lines


def signal_group_twice(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    time.sleep(0.05)  # the second arrives while the first's clean-up runs
    os.killpg(process.pid, signal.SIGTERM)


STOPS: dict[str, Callable[[subprocess.Popen], None]] = {
    "ctrl-c": lambda process: os.killpg(process.pid, signal.SIGINT),
    "sigterm-twice": signal_group_twice,
    "sigkill-parent": lambda process: os.kill(process.pid, signal.SIGKILL),
}


@pytest.fixture
def run_tmpdir() -> Iterator[Path]:
    """The run's temporary folders (a killed run cannot remove them), removed here. Not below
    pytest's private folder: nginx's workers (user nobody) read their pages from one of them."""
    folder = Path(tempfile.mkdtemp(prefix="rlc-stop-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(
    ("command", "stop"),
    [
        pytest.param("make", "ctrl-c", id="make-serve-ctrl-c-to-its-group"),
        pytest.param("make", "sigterm-twice", id="make-serve-sigterm-twice-to-its-group"),
        pytest.param("make", "sigkill-parent", id="make-killed-with-sigkill"),
        pytest.param("python", "sigkill-parent", id="python-killed-with-sigkill"),
    ],
)
def test_make_serve_leaves_nothing_running_however_it_is_stopped(
    tmp_path, run_tmpdir, command, stop
):
    skip_without_binaries()
    port = free_port()
    env = {
        **os.environ,
        "TMPDIR": str(run_tmpdir),
        "PORT": str(port),
        "WORKERS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    argv = ["make", "--no-print-directory", "serve"]
    if command == "python":
        argv = [sys.executable, "-m", "deploy.serve"]
    with (tmp_path / "serve.log").open("wb") as log:
        process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    started: dict[int, str] = {}
    try:
        wait_until(lambda: status(port, "/readyz") == 200, 120, "make serve")
        started = tree(process.pid)
        assert any("gunicorn" in line for line in running(started))
        assert any("nginx" in line for line in running(started))
        STOPS[stop](process)
        deadline = time.monotonic() + SETTLE_SECONDS
        while running(started) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert running(started) == [], (tmp_path / "serve.log").read_text()[-3000:]
        with pytest.raises(OSError):
            status(port, "/readyz", HOST, timeout=2)  # nothing listens on the port any more
    finally:
        # A failed case must not leave its servers running either: only what it started.
        for pid in still_running(started):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # its own group, before it is reaped
        process.wait(timeout=10)
