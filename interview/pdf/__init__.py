"""The PDF summary: a Presentation laid out for paper by WeasyPrint, and nothing else.

What goes on it is decided in interview.explanation (present()); whether a copy is kept between
requests is interview.platform.pdf_cache's business, asked by the view. Imports: explanation and
rules, never api, views or platform.
"""

from interview.pdf.document import file_name, fingerprint, pdf_response, render

__all__ = ["file_name", "fingerprint", "pdf_response", "render"]
