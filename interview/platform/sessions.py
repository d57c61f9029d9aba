"""A session that never writes back answers it did not change (issue 13, finding 6).

Django's database session saves, at the end of a request, the whole dictionary it loaded at the
start. With `SESSION_SAVE_EVERY_REQUEST` on, a slow request that changed nothing (the keep-alive
"I need more time", a GET of the check or result page) wrote back a copy older than an answer
another request had saved meanwhile, and the answer was lost: 25 in 200 and 90 in 200 in the probe.

Here, instead:
- a request that changes nothing never writes the data: `SessionMiddleware` only pushes the
  expiry forward with `touch()`, an UPDATE of the `expire_date` column alone;
- a request that does change something re-reads the stored data in a transaction (the row
  locked where the database can; SQLite takes its write lock at BEGIN, see settings) and writes
  only the keys it set or deleted over it, so every other key keeps what was saved meanwhile.
The key is the unit of merging: journeys.py gives each journey step, and each journey's result,
a key of its own, so two tabs, or two steps, never share one.

With REDIS_URL (engine `interview.platform.sessions_cache`) the session is a hash in the store and a save
writes only the changed keys in one script the store runs atomically (interview.platform.sessions_store,
issue 18, finding 2): there, no read-merge-write at all, so no window for a race.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from django.contrib.sessions.backends import db
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import connections, router, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from redis.exceptions import RedisError


class _MergingStore:
    """Change tracking and merge-on-save, for any session backend (see the subclasses)."""

    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self._changed: set[str] = set()
        self._cleared = False
        self._touched = False

    # ---- remember which keys this request changed -------------------------------------------

    def __setitem__(self, key: str, value: object) -> None:
        super().__setitem__(key, value)
        self._changed.add(key)

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self._changed.add(key)

    def pop(self, key: str, *default: object) -> object:
        self._changed.add(key)
        return super().pop(key, *default)

    def setdefault(self, key: str, value: object) -> object:
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, dict_: dict[str, object]) -> None:
        super().update(dict_)
        self._changed.update(dict_)

    def clear(self) -> None:
        # Everything goes (flush, "Delete my answers"): nothing of the stored copy may survive.
        super().clear()
        self._cleared = True

    # ---- write only those keys, over what is stored now ---------------------------------------

    def _stored_now(self) -> dict | None:  # the stored dictionary, None if gone
        raise NotImplementedError

    def _write_lock(self) -> AbstractContextManager:
        return nullcontext()

    def _merged_with_stored(self) -> None:
        """Replace our copy with what is stored now plus this request's own changes."""
        merged = self._stored_now()
        if merged is None:
            return  # deleted or expired meanwhile: Django's save decides (UpdateError or new)
        mine = self._get_session()
        for key in self._changed:
            if key in mine:
                merged[key] = mine[key]
            else:
                merged.pop(key, None)
        self._session_cache = merged

    def save(self, must_create: bool = False) -> None:
        if must_create or self.session_key is None or self._cleared:
            super().save(must_create=must_create)
            return
        with self._write_lock():
            self._merged_with_stored()
            super().save(must_create=False)
        self._changed.clear()

    def cycle_key(self) -> None:
        # The new row starts from what is stored now, not from this request's older copy.
        if self.session_key is not None and not self._cleared:
            with self._write_lock():
                self._merged_with_stored()
        super().cycle_key()

    def touch(self) -> None:
        """Push the idle expiry forward without writing the data (once per request)."""
        if self.session_key is None or self._touched:
            return
        self._touched = True
        self._move_expiry()

    def _move_expiry(self) -> None:
        raise NotImplementedError


class SessionStore(_MergingStore, db.SessionStore):
    """The database session (the default, SQLite or DATABASE_URL)."""

    def _stored_now(self) -> dict | None:
        # One plain statement, not a queryset: this runs on every answer saved, and building
        # the query cost as much as running it (make bench, wizard step against its floor).
        connection = connections[router.db_for_write(self.model)]
        table = connection.ops.quote_name(self.model._meta.db_table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {table} WHERE session_key = %s AND expire_date > %s"  # noqa: S608 - our table
                + lock,
                [self.session_key, timezone.now()],
            )
            row = cursor.fetchone()
        return None if row is None else self.decode(row[0])

    def _write_lock(self) -> AbstractContextManager:
        return transaction.atomic(using=router.db_for_write(self.model))

    def _move_expiry(self) -> None:
        # Only a live row: an expired one (not yet swept) must not come back to life.
        live = self.model.objects.filter(
            session_key=self.session_key, expire_date__gt=timezone.now()
        )
        live.update(expire_date=self.get_expiry_date())


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, plus: a request that used the session without changing it only touches expiry.

    This replaces `SESSION_SAVE_EVERY_REQUEST`, which rewrote the data on every request.
    And a store that fails while the session is read (in the view) or written (here) is never
    "no session": the answer is "briefly unavailable", the cookie untouched (issue 18, finding 4).
    """

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RedisError):
            from interview.platform.unavailable import store_unavailable

            return store_unavailable(request, exception)
        return None

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        session = getattr(request, "session", None)
        try:
            if (
                isinstance(session, _MergingStore)
                and session.accessed
                and not session.modified
                and response.status_code < 500
            ):
                session.touch()
            return super().process_response(request, response)
        except RedisError as error:
            return self.process_exception(request, error)
