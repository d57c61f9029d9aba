"""Walk the interview through Django's test client, the way a browser posts it."""

from __future__ import annotations

PREFIX = "interview_wizard"
FIELD = {"age": "age_at_distribution"}


def step_url(step: str) -> str:
    return f"/questions/{step}/"


def answer(client, step: str, value: str, follow: bool = False):
    data = {f"{PREFIX}-current_step": step, f"{step}-{FIELD.get(step, step)}": value}
    return client.post(step_url(step), data, follow=follow)


def walk(client, answers: list[tuple[str, str]]):
    """Answer each (step, value) in turn, checking each lands where the flow says; return last."""
    client.get("/questions/?reset")
    response = None
    for step, value in answers:
        response = answer(client, step, value)
        assert response.status_code == 302, (step, response.status_code)
    return response


def confirm(client):
    return client.post(step_url("check"), {f"{PREFIX}-current_step": "check"}, follow=True)
