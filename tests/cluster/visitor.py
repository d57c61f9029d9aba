"""A person walking the interview through the proxy with `requests`, the way a browser posts it
(the CSRF token from each page, the Referer of the same site), noting which app server answered.
"""

from __future__ import annotations

import re

import requests

from tests.web.wizard_helpers import FIELD, PREFIX, step_url

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 10  # seconds per request: a hung cluster fails the test, never stalls it


class Visitor:
    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.headers["Referer"] = base + "/"
        self.upstreams: list[str] = []
        self.page = ""
        self.journey = ""

    def _note(self, response: requests.Response) -> requests.Response:
        for hop in [*response.history, response]:
            self.upstreams.append(hop.headers.get("X-Upstream", ""))
        self.page = response.text
        return response

    def get(self, path: str) -> requests.Response:
        return self._note(self.session.get(self.base + path, timeout=TIMEOUT))

    def post(self, path: str, data: dict[str, str]) -> requests.Response:
        token = TOKEN.search(self.page)
        assert token is not None, "the last page had no form"
        body = {"csrfmiddlewaretoken": token.group(1), **data}
        return self._note(self.session.post(self.base + path, body, timeout=TIMEOUT))

    def start(self) -> requests.Response:
        """Start a journey as "Start now" does; its key names the pages (/j/<key>/…)."""
        self.get("/")
        response = self.post("/new/", {})
        self.journey = response.url.split("/j/")[1].split("/")[0]
        return response

    def answer(self, step: str, value: str) -> requests.Response:
        """Answer one question; the response is the next page (redirects followed)."""
        data = {f"{PREFIX}-current_step": step, f"{step}-{FIELD.get(step, step)}": value}
        response = self.post(step_url(self, step), data)
        assert response.status_code == 200, (step, response.status_code)
        return response

    def confirm(self) -> requests.Response:
        return self.post(step_url(self, "check"), {f"{PREFIX}-current_step": "check"})
