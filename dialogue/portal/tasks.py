"""Background jobs of the portal: the receipt of a citizen's petition (queued with it) and
the scan that tells citizens of changes (a scheduled job of the worker, every 15 minutes)."""

from django.utils import timezone
from django_tasks import task


@task()
def send_receipt(petition_id: int) -> str:
    from dialogue.portal.notify import receipt_send

    return receipt_send(petition_id=petition_id)


@task()
def enrich_public_petition(petition_id: int) -> str:
    """Queued with each petition a citizen sends: its address, its repeats, the intake officers told."""
    from dialogue.petitions.public import petition_enrich

    return petition_enrich(petition_id=petition_id)


@task()
def portal_notify(run_id: int | None = None) -> dict:
    from dialogue.portal.notify import notify_changes

    counts = notify_changes()
    if run_id is not None:
        from dialogue.reminders.models import ScheduledRun

        ScheduledRun.objects.filter(pk=run_id).update(finished_at=timezone.now())
    return counts
