"""A store that fails for a moment never ends a journey (issue 18, finding 4).

Django's cache session took a store error for "no session": the question page sent the user to
"Your session has ended" and deleted the cookie, and the answers, still in the store, could no
longer be reached. Now every page that needs the store says it is briefly unavailable (503, with
Retry-After), the cookie stays, and the same cookie goes on once the store is back. The same run
through nginx, with the store process stopped and started, is tests/cluster/test_store_outage.py.
"""

from __future__ import annotations

import socket

import jsonschema
import pytest
import redis

from deploy.stack import HOST, free_port
from interview.api import openapi
from interview.platform import journeys

from .store_server import move_store, redis_port, use_store  # noqa: F401 - fixture
from .test_wizard import ROTH_2016
from .wizard_helpers import answer, step_url, walk

# No database: sessions and the rate limit are in the store, as with REDIS_URL.


def assert_briefly_unavailable(response) -> None:
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "The service is briefly unavailable" in page
    assert "Your answers are kept" in page
    assert "session has ended" not in page
    assert "sessionid" not in response.cookies  # neither deleted nor replaced


def test_a_store_refusing_connections_mid_journey_answers_503_and_the_journey_goes_on_after(
    client,
    settings,
    redis_port,  # noqa: F811 - the fixture imported above
):
    use_store(settings, redis_port)
    walk(client, ROTH_2016[:3])
    key, cookie = client.journey, client.cookies["sessionid"].value
    move_store(settings, free_port())  # nothing listens there: refused

    assert_briefly_unavailable(client.get(step_url(client, "has_basis")))
    assert_briefly_unavailable(answer(client, "has_basis", "yes"))
    assert_briefly_unavailable(client.get(step_url(client, "check")))
    assert_briefly_unavailable(client.get("/"))
    assert_briefly_unavailable(client.post("/new/"))
    settings.REDIS_URL = settings.CACHES["default"]["LOCATION"]
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["sessions"] == "error"

    move_store(settings, redis_port)  # the store is back
    assert client.cookies["sessionid"].value == cookie
    assert client.get(step_url(client, "has_basis")).status_code == 200
    assert answer(client, "has_basis", "yes").status_code == 302
    for step, value in ROTH_2016[:3]:
        stored = journeys.step_data(client.session, key, step)
        assert stored[f"{step}-{step}"] == [value]
    assert journeys.step_data(client.session, key, "has_basis")["has_basis-has_basis"] == ["yes"]


def test_a_store_that_hangs_answers_503_within_its_timeout(client, settings, redis_port):  # noqa: F811
    use_store(settings, redis_port)
    walk(client, ROTH_2016[:3])
    # A socket that takes connections and never answers: the kernel accepts into the backlog.
    with socket.socket() as silent:
        silent.bind((HOST, 0))
        silent.listen(16)
        move_store(settings, silent.getsockname()[1], timeout=0.5)
        assert_briefly_unavailable(client.get(step_url(client, "has_basis")))
        assert_briefly_unavailable(answer(client, "has_basis", "yes"))


@pytest.mark.parametrize(
    "path", ["/api/v1/determinations", "/api/v1/determinations/batch", "/api/v1/summary.pdf"]
)
def test_the_api_answers_a_store_error_with_its_documented_json_error(api, monkeypatch, path):
    def store_down(*args):
        raise redis.exceptions.ConnectionError("Error 111 connecting to the store.")

    monkeypatch.setattr("interview.views.api.determination_from_request", store_down)
    monkeypatch.setattr("interview.views.api._batch_item", store_down)
    response = api([{}] if path.endswith("batch") else {}, path=path)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response.json()["codes"] == {"__all__": ["unavailable"]}
    assert response.json()["errors"]["__all__"][0].startswith("The service is briefly")
    # As the OpenAPI document says this operation may answer.
    document = openapi.document()
    documented = document["paths"][path]["post"]["responses"]["503"]
    assert "Retry-After" in documented["headers"]
    schema = documented["content"]["application/json"]["schema"]
    jsonschema.validate(response.json(), {**schema, "components": document["components"]})
