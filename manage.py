#!/usr/bin/env python
import os
import sys

# Commands a developer runs on a checkout. With no settings in the environment
# at all, they run on the local defaults (DJANGO_DEV: SQLite, a throwaway key)
# instead of refusing to start. Deploy steps (collectstatic, check --deploy) and
# the site itself never fall back: they need the real production variables.
LOCAL_COMMANDS = {
    "makemigrations",
    "migrate",
    "showmigrations",
    "sqlmigrate",
    "shell",
    "dbshell",
    "createsuperuser",
    "create_editor",
    "changepassword",
    "runserver",
    "check",
}


def _local_defaults(argv: list[str]) -> None:
    if any(name in os.environ for name in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_DEV")):
        return
    command = argv[1] if len(argv) > 1 else ""
    if command in LOCAL_COMMANDS and "--deploy" not in argv:
        os.environ["DJANGO_DEV"] = "1"
        print(
            f"manage.py {command}: no DJANGO_SECRET_KEY set, using local development "
            "defaults (DJANGO_DEV=1)",
            file=sys.stderr,
        )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "questionnaire.settings")
    _local_defaults(sys.argv)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
