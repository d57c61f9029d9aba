"""Real browsers through the stack `make serve` runs, on a port that is not the default: a whole
journey, its PDF and "Delete my answers", each POST with Chromium's own Origin and cookies; and a
journey over the shared store across two app servers (issue 18, finding 1: nginx passed the Host
without its port, Django's CSRF check saw a foreign Origin and refused every answer with 403).
The rest of the browser suite meets pytest-django's live server, which has no proxy."""

from __future__ import annotations

from pathlib import Path

import pytest

from deploy.stack import Stack
from tests.cluster.served import served_stack, skip_without_binaries

from .conftest import DESKTOP, PHONE, shoot
from .journey import RESULT, heading, pre_tax_401k_cash_out
from .test_accessibility import audit


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_stack(tmp_path_factory.mktemp("served")) as stack:
        yield stack


@pytest.fixture(scope="module")
def two_servers_and_the_store(tmp_path_factory):
    skip_without_binaries()
    stack = Stack(tmp_path_factory.mktemp("store"), servers=2)
    try:
        yield stack.start()
    finally:
        stack.close()


class Visit:
    """A fresh browser context (its own cookies) on the stack, noting what each request got."""

    def __init__(self, browser, stack: Stack) -> None:
        self.context = browser.new_context(
            base_url=stack.url(""), viewport=DESKTOP, accept_downloads=True
        )
        self.page = self.context.new_page()
        self.responses = []
        self.page.on("response", lambda response: self.responses.append(response))

    def posts(self):
        return [r for r in self.responses if r.request.method == "POST"]


@pytest.fixture
def visit(browser):
    visits = []

    def make(stack: Stack) -> Visit:
        visits.append(Visit(browser, stack))
        return visits[-1]

    yield make
    for one in visits:
        one.context.close()


def test_a_journey_its_pdf_and_delete_my_answers_work_through_the_served_stack(served, visit):
    browser = visit(served)
    page = browser.page
    pre_tax_401k_cash_out(page)
    page.wait_for_url(RESULT)
    assert "Texas" in page.get_by_role("main").inner_text()
    result_url = page.url
    # Every answer was a POST carrying the browser's Origin, port included, and each was taken.
    posts = browser.posts()
    assert len(posts) >= 6
    origin = served.url("").rstrip("/")
    assert {r.request.all_headers().get("origin") for r in posts} == {origin}
    assert {r.status for r in posts} == {302}

    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF summary").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    page.get_by_role("button", name="Delete my answers").click()
    assert heading(page) == "Your answers have been deleted"
    assert browser.posts()[-1].status == 200
    page.goto(result_url)
    assert not RESULT.search(page.url)  # the answers are gone: no result to show


def test_a_journey_over_the_store_is_served_by_both_app_servers(two_servers_and_the_store, visit):
    stack = two_servers_and_the_store
    browser = visit(stack)
    pre_tax_401k_cash_out(browser.page)
    browser.page.wait_for_url(RESULT)
    assert "Texas" in browser.page.get_by_role("main").inner_text()
    assert {r.status for r in browser.posts()} == {302}
    answered = {r.headers.get("x-upstream") for r in browser.responses} - {None}
    assert answered == {f"127.0.0.1:{port}" for port in stack.app_ports}


@pytest.mark.parametrize(
    "viewport", [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
)
def test_a_page_nginx_answers_itself_is_styled_under_the_policy_and_accessible(
    served, browser, viewport
):
    too_long = "/" + "a" * 20_000  # nginx's 414 (issue 18, finding 8)
    strict = browser.new_context(base_url=served.url(""), viewport=viewport)
    try:
        page = strict.new_page()
        assert page.goto(too_long).status == 414
        assert heading(page) == "That web address is too long"
        # Its stylesheet, which nginx serves itself, passed the policy and nosniff: the bar is blue.
        header = page.locator(".site-header")
        assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(26, 68, 128)"
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        strict.close()
    # axe-core is injected by evaluate(), which the policy would refuse.
    audited = browser.new_context(base_url=served.url(""), viewport=viewport, bypass_csp=True)
    try:
        page = audited.new_page()
        page.goto(too_long)
        audit(page, "proxy-error-page")
        shoot(page, "proxy-error-page")
    finally:
        audited.close()
