"""The JSON API's own parts: request forms and body checking, the answer as JSON, the documented
examples and the OpenAPI document, all generated from the same forms so they cannot disagree.

The views in interview/views/api.py parse with body.py and forms.py, determine, present
(interview.explanation) and answer with serialize.py. Imports explanation, questions, rules and
interview.formatting; never pdf, platform or views.
"""
