"""The PDF summary: content for six determinations, preparer fields, hostile input, repeats."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from interview.pdf import document as pdf_module
from interview.questions.preparer import PreparerForm

PAGES = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf-pages"
BASE = {
    "account_type": "roth_ira",
    "state": "TX",
    "basis": "20000",
    "fully_liquidated": True,
    "total_distributions": "18000",
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def pdf_of(api, **changes) -> bytes:
    response = api({**BASE, **changes}, path="/api/v1/summary.pdf")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return response.content


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


SIX = [
    # 2016, allowed: 20,000 − 18,000 = 2,000; floor 2% × 50,000 = 1,000; 1,000 left (IRC §67(a)).
    pytest.param(
        {"tax_year": 2016, "agi": "50000"},
        ["Yes, for 2016", "$2,000", "$1,000", "67(a)", "Texas had no income tax"],
        id="2016-allowed-texas",
    ),
    # 2020, suspended by IRC §67(g).
    pytest.param(
        {"tax_year": 2020},
        ["does not allow this deduction", "67(g)", "$2,000"],
        id="2020-suspended",
    ),
    # 2026, permanent: Pub. L. 119-21 §70110 (the "returns in 2026" myth is answered on the
    # result page; the PDF keeps to answer, amounts and why: test_pdf.py).
    pytest.param(
        {"tax_year": 2026},
        ["permanently disallows", "119-21", "70110"],
        id="2026-repealed",
    ),
    # New York allows it 2018 on (Tax Law §615(a)); the state line is named.
    pytest.param(
        {"tax_year": 2020, "state": "NY"},
        ["New York: yes", "IT-196", "615(a)"],
        id="2020-new-york-allows",
    ),
    # Florida: no income tax.
    pytest.param(
        {"tax_year": 2020, "state": "FL"},
        ["Florida had no income tax"],
        id="2020-florida-no-income-tax",
    ),
    # Brokerage contrast: 20,000 − 12,000 = 8,000; 3,000 this year; 5,000 carried forward.
    pytest.param(
        {"tax_year": 2020, "account_type": "taxable_brokerage", "total_distributions": "12000"},
        ["capital loss", "$8,000", "$3,000", "$5,000", "1211(b)"],
        id="brokerage-capital-loss",
    ),
]


@pytest.mark.parametrize(("changes", "phrases"), SIX)
def test_the_pdf_states_outcome_amounts_citations_answers_and_stamp(api, changes, phrases):
    body = api({**BASE, **changes}).json()
    text = text_of(pdf_of(api, **changes))
    for phrase in phrases:
        assert phrase in text, phrase
    assert body["federal"]["headline"][:60] in text
    assert body["rules_version"] in text
    assert re.search(r"check code [0-9A-F]{5}-[0-9A-F]{5}", text)
    assert re.search(r"Page 1 of \d", text)
    assert "not tax advice" in text
    assert "Your answers" in text and str(changes["tax_year"]) in text


def test_a_preparer_copy_prints_the_preparer_fields(api):
    preparer = {
        "client": "Client 0427",
        "preparer_name": "Dana Ruiz",
        "firm": "Ruiz & Co. CPAs",
        "note": "Closed all Roth IRAs in December.",
    }
    text = text_of(pdf_of(api, tax_year=2016, preparer=preparer))
    for value in preparer.values():
        assert value in text


def test_preparer_fields_over_the_limit_are_refused(api):
    response = api(
        {**BASE, "tax_year": 2016, "preparer": {"note": "x" * 1001}}, path="/api/v1/summary.pdf"
    )
    assert response.status_code == 400
    assert "preparer.note" in response.json()["errors"]


HOSTILE = [
    pytest.param('<img src="file:///etc/passwd">', id="img-file-url"),
    pytest.param('<link rel="stylesheet" href="file:///etc/passwd">', id="stylesheet-file-url"),
    pytest.param('<img src="http://127.0.0.1:9/steal.png">', id="img-loopback-http"),
    pytest.param(
        '<a href="http://127.0.0.1:9/">click</a><iframe src="http://127.0.0.1:9/">',
        id="link-and-iframe-loopback",
    ),
    pytest.param('<img src="data:image/svg+xml;base64,PHN2Zy8+">', id="data-url"),
    pytest.param("<style>@import url(file:///etc/passwd);</style>", id="css-import"),
]


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_preparer_text_is_printed_literally_and_fetches_nothing(api, monkeypatch, note):
    fetched: list[str] = []
    real = pdf_module._static_only_fetcher

    def spying_fetcher():
        fetcher = real()
        original = fetcher.fetch

        def fetch(url, headers=None):
            fetched.append(url)
            return original(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(pdf_module, "_static_only_fetcher", spying_fetcher)
    text = text_of(pdf_of(api, tax_year=2016, preparer={"note": note}))
    assert note.split(">")[0][:15] in text  # the markup is shown as text
    static = Path(pdf_module.STATIC_ROOTS[0]).as_uri()
    assert all(url.startswith(static) for url in fetched), fetched


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/",
        "https://example.org/font.woff2",
        "data:text/plain,hello",
        "ftp://127.0.0.1/x",
    ],
)
def test_the_fetcher_refuses_everything_outside_static(url):
    with pytest.raises((pdf_module.FetchRefused, ValueError)):
        pdf_module._static_only_fetcher().fetch(url)


def test_the_fetcher_refuses_a_path_that_climbs_out_of_static():
    climbing = pdf_module.STATIC_ROOTS[0].as_uri() + "/../config/settings.py"
    with pytest.raises(pdf_module.FetchRefused):
        pdf_module._static_only_fetcher().fetch(climbing)


def test_the_same_answers_twice_give_the_same_bytes(api, monkeypatch):
    first = pdf_of(api, tax_year=2016, agi="50000")
    second = pdf_of(api, tax_year=2016, agi="50000")  # rendered again: the API keeps no copy
    assert first == second


# What is kept between requests, and for how long: test_pdf_cache.py.


def test_the_pdf_is_tagged_titled_and_embeds_public_sans(api):
    content = pdf_of(api, tax_year=2016, agi="50000")
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("en")
    assert reader.metadata.title == "Retirement account loss: tax year 2016, Texas"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Public-Sans" in f for f in fonts), fonts
    assert reader.pages[0].mediabox.width == 612 and reader.pages[0].mediabox.height == 792


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs Debian's poppler-utils")
def test_page_images_for_a_person_to_look_at(api):
    PAGES.mkdir(parents=True, exist_ok=True)
    for name, changes in {
        "allowed-2016": {"tax_year": 2016, "agi": "50000", "state": "NY"},
        "preparer-2026": {
            "tax_year": 2026,
            "preparer": {"client": "Client 0427", "firm": "Ruiz & Co."},
        },
    }.items():
        path = PAGES / f"{name}.pdf"
        path.write_bytes(pdf_of(api, **changes))
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(path), str(PAGES / name)], check=True)
        assert list(PAGES.glob(f"{name}-*.png"))


def runs_of(content: bytes, needle: str) -> list[tuple[str, list[float], list[float], float]]:
    """Each piece of text on page 1 containing `needle`, with its matrices and font size."""
    runs = []

    def visit(text, cm, tm, font, size):
        if needle in text:
            runs.append((text, cm, tm, size))

    PdfReader(io.BytesIO(content)).pages[0].extract_text(visitor_text=visit)
    return runs


BIDI_AND_CONTROLS = [
    pytest.param("\u202e", id="right-to-left-override"),
    pytest.param("\u202d", id="left-to-right-override"),
    pytest.param("\u202b", id="right-to-left-embedding"),
    pytest.param("\u2067", id="right-to-left-isolate"),
    pytest.param("\u2068", id="first-strong-isolate"),
    pytest.param("\u200f", id="right-to-left-mark"),
    pytest.param("\u061c", id="arabic-letter-mark"),
    pytest.param("\x07", id="bell"),
    pytest.param("\x1b", id="escape"),
    pytest.param("\x7f", id="delete"),
    pytest.param("\x85", id="next-line-c1"),
]


@pytest.mark.parametrize("control", BIDI_AND_CONTROLS)
def test_bidi_and_control_characters_in_preparer_text_print_in_logical_order(api, control):
    # Found by the probe: "evil\u202Eexe.txt" printed as "eviltxt.exe"; a bell printed as a box.
    preparer = {"client": f"evil{control}exe.txt", "note": f"Line one{control}\nline two"}
    text = text_of(pdf_of(api, tax_year=2016, preparer=preparer))
    assert "evilexe.txt" in text
    assert "Line one line two" in text
    assert control not in text


def test_a_300_character_word_wraps_within_the_page(api):
    from fontTools.ttLib import TTFont

    word = "x" * 300
    content = pdf_of(api, tax_year=2016, preparer={"note": word, "firm": word[:200]})
    runs = runs_of(content, "xxxxx")
    assert "".join(r[0] for r in runs) == word[:200] + word
    assert len(runs) >= 4  # neither fits on one line
    font = TTFont(
        pdf_module.STATIC_ROOTS[0] / "fonts/public-sans/public-sans-latin-400-normal.woff2"
    )
    advance = font["hmtx"][font.getBestCmap()[ord("x")]][0] / font["head"].unitsPerEm
    page_width = float(PdfReader(io.BytesIO(content)).pages[0].mediabox.width)
    right_margin = 0.75 * 72
    for text, cm, tm, size in runs:
        right_edge = cm[0] * (tm[4] + len(text) * size * advance)  # in points
        assert right_edge <= page_width - right_margin + 1, (len(text), right_edge)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        pytest.param("evil\u202eexe.txt", "evilexe.txt", id="override-removed"),
        pytest.param("שלום עולם", "שלום עולם", id="hebrew-kept"),
        pytest.param("مرحبا\u061c 2016", "مرحبا 2016", id="arabic-kept-mark-removed"),
        pytest.param("a\tb\r\nc\rd", "a\tb\nc\nd", id="tabs-and-line-breaks-kept"),
        pytest.param("Zoë’s café 👩\u200d💻", "Zoë’s café 👩\u200d💻", id="joiner-kept"),
        pytest.param("bell\x07\x00\x1b[31m", "bell[31m", id="controls-removed"),
    ],
)
def test_printed_text_loses_only_reordering_and_control_characters(typed, printed):
    from interview.questions.text import printable

    assert printable(typed) == printed


def test_the_pages_preparer_form_refuses_a_lone_surrogate_with_a_message():
    form = PreparerForm({"client": "Client \ud800", "note": "fine"})
    assert form.is_valid() is False
    assert "cannot be printed" in form.errors["client"][0]


@pytest.mark.django_db
def test_the_pdf_states_the_assumption_made_after_i_am_not_sure(client):
    """Issue 12, bug 3: the page's "we assumed none" box is in the PDF too."""
    from .wizard_helpers import confirm, result_url, walk

    walk(
        client,
        [
            ("account_type", "roth_401k"),
            ("fully_liquidated", "not_sure"),
            ("has_basis", "not_sure"),
            ("tax_year", "2020"),
            ("state", "TX"),
        ],
    )
    page = confirm(client).content.decode()
    assert "we assumed none" in page
    pdf = client.get(result_url(client, pdf=True))
    assert pdf.status_code == 200
    words = " ".join(text_of(pdf.content).split())
    assert "we assumed none" in words
    assert "we assumed not" in words
