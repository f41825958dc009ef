from datetime import date

from django.core.management.base import BaseCommand, CommandError

from dialogue.workcalendar.selectors import add_working_days


class Command(BaseCommand):
    help = "Print the date N Vietnamese working days after (or, with negative N, before) a date."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="start date, YYYY-MM-DD")
        parser.add_argument(
            "--add", dest="n", required=True, type=int, help="working days to add (negative counts back)"
        )

    def handle(self, *args, start, n, **options):
        try:
            day = date.fromisoformat(start)
        except ValueError:
            raise CommandError(f"Ngày không hợp lệ: {start!r} (định dạng YYYY-MM-DD).") from None
        try:
            result = add_working_days(day, n)
        except ValueError as exc:
            raise CommandError(f"Số ngày làm việc không hợp lệ: {n}.") from exc
        self.stdout.write(result.isoformat())
