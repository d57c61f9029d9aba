"""GET /api/v1/law: the law data as a preparer's reference."""

from __future__ import annotations

from rules import STATE_CODES


def test_the_index_lists_federal_and_every_jurisdiction_with_cited_periods(client):
    body = client.get("/api/v1/law").json()
    codes = [j["code"] for j in body["jurisdictions"]]
    assert sorted(codes) == sorted(["US", *STATE_CODES])
    assert body["rules_version"]
    for jurisdiction in body["jurisdictions"]:
        assert jurisdiction["periods"]
        for period in jurisdiction["periods"]:
            assert period["citations"] and period["statement"]


def test_one_jurisdiction_shows_the_federal_regimes_in_order(client):
    body = client.get("/api/v1/law/us").json()
    assert [p["outcome"] for p in body["periods"]] == [
        "allowed_misc_itemized",
        "suspended_2018_2025",
        "repealed_2026_onward",
    ]
    assert [p["years"] for p in body["periods"]] == [
        {"first": 2000, "last": 2017},
        {"first": 2018, "last": 2025},
        {"first": 2026, "last": None},
    ]


def test_an_unknown_code_is_a_clean_404(client):
    response = client.get("/api/v1/law/ZZ")
    assert response.status_code == 404
    assert "code" in response.json()["errors"]
