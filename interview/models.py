"""The only table of our own: rate-limit counts, so every worker and server shares one limit."""

from __future__ import annotations

from django.db import models


class RateWindow(models.Model):
    """Requests from one client in one minute (see ratelimit.py). Rows older than a minute are
    swept away as new ones are made; nothing here says what was asked."""

    bucket = models.CharField(max_length=100, primary_key=True)  # "<address>:<minute>"
    minute = models.BigIntegerField(db_index=True)  # minutes since the epoch
    hits = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"{self.hits} hits in minute {self.minute}"
