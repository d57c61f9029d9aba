""" "Work it out with me": the basis worksheet as question pages (issue 11)."""

from __future__ import annotations

import pytest

from .test_flow_branches import next_step
from .wizard_helpers import answer, confirm, step_url, walk, work_it_out

pytestmark = pytest.mark.django_db

BACKDOOR = work_it_out("traditional_ira", "2024")


def test_work_it_out_asks_the_traditional_figures_one_page_each(client):
    assert next_step(walk(client, BACKDOOR)) == "ws_before"
    page = client.get(step_url(client, "ws_before")).content.decode()
    assert "Line 14 of the last Form 8606" in page
    assert next_step(answer(client, "ws_before", "0")) == "ws_added"
    assert next_step(answer(client, "ws_added", "7,000")) == "ws_paid_out"
    assert next_step(answer(client, "ws_paid_out", "")) == "ws_converted"
    assert next_step(answer(client, "ws_converted", "$6,800")) == "age"


def test_the_backdoor_result_shows_the_worksheet_with_its_form_lines(client):
    walk(client, [*BACKDOOR, ("ws_before", "0"), ("ws_added", "7000"), ("ws_paid_out", "")])
    walk_on = answer(client, "ws_converted", "6800")
    assert walk_on.status_code == 302
    answer(client, "age", "40")
    page = confirm(client).content.decode()
    assert "How your basis was worked out" in page
    assert "Form 8606, line 8" in page and "Form 8606, line 14" in page
    assert "$200 was lost before it came out" in page


def test_an_inherited_ira_asks_the_decedents_basis_and_no_contribution_or_conversion(client):
    walk(client, work_it_out("traditional_ira", "2016", inherited="yes"))
    assert "last Form 8606 of" not in client.get(step_url(client, "ws_before")).content.decode()
    assert "person who died" in client.get(step_url(client, "ws_before")).content.decode()
    assert next_step(answer(client, "ws_before", "8000")) == "ws_paid_out"
    assert next_step(answer(client, "ws_paid_out", "5000")) == "agi"


def test_a_plan_asks_what_the_plan_statement_or_box_5_shows(client):
    walk(client, work_it_out("traditional_401k", "2020", inherited=None))
    assert "box 5" in client.get(step_url(client, "ws_before")).content.decode()


def test_bad_input_gets_a_message_and_coming_back_keeps_what_was_entered(client):
    walk(client, BACKDOOR)
    bad = answer(client, "ws_before", "lots")
    assert bad.status_code == 200
    assert "like" in bad.content.decode()  # the usual message with an example
    answer(client, "ws_before", "5,000")
    client.get(step_url(client, "ws_added"))
    again = client.get(step_url(client, "ws_before")).content.decode()
    assert 'value="5,000"' in again


def test_an_inherited_roth_ira_asks_the_decedents_roth_basis_not_line_14(client):
    walk(client, work_it_out("roth_ira", "2016", inherited="yes"))
    page = client.get(step_url(client, "ws_before")).content.decode()
    assert "What Roth basis did the person who died leave" in page
    assert "Line 14" not in page  # a Roth IRA has no line 14 basis (Form 8606, Part III)
    answer(client, "ws_before", "8,000")
    answer(client, "ws_paid_out", "5,000")
    answer(client, "agi", "")
    answer(client, "age", "")
    result = confirm(client).content.decode()
    assert "Form 8606, Part III, of the person who died" in result
    assert "$3,000" in result  # 8,000 − 5,000, its own group
