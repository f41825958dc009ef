"""A citizen's rights over their data (Law 91/2025/QH15 on personal data protection,
Decree 356/2025/NĐ-CP): an administrator finds what the system holds about a person,
gives it to them, and anonymises it where the law allows.

- `person_find`: the look-up is audited (how the person was looked up and how many
  petitions were found, never the number or name typed) and the contact details shown
  are written to the access log.
- `person_data_export`: everything held about the person as JSON or Excel; audited.
- `person_anonymise`: the petitioner's identity is removed from every place the system
  keeps it, in one transaction; the petitions themselves stay, because receiving and
  answering them is a public duty whose record is kept, unless the administrator also
  erases the content of chosen petitions, with a reason. Statistics do not change: the
  channel, dates, field, level, status, units and the matched village or commune stay.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record
from dialogue.lib.text import fold, normalize_text
from dialogue.organisation.models import Unit
from dialogue.petitions import similarity
from dialogue.petitions.models import Answer, ImportBatch, Petition, PetitionerKind, PetitionFile, PetitionGroup
from dialogue.privacy import selectors
from dialogue.privacy.access import anonymised_name, record_contact_access
from dialogue.privacy.models import AccessView, ErasedPetition, Erasure
from dialogue.privacy.scrub import Identifiers, scrub_with

MSG_NOT_ADMIN = _("Only a system administrator over the receiving unit may do this with a petitioner's data.")
MSG_NOTHING_CHOSEN = _("Tick at least one petition of the person.")
MSG_REASON = _("Write why the data is anonymised (the request, the decision, its date).")
MSG_REDACTION_REASON = _("Write why the content of the ticked petitions is erased too.")
MSG_REDACT_OUTSIDE = _("The content can only be erased from the petitions being anonymised.")
MSG_ALREADY = _("Petition no. %(number)s was already anonymised.")
MSG_FORMAT = _("Choose JSON or Excel.")

# Where a name was in a text, this stays (a removed telephone number, e-mail address or
# house address leaves nothing).
NAME_MARK = _("[anonymised]")
REDACTED_CONTENT = _(
    "[The content was erased on %(day)s by decision of the administrator (anonymisation no. %(number)s).]"
)


def _mark() -> str:
    with translation.override("vi"):
        return str(NAME_MARK)


def _require_admin(actor, petitions: Iterable[Petition]) -> None:
    for petition in petitions:
        if not selectors.can_anonymise(actor, petition):
            raise ServiceError(MSG_NOT_ADMIN)


def common_unit(petitions: Iterable[Petition]) -> Unit | None:
    """The lowest unit above every petition's receiving unit (who may read the audit
    entry); None when they lie in different provinces (a national entry)."""
    chains = [[part for part in p.receiving_unit.path.strip("/").split("/") if part] for p in petitions]
    if not chains:
        return None
    common = []
    for parts in zip(*chains, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return Unit.objects.filter(pk=int(common[-1])).first() if common else None


# ---------------------------------------------------------------- look-up


@transaction.atomic
def person_find(*, actor, lookup: selectors.Lookup) -> list[Petition]:
    """The petitions of a person within the administrator's units (see
    `selectors.person_lookup`), with the look-up audited and the access logged."""
    if not selectors.is_privacy_admin(actor):
        raise ServiceError(MSG_NOT_ADMIN)
    found = selectors.person_lookup(user=actor, lookup=lookup)
    found_erased = selectors.erased_ids(found)
    for petition in found:
        petition.erased = petition.pk in found_erased
    record_contact_access(actor, found, where=AccessView.PERSON_LOOKUP)
    audit_record(
        actor=actor,
        action="privacy.lookup",
        target=None,
        unit=common_unit(found) if found else _actor_unit(actor),
        after={"by": lookup.kind, "found": len(found), "petitions": [p.pk for p in found]},
    )
    return found


def _actor_unit(actor) -> Unit | None:
    paths = selectors.admin_paths(actor)
    if not paths:
        return None
    return Unit.objects.filter(path=paths[0]).first()


# ---------------------------------------------------------------- export


@transaction.atomic
def person_data_export(*, actor, petitions: list[Petition], fmt: str) -> tuple[bytes, str, str]:
    """Everything the system holds about the person of `petitions`, as (data, content
    type, file name): their petitions with consent and basis, tracking codes, files,
    satisfaction answers, messages sent to them, interventions linked to their petitions
    and every access to their contact details (this export included). Audited."""
    from dialogue.privacy import export

    if fmt not in ("json", "xlsx"):
        raise ServiceError(MSG_FORMAT, field="format")
    if not petitions:
        raise ServiceError(MSG_NOTHING_CHOSEN)
    _require_admin(actor, petitions)
    record_contact_access(actor, petitions, where=AccessView.PERSON_EXPORT)
    data = export.collect(petitions, actor=actor)
    audit_record(
        actor=actor,
        action="privacy.export",
        target=None,
        unit=common_unit(petitions),
        after={
            "format": fmt,
            "petitions": [p.pk for p in petitions],
            "messages": len(data["messages"]),
            "satisfaction": sum(len(p["satisfaction"]) for p in data["petitions"]),
            "access_entries": len(data["access_log"]),
        },
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "json":
        return export.to_json(data), "application/json", f"du-lieu-ca-nhan-{stamp}.json"
    return (
        export.to_xlsx(data),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"du-lieu-ca-nhan-{stamp}.xlsx",
    )


# ---------------------------------------------------------------- anonymisation


def _identifiers(petitions: Iterable[Petition]) -> Identifiers:
    ids = Identifiers()
    for petition in petitions:
        ids.add(name=petition.name, phone=petition.phone, email=petition.email, address=petition.address)
        if petition.petitioner_kind == PetitionerKind.CITIZEN:
            ids.add(name=petition.organisation)
    return ids


def _search_text(petition: Petition) -> str:
    # As petitions.services._set_search, without the petitioner's name and address.
    return fold(" ".join(x for x in (petition.content, petition.organisation) if x))


def _messages_q(petitions: list[Petition], ids: Identifiers) -> Q:
    from dialogue.followup.models import SatisfactionRequest

    q = Q(pk__in=[])
    for petition in petitions:
        q |= Q(key__startswith=f"portal:{petition.pk}:") | Q(key__startswith=f"portal-receipt:{petition.pk}:")
        q |= Q(key__startswith="escalation-answer:", key__endswith=f":{petition.pk}:sms")
    requests = SatisfactionRequest.objects.filter(petition__in=petitions).values_list("pk", flat=True)
    for request_pk in requests:
        q |= Q(key__startswith=f"satisfaction:{request_pk}:")
    if ids.phones:
        q |= Q(address__in=sorted(ids.phones))
    for email in ids.emails:
        q |= Q(address__iexact=email)
    return Q(recipient__isnull=True) & q


def messages_of(petitions: list[Petition]):
    from dialogue.reminders.models import OutboundMessage

    return OutboundMessage.objects.filter(_messages_q(petitions, _identifiers(petitions)))


def _check_anonymise(actor, petitions, reason, redact, redaction_reason) -> tuple[str, set[int], str]:
    if not petitions:
        raise ServiceError(MSG_NOTHING_CHOSEN)
    _require_admin(actor, petitions)
    reason = normalize_text(reason)
    if not reason:
        raise ServiceError(MSG_REASON, field="reason")
    redact = {int(pk) for pk in redact}
    if not redact <= {p.pk for p in petitions}:
        raise ServiceError(MSG_REDACT_OUTSIDE, field="redact")
    redaction_reason = normalize_text(redaction_reason)
    if redact and not redaction_reason:
        raise ServiceError(MSG_REDACTION_REASON, field="redaction_reason")
    return reason, redact, redaction_reason


@transaction.atomic
def person_anonymise(
    *,
    actor,
    petitions: list[Petition],
    reason: str,
    redact: Iterable[int] = (),
    redaction_reason: str = "",
) -> Erasure:
    """Remove a person's identity from the records (Law 91/2025/QH15: erasure where the
    law allows; the petition itself is a record of a public duty and stays).

    On each petition the name becomes “Người kiến nghị đã ẩn danh”; telephone number,
    e-mail, address (and a citizen's organisation and position) are cleared; the tracking
    code is invalidated and no notice is sent any more; the person's own name, number,
    e-mail and address are removed from the content, the group's summary and answers,
    their assessments and the import report; the search text and signature are computed
    again without them; the files they attached are deleted from storage (after the
    commit); the messages sent to them lose their address. The matched village or commune
    stays, so statistics by area do not change. The audit entry holds ids and counts only."""
    reason, redact, redaction_reason = _check_anonymise(actor, petitions, reason, redact, redaction_reason)
    locked = list(
        Petition.objects.select_for_update(of=("self",))
        .filter(pk__in=[p.pk for p in petitions])
        .select_related("receiving_unit")
        .order_by("pk")
    )
    done = selectors.erased_ids(locked)
    if done:
        raise ServiceError(MSG_ALREADY % {"number": min(done)})
    ids = _identifiers(locked)
    mark = _mark()
    unit = common_unit(locked)
    erasure = Erasure.objects.create(
        actor=actor,
        actor_repr=actor.get_full_name() or actor.get_username(),
        reason=reason,
        redaction_reason=redaction_reason,
        unit=unit,
        unit_path=getattr(unit, "path", "") or "",
    )
    # The rows claim the petitions: two administrators at once, one wins (the unique
    # petition), the other is told it was done.
    try:
        with transaction.atomic():
            ErasedPetition.objects.bulk_create(
                [ErasedPetition(erasure=erasure, petition_id=p.pk, content_redacted=p.pk in redact) for p in locked]
            )
    except IntegrityError:
        raise ServiceError(MSG_ALREADY % {"number": locked[0].pk}) from None
    now = timezone.now()
    counts = {"petitions": len(locked), "content_redacted": len(redact)}
    counts["tracking_codes"] = sum(1 for p in locked if p.tracking_code)

    name = anonymised_name()
    with translation.override("vi"):
        redacted_text = str(REDACTED_CONTENT % {"day": timezone.localdate().strftime("%d/%m/%Y"), "number": erasure.pk})
    for petition in locked:
        petition.name = name
        petition.phone = petition.email = petition.address = petition.position = ""
        if petition.petitioner_kind == PetitionerKind.CITIZEN:
            petition.organisation = ""
        petition.content = redacted_text if petition.pk in redact else scrub_with(petition.content, ids, mark=mark)
        petition.search_folded = _search_text(petition)
        petition.signature = similarity.signature(petition.content)
        petition.tracking_code = None
        petition.notify_by = ""
        petition.fingerprint = ""
        petition.version += 1
        petition.updated_at = now
    Petition.objects.bulk_update(
        locked,
        [
            "name", "phone", "email", "address", "position", "organisation", "content", "search_folded",
            "signature", "tracking_code", "notify_by", "fingerprint", "version", "updated_at",
        ],
    )  # fmt: skip

    counts["files"] = _delete_files(locked)
    counts["messages"] = _clear_messages(locked, ids, mark)
    counts["groups"], counts["answers"] = _scrub_groups(locked, ids, mark)
    counts["assessments"] = _scrub_assessments(locked, ids, mark)
    counts["import_rows"] = _scrub_import_reports(locked, ids, name, mark)

    erasure.counts = counts
    erasure.save(update_fields=["counts"])
    audit_record(
        actor=actor,
        action="privacy.anonymise",
        target=erasure,
        unit=unit,
        after={**counts, "petition_ids": [p.pk for p in locked], "redacted_ids": sorted(redact)},
    )
    return erasure


def _delete_files(petitions: list[Petition]) -> int:
    files = list(PetitionFile.objects.filter(petition__in=petitions))
    names = [f.file.name for f in files if f.file]
    PetitionFile.objects.filter(pk__in=[f.pk for f in files]).delete()

    def remove() -> None:
        for name in names:
            default_storage.delete(name)

    # The rows go with the transaction; the stored files only once it has committed.
    transaction.on_commit(remove)
    return len(files)


def _clear_messages(petitions: list[Petition], ids: Identifiers, mark: str) -> int:
    from dialogue.reminders.models import OutboundMessage

    messages = list(OutboundMessage.objects.filter(_messages_q(petitions, ids)))
    for message in messages:
        message.address = ""
        message.subject = scrub_with(message.subject, ids, mark=mark)[:300]
        message.body = scrub_with(message.body, ids, mark=mark)
    OutboundMessage.objects.bulk_update(messages, ["address", "subject", "body"])
    return len(messages)


def _scrub_groups(petitions: list[Petition], ids: Identifiers, mark: str) -> tuple[int, int]:
    group_ids = {p.group_id for p in petitions if p.group_id}
    folded = ids.folded()
    groups = []
    for group in PetitionGroup.objects.filter(pk__in=group_ids):
        summary = scrub_with(group.summary, ids, mark=mark)
        answer = scrub_with(group.answer_text, ids, mark=mark)
        if (summary, answer) == (group.summary, group.answer_text) and not any(
            v in group.search_folded for v in folded
        ):
            continue
        group.summary, group.answer_text = summary, answer
        group.search_folded = fold(summary)
        groups.append(group)
    PetitionGroup.objects.bulk_update(groups, ["summary", "answer_text", "search_folded"])
    answers = []
    for answer in Answer.objects.filter(group_id__in=group_ids):
        text = scrub_with(answer.text, ids, mark=mark)
        if text != answer.text:
            answer.text = text
            answers.append(answer)
    Answer.objects.bulk_update(answers, ["text"])
    return len(groups), len(answers)


def _scrub_assessments(petitions: list[Petition], ids: Identifiers, mark: str) -> int:
    """The comments the person left with their assessments, and the timeline entries
    that quote them."""
    from dialogue.followup.models import ProgressUpdate, SatisfactionRequest, UpdateKind

    requests = list(SatisfactionRequest.objects.filter(petition__in=petitions))
    changed = []
    for request in requests:
        comment = scrub_with(request.comment, ids, mark=mark)
        if comment != request.comment:
            request.comment = comment
            changed.append(request)
    SatisfactionRequest.objects.bulk_update(changed, ["comment"])
    items = Q(pk__in=[])
    directives = {r.directive_id for r in requests if r.directive_id}
    groups = {r.group_id for r in requests if r.group_id} | {p.group_id for p in petitions if p.group_id}
    if directives:
        items |= Q(directive_id__in=directives)
    if groups:
        items |= Q(group_id__in=groups)
    updates = []
    for update in ProgressUpdate.objects.filter(items, kind=UpdateKind.SATISFACTION):
        text = scrub_with(update.text, ids, mark=mark)
        if text != update.text:
            update.text = text
            updates.append(update)
    ProgressUpdate.objects.bulk_update(updates, ["text"])
    return len(changed) + len(updates)


def _scrub_import_reports(petitions: list[Petition], ids: Identifiers, name: str, mark: str) -> int:
    """The check report of an Excel import keeps each shown row's name and telephone."""
    rows_by_batch: dict[int, set[int]] = {}
    for petition in petitions:
        if petition.import_batch_id and petition.import_row:
            rows_by_batch.setdefault(petition.import_batch_id, set()).add(petition.import_row)
    count = 0
    for batch in ImportBatch.objects.select_for_update().filter(pk__in=rows_by_batch):
        report = batch.report or {}
        for row in report.get("rows", []):
            if row.get("row") in rows_by_batch[batch.pk]:
                row["name"], row["phone"] = name, ""
                row["content"] = scrub_with(row.get("content", ""), ids, mark=mark)
                count += 1
        batch.report = report
        batch.save(update_fields=["report"])
    return count


def erasure_of(petition: Petition) -> ErasedPetition | None:
    return ErasedPetition.objects.filter(petition_id=petition.pk).select_related("erasure").first()


def anonymise_preview(petitions: list[Petition]) -> dict:
    """What an anonymisation of these petitions would clear, for the confirmation page."""
    return {
        "petitions": len(petitions),
        "files": PetitionFile.objects.filter(petition__in=petitions).count(),
        "messages": messages_of(petitions).count(),
        "tracking_codes": sum(1 for p in petitions if p.tracking_code),
        "groups": len({p.group_id for p in petitions if p.group_id}),
    }
