"""Retirement Loss Check's Django app, grouped by what each part does (README, "How a request
flows"): questions/ -> rules.determine() -> explanation/ -> the result page (views/), the PDF
(pdf/) and the JSON (api/); platform/ carries every request. tests/web/test_layout.py holds
the import directions.
"""
