"""Background jobs of the reminders app; each calls a service and marks its scheduled
run finished (an unfinished daily run is enqueued again by the scheduler)."""

from datetime import date

from django.utils import timezone
from django_tasks import task


def _finished(run_id: int | None) -> None:
    if run_id is not None:
        from dialogue.reminders.models import ScheduledRun

        ScheduledRun.objects.filter(pk=run_id).update(finished_at=timezone.now())


@task()
def reminders_scan(run_id: int | None = None) -> dict:
    from dialogue.reminders import services

    counts = services.reminders_scan()
    _finished(run_id)
    return counts


@task()
def digest_daily(day: str, run_id: int | None = None) -> dict:
    from dialogue.reminders import services

    counts = services.digest_daily(day=date.fromisoformat(day))
    _finished(run_id)
    return counts


@task()
def deliveries_send() -> dict:
    from dialogue.reminders import services

    return services.deliveries_send()


@task()
def satisfaction_resend(run_id: int | None = None) -> dict:
    """Queue again the satisfaction messages that did not leave (gateway down, worker stopped)."""
    from dialogue.followup.satisfaction import unsent_requests_enqueue

    queued = unsent_requests_enqueue()
    _finished(run_id)
    return {"queued": queued}
