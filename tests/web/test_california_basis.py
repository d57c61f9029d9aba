"""California basis by year (FTB Publication 1005, Worksheet I), worked by hand.

Federal basis 10,000. California allowed less in 1983 (federal 2,000, California 1,500: 500),
1984 (covered by a plan at work: federal 2,000, California 0: 2,000) and 1985 (500): 3,000 not
deducted for California, of which 1,000 came back tax-free for California in earlier years.
California basis 10,000 + 3,000 − 1,000 = 12,000. Closed in 2020 for 9,000: federal loss 1,000
(suspended for 2020); California loss 3,000, above 2% of a 50,000 AGI (1,000): 2,000 counts.
"""

from __future__ import annotations

import pytest

from .test_flow_branches import next_step
from .test_pdf import pdf_text
from .wizard_helpers import answer, confirm, result_url, step_url, walk
from .wizard_helpers import post_table as post_step_table

pytestmark = pytest.mark.django_db


def california(account_type="traditional_ira", year="2020", inherited="no"):
    steps = [("account_type", account_type)]
    if account_type.endswith("_ira"):
        steps.append(("inherited", inherited))
    return [
        *steps,
        ("fully_liquidated", "yes"),
        ("has_basis", "yes"),
        ("tax_year", year),
        ("state", "CA"),
        ("basis", "10,000"),
    ]


def post_table(client, figures: dict[str, str], years: str):
    return post_step_table(client, "ca_years", figures, years)


def test_a_blank_california_basis_is_worked_out_from_the_years_california_allowed_less(client):
    assert next_step(walk(client, california())) == "state_basis"
    asked = client.get(step_url(client, "state_basis")).content.decode()
    assert "What is your California basis in these IRAs?" in asked
    assert "(in 1975, 1982–1986, 1987–1995 and 2007–2009, under the rules" in asked
    assert next_step(answer(client, "state_basis", "")) == "ca_years"
    page = client.get(step_url(client, "ca_years")).content.decode()
    assert "Your California basis, year by year" in page
    # The years grouped under the rule of the time; 2007–2009 are before 2020, so asked.
    assert "1982–1986: California allowed at most $1,500 a year" in page
    years = [y for y in range(1970, 2021) if f'<th scope="row">{y}</th>' in page]
    assert years == [1975, *range(1982, 1996), 2007, 2008, 2009]
    figures = {"y1983_fed": "2,000", "y1983_state": "1,500", "y1984_fed": "2,000"}
    figures |= {"y1985_fed": "2,000", "y1985_state": "1,500"}
    assert next_step(post_table(client, figures, "1975-2009")) == "ca_recovered"
    assert next_step(answer(client, "ca_recovered", "1,000")) == "total_distributions"
    answer(client, "total_distributions", "9,000")
    answer(client, "agi", "50,000")
    answer(client, "age", "")
    check = client.get(step_url(client, "check")).content.decode()
    assert "Deducted federally: $6,000. Deducted for California: $3,000. Years 1983–1985." in check
    page = confirm(client).content.decode()
    assert "How your California basis was worked out" in page
    assert "Deducted federally but not for California in 1984" in page
    assert "federal $2,000, California $0" in page
    assert "Less what came back tax-free for California in earlier years" in page
    assert "Your California basis of $12,000 is your federal basis of $10,000" in page
    assert "$6,200" not in page
    # California: 12,000 − 9,000 = 3,000 lost; 1,000 floor; 2,000 counts.
    assert "$2,000 of the $3,000 loss counts" in page


def test_all_blank_means_the_same_basis_and_asks_nothing_more(client):
    walk(client, [*california(), ("state_basis", "")])
    assert next_step(post_table(client, {}, "1975-2009")) == "total_distributions"
    answer(client, "total_distributions", "9,000")
    answer(client, "agi", "50,000")
    answer(client, "age", "")
    page = confirm(client).content.decode()
    assert "How your California basis was worked out" not in page
    assert "$1,000 loss" in page  # federal 10,000 − 9,000, for California as well


def test_before_2007_the_table_stops_at_1995(client):
    walk(client, [*california(year="2005"), ("state_basis", "")])
    page = client.get(step_url(client, "ca_years")).content.decode()
    assert '<th scope="row">1995</th>' in page and '<th scope="row">2007</th>' not in page
    assert "2007–2009" not in page


@pytest.mark.parametrize(
    "steps",
    [
        pytest.param(california(account_type="traditional_401k"), id="401k"),
        pytest.param(california(inherited="yes"), id="inherited IRA"),
    ],
)
def test_other_accounts_give_one_california_figure(client, steps):
    walk(client, steps)
    assert next_step(answer(client, "state_basis", "")) == "total_distributions"


def test_a_known_california_basis_skips_the_table(client):
    walk(client, california())
    assert next_step(answer(client, "state_basis", "12,000")) == "total_distributions"


def test_the_pdf_shows_the_california_basis_lines(client):
    walk(client, [*california(), ("state_basis", "")])
    post_table(client, {"y1984_fed": "2,000"}, "1975-2009")
    answer(client, "ca_recovered", "")
    answer(client, "total_distributions", "9,000")
    answer(client, "agi", "50,000")
    answer(client, "age", "")
    confirm(client)
    text = pdf_text(client.get(result_url(client, pdf=True)).content)
    assert "How your California basis was worked out" in text
    assert "Deducted federally but not for California in 1984" in text
    assert "$12,000" in text  # 10,000 + 2,000; nothing came back


def test_other_states_name_themselves_and_ask_net_of_what_came_back(client):
    walk(client, [*california()[:-2], ("state", "MA"), ("basis", "10,000")])
    page = client.get(step_url(client, "state_basis")).content.decode()
    assert "How much of your money did Massachusetts tax when you put it in?" in page
    assert "less what already came back to you untaxed by Massachusetts" in page
    assert next_step(answer(client, "state_basis", "")) == "total_distributions"
