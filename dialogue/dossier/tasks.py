"""Background work of the dossier app; the task loads by id and calls a service."""

from django_tasks import task


@task()
def dossier_build(export_id: int) -> str:
    from dialogue.dossier.services import dossier_build as build

    return build(export_id=export_id).status
