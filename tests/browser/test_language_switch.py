"""The language switch in a browser without script, at phone width (issue 22): it keeps the
question and its answer, is remembered, and the Spanish pages pass axe."""

from __future__ import annotations

import pytest
from django.utils import translation

from .conftest import PHONE
from .journey import choose, heading, start
from .test_accessibility import audit

pytestmark = pytest.mark.django_db(transaction=True)


def spanish(text: str) -> str:
    with translation.override("es"):
        return translation.gettext(text)


def test_the_switch_works_without_script_keeps_the_answers_and_is_remembered(new_page):
    page = new_page(viewport=PHONE, javascript=False)
    start(page)
    choose(page, "Roth IRA")
    question = page.url
    english = heading(page)

    page.get_by_role("button", name="Español").click()
    assert page.url == question  # the same question of the same journey
    assert page.locator("html").get_attribute("lang") == "es"
    assert heading(page) == spanish(english) != english
    page.goto(question.replace("/inherited/", "/account_type/"))
    assert page.locator('input[value="roth_ira"]').is_checked()
    assert page.locator("html").get_attribute("lang") == "es"

    other_tab = page.context.new_page()  # remembered: the same browser, a new tab
    other_tab.goto("/")
    assert other_tab.locator("html").get_attribute("lang") == "es"

    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator('input[value="roth_ira"]').is_checked()


def test_the_spanish_pages_and_the_switch_pass_axe_at_phone_width(new_page):
    page = new_page(viewport=PHONE)  # axe runs as a script
    page.goto("/")
    page.get_by_role("button", name="Español").click()
    audit(page, "start-in-spanish")
    page.get_by_role("button", name=spanish("Start now")).click()
    assert page.locator("html").get_attribute("lang") == "es"
    audit(page, "question-in-spanish")
