"""A preparer with two clients in two tabs of one browser: each PDF matches its own tab (issue 12,
bug 1). Before journeys, tab A's download was headed with tab B's state and figures."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from .journey import RESULT, pre_tax_401k_cash_out, roth_ira_closed_below_basis_2016, start_again

pytestmark = pytest.mark.django_db(transaction=True)


def download_pdf_for(page, client: str) -> str:
    """Download the tab's PDF with the client's name on it; return the PDF's text."""
    page.get_by_text("For tax preparers: add client and preparer details to the PDF").click()
    page.get_by_label("Client name or reference").fill(client)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF with these details").click()
    reader = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_two_tabs_with_different_clients_each_download_their_own_pdf(new_page):
    tab_a = new_page()
    tab_b = tab_a.context.new_page()  # same browser, same cookies: a second tab
    roth_ira_closed_below_basis_2016(tab_a)  # client A: New York, 2016, a $2,000 loss
    tab_a.wait_for_url(RESULT)

    tab_b.goto("/")
    assert tab_b.get_by_role("button", name="Continue where you left off").is_visible()
    pre_tax_401k_cash_out(tab_b, begin=start_again)  # client B: Texas, 2020, no basis
    tab_b.wait_for_url(RESULT)

    # Tab A downloads after tab B finished, then B: each gets its own client's figures.
    pdf_a = download_pdf_for(tab_a, "Client A")
    pdf_b = download_pdf_for(tab_b, "Client B")
    assert "Client A" in pdf_a and "New York" in pdf_a and "2016" in pdf_a and "$2,000" in pdf_a
    assert "Texas" not in pdf_a and "Client B" not in pdf_a
    assert "Client B" in pdf_b and "Texas" in pdf_b and "2020" in pdf_b
    assert "New York" not in pdf_b and "Client A" not in pdf_b

    # Tab A still shows its own result after a reload: its session has not "ended".
    tab_a.reload()
    text = tab_a.get_by_role("main").inner_text()
    assert "Yes, for 2016" in text and "New York: yes" in text
