""" "Work it out with me" in a real browser (issue 11): the backdoor Roth case, one figure per
page, each page audited by axe (WCAG 2.2 AA) at phone width, and the result's worksheet."""

from __future__ import annotations

import pytest

from .conftest import PHONE, shoot
from .journey import PAID_OUT, choose, fill, select, start
from .test_accessibility import audit

pytestmark = pytest.mark.django_db(transaction=True)


def test_work_it_out_with_me_on_a_phone(new_page):
    page = new_page(viewport=PHONE)
    start(page)
    choose(page, "Traditional IRA")
    choose(page, "No, it is my own IRA")
    choose(page, PAID_OUT)
    choose(page, "I'm not sure: work it out with me from my tax papers")
    fill(page, "2024")
    select(page, "Texas")
    for name, value, says in [
        ("basis from earlier years", "0", "Line 14 of the last Form 8606"),
        ("contribute without deducting", "7,000", "Form 8606, line 1"),
        ("paid out to you that year", "", "Form 8606, line 7"),
        ("convert to a Roth IRA", "$6,800", "Form 8606, line 8"),
    ]:
        assert name in page.get_by_role("heading", level=1).inner_text()
        assert says in page.get_by_role("main").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        audit(page, f"worksheet: {name}")
        fill(page, value)
    fill(page, "")  # age is optional
    page.get_by_role("button", name="See my result").click()
    text = page.get_by_role("main").inner_text()
    assert "How your basis was worked out" in text
    assert "$200 was lost before it came out" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    audit(page, "result with the basis worksheet")


def test_the_roth_basis_year_by_year_at_320_px(new_page):
    """No last Form 8606: a row per earlier year, fitting the narrowest phone, audited by axe."""
    page = new_page(viewport={"width": 320, "height": 640})
    start(page)
    choose(page, "Roth IRA")
    choose(page, "No, it is my own IRA")
    choose(page, PAID_OUT)
    choose(page, "I'm not sure: work it out with me from my tax papers")
    fill(page, "2016")
    select(page, "Texas")
    fill(page, "")  # no last Form 8606: added up year by year
    fill(page, "2005")
    assert "Your Roth basis, year by year" in page.get_by_role("heading", level=1).inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    audit(page, "basis year by year")
    page.get_by_label("2005, Put in").fill("4,000")
    page.get_by_label("2008, Taken out").fill("6,000")
    page.get_by_label("2010, Put in").fill("5,000")
    page.get_by_label("2012, Put in").fill("5,000")
    page.get_by_label("2012, Taken out").fill("1,0x0")
    page.get_by_role("button", name="Continue").click()
    # The mistake is named by its year and column, and the summary link takes focus to the box.
    summary = page.locator("#error-summary")
    assert "2012, Taken out" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_ws_years-y2012_out"
    assert page.get_by_label("2005, Put in").input_value() == "4,000"
    audit(page, "basis year by year, with a mistake")
    shoot(page, "basis-year-by-year-mistake")
    page.get_by_label("2012, Taken out").fill("1,000")
    page.get_by_role("button", name="Continue").click()
    fill(page, "")  # contributions in 2016
    fill(page, "6,500")
    fill(page, "")  # AGI
    fill(page, "")  # age
    page.get_by_role("button", name="See my result").click()
    text = page.get_by_role("main").inner_text()
    assert "the rest was earnings, not basis" in text and "$9,000" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    shoot(page, "basis-year-by-year-result")


def test_the_california_basis_by_year_at_320_px(new_page):
    """California basis left blank: the years California allowed less, grouped by the rule of
    the time, at the narrowest phone width, audited by axe."""
    page = new_page(viewport={"width": 320, "height": 640})
    start(page)
    choose(page, "Traditional IRA")
    choose(page, "No, it is my own IRA")
    choose(page, PAID_OUT)
    choose(page, "Yes")
    fill(page, "2020")
    select(page, "California")
    fill(page, "10,000")
    assert "California basis" in page.get_by_role("heading", level=1).inner_text()
    fill(page, "")  # not known: worked out year by year
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    audit(page, "California basis year by year")
    page.get_by_label("1984, Deducted federally").fill("2,000")
    page.get_by_role("button", name="Continue").click()
    fill(page, "")  # nothing came back for California yet
    fill(page, "9,000")
    fill(page, "50,000")
    fill(page, "")  # age
    page.get_by_role("button", name="See my result").click()
    text = page.get_by_role("main").inner_text()
    assert "How your California basis was worked out" in text and "$12,000" in text
    # Every amount on one line at 320 px ("$10,000" was split "$10,00" / "0"), none cut off.
    lines_per_amount = page.evaluate(
        """[...document.querySelectorAll('.worksheet td.amount')].map(cell => {
            const range = document.createRange(); range.selectNodeContents(cell);
            const rects = [...range.getClientRects()];
            return [cell.innerText, new Set(rects.map(r => Math.round(r.top))).size,
                    cell.scrollWidth <= cell.clientWidth];
        })"""
    )
    assert {"$10,000", "$12,000", "$50,000"} <= {text for text, _lines, _fits in lines_per_amount}
    assert all(lines == 1 and fits for _text, lines, fits in lines_per_amount), lines_per_amount
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    shoot(page, "california-basis-result")
