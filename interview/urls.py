from django.urls import path, re_path

from interview.questions.wizard import InterviewWizard
from interview.views import api, law, legacy, pages, reference

app_name = "interview"
JOURNEY = r"j/(?P<key>[^/]{1,100})/"

interview = InterviewWizard.as_view(url_name="interview:step", done_step_name="finished")

urlpatterns = [
    path("", pages.start, name="start"),
    path("new/", pages.new_journey, name="new"),
    # One journey per tab (journeys.py). Any key reaches the views, which send an unknown,
    # forgotten or tampered one to a page that says so, never to an error.
    re_path(rf"^{JOURNEY}questions/(?P<step>[a-z_]{{1,40}})/$", interview, name="step"),
    re_path(rf"^{JOURNEY}questions/$", interview, name="questions"),
    re_path(rf"^{JOURNEY}result/$", pages.result, name="result"),
    re_path(rf"^{JOURNEY}result/summary\.pdf$", pages.result_pdf, name="result_pdf"),
    re_path(rf"^{JOURNEY}help/after-tax-money/$", pages.help_basis, name="help_basis"),
    re_path(rf"^{JOURNEY}help/every-account-paid-out/$", pages.help_paid_out, name="help_paid_out"),
    path("check-ended/", pages.journey_ended, name="journey_ended"),
    # Before journeys: bookmarks and pages already open redirect into one (views/legacy.py).
    re_path(r"^questions/(?P<step>[a-z_]{1,40})/$", legacy.questions, name="old_step"),
    path("questions/", legacy.questions, name="old_questions"),
    path("result/", legacy.result, name="old_result"),
    path("result/summary.pdf", legacy.result_pdf, name="old_result_pdf"),
    path("delete-my-answers/", pages.delete_answers, name="delete"),
    path("session-ended/", pages.expired, name="expired"),
    path("session/extend/", pages.extend_session, name="extend"),
    path("help/after-tax-money/", pages.help_basis, name="old_help_basis"),
    path("help/every-account-paid-out/", pages.help_paid_out, name="old_help_paid_out"),
    path("api/v1/determinations", api.determinations, name="api_determinations"),
    path("api/v1/determinations/batch", api.batch, name="api_batch"),
    path("api/v1/summary.pdf", api.summary_pdf, name="api_summary_pdf"),
    path("api/", reference.reference, name="api_reference"),
    path("api/v1/openapi.json", reference.openapi_json, name="api_openapi"),
    path("api/v1/law", law.law_index, name="api_law"),
    # Any code reaches the view, so a wrong one gets the JSON 404 the API documents.
    re_path(r"^api/v1/law/(?P<code>.+)$", law.law_detail, name="api_law_detail"),
]
