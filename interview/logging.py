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
            "event": record.getMessage() if record.name == "rlc.access" else str(record.msg)[:200],
        }
        for field in ALLOWED_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.name != "rlc.access" and record.exc_info:
            # Exceptions are named, never printed with their locals or arguments.
            line["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "unknown"
        return json.dumps(line, ensure_ascii=False)


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
