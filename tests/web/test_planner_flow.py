"""Should I close it? (issue 21) The planner through the interview, the result page, its PDF and
the API, as a person whose Roth IRAs are still open asks it (the issue's Los Angeles case)."""

from __future__ import annotations

import html
import re

import pytest

from .test_pdf import pdf_text
from .wizard_helpers import PREFIX, confirm, refused_page, result_url, step_url, walk

pytestmark = pytest.mark.django_db

OPEN_ROTH_CA = [
    ("account_type", "roth_ira"),
    ("inherited", "no"),
    ("fully_liquidated", "no"),
    ("has_basis", "yes"),
    ("state", "CA"),
    ("basis", "30,000"),
    ("plan_value", "21,000"),
]


def plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def post_page(client, step: str, fields: dict[str, str]):
    data = {f"{PREFIX}-current_step": step}
    data.update({f"{step}-{name}": value for name, value in fields.items()})
    return refused_page(client, client.post(step_url(client, step), data))


def los_angeles(client, income=None, age=None):
    walk(client, OPEN_ROTH_CA)
    income = {"agi": "80,000", "filing_status": "single", **(income or {})}
    assert post_page(client, "plan_income", income).status_code == 302
    age = {"age_at_distribution": "45", "growth_rate_low": "4", "growth_rate_high": "7",
           "growth_to_age": "65", **(age or {})}  # fmt: skip
    response = post_page(client, "plan_age", age)
    assert response["Location"] == step_url(client, "check")
    confirm(client)
    return plain(client.get(result_url(client)).content.decode())


def test_the_result_answers_should_i_close_it_with_the_person_s_figures(client):
    page = los_angeles(client)
    # Hand-worked in tests/rules/test_planner.py: 155.93 of California tax, rounded to $10.
    assert (
        "For you, closing saves about $160 of California tax and gives up about $25,000 of "
        "tax-free growth by age 65 at 4% a year."
    ) in page
    assert "Close them all Keep them" in page  # the comparison's columns
    assert "Growth given up by age 65 at 7% a year about $60,300" in page
    assert "What can go back in this year at most $7,500" in page
    assert "California has not yet published its figures for 2026" in page
    assert "You gave no other itemized deductions, so we counted none." in page
    # The law behind each figure, with its citation.
    assert "from 2026 federal law disallows this deduction for good" in page
    assert "Cal. Rev. & Tax. Code §17076" in page


def test_the_pdf_carries_the_same_section(client):
    los_angeles(client)
    text = " ".join(pdf_text(client.get(result_url(client, pdf=True)).content).split())
    assert "closing saves about $160 of California tax" in text
    assert "Close them all" in text and "Keep them" in text


def test_a_recent_conversion_under_59_and_a_half_costs_additional_tax(client):
    page = los_angeles(client, age={"recent_roth_conversions": "20,000"})
    # 10,000 regular contributions first, then 11,000 of the conversion: 10% = 1,100 and
    # California's 2½% = 275 (R&TC §17085(c)(1)).
    assert "It would also cost $1,375 in additional tax this year." in page
    assert "Money paid out to you this year $21,000" in page
    assert "Tax and additional tax now $1,375" in page


def test_other_deductions_that_do_not_beat_the_standard_deduction_save_nothing_in_new_york(client):
    steps = [(s, "NY" if s == "state" else v) for s, v in OPEN_ROTH_CA]
    walk(client, steps)
    post_page(client, "plan_income", {"agi": "80000", "filing_status": "single"})
    post_page(client, "plan_age", {"age_at_distribution": "45"})
    confirm(client)
    page = plain(client.get(result_url(client)).content.decode())
    assert "closing would save no New York tax" in page
    assert "standard deduction of $8,000" in page


def test_a_state_that_counts_nothing_says_so_at_once_and_asks_nothing_more(client):
    steps = [(s, "TX" if s == "state" else v) for s, v in OPEN_ROTH_CA]
    response = walk(client, steps)
    assert response["Location"] == step_url(client, "check")
    page = plain(confirm(client).content.decode())
    assert "it would gain you nothing on any tax return" in page


def test_worth_more_than_the_basis_creates_no_loss(client):
    steps = [(s, "35,000" if s == "plan_value" else v) for s, v in OPEN_ROTH_CA]
    walk(client, steps)
    page = plain(confirm(client).content.decode())
    assert "Closing them all would create no loss" in page


@pytest.mark.parametrize(
    ("step", "fields", "message"),
    [
        ("plan_value", {"value_now": "lots"}, "Enter"),
        ("plan_age", {"growth_rate_low": "250"}, "between -10 and 20 percent"),
        ("plan_age", {"growth_to_age": "300"}, "Enter an age up to 100"),
        ("plan_age", {"age_at_distribution": "-3"}, "Enter your age in years"),
        ("plan_income", {"agi": "80000"}, "Select your filing status"),
    ],
)
def test_bad_figures_get_a_clear_message_and_keep_what_was_typed(client, step, fields, message):
    walk(client, OPEN_ROTH_CA[:-1] if step == "plan_value" else OPEN_ROTH_CA)
    if step == "plan_age":
        post_page(client, "plan_income", {"agi": "80000", "filing_status": "single"})
    page = post_page(client, step, fields)
    assert page.status_code == 200
    text = plain(page.content.decode())
    assert message in text
    for value in fields.values():
        assert f'value="{value}"' in page.content.decode()


def test_the_api_returns_the_closing_plan_and_the_cli_prints_it(api):
    body = {
        "account_type": "roth_ira",
        "tax_year": 2026,
        "state": "CA",
        "basis": "30000",
        "fully_liquidated": False,
        "value_now": "21000",
        "agi": "80000",
        "filing_status": "single",
        "age_at_distribution": "45",
    }
    plan = api(body).json()["closing_plan"]
    assert plan["loss"] == "9000.00" and plan["state"]["tax_saved"] == "155.93"
    assert plan["state"]["counts"] == "7400.00"
    assert [g["given_up"] for g in plan["growth_given_up"]] == ["25013.59", "60263.37"]
    assert plan["summary"].startswith("For you, closing saves about $160 of California tax")
    # Paid out, or no value given: null (an addition to the contract, nothing else changes).
    assert api({**body, "value_now": None}).json()["closing_plan"] is None


def test_one_plan_account_is_it_not_them(client):
    # A plan account is one account (its own contract), so the words are singular; growth
    # without an age is over 20 years, said so; and a $0 saving is "$0", not "about $0".
    walk(
        client,
        [
            ("account_type", "traditional_401k"),
            ("fully_liquidated", "no"),
            ("has_basis", "yes"),
            ("state", "NY"),
            ("basis", "30,000"),
            ("plan_value", "21,000"),
        ],
    )
    post_page(client, "plan_income", {"agi": "80000", "filing_status": "single"})
    post_page(client, "plan_age", {})
    confirm(client)
    page = plain(client.get(result_url(client)).content.decode())
    assert "Should you close it? What closing it in" in page
    assert "Close it Keep it" in page and "them all" not in page
    assert "New York tax saved $0 " in page and "about $0" not in page
    assert "You did not give your age, so growth is shown over 20 years." in page


def test_alabama_asks_for_the_social_security_tax_among_other_deductions(client):
    # Alabama Schedule A line 6: the FICA on wages is itemized, and alone it can beat
    # Alabama's standard deduction (found by make check-planner; README).
    steps = [(s, "AL" if s == "state" else v) for s, v in OPEN_ROTH_CA]
    walk(client, steps)
    page = plain(client.get(step_url(client, "plan_income")).content.decode())
    assert "Social Security and Medicare tax taken from your wages" in page


def test_no_template_syntax_leaks_into_the_page_or_the_pdf(client):
    # A multi-line {# #} is not a Django comment: it once printed in the planner's section.
    page = los_angeles(client)
    text = pdf_text(client.get(result_url(client, pdf=True)).content)
    for shown in (page, text):
        assert "{#" not in shown and "#}" not in shown and "{%" not in shown
