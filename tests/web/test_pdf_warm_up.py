"""Each gunicorn worker loads WeasyPrint and the PDF fonts as it starts, so a worker's first PDF
is not the one that pays for them (about 0.6 s; make bench, pdf_served_first_ms)."""

from __future__ import annotations

import importlib

from interview.pdf import document as pdf_module


def test_the_shipped_gunicorn_config_loads_the_pdf_stylesheet_and_fonts_in_each_worker():
    config = importlib.import_module("config.gunicorn")
    pdf_module._stylesheet.cache_clear()
    config.post_worker_init(worker=None)
    assert pdf_module._stylesheet.cache_info().currsize == 1
