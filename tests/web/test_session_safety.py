"""What the session holds and who can read it: bounded answers and a fresh id per journey."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session

from interview.platform import journeys

from .test_wizard import ROTH_2016
from .wizard_helpers import PREFIX, confirm, result_url, step_url, walk

pytestmark = pytest.mark.django_db


def session_size() -> int:
    return sum(len(s.session_data) for s in Session.objects.all())


def test_padding_fields_in_a_valid_answer_do_not_grow_the_session(client):
    # Found by the probe: the whole POST was stored, and padding grew a session to ~725 KB.
    walk(client, ROTH_2016[:1])
    before = session_size()
    padding = {f"pad{i}": "x" * 500 for i in range(100)}
    data = {f"{PREFIX}-current_step": "inherited", "inherited-inherited": "no", **padding}
    assert client.post(step_url(client, "inherited"), data).status_code == 302
    assert session_size() - before < 500
    stored = journeys.step_data(client.session, client.journey, "inherited")
    assert stored == {"inherited-inherited": ["no"]}


def test_a_long_but_valid_answer_is_stored_short(client):
    walk(client, ROTH_2016[:6])
    data = {f"{PREFIX}-current_step": "basis", "basis-basis": "20000" + " " * 20000}
    assert client.post(step_url(client, "basis"), data).status_code == 302
    stored = journeys.step_data(client.session, client.journey, "basis")
    assert stored == {"basis-basis": ["20000"], "basis-asked_for": [""]}


def test_answers_typed_by_the_user_are_shown_again_as_typed(client):
    walk(client, ROTH_2016)
    assert 'value="$20,000"' in client.get(step_url(client, "basis")).content.decode()


def test_a_planted_session_id_cannot_read_the_victims_result(client):
    from django.test import Client

    attacker = Client()
    walk(attacker, ROTH_2016[:1])
    planted = attacker.cookies["sessionid"].value
    client.cookies["sessionid"] = planted  # e.g. set through a sibling subdomain
    walk(client, ROTH_2016)
    assert confirm(client).redirect_chain[-1][0] == result_url(client)
    assert client.cookies["sessionid"].value != planted
    response = attacker.get(result_url(client))
    assert response.status_code == 302 and response["Location"] == "/session-ended/"
