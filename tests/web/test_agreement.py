"""The API, the management command and the page say the same thing for the same answers."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview.platform import journeys
from rules import STATE_CODES, AccountType

from .wizard_helpers import result_url, start

pytestmark = pytest.mark.django_db

amount = st.decimals(min_value=0, max_value=10**7, places=2).map(lambda d: str(d))


@st.composite
def bodies(draw: st.DrawFn) -> dict[str, object]:
    paid_out = draw(st.booleans())
    body: dict[str, object] = {
        "account_type": draw(st.sampled_from([t.value for t in AccountType])),
        "tax_year": draw(st.integers(min_value=2000, max_value=2027)),
        "state": draw(st.sampled_from(STATE_CODES)),
        "basis": draw(amount),
        "fully_liquidated": paid_out,
    }
    if paid_out:
        body["total_distributions"] = draw(amount)
    if draw(st.booleans()):
        body["agi"] = draw(amount)
    return body


def cli(body: dict[str, object], monkeypatch: pytest.MonkeyPatch, capsys) -> dict[str, object]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(body).encode())))
    call_command("determine")
    return json.loads(capsys.readouterr().out)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bodies())
def test_api_cli_and_page_agree(client, monkeypatch, capsys, body):
    response = client.post(
        "/api/v1/determinations", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200
    from_api = response.json()
    assert cli(body, monkeypatch, capsys) == from_api

    # The page reads the same answers from the session (as the interview stores them).
    start(client)
    session = client.session
    paid_out = body["fully_liquidated"]
    journeys.save_answers(
        session,
        client.journey,
        {
            "account_type": body["account_type"],
            "has_basis": "yes" if Decimal(str(body["basis"])) > 0 else "no",
            "basis": body["basis"],
            "fully_liquidated": "yes" if paid_out else "no",
            "total_distributions": body.get("total_distributions", ""),
            "tax_year": str(body["tax_year"]),
            "state": body["state"],
            "agi": body.get("agi", ""),
        },
    )
    session.save()
    page = client.get(result_url(client)).content.decode()
    import html

    text = html.unescape(page)
    assert from_api["federal"]["headline"] in text
    assert from_api["state"]["headline"] in text
