from django.urls import include, path

from interview.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", include("interview.urls")),
]

handler404 = "interview.views.pages.not_found"
handler500 = "interview.views.pages.server_error"
