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

from dialogue.core.errors import ServiceError
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import User
from dialogue.organisation.services import (
    BOOTSTRAP_DEFAULT_POSITION,
    MSG_BOOTSTRAP_USERNAME_TAKEN,
    national_admin_create,
)

PASSWORD_ENV = "DOITHOAI_ADMIN_PASSWORD"  # noqa: S105 (the variable's name, not a password)
MSG_PASSWORD_MISMATCH = "Hai lần nhập mật khẩu không khớp nhau."  # noqa: S105
MSG_PASSWORD_MISSING = (
    "Chưa có mật khẩu: hãy đặt biến môi trường " + PASSWORD_ENV + " hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập."
)
MSG_CREATED = "Đã tạo tài khoản quản trị hệ thống toàn quốc “{username}” ({full_name})."


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
            raise CommandError(MSG_PASSWORD_MISSING)
        password = getpass.getpass("Mật khẩu: ")
        if password != getpass.getpass("Nhập lại mật khẩu: "):
            raise CommandError(MSG_PASSWORD_MISMATCH)
        return password
