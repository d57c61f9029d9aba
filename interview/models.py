"""The only table of our own: rate-limit counts, so every worker and server shares one limit."""

from __future__ import annotations

from django.db import models


class RateWindow(models.Model):
    """One client's accepted requests in the last minute, per five-second slot (ratelimit.py).

    A row whose every slot is over is swept away as others are written; nothing here says what
    was asked.
    """

    client = models.CharField(max_length=100, primary_key=True)  # its address (proxies.py)
    newest = models.BigIntegerField(db_index=True)  # its latest slot (seconds since epoch // 5)
    counts = models.JSONField(default=dict)  # {"<slot>": hits} for the slots still counted

    def __str__(self) -> str:
        return f"{sum(self.counts.values())} requests up to slot {self.newest}"
