"""JSON-lines log format: one object per line, only the fields we put there."""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from types import TracebackType

# The only fields a log line may carry: nothing the user typed, ever.
ALLOWED_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "error", "where")
# Modules that are ours: where an error is reported, rather than deep inside a library.
OWN_PACKAGES = ("interview", "rules", "config")
error_log = logging.getLogger("rlc.error")


class JsonLineFormatter(logging.Formatter):
    converter = time.gmtime  # UTC, whatever the server's zone

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%SZ"),
            "level": record.levelname,
            "logger": record.name,
            # Other loggers: the message template only, never its arguments (which could carry
            # what a user typed).
            "event": record.getMessage() if _safe_to_format(record) else str(record.msg)[:200],
        }
        for field in ALLOWED_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.name != "rlc.access" and record.exc_info:
            # Exceptions are named, never printed with their locals or arguments.
            line["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "unknown"
        return json.dumps(line, ensure_ascii=False)


def _safe_to_format(record: logging.LogRecord) -> bool:
    """Our access lines, and gunicorn's own lines whose arguments are only numbers (pids,
    signals): nothing there can be what a client sent."""
    if record.name == "rlc.access":
        return True
    arguments = record.args if isinstance(record.args, tuple) else ()
    return record.name.startswith("gunicorn.") and all(
        isinstance(a, int) and not isinstance(a, bool) for a in arguments
    )


class ClientFaultFilter(logging.Filter):
    """A client's mistake is a warning in words of our own, never an ERROR carrying its text.

    Django reports a Host it does not serve, a body over the limit, too many form fields or a
    broken multipart body on `django.security.<Fault>` at ERROR, with the client's own text in
    the message ("Invalid HTTP_HOST header: '<whatever was sent>'"): anyone could write ERROR
    lines, and words of their choosing, into our log (issue 18, finding 11). The client has
    had its 400 or 413; the line keeps only which fault it was and the request's bounded fields.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("django.security.") and record.name != "django.security.csrf":
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg, record.args = "client fault", ()
            record.error = record.name.rsplit(".", 1)[-1][:60]
            record.exc_info, record.exc_text = None, None
            request = getattr(record, "request", None)
            if request is not None:
                record.request_id = getattr(request, "request_id", None)
                record.method = str(getattr(request, "method", ""))[:10]
                record.path = str(getattr(request, "path", ""))[:200]
            if isinstance(getattr(record, "status_code", None), int):
                record.status = record.status_code
        return True


# gunicorn's own lines (its master and workers, before Django is loaded) in the same format:
# config/gunicorn.py hands this to gunicorn as its logconfig_dict.
GUNICORN_LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "interview.platform.logging.JsonLineFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # No level here: gunicorn's own (`loglevel`, --log-level) stays in force.
        "gunicorn.error": {"handlers": ["console"], "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}


def where(tb: TracebackType | None) -> str:
    """`module:function:line` of the innermost frame in our code, else the innermost frame."""
    frames = [(frame, line) for frame, line in traceback.walk_tb(tb)]
    if not frames:
        return "unknown"
    own = [f for f in frames if f[0].f_globals.get("__name__", "").startswith(OWN_PACKAGES)]
    frame, line = (own or frames)[-1]
    return f"{frame.f_globals.get('__name__', '?')}:{frame.f_code.co_name}:{line}"


def log_unhandled_exception(sender: object, request: object = None, **kwargs: object) -> None:
    """One line for a 500: the exception's type and where it was raised; never its message,
    arguments or locals, which can hold answers."""
    exc_type, _exc, tb = sys.exc_info()
    error_log.error(
        "unhandled exception",
        extra={
            "error": exc_type.__name__ if exc_type else "unknown",
            "where": where(tb),
            "request_id": getattr(request, "request_id", None),
            "method": getattr(request, "method", None),
            "path": str(getattr(request, "path", ""))[:200],
        },
    )
