"""The traditional IRA year table in a real browser (issue 20, item 4): three columns at the
narrowest phone width, audited by axe, and the Form 8606 share said on the result.

The issue's example, worked by hand from Form 8606 lines 6-13: 37,000 of basis, 10,000 taken out
in 2015 with 40,000 left: 0.74, so 7,400 used and 29,600 left; 20,000 paid out in 2016 loses 9,600.
"""

from __future__ import annotations

import pytest

from .conftest import shoot
from .journey import PAID_OUT, choose, fill, select, start
from .test_accessibility import audit

pytestmark = pytest.mark.django_db(transaction=True)
WORK_IT_OUT = "I'm not sure: work it out with me from my tax papers"
NARROWEST = {"width": 320, "height": 640}


def test_the_traditional_year_table_with_the_worth_at_year_end(new_page):
    page = new_page(viewport=NARROWEST)
    start(page)
    for tile in ("Traditional IRA", "No, it is my own IRA", PAID_OUT, WORK_IT_OUT):
        choose(page, tile)
    fill(page, "2016")
    select(page, "Texas")
    for value in ("", "2014"):  # no last Form 8606: added up year by year, from 2014
        fill(page, value)
    assert "Your basis, year by year" in page.get_by_role("heading", level=1).inner_text()
    headings = page.locator(".years-table thead th").all_inner_texts()
    assert headings == ["Year", "Contributed, not deducted", "Taken out", "Worth at year end"]
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"]
    audit(page, "traditional basis year by year")
    page.get_by_label("2014, Contributed, not deducted").fill("37,000")
    page.get_by_label("2015, Taken out").fill("10,000")
    page.get_by_label("2015, Worth at year end").fill("40,000")
    shoot(page, "traditional-basis-year-by-year")
    page.get_by_role("button", name="Continue").click()
    fill(page, "")  # contributions in 2016
    fill(page, "20,000")  # the last of it paid out
    fill(page, "")  # nothing converted
    fill(page, "50,000")  # AGI
    fill(page, "")  # age
    page.get_by_role("button", name="See my result").click()
    text = page.get_by_role("main").inner_text()
    assert "= 0.740: $7,400 of the $10,000 was your own after-tax money" in text
    assert "$29,600" in text and "$9,600" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"]
    audit(page, "result with the Form 8606 share")
    shoot(page, "traditional-basis-year-by-year-result")
