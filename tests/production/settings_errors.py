"""Settings to see the error pages as production serves them, on a development checkout
(README, "The error pages"): debug off, and the site's own URLs plus three that fail on
purpose: /boom/ (500), /denied/ (403) and /suspicious/ (400). Run with DJANGO_DEV=1."""

from questionnaire.settings import *  # noqa: F403

ROOT_URLCONF = "tests.production.urls_failing"
