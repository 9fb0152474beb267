"""The wizard's cookie: signed, HttpOnly, SameSite=Lax, and good for one day.

A cookie that is expired, tampered with or from an older shape of the wizard
is read as no cookie, and `unreadable` says so, so the wizard can restart with
a short message instead of failing.
"""

from __future__ import annotations

import itertools
import json

from django.conf import settings
from formtools.wizard.storage.cookie import CookieStorage

MAX_AGE = 24 * 60 * 60

_VERSIONS = itertools.count(1)


class Answers(dict):
    """The stored answers (step -> its data), with a `version` that every change renews:
    a number no other state of any wizard in this process has had, so what the wizard
    works out from the answers is remembered for as long as they stay the same
    (questionnaire.views), without comparing them every time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = next(_VERSIONS)

    def _changed(method):  # noqa: N805 (a decorator of the class body)
        def changed(self, *args, **kwargs):
            self.version = next(_VERSIONS)
            return method(self, *args, **kwargs)

        return changed

    __setitem__ = _changed(dict.__setitem__)
    __delitem__ = _changed(dict.__delitem__)
    __ior__ = _changed(dict.__ior__)
    pop = _changed(dict.pop)
    popitem = _changed(dict.popitem)
    clear = _changed(dict.clear)
    update = _changed(dict.update)
    setdefault = _changed(dict.setdefault)
    del _changed


class WizardCookieStorage(CookieStorage):
    def init_data(self):
        super().init_data()
        self.data[self.step_data_key] = Answers(self.data[self.step_data_key])

    @property
    def answers_version(self) -> object:
        """Changes whenever the stored answers change (see Answers)."""
        answers = self.data.get(self.step_data_key)
        return answers.version if isinstance(answers, Answers) else repr(answers)

    def load_data(self):
        self.unreadable = False
        raw = self.request.COOKIES.get(self.prefix)
        if raw is None:
            return None
        value = self.request.get_signed_cookie(self.prefix, default=None, max_age=MAX_AGE)
        try:
            data = json.loads(value) if value is not None else None
        except ValueError:
            data = None
        if not self._well_formed(data):
            self.unreadable = True
            return None
        data[self.step_data_key] = Answers(data[self.step_data_key])
        return data

    def _well_formed(self, data) -> bool:
        if not isinstance(data, dict):
            return False
        steps = data.get(self.step_data_key)
        return (
            isinstance(data.get(self.step_key), str | None)
            and isinstance(steps, dict)
            and isinstance(data.get(self.step_files_key), dict)
            and isinstance(data.get(self.extra_data_key), dict)
            and all(
                isinstance(fields, dict)
                and all(
                    isinstance(values, list) and all(isinstance(x, str) for x in values)
                    for values in fields.values()
                )
                for fields in steps.values()
            )
        )

    def update_response(self, response):
        # BaseStorage.update_response only checks files; CookieStorage's version
        # sets a cookie without HttpOnly or SameSite, so set it here instead.
        # No answers yet (or a finished run): no cookie at all.
        if self.data and self.data.get(self.step_data_key):
            response.set_signed_cookie(
                self.prefix,
                self.encoder.encode(self.data),
                max_age=MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        elif self.prefix in self.request.COOKIES:
            response.delete_cookie(self.prefix, samesite="Lax")
