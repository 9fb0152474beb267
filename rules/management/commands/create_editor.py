"""Create an editor: a staff account in the Editors group, not a superuser."""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from rules.models import EDITORS_GROUP

PASSWORD_ENV = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editors group, not a superuser), or make "
        "an existing user an editor. Asks for the password; with --noinput it is read from "
        f"{PASSWORD_ENV}."
    )
    requires_migrations_checks = True

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Do not prompt; take the password from {PASSWORD_ENV}.",
        )

    def handle(self, *args, username: str, email: str, interactive: bool, **options) -> None:
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                f"No {EDITORS_GROUP!r} group: run `manage.py migrate` first."
            ) from None
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is not None:
            # Existing account: grant editing, leave the password alone.
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f"{username} is now an editor (password unchanged).")
            return
        user = User(**{User.USERNAME_FIELD: username}, email=email, is_staff=True)
        user.set_password(self._password(user, interactive))
        user.save()
        user.groups.add(group)
        self.stdout.write(f"Created editor {username}. They can sign in at /admin/.")

    def _password(self, user, interactive: bool) -> str:
        if not interactive:
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(f"Set {PASSWORD_ENV} to use --noinput.")
            self._validate(password, user)
            return password
        for _ in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("Passwords do not match. Try again.")
                continue
            try:
                self._validate(password, user)
            except CommandError as err:
                self.stderr.write(str(err))
                continue
            return password
        raise CommandError("No password set after 3 tries.")

    @staticmethod
    def _validate(password: str, user) -> None:
        try:
            validate_password(password, user)
        except ValidationError as err:
            raise CommandError(" ".join(err.messages)) from None
