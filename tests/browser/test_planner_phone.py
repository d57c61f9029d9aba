"""Should I close it? (issue 21) The Los Angeles case in Chromium without JavaScript, through the
stack `make serve` runs (nginx, gunicorn, hashed static files): every planner question and the
result pass axe, nothing scrolls sideways on a 320 px phone, and on a phone the comparison reads
as short stacked blocks, each figure named by its column, while a wide screen keeps the table."""

from __future__ import annotations

import pytest

from tests.cluster.served import served_stack

from .conftest import shoot
from .journey import RESULT, STILL_THERE, choose, fill, select, start
from .test_accessibility import audit

SCROLL_WIDTH = "document.scrollingElement.scrollWidth"

# With JavaScript off, Chromium runs no timer or queueMicrotask callback, only promise reactions,
# and axe waits on setTimeout: without this stand-in its run never ends (and evaluate() has no
# timeout). Only the page's timers change, never its DOM or styles; the pages set none themselves,
# as their scripts do not run.
TIMERS_AS_PROMISES = """() => {
  window.setTimeout = (f, ms, ...args) => { Promise.resolve().then(() => f(...args)); return 0; };
  window.clearTimeout = () => {};
}"""

# How the comparison is laid out: the header row's box, and each row's and cell's display and box.
TABLE_LAYOUT = """() => {
  const table = document.querySelector('.plan__table');
  const box = e => { const r = e.getBoundingClientRect(); return {w: r.width, h: r.height,
                     top: r.top, left: r.left}; };
  return {
    head: box(table.querySelector('thead')),
    rows: [...table.querySelectorAll('tbody tr')].map(tr => ({
      display: getComputedStyle(tr).display,
      cells: [...tr.children].map(c => ({
        display: getComputedStyle(c).display, box: box(c), label: c.dataset.label || null,
        before: getComputedStyle(c, '::before').content,
        ruleAbove: getComputedStyle(c).borderTopWidth})),
    })),
  };
}"""


def audit_without_javascript(page, name: str) -> None:
    page.evaluate(TIMERS_AS_PROMISES)
    audit(page, name)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_stack(tmp_path_factory.mktemp("planner")) as stack:
        yield stack


@pytest.fixture
def no_script_page(browser, served):
    """A fresh context on the served stack with JavaScript off; axe is injected past the policy."""
    contexts = []

    def make(width: int):
        context = browser.new_context(
            base_url=served.url(""),
            viewport={"width": width, "height": 800},
            java_script_enabled=False,
            bypass_csp=True,
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def los_angeles(page, at_each_planner_page) -> None:
    """Roth IRAs with $30,000 put in, worth $21,000 now, still open; California, 45, single."""
    start(page)
    choose(page, "Roth IRA")
    choose(page, "No, it is my own IRA")
    choose(page, STILL_THERE)
    choose(page, "Yes")
    select(page, "California")
    fill(page, "30,000")
    at_each_planner_page("value")
    fill(page, "21,000")
    at_each_planner_page("income")
    page.get_by_label("What do you expect your adjusted gross income").fill("80,000")
    page.locator("label").filter(has_text="Single").first.click()
    assert page.get_by_role("radio", name="Single", exact=True).is_checked()
    page.get_by_role("button", name="Continue").click()
    at_each_planner_page("age")
    page.get_by_label("How old are you now?").fill("45")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(RESULT)


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_los_angeles_plan_without_javascript(no_script_page, width):
    page = no_script_page(width)
    visited = []

    def check(name: str) -> None:
        assert page.evaluate(SCROLL_WIDTH) <= page.evaluate("innerWidth"), (name, width)
        audit_without_javascript(page, f"{name}-{width}px")
        shoot(page, f"planner-{name}")
        visited.append(name)

    los_angeles(page, check)
    assert visited == ["value", "income", "age"]
    check("result")

    # JavaScript really was off: the Print button, which a script reveals, stayed hidden.
    assert page.get_by_role("button", name="Print this page").count() == 0
    plan = page.locator("section.plan")
    assert plan.is_visible()
    assert "about $160 of California tax" in plan.inner_text()

    # Its own paragraphs are spaced like the lists around them (1.4-1.5), not the browser's 1.15.
    spacing = plan.locator(":scope > p").evaluate_all(
        "ps => ps.map(p => parseFloat(getComputedStyle(p).lineHeight) / "
        "parseFloat(getComputedStyle(p).fontSize))"
    )
    assert len(spacing) == 2 and min(spacing) >= 1.35, spacing

    layout = page.evaluate(TABLE_LAYOUT)
    rows = layout["rows"]
    assert len(rows) >= 4
    if width < 640:  # below 40em: each row is a short block, the header row out of sight
        assert layout["head"]["w"] <= 1 and layout["head"]["h"] <= 1
        for row in rows:
            assert row["display"] == "block"
            heading, close, keep = row["cells"]
            assert {c["display"] for c in row["cells"]} == {"block"}
            # One rule between blocks, the row's own: none above its heading (USWDS draws one).
            assert {c["ruleAbove"] for c in row["cells"]} == {"0px"}
            # One under the other, from the same left edge.
            assert heading["box"]["top"] < close["box"]["top"] < keep["box"]["top"]
            assert close["box"]["left"] == keep["box"]["left"] == heading["box"]["left"]
            assert close["label"] == "Close them all" and keep["label"] == "Keep them"
            for cell in (close, keep):
                assert cell["label"] in cell["before"], cell
    else:  # a wide screen: the three columns side by side under a visible header row
        assert layout["head"]["h"] > 10
        for row in rows:
            assert row["display"] == "table-row"
            heading, close, keep = row["cells"]
            assert heading["box"]["left"] < close["box"]["left"] < keep["box"]["left"]
            assert close["box"]["top"] == keep["box"]["top"]
            assert close["before"] == "none"


def test_the_audit_without_javascript_does_catch_a_real_violation(no_script_page):
    # Guard against a silent audit: the stand-in timers must still let axe report.
    page = no_script_page(320)
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')"
    )
    with pytest.raises(AssertionError, match="label"):
        audit_without_javascript(page, "start-with-an-unlabelled-input")
