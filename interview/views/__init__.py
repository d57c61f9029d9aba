"""Thin views: each parses the request, calls the package that does the work, and renders.

pages.py (the result page and its PDF), api.py (JSON), legacy.py (old addresses), law.py and
reference.py (the law data and the API reference), health.py (/healthz, /readyz). The question
pages are the wizard, interview.questions.wizard.
"""
