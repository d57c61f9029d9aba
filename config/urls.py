from django.urls import include, path

urlpatterns = [
    path("", include("interview.urls")),
]

handler404 = "interview.views.pages.not_found"
handler500 = "interview.views.pages.server_error"
