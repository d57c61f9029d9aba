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

from interview import pdf as pdf_module

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
    # 2026, permanent: Pub. L. 119-21 §70110; the "returns in 2026" myth is answered.
    pytest.param(
        {"tax_year": 2026},
        ["permanently disallows", "119-21", "comes back in 2026"],
        id="2026-repealed-myth-answered",
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
    cache.clear()
    second = pdf_of(api, tax_year=2016, agi="50000")
    assert first == second


def test_a_repeat_is_served_from_the_cache_without_rendering(api, monkeypatch):
    first = pdf_of(api, tax_year=2020)

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(pdf_module, "_render", must_not_render)
    assert pdf_of(api, tax_year=2020) == first


def test_a_preparer_copy_is_never_cached(api, monkeypatch):
    pdf_of(api, tax_year=2020, preparer={"client": "A"})
    calls = []
    real = pdf_module._render
    monkeypatch.setattr(pdf_module, "_render", lambda *a: calls.append(1) or real(*a))
    pdf_of(api, tax_year=2020, preparer={"client": "A"})
    assert calls == [1]


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
