"""axe-core on every distinct page, error state included: zero WCAG 2.2 AA violations.

Each page is also photographed at desktop and phone width into test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE, shoot
from .journey import choose, fill, roth_ira_closed_below_basis_2016, select, start

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


def audit(page, name: str) -> None:
    # Measure the page as a person sees it: fonts loaded and layout settled (target sizes
    # and spacing depend on them; auditing mid-swap gave different answers run to run).
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    violations = results.response["violations"]
    report = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert violations == [], f"{name}: {report}"


def heading_text(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def visit_every_page(page, width: str) -> list[str]:
    """Walk a journey and stop at each distinct page: audit it and photograph it."""
    seen = []

    def here(name: str) -> None:
        audit(page, name)
        shoot(page, name)
        seen.append(name)

    page.goto("/")
    here("start")
    start(page)
    here("question-radio-account-type")
    page.get_by_role("button", name="Continue").click()
    here("question-error-state")
    choose(page, "Roth IRA")
    choose(page, "No, it is my own IRA")
    here("question-radio-money-still-there")
    page.get_by_role("link", name="Not sure? How to find out").click()
    here("help-every-account-paid-out")
    page.get_by_role("link", name="Back to the question").first.click()
    choose(page, "No, it has all been paid out to me")
    here("question-radio-has-basis")
    page.get_by_role("link", name="Not sure? How to find out").click()
    here("help-after-tax-money")
    page.get_by_role("link", name="Back to the question").first.click()
    choose(page, "Yes")
    here("question-text-tax-year")
    fill(page, "1999")
    here("question-text-error-state")
    fill(page, "2016")
    here("question-select-state")
    select(page, "New York")
    here("question-money-basis")
    fill(page, "20,000")
    fill(page, "18,000")
    fill(page, "50,000")
    fill(page, "52")
    here("check-your-answers")
    page.get_by_role("button", name="See my result").click()
    here("result")
    page.goto("/no-such-page/")
    here("page-not-found")
    page.goto("/session-ended/")
    here("session-ended")
    page.goto("/check-ended/")
    here("check-no-longer-kept")
    page.goto("/")
    here("start-with-a-check-in-progress")
    page.get_by_role("button", name="Delete my answers").click()
    assert heading_text(page) == "Your answers have been deleted"
    here("answers-deleted")
    return seen


@pytest.mark.parametrize(
    "viewport", [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
)
def test_every_page_has_no_wcag_22_aa_violations(new_page, viewport):
    pages = visit_every_page(new_page(viewport=viewport), str(viewport["width"]))
    assert len(pages) == 18  # 15, the short path's page (issue 12 words), two journey pages


def test_the_result_of_a_state_that_allows_the_loss_is_accessible(new_page):
    page = new_page()
    roth_ira_closed_below_basis_2016(page)
    page.get_by_text("For tax preparers").click()
    audit(page, "result-with-preparer-fields-open")
    shoot(page, "result-with-preparer-fields-open")


def test_the_audit_does_catch_a_real_violation(new_page):
    # Guard against a silent audit: an unlabeled input must be reported.
    page = new_page()
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')"
    )
    with pytest.raises(AssertionError, match="label"):
        audit(page, "start-with-an-unlabelled-input")
