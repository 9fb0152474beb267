"""Flood-limit counters shared by every worker and instance (questionnaire/limits.py)."""

from __future__ import annotations

from django.db import models


class ClientCount(models.Model):
    """How many requests of one kind one client made in one window.

    `client` is a keyed hash (HMAC with the secret key) of the client's address or
    IPv6 /64, never the address itself. A row is useless once `until` (the window's end,
    in seconds since the epoch) has passed; `manage.py expire_counters` deletes those.
    """

    scope = models.CharField(max_length=40)
    client = models.CharField(max_length=64)
    window = models.BigIntegerField()
    until = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "client", "window"], name="one_count_per_client_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.client[:8]}… {self.count}"
