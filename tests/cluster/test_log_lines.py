"""Every line an app server writes is one JSON object, and a client's mistakes are warnings
(issue 18, finding 11).

A client could raise ERROR lines at will — a body over the limit, too many form fields, a Host
we do not serve, echoed into the line — and gunicorn wrote its own lines in its own format. Here
one app server behind nginx, run as deployed (config/gunicorn.py, at info level so that
gunicorn's own start-up lines are written too), takes each such request, and its whole log is
read back.
"""

from __future__ import annotations

import http.client
import json
import time

import pytest

from deploy.stack import Stack, missing_binaries

FOREIGN_HOST = "evil-host-echo.example"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if missing_binaries():
        pytest.skip(f"needs Debian's {' and '.join(missing_binaries())}")
    stack = Stack(
        tmp_path_factory.mktemp("log-lines"),
        servers=1,
        gunicorn_args=("--log-level", "info"),
        DJANGO_LOG_LEVEL="INFO",
    )
    stack.start()
    yield stack
    stack.close()


def send(stack: Stack, method: str, path: str, body: bytes = b"", **headers: str) -> int:
    connection = http.client.HTTPConnection(stack.proxy_host, stack.proxy_port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def test_client_faults_are_warnings_and_every_line_is_json(server):
    statuses = [
        send(
            server,
            "POST",
            "/api/v1/determinations",
            b'{"basis": "' + b"9" * 100_000 + b'"}',
            **{"Content-Type": "application/json"},
        ),
        send(
            server,
            "POST",
            "/delete-my-answers/",
            "&".join(f"f{i}=1" for i in range(3000)).encode(),
            # With a CSRF cookie, the CSRF check reads the form, and its 3000 fields.
            **{
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "csrftoken=" + "a" * 32,
            },
        ),
        send(
            server,
            "POST",
            "/delete-my-answers/",
            b"note=" + b"9" * 100_000,
            **{
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "csrftoken=" + "a" * 32,
            },
        ),
        send(server, "GET", "/", Host=FOREIGN_HOST),
        send(server, "GET", "/", Host=FOREIGN_HOST + ":8000"),
    ]
    assert statuses == [413, 400, 413, 400, 400]
    time.sleep(0.5)  # the app server's last lines reach its log file
    log = server.log("app0")
    lines = [line for line in log.splitlines() if line.strip()]
    assert any('"logger": "gunicorn.error"' in line for line in lines), log[-2000:]
    faults = []
    for line in lines:
        record = json.loads(line)  # every line, gunicorn's own included
        assert record["level"] != "ERROR", line
        assert FOREIGN_HOST not in line and "9999999999" not in line, line
        assert all(len(str(value)) <= 200 for value in record.values()), line
        if record["logger"].startswith("django.security"):
            faults.append(record)
    assert {r["error"] for r in faults} >= {
        "RequestDataTooBig",
        "TooManyFieldsSent",
        "DisallowedHost",
    }, faults
    assert {r["level"] for r in faults} == {"WARNING"}
