"""Answers posted at the same moment to one journey, over the store and two app servers, are all
kept (issue 18, finding 2).

Two tabs of one browser (or a double click and a second tab) post answers to different steps of
one finished journey at once; nginx spreads them over both app servers. Before the store kept
each session as a hash written field by field in one script, each save wrote back the whole
dictionary it had read, and one of two answers sent together was lost about one time in four,
though every POST got its 302 ("saved").
"""

from __future__ import annotations

import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import requests

from deploy.stack import HOST
from tests.web.test_wizard import ROTH_2016
from tests.web.wizard_helpers import FIELD, PREFIX, step_url

from .visitor import TIMEOUT, TOKEN, Visitor

# Steps whose answer changes no question asked, each with a value unique to the round, and the
# way "Check your answers" shows it. The money ranges do not overlap for ROUNDS rounds.
VALUES = {
    "basis": (lambda r: str(20_000 + r), lambda r: f"${20_000 + r:,}"),
    "total_distributions": (lambda r: str(18_000 + r), lambda r: f"${18_000 + r:,}"),
    "agi": (lambda r: str(50_000 + r), lambda r: f"${50_000 + r:,}"),
    "age": (lambda r: str(40 + r % 50), lambda r: str(40 + r % 50)),
}
STEPS = list(VALUES)
ROUNDS = 72  # 2, 3 and 4 answers at once in turn: 216 answers
ROW = re.compile(
    r'<dd class="answers__answer">(.*?)</dd>\s*<dd class="answers__change[^"]*">'
    r'<a class="usa-link" href="/j/[^/]+/questions/(\w+)/"',
    re.S,
)


def shown_answers(visitor: Visitor) -> dict[str, str]:
    """step -> the answer as "Check your answers" shows it now."""
    page = visitor.get(step_url(visitor, "check"))
    assert page.status_code == 200
    return {step: html.unescape(answer).strip() for answer, step in ROW.findall(page.text)}


def test_answers_posted_at_once_to_one_journey_on_two_app_servers_are_all_kept(cluster):
    visitor = Visitor(cluster.url(""))
    visitor.start()
    for step, value in ROTH_2016:
        visitor.answer(step, value)
    assert visitor.confirm().url.endswith("/result/")  # a finished journey
    assert set(STEPS) <= shown_answers(visitor).keys()
    token = TOKEN.search(visitor.page)
    assert token is not None
    cookies = visitor.session.cookies.get_dict()

    def post(step: str, value: str, barrier: threading.Barrier) -> requests.Response:
        # A tab of the same browser: the same cookies, its own connection.
        with requests.Session() as tab:
            tab.cookies.update(cookies)
            tab.headers["Referer"] = visitor.base + "/"
            data = {
                "csrfmiddlewaretoken": token.group(1),
                f"{PREFIX}-current_step": step,
                f"{step}-{FIELD.get(step, step)}": value,
            }
            barrier.wait(timeout=TIMEOUT)
            return tab.post(
                visitor.base + step_url(visitor, step),
                data,
                timeout=TIMEOUT,
                allow_redirects=False,
            )

    lost, upstreams, posted = [], set(), 0
    with ThreadPoolExecutor(max_workers=len(STEPS)) as pool:
        for r in range(ROUNDS):
            at_once = 2 + r % 3
            steps = (STEPS[r % len(STEPS) :] + STEPS[: r % len(STEPS)])[:at_once]
            barrier = threading.Barrier(at_once)
            futures = [pool.submit(post, s, VALUES[s][0](r), barrier) for s in steps]
            responses = [future.result(timeout=TIMEOUT * 2) for future in futures]
            assert [response.status_code for response in responses] == [302] * at_once
            upstreams |= {response.headers.get("X-Upstream") for response in responses}
            posted += at_once
            shown = shown_answers(visitor)
            lost += [(r, s) for s in steps if shown.get(s) != VALUES[s][1](r)]
    assert posted >= 200
    assert upstreams == {f"{HOST}:{port}" for port in cluster.app_ports}  # both took answers
    assert lost == [], f"{len(lost)} of {posted} answers lost"
