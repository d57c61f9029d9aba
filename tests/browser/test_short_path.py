"""Issue 12: the filter question's short path, readable pictures and nothing wider than a phone."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, shoot
from .journey import RESULT, fall_in_value_short_path, roth_ira_closed_below_basis_2016
from .test_accessibility import audit

pytestmark = pytest.mark.django_db(transaction=True)

SMALL_PHONE = {"width": 320, "height": 640}

# Each text of each picture: its size on screen, the SVG's scale included.
PICTURE_TEXT = """() => [...document.querySelectorAll('.picture svg text')].map(t => {
  const scale = t.ownerSVGElement.getScreenCTM().a;
  const box = t.getBoundingClientRect();
  return {text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale,
          height: box.height, right: box.right, left: box.left};
})"""
SCROLL_WIDTH = "document.documentElement.scrollWidth"


def test_the_short_path_at_320px_never_scrolls_sideways_and_passes_axe(new_page):
    page = new_page(viewport=SMALL_PHONE)
    visited = []

    def check() -> None:
        name = f"short-path-{len(visited)}"
        assert page.evaluate(SCROLL_WIDTH) <= 320, (name, page.url)
        audit(page, name)
        shoot(page, name)
        visited.append(page.url)

    fall_in_value_short_path(page, check)
    text = page.get_by_role("main").inner_text()
    assert "Without after-tax money in these accounts there is no loss" in text
    assert "we did not ask which state you live in" in text
    # Account type, money still there, after-tax money, check: then the answer.
    assert len(visited) == 5


@pytest.mark.parametrize("width", [320, 1280])
def test_picture_text_is_at_least_12px(new_page, width):
    page = new_page(viewport={"width": width, "height": 900})
    roth_ira_closed_below_basis_2016(page)
    page.wait_for_url(RESULT)
    texts = page.evaluate(PICTURE_TEXT)
    assert len(texts) >= 8  # three regimes (label, years), the year, three bar labels
    for t in texts:
        assert t["px"] >= 12, t
        assert t["height"] >= 12, t
        assert t["left"] >= 0 and t["right"] <= width, t  # nothing cut off at the edge
    assert page.evaluate(SCROLL_WIDTH) <= width
    shoot(page, "result-pictures")


def test_preparer_fields_are_uswds_and_a_long_note_stays_inside_a_320px_phone(new_page):
    page = new_page(viewport=SMALL_PHONE)
    roth_ira_closed_below_basis_2016(page)
    page.wait_for_url(RESULT)
    page.get_by_text("For tax preparers").click()
    assert "usa-input" in page.get_by_label("Client name or reference").get_attribute("class")
    note = page.get_by_label("Note")
    assert "usa-textarea" in note.get_attribute("class")
    note.fill("A very long note without spaces " + "x" * 300)
    assert page.evaluate(SCROLL_WIDTH) <= 320
    audit(page, "result-preparer-open-320")
    shoot(page, "result-preparer-open")


def test_amounts_carry_a_dollar_prefix_and_a_uswds_width(new_page):
    page = new_page(viewport=DESKTOP)
    roth_ira_closed_below_basis_2016(page)
    page.goto("/questions/basis/")
    assert page.locator(".usa-input-group .usa-input-prefix").inner_text() == "$"
    box = page.get_by_role("textbox").bounding_box()
    assert box is not None and box["width"] < 300
    audit(page, "question-money-with-prefix")


def test_step_labels_show_on_a_phone(new_page):
    page = new_page(viewport=SMALL_PHONE)
    fall_in_value_short_path(page, lambda: None)
    page.goto("/questions/fully_liquidated/")
    label = page.locator(".usa-step-indicator__segment-label").first
    assert label.is_visible()
    assert "Your account" in label.inner_text()


def test_the_short_path_works_without_javascript_and_hides_print(new_page):
    page = new_page(viewport=SMALL_PHONE, javascript=False)
    fall_in_value_short_path(page, lambda: None)
    assert "Without after-tax money" in page.get_by_role("main").inner_text()
    assert page.get_by_role("button", name="Print this page").count() == 0
