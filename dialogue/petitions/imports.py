"""Excel import of the petition lists MTTQ and villages send.

The file is stored on upload and a worker checks it, reporting progress; the person
reads the row-by-row report and chooses to import everything or only the valid rows;
the worker then prepares every row (the slow part: cleaning, address matching, finding
repeats), reporting progress, and writes them all in one short transaction. A failure
anywhere writes nothing. A row imported before (same fingerprint, same unit and
conference) is skipped, so importing the same file again creates nothing twice."""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can
from dialogue.petitions import tasks
from dialogue.petitions.excel import ParseResult, parse_workbook
from dialogue.petitions.models import Channel, ImportBatch, ImportStatus, Petition, PetitionerKind
from dialogue.petitions.services import petition_prepare, petition_store
from dialogue.petitions.states import IMPORT_TRANSITIONS
from dialogue.plans.models import Conference

log = logging.getLogger(__name__)

MSG_NOT_ALLOWED = _("You are not allowed to import petitions for this unit.")
MSG_FILE_INVALID = _("The file cannot be imported; correct it and upload it again.")
MSG_ROWS_INVALID = _("%(count)s rows have errors. Correct them, or choose to import only the valid rows.")
MSG_NOTHING_VALID = _("No row of the file is valid.")

MSG_FILE_CHANGED = _("The stored file no longer matches the one checked; upload it again.")
MSG_FILE_MISSING = _("The uploaded file is no longer on the server; upload it again.")
MSG_NOT_READY = _("This import cannot be started now: %(status)s.")
MSG_CRASHED = _("The import stopped because of an error; nothing was written. Start it again, or report the problem.")

# Rows kept in the check's report for the preview: every row with an error (up to a
# limit) and the first valid ones.
REPORT_ERROR_ROWS = 2000
REPORT_VALID_ROWS = 200
PROGRESS_EVERY = 100
# An import whose worker has not reported for this long was interrupted (a killed
# worker); it wrote nothing and may be started again.
STALE_AFTER = timedelta(minutes=3)

# The channel column accepts the Vietnamese labels of the paper forms and lists.
_CHANNEL_WORDS = {
    "phieu y kien": Channel.PAPER_CITIZEN,
    "phieu danh cho nhan dan": Channel.PAPER_CITIZEN,
    "phieu danh cho co quan": Channel.PAPER_ORGANISATION,
    "phieu dang ky phat bieu": Channel.SPEAKER_SLIP,
    "dang ky phat bieu": Channel.SPEAKER_SLIP,
    "phat bieu tai hoi nghi": Channel.SPOKEN,
    "phat bieu": Channel.SPOKEN,
    "mttq": Channel.MTTQ,
    "mat tran": Channel.MTTQ,
    "doan the": Channel.MTTQ,
    "hop thon": Channel.VILLAGE,
    "to dan pho": Channel.VILLAGE,
    "bao cao cua co quan": Channel.AGENCY_REPORT,
    "co quan": Channel.AGENCY_REPORT,
    "truc tuyen": Channel.ONLINE,
}


def channel_of(value: str, default: str) -> str:
    folded = fold(value or "")
    if not folded:
        return default
    for words, channel in _CHANNEL_WORDS.items():
        if words in folded:
            return channel
    return default


def _file_name(digest: str) -> str:
    return f"imports/{digest}.xlsx"


def _read_file(batch: ImportBatch) -> bytes:
    name = _file_name(batch.file_sha256)
    if not default_storage.exists(name):
        raise ServiceError(MSG_FILE_MISSING)
    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != batch.file_sha256:
        raise ServiceError(MSG_FILE_CHANGED)
    return data


def _move(batch: ImportBatch, target: str, **fields) -> ImportBatch:
    """The one place an import changes status: checked against the table, and only if
    nobody moved it meanwhile (two workers never both take the same import)."""
    IMPORT_TRANSITIONS.check(batch.status, target)
    moved = ImportBatch.objects.filter(pk=batch.pk, version=batch.version, status=batch.status).update(
        status=target, version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if not moved:
        raise ServiceError(MSG_NOT_READY % {"status": batch.get_status_display()})
    batch.refresh_from_db()
    return batch


def _progress(batch_id: int, done: int, total: int | None) -> None:
    # Outside any transaction, so the person's page sees it at once.
    ImportBatch.objects.filter(pk=batch_id).update(progress_done=done, progress_total=total, updated_at=timezone.now())


def report_of(result: ParseResult) -> dict:
    """What the preview shows of a checked file (kept as JSON on the batch)."""
    errors = [row for row in result.rows if row.errors][:REPORT_ERROR_ROWS]
    valid = [row for row in result.rows if not row.errors][:REPORT_VALID_ROWS]
    # Rows with errors first: in a long file they are what the person must find.
    shown = errors + valid
    return {
        "file_errors": [str(e) for e in result.file_errors],
        "warnings": [str(w) for w in result.warnings],
        "rows": [
            {
                "row": row.row_number,
                "name": str(row.values.get("name") or ""),
                "phone": str(row.values.get("phone") or ""),
                "content": str(row.values.get("content") or "")[:300],
                "errors": [str(e) for e in row.errors],
            }
            for row in shown
        ],
        "rows_not_shown": len(result.rows) - len(shown),
    }


# ---------------------------------------------------------------- services


def import_upload(
    *,
    actor,
    data: bytes,
    file_name: str,
    receiving_unit: Unit,
    conference: Conference | None,
    default_channel: str,
) -> ImportBatch:
    """Keep the uploaded file and queue its check. The same file uploaded again by the
    same person for the same place while its first upload still waits for a decision
    (a double click, a reloaded page) gives back that upload."""
    if not user_can(actor, Capability.PETITION_INTAKE, receiving_unit):
        raise ServiceError(MSG_NOT_ALLOWED)
    digest = hashlib.sha256(data).hexdigest()
    name = _file_name(digest)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))
    with transaction.atomic():
        waiting = (
            ImportBatch.objects.select_for_update()
            .filter(
                file_sha256=digest,
                receiving_unit=receiving_unit,
                conference=conference,
                created_by=actor,
                status__in=[ImportStatus.CHECKING, ImportStatus.CHECKED],
            )
            .first()
        )
        if waiting is not None:
            return waiting
        batch = ImportBatch.objects.create(
            conference=conference,
            receiving_unit=receiving_unit,
            file_name=file_name[:255],
            file_sha256=digest,
            default_channel=default_channel,
            status=ImportStatus.CHECKING,
            created_by=actor,
        )
        audit_record(
            actor=actor, action="petition.import_upload", target=batch, after={"file": file_name}, unit=receiving_unit
        )
        # Queued in the same transaction: with the database backend the task row commits
        # with the batch or not at all.
        tasks.import_check.enqueue(batch.pk)
    return batch


def import_check(*, batch_id: int) -> ImportBatch:
    """Worker: read and check every row, recording progress, then keep the report."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != ImportStatus.CHECKING:
        return batch
    try:
        data = _read_file(batch)
    except ServiceError as error:
        return _move(batch, ImportStatus.FAILED, error=str(error.message), finished_at=timezone.now())
    result = parse_workbook(data, progress=lambda done, total: _progress(batch.pk, done, total))
    target = ImportStatus.FAILED if result.file_errors else ImportStatus.CHECKED
    return _move(
        batch,
        target,
        report=report_of(result),
        rows_total=len(result.rows),
        rows_valid=len(result.valid_rows),
        rows_invalid=len(result.invalid_rows),
        progress_done=len(result.rows),
        progress_total=len(result.rows),
        error=str(MSG_FILE_INVALID) if result.file_errors else "",
        finished_at=timezone.now() if result.file_errors else None,
    )


def import_start(*, actor, batch: ImportBatch, only_valid: bool) -> ImportBatch:
    """The person's decision: import the whole file, or only its valid rows. An import
    that failed or was interrupted (a killed worker) is started again the same way."""
    if not user_can(actor, Capability.PETITION_INTAKE, batch.receiving_unit):
        raise ServiceError(MSG_NOT_ALLOWED)
    if batch.status not in (ImportStatus.CHECKED, ImportStatus.FAILED):
        # A running import is started again only when its worker stopped (import_restart).
        raise ServiceError(MSG_NOT_READY % {"status": batch.get_status_display()})
    if batch.report.get("file_errors"):
        raise ServiceError(MSG_FILE_INVALID)
    if batch.rows_invalid and not only_valid:
        raise ServiceError(MSG_ROWS_INVALID % {"count": batch.rows_invalid})
    if not batch.rows_valid:
        raise ServiceError(MSG_NOTHING_VALID)
    with transaction.atomic():
        batch = _move(batch, ImportStatus.QUEUED, only_valid=only_valid, started_by=actor, error="", progress_done=0)
        audit_record(
            actor=actor,
            action="petition.import_start",
            target=batch,
            after={"only_valid": only_valid, "rows": batch.rows_valid},
            unit=batch.receiving_unit,
        )
        tasks.import_run.enqueue(batch.pk)
    return batch


def import_cancel(*, actor, batch: ImportBatch) -> ImportBatch:
    if not user_can(actor, Capability.PETITION_INTAKE, batch.receiving_unit):
        raise ServiceError(MSG_NOT_ALLOWED)
    with transaction.atomic():
        batch = _move(batch, ImportStatus.CANCELLED, finished_at=timezone.now())
        audit_record(actor=actor, action="petition.import_cancel", target=batch, unit=batch.receiving_unit)
    return batch


def import_is_stale(batch: ImportBatch) -> bool:
    return batch.status in (ImportStatus.QUEUED, ImportStatus.IMPORTING) and (
        timezone.now() - batch.updated_at > STALE_AFTER
    )


def import_restart(*, actor, batch: ImportBatch) -> ImportBatch:
    """Start again an import that failed, or whose worker stopped reporting (killed):
    it wrote nothing, and rows written by an earlier run would be skipped anyway."""
    if not user_can(actor, Capability.PETITION_INTAKE, batch.receiving_unit):
        raise ServiceError(MSG_NOT_ALLOWED)
    if batch.status in (ImportStatus.QUEUED, ImportStatus.IMPORTING) and import_is_stale(batch):
        with transaction.atomic():
            if batch.status == ImportStatus.IMPORTING:
                batch = _move(batch, ImportStatus.QUEUED)
            audit_record(actor=actor, action="petition.import_start", target=batch, unit=batch.receiving_unit)
            tasks.import_run.enqueue(batch.pk)
        return batch
    return import_start(actor=actor, batch=batch, only_valid=batch.only_valid)


def import_run(*, batch_id: int) -> ImportBatch:
    """Worker: prepare every row outside any transaction (progress shown), then write
    them in one transaction. Any error leaves nothing written and the import failed."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != ImportStatus.QUEUED:
        return batch
    batch = _move(batch, ImportStatus.IMPORTING, progress_done=0)
    actor = batch.started_by
    try:
        result = parse_workbook(_read_file(batch))
        if result.file_errors:
            raise ServiceError(MSG_FILE_INVALID)
        if result.invalid_rows and not batch.only_valid:
            raise ServiceError(MSG_ROWS_INVALID % {"count": len(result.invalid_rows)})
        rows = result.valid_rows
        known = set(
            Petition.objects.filter(
                receiving_unit=batch.receiving_unit,
                conference=batch.conference,
                fingerprint__in=[row.fingerprint for row in rows],
            ).values_list("fingerprint", flat=True)
        )
        prepared, skipped = [], 0
        _progress(batch.pk, 0, len(rows))
        for index, row in enumerate(rows, start=1):
            if row.fingerprint in known:
                skipped += 1
            else:
                known.add(row.fingerprint)
                prepared.append(_prepare_row(batch, row))
            if index % PROGRESS_EVERY == 0:
                _progress(batch.pk, index, len(rows))
        _progress(batch.pk, len(rows), len(rows))
        with transaction.atomic():
            for petition in prepared:
                petition_store(actor=actor, petition=petition)
            batch = _move(
                batch,
                ImportStatus.DONE,
                rows_created=len(prepared),
                rows_skipped=skipped,
                finished_at=timezone.now(),
            )
            audit_record(
                actor=actor,
                action="petition.import",
                target=batch,
                after={
                    "file": batch.file_name,
                    "created": len(prepared),
                    "skipped": skipped,
                    "invalid": batch.rows_invalid if batch.only_valid else 0,
                },
                unit=batch.receiving_unit,
            )
    except ServiceError as error:
        batch.refresh_from_db()
        return _move(batch, ImportStatus.FAILED, error=str(error.message), finished_at=timezone.now())
    except Exception:
        log.exception("import %s failed", batch.pk)
        batch.refresh_from_db()
        return _move(batch, ImportStatus.FAILED, error=str(MSG_CRASHED), finished_at=timezone.now())
    notify(
        recipients=[actor] if actor else [],
        message=MSG_DONE % {"file": batch.file_name, "created": batch.rows_created, "skipped": batch.rows_skipped},
        url=reverse("petitions:import_detail", args=[batch.pk]),
    )
    default_storage.delete(_file_name(batch.file_sha256))
    return batch


MSG_DONE = _("Import of %(file)s finished: %(created)s new petitions, %(skipped)s already recorded.")


def _prepare_row(batch: ImportBatch, row) -> Petition:
    values = row.values
    try:
        return petition_prepare(
            actor=batch.started_by,
            receiving_unit=batch.receiving_unit,
            conference=batch.conference,
            channel=channel_of(values.get("channel", ""), batch.default_channel),
            petitioner_kind=PetitionerKind.ORGANISATION if values.get("position") else PetitionerKind.CITIZEN,
            name=values.get("name", ""),
            phone=values.get("phone", ""),
            address=values.get("address", ""),
            position=values.get("position", ""),
            content=values["content"],
            received_on=values.get("received_on") or None,
            import_batch=batch,
            import_row=row.row_number,
            fingerprint=row.fingerprint,
        )
    except ServiceError as error:
        raise ServiceError(MSG_ROW_REFUSED % {"row": row.row_number, "reason": error.message}) from None


MSG_ROW_REFUSED = _("Row %(row)s: %(reason)s Nothing was imported.")
