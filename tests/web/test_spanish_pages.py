"""The product's own words in Spanish (issue 22): the pages' catalog (locale/es) is made by
Django's makemessages from every template and interview/ module, so an English string added
without its Spanish fails here; and the words that live outside a template sentence (the PDF's
page numbers and file name, a deadline's date, the timeline's labels, the bare 500 page) follow
the reader's language too. The law's own sentences have their catalog and tests
(test_law_catalog.py)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from pypdf import PdfReader

from interview.explanation.explain import explain
from interview.explanation.pictures import timeline
from interview.explanation.presentation import present
from interview.pdf import document as pdf_module
from interview.platform import errors

from .test_golden import fixed_day  # noqa: F401  (refund deadlines measured from a fixed day)
from .test_pdf import BODY, explained, pages_of

ROOT = Path(settings.BASE_DIR)
CATALOG = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
# What makemessages reads for the pages' catalog (the law's catalog is made by `law --messages`).
SOURCES = ("config", "deploy", "interview", "rules", "templates", "manage.py")


def msgids(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in po if not e.obsolete}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (make system-deps)")
def test_every_english_string_of_the_product_is_in_the_spanish_catalog(tmp_path):
    """makemessages run on a copy of the sources finds nothing the committed catalog lacks."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            ignored = shutil.ignore_patterns("__pycache__", "locale")
            shutil.copytree(source, tmp_path / name, ignore=ignored)
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale").mkdir()
    law_locale = ROOT / "rules" / "law" / "locale"
    shutil.copytree(law_locale, tmp_path / "rules" / "law" / "locale")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--ignore=rules/law/locale"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SECRET_KEY": "test-only-secret-key", "PATH": "/usr/bin:/bin"},
    )
    made = polib.pofile(str(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    missing = sorted(msgids(made) - msgids(polib.pofile(str(CATALOG))), key=str)
    assert missing == [], "run makemessages (README, Spanish) and translate: " + repr(missing)


def test_the_500_page_speaks_the_readers_language():
    request = RequestFactory().get("/j/x/result/")
    with translation.override("es"):
        page = errors.server_error(request).content.decode()
    assert '<html lang="es">' in page
    assert "Lo sentimos, algo salió mal" in page and "empiece de nuevo</a>" in page
    with translation.override("en"):
        assert "Sorry, something went wrong" in errors.server_error(request).content.decode()


NY_2016 = {**BODY, "state": "NY"}  # deductible in New York: a worksheet and a refund window


def test_the_spanish_pdf_is_numbered_named_and_tagged_in_spanish():
    d, _e = explained(NY_2016)
    with translation.override("es"):
        content = pdf_module.render(present(d))
        name = pdf_module.file_name(d)
    pages = pages_of(content)
    assert all(f"Página{i}de{len(pages)}" in page for i, page in enumerate(pages, 1))
    assert name == ("perdida-cuenta-jubilacion-2016-NY.pdf",) * 2
    assert pdf_language(content) == "es"
    english = pages_of(pdf_module.render(present(d)))
    assert f"Page1of{len(english)}" in english[0]
    assert pdf_module.file_name(d)[0] == "retirement-loss-check-2016-NY.pdf"


def pdf_language(content: bytes) -> str:
    """The document's language (PDF/UA: /Lang in the catalog), from <html lang>."""
    return str(PdfReader(io.BytesIO(content)).trailer["/Root"].get("/Lang"))


def test_a_deadline_and_the_timeline_are_written_the_spanish_way():
    d, _e = explained({**NY_2016, "tax_year": 2022})
    with translation.override("es"):
        words = " ".join(map(str, explain(d).next_steps))
        labels = [s.label for s in timeline(d).segments]
    assert re.search(r"alrededor del \d{1,2} de [a-z]+ de \d{4}", words), words
    assert labels == ["Deducible, límite del 2%", "Suspendida", "Prohibida para siempre"]
    english = " ".join(map(str, explain(d).next_steps))
    assert re.search(r"about [A-Z][a-z]+ \d{1,2}, \d{4}", english), english


def test_the_law_sentences_a_question_shows_go_through_the_law_catalog(monkeypatch):
    """The first-year question's "Roth IRAs began in 1998." and the California table's group
    headings are law statements: shown in the reader's language, never straight from the TOML."""
    from interview.questions import basis_years, california_basis

    def marked(text: str) -> str:
        return f"«{text}»"

    monkeypatch.setattr(basis_years, "gettext", marked)
    monkeypatch.setattr(california_basis, "gettext", marked)
    hint = str(
        basis_years.FirstYearForm(tax_year=2022, account_type="roth_ira")["ws_first_year"].help_text
    )
    assert hint.startswith("«Roth IRAs began in 1998.» ")
    groups = california_basis.CaliforniaYearsForm(tax_year=2022).groups()
    assert groups and all(str(g.heading).startswith("«") for g in groups)


@pytest.mark.django_db
def test_english_citations_on_a_spanish_page_are_marked_english(client):
    # WCAG 3.1.2 (language of parts): the law's titles and pinpoints stay in English.
    from .test_planner_flow import OPEN_ROTH_CA
    from .wizard_helpers import confirm, walk

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "es-US"
    walk(client, [*OPEN_ROTH_CA[:-1], ("plan_value", "")])
    page = confirm(client).content.decode()
    assert '<cite lang="en"' in page
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert '<cite lang="en"' not in confirm(client).content.decode()
