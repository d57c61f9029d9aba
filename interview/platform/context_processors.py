from django.conf import settings
from django.http import HttpRequest


def privacy(request: HttpRequest) -> dict[str, object]:
    """How long answers are kept, said on every page (works without JavaScript)."""
    return {
        "session_idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
    }
