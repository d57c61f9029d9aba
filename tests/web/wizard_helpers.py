"""Walk the interview through Django's test client, the way a browser posts it.

`start` begins a journey as "Start now" does and keeps its key on the client, so the URLs below
are that journey's (/j/<key>/…), as the pages of one browser tab are.
"""

from __future__ import annotations

PREFIX = "interview_wizard"
FIELD = {"age": "age_at_distribution", "plan_value": "value_now"}


def start(client) -> str:
    """Start a new journey; return its key (also kept as `client.journey`)."""
    # As a browser does: the start page's button, with the page's CSRF token.
    page = client.get("/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/new/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302, response.status_code
    client.journey = response["Location"].split("/")[2]
    return client.journey


def step_url(client, step: str) -> str:
    return f"/j/{client.journey}/questions/{step}/"


def result_url(client, pdf: bool = False) -> str:
    return f"/j/{client.journey}/result/" + ("summary.pdf" if pdf else "")


def answer(client, step: str, value: str, follow: bool = False):
    data = {f"{PREFIX}-current_step": step, f"{step}-{FIELD.get(step, step)}": value}
    return refused_page(client, client.post(step_url(client, step), data, follow=follow))


def refused_page(client, response):
    """A refused answer redirects (303) to its question, which shows it with its error: follow
    that one redirect as a browser does, so a test reads the page the person sees."""
    if response.status_code == 303:
        return client.get(response["Location"])
    return response


def walk(client, answers: list[tuple[str, str]]):
    """Start a journey, answer each (step, value) in turn, checking each lands where the flow
    says; return the last response."""
    start(client)
    response = None
    for step, value in answers:
        response = answer(client, step, value)
        assert response.status_code == 302, (step, response.status_code)
    return response


def confirm(client):
    return client.post(step_url(client, "check"), {f"{PREFIX}-current_step": "check"}, follow=True)


def post_table(client, step: str, figures: dict[str, str], years: str):
    """Post a year table page (e.g. ws_years): its figures by field name, and the span asked."""
    data = {f"{PREFIX}-current_step": step, f"{step}-years": years}
    data.update({f"{step}-{name}": value for name, value in figures.items()})
    return refused_page(client, client.post(step_url(client, step), data))


def work_it_out(account_type: str, tax_year: str, inherited: str | None = "no") -> list:
    """The answers up to the basis worksheet: "I'm not sure: work it out with me", paid out in
    full in `tax_year`, in Texas (no state basis). `inherited` None: not an IRA (not asked)."""
    steps = [("account_type", account_type)]
    if inherited is not None:
        steps.append(("inherited", inherited))
    return [
        *steps,
        ("fully_liquidated", "yes"),
        ("has_basis", "work_it_out"),
        ("tax_year", tax_year),
        ("state", "TX"),
    ]
