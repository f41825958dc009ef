"""Excel import of the petition lists MTTQ and villages send: preview, then one atomic
commit. A row imported before (same fingerprint, same unit and conference) is skipped,
so importing the same file again creates nothing."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can
from dialogue.petitions.excel import ParseResult, parse_workbook
from dialogue.petitions.models import Channel, ImportBatch, Petition, PetitionerKind
from dialogue.petitions.services import petition_receive
from dialogue.plans.models import Conference

MSG_NOT_ALLOWED = _("You are not allowed to import petitions for this unit.")
MSG_FILE_INVALID = _("The file cannot be imported; correct it and upload it again.")
MSG_ROWS_INVALID = _("%(count)s rows have errors. Correct them, or choose to import only the valid rows.")
MSG_NOTHING_VALID = _("No row of the file is valid.")

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


def preview(data: bytes) -> ParseResult:
    return parse_workbook(data)


def commit(
    *,
    actor,
    data: bytes,
    file_name: str,
    receiving_unit: Unit,
    conference: Conference | None,
    default_channel: str,
    only_valid: bool,
) -> ImportBatch:
    """Write the file's petitions in one transaction: all of them or, when the person
    chose so, only the valid rows; a failure anywhere leaves nothing behind."""
    if not user_can(actor, Capability.PETITION_INTAKE, receiving_unit):
        raise ServiceError(MSG_NOT_ALLOWED)
    result = parse_workbook(data)
    if result.file_errors:
        raise ServiceError(MSG_FILE_INVALID)
    if result.invalid_rows and not only_valid:
        raise ServiceError(MSG_ROWS_INVALID % {"count": len(result.invalid_rows)})
    if not result.valid_rows:
        raise ServiceError(MSG_NOTHING_VALID)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            conference=conference,
            receiving_unit=receiving_unit,
            file_name=file_name[:255],
            file_sha256=result.file_sha256,
            default_channel=default_channel,
            rows_total=len(result.rows),
            rows_invalid=len(result.invalid_rows),
            created_by=actor,
        )
        known = set(
            Petition.objects.filter(
                receiving_unit=receiving_unit,
                conference=conference,
                fingerprint__in=[row.fingerprint for row in result.valid_rows],
            ).values_list("fingerprint", flat=True)
        )
        created = skipped = 0
        for row in result.valid_rows:
            if row.fingerprint in known:
                skipped += 1
                continue
            values = row.values
            petition_receive(
                actor=actor,
                receiving_unit=receiving_unit,
                conference=conference,
                channel=channel_of(values.get("channel", ""), default_channel),
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
            known.add(row.fingerprint)
            created += 1
        batch.rows_created = created
        batch.rows_skipped = skipped
        batch.save(update_fields=["rows_created", "rows_skipped"])
        audit_record(
            actor=actor,
            action="petition.import",
            target=batch,
            after={"file": file_name, "created": created, "skipped": skipped, "invalid": len(result.invalid_rows)},
            unit=receiving_unit,
        )
    return batch
