"""En español (issue 22): the language from Accept-Language, the switch on every page, the API and
the PDF in Spanish with the same codes and figures, and amounts written the Spanish way.

The Spanish words come from the catalogs (locale/, rules/law/locale/); these tests check that the
product asks for them, never the words themselves.
"""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from django.utils import translation
from pypdf import PdfReader

from interview.questions.fields import parse_money

from .test_wizard import ROTH_2016
from .wizard_helpers import answer, start, step_url, walk

pytestmark = pytest.mark.django_db

TITLE = "Can I claim a loss on my 401(k) or IRA?"
FORMAT = "Write the amount with a dot before the cents and commas between thousands, like 18,000.50"
NEW_YORK = {
    "account_type": "traditional_ira",
    "tax_year": 2023,
    "state": "NY",
    "basis": "20000",
    "fully_liquidated": True,
    "total_distributions": "12000",
    "agi": "90000",
    "filing_status": "single",
}


def spanish(text: str) -> str:
    with translation.override("es"):
        return translation.gettext(text)


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)">', response.content.decode())[1]


def switch(response) -> str:
    return re.search(r'<form class="language-switch".*?</form>', response.content.decode(), re.S)[0]


@pytest.mark.parametrize("header", ["es", "es-US", "es-MX,es;q=0.9,en;q=0.8"])
def test_a_browser_asking_for_spanish_gets_the_page_in_spanish(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert html_lang(response) == "es"
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    assert spanish(TITLE) != TITLE  # the catalog has it
    assert f"<h1>{spanish(TITLE)}</h1>" in response.content.decode()
    # The way back, named in English and marked as English.
    assert 'name="language" value="en" lang="en">English</button>' in switch(response)


def test_an_english_browser_gets_english_and_the_switch_to_spanish(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert html_lang(response) == "en"
    assert f"<h1>{TITLE}</h1>" in response.content.decode()
    assert 'name="language" value="es" lang="es">Español</button>' in switch(response)


def test_the_switch_keeps_the_journey_and_its_answers_and_is_remembered(client):
    start(client)
    assert answer(client, "account_type", "traditional_ira").status_code == 302
    browser = Client(enforce_csrf_checks=True)  # the same browser; the form carries its token
    browser.cookies, browser.journey = client.cookies, client.journey
    page = browser.get(step_url(browser, "account_type"))
    form = switch(page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    here = re.search(r'name="next" value="([^"]+)"', form)[1]
    assert here == step_url(browser, "account_type")  # the journey's own address, no prefix

    moved = browser.post(
        "/language/", {"csrfmiddlewaretoken": token, "language": "es", "next": here}
    )
    assert moved.status_code == 302 and moved["Location"] == here
    cookie = moved.cookies["django_language"]
    assert cookie.value == "es" and cookie["samesite"] == "Lax" and cookie["httponly"] is True
    assert int(cookie["max-age"]) >= 365 * 24 * 3600 - 1

    again = browser.get(here)  # no Accept-Language: the cookie says Spanish
    assert html_lang(again) == "es"
    assert re.search(r'value="traditional_ira"[^>]*checked', again.content.decode())
    assert browser.get(step_url(browser, "inherited")).status_code == 200  # still the next step


def test_the_switch_takes_only_a_post():
    assert Client().get("/language/?language=es&next=/").status_code == 405


def test_the_api_in_spanish_keeps_every_code_key_and_figure(api):
    english = api(NEW_YORK, HTTP_ACCEPT_LANGUAGE="en")
    answer_es = api(NEW_YORK, HTTP_ACCEPT_LANGUAGE="es")
    assert english.status_code == answer_es.status_code == 200
    assert answer_es["Content-Language"] == "es" and english["Content-Language"] == "en"
    assert "Accept-Language" in answer_es["Vary"]
    en, es = english.json(), answer_es.json()
    assert_same_but_words(en, es, "")
    assert es["federal"]["headline"] != en["federal"]["headline"]
    assert es["federal"]["headline"] == spanish(
        "No. You have a loss of %(loss)s, but for %(year)s federal law does not allow this "
        "deduction (suspended for 2018–2025)."
    ) % {"loss": "$8,000", "year": 2023}


def assert_same_but_words(en: object, es: object, where: str) -> None:
    """Equal JSON but for sentences: a string with a space may differ, unless it is a citation."""
    assert type(en) is type(es), where
    if isinstance(en, dict):
        assert list(en) == list(es), where
        for key in en:
            assert_same_but_words(en[key], es[key], f"{where}.{key}")
    elif isinstance(en, list):
        assert len(en) == len(es), where
        for i, (a, b) in enumerate(zip(en, es, strict=True)):
            assert_same_but_words(a, b, f"{where}[{i}]")
    elif (
        isinstance(en, str) and " " in en and where.rsplit(".", 1)[-1] not in {"title", "pinpoint"}
    ):
        return
    else:
        assert en == es, where


def test_the_pdf_in_spanish_says_so_and_has_a_spanish_name(api):
    response = api(NEW_YORK, "/api/v1/summary.pdf", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200 and response["Content-Language"] == "es"
    with translation.override("es"):
        name = translation.pgettext("PDF file name", "retirement-loss-check")
    assert name != "retirement-loss-check"
    assert f'filename="{name}-2023-NY.pdf"' in response["Content-Disposition"]
    assert PdfReader(io.BytesIO(response.content)).trailer["/Root"]["/Lang"] == "es"


@pytest.mark.parametrize("typed", ["18.000,50", "18000,50", "$18.000", "18.000.000,5"])
def test_an_amount_written_the_spanish_way_gets_the_format_shown(client, typed):
    with pytest.raises(Exception, match=re.escape(FORMAT)):
        parse_money(typed)
    walk(client, ROTH_2016[:6])
    page = answer(client, "basis", typed).content.decode()
    assert "18,000.50" in page and FORMAT.split(",")[0] in page
    client.cookies["django_language"] = "es"
    page_es = answer(client, "basis", typed).content.decode()
    assert spanish(FORMAT) != FORMAT and spanish(FORMAT) in page_es


def test_the_api_refuses_a_spanish_amount_with_the_format_and_its_usual_code(api):
    refused = api({**NEW_YORK, "basis": "18.000,50"}, HTTP_ACCEPT_LANGUAGE="es").json()
    assert refused["codes"]["basis"] == ["invalid"]
    assert refused["errors"]["basis"] == [spanish(FORMAT)]


def test_the_openapi_document_is_one_language_whatever_the_browser_asks(client):
    # Its fixed words are English; the fields' help followed Accept-Language and mixed the two.
    english = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="en").json()
    spanish = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.json() == english
    assert spanish["Content-Language"] == "en"
