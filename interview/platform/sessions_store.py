"""The session in the shared store (REDIS_URL): a Redis hash, written field by field, atomically.

Django's cache session keeps the whole session as one value: a request reads it, changes a key
and writes the whole of it back. Two answers posted at once to one journey then each wrote back a
copy without the other's answer, and one was lost (issue 18, finding 2: 89 of 216). Re-reading
just before the write only narrowed that window; the store has no transaction to close it.

Here each session is one hash, `rlc:1:sessions:<session key>`, one field per session key
(journeys.py gives each journey step its own), each value JSON from Django's session serializer.
A save runs one Lua script, which the store runs alone, start to end: it writes only the fields
this request set (HSET) or removed (HDEL) and moves the expiry (PEXPIRE). Two requests that
changed different keys therefore both land, whatever their order, with two app servers or ten.

The script also refuses to bring back a session that is gone: an update of a hash that expired
or was deleted meanwhile ("Delete my answers" in another tab) writes nothing and raises
UpdateError, as the database session does; a new session is created only under a key not in use.
`load` is one HGETALL and `touch` a PEXPIRE, which never creates a key.

Store errors are not swallowed, unlike Django's cache session, whose `load` answered "no session"
and so ended the journey and deleted the cookie: they reach interview.platform.sessions.SessionMiddleware,
which answers "briefly unavailable" (503) and leaves the cookie alone (issue 18, finding 4).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase, UpdateError
from django.core.cache import caches
from django.utils.crypto import get_random_string

from interview.platform.sessions import _MergingStore

PREFIX = "sessions:"  # after the cache's own "rlc:1:", so every key of ours starts "rlc:"
LIVE = b"\x00"  # a field no session key uses: an emptied session still exists until it expires

# KEYS: the session's hash [, its new name for "cycle"]
# ARGV: mode, expiry in ms, number of fields set, field, value, ..., fields removed ...
# Returns 1 when written, 0 when the session is gone, -1 when the new key is in use.
WRITE = """
local key, mode = KEYS[1], ARGV[1]
if mode == 'create' then
  if redis.call('EXISTS', key) == 1 then return -1 end
elseif redis.call('EXISTS', key) == 0 then
  return 0
elseif mode == 'replace' then
  redis.call('DEL', key)
elseif mode == 'cycle' then
  if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
  redis.call('RENAME', key, KEYS[2])
  key = KEYS[2]
end
local set = tonumber(ARGV[3])
redis.call('HSET', key, '\\0', '1', unpack(ARGV, 4, 3 + 2 * set))
if #ARGV > 3 + 2 * set then
  redis.call('HDEL', key, unpack(ARGV, 4 + 2 * set))
end
redis.call('PEXPIRE', key, ARGV[2])
return 1
"""
WRITTEN, GONE, IN_USE = 1, 0, -1
ATTEMPTS = 10  # new keys tried before giving up (over 160 random bits: one is enough)


class RedisSessionStore(_MergingStore, SessionBase):
    """SessionBase over the store's hash; the change tracking is interview.platform.sessions'."""

    @staticmethod
    def _client():
        # Django's own client and connection pool: the same URL and the short socket timeouts
        # of settings.CACHES, so a store that hangs fails the request within seconds.
        return caches[settings.SESSION_CACHE_ALIAS]._cache.get_client(write=True)

    @staticmethod
    def _key(session_key: str) -> str:
        return caches[settings.SESSION_CACHE_ALIAS].make_and_validate_key(PREFIX + session_key)

    def _write(self, mode: str, session_keys: list[str], fields: dict, removed: list) -> int:
        """Run WRITE on these sessions' hashes; WRITTEN, GONE or IN_USE."""
        dumps = self.serializer().dumps
        pairs = [part for name, value in fields.items() for part in (name, dumps(value))]
        args = [mode, self.get_expiry_age() * 1000, len(fields), *pairs, *removed]
        client = self._client()
        script = client.register_script(WRITE)
        return int(script(keys=[self._key(k) for k in session_keys], args=args, client=client))

    def _changes(self) -> tuple[dict[str, object], list[str]]:
        """What this request set (with its values) and what it removed."""
        data = self._get_session()
        changed = {name: data[name] for name in self._changed if name in data}
        return changed, [name for name in self._changed if name not in data]

    def _new_key_for(self, mode: str, session_keys: list[str]) -> bool:
        """Write under a fresh key (create, or cycle from session_keys[0]); False when GONE."""
        fields, removed = (self._get_session(), []) if mode == "create" else self._changes()
        for _attempt in range(ATTEMPTS):
            new = self._get_new_session_key()
            outcome = self._write(mode, [*session_keys, new], fields, removed)
            if outcome == GONE:
                return False
            if outcome == WRITTEN:
                self._session_key = new
                self._changed.clear()
                self._cleared = False
                self.modified = True
                return True
        raise RuntimeError("Unable to create a new session key.")

    # ---- SessionBase ---------------------------------------------------------------------------

    def load(self) -> dict[str, object]:
        fields = self._client().hgetall(self._key(self.session_key))
        if LIVE not in fields:  # expired, deleted, or never there
            self._session_key = None
            return {}
        loads = self.serializer().loads
        return {name.decode(): loads(value) for name, value in fields.items() if name != LIVE}

    def exists(self, session_key: str) -> bool:
        return bool(self._client().exists(self._key(session_key)))

    def _get_new_session_key(self) -> str:
        # No EXISTS round trip: the script itself refuses a key in use.
        return get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")

    def create(self) -> None:
        self._session_key = None  # what the request had here is written whole, as new
        self._new_key_for("create", [])

    def save(self, must_create: bool = False) -> None:
        if self.session_key is None or must_create:
            self.create()
            return
        if self._cleared:
            # Emptied here (clear() without flush()): all of this request's copy, nothing else.
            fields, removed, mode = self._get_session(), [], "replace"
        else:
            (fields, removed), mode = self._changes(), "update"
        if self._write(mode, [self.session_key], fields, removed) != WRITTEN:
            raise UpdateError  # expired or deleted meanwhile: never brought back
        self._changed.clear()
        self._cleared = False

    def cycle_key(self) -> None:
        """A new session key for the same session: the stored hash is renamed, in the store, with
        this request's changes applied; nothing written meanwhile by another request is lost."""
        if self.session_key is None or self._cleared:
            self.create()
        elif not self._new_key_for("cycle", [self.session_key]):
            # Expired or deleted since this request read it: start afresh, bring none back.
            self._session_cache = {}
            self.create()

    def delete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is not None:
            self._client().delete(self._key(session_key))

    def _move_expiry(self) -> None:
        # PEXPIRE changes an existing key only: an expired session never comes back.
        self._client().pexpire(self._key(self.session_key), self.get_expiry_age() * 1000)

    @classmethod
    def clear_expired(cls) -> None:
        """Nothing to sweep: the store drops an expired hash by itself."""
