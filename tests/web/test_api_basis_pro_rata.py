"""basis_worksheet.earlier_years[].value_at_year_end (issue 20, item 4): a traditional IRA
withdrawal uses up basis in the Form 8606 share, worked by hand from its lines 6-13.

37,000 of basis put in 2014; 10,000 taken out in 2015 with 40,000 left at its end:
37,000 / 50,000 = 0.74, 7,400 used, 29,600 left; the last 20,000 paid out in 2016 loses 9,600.
"""

from __future__ import annotations

from .test_pdf import pdf_text

TRADITIONAL_2016 = {
    "account_type": "traditional_ira",
    "tax_year": 2016,
    "state": "TX",
    "fully_liquidated": True,
    "agi": 50000,
    "basis_worksheet": {
        "paid_out_in_year": 20000,
        "earlier_years": [
            {"year": 2014, "added": 37000},
            {"year": 2015, "taken_out": "10,000", "value_at_year_end": 40000},
        ],
    },
}


def test_the_year_end_value_shares_the_withdrawal_between_basis_and_taxable(api):
    body = api(TRADITIONAL_2016).json()
    worksheet = body["basis_worksheet"]
    year_2015 = worksheet["earlier_years"][1]
    assert year_2015["value_at_year_end"] == "40000.00"
    assert year_2015["basis_used"] == "7400.00" and year_2015["basis_after"] == "29600.00"
    assert "value_at_year_end" not in worksheet["earlier_years"][0]  # not sent, not echoed
    assert worksheet["basis_before_year"] == "29600.00"
    assert body["federal"]["loss"] == "9600.00"
    # 2% of 50,000 = 1,000: 8,600 above the 2016 floor.
    assert body["federal"]["deductible_after_floor"] == "8600.00"
    notes = [line["form_line"] for line in worksheet["lines"]]
    assert any(n and "= 0.740: $7,400 of the $10,000" in n for n in notes)
    echoed = body["answers"]["basis_worksheet"]["earlier_years"][1]
    assert echoed["value_at_year_end"] == "40000.00"


def test_without_the_value_what_was_taken_out_uses_up_basis_as_before(api):
    # Clients that sent the nontaxable part (lines 11 and 13) get the answer they got before.
    years = [{"year": 2014, "added": 37000}, {"year": 2015, "taken_out": 7400}]
    body = api(
        {**TRADITIONAL_2016, "basis_worksheet": {"paid_out_in_year": 20000, "earlier_years": years}}
    )
    assert body.json()["federal"]["loss"] == "9600.00"


def test_a_roth_ira_refuses_a_year_end_value(api):
    # A Roth payout uses up contributions first, whatever is left (Form 8606 Part III).
    response = api({**TRADITIONAL_2016, "account_type": "roth_ira"})
    assert response.status_code == 400
    assert "value_at_year_end is for traditional" in response.json()["errors"]["basis_worksheet"][0]


def test_the_openapi_documents_the_new_field(client):
    schema = client.get("/api/v1/openapi.json").json()
    text = str(schema)
    assert "value_at_year_end" in text and "Form 8606 line 6" in text


def test_the_pdf_says_the_share_too(api):
    response = api(TRADITIONAL_2016, path="/api/v1/summary.pdf")
    text = pdf_text(response.content)
    assert "$7,400 of the $10,000 was your own after-tax money" in text
    assert "$29,600" in text and "$9,600" in text
