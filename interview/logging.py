"""JSON-lines log format: one object per line, only the fields we put there."""

from __future__ import annotations

import json
import logging
import time

# The only fields an access-log line may carry: nothing the user typed, ever.
ALLOWED_FIELDS = ("request_id", "method", "path", "status", "duration_ms")


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
