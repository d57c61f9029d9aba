"""The printed result page names the preparer's client without JavaScript (issue 20, item 12).

With scripts, session.js copies the typed name into the print-only stamp before printing. Without
them the preparer's form is the only way the name reaches the server, so the page it answers with
carries the name in that stamp. The name is in that one response only: never kept.
"""

from __future__ import annotations

import pytest

from .test_walk_findings import finished
from .wizard_helpers import answer, result_url

pytestmark = pytest.mark.django_db

NAME = "Kai Mahoe & Co"


def stamp(page: str) -> str:
    return page.split('<p class="print-stamp">')[1].split("</p>")[0]


def test_the_preparer_form_offers_the_page_for_printing_without_scripts(client):
    page = finished(client).content.decode()
    form = page.split('<details class="preparer">')[1].split("</form>")[0]
    assert 'name="show" value="page"' in form
    # The stamp of a page nobody typed a name on names nobody.
    assert "Prepared for" not in stamp(page).split('data-label="Prepared for"')[1]


def test_the_page_for_printing_carries_the_client_name_in_its_stamp(client):
    finished(client)
    shown = client.post(result_url(client, pdf=True), {"client": NAME, "show": "page"})
    assert shown.status_code == 200
    assert shown["Content-Type"].startswith("text/html")
    assert shown["Cache-Control"] == "no-store"
    page = shown.content.decode()
    assert "Prepared for: Kai Mahoe &amp; Co" in stamp(page)  # escaped, once
    assert 'value="Kai Mahoe &amp; Co"' in page  # still typed, for the PDF button
    # Not kept: the next look at the result names nobody.
    assert "Kai Mahoe" not in client.get(result_url(client)).content.decode()
    assert not any("Kai Mahoe" in str(value) for value in client.session.values())


def test_the_download_button_still_gives_the_pdf(client):
    finished(client)
    posted = client.post(result_url(client, pdf=True), {"client": NAME})
    assert posted["Content-Type"] == "application/pdf"


def test_a_refused_detail_keeps_a_good_client_name_in_the_stamp(client):
    finished(client)
    refused = client.post(
        result_url(client, pdf=True), {"client": NAME, "note": "x" * 5000, "show": "page"}
    )
    assert refused.status_code == 400
    assert "Prepared for: Kai Mahoe &amp; Co" in stamp(refused.content.decode())


def test_a_page_held_for_a_waiting_change_names_the_client_too(client):
    finished(client)
    answer(client, "basis", "30,000")  # changed, not confirmed: the page says so first
    held = client.post(result_url(client, pdf=True), {"client": NAME, "show": "page"})
    assert held.status_code == 409
    page = held.content.decode()
    assert "A changed answer is waiting" in page
    assert "Prepared for: Kai Mahoe &amp; Co" in stamp(page)


def test_the_page_for_printing_says_on_screen_that_the_name_is_on_it(client):
    finished(client)
    page = client.post(result_url(client, pdf=True), {"client": NAME, "show": "page"})
    page = page.content.decode()
    assert '<details class="preparer" open>' in page
    assert "“Kai Mahoe &amp; Co” is now on this page when you print it" in page
