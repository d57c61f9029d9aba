"""The browser walk's findings in a real browser (issue 20, items 9, 11, 12, 13): Back after a
corrected error, the printed result, a phone's session warning and where next steps sit."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, shoot
from .journey import RESULT, choose, heading, roth_ira_closed_below_basis_2016, start

pytestmark = pytest.mark.django_db(transaction=True)

PHONES = [{"width": 390, "height": 844}, {"width": 320, "height": 640}]


def test_back_after_a_corrected_error_shows_the_question_again(new_page):
    page = new_page()
    start(page)
    choose(page, "Roth IRA")
    page.get_by_role("button", name="Continue").click()  # nothing chosen: refused
    page.wait_for_function("document.title.startsWith('Error:')")
    assert "/questions/inherited/" in page.url
    choose(page, "No, it is my own IRA")  # corrected
    page.wait_for_url("**/questions/fully_liquidated/")
    # Back: a GET of the question's page. A POST's page here was the browser's "Confirm Form
    # Resubmission" (net::ERR_CACHE_MISS in chromium), and going back raised.
    page.go_back()
    page.wait_for_url("**/questions/inherited/")
    assert heading(page).startswith("Did you inherit")
    assert page.get_by_role("radio", name="No, it is my own IRA", exact=True).is_checked()
    # Back once more: the refused page is the same URL, shown as it now stands.
    page.go_back()
    assert "/questions/" in page.url
    assert "ERR_" not in page.content()


def test_the_printed_result_carries_the_check_code_rules_date_and_client(new_page):
    page = new_page()
    roth_ira_closed_below_basis_2016(page)
    page.wait_for_url(RESULT)
    page.get_by_text("For tax preparers: add client and preparer details to the PDF").click()
    page.get_by_label("Client name or reference").fill("Client A")
    stamp = page.locator(".print-stamp")
    assert stamp.is_hidden()  # on screen the downloads section has its own check code
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert stamp.is_visible()
    printed = stamp.inner_text()
    code = page.locator(".check-code").text_content().split("Check code ")[1].split(" ·")[0]
    assert f"check code {code}" in printed and "rules 20" in printed
    assert "Prepared for: Client A" in printed
    shoot(page, "result-printed")


@pytest.mark.parametrize("phone", PHONES, ids=lambda v: f"{v['width']}px")
def test_the_session_warning_fits_a_phone(new_page, phone):
    page = new_page(viewport=phone)
    start(page)
    page.evaluate("document.getElementById('session-warning').hidden = false")
    button = page.get_by_role("button", name="I need more time")
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= phone["width"]
    # The label fits its button: nothing cut off on either side.
    assert page.evaluate(
        "(b => b.scrollWidth <= b.clientWidth)(document.getElementById('session-extend'))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= phone["width"]
    shoot(page, "session-warning")


@pytest.mark.parametrize("viewport", [DESKTOP, *PHONES], ids=lambda v: f"{v['width']}px")
def test_what_to_do_next_comes_before_the_myths(new_page, viewport):
    page = new_page(viewport=viewport)
    roth_ira_closed_below_basis_2016(page)
    page.wait_for_url(RESULT)
    next_steps = page.get_by_role("heading", name="What to do next").bounding_box()
    myths = page.get_by_role("heading", name="Common misunderstandings").bounding_box()
    assert next_steps is not None and myths is not None
    assert next_steps["y"] < myths["y"]
    shoot(page, "result-next-steps")
