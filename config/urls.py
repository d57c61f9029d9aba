import os

from django.urls import include, path

from interview.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", include("interview.urls")),
]

handler400 = "interview.platform.errors.bad_request"
handler404 = "interview.platform.errors.not_found"
handler500 = "interview.platform.errors.server_error"

# The floor for `make bench`: a bare view on the same server, only when the benchmark asks for it.
if os.environ.get("RLC_BENCH_HELLO") == "1":
    from bench import floors

    urlpatterns[:0] = [
        path("bench/hello", floors.hello),
        path("bench/session-step", floors.session_step),
    ]
