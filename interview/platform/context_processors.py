from django.conf import settings
from django.http import HttpRequest


def privacy(request: HttpRequest) -> dict[str, object]:
    """How long answers are kept, said on every page (works without JavaScript)."""
    return {
        "session_idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        # What the warning says is left: session.js warns 5 minutes before the end, or halfway
        # through a shorter session (rounded down, at least 1).
        "session_warning_minutes": max(1, min(5, settings.SESSION_COOKIE_AGE // 120)),
    }
