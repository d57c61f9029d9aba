"""Journeys: each run through the questions is its own, so two tabs never mix (issue 12, bug 1).

A journey is named by a random key (22 url-safe characters from `secrets`, no tax data) that
travels in the URL path: /j/<key>/questions/<step>/, /j/<key>/result/, /j/<key>/result/summary.pdf.
The path, not a hidden field, because most of what a tab does is a GET — reload, Back, a Change
link, the PDF download, a bookmark — and only the path goes with all of them; a hidden field
would cover form posts only, and the PDF link would again fall back to "the session's answers".
The key alone opens nothing: the answers are in the server-side session, read with the cookie.

Session layout, one key per thing that is written, so that interview.platform.sessions merges
concurrent requests key by key and never loses one tab's or one step's answer to another:
    rlc.j.<key>               {"started": ns}   the journey exists (written once, at its start)
    rlc.j.<key>.step.<step>   the wizard's stored answer to one step
    rlc.j.<key>.answers       the confirmed answers the result and the PDF are made from
    rlc.j.<key>.confirmed     a digest of the step answers those were confirmed from
    rlc.j.<key>.draft         the last answer refused, with the step: shown again, with its
                              error, by the step's GET until a valid answer is saved
A session keeps the MAX_JOURNEYS most recently started journeys; starting one more forgets the
oldest, and its URL then says so and offers a fresh start (views.pages.journey_ended).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from collections.abc import Iterable

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage

MAX_JOURNEYS = 5
KEY_CHARS = 22  # secrets.token_urlsafe(16): 128 random bits
KEY = re.compile(rf"^[A-Za-z0-9_-]{{{KEY_CHARS}}}$")
_PREFIX = "rlc.j."
_JOURNEY = re.compile(rf"^{re.escape(_PREFIX)}([A-Za-z0-9_-]{{{KEY_CHARS}}})$")


def _meta(key: str) -> str:
    return f"{_PREFIX}{key}"


def _step(key: str, step: str) -> str:
    return f"{_PREFIX}{key}.step.{step}"


def _answers(key: str) -> str:
    return f"{_PREFIX}{key}.answers"


def _confirmed(key: str) -> str:
    return f"{_PREFIX}{key}.confirmed"


def _draft(key: str) -> str:
    return f"{_PREFIX}{key}.draft"


def _started(session: SessionBase) -> list[tuple[int, str]]:
    """(start time, key) of every journey in the session, oldest first."""
    found = []
    for name in list(session.keys()):
        match = _JOURNEY.match(name)
        record = session.get(name)
        if match and isinstance(record, dict) and isinstance(record.get("started"), int):
            found.append((record["started"], match.group(1)))
    return sorted(found)


def start(session: SessionBase) -> str:
    """Begin a new journey and return its key; forget the oldest beyond MAX_JOURNEYS."""
    key = secrets.token_urlsafe(16)
    session[_meta(key)] = {"started": time.time_ns()}
    for _started_at, old in _started(session)[:-MAX_JOURNEYS]:
        forget(session, old)
    return key


def exists(session: SessionBase, key: str) -> bool:
    """A well-formed key of a journey this session holds (unknown, evicted or tampered: False)."""
    return bool(KEY.match(key)) and _meta(key) in session


def forget(session: SessionBase, key: str) -> None:
    for name in [
        n for n in list(session.keys()) if n == _meta(key) or n.startswith(_meta(key) + ".")
    ]:
        del session[name]


def in_progress(session: SessionBase) -> str | None:
    """The most recently started journey with at least one answer, if any."""
    for _started_at, key in reversed(_started(session)):
        if stored_steps(session, key) or answers(session, key) is not None:
            return key
    return None


def ended(session: SessionBase) -> str:
    """Where a URL of a journey this session no longer holds goes: one of the two ended pages.

    With other journeys still here, this one was forgotten (or its key mistyped); with none,
    the whole session ended (idle timeout, "Delete my answers", or another browser).
    """
    return "interview:journey_ended" if _started(session) else "interview:expired"


def latest(session: SessionBase) -> str | None:
    started = _started(session)
    return started[-1][1] if started else None


def stored_steps(session: SessionBase, key: str) -> list[str]:
    prefix = _step(key, "")
    return [name[len(prefix) :] for name in list(session.keys()) if name.startswith(prefix)]


def step_data(session: SessionBase, key: str, step: str) -> dict[str, list[str]] | None:
    stored = session.get(_step(key, step))
    return stored if isinstance(stored, dict) else None


def answers(session: SessionBase, key: str) -> dict[str, object] | None:
    stored = session.get(_answers(key))
    return stored if isinstance(stored, dict) else None


def save_answers(session: SessionBase, key: str, confirmed: dict[str, str]) -> None:
    session[_answers(key)] = confirmed
    session[_confirmed(key)] = _steps_digest(session, key)


def _steps_digest(session: SessionBase, key: str) -> str:
    """One value for all the step answers as stored: a digest, so no answer is copied again."""
    steps = {step: step_data(session, key, step) for step in stored_steps(session, key)}
    return hashlib.sha256(json.dumps(steps, sort_keys=True).encode()).hexdigest()


def change_waiting(session: SessionBase, key: str) -> bool:
    """An answer was changed (in this tab or another) since the answers were last confirmed:
    the result and the PDF still show the confirmed ones until "Check your answers" is sent."""
    confirmed = session.get(_confirmed(key))
    return isinstance(confirmed, str) and confirmed != _steps_digest(session, key)


def save_draft(
    session: SessionBase, key: str, step: str, data: dict[str, list[str]], errors: dict
) -> None:
    """Keep a refused answer, as typed, and what was wrong with it, for the step's next GETs
    (Post/Redirect/Get). The errors are kept too: the text kept is cut to a bound, and a cut
    answer ("0" * 30000 + "1") may read as a valid one."""
    session[_draft(key)] = {"step": step, "data": data, "errors": errors}


def draft(session: SessionBase, key: str, step: str) -> dict[str, dict] | None:
    """The refused answer to `step` ({"data": ..., "errors": ...}), if that step's is kept."""
    stored = session.get(_draft(key))
    if not isinstance(stored, dict) or stored.get("step") != step:
        return None
    return (
        stored
        if isinstance(stored.get("data"), dict) and isinstance(stored.get("errors"), dict)
        else None
    )


class JourneyStorage(BaseStorage):
    """formtools' storage for one journey: each step's answer under its own session key.

    The journey is the one the wizard found in the URL (`request.journey_key`). The current step
    is not stored: the URL names it, and a GET then writes nothing (issue 13, finding 6).
    """

    def __init__(self, prefix: str, request: HttpRequest, file_storage: object = None) -> None:
        super().__init__(prefix, request, file_storage)
        self.key: str = request.journey_key  # type: ignore[attr-defined]
        self.session = request.session
        self._current: str | None = None
        # Raised whenever a stored answer changes: what is asked depends on nothing else, so
        # the wizard works out its list of steps once per version (InterviewWizard).
        self.version = 0

    def init_data(self) -> None:
        """Nothing to set up: a journey's keys appear as its steps are answered."""

    def reset(self) -> None:
        self.version += 1
        for step in stored_steps(self.session, self.key):
            del self.session[_step(self.key, step)]
        self.session.pop(_answers(self.key), None)

    def _get_current_step(self) -> str | None:
        return self._current

    def _set_current_step(self, step: str | None) -> None:
        self._current = step

    def _get_extra_data(self) -> dict[str, object]:
        return {}

    def _set_extra_data(self, extra_data: dict[str, object]) -> None:
        if extra_data:
            raise ValueError("this wizard keeps no extra data")

    def get_step_data(self, step: str) -> MultiValueDict | None:
        values = step_data(self.session, self.key, step)
        return None if values is None else MultiValueDict(values)

    def set_step_data(self, step: str, cleaned_data: MultiValueDict | dict) -> None:
        if isinstance(cleaned_data, MultiValueDict):
            cleaned_data = dict(cleaned_data.lists())
        self.version += 1
        self.session[_step(self.key, step)] = cleaned_data
        if _draft(self.key) in self.session:
            del self.session[_draft(self.key)]  # a valid answer replaces the refused one

    def keep_only(self, steps: Iterable[str]) -> None:
        """Drop stored answers to steps not in `steps` (questions that no longer apply)."""
        active = set(steps)
        for step in stored_steps(self.session, self.key):
            if step not in active:
                self.version += 1
                del self.session[_step(self.key, step)]

    def get_step_files(self, step: str) -> None:
        return None

    def set_step_files(self, step: str, files: object) -> None:
        if files:
            raise ValueError("this wizard takes no files")


class JourneyRouting:
    """For the wizard: the journey named in the URL, its storage, and URLs that keep it."""

    storage_name = "interview.platform.journeys.JourneyStorage"
    url_name: str
    journey: str

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        key = str(kwargs.pop("key"))
        if not exists(request.session, key):
            # Unknown, forgotten (beyond MAX_JOURNEYS) or tampered: say so and offer a new one.
            return redirect(ended(request.session))
        self.journey = request.journey_key = key  # type: ignore[attr-defined]
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_step_url(self, step: str) -> str:
        return reverse(self.url_name, kwargs={"key": self.journey, "step": step})
