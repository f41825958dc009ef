from pathlib import Path

from django.core.management.base import BaseCommand

from dialogue.core.backup import backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one file (var/backups/ by default)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="Folder for the backup file.")

    def handle(self, *args, **options):
        result = backup(options["dir"])
        self.stdout.write(f"{result.path}  ({result.size:,} bytes, {result.files} uploaded files)")
