"""Create the first national system administrator of a fresh installation.

Every other account is opened through the services by someone who already holds a role;
the first one has nobody to open it, so it is written here directly, validated the same
way, and recorded in the audit log with no actor.

    DOITHOAI_ADMIN_PASSWORD=... python manage.py bootstrap_admin \\
        --username quantri --full-name "Đặng Quốc Khánh" --email quantri@example.vn

Without DOITHOAI_ADMIN_PASSWORD the password is asked for twice on the terminal.
"""

from __future__ import annotations

import getpass
import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import User
from dialogue.organisation.services import (
    BOOTSTRAP_DEFAULT_POSITION,
    MSG_BOOTSTRAP_USERNAME_TAKEN,
    national_admin_create,
)

PASSWORD_ENV = "DOITHOAI_ADMIN_PASSWORD"  # noqa: S105 (the variable's name, not a password)
MSG_PASSWORD_MISMATCH = _("The two passwords you typed do not match.")
MSG_PASSWORD_MISSING = format_lazy(
    _("No password: set the environment variable {variable} or run the command in a terminal to type it."),
    variable=PASSWORD_ENV,
)
MSG_CREATED = _("The national system administrator “{username}” ({full_name}) was created.")


class Command(BaseCommand):
    help = (
        "Create the first national system administrator. The password is read from "
        f"{PASSWORD_ENV}, or asked for on the terminal."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True, help="sign-in name, e.g. quantri")
        parser.add_argument("--full-name", required=True, dest="full_name", help="full name, in Vietnamese")
        parser.add_argument("--email", required=True)
        parser.add_argument("--position", default=BOOTSTRAP_DEFAULT_POSITION)

    def handle(self, *args, username, full_name, email, position, **options):
        with translation.override("vi"):
            self._handle(username, full_name, email, position)

    def _handle(self, username, full_name, email, position):
        # Refuse a taken name before asking for a password the operator would type for nothing.
        if User.objects.filter(username__iexact=normalize_text(username).lower()).exists():
            raise CommandError(MSG_BOOTSTRAP_USERNAME_TAKEN.format(username=normalize_text(username).lower()))
        password = self._password()
        try:
            person = national_admin_create(
                username=username, full_name=full_name, email=email, password=password, position=position
            )
        except ServiceError as exc:
            raise CommandError(str(exc.message)) from None
        self.stdout.write(self.style.SUCCESS(MSG_CREATED.format(username=person.username, full_name=person.full_name)))

    def _password(self) -> str:
        password = os.environ.get(PASSWORD_ENV)
        if password:
            return password
        if not sys.stdin.isatty():
            raise CommandError(str(MSG_PASSWORD_MISSING))
        password = getpass.getpass(gettext("Password: "))
        if password != getpass.getpass(gettext("Password again: ")):
            raise CommandError(str(MSG_PASSWORD_MISMATCH))
        return password
