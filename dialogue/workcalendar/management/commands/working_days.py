from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from dialogue.workcalendar.selectors import add_working_days


class Command(BaseCommand):
    help = "Print the date N Vietnamese working days after (or, with negative N, before) a date."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="start date, YYYY-MM-DD")
        parser.add_argument(
            "--add", dest="n", required=True, type=int, help="working days to add (negative counts back)"
        )

    def handle(self, *args, start, n, **options):
        with translation.override("vi"):
            self._handle(start, n)

    def _handle(self, start, n):
        try:
            day = date.fromisoformat(start)
        except ValueError:
            raise CommandError(_("Invalid date: {start!r} (format YYYY-MM-DD).").format(start=start)) from None
        try:
            result = add_working_days(day, n)
        except ValueError as exc:
            raise CommandError(_("Invalid number of working days: {n}.").format(n=n)) from exc
        self.stdout.write(result.isoformat())
