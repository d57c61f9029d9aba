"""The PDF summary states the same outcome as the page and the API."""

from __future__ import annotations

import io
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from pypdf import PdfReader

from interview.explanation.explain import explain
from interview.explanation.presentation import present
from interview.pdf import document as pdf_module
from rules import AccountType, Answers, determine

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


# The PDF a preparer hands a client (issue 12, bug 6 and "The PDF a preparer hands a client").
# Page text is compared without whitespace: a line or a URL may wrap anywhere, but two things
# printed one after the other on one page stay one string, while a page break puts the running
# header and footer between them.

NY_2016 = {**BODY, "state": "NY"}  # Roth IRA: 20,000 basis, 18,000 received, AGI 50,000
CA_2020 = {k: v for k, v in BODY.items() if k != "agi"} | {"state": "CA", "tax_year": 2020}
PREPARER = {"client": "Client 0427", "preparer_name": "Dana Ruiz", "firm": "Ruiz & Co. CPAs"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def squeezed(text: str) -> str:
    return "".join(str(text).split())


def pages_of(content: bytes) -> list[str]:
    return [squeezed(page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages]


def explained(body: dict):
    agi = body.get("agi")
    d = determine(
        Answers(
            AccountType(body["account_type"]),
            body["tax_year"],
            body["state"],
            Decimal(body["basis"]),
            body["fully_liquidated"],
            Decimal(body["total_distributions"]),
            Decimal(agi) if agi else None,
        )
    )
    return d, explain(d)


def source_line(s) -> str:
    """A statement's citation line as printed: years, then each title, pinpoint and address."""
    cites = [
        c.title + (f", {c.pinpoint}" if c.pinpoint else "") + (f" {c.url}" if c.url else "")
        for c in s.citations
    ]
    return f"{s.years_label}. " + "; ".join(cites)


def on_one_page(pages: list[str], *parts: str) -> bool:
    return any(squeezed("".join(parts)) in page for page in pages)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(NY_2016, id="2016-roth-ira-new-york"),
        pytest.param(CA_2020, id="2020-roth-ira-california"),
    ],
)
def test_a_common_case_fits_on_two_pages_with_answer_amounts_why_and_answers(api, body):
    _d, e = explained(body)
    pages = pages_of(api(body, path="/api/v1/summary.pdf").content)
    assert len(pages) <= 2
    text = "".join(pages)
    for line in [*e.worksheet, *e.state_worksheet]:
        assert squeezed(line.label) in text
    for s in [*e.reasons, *e.state]:
        assert squeezed(s.text) in text
    assert squeezed("Your answers") in pages[-1]


def test_what_the_pdf_leaves_out_stays_on_the_result_page(api):
    d, e = explained(NY_2016)
    text = "".join(pages_of(api(NY_2016, path="/api/v1/summary.pdf").content))
    page = render_to_string("result.html", {"p": present(d), "key": "k"})
    for left_out in ["Common misunderstandings", "What to do next", "Records to keep"]:
        assert squeezed(left_out) not in text
        assert left_out in page
    assert e.myths and squeezed(e.myths[0].text) in squeezed(page)
    assert "<svg" in page  # the two pictures


@pytest.mark.parametrize("note_lines", range(0, 44, 4))
def test_page_breaks_never_split_what_belongs_together(api, note_lines):
    # A preparer's note of 0-40 lines slides every block across the first page break in turn.
    d, e = explained(NY_2016)
    note = "\n".join(f"Note line {i}" for i in range(note_lines))
    body = {**NY_2016, "preparer": {"note": note}} if note else NY_2016
    pages = pages_of(api(body, path="/api/v1/summary.pdf").content)
    # A statement with its citation line.
    for s in [*e.reasons, *e.state]:
        assert on_one_page(pages, s.text, source_line(s)), s.text[:40]
    # Each amounts table whole, with its heading.
    for heading, lines in [
        ("The amounts", e.worksheet),
        (f"The amounts for {d.state.name}", e.state_worksheet),
    ]:
        rows = [line.label + line.amount + line.note for line in lines]
        assert on_one_page(pages, heading, "Line Amount Where it comes from or goes", *rows)
    # A heading with the first statement under it.
    assert on_one_page(pages, f"Why: {d.state.name}", e.state[0].text)
    # Each question with its answer, and all the answers on the last page: it never holds only
    # a line or two.
    assert squeezed("Your answers") in pages[-1]
    for row in present(d).answer_rows:
        assert squeezed(f"{row.question}{row.answer}") in pages[-1], row.question


def link_targets(content: bytes) -> list[str]:
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(io.BytesIO(content)).pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object()["/Subtype"] == "/Link"
    ]


@pytest.mark.parametrize(
    "body", [pytest.param(NY_2016, id="2016-new-york"), pytest.param(CA_2020, id="2020-california")]
)
def test_every_citation_with_an_address_is_a_link_and_prints_its_address(api, body):
    _d, e = explained(body)
    content = api(body, path="/api/v1/summary.pdf").content
    cited = [c.url for s in [*e.reasons, *e.state] for c in s.citations if c.url]
    assert cited
    links = link_targets(content)  # a citation wrapped over two lines has one link per line
    assert set(links) == set(cited)
    assert all(links.count(url) >= cited.count(url) for url in cited)
    text = "".join(pages_of(content))
    for url in cited:
        assert url in text


def test_the_client_is_on_every_page_in_the_heading_and_in_the_file_name(api):
    body = {**NY_2016, "preparer": {**PREPARER, "note": "\n".join(["Closed in December."] * 30)}}
    response = api(body, path="/api/v1/summary.pdf")
    pages = pages_of(response.content)
    assert len(pages) >= 2
    for page in pages:
        assert squeezed("For Client 0427 · tax year 2016, NY") in page
    assert squeezed("Prepared by Dana Ruiz, Ruiz & Co. CPAs for Client 0427") in pages[0]
    disposition = response["Content-Disposition"]
    assert 'filename="retirement-loss-check-2016-NY-Client-0427.pdf"' in disposition
    assert "filename*=UTF-8''retirement-loss-check-2016-NY-Client-0427.pdf" in disposition


def test_without_a_client_the_file_is_named_by_year_and_state(api):
    response = api(CA_2020, path="/api/v1/summary.pdf")
    assert 'filename="retirement-loss-check-2020-CA.pdf"' in response["Content-Disposition"]
    assert "Prepared" not in "".join(pages_of(response.content))


def test_the_heading_names_whoever_is_given():
    d, _e = explained(NY_2016)
    for preparer, heading in [
        ({"firm": "Ruiz & Co."}, "Prepared by Ruiz & Co."),
        ({"client": "Client 0427"}, "Prepared for Client 0427"),
    ]:
        assert squeezed(heading) in "".join(pages_of(pdf_module.render(present(d), preparer)))


@pytest.mark.parametrize(
    ("client", "ascii_name", "unicode_name"),
    [
        pytest.param(
            'Zoë Ångström 王 "2025"',
            "retirement-loss-check-2016-NY-Zoe-Angstrom-2025.pdf",
            "retirement-loss-check-2016-NY-Zoë-Ångström-王-2025.pdf",
            id="letters-of-any-script",
        ),
        pytest.param(
            '../../etc/passwd"; filename=x.exe\r\nSet-Cookie: a=b',
            "retirement-loss-check-2016-NY-etc-passwd-filename-x-exe-Set-Cookie-a-b.pdf",
            "retirement-loss-check-2016-NY-etc-passwd-filename-x-exe-Set-Cookie-a-b.pdf",
            id="path-quote-and-header-injection",
        ),
        pytest.param(
            "王" * 5,
            "retirement-loss-check-2016-NY.pdf",
            "retirement-loss-check-2016-NY-王王王王王.pdf",
            id="nothing-ascii-left",
        ),
        pytest.param(
            "x" * 200,
            "retirement-loss-check-2016-NY-" + "x" * 40 + ".pdf",
            "retirement-loss-check-2016-NY-" + "x" * 40 + ".pdf",
            id="long-name-bounded",
        ),
    ],
)
def test_the_file_name_is_made_safe(client, ascii_name, unicode_name):
    d, _e = explained(NY_2016)
    assert pdf_module.file_name(d, client) == (ascii_name, unicode_name)
    response = pdf_module.pdf_response(present(d), b"%PDF-", {"client": client})
    disposition = response["Content-Disposition"]
    assert disposition.isascii() and "\r" not in disposition and "\n" not in disposition
    assert disposition.count('"') == 2
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == unicode_name


def test_every_page_footer_says_what_the_check_code_is(api):
    content = api({**NY_2016, "preparer": {"note": "x\n" * 40}}, path="/api/v1/summary.pdf").content
    pages = pages_of(content)
    assert len(pages) >= 2
    for page in pages:
        assert squeezed("same answers and rules, same code") in page
