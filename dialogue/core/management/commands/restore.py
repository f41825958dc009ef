from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dialogue.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        path = options["file"]
        if not path.is_file():
            raise CommandError(f"No backup file at {path}")
        if not options["yes"]:
            answer = input(f"Replace the database and uploaded files with {path}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "c", "có", "co"):
                raise CommandError("Cancelled.")
        try:
            manifest = restore(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {path} ({manifest['engine']}, made {manifest['created_at']}).")
