"""Many app servers, one shared store (issue 13): the store, two app servers and nginx on
127.0.0.1, started by the test. Every request has a timeout and every loop a bound; the module
takes a few seconds.

The test that kills an app server runs last: nginx then leaves the dead server out for a while.
"""

from __future__ import annotations

import socket
import threading
import time

import redis
import requests

from deploy.stack import HOST
from tests.web.test_security import BODY
from tests.web.test_wizard import ROTH_2016

from .conftest import RATE_LIMIT
from .visitor import TIMEOUT, Visitor


def finish(visitor: Visitor) -> str:
    """Confirm on the check page and return the result page, which needs every answer."""
    result = visitor.confirm()
    assert result.status_code == 200
    assert result.url.endswith("/result/")
    return result.text


def assert_the_roth_2016_result(page: str) -> None:
    # Basis $20,000 less $18,000 back is a $2,000 loss; 2% of the $50,000 AGI is the $1,000 floor.
    assert "Yes, for 2016" in page
    assert "$2,000" in page and "$1,000" in page


def test_a_journey_whose_requests_land_on_different_app_servers_keeps_its_answers(cluster):
    visitor = Visitor(cluster.url(""))
    visitor.start()
    for step, value in ROTH_2016:
        visitor.answer(step, value)
    assert "Check your answers" in visitor.page
    assert_the_roth_2016_result(finish(visitor))
    # Round robin: both app servers answered parts of this one journey.
    answered = {upstream for upstream in visitor.upstreams if upstream}
    assert answered == {f"{HOST}:{port}" for port in cluster.app_ports}


def test_answers_in_the_store_expire_with_the_idle_timeout(cluster):
    visitor = Visitor(cluster.url(""))
    visitor.start()
    visitor.answer(*ROTH_2016[0])
    store = redis.Redis(host=HOST, port=cluster.redis_port, socket_timeout=2)
    sessions = list(store.scan_iter(match="rlc:*sessions*", count=1000))
    assert sessions
    # SESSION_IDLE_MINUTES=5 for this cluster: every session key goes by itself within 300 s.
    assert all(0 < store.ttl(key) <= 300 for key in sessions)


def test_the_rate_limit_holds_across_app_servers(cluster):
    # The window slides (issue 18): no minute boundary resets the count, so no waiting for one.
    responses = [
        requests.post(cluster.url("/api/v1/determinations"), json=BODY, timeout=TIMEOUT)
        for _ in range(RATE_LIMIT + 2)
    ]
    assert [r.status_code for r in responses] == [200] * RATE_LIMIT + [429] * 2
    assert len({r.headers["X-Upstream"] for r in responses}) == 2
    store = redis.Redis(host=HOST, port=cluster.redis_port, socket_timeout=2)
    counters = list(store.scan_iter(match="rlc:*rlc-rate:*", count=1000))
    assert counters and all(0 < store.ttl(key) <= 65 for key in counters)


SLOW_REQUESTS = [
    # Headers a byte at a time (the probe's finding 2) ...
    b"GET /questions/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\nAccept: */*\r\n\r\n",
    # ... and a body a byte at a time.
    b"POST /api/v1/determinations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
    b"\r\nContent-Length: 400\r\n\r\n" + b" " * 400,
]


def test_slow_clients_at_the_proxy_do_not_stop_healthz(cluster):
    # More slow sockets than the two app servers have threads (2 x 1 worker x 4 threads).
    sockets = [socket.create_connection((HOST, cluster.proxy_port), timeout=2) for _ in range(12)]
    stop = threading.Event()

    def trickle() -> None:
        for tick in range(100):  # 0.05 s a tick: at most 5 s
            if stop.is_set():
                return
            for index, sock in enumerate(sockets):
                request = SLOW_REQUESTS[index % 2]
                if tick < len(request):
                    sock.sendall(request[tick : tick + 1])
            time.sleep(0.05)

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        time.sleep(0.3)  # every slow socket has started its request
        timings = []
        for _ in range(20):
            started = time.monotonic()
            response = requests.get(cluster.url("/healthz"), timeout=2)
            timings.append((response.status_code, time.monotonic() - started))
            time.sleep(0.05)
        assert sender.is_alive()  # the slow clients were still sending throughout
    finally:
        stop.set()
        sender.join(timeout=5)
        for sock in sockets:
            sock.close()
    assert [code for code, _seconds in timings] == [200] * 20
    assert max(seconds for _code, seconds in timings) < 1.0


def test_an_app_server_killed_mid_journey_loses_nothing_and_the_user_goes_on(cluster):
    visitor = Visitor(cluster.url(""))
    visitor.start()
    for step, value in ROTH_2016[:5]:
        visitor.answer(step, value)
    cluster.kill_app(0)
    for step, value in ROTH_2016[5:]:  # each answer is checked to land on the next page
        visitor.answer(step, value)
    assert_the_roth_2016_result(finish(visitor))
    survivor = f"{HOST}:{cluster.app_ports[1]}"
    after_kill = visitor.upstreams[-(len(ROTH_2016) - 5) * 2 :]
    # nginx tried the dead server once and moved the request on ("dead, survivor"), then only
    # the survivor answered.
    assert all(hop.split(", ")[-1] == survivor for hop in after_kill)
