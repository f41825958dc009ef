import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions.demo import conclusions_demo_load
from dialogue.core.errors import ServiceError
from dialogue.followup.demo import followup_demo_load
from dialogue.organisation.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SIGNERS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.demo import petitions_demo_load
from dialogue.plans.demo import plans_demo_load
from dialogue.portal.demo import portal_demo_load
from dialogue.proceedings.demo import proceedings_demo_load

MSG_NOT_IN_PRODUCTION = _(
    "The demo data has accounts sharing one public password. The command runs only with DEBUG on, "
    "or with --allow-production if this is a demonstration server."
)


class Command(BaseCommand):
    help = (
        "Load the demo: administrative units (with pre-2025 Thái Nguyên, Bắc Giang, Quảng Ngãi), "
        "the bodies named in the five seed plans, the demo accounts, the five seed plans "
        "with their conferences and tasks, and the petitions raised at those conferences. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="load even with DEBUG off (a demonstration server): the demo password is public",
        )

    def handle(self, *args, allow_production, **options):
        with translation.override("vi"):
            self._handle(allow_production)

    def _handle(self, allow_production):
        if not settings.DEBUG and not allow_production:
            raise CommandError(str(MSG_NOT_IN_PRODUCTION))
        started = time.monotonic()
        try:
            summary = demo_load()
            admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
            plans = plans_demo_load(actor=admin)
            petitions = petitions_demo_load(actor=admin)
            day = proceedings_demo_load(actor=admin)
            conclusions = conclusions_demo_load(actor=admin)
            followup = followup_demo_load(actor=admin)
            portal_demo_load(actor=admin, stdout=self.stdout)
        except ServiceError as exc:
            raise CommandError(str(exc.message)) from None
        seconds = f"{time.monotonic() - started:.1f}"
        plans_line = gettext(
            "{plans} new demo plans, {conferences} conferences, {tasks} tasks; {petitions} demo petitions, "
            "{groups} summarised opinions, {answers} new answers"
        ).format(**plans, **petitions)
        if any(day.values()):
            plans_line += gettext(
                "; a conference held: {present} present, {walk_ins} walk-ins, {speakers} interventions, "
                "{minutes} minutes"
            ).format(**day)
        if any(conclusions.values()):
            plans_line += gettext("; {conclusions} conclusion notice issued with {directives} directives").format(
                **conclusions
            )
        if any(followup.values()):
            plans_line += gettext(
                "; follow-up of {directives} directives with {updates} progress updates and {escalations} "
                "recommendations to the higher level"
            ).format(**followup)
        if (
            not any(summary.values())
            and not any(plans.values())
            and not any(petitions.values())
            and not any(day.values())
            and not any(conclusions.values())
            and not any(followup.values())
        ):
            self.stdout.write(
                gettext("The demo data is complete; nothing was added ({seconds} s).").format(seconds=seconds)
            )
        elif not any(summary.values()):
            self.stdout.write(
                self.style.SUCCESS(
                    gettext(
                        "The demo units and accounts are complete, nothing added there; loaded {plans_line} "
                        "in {seconds} s."
                    ).format(plans_line=plans_line, seconds=seconds)
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    gettext(
                        "Demo data loaded in {seconds} s: {admin_units_created} new administrative units "
                        "({admin_units_updated} updated), {units} new bodies, organisations and villages, "
                        "{people} new accounts, {roles} new roles; {plans_line}."
                    ).format(**summary, plans_line=plans_line, seconds=seconds)
                )
            )
        self.stdout.write(gettext("Demo accounts (shared password: {password}):").format(password=DEMO_PASSWORD))
        for account in DEMO_ACCOUNTS:
            scope = account.scope or gettext("nationwide")
            self.stdout.write(f"  {account.username:<18} {account.full_name} — {account.role} — {scope}")
        signers = ", ".join(f"{s.username} ({s.full_name})" for s in DEMO_SIGNERS)
        self.stdout.write(gettext("Signers of the plans, without a role: {signers}.").format(signers=signers))
