"""The browser walk's findings on the interview pages (issue 20, items 9, 11, 12, 13, 14, 15),
through Django's test client."""

from __future__ import annotations

import re

import pytest

from .test_wizard import ROTH_2016
from .wizard_helpers import PREFIX, answer, confirm, result_url, step_url, walk

pytestmark = pytest.mark.django_db


def finished(client):
    walk(client, ROTH_2016)
    return confirm(client)


# ---- item 9: a refused answer is never a POST's page -----------------------------------------


def test_a_refused_answer_redirects_to_its_question_which_shows_it_with_the_error(client):
    walk(client, ROTH_2016[:6])
    data = {f"{PREFIX}-current_step": "basis", "basis-basis": "twenty grand"}
    refused = client.post(step_url(client, "basis"), data)
    # A 303 to the question's own URL: Back and reload then repeat a GET, not the POST.
    assert refused.status_code == 303
    assert refused["Location"] == step_url(client, "basis")
    for _visit in range(2):  # the redirect's GET, then a reload (or Back, Forward)
        page = client.get(step_url(client, "basis")).content.decode()
        assert 'value="twenty grand"' in page
        assert "Enter an amount in dollars using digits" in page
        assert "<title>Error:" in page
    # Corrected: the next GET shows the corrected answer and no error.
    assert answer(client, "basis", "20,000").status_code == 302
    page = client.get(step_url(client, "basis")).content.decode()
    assert 'value="20,000"' in page and "<title>Error:" not in page
    # Earlier answers were never lost.
    assert 'value="2016"' in client.get(step_url(client, "tax_year")).content.decode()


def test_a_refused_answer_is_kept_bounded_and_only_for_its_own_step(client):
    walk(client, ROTH_2016[:6])
    data = {
        f"{PREFIX}-current_step": "basis",
        "basis-basis": "9" * 5000,
        "padding": "x" * 5000,
    }
    client.post(step_url(client, "basis"), data)
    kept = {k: v for k, v in client.session.items() if k.endswith(".draft")}
    assert len(kept) == 1
    (draft,) = kept.values()
    assert draft["step"] == "basis" and draft["data"]["basis-basis"] == ["9" * 64]
    assert "padding" not in draft["data"]  # the form's own fields only
    # Another step's page shows its own stored answer, not the refused one.
    assert "<title>Error:" not in client.get(step_url(client, "state")).content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "5" + " " * 70 + "x",  # kept cut to "5" and spaces, which alone would read as $5
        "\x1c",  # dropped by strip(), which alone would read as a blank
    ],
    ids=["cut-to-a-valid-amount", "control-character"],
)
def test_a_refused_answer_stays_refused_when_what_is_kept_would_pass(client, typed):
    walk(client, ROTH_2016[:8])  # up to AGI, which may be left blank
    data = {f"{PREFIX}-current_step": "agi", "agi-agi": typed}
    assert client.post(step_url(client, "agi"), data).status_code == 303
    for _visit in range(2):
        assert "There is a problem" in client.get(step_url(client, "agi")).content.decode()


# ---- item 11: a changed answer waiting on "Check your answers" ------------------------------


def test_the_result_and_the_pdf_say_when_a_changed_answer_waits(client):
    finished(client)
    page = client.get(result_url(client)).content.decode()
    assert "A changed answer is waiting" not in page
    # "Change" in another tab: the basis changes, the check page is not sent.
    answer(client, "basis", "30,000")
    page = client.get(result_url(client)).content.decode()
    assert "A changed answer is waiting" in page
    assert f'href="{step_url(client, "check")}"' in page
    assert "?as_confirmed=1" in page
    # The PDF link of a page loaded before the change: the page again, saying so.
    held = client.get(result_url(client, pdf=True))
    assert held.status_code == 409
    assert held["Content-Type"].startswith("text/html")
    assert "A changed answer is waiting" in held.content.decode()
    # The person chose the PDF of the confirmed answers knowingly: it is made.
    chosen = client.get(result_url(client, pdf=True) + "?as_confirmed=1")
    assert chosen["Content-Type"] == "application/pdf"
    # The preparer's form too; what was typed is kept for the second try.
    posted = client.post(result_url(client, pdf=True), {"client": "Client A"})
    assert posted.status_code == 409 and 'value="Client A"' in posted.content.decode()
    assert 'name="as_confirmed" value="1"' in posted.content.decode()
    # Confirmed: nothing waits any more.
    confirm(client)
    assert "A changed answer is waiting" not in client.get(result_url(client)).content.decode()
    assert client.get(result_url(client, pdf=True))["Content-Type"] == "application/pdf"


def test_an_answer_changed_back_leaves_nothing_waiting(client):
    finished(client)
    answer(client, "basis", "30,000")
    answer(client, "basis", "$20,000")
    assert "A changed answer is waiting" not in client.get(result_url(client)).content.decode()


# ---- item 12: the printed page carries the PDF's stamp ---------------------------------------


def test_the_result_page_has_a_print_stamp_outside_the_unprinted_downloads(client):
    page = finished(client).content.decode()
    stamp = page.split('<p class="print-stamp">')[1].split("</p>")[0]
    assert re.search(r"check code [0-9A-Z-]+", stamp)
    assert "rules " in stamp and re.search(r"\d{4}-\d{2}-\d{2}", stamp)
    assert 'id="print-client"' in stamp
    assert page.index('class="print-stamp"') < page.index('class="downloads no-print"')


# ---- item 13: what to do next before the myths -----------------------------------------------


def test_what_to_do_next_comes_before_the_common_misunderstandings(client):
    page = finished(client).content.decode()
    assert "Common misunderstandings" in page
    assert page.index("What to do next") < page.index("Common misunderstandings")


# ---- item 14: going back keeps later answered sections complete ------------------------------


def sections(page: str) -> dict[str, str]:
    found = re.findall(
        r'usa-step-indicator__segment(?:--(\w+))?"[^>]*>\s*<span class="usa-step-indicator__'
        r'segment-label">([^<]+)',
        page,
    )
    return {name.strip(): state for state, name in found}


SECTION_NAMES = ("Your account", "Year and state", "Amounts", "Check your answers")


@pytest.mark.parametrize(
    ("answered", "states"),
    [
        # Everything answered, back at the first question: later sections stay complete.
        (len(ROTH_2016), ("current", "complete", "complete", "")),
        # Part way: sections not yet answered stay "to come".
        (5, ("current", "", "", "")),
    ],
)
def test_an_earlier_question_keeps_later_answered_sections_complete(client, answered, states):
    walk(client, ROTH_2016[:answered])
    page = client.get(step_url(client, "account_type")).content.decode()
    assert sections(page) == dict(zip(SECTION_NAMES, states, strict=True))


# ---- item 15: plural forms -------------------------------------------------------------------


def test_one_minute_is_said_in_the_singular(client, settings):
    settings.SESSION_COOKIE_AGE = 60
    page = client.get("/").content.decode()
    assert "deleted after 1 minute without activity" in page
    assert "1 minutes" not in page
    assert "About 1 minute is left." in page  # the warning, 30 seconds before the end
    assert "1 minutes" not in client.get("/session-ended/").content.decode()
    settings.SESSION_COOKIE_AGE = 1800
    page = client.get("/").content.decode()
    assert "deleted after 30 minutes without" in page and "About 5 minutes are left." in page
