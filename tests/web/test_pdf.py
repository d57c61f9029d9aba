"""The PDF summary states the same outcome as the page and the API."""

from __future__ import annotations

import io

from pypdf import PdfReader

BODY = {
    "account_type": "roth_ira",
    "tax_year": 2016,
    "state": "TX",
    "basis": "20000",
    "fully_liquidated": True,
    "total_distributions": "18000",
    "agi": "50000",
}


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_api_pdf_is_a_pdf_stating_the_outcome(api):
    response = api(BODY, path="/api/v1/summary.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Yes, for 2016" in text
    assert "$2,000" in text and "$1,000" in text
    assert "67(a)" in text


def test_a_2020_pdf_says_not_deductible(api):
    text = pdf_text(api({**BODY, "tax_year": 2020}, path="/api/v1/summary.pdf").content)
    assert "does not allow this deduction" in text
    assert "67(g)" in text


def test_a_bad_body_gets_json_errors_not_a_pdf(api):
    response = api({**BODY, "basis": "-1"}, path="/api/v1/summary.pdf")
    assert response.status_code == 400
    assert "basis" in response.json()["errors"]
