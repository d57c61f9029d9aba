"""The state answer as the API, the page and the PDF word it (issue 10)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def body(**kw):
    values = {
        "account_type": "roth_ira",
        "tax_year": 2020,
        "state": "CA",
        "basis": "20000",
        "fully_liquidated": True,
        "total_distributions": "12000",
    }
    values.update(kw)
    return values


def sentences(answer, part):
    return " ".join(s["text"] for s in answer[part]["explanation"])


def test_the_state_headline_gives_the_amount_that_counts_above_the_floor(api):
    answer = api(body(agi="90000")).json()
    state = answer["state"]
    # Schedule CA (540): 8,000 − 2% × 90,000 = 6,200.
    assert state["floor"] == "1800.00"
    assert state["deductible_after_floor"] == "6200.00"
    assert "$6,200 of the $8,000 loss counts on Schedule CA (540), Part II" in state["headline"]
    assert "above the $1,800 floor" in state["headline"]
    lines = {line["label"]: line for line in state["worksheet"]}
    assert lines["Counts on your California return"]["amount"] == "6200.00"
    assert "Schedule CA (540)" in lines["Counts on your California return"]["form_line"]


def test_without_agi_the_headline_says_the_part_above_2_percent(api):
    state = api(body()).json()["state"]
    assert state["floor"] is None and state["deductible_after_floor"] is None
    assert "the part of the $8,000 loss above 2% of your AGI counts" in state["headline"]


def test_a_state_that_does_not_allow_the_loss_has_no_floor_or_worksheet_amount(api):
    state = api(body(state="AZ", agi="90000")).json()["state"]
    assert state["status"] == "not_deductible"
    assert state["floor"] is None and state["deductible_after_floor"] is None
    assert state["refund_window"] is None


def test_an_old_new_york_year_warns_that_the_refund_time_has_likely_passed(api):
    answer = api(body(state="NY", agi="60000")).json()
    # N.Y. Tax Law §687(a): 3 years; the 2020 return was due April 15, 2021.
    assert answer["state"]["refund_window"]["deadline"] == "2024-04-15"
    assert answer["state"]["refund_window"]["likely_passed"] is True
    assert "likely passed" in answer["state"]["headline"]
    assert any("has likely passed" in step for step in answer["next_steps"])


def test_new_york_above_a_million_gives_nothing_and_says_why(api):
    answer = api(
        body(state="NY", tax_year=2023, basis="100000", total_distributions="0", agi="1500000")
    ).json()
    assert answer["state"]["deductible_after_floor"] == "0.00"
    assert "limit on itemized deductions leaves none of it" in answer["state"]["headline"]
    assert "above $1,000,000" in sentences(answer, "state")


def test_the_myths_speak_of_the_federal_return_where_the_state_allows_the_loss(api):
    answer = api(body(agi="90000")).json()
    assert answer["state"]["status"] == "deductible"
    myths = " ".join(s["text"] for s in answer["federal"]["explanation"] if s["kind"] == "myth")
    assert "not deductible at all" not in myths
    assert "on your federal return" in myths


def test_accounts_still_open_in_2020_are_not_promised_a_federal_deduction(api):
    answer = api(body(state="TX", fully_liquidated=False, total_distributions=None)).json()
    assert "even then federal law does not allow" in answer["federal"]["headline"]
    assert not any("paid out to you in 2020" in item for item in answer["what_would_change"])


def test_accounts_still_open_in_california_say_what_paying_out_would_do(api):
    answer = api(body(fully_liquidated=False, total_distributions=None)).json()
    assert "not yet" in answer["state"]["headline"]
    changes = " ".join(answer["what_would_change"])
    assert "counts on your California return" in changes
    assert "federal and" not in changes


def test_a_roth_owner_is_never_told_the_state_taxed_their_contributions(api):
    answer = api(body(state="PA")).json()
    assert "taxed contributions" not in sentences(answer, "state")
    plan = api(body(state="PA", account_type="traditional_401k")).json()
    assert "taxed contributions" in sentences(plan, "state")


def test_a_state_with_its_own_basis_does_not_open_with_the_federal_no_basis_sentence(api):
    answer = api(body(state="PA", account_type="traditional_ira", basis="0")).json()
    codes = [s["code"] for s in answer["state"]["explanation"]]
    assert codes[0] != "basis_required"
    assert "state_basis" in codes


def test_the_annuity_note_appears_only_for_plans_and_inherited_accounts(api):
    roth = api(body(tax_year=2016, agi="50000")).json()
    plan = api(body(tax_year=2016, agi="50000", account_type="traditional_401k")).json()
    assert "annuity_72b3" not in [s["code"] for s in roth["federal"]["explanation"]]
    assert "annuity_72b3" in [s["code"] for s in plan["federal"]["explanation"]]


def test_the_wash_sale_myth_is_answered_for_a_brokerage_account(api):
    answer = api(body(account_type="taxable_brokerage", state="TX")).json()
    myths = [s for s in answer["federal"]["explanation"] if s["kind"] == "myth"]
    wash = [s for s in myths if s["code"] == "myth_wash_sale_ira"]
    assert wash and wash[0]["citations"][0]["title"].startswith("Rev. Rul. 2008-5")


def test_every_citation_in_an_answer_has_an_address_or_none_exists(api):
    answer = api(body(state="NY", agi="90000")).json()
    assert all(c["url"].startswith("https://") for c in answer["citations"] if c["url"])


def test_the_result_page_shows_the_state_worksheet(client, settings):
    from .wizard_helpers import confirm, walk

    walk(
        client,
        [
            ("account_type", "roth_ira"),
            ("inherited", "no"),
            ("fully_liquidated", "yes"),
            ("has_basis", "yes"),
            ("tax_year", "2022"),
            ("state", "CA"),
            ("basis", "20000"),
            ("total_distributions", "12000"),
            ("agi", "90000"),
            ("age", "50"),
        ],
    )
    page = confirm(client).content.decode()
    assert "The amounts for California" in page
    assert "$6,200 of the $8,000 loss counts" in page
