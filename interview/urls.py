from django.urls import path, re_path

from .views import api, law, pages
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
    path("api/v1/summary.pdf", api.summary_pdf, name="api_summary_pdf"),
    path("api/v1/law", law.law_index, name="api_law"),
    re_path(r"^api/v1/law/(?P<code>[A-Za-z]{2})$", law.law_detail, name="api_law_detail"),
]
