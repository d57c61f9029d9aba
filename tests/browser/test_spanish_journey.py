"""En español (issue 22), end to end: a phone whose browser asks for Spanish (es-US) walks a
Roth IRA paid out below its basis in New York to the result and its PDF, and an open Roth IRA in
California through the planner, on the stack `make serve` runs. Every page of both journeys
passes axe at 390 px and nothing scrolls sideways at 320 px; the result is in Spanish, law
included, and so is the PDF, which is tagged and says it is Spanish (/Lang es).

Every label is clicked by its Spanish words, taken from the catalogs (an English label is not
on a Spanish page, so a missing translation stops the walk where it is).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.cluster.served import served_stack

from .conftest import SCREENSHOTS, shoot
from .journey import PAID_OUT, RESULT, STILL_THERE
from .test_accessibility import audit

ARTIFACTS = SCREENSHOTS.parent
SIDEWAYS = "document.scrollingElement.scrollWidth > innerWidth"
NY_2016 = (
    "Through 2017, New York itemized deductions started from your federal itemized deductions, "
    "so the loss counted above 2% of AGI."
)
NY_REFUND = (
    "New York allows 3 years from filing the return, or 2 years from paying the tax if later, "
    "to claim a refund."
)


def es(text: str) -> str:
    """`text` as the catalogs have it in Spanish; a text they lack fails here, not on a page."""
    with translation.override("es"):
        spanish = translation.gettext(text)
    assert spanish != text or text in {"No", "California"}, f"no Spanish for {text!r}"
    return spanish


def words(text: str) -> str:
    """Whitespace as one space: a sentence wraps differently on a page, a phone and a PDF."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_stack(tmp_path_factory.mktemp("spanish")) as stack:
        yield stack


@pytest.fixture
def phone_in_spanish(browser, served):
    """A fresh context asking for Spanish the way a browser set to it does (Accept-Language)."""
    contexts = []

    def make(width: int):
        context = browser.new_context(
            base_url=served.url(""),
            viewport={"width": width, "height": 844},
            locale="es-US",
            accept_downloads=True,
            bypass_csp=True,  # axe-core is injected by evaluate()
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


class Walk:
    """Answers by the Spanish labels; at each page: Spanish, axe clean, nothing sideways."""

    def __init__(self, page, width: int) -> None:
        self.page, self.width, self.seen = page, width, []

    def here(self, name: str) -> None:
        page = self.page
        assert page.locator("html").get_attribute("lang") == "es", name
        assert not page.evaluate(SIDEWAYS), f"{name} scrolls sideways at {self.width} px"
        audit(page, f"{name}-es-{self.width}px")
        self.seen.append(name)

    def go_on(self) -> None:
        self.page.get_by_role("button", name=es("Continue")).click()

    def choose(self, label: str) -> None:
        # USWDS tiles hide the native radio: a person clicks the visible label.
        said = es(label)
        self.page.locator("label").filter(has_text=re.compile(f"^{re.escape(said)}$")).click()
        assert self.page.get_by_role("radio", name=said, exact=True).is_checked()

    def answer(self, name: str, label: str) -> None:
        self.here(name)
        self.choose(label)
        self.go_on()

    def fill(self, name: str, value: str, label: str = "") -> None:
        self.here(name)
        box = self.page.get_by_label(es(label)) if label else self.page.get_by_role("textbox")
        box.fill(value)
        self.go_on()

    def select(self, name: str, option: str) -> None:
        self.here(name)
        self.page.get_by_role("combobox").select_option(label=es(option))
        self.go_on()

    def begin(self, account: str, money_left: str) -> None:
        self.page.goto("/")  # no switch pressed: the browser's Accept-Language alone
        self.here("start")
        self.page.get_by_role("button", name=es("Start now")).click()
        self.answer("account-type", account)
        self.answer("inherited", "No, it is my own IRA")
        self.answer("money-still-there", money_left)
        self.answer("has-basis", "Yes")

    def see_result(self) -> None:
        self.here("check-your-answers")
        self.page.get_by_role("button", name=es("See my result")).click()
        self.page.wait_for_url(RESULT)
        self.here("result")


def new_york_paid_out(walk: Walk) -> None:
    """Roth IRA closed in 2016 for 18,000 against 20,000 put in, New York."""
    walk.begin("Roth IRA", PAID_OUT)
    walk.fill("tax-year", "2016")
    walk.select("state", "New York")
    walk.fill("basis", "20,000")
    walk.fill("received", "18,000")
    walk.fill("agi", "50,000")
    walk.fill("age", "")  # optional
    walk.see_result()


def california_still_open(walk: Walk) -> None:
    """Roth IRA with 30,000 put in, worth 21,000 and still open; California, single, 45."""
    walk.begin("Roth IRA", STILL_THERE)
    walk.select("state", "California")
    walk.fill("basis", "30,000")
    walk.fill("plan-value", "21,000")
    walk.here("plan-income")
    expected_agi = es("What do you expect your adjusted gross income to be for %(year)s?")
    walk.page.get_by_label(expected_agi.split("%(")[0]).fill("80,000")
    walk.choose("Single")
    walk.go_on()
    walk.fill("plan-age", "45", "How old are you now?")
    walk.see_result()


def pdf_text(path: Path) -> str:
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    assert run.returncode == 0, run.stderr
    return words(run.stdout.decode())


def test_a_paid_out_case_in_spanish_to_the_result_and_its_pdf(phone_in_spanish):
    page = phone_in_spanish(390)
    walk = Walk(page, 390)
    new_york_paid_out(walk)
    assert walk.seen[5:] == [
        "tax-year",
        "state",
        "basis",
        "received",
        "agi",
        "age",
        "check-your-answers",
        "result",
    ]
    shoot(page, "result-es-new-york")

    assert page.get_by_role("heading", level=1).inner_text() == es("Your result")
    headings = page.get_by_role("heading").all_inner_texts()
    for english in (
        "Why: federal",
        "What to do next",
        "Records to keep",
        "Common misunderstandings",
    ):
        assert es(english) in headings
    assert es("Why: %(state)s") % {"state": "Nueva York"} in headings
    main = words(page.get_by_role("main").inner_text())
    assert es("New York") == "Nueva York" and "Nueva York" in main
    assert words(es(NY_2016)) in main and NY_2016 not in main
    assert words(es(NY_REFUND)) in main and NY_REFUND not in main
    assert "$20,000" in main and "$18,000" in main  # amounts stay in the US format

    with page.expect_download() as download:
        page.get_by_role("link", name=es("Download PDF summary")).click()
    with translation.override("es"):
        name = translation.pgettext("PDF file name", "retirement-loss-check")
    assert download.value.suggested_filename == f"{name}-2016-NY.pdf"
    pdf = ARTIFACTS / download.value.suggested_filename
    download.value.save_as(pdf)  # kept for a person to read
    catalog = PdfReader(pdf).trailer["/Root"]
    assert catalog["/Lang"] == "es"
    assert catalog["/MarkInfo"]["/Marked"].value and "/StructTreeRoot" in catalog  # tagged
    text = pdf_text(pdf)
    assert "Nueva York" in text and "New York" not in text
    assert words(es(NY_2016)) in text and NY_2016 not in text
    assert es("Why: federal") in text and "Why: federal" not in text


def test_nothing_scrolls_sideways_on_a_320_px_phone_in_spanish(phone_in_spanish):
    page = phone_in_spanish(320)
    walk = Walk(page, 320)
    new_york_paid_out(walk)
    shoot(page, "result-es-new-york")


def test_an_open_account_through_the_planner_in_spanish(phone_in_spanish):
    page = phone_in_spanish(390)
    walk = Walk(page, 390)
    california_still_open(walk)
    assert walk.seen[-4:] == ["plan-income", "plan-age", "check-your-answers", "result"]
    shoot(page, "planner-result-es-california")
    assert page.get_by_role("heading", level=1).inner_text() == es("Your result")
    plan = words(page.locator("section.plan").inner_text())
    assert es("about %(amount)s") % {"amount": "$160"} in plan  # the California tax saved
    assert es("Close them all") in plan and "Close them all" not in plan
