from django.urls import path, re_path

from .views import api, law, pages, reference
from .wizard import InterviewWizard

app_name = "interview"

interview = InterviewWizard.as_view(url_name="interview:step", done_step_name="finished")

urlpatterns = [
    path("", pages.start, name="start"),
    re_path(r"^questions/(?P<step>[a-z_]{1,40})/$", interview, name="step"),
    path("questions/", interview, name="questions"),
    path("result/", pages.result, name="result"),
    path("result/summary.pdf", pages.result_pdf, name="result_pdf"),
    path("delete-my-answers/", pages.delete_answers, name="delete"),
    path("session-ended/", pages.expired, name="expired"),
    path("session/extend/", pages.extend_session, name="extend"),
    path("help/after-tax-money/", pages.help_basis, name="help_basis"),
    path("help/every-account-paid-out/", pages.help_paid_out, name="help_paid_out"),
    path("api/v1/determinations", api.determinations, name="api_determinations"),
    path("api/v1/determinations/batch", api.batch, name="api_batch"),
    path("api/v1/summary.pdf", api.summary_pdf, name="api_summary_pdf"),
    path("api/", reference.reference, name="api_reference"),
    path("api/v1/openapi.json", reference.openapi_json, name="api_openapi"),
    path("api/v1/law", law.law_index, name="api_law"),
    # Any code reaches the view, so a wrong one gets the JSON 404 the API documents.
    re_path(r"^api/v1/law/(?P<code>.+)$", law.law_detail, name="api_law_detail"),
]
