"""Locust mix for `make load` / `make bench`: wizard journeys, API calls and PDF downloads.

Run only against a server on 127.0.0.1 (make serve); bounded by -u and -t on the command line.
"""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, constant, task

BODY = {
    "account_type": "roth_ira",
    "tax_year": 2016,
    "state": "NY",
    "basis": "20000",
    "fully_liquidated": True,
    "total_distributions": "18000",
    "agi": "50000",
}
JOURNEY = [  # every question the interview asks for this case, in its order
    ("account_type", "roth_ira"),
    ("inherited", "no"),
    ("fully_liquidated", "yes"),
    ("has_basis", "yes"),
    ("tax_year", "2016"),
    ("state", "TX"),
    ("basis", "20000"),
    ("total_distributions", "18000"),
    ("agi", "50000"),
    ("age", "52"),
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Taxpayer(HttpUser):
    # BENCH_PACE=0: no reading time, each user sends as fast as answers come (a capacity run).
    wait_time = constant(0) if os.environ.get("BENCH_PACE") == "0" else between(1, 3)

    @task(5)
    def wizard_journey(self) -> None:
        # "Start now": a journey of its own, whose pages are /j/<key>/… (interview/platform/journeys.py).
        home = self.client.get("/", name="start page")
        started = self.client.post(
            "/new/",
            {"csrfmiddlewaretoken": TOKEN.search(home.text).group(1)},
            headers={"Referer": self.host + "/"},
            name="question page",
        )
        journey = started.url.split("/j/")[1].split("/")[0]
        page = started.text
        for step, value in JOURNEY:
            token = TOKEN.search(page).group(1)
            response = self.client.post(
                f"/j/{journey}/questions/{step}/",
                {
                    "csrfmiddlewaretoken": token,
                    "interview_wizard-current_step": step,
                    f"{step}-{'age_at_distribution' if step == 'age' else step}": value,
                },
                headers={"Referer": self.host + "/"},
                name="answer a question",
            )
            page = response.text
            self.wait()  # a person reads each question before answering
        token = TOKEN.search(page).group(1)
        self.client.post(
            f"/j/{journey}/questions/check/",
            {"csrfmiddlewaretoken": token, "interview_wizard-current_step": "check"},
            headers={"Referer": self.host + "/"},
            name="check and result",
        )

    @task(3)
    def api(self) -> None:
        body = {
            **BODY,
            "tax_year": random.choice([2016, 2020, 2026]),
            "state": random.choice(["NY", "CA", "TX", "PA"]),
        }
        self.client.post("/api/v1/determinations", json=body, name="api determination")

    @task(1)
    def pdf(self) -> None:
        self.client.post(
            "/api/v1/summary.pdf",
            json={**BODY, "tax_year": random.choice([2016, 2020, 2026])},
            name="pdf summary",
        )
