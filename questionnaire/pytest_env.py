"""Loaded by pytest (`-p questionnaire.pytest_env`) before Django's settings.

Local defaults for the test run: a throwaway key, SQLite unless DATABASE_URL
says otherwise, no HTTPS redirect. Production never imports this module.
"""

import os

os.environ.setdefault("DJANGO_DEV", "1")
