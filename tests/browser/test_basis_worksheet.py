""" "Work it out with me" in a real browser (issue 11): the backdoor Roth case, one figure per
page, each page audited by axe (WCAG 2.2 AA) at phone width, and the result's worksheet."""

from __future__ import annotations

import pytest

from .conftest import PHONE
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
