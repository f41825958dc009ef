"""Background work of the petitions app; each task loads by id and calls a service."""

from django_tasks import task


@task()
def import_check(batch_id: int) -> str:
    from dialogue.petitions.imports import import_check as check

    return check(batch_id=batch_id).status


@task()
def import_run(batch_id: int) -> str:
    from dialogue.petitions.imports import import_run as run

    return run(batch_id=batch_id).status
