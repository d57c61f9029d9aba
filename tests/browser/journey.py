"""Answer the questions the way a person does: by the visible labels."""

from __future__ import annotations

import re

PAID_OUT = "No, it has all been paid out to me"
STILL_THERE = "Yes, some money is still there"


def choose(page, label: str) -> None:
    # USWDS tiles hide the native radio: a person clicks the visible label.
    page.locator("label").filter(has_text=re.compile(f"^{re.escape(label)}$")).click()
    assert page.get_by_role("radio", name=label, exact=True).is_checked()
    page.get_by_role("button", name="Continue").click()


def fill(page, value: str) -> None:
    page.get_by_role("textbox").fill(value)
    page.get_by_role("button", name="Continue").click()


def select(page, option: str) -> None:
    page.get_by_role("combobox").select_option(label=option)
    page.get_by_role("button", name="Continue").click()


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def start(page) -> None:
    page.goto("/")
    page.get_by_role("button", name="Start now").click()


def start_again(page) -> None:
    """The start page of a browser with a check in progress: begin a new one beside it."""
    page.goto("/")
    page.get_by_role("button", name="Start again").click()


def pre_tax_401k_cash_out(page, begin=start) -> None:
    """Persona 1: all pre-tax 401(k), cashed out in 2020, Texas."""
    begin(page)
    choose(page, "Traditional 401(k)")
    choose(page, PAID_OUT)
    choose(page, "No")
    fill(page, "2020")
    select(page, "Texas")
    fill(page, "")  # age is optional
    page.get_by_role("button", name="See my result").click()


def roth_ira_closed_below_basis_2016(page, begin=start) -> None:
    """Persona 2: Roth IRA group closed in 2016 for 18,000 against 20,000 basis, New York."""
    begin(page)
    choose(page, "Roth IRA")
    choose(page, "No, it is my own IRA")
    choose(page, PAID_OUT)
    choose(page, "Yes")
    fill(page, "2016")
    select(page, "New York")
    fill(page, "$20,000")
    fill(page, "18,000")
    fill(page, "50,000")
    fill(page, "52")
    page.get_by_role("button", name="See my result").click()


def traditional_ira_not_all_closed(page, begin=start) -> None:
    """Persona 3: traditional IRA with basis, a SEP IRA still open, California: no year asked."""
    begin(page)
    choose(page, "Traditional IRA")
    choose(page, "No, it is my own IRA")
    choose(page, STILL_THERE)
    choose(page, "Yes")
    select(page, "California")
    fill(page, "12000")
    fill(page, "")  # what they are worth now: optional, left blank (issue 21)
    page.get_by_role("button", name="See my result").click()


RESULT = re.compile(r"/result/$")


def fall_in_value_short_path(page, on_each_page=None) -> None:
    """Persona 1 as most people arrive: a 401(k) that fell in value, money still in it."""
    visit = on_each_page or (lambda: None)
    start(page)
    visit()
    choose(page, "Traditional 401(k)")
    visit()
    choose(page, STILL_THERE)
    visit()
    choose(page, "No")
    visit()
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(RESULT)
    visit()
