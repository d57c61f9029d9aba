"""The filter question and the questions asked only where they apply (issue 12, words and order)."""

from __future__ import annotations

import datetime
import re

import pytest

from interview.questions import forms as questions
from interview.questions.wizard import STEPS
from rules import AccountType

from .test_pdf import pdf_text
from .wizard_helpers import PREFIX, answer, confirm, result_url, start, step_url, walk

pytestmark = pytest.mark.django_db

# Nothing paid out: the answer is for the tax year in progress (answers.py).
THIS_YEAR = datetime.date.today().year


def next_step(response) -> str:
    return response["Location"].strip("/").split("/")[-1]


@pytest.mark.parametrize(
    ("answers", "expected_next"),
    [
        # Money still there, no after-tax money: no year, no state can change the answer.
        pytest.param(
            [
                ("account_type", "traditional_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "no"),
            ],
            "check",
            id="money-still-there-no-basis-asks-neither-year-nor-state",
        ),
        # Some states (CA, NY …) allow the loss once every account is closed: basis makes the
        # state matter, so it is asked, but never the year of a payout that did not happen.
        pytest.param(
            [
                ("account_type", "roth_ira"),
                ("inherited", "no"),
                ("fully_liquidated", "no"),
                ("has_basis", "yes"),
            ],
            "state",
            id="money-still-there-with-basis-asks-the-state-not-the-year",
        ),
        pytest.param(
            [
                ("account_type", "traditional_ira"),
                ("inherited", "no"),
                ("fully_liquidated", "rolled_over"),
                ("has_basis", "no"),
            ],
            "check",
            id="rolled-over-no-basis-is-the-short-path-too",
        ),
        # "I'm not sure" about basis is answered as none (the result says so): no state.
        pytest.param(
            [
                ("account_type", "traditional_401k"),
                ("fully_liquidated", "no"),
                ("has_basis", "not_sure"),
            ],
            "check",
            id="money-still-there-basis-not-sure-asks-no-state",
        ),
        # Investments still held: nothing sold, so neither cost nor year nor state.
        pytest.param(
            [("account_type", "taxable_brokerage"), ("fully_liquidated", "no")],
            "check",
            id="brokerage-still-held-goes-straight-to-check",
        ),
        # Paid out: the tax year comes straight after the account questions.
        pytest.param(
            [
                ("account_type", "traditional_401k"),
                ("fully_liquidated", "yes"),
                ("has_basis", "no"),
            ],
            "tax_year",
            id="paid-out-asks-the-year-next",
        ),
    ],
)
def test_each_new_skip_rule(client, answers, expected_next):
    assert next_step(walk(client, answers)) == expected_next


def test_the_short_path_answers_a_fall_in_value_in_four_screens(client):
    walk(
        client,
        [
            ("account_type", "traditional_401k"),
            ("fully_liquidated", "no"),
            ("has_basis", "no"),
        ],
    )
    check = client.get(step_url(client, "check")).content.decode()
    assert "Is any money still in this plan?" in check
    assert "tax year" not in check.lower().split("check your answers", 1)[1]
    page = confirm(client).content.decode()
    assert "Without after-tax money in these accounts there is no loss" in page
    assert "we did not ask which state you live in" in page
    # No year was asked: the answer is for a payout this year (issue 20, item 10).
    assert f"Your answer if the last of the money is paid out in {THIS_YEAR}" in page


def test_the_short_path_with_basis_says_what_closing_would_do_in_california(client):
    walk(
        client,
        [
            ("account_type", "roth_ira"),
            ("inherited", "no"),
            ("fully_liquidated", "no"),
            ("has_basis", "yes"),
            ("state", "CA"),
            ("basis", "20000"),
            ("plan_value", ""),  # what they are worth now: optional (issue 21)
        ],
    )
    page = confirm(client).content.decode()
    # Federal: no loss until everything is paid out, and from 2026 not even then.
    assert "There is no loss until every account of this kind has been paid out" in page
    # California would allow it once every Roth IRA is paid out below basis.
    assert "California: not yet. If every account of this kind is paid out" in page


def test_investments_still_held_get_the_capital_loss_answer_without_figures(client):
    walk(client, [("account_type", "taxable_brokerage"), ("fully_liquidated", "no")])
    page = confirm(client).content.decode()
    assert "a fall in value counts only when you sell" in page
    assert "What you paid (cost basis)" not in page


def test_every_question_that_says_that_year_comes_after_the_tax_year():
    order = [name for name, _form in STEPS]
    for kind in AccountType:
        for name, form_class in STEPS:
            if not issubclass(form_class, questions.StepForm):
                continue
            form = form_class(account_type=kind.value)
            words = " ".join(str(f.label) + " " + str(f.help_text) for f in form.fields.values())
            if "that year" in words:
                assert order.index(name) > order.index("tax_year"), (kind, name)


def test_brokerage_questions_use_the_words_sold_and_paid(client):
    walk(client, [("account_type", "taxable_brokerage")])
    page = client.get(step_url(client, "fully_liquidated")).content.decode()
    assert "Did you sell the investments that lost value?" in page
    assert "rolled over" not in page and "paid out" not in page
    walk(client, [("account_type", "taxable_brokerage"), ("fully_liquidated", "yes")])
    page = client.get(step_url(client, "has_basis")).content.decode()
    assert "Did you sell them for less than you paid?" in page
    walk(
        client,
        [("account_type", "taxable_brokerage"), ("fully_liquidated", "yes"), ("has_basis", "yes")],
    )
    assert (
        "In which tax year did you sell?"
        in client.get(step_url(client, "tax_year")).content.decode()
    )


def test_the_plan_question_tests_this_plan_on_its_own(client):
    walk(client, [("account_type", "traditional_401k")])
    page = client.get(step_url(client, "fully_liquidated")).content.decode()
    assert "Each plan counts on its own" in page
    assert "same employer" not in page


def test_the_headline_after_not_sure_says_it_rests_on_an_assumption(client):
    walk(
        client,
        [
            ("account_type", "roth_401k"),
            ("fully_liquidated", "yes"),
            ("has_basis", "not_sure"),
            ("tax_year", "2016"),
            ("state", "TX"),
            ("age", ""),
        ],
    )
    page = confirm(client).content.decode()
    assert "Based on your answers and what we assumed (see below): No." in page


def test_basis_yes_with_zero_is_asked_again(client):
    walk(
        client,
        [
            ("account_type", "roth_401k"),
            ("fully_liquidated", "yes"),
            ("has_basis", "yes"),
            ("tax_year", "2016"),
            ("state", "TX"),
        ],
    )
    response = answer(client, "basis", "$0")
    assert response.status_code == 200
    assert "Enter an amount above $0" in response.content.decode()


def _post_as_a_browser(client, step: str, value: str):
    """Post the step with the hidden fields its page carries, as a browser does."""
    page = client.get(step_url(client, step)).content.decode()
    data = {f"{PREFIX}-current_step": step, f"{step}-{step}": value}
    data.update(dict(re.findall(rf'type="hidden" name="({step}-[a-z_]+)" value="([^"]*)"', page)))
    return client.post(step_url(client, step), data)


def test_a_change_of_account_type_asks_the_answers_that_changed_meaning_again(client):
    start(client)
    answer(client, "account_type", "traditional_401k")
    _post_as_a_browser(client, "fully_liquidated", "yes")
    _post_as_a_browser(client, "has_basis", "yes")
    for step, value in [("tax_year", "2016"), ("state", "TX"), ("basis", "20000")]:
        answer(client, step, value)
    _post_as_a_browser(client, "total_distributions", "18000")
    answer(client, "agi", "")
    answer(client, "age", "")
    # A 401(k) "paid out" is not a brokerage "sold": those answers are asked again.
    changed = answer(client, "account_type", "taxable_brokerage")
    # At once, not at "See my result": the first answer that changed meaning, with the reason.
    assert changed["Location"] == step_url(client, "fully_liquidated")
    page = client.get(step_url(client, "fully_liquidated")).content.decode()
    assert "You changed the kind of account" in page
    assert client.get(step_url(client, "check"))["Location"] == step_url(client, "fully_liquidated")
    assert next_step(_post_as_a_browser(client, "fully_liquidated", "yes")) == "has_basis"
    assert next_step(_post_as_a_browser(client, "has_basis", "yes")) == "total_distributions"
    _post_as_a_browser(client, "total_distributions", "18000")
    assert next_step(answer(client, "filing_status", "single")) == "check"  # a $2,000 capital loss
    assert "$2,000" in confirm(client).content.decode()


def test_a_change_within_the_same_group_keeps_the_answers(client):
    start(client)
    answer(client, "account_type", "traditional_401k")
    _post_as_a_browser(client, "fully_liquidated", "no")
    _post_as_a_browser(client, "has_basis", "no")
    answer(client, "account_type", "traditional_403b")
    assert "Without after-tax money" in confirm(client).content.decode()


@pytest.mark.parametrize("typed", ["59½", "59 ½", "59 1/2", "59.5"])
def test_the_age_field_accepts_the_half_it_suggests(typed):
    form = questions.AgeForm(data={"age_at_distribution": typed})
    assert form.is_valid() is True
    assert str(form.cleaned_data["age_at_distribution"]) == "59.5"


def test_the_short_path_names_no_state_it_was_not_asked(client):
    walk(
        client,
        [("account_type", "traditional_401k"), ("fully_liquidated", "no"), ("has_basis", "no")],
    )
    page = confirm(client).content.decode()
    assert "Why: your state" in page and "Why: any state" not in page
    assert "your any state" not in page  # was "neither your federal nor your any state return"
    assert "nor any state&#x27;s allows this loss" in page
    text = pdf_text(client.get(result_url(client, pdf=True)).content)
    # No state in the title; no year was asked, so the year is the payout's (issue 20, item 10).
    assert f"Retirement account loss: if paid out in {THIS_YEAR} Your answer" in text
    assert ", any state" not in text
