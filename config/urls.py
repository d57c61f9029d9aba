import os

from django.urls import include, path
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from interview.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # The language switch on every page (a form, no script): POST only, so no link changes it.
    path("language/", require_POST(set_language), name="set_language"),
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
