"""A preparer's Hawaii 2022 client, walked by visible labels at phone width (issue 20, Proof).

The walk found the Hawaii floor taken from federal AGI: with federal AGI 260,000 the PDF showed a
$5,200 floor. Hawaii's own AGI is now asked on its own page, and both Hawaii steps use it:
Form N-11 Worksheet A-6 takes 2% of Hawaii AGI (line 27, N-11 line 20), and HRS §235-2.4(c)'s
overall limit (N-11 Total Itemized Deductions Worksheet) takes 3% of Hawaii AGI above $166,800,
at most 80% of the deductions. Worked by hand: basis 30,000 − received 10,000 = loss 20,000;
floor 2% × 250,000 = 5,000; 15,000 above it; limit 3% × (250,000 − 166,800) = 2,496 (80% is
12,000); 15,000 − 2,496 = 12,504. Federal AGI would have given 5,200, 14,800 and 2,796.
"""

from __future__ import annotations

import re

import pytest

from .conftest import PHONE, shoot
from .journey import PAID_OUT, RESULT, choose, fill, heading, select, start
from .test_accessibility import audit
from .test_two_tabs import download_pdf_for

pytestmark = pytest.mark.django_db(transaction=True)

HAWAII_FIGURES = ["$20,000", "$250,000", "$5,000", "$15,000", "$2,496", "$12,504"]
FEDERAL_AGI_FIGURES = ["$5,200", "$14,800", "$2,796", "$12,004"]
LIMIT_LINE = "Less the overall limit on itemized deductions (Total Itemized Deductions Worksheet"


def test_a_preparers_hawaii_2022_client_on_a_phone(new_page):
    page = new_page(viewport=PHONE)
    start(page)
    choose(page, "Traditional IRA")
    choose(page, "No, it is my own IRA")
    choose(page, PAID_OUT)
    choose(page, "Yes")
    fill(page, "2022")
    select(page, "Hawaii")
    fill(page, "30,000")  # basis: last Form 8606, line 14
    fill(page, "10,000")  # received: box 1 of the Forms 1099-R
    fill(page, "260,000")  # federal AGI
    assert heading(page) == "What was your Hawaii adjusted gross income for 2022?"
    assert "Form N-11, line 20" in page.get_by_role("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    audit(page, "the Hawaii AGI question")
    fill(page, "250,000")
    choose(page, "Single")
    fill(page, "")  # age is optional
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(RESULT)

    text = page.get_by_role("main").inner_text()
    for figure in HAWAII_FIGURES:
        assert figure in text, figure
    for figure in FEDERAL_AGI_FIGURES:
        assert figure not in text, figure
    assert LIMIT_LINE in text
    # The worksheet's rows, each label (then its note, if any) and its amount, in the form's order.
    rows = [
        ("Adjusted gross income (AGI)", "$250,000"),
        ("The floor: 2% of AGI", "$5,000"),
        ("Loss above the floor", "$15,000"),
        (LIMIT_LINE + ", line 10)", "−\u2060$2,496"),  # a minus joined to the figure
        ("Counts on your Hawaii return", "$12,504"),
    ]
    found = [
        re.search(re.escape(label) + r"\s+(?:.+\n\s*)?" + re.escape(amount), text)
        for label, amount in rows
    ]
    assert all(found), [row for row, match in zip(rows, found, strict=True) if not match]
    starts = [match.start() for match in found if match]
    assert starts == sorted(starts)
    assert "used in place of your Hawaii AGI" not in text  # the Hawaii figure was given
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    audit(page, "the Hawaii preparer's result")
    shoot(page, "hawaii-preparer-result")

    pdf = download_pdf_for(page, "Client HI-2022")
    assert "Client HI-2022" in pdf and "Hawaii" in pdf and "2022" in pdf
    for figure in HAWAII_FIGURES:
        assert figure in pdf, figure
    for figure in FEDERAL_AGI_FIGURES:
        assert figure not in pdf, figure
    assert "overall limit on itemized deductions" in pdf
