"""Every branch of the question flow, through Django's test client."""

from __future__ import annotations

import pytest

from .wizard_helpers import PREFIX, answer, confirm, result_url, start, step_url, walk

pytestmark = pytest.mark.django_db


def next_step(response) -> str:
    return response["Location"].strip("/").split("/")[-1]


# A Roth 401(k) paid out in 2020 with basis, New York resident (a state that allows the loss).
NEW_YORK_2020 = [
    ("account_type", "roth_401k"),
    ("fully_liquidated", "yes"),
    ("has_basis", "yes"),
    ("tax_year", "2020"),
    ("state", "NY"),
    ("basis", "20000"),
    ("total_distributions", "18000"),
]

# Investments bought for $20,000 and sold in 2020 by a Californian.
BROKERAGE_CA_2020 = [
    ("account_type", "taxable_brokerage"),
    ("fully_liquidated", "yes"),
    ("has_basis", "yes"),
    ("tax_year", "2020"),
    ("state", "CA"),
    ("basis", "20000"),
]


def california_roth_401k(year: str) -> list[tuple[str, str]]:
    return [
        ("account_type", "roth_401k"),
        ("fully_liquidated", "yes"),
        ("has_basis", "yes"),
        ("tax_year", year),
        ("state", "CA"),
        ("basis", "30,000"),
        ("total_distributions", "10,000"),
    ]


@pytest.mark.parametrize(
    ("answers", "expected_next"),
    [
        # An inherited-IRA question only for IRAs.
        pytest.param(
            [("account_type", "traditional_401k")],
            "fully_liquidated",
            id="plan-skips-inherited",
        ),
        pytest.param([("account_type", "sep_ira")], "inherited", id="ira-asks-inherited"),
        # Open accounts: the basis is asked (it carries forward), nothing received, no age,
        # and no year (nothing was paid out): the state, where basis makes it matter.
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "yes"),
                ("state", "NY"),
                ("basis", "20000"),
            ],
            "plan_value",
            id="open-accounts-ask-basis-but-not-year-received-or-age",
        ),
        # Should I close it? (issue 21): what they are worth now, optional; left blank, nothing
        # more is asked.
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "yes"),
                ("state", "NY"),
                ("basis", "20000"),
                ("plan_value", ""),
            ],
            "check",
            id="open-accounts-value-left-blank-asks-nothing-more",
        ),
        # Worth less than the basis in a state that counts the loss: this year's figures.
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "yes"),
                ("state", "NY"),
                ("basis", "20000"),
                ("plan_value", "15000"),
            ],
            "plan_income",
            id="open-accounts-below-basis-in-new-york-asks-this-year-s-figures",
        ),
        # Worth at least the basis, or a state that never counts the loss: nothing more.
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "yes"),
                ("state", "NY"),
                ("basis", "20000"),
                ("plan_value", "25000"),
            ],
            "check",
            id="open-accounts-above-basis-asks-nothing-more",
        ),
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "yes"),
                ("state", "TX"),
                ("basis", "20000"),
                ("plan_value", "15000"),
            ],
            "check",
            id="open-accounts-in-texas-ask-nothing-more",
        ),
        # Paid out with basis in a 2018+ year in a state that follows the federal ban: no AGI
        # question (no 2% floor applies anywhere).
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "yes"),
                ("has_basis", "yes"),
                ("tax_year", "2020"),
                ("state", "TX"),
                ("basis", "20000"),
                ("total_distributions", "18000"),
            ],
            "age",
            id="2020-skips-agi",
        ),
        # The same in New York, which still allows the loss above 2% of AGI: AGI is asked
        # for the state alone (issue 10).
        pytest.param(
            NEW_YORK_2020,
            "agi",
            id="2020-new-york-asks-agi-for-the-state",
        ),
        # New York's limit on itemized deductions starts above $100,000: only then is the
        # filing status asked.
        pytest.param(
            [*NEW_YORK_2020, ("agi", "$120,000")],
            "filing_status",
            id="2020-new-york-above-100k-asks-filing-status",
        ),
        pytest.param(
            [*NEW_YORK_2020, ("agi", "90,000")],
            "age",
            id="2020-new-york-below-100k-skips-filing-status",
        ),
        # California before 2018 (R&TC §17077): 2017's thresholds are known (single 187,203), so
        # above them the filing status is asked; 2016's are not, so asking would change nothing
        # (at 150,000 the federal overall limit, lowest 2016 threshold 155,650, does not reach).
        pytest.param(
            [*california_roth_401k("2017"), ("agi", "300,000")],
            "filing_status",
            id="ca-2017-above-17077-asks-filing-status",
        ),
        pytest.param(
            [*california_roth_401k("2016"), ("agi", "150,000")],
            "age",
            id="ca-2016-unknown-thresholds-skips-filing-status",
        ),
        # Same in 2017: the AGI question appears.
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "yes"),
                ("has_basis", "yes"),
                ("tax_year", "2017"),
                ("state", "NY"),
                ("basis", "20000"),
                ("total_distributions", "18000"),
            ],
            "agi",
            id="2017-asks-agi",
        ),
        # A state that taxed contributions asks for the state basis, even without federal basis.
        pytest.param(
            [
                ("account_type", "traditional_401k"),
                ("fully_liquidated", "yes"),
                ("has_basis", "no"),
                ("tax_year", "2020"),
                ("state", "PA"),
            ],
            "state_basis",
            id="pa-asks-state-basis",
        ),
        pytest.param(
            [
                ("account_type", "traditional_401k"),
                ("fully_liquidated", "yes"),
                ("has_basis", "no"),
                ("tax_year", "2020"),
                ("state", "NY"),
            ],
            "age",
            id="ny-without-basis-skips-every-amount",
        ),
        # Brokerage: no age question (no early-withdrawal tax) and no state basis.
        pytest.param(
            [*BROKERAGE_CA_2020, ("total_distributions", "19000")],
            "check",
            id="brokerage-skips-age-and-state-basis",
        ),
        # A capital loss above the married-filing-separately limit ($1,500, IRC §1211(b)):
        # the filing status decides how much counts this year, so it is asked.
        pytest.param(
            [*BROKERAGE_CA_2020, ("total_distributions", "12000")],
            "filing_status",
            id="brokerage-loss-above-1500-asks-filing-status",
        ),
        # "I'm not sure" never dead-ends: it continues like "no".
        pytest.param(
            [
                ("account_type", "roth_401k"),
                ("fully_liquidated", "not_sure"),
                ("has_basis", "not_sure"),
            ],
            "tax_year",
            id="not-sure-continues",
        ),
    ],
)
def test_each_skip_rule(client, answers, expected_next):
    assert next_step(walk(client, answers)) == expected_next


PLAN_2020 = [
    ("account_type", "roth_401k"),
    ("fully_liquidated", "yes"),
    ("has_basis", "yes"),
    ("tax_year", "2020"),
    ("state", "TX"),
    ("basis", "20000"),
    ("total_distributions", "18000"),
    ("age", "50"),
]


def test_a_change_from_the_check_page_returns_to_it(client):
    walk(client, PLAN_2020)
    response = answer(client, "state", "FL")
    assert response["Location"] == step_url(client, "check")
    page = client.get(step_url(client, "check")).content.decode()
    assert "Florida" in page and "Texas" not in page


def test_a_change_that_needs_a_new_answer_asks_it_then_returns(client):
    walk(client, PLAN_2020)
    # 2017 now needs AGI; the other answers are kept.
    assert answer(client, "tax_year", "2017")["Location"] == step_url(client, "agi")
    assert answer(client, "agi", "50000")["Location"] == step_url(client, "check")
    page = client.get(step_url(client, "check")).content.decode()
    assert "$20,000" in page and "$50,000" in page


def test_answers_that_no_longer_apply_are_dropped(client):
    walk(client, PLAN_2020)
    # Money still there: the planner's first question (optional) comes before the check page.
    assert answer(client, "fully_liquidated", "no")["Location"] == step_url(client, "plan_value")
    answer(client, "plan_value", "")
    page = client.get(step_url(client, "check")).content.decode()
    assert "$20,000" in page and "$18,000" not in page
    result = confirm(client).content.decode()
    assert "There is no loss until every account" in result


def test_back_link_goes_to_the_previous_question_and_keeps_the_answer(client):
    walk(client, PLAN_2020[:3])
    page = client.get(step_url(client, "tax_year")).content.decode()
    assert f'href="{step_url(client, "has_basis")}"' in page
    previous = client.get(step_url(client, "has_basis")).content.decode()
    assert 'value="yes" checked' in previous


def test_refreshing_a_question_keeps_the_answers(client):
    walk(client, PLAN_2020[:4])
    client.get(step_url(client, "state"))
    client.get(step_url(client, "state"))
    page = client.get(step_url(client, "tax_year")).content.decode()
    assert 'value="2020"' in page


def test_replaying_an_old_post_for_an_answered_step_is_harmless(client):
    walk(client, PLAN_2020)
    response = answer(client, "account_type", "roth_401k")
    assert response["Location"] == step_url(client, "check")


def test_a_post_without_the_management_form_restarts_at_the_current_question(client):
    walk(client, PLAN_2020[:1])
    response = client.post(
        step_url(client, "fully_liquidated"), {"fully_liquidated-fully_liquidated": "yes"}
    )
    assert response["Location"] == step_url(client, "fully_liquidated")


def test_not_sure_is_explained_on_the_result(client):
    walk(
        client,
        [
            ("account_type", "roth_401k"),
            ("fully_liquidated", "yes"),
            ("has_basis", "not_sure"),
            ("tax_year", "2020"),
            ("state", "TX"),
            ("age", ""),
        ],
    )
    page = confirm(client).content.decode()
    assert "You were not sure whether you had after-tax money" in page


def test_start_again_begins_without_a_result_and_leaves_the_other_tab_its_own(client):
    # Changed with journeys (issue 12, bug 1): Start again used to forget the one result the
    # session had, which another tab might still be showing; now it opens a new journey.
    walk(client, PLAN_2020)
    confirm(client)
    first = result_url(client)
    start(client)
    opened = client.get(result_url(client), follow=True)
    assert opened.redirect_chain[-1][0] == step_url(client, "account_type")
    assert client.get(first).status_code == 200


def test_the_keep_alive_answers_no_content(client):
    assert client.get("/session/extend/").status_code == 204


@pytest.mark.parametrize("path", ["/help/after-tax-money/", "/help/every-account-paid-out/"])
def test_help_pages_explain_and_link_back(client, path):
    page = client.get(path).content.decode()
    assert "Back to the question" in page


def test_an_odd_url_gets_a_friendly_404(client):
    response = client.get("/questions/..%2F..%2Fetc/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_forged_step_name_with_html_is_not_echoed(client):
    walk(client, PLAN_2020[:2])
    response = client.post(
        step_url(client, "fully_liquidated"),
        {
            f"{PREFIX}-current_step": "<script>alert(1)</script>",
            "fully_liquidated-fully_liquidated": "yes",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
