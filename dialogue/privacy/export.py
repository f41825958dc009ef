"""Everything the system holds about one person, as JSON (for another system) and as an
Excel workbook (to read or print for the person). Built from the petitions an
administrator chose (`services.person_data_export` checks and audits)."""

from __future__ import annotations

import io
import json
from datetime import date, datetime

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dialogue.petitions.models import GroupStatus, Petition, PetitionFile
from dialogue.petitions.public import display_tracking_code
from dialogue.privacy.basis import processing_basis
from dialogue.privacy.models import AccessView
from dialogue.privacy.selectors import erased_ids, person_access_log

LEGAL_NOTE = gettext_lazy(
    "Personal data held by the dialogue system about the petitioner, provided at their request (Law 91/2025/QH15 "
    "on personal data protection; Decree 356/2025/NĐ-CP). It holds the data of this person only; keep it "
    "confidential."
)


def _when(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def collect(petitions: list[Petition], *, actor) -> dict:
    """The person's data as plain values (JSON-ready)."""
    from dialogue.followup.models import SatisfactionRequest
    from dialogue.privacy.services import messages_of
    from dialogue.proceedings.models import SpeakerRequest

    ids = [p.pk for p in petitions]
    erased = erased_ids(petitions)
    files: dict[int, list] = {}
    for item in PetitionFile.objects.filter(petition_id__in=ids).order_by("id"):
        files.setdefault(item.petition_id, []).append(
            {
                "name": item.name,
                "size": item.size,
                "content_type": item.content_type,
                "uploaded_at": _when(item.created_at),
            }
        )
    satisfaction: dict[int, list] = {}
    for request in SatisfactionRequest.objects.filter(petition_id__in=ids).order_by("created_at", "id"):
        satisfaction.setdefault(request.petition_id, []).append(
            {
                "round": request.round,
                "asked_by": request.channel,
                "sent_at": _when(request.sent_at),
                "response": request.response,
                "response_label": request.get_response_display() if request.response else "",
                "comment": request.comment,
                "responded_at": _when(request.responded_at),
            }
        )
    speakers: dict[int, list] = {}
    for speaker in SpeakerRequest.objects.filter(petition_id__in=ids).select_related("conference").order_by("id"):
        speakers.setdefault(speaker.petition_id, []).append(
            {
                "conference": speaker.conference.title,
                "speaker": speaker.speaker_name,
                "on_behalf_of": speaker.represents,
                "matter": speaker.matter,
                "status": speaker.get_status_display(),
            }
        )
    rows = []
    for petition in petitions:
        group = petition.group
        basis = processing_basis(petition)
        rows.append(
            {
                "id": petition.pk,
                "received_on": _day(petition.received_on),
                "channel": petition.channel,
                "channel_label": petition.get_channel_display(),
                "receiving_unit": petition.receiving_unit.name,
                "conference": petition.conference.title if petition.conference_id else None,
                "petitioner_kind": petition.get_petitioner_kind_display(),
                "name": petition.name,
                "phone": petition.phone,
                "email": petition.email,
                "address": petition.address,
                "address_matched_to": petition.address_unit.name if petition.address_unit_id else None,
                "organisation": petition.organisation,
                "position": petition.position,
                "content": petition.content,
                "status": petition.get_status_display(),
                "field": petition.field.name if petition.field_id else None,
                "acknowledged_on": _day(petition.acknowledged_on),
                "tracking_code": display_tracking_code(petition.tracking_code or "") or None,
                "identity_protected": petition.identity_protected,
                "notify_by": petition.get_notify_by_display() if petition.notify_by else "",
                "consent": {"purpose": petition.consent_purpose, "given_at": _when(petition.consented_at)},
                "processing_basis": basis.as_dict(),
                "group_summary": group.summary if group else None,
                "approved_answer": group.answer_text if group and group.status == GroupStatus.APPROVED else None,
                "files": files.get(petition.pk, []),
                "satisfaction": satisfaction.get(petition.pk, []),
                "interventions": speakers.get(petition.pk, []),
                "anonymised": petition.pk in erased,
            }
        )
    messages = [
        {
            "channel": m.get_channel_display(),
            "to": m.address,
            "subject": m.subject,
            "body": m.body,
            "status": m.get_status_display(),
            "created_at": _when(m.created_at),
            "sent_at": _when(m.sent_at),
        }
        for m in messages_of(petitions).order_by("created_at", "id")
    ]
    views = dict(AccessView.choices)
    access = [
        {
            "at": _when(entry.at),
            "staff": entry.user_repr,
            "unit": entry.unit.name if entry.unit_id else "",
            "where": str(views.get(entry.view, entry.view)),
            "petition": entry.petition_id,
        }
        for entry in person_access_log(petitions).order_by("at", "id")
    ]
    return {
        "generated_at": _when(timezone.now()),
        "generated_by": actor.get_full_name() or actor.get_username(),
        "note": str(LEGAL_NOTE),
        "petitions": rows,
        "messages": messages,
        "access_log": access,
    }


def to_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


# ---------------------------------------------------------------- Excel

_HEAD = Font(name="Times New Roman", bold=True, size=12)
_BODY = Font(name="Times New Roman", size=12)
_FILL = PatternFill("solid", fgColor="DDE7F0")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _parse(value):
    """ISO dates and times back into values Excel shows as dd/mm/yyyy (hh:mm)."""
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            return datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            return value
    return value


def _sheet(workbook: Workbook, title: str, headers: list[tuple[str, int]], rows: list[list], *, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title[:31]
    for column, (label, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column, value=label)
        cell.font, cell.fill, cell.alignment = _HEAD, _FILL, _WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width
    for r, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            value = _parse(value)
            cell = sheet.cell(row=r, column=column, value=value)
            cell.font, cell.alignment = _BODY, _WRAP
            if isinstance(value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(value, date):
                cell.number_format = "dd/mm/yyyy"
    if not rows:
        sheet.cell(row=2, column=1, value=pgettext("personal data export", "None")).font = _BODY
    sheet.freeze_panes = "A2"
    return sheet


def _yes(value: bool) -> str:
    return pgettext("personal data export", "Yes") if value else pgettext("personal data export", "No")


def _h(*pairs) -> list[tuple[str, int]]:
    return [(str(label), width) for label, width in pairs]


# Sheet names and column headings (label, width in characters).
SHEET_GENERAL = pgettext_lazy("personal data export", "General")
SHEET_PETITIONS = pgettext_lazy("personal data export", "Petitions")
SHEET_SATISFACTION = pgettext_lazy("personal data export", "Satisfaction")
SHEET_MESSAGES = pgettext_lazy("personal data export", "Messages")
SHEET_INTERVENTIONS = pgettext_lazy("personal data export", "Interventions")
SHEET_ACCESS = pgettext_lazy("personal data export", "Access log")
PETITION_HEADERS = (
    (pgettext_lazy("personal data export", "No."), 8),
    (pgettext_lazy("personal data export", "Received on"), 12),
    (pgettext_lazy("personal data export", "Channel"), 18),
    (pgettext_lazy("personal data export", "Receiving unit"), 26),
    (pgettext_lazy("personal data export", "Conference"), 30),
    (pgettext_lazy("personal data export", "Name"), 22),
    (pgettext_lazy("personal data export", "Phone"), 14),
    (pgettext_lazy("personal data export", "E-mail"), 24),
    (pgettext_lazy("personal data export", "Address"), 30),
    (pgettext_lazy("personal data export", "Organisation"), 20),
    (pgettext_lazy("personal data export", "Position, unit"), 20),
    (pgettext_lazy("personal data export", "Content"), 60),
    (pgettext_lazy("personal data export", "Status"), 16),
    (pgettext_lazy("personal data export", "Tracking code"), 16),
    (pgettext_lazy("personal data export", "Identity kept from the answering agencies"), 14),
    (pgettext_lazy("personal data export", "Notify by"), 14),
    (pgettext_lazy("personal data export", "Basis of processing"), 24),
    (pgettext_lazy("personal data export", "Purpose"), 60),
    (pgettext_lazy("personal data export", "Consent given at"), 16),
    (pgettext_lazy("personal data export", "Source"), 28),
    (pgettext_lazy("personal data export", "Files attached"), 30),
    (pgettext_lazy("personal data export", "Approved answer"), 50),
    (pgettext_lazy("personal data export", "Anonymised"), 10),
)
SATISFACTION_HEADERS = (
    (pgettext_lazy("personal data export", "Petition"), 10),
    (pgettext_lazy("personal data export", "Round"), 8),
    (pgettext_lazy("personal data export", "Asked by"), 10),
    (pgettext_lazy("personal data export", "Asked at"), 16),
    (pgettext_lazy("personal data export", "Assessment"), 22),
    (pgettext_lazy("personal data export", "Comment"), 60),
    (pgettext_lazy("personal data export", "Answered at"), 16),
)
MESSAGE_HEADERS = (
    (pgettext_lazy("personal data export", "Channel"), 12),
    (pgettext_lazy("personal data export", "Sent to"), 24),
    (pgettext_lazy("personal data export", "Subject"), 40),
    (pgettext_lazy("personal data export", "Content"), 70),
    (pgettext_lazy("personal data export", "Status"), 14),
    (pgettext_lazy("personal data export", "Created at"), 16),
    (pgettext_lazy("personal data export", "Sent at"), 16),
)
INTERVENTION_HEADERS = (
    (pgettext_lazy("personal data export", "Petition"), 10),
    (pgettext_lazy("personal data export", "Conference"), 40),
    (pgettext_lazy("personal data export", "Speaker"), 24),
    (pgettext_lazy("personal data export", "Matter"), 60),
    (pgettext_lazy("personal data export", "Status"), 14),
)
ACCESS_HEADERS = (
    (pgettext_lazy("personal data export", "Time"), 16),
    (pgettext_lazy("personal data export", "Staff member"), 26),
    (pgettext_lazy("personal data export", "Unit"), 30),
    (pgettext_lazy("personal data export", "Where"), 34),
    (pgettext_lazy("personal data export", "Petition"), 10),
)


def to_xlsx(data: dict) -> bytes:
    with translation.override("vi"):
        return _workbook(data)


def _petition_row(p: dict) -> list:
    basis = p["processing_basis"]
    return [
        p["id"],
        p["received_on"],
        p["channel_label"],
        p["receiving_unit"],
        p["conference"] or "",
        p["name"],
        p["phone"],
        p["email"],
        p["address"],
        p["organisation"],
        p["position"],
        p["content"],
        p["status"],
        p["tracking_code"] or "",
        _yes(p["identity_protected"]),
        p["notify_by"],
        basis["label"],
        basis["purpose"],
        p["consent"]["given_at"] or "",
        basis["source"],
        "; ".join(f["name"] for f in p["files"]),
        p["approved_answer"] or "",
        _yes(p["anonymised"]),
    ]


def _workbook(data: dict) -> bytes:
    workbook = Workbook()
    petitions = data["petitions"]
    general = [
        (pgettext("personal data export", "Produced at"), data["generated_at"]),
        (pgettext("personal data export", "Produced by"), data["generated_by"]),
        (pgettext("personal data export", "Number of petitions"), len(petitions)),
        (pgettext("personal data export", "Messages sent to the person"), len(data["messages"])),
        (pgettext("personal data export", "Accesses to the contact details"), len(data["access_log"])),
        (pgettext("personal data export", "Note"), data["note"]),
    ]
    headers = _h((pgettext("personal data export", "Item"), 34), (pgettext("personal data export", "Value"), 90))
    _sheet(workbook, str(SHEET_GENERAL), headers, [list(row) for row in general], first=True)
    _sheet(workbook, str(SHEET_PETITIONS), _h(*PETITION_HEADERS), [_petition_row(p) for p in petitions])
    satisfaction = [
        [p["id"], s["round"], s["asked_by"], s["sent_at"] or "", s["response_label"], s["comment"], s["responded_at"]]
        for p in petitions
        for s in p["satisfaction"]
    ]
    _sheet(workbook, str(SHEET_SATISFACTION), _h(*SATISFACTION_HEADERS), satisfaction)
    messages = [
        [m["channel"], m["to"], m["subject"], m["body"], m["status"], m["created_at"], m["sent_at"] or ""]
        for m in data["messages"]
    ]
    _sheet(workbook, str(SHEET_MESSAGES), _h(*MESSAGE_HEADERS), messages)
    interventions = [
        [p["id"], s["conference"], s["speaker"], s["matter"], s["status"]]
        for p in petitions
        for s in p["interventions"]
    ]
    _sheet(workbook, str(SHEET_INTERVENTIONS), _h(*INTERVENTION_HEADERS), interventions)
    access = [[a["at"], a["staff"], a["unit"], a["where"], a["petition"]] for a in data["access_log"]]
    _sheet(workbook, str(SHEET_ACCESS), _h(*ACCESS_HEADERS), access)
    workbook.active = 0
    workbook.properties.title = pgettext("personal data export", "Personal data of a petitioner")
    workbook.properties.language = "vi-VN"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
