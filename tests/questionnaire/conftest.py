from __future__ import annotations

import pytest

PREFIX = "check_wizard"


class Saver:
    """Drives the wizard the way formtools tests itself: POST the step marker and the field."""

    def __init__(self, client):
        self.client = client

    def start(self):
        r = self.client.get("/check/")
        assert r.status_code == 302
        return self.client.get(r["Location"])

    def answer(self, step: str, value: str | None, **extra):
        data = {f"{PREFIX}-current_step": step, **extra}
        if value is not None:
            data[f"{step}-{step}"] = value
        return self.client.post(f"/check/{step}/", data)

    def follow(self, response):
        assert response.status_code == 302, response.status_code
        return self.client.get(response["Location"])

    def back(self, step: str, to: str, value: str | None = None, **extra):
        data = {f"{PREFIX}-current_step": step, "wizard_goto_step": to, **extra}
        if value is not None:
            data[f"{step}-{step}"] = value
        return self.client.post(f"/check/{step}/", data)

    def walk(self, **answers) -> str:
        """Answer whatever is asked, from the start, and return the results URL."""
        r = self.start()
        for _ in range(8):
            step = r.context["wizard"]["steps"].current
            if step == "review":
                r = self.client.post("/check/review/", {f"{PREFIX}-current_step": "review"})
                done = self.client.get(r["Location"])
                assert done.status_code == 302
                return done["Location"]
            r = self.follow(self.answer(step, answers[step]))
        raise AssertionError("the wizard did not finish")


@pytest.fixture
def saver(client):
    return Saver(client)
