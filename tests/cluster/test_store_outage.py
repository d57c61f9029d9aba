"""The store stops or hangs mid-journey, behind nginx and two app servers (issue 18, finding 4).

Before, a question page answered 302 to "Your session has ended" and deleted the session cookie,
and the answers, still in the store once it was back, could no longer be reached. Now the user
gets "briefly unavailable" (503, Retry-After), keeps the cookie, and goes on with the same cookie
when the store is back.
"""

from __future__ import annotations

import os
import signal

import requests

from tests.web.test_wizard import ROTH_2016
from tests.web.wizard_helpers import FIELD, PREFIX, step_url

from .test_cluster import assert_the_roth_2016_result, finish
from .visitor import TIMEOUT, TOKEN, Visitor


def half_way(cluster) -> Visitor:
    visitor = Visitor(cluster.url(""))
    visitor.start()
    for step, value in ROTH_2016[:5]:
        visitor.answer(step, value)
    return visitor


def post_answer(visitor: Visitor, token: str, step: str, value: str) -> requests.Response:
    """The answer a page already open in the browser sends (its token from before the outage)."""
    data = {"csrfmiddlewaretoken": token, f"{PREFIX}-current_step": step}
    data[f"{step}-{FIELD.get(step, step)}"] = value
    url = visitor.base + step_url(visitor, step)
    return visitor.session.post(url, data, timeout=TIMEOUT, allow_redirects=False)


def assert_briefly_unavailable(response: requests.Response) -> None:
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert "The service is briefly unavailable" in response.text
    assert "Your answers are kept" in response.text
    assert "sessionid" not in response.headers.get("Set-Cookie", "")  # never deleted


def test_a_store_stopped_mid_journey_answers_503_and_the_same_cookie_goes_on_after(cluster):
    visitor = half_way(cluster)
    cookie = visitor.session.cookies["sessionid"]
    step, value = ROTH_2016[5]
    token = TOKEN.search(visitor.page).group(1)
    cluster.stop_store()  # connections to the store are refused
    try:
        refused = []
        for _ in range(2):  # round robin: each app server answers a page and an answer
            refused += [visitor.get(step_url(visitor, step))]
            refused += [post_answer(visitor, token, step, value)]
        for response in refused:
            assert_briefly_unavailable(response)
        assert len({response.headers["X-Upstream"] for response in refused}) == 2
        assert requests.get(cluster.url("/readyz"), timeout=TIMEOUT).status_code == 503
    finally:
        cluster.start_store()
    assert visitor.session.cookies["sessionid"] == cookie
    for step, value in ROTH_2016[5:]:  # each answer lands on the next page
        visitor.answer(step, value)
    # The result needs every answer, the five from before the outage too.
    assert_the_roth_2016_result(finish(visitor))


def test_a_store_that_hangs_answers_503_within_its_timeout_then_the_journey_goes_on(cluster):
    visitor = half_way(cluster)
    step, value = ROTH_2016[5]
    token = TOKEN.search(visitor.page).group(1)
    os.kill(cluster.store_process.pid, signal.SIGSTOP)  # takes connections, answers nothing
    try:
        # The store's 2 s socket timeout, well inside nginx's and gunicorn's (a 502/504 before).
        assert_briefly_unavailable(visitor.get(step_url(visitor, step)))
        assert_briefly_unavailable(post_answer(visitor, token, step, value))
    finally:
        os.kill(cluster.store_process.pid, signal.SIGCONT)
    for step, value in ROTH_2016[5:]:
        visitor.answer(step, value)
    assert_the_roth_2016_result(finish(visitor))
