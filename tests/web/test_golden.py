"""Golden answers: what users and clients read must not change when the code is regrouped.

Saved before issue 19 moved interview/ into packages, compared byte for byte after: the JSON of
`POST /api/v1/determinations` for 48 varied bodies (every account group, the three federal
regimes, ten states, both worksheets, refusals), and the text of the result page and of the PDF
for five journeys walked through the questions. The day is fixed (refund windows, "generated
on"), so the files hold until the law files change; then `RLC_GOLDEN_WRITE=1 pytest
tests/web/test_golden.py` writes them again, and the diff is reviewed like any other change.
"""

from __future__ import annotations

import datetime
import io
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from .wizard_helpers import PREFIX, answer, start

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "golden"
WRITE = os.environ.get("RLC_GOLDEN_WRITE") == "1"
DAY = datetime.date(2026, 12, 3)

ACCOUNTS = [
    "traditional_401k",
    "roth_401k",
    "traditional_403b",
    "roth_403b",
    "governmental_457b",
    "roth_457b",
    "traditional_ira",
    "sep_ira",
    "simple_ira",
    "roth_ira",
    "taxable_brokerage",
]
STATES = ["CA", "NY", "PA", "NJ", "MA", "AL", "HI", "MT", "AR", "TX", "MN"]
YEARS = [2016, 2020, 2026]  # the 2% floor, the suspension, the permanent disallowance


def bodies() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for i, account in enumerate(ACCOUNTS):
        for j, year in enumerate(YEARS):
            found.append(
                {
                    "account_type": account,
                    "tax_year": year,
                    "state": STATES[(i + j) % len(STATES)],
                    "basis": "20000",
                    "fully_liquidated": True,
                    "total_distributions": "14000",
                    "agi": "60000",
                    "filing_status": ["single", "married_joint", "head_of_household"][j],
                    "age_at_distribution": 45 + i,
                }
            )
    found += [
        {
            "account_type": "traditional_ira",
            "tax_year": 2017,
            "state": "TX",
            "basis": "20000",
            "fully_liquidated": False,
        },
        {
            "account_type": "roth_ira",
            "tax_year": 2015,
            "state": "NY",
            "basis": "0",
            "fully_liquidated": True,
            "total_distributions": "5000",
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2012,
            "state": "CA",
            "basis": "8000",
            "fully_liquidated": True,
            "total_distributions": "9000",
            "agi": "70000",
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2019,
            "state": "PA",
            "basis": "30000",
            "state_basis": "36000",
            "fully_liquidated": True,
            "total_distributions": "20000",
            "agi": "80000",
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2022,
            "state": "HI",
            "basis": "30000",
            "fully_liquidated": True,
            "total_distributions": "10000",
            "agi": "260000",
            "state_agi": "250000",
            "filing_status": "single",
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2016,
            "state": "NY",
            "basis": "60000",
            "fully_liquidated": True,
            "total_distributions": "10000",
            "agi": "300000",
            "filing_status": "single",
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2017,
            "state": "TX",
            "inherited": True,
            "basis": "10000",
            "fully_liquidated": True,
            "total_distributions": "7000",
        },
        {
            "account_type": "roth_ira",
            "tax_year": 2016,
            "state": "TX",
            "rolled_over": True,
            "basis": "10000",
            "fully_liquidated": True,
            "total_distributions": "7000",
        },
        {
            "account_type": "roth_ira",
            "tax_year": 2016,
            "state": "TX",
            "fully_liquidated": True,
            "agi": 50000,
            "basis_worksheet": {
                "paid_out_in_year": 6500,
                "earlier_years": [
                    {"year": 2005, "added": 4000},
                    {"year": 2008, "taken_out": 6000},
                    {"year": 2010, "added": 5000},
                    {"year": 2012, "added": 5000, "taken_out": 1000},
                ],
            },
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2016,
            "state": "MN",
            "fully_liquidated": True,
            "basis_worksheet": {
                "basis_before_year": "12000",
                "after_tax_added_in_year": "2000",
                "paid_out_in_year": "9000",
                "converted_in_year": "1000",
            },
        },
        {
            "account_type": "traditional_ira",
            "tax_year": 2020,
            "state": "CA",
            "fully_liquidated": True,
            "basis": 10000,
            "total_distributions": 9000,
            "agi": 50000,
            "state_basis_worksheet": {
                "deductions_by_year": [
                    {"year": 1983, "federal": 2000, "state": 1500},
                    {"year": 1984, "federal": 2000},
                ],
                "recovered": 1000,
            },
        },
        # Refusals: their errors and codes are part of the contract too.
        {
            "account_type": "roth_ira",
            "tax_year": 2016,
            "state": "TX",
            "basis": "-5",
            "fully_liquidated": True,
            "total_distributions": "1",
        },
        {"account_type": "roth_ira", "tax_year": 1999, "state": "ZZ", "fully_liquidated": "yes"},
        {"agii": 1},
        {
            "account_type": "roth_ira",
            "tax_year": 2016,
            "state": "TX",
            "fully_liquidated": True,
            "basis": "1",
            "basis_worksheet": {"basis_before_year": "1"},
        },
    ]
    return found


def compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if WRITE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: RLC_GOLDEN_WRITE=1 writes it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the saved answer"


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    """Every 'today' the answers depend on is DAY (refund windows, the last tax year, the PDF's
    date)."""
    from django.utils import timezone

    import rules._model
    import rules._states

    class Day(datetime.date):
        @classmethod
        def today(cls) -> datetime.date:
            return DAY

    fixed = type("datetime_module", (), {"date": Day, "timedelta": datetime.timedelta})
    monkeypatch.setattr(rules._states, "datetime", fixed)
    monkeypatch.setattr(rules._model, "datetime", fixed)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: DAY)


def test_the_api_answers_as_saved(api):
    answers = []
    for body in bodies():
        response = api(body)
        answers.append({"body": body, "status": response.status_code, "answer": response.json()})
    assert len(answers) >= 40
    compare("determinations.json", json.dumps(answers, indent=1, ensure_ascii=False) + "\n")


class MainText(HTMLParser):
    """The words inside <main>, one block a line, as a reader meets them."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "tr", "caption", "summary", "div"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        elif self.depth and tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(" ".join(data.split()) + " " if data.strip() else "")

    def text(self) -> str:
        lines = ("".join(self.parts)).split("\n")
        return "\n".join(line.strip() for line in lines if line.strip()) + "\n"


JOURNEYS = {
    "roth-ira-2016-texas": {
        "account_type": "roth_ira",
        "inherited": "no",
        "fully_liquidated": "yes",
        "has_basis": "yes",
        "tax_year": "2016",
        "state": "TX",
        "basis": "20,000",
        "total_distributions": "18,000",
        "agi": "50,000",
        "age": "52",
    },
    "pre-tax-401k-2020-texas": {
        "account_type": "traditional_401k",
        "fully_liquidated": "yes",
        "has_basis": "no",
        "tax_year": "2020",
        "state": "TX",
    },
    "traditional-ira-2022-california": {
        "account_type": "traditional_ira",
        "inherited": "no",
        "fully_liquidated": "yes",
        "has_basis": "yes",
        "tax_year": "2022",
        "state": "CA",
        "basis": "30,000",
        "state_basis": "34,000",
        "total_distributions": "12,000",
        "agi": "90,000",
        "filing_status": "single",
        "age": "61",
    },
    "roth-401k-2026-new-york": {
        "account_type": "roth_401k",
        "fully_liquidated": "yes",
        "has_basis": "yes",
        "tax_year": "2026",
        "state": "NY",
        "basis": "40,000",
        "total_distributions": "31,000",
        "agi": "120,000",
        "filing_status": "married_joint",
        "age": "50",
    },
    "traditional-ira-still-open": {
        "account_type": "traditional_ira",
        "inherited": "no",
        "fully_liquidated": "no",
        "has_basis": "yes",
        "state": "CA",
        "basis": "30,000",
    },
}


def walk(client, answers: dict[str, str]) -> str:
    """Answer whatever the questions ask, from `answers` (blank where not given), then confirm;
    return the result page's address."""
    start(client)
    response = client.get(f"/j/{client.journey}/questions/")
    for _step in range(40):
        step = response["Location"].rstrip("/").split("/")[-1]
        if step == "check":
            break
        response = answer(client, step, answers.get(step, ""))
        assert response.status_code == 302, (step, response.content[:300])
    confirmed = client.post(response["Location"], {f"{PREFIX}-current_step": "check"})
    assert confirmed.status_code == 302, confirmed.status_code
    return confirmed["Location"]


@pytest.mark.parametrize("name", list(JOURNEYS))
def test_the_result_page_and_the_pdf_read_as_saved(client, name):
    page = client.get(walk(client, JOURNEYS[name]), follow=True)
    assert page.status_code == 200
    result = page.redirect_chain[-1][0] if page.redirect_chain else page.request["PATH_INFO"]
    assert result.endswith("/result/"), result
    parser = MainText()
    parser.feed(page.content.decode())
    compare(f"{name}.page.txt", parser.text())
    pdf = client.get(result + "summary.pdf")
    reader = PdfReader(io.BytesIO(pdf.content))
    text = "\n".join(" ".join((p.extract_text() or "").split()) for p in reader.pages) + "\n"
    compare(f"{name}.pdf.txt", text)
