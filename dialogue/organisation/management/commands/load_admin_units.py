from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from dialogue.organisation.admin_units import admin_units_load


class Command(BaseCommand):
    help = (
        "Load Vietnam's provinces and communes after the July 2025 reform (34 and 3,321, "
        "with official codes). Idempotent: running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--historical",
            nargs="*",
            default=[],
            metavar="PROVINCE_CODE",
            help="also load the pre-2025 districts and communes of these legacy province codes (e.g. 51 24)",
        )

    def handle(self, *args, historical, **options):
        with translation.override("vi"):
            report = admin_units_load(historical_provinces=historical)
            self.stdout.write(
                _("{created} units created, {updated} updated, {unchanged} unchanged.").format(
                    created=report.created, updated=report.updated, unchanged=report.unchanged
                )
            )
            for kind, n in sorted(report.by_kind.items()):
                self.stdout.write(_("  {kind}: {n} new").format(kind=kind, n=n))
