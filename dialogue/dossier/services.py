"""Building and downloading the conference dossier (domain.md §1 step 9: “the whole
dossier is archived”).

A person asks for a build; the worker writes the ZIP into a temporary file, and only a
complete file is stored and offered for download, with its size and SHA-256. A failure
anywhere keeps no file and leaves the export failed with the reason. One build per
conference runs at a time (a partial unique constraint; a double click returns the build
already queued). The dossier holds names of citizens and delegates, so only staff working
over the unit that issued the plan, who see its plan and its petitions, may build or
download it, and every build and download is written to the audit log (Law 91/2025/QH15:
log access to personal data).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify
from dialogue.dossier import tasks
from dialogue.dossier.builders import build_zip
from dialogue.dossier.models import ACTIVE_STATUSES, DossierExport, DossierStatus
from dialogue.dossier.states import DOSSIER_TRANSITIONS
from dialogue.lib.text import fold
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can
from dialogue.plans.models import Conference

log = logging.getLogger(__name__)

MSG_NOT_ALLOWED = _(
    "Only staff working over the unit that issued the plan, who see its plan and its petitions, "
    "may build or download the dossier of this conference."
)
MSG_NOT_READY = _("This dossier is not ready to download.")
MSG_FILE_GONE = _("The file of this dossier is no longer on the server; build the dossier again.")
MSG_MOVED = _("This dossier was changed meanwhile (now: %(status)s).")
MSG_FAILED = _("The dossier could not be built (at “%(step)s”): %(reason)s No file was kept; build it again.")
MSG_UNEXPECTED = _("an unexpected error occurred; if it happens again, report it to the administrator.")
MSG_INTERRUPTED = _(
    "The build was interrupted: the worker did not report for more than %(minutes)s minutes. No file was kept."
)
MSG_SAVING = _("Saving the file")
MSG_READY = _("The dossier of the conference “%(title)s” is ready to download.")

# A build whose worker has not reported for this long was interrupted (a killed worker,
# or none running); asking again marks it failed and queues a new one.
STALE_AFTER = timedelta(minutes=10)


def can_archive(user, conference: Conference) -> bool:
    """Staff who see the conference's plan and its petitions through the plan's issuing
    unit (not through a duty or an assigned group): its secretariat, synthesis board,
    chair or supervisor, the people above it, a national administrator."""
    unit = conference.plan.issuing_unit
    return user_can(user, Capability.PLAN_VIEW, unit) and user_can(user, Capability.PETITION_VIEW, unit)


def _require(user, conference: Conference) -> None:
    if not can_archive(user, conference):
        raise PermissionDenied(MSG_NOT_ALLOWED)


def is_stale(export: DossierExport, *, now=None) -> bool:
    return export.status in ACTIVE_STATUSES and (now or timezone.now()) - export.updated_at > STALE_AFTER


def download_name(export: DossierExport) -> str:
    """`ho-so-hoi-nghi-xa-gia-phuc-11-06-2026.zip`: ASCII, safe on every system."""
    conference = export.conference
    slug = "-".join(fold(conference.host_unit.name).replace("/", " ").split())
    slug = "".join(ch for ch in slug if ch.isascii() and (ch.isalnum() or ch == "-"))[:60].strip("-") or "hoi-nghi"
    day = conference.date or timezone.localtime(export.created_at).date()
    return f"ho-so-hoi-nghi-{slug}-{day:%d-%m-%Y}.zip"


def _move(export: DossierExport, target: str, **fields) -> DossierExport:
    """The one place an export changes status: checked against the table, and only if
    nobody moved it meanwhile (two workers never both build the same export)."""
    DOSSIER_TRANSITIONS.check(export.status, target)
    moved = DossierExport.objects.filter(pk=export.pk, version=export.version, status=export.status).update(
        status=target, version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if not moved:
        export.refresh_from_db()
        raise ServiceError(MSG_MOVED % {"status": export.get_status_display()})
    export.refresh_from_db()
    return export


def _audit(actor, action: str, export: DossierExport, *, after: dict | None = None) -> None:
    audit_record(actor=actor, action=action, target=export, after=after, unit=export.conference.plan.issuing_unit)


def dossier_request(*, actor, conference: Conference) -> tuple[DossierExport, bool]:
    """Queue a build of the conference's dossier; (export, created). While one is queued
    or being built, asking again (a double click, a second person) returns that one. A
    build whose worker stopped reporting is marked failed and a new one is queued."""
    _require(actor, conference)
    with transaction.atomic():
        # On PostgreSQL two requests for the same conference wait for each other here;
        # the partial unique constraint settles anything else (and SQLite).
        Conference.objects.select_for_update().filter(pk=conference.pk).first()
        active = DossierExport.objects.filter(conference=conference, status__in=ACTIVE_STATUSES).first()
        if active is not None:
            if not is_stale(active):
                return active, False
            minutes = int(STALE_AFTER.total_seconds() // 60)
            with translation.override("vi"):
                reason = str(MSG_INTERRUPTED % {"minutes": minutes})
            active = _move(active, DossierStatus.FAILED, error=reason, finished_at=timezone.now())
            _audit(actor, "dossier.interrupted", active, after={"error": reason})
        try:
            with transaction.atomic():
                export = DossierExport.objects.create(conference=conference, requested_by=actor)
        except IntegrityError:
            return DossierExport.objects.get(conference=conference, status__in=ACTIVE_STATUSES), False
        _audit(actor, "dossier.request", export, after={"conference": conference.pk})
        # Queued in the same transaction: with the database backend the task row commits
        # with the export or not at all.
        tasks.dossier_build.enqueue(export.pk)
    return export, True


def _progress(export_id: int, step: str) -> None:
    # Also the worker's heartbeat (see STALE_AFTER).
    DossierExport.objects.filter(pk=export_id, status=DossierStatus.BUILDING).update(
        step=str(step)[:200], updated_at=timezone.now()
    )


def _digest(path: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def dossier_build(*, export_id: int) -> DossierExport:
    """Worker: write the ZIP into a temporary file, then store it and mark the export
    ready in one step. Any error keeps no file and marks the export failed with the step
    it stopped at and the reason, in Vietnamese."""
    export = DossierExport.objects.select_related("conference", "conference__plan", "requested_by").get(pk=export_id)
    if export.status != DossierStatus.QUEUED:
        return export
    try:
        export = _move(export, DossierStatus.BUILDING, started_at=timezone.now())
    except ServiceError:
        return export  # another worker took it
    conference, actor = export.conference, export.requested_by
    handle, temp_path = tempfile.mkstemp(prefix="dossier-", suffix=".zip")
    stored = ""
    step = ""

    def progress(label) -> None:
        nonlocal step
        with translation.override("vi"):
            step = str(label)
        _progress(export.pk, step)

    try:
        with os.fdopen(handle, "w+b") as target, translation.override("vi"):
            written = build_zip(target, conference, actor, progress=progress)
        progress(MSG_SAVING)
        sha256, size = _digest(temp_path)
        name = export.file.field.generate_filename(export, f"{uuid.uuid4().hex}.zip")
        with open(temp_path, "rb") as source:
            stored = default_storage.save(name, File(source))
        with transaction.atomic():
            missing = [f"{e.folder}: {e.title}" for e in written.entries if e.lacking]
            export = _move(
                export,
                DossierStatus.READY,
                file=stored,
                size=size,
                sha256=sha256,
                file_count=len(written.files),
                missing=missing,
                step="",
                finished_at=timezone.now(),
            )
            _audit(actor, "dossier.build", export, after={"sha256": sha256, "size": size, "files": len(written.files)})
            with translation.override("vi"):
                message = str(MSG_READY % {"title": conference.title[:120]})
            url = reverse("dossier:conference", args=[conference.pk])
            notify(recipients=[actor] if actor else [], message=message, url=url)
    except Exception as error:
        log.exception("dossier %s failed at %s", export.pk, step)
        if stored:
            default_storage.delete(stored)
        with translation.override("vi"):
            reason = str(error.message) if isinstance(error, ServiceError) else str(MSG_UNEXPECTED)
            message = str(MSG_FAILED % {"step": step or "-", "reason": reason.rstrip(".") + "."})
        export.refresh_from_db()
        if export.status == DossierStatus.BUILDING:
            with transaction.atomic():
                export = _move(export, DossierStatus.FAILED, error=message, step="", finished_at=timezone.now())
                _audit(actor, "dossier.build_failed", export, after={"error": message})
    finally:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
    return export


def dossier_download(*, actor, export: DossierExport):
    """Open a ready dossier for the person, and write the download to the audit log."""
    _require(actor, export.conference)
    if export.status != DossierStatus.READY or not export.file:
        raise ServiceError(MSG_NOT_READY)
    if not default_storage.exists(export.file.name):
        raise ServiceError(MSG_FILE_GONE)
    handle = export.file.open("rb")
    with transaction.atomic():
        _audit(actor, "dossier.download", export, after={"sha256": export.sha256, "size": export.size})
    return handle
