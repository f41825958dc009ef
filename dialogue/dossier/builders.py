"""What the conference dossier holds and how its ZIP is written.

Every document is made by the builder of the app that owns it (the plan, the invitations
and the announcement by `plans.documents`, the synthesis report and its Excel list by
`petitions.documents`, the minutes by `proceedings.documents`, the conclusion notice by
`conclusions.documents`); this module only gathers them into numbered folders, adds the
lists that exist nowhere else (attendance, amendments of the minutes, follow-up history)
and writes MUC-LUC.txt, the table of contents with the SHA-256 of every file.

A part the conference does not have yet (no minutes, no notice) is listed as “chưa có”
instead of failing. Names of people are in the dossier (it is the internal archive);
telephone numbers are not.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from dialogue.conclusions.models import ConclusionStatus, Directive, DirectiveStatus, PublicationStatus
from dialogue.documents.layout import LANGUAGE, Block, OfficialDocument, render_docx
from dialogue.followup.models import Escalation, EscalationStatus, ProgressUpdate, UpdateKind
from dialogue.petitions import documents as petition_documents
from dialogue.petitions.models import AnswerStatus, GroupStatus, PetitionGroup
from dialogue.plans import documents as plan_documents
from dialogue.plans.models import Conference, ConferenceStatus, InvitationStatus
from dialogue.proceedings import documents as minutes_documents
from dialogue.proceedings.models import MINUTES_SECTIONS, Minutes, MinutesStatus
from dialogue.workcalendar.selectors import lateness

CONTENTS_NAME = "MUC-LUC.txt"
CHUNK = 1024 * 1024

# The numbered folders, in the order an archivist files them.
PLAN = pgettext_lazy("dossier folder", "Plan")
INVITATIONS = pgettext_lazy("dossier folder", "Invitations")
ATTENDANCE = pgettext_lazy("dossier folder", "Attendance")
PETITIONS = pgettext_lazy("dossier folder", "Opinions, petitions and answers")
MINUTES = pgettext_lazy("dossier folder", "Minutes")
CONCLUSION = pgettext_lazy("dossier folder", "Conclusion notice")
FOLLOW_UP = pgettext_lazy("dossier folder", "Follow-up of implementation")
FOLDERS = (PLAN, INVITATIONS, ATTENDANCE, PETITIONS, MINUTES, CONCLUSION, FOLLOW_UP)

NOT_YET = _("not yet available")
NONE = pgettext_lazy("dossier entry", "none")
FILE_GONE = _("the file is no longer on the server")
FILE_CHANGED = _("the file differs from the one uploaded (its SHA-256 does not match)")


def folder_name(folder) -> str:
    return f"{FOLDERS.index(folder) + 1:02d} {folder}"


# ---------------------------------------------------------------- names and the ZIP

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_name(text: str, *, limit: int = 100) -> str:
    """A file or folder name every system accepts: composed Unicode (Vietnamese stays
    readable), no path separators or characters Windows refuses, not too long."""
    text = unicodedata.normalize("NFC", text or "")
    text = " ".join(_UNSAFE.sub("-", text).split()).strip(" .-")
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or not ext or len(ext) > 8 or not ext.isalnum():
        stem, ext = text, ""
    stem = stem[:limit].rstrip(" .-") or "tep"
    if stem.upper() in _RESERVED:
        stem += "_"
    return f"{stem}.{ext.lower()}" if ext else stem


@dataclass
class Entry:
    """One line of the table of contents: a file of the dossier, or a part it lacks."""

    folder: str  # “05 Biên bản”
    title: str
    path: str = ""
    size: int = 0
    sha256: str = ""
    note: str = ""
    # Absent because there is none (no correction to the minutes), not because the
    # conference has not got that far yet.
    none: bool = False

    @property
    def lacking(self) -> bool:
        return not self.path and not self.none


@dataclass
class DossierZip:
    """The ZIP being written: every file added is hashed on the way in."""

    target: object  # a binary file object
    when: datetime
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self):
        self.zip = zipfile.ZipFile(self.target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)
        self._names: set[str] = set()
        self._stamp = self.when.timetuple()[:6]

    def _path(self, folder, name: str, sub: str = "") -> str:
        parts = [folder_name(folder)] if folder is not None else []
        if sub:
            parts += [safe_name(s, limit=60) for s in sub.split("/")]
        base = safe_name(name)
        path = "/".join([*parts, base])
        stem, dot, ext = base.rpartition(".")
        number = 2
        while path.casefold() in self._names:
            numbered = f"{stem} ({number}).{ext}" if dot else f"{base} ({number})"
            path = "/".join([*parts, numbered])
            number += 1
        self._names.add(path.casefold())
        return path

    def _info(self, path: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(path, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def add(self, folder, name: str, data: bytes, title: str, *, sub: str = "") -> Entry:
        path = self._path(folder, name, sub)
        self.zip.writestr(self._info(path), data)
        entry = Entry(folder_name(folder), title, path, len(data), hashlib.sha256(data).hexdigest())
        self.entries.append(entry)
        return entry

    def add_stored(
        self, folder, name: str, field_file, title: str, *, sub: str = "", expected_sha256: str = ""
    ) -> Entry:
        """Copy an uploaded file (answer attachment, evidence) in chunks. A file missing
        from the server, or not the one uploaded, is listed with a note, not skipped."""
        try:
            handle = field_file.open("rb")
        except (FileNotFoundError, OSError, ValueError):
            return self.absent(folder, title, FILE_GONE)
        path = self._path(folder, name, sub)
        digest, size = hashlib.sha256(), 0
        with handle, self.zip.open(self._info(path), "w", force_zip64=True) as out:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        entry = Entry(folder_name(folder), title, path, size, digest.hexdigest())
        if expected_sha256 and expected_sha256 != entry.sha256:
            entry.note = str(FILE_CHANGED)
        self.entries.append(entry)
        return entry

    def absent(self, folder, title: str, note=NOT_YET) -> Entry:
        entry = Entry(folder_name(folder), title, note=str(note), none=note is NONE)
        self.entries.append(entry)
        return entry

    @property
    def files(self) -> list[Entry]:
        return [e for e in self.entries if e.path]

    def abort(self) -> None:
        """Let go of a half-written ZIP (its file is thrown away by the caller)."""
        try:
            self.zip.close()
        except (OSError, ValueError):
            self.zip.fp = None

    def close(self, contents: str) -> None:
        # A byte-order mark so that old Windows editors read the Vietnamese correctly.
        self.zip.writestr(self._info(CONTENTS_NAME), ("\ufeff" + contents).encode("utf-8"))
        self.zip.close()


# ---------------------------------------------------------------- what the dossier is made of


@dataclass
class Sources:
    """The records of one conference, read once, as the person who asked may see them."""

    conference: Conference
    user: object
    groups: list[PetitionGroup]
    numbers: dict[int, int]  # group pk -> its number in the synthesis report
    minutes: Minutes | None
    conclusion: object | None  # the living conclusion notice, issued or not


def sources_for(conference: Conference, user) -> Sources:
    from dialogue.conclusions.selectors import conclusion_of_conference
    from dialogue.petitions.selectors import group_list_for_user
    from dialogue.proceedings.selectors import minutes_of

    groups = petition_documents.ordered_groups(
        group_list_for_user(user=user, conference=conference)
        .select_related("field", "lead_unit", "previous_group")
        .prefetch_related("petitions", "supports__unit")
    )
    return Sources(
        conference=conference,
        user=user,
        groups=groups,
        numbers={g.pk: n for n, g in enumerate(groups, start=1)},
        minutes=minutes_of(conference),
        conclusion=conclusion_of_conference(conference),
    )


def _docx(doc: OfficialDocument) -> bytes:
    return plan_documents.render(doc, "x", "docx")[0]


def _local(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def _day(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _group_label(number: int | None) -> str:
    return gettext("Opinion %(number)02d") % {"number": number} if number else gettext("Opinion (other)")


def _directive_label(number: int) -> str:
    return gettext("Directive %(number)02d") % {"number": number}


def _workbook(title: str, subject: str, creator: str, sheets: Iterable[tuple]) -> bytes:
    """An Excel file laid out as the synthesis report's annex (same header, grid, fonts)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, heading, subtitle, headers, widths, rows, numeric, dates in sheets:
        sheet = workbook.create_sheet(safe_name(str(name), limit=31))
        petition_documents._sheet_top(sheet, heading, subtitle, tuple(str(h) for h in headers))
        petition_documents._sheet_rows(sheet, widths, rows, numeric=numeric, dates=dates)
    workbook.active = 0
    props = workbook.properties
    props.title, props.subject, props.creator, props.language = title, subject, creator, LANGUAGE
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _subtitle(conference: Conference) -> str:
    when = f" ({conference.date:%d/%m/%Y})" if conference.date else ""
    return petition_documents.conference_phrase(conference) + when


# --- 01 plan, announcement, programme


def programme_document(conference: Conference) -> OfficialDocument:
    """Chương trình hội nghị: the order of business with its clock times, in the plan's
    layout (the minutes repeat it; this is the programme handed out on the day)."""
    plan = conference.plan
    blocks = [
        Block(gettext("Time: %(when)s.") % {"when": plan_documents.when_words(conference)}),
        Block(gettext("Venue: %(venue)s.") % {"venue": plan_documents._venue(conference)}),
    ]
    clock = None
    if conference.date and conference.start_time:
        clock = datetime.combine(conference.date, conference.start_time)
    for number, item in enumerate(conference.agenda_items.order_by("order", "id"), start=1):
        line = item.title.rstrip(".")
        if item.presenter:
            line += f" ({item.presenter})"
        if clock:
            # “08h00 - 08h10: Tuyên bố lý do …”, as a programme handed out on the day reads.
            end = clock + timedelta(minutes=item.duration_minutes)
            line = f"**{clock:%H}h{clock:%M} - {end:%H}h{end:%M}:** {line}"
            clock = end
        else:
            minutes = gettext("%(minutes)s minutes") % {"minutes": item.duration_minutes}
            line = f"{number}. {line} - {minutes}"
        blocks.append(Block(line, "para"))
    return OfficialDocument(
        layout=plan_documents._layout(plan),
        issuer_parent=plan.issuer_parent_line,
        issuer=plan.issuer_line,
        number_line=plan_documents._number_line(plan, "CTr"),
        place_date_line=plan_documents.place_date_line(
            plan.place, None, month=(conference.date or plan.issued_on or timezone.localdate()).month, year=plan.year
        ),
        doc_type=pgettext("document type", "PROGRAMME"),
        title=conference.title,
        blocks=blocks,
        signing_authority=plan.signing_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        recipients=[gettext("- Delegates attending the conference;"), gettext("- Archived: Clerical Office.")],
    )


def add_plan(z: DossierZip, s: Sources) -> None:
    conference, plan = s.conference, s.conference.plan
    if plan.number:
        # “Kế hoạch số 166-KH/TU ngày 05 tháng 3 năm 2026”, as the plan is cited.
        title = f"{plan_documents.plan_reference(plan)}: {plan.title}"
    else:
        title = gettext("Draft plan (not yet numbered): %(title)s") % {"title": plan.title}
    z.add(PLAN, gettext("Plan.docx"), _docx(plan_documents.plan_document(plan)), title)
    announcement = gettext("Announcement of the conference")
    if conference.date and conference.status != ConferenceStatus.CANCELLED:
        z.add(PLAN, f"{announcement}.docx", _docx(plan_documents.announcement_document(conference)), announcement)
    else:
        z.absent(PLAN, announcement)
    programme = gettext("Programme of the conference")
    if conference.agenda_items.exists():
        z.add(PLAN, f"{programme}.docx", _docx(programme_document(conference)), programme)
    else:
        z.absent(PLAN, programme)


# --- 02 invitations


def add_invitations(z: DossierZip, s: Sources) -> None:
    conference = s.conference
    invitees = list(
        conference.participants.filter(walk_in=False).select_related("delegation").order_by("delegation__order", "id")
    )
    delegations = list(conference.delegations.order_by("order", "id"))
    if not invitees and not delegations:
        z.absent(INVITATIONS, gettext("Invitations"))
        return
    for number, person in enumerate(invitees, start=1):
        doc = plan_documents.invitation_document(conference, participant=person)
        name = gettext("Invitation %(number)02d - %(name)s.docx") % {"number": number, "name": person.full_name}
        detail = person.position or person.organisation
        title = gettext("Invitation to %(name)s") % {"name": person.full_name} + (f" ({detail})" if detail else "")
        z.add(INVITATIONS, name, _docx(doc), title)
    for number, delegation in enumerate(delegations, start=1):
        doc = plan_documents.invitation_document(conference, delegation=delegation)
        name = gettext("Delegation invitation %(number)02d - %(name)s.docx") % {
            "number": number,
            "name": delegation.name,
        }
        title = gettext("Invitation to the delegation %(name)s") % {"name": delegation.name}
        z.add(INVITATIONS, name, _docx(doc), title)


# --- 03 attendance

ATTENDANCE_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Delegation"),
    pgettext_lazy("dossier column", "Full name"),
    pgettext_lazy("dossier column", "Position"),
    pgettext_lazy("dossier column", "Agency, unit"),
    pgettext_lazy("dossier column", "Invited or walk-in"),
    pgettext_lazy("dossier column", "Invitation"),
    pgettext_lazy("dossier column", "Present"),
    pgettext_lazy("dossier column", "Checked in at"),
)
SUMMARY_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Delegation"),
    pgettext_lazy("dossier column", "Expected"),
    pgettext_lazy("dossier column", "Invited by name"),
    pgettext_lazy("dossier column", "Present"),
    pgettext_lazy("dossier column", "Walk-in"),
)


def attendance_workbook(conference: Conference) -> bytes:
    """Who was invited, who came (with the time of check-in) and who came without an
    invitation; a second sheet counts them by delegation. No telephone numbers."""
    from dialogue.proceedings.selectors import attendance_counts

    people = list(conference.participants.select_related("delegation").order_by("delegation__order", "full_name", "id"))
    invitation = dict(InvitationStatus.choices)
    rows = []
    for number, p in enumerate(people, start=1):
        present = ""
        if p.attended:
            present = pgettext("attendance", "Present")
        elif p.attended is False:
            present = pgettext("attendance", "Absent")
        rows.append(
            (
                number,
                p.delegation.name if p.delegation else "",
                p.full_name,
                p.position,
                p.organisation,
                pgettext("attendance", "Walk-in") if p.walk_in else pgettext("attendance", "Invited"),
                "" if p.walk_in else str(invitation.get(p.invitation_status, p.invitation_status)),
                present,
                _local(p.checked_in_at),
            )
        )
    counts = attendance_counts(conference, other_label=gettext("Not in a delegation"))
    summary = [(n, r.name, r.expected, r.invited, r.present, r.walk_ins) for n, r in enumerate(counts.rows, start=1)]
    summary.append(("", pgettext("attendance", "Total"), None, counts.invited, counts.present, counts.walk_ins))
    subtitle = _subtitle(conference)
    return _workbook(
        gettext("Attendance list"),
        subtitle,
        conference.plan.issuing_unit.name,
        [
            (
                pgettext("dossier sheet", "Attendance"),
                gettext("ATTENDANCE LIST OF THE CONFERENCE"),
                subtitle,
                ATTENDANCE_HEADERS,
                (6, 22, 26, 30, 30, 16, 16, 12, 18),
                rows,
                {0, 7, 8},
                set(),
            ),
            (
                pgettext("dossier sheet", "By delegation"),
                gettext("ATTENDANCE BY DELEGATION"),
                subtitle,
                SUMMARY_HEADERS,
                (6, 40, 12, 14, 12, 14),
                summary,
                {0, 2, 3, 4, 5},
                set(),
            ),
        ],
    )


def add_attendance(z: DossierZip, s: Sources) -> None:
    title = gettext("Attendance list (invited, present, walk-in, time of check-in)")
    if not s.conference.participants.exists():
        z.absent(ATTENDANCE, title)
        return
    z.add(ATTENDANCE, gettext("Attendance list.xlsx"), attendance_workbook(s.conference), title)


# --- 04 petitions, answers and their attachments


def add_petitions(z: DossierZip, s: Sources) -> None:
    report = gettext("Synthesis report of the people's opinions and petitions and the answers")
    listing = gettext("List of the opinions and petitions, their groups and the approved answers")
    if not s.groups:
        z.absent(PETITIONS, report)
        z.absent(PETITIONS, listing)
        return
    doc = petition_documents.synthesis_report_document(s.conference, s.groups)
    z.add(PETITIONS, gettext("Synthesis report.docx"), render_docx(doc), report)
    workbook = petition_documents.synthesis_report_workbook(s.conference, s.groups)
    z.add(PETITIONS, gettext("List of opinions and answers.xlsx"), workbook, listing)
    from dialogue.petitions.models import Attachment

    attachments = (
        Attachment.objects.filter(
            answer__group__in=[g.pk for g in s.groups if g.status == GroupStatus.APPROVED],
            answer__status=AnswerStatus.APPROVED,
        )
        .select_related("answer")
        .order_by("answer__group_id", "id")
    )
    attachments = sorted(attachments, key=lambda a: (s.numbers.get(a.answer.group_id, 0), a.pk))
    folder = gettext("Documents attached to the answers")
    for attachment in attachments:
        label = _group_label(s.numbers.get(attachment.answer.group_id))
        title = gettext("%(group)s: document attached to the answer, %(name)s") % {
            "group": label,
            "name": attachment.name,
        }
        z.add_stored(PETITIONS, attachment.name, attachment.file, title, sub=f"{folder}/{label}")


# --- 05 minutes and their amendments

AMENDMENT_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Section"),
    pgettext_lazy("dossier column", "Corrected at"),
    pgettext_lazy("dossier column", "Corrected by"),
    pgettext_lazy("dossier column", "Reason"),
    pgettext_lazy("dossier column", "Text before"),
    pgettext_lazy("dossier column", "Corrected text"),
)


def amendments_workbook(minutes: Minutes) -> bytes:
    """Every correction made after approval, with the text before and after (the DOCX of
    the minutes prints only the corrected text)."""
    sections = {name: minutes_documents.HEADINGS[name].capitalize() for name, _label in MINUTES_SECTIONS}
    rows = [
        (
            n,
            sections.get(a.section, a.section),
            _local(a.made_at),
            a.made_by.full_name if a.made_by else "",
            a.reason,
            a.before,
            a.after,
        )
        for n, a in enumerate(minutes.amendments.select_related("made_by").order_by("made_at", "id"), start=1)
    ]
    subtitle = _subtitle(minutes.conference)
    return _workbook(
        gettext("Corrections of the minutes"),
        subtitle,
        minutes.conference.plan.issuing_unit.name,
        [
            (
                pgettext("dossier sheet", "Corrections"),
                gettext("CORRECTIONS MADE TO THE MINUTES AFTER APPROVAL"),
                subtitle,
                AMENDMENT_HEADERS,
                (6, 26, 17, 24, 40, 60, 60),
                rows,
                {0, 2},
                set(),
            )
        ],
    )


def add_minutes(z: DossierZip, s: Sources) -> None:
    minutes = s.minutes
    title = gettext("Minutes of the conference")
    corrections = gettext("Corrections of the minutes after approval")
    if minutes is None:
        z.absent(MINUTES, title)
        z.absent(MINUTES, corrections)
        return
    if minutes.status == MinutesStatus.APPROVED:
        state = gettext("approved on %(date)s") % {"date": _local(minutes.approved_at)[:10]}
    else:
        state = gettext("draft, not yet approved by the chair")
    z.add(MINUTES, gettext("Minutes.docx"), minutes_documents.minutes_docx(minutes), f"{title} ({state})")
    if minutes.amendments.exists():
        z.add(MINUTES, gettext("Corrections of the minutes.xlsx"), amendments_workbook(minutes), corrections)
    else:
        z.absent(MINUTES, corrections, NONE)


# --- 06 conclusion notice and its publication


def add_conclusion(z: DossierZip, s: Sources) -> None:
    from dialogue.conclusions import documents as conclusion_documents

    conclusion = s.conclusion
    title = gettext("Conclusion notice")
    published = gettext("Text published to the people (personal data masked)")
    if conclusion is None or conclusion.status != ConclusionStatus.ISSUED:
        note = (
            NOT_YET
            if conclusion is None
            else gettext("not yet issued (%(status)s)") % {"status": conclusion.get_status_display().lower()}
        )
        z.absent(CONCLUSION, title, note)
        z.absent(CONCLUSION, published)
        return
    label = gettext("Conclusion notice %(label)s of %(date)s") % {
        "label": conclusion.label,
        "date": _day(conclusion.issued_on),
    }
    z.add(CONCLUSION, f"{title}.docx", _docx(conclusion_documents.conclusion_document(conclusion)), label)
    publication = getattr(conclusion, "publication", None)
    if publication is not None and publication.status == PublicationStatus.PUBLISHED and publication.public_text:
        text = publication.public_text.replace("\r\n", "\n").strip() + "\n"
        when = gettext("%(title)s, published on %(date)s") % {
            "title": published,
            "date": _local(publication.published_at),
        }
        z.add(CONCLUSION, gettext("Published text.txt"), ("\ufeff" + text).encode("utf-8"), when)
    else:
        z.absent(CONCLUSION, published, gettext("not yet published"))


# --- 07 follow-up: directives, petition groups, timeline, escalations, evidence

DIRECTIVE_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Matter"),
    pgettext_lazy("dossier column", "Lead unit"),
    pgettext_lazy("dossier column", "Supporting units"),
    pgettext_lazy("dossier column", "Expected result"),
    pgettext_lazy("dossier column", "Due date"),
    pgettext_lazy("dossier column", "Status"),
    pgettext_lazy("dossier column", "Late (working days)"),
    pgettext_lazy("dossier column", "Resolved at"),
    pgettext_lazy("dossier column", "Closed at"),
    pgettext_lazy("dossier column", "Reason it cannot be resolved"),
    pgettext_lazy("dossier column", "Last update"),
)
GROUP_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Opinion or petition (combined)"),
    pgettext_lazy("dossier column", "Lead agency"),
    pgettext_lazy("dossier column", "Answer"),
    pgettext_lazy("dossier column", "Follow-up status"),
    pgettext_lazy("dossier column", "To be resolved by"),
    pgettext_lazy("dossier column", "Late (working days)"),
    pgettext_lazy("dossier column", "Resolved at"),
    pgettext_lazy("dossier column", "Reason it cannot be resolved"),
)
TIMELINE_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Matter"),
    pgettext_lazy("dossier column", "Time"),
    pgettext_lazy("dossier column", "Kind"),
    pgettext_lazy("dossier column", "Status before"),
    pgettext_lazy("dossier column", "Status after"),
    pgettext_lazy("dossier column", "By"),
    pgettext_lazy("dossier column", "Unit"),
    pgettext_lazy("dossier column", "Content"),
    pgettext_lazy("dossier column", "Evidence (files in the dossier)"),
)
ESCALATION_HEADERS = (
    pgettext_lazy("dossier column", "No."),
    pgettext_lazy("dossier column", "Matter"),
    pgettext_lazy("dossier column", "From"),
    pgettext_lazy("dossier column", "To"),
    pgettext_lazy("dossier column", "Recommendation to the higher level"),
    pgettext_lazy("dossier column", "Sent at"),
    pgettext_lazy("dossier column", "Answer due"),
    pgettext_lazy("dossier column", "Status"),
    pgettext_lazy("dossier column", "Answer"),
    pgettext_lazy("dossier column", "Answered at"),
)


@dataclass
class FollowUp:
    directives: list[tuple[int, Directive]]
    groups: list[tuple[int | None, PetitionGroup]]
    updates: list[ProgressUpdate]
    escalations: list[Escalation]

    def label_of(self, item) -> str:
        if item.directive_id:
            return _directive_label(self._directive_numbers[item.directive_id])
        return _group_label(self._group_numbers.get(item.group_id))

    def __post_init__(self):
        self._directive_numbers = {d.pk: n for n, d in self.directives}
        self._group_numbers = {g.pk: n for n, g in self.groups}


def followup_of(s: Sources) -> FollowUp:
    directives = []
    if s.conclusion is not None and s.conclusion.status == ConclusionStatus.ISSUED:
        from dialogue.conclusions.selectors import conclusion_directives

        ordered = sorted(conclusion_directives(s.conclusion), key=lambda d: (d.order, d.pk))
        directives = list(enumerate(ordered, start=1))
    groups = [(s.numbers.get(g.pk), g) for g in s.groups if g.followup_status]
    directive_ids = [d.pk for _n, d in directives]
    group_ids = [g.pk for _n, g in groups]
    updates = list(
        ProgressUpdate.objects.filter(Q(directive_id__in=directive_ids) | Q(group_id__in=group_ids))
        .select_related("author", "author_unit")
        .prefetch_related("evidence")
        .order_by("created_at", "id")
    )
    escalations = list(
        Escalation.objects.filter(Q(directive_id__in=directive_ids) | Q(group_id__in=group_ids))
        .select_related("from_unit", "to_unit")
        .order_by("created_at", "id")
    )
    return FollowUp(directives, groups, updates, escalations)


def _late(due: date | None, status: str, today: date) -> int | None:
    from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES

    if not due or status not in OPEN_DIRECTIVE_STATUSES:
        return None
    return lateness(due, today)[0] or None


def followup_workbook(s: Sources, f: FollowUp, evidence_paths: dict[int, list[str]]) -> bytes:
    """The follow-up history: every directive and followed petition group with its status
    and due date, every progress update in time order, every recommendation sent to the
    higher level. Evidence is named by its path in the dossier."""
    status = dict(DirectiveStatus.choices)
    answer_status = dict(GroupStatus.choices)
    kinds = dict(UpdateKind.choices)
    escalation_status = dict(EscalationStatus.choices)
    today = timezone.localdate()
    directive_rows = [
        (
            n,
            d.matter,
            d.lead_unit.name if d.lead_unit else "",
            "; ".join(u.name for u in d.supporting_units.all()),
            d.expected_result,
            d.due_date,
            str(status.get(d.status, d.status)),
            _late(d.due_date, d.status, today),
            _local(d.resolved_at),
            _local(d.closed_at),
            d.resolution_reason,
            _local(d.last_update_at),
        )
        for n, d in f.directives
    ]
    group_rows = [
        (
            n,
            g.summary,
            g.lead_unit.name if g.lead_unit else "",
            str(answer_status.get(g.status, g.status)),
            str(status.get(g.followup_status, g.followup_status)),
            g.resolve_due,
            _late(g.resolve_due, g.followup_status, today),
            _local(g.resolved_at),
            g.resolution_reason,
        )
        for n, g in f.groups
    ]
    timeline_rows = [
        (
            n,
            f.label_of(u),
            _local(u.created_at),
            str(kinds.get(u.kind, u.kind)),
            str(status.get(u.status_before, u.status_before)),
            str(status.get(u.status_after, u.status_after)),
            (u.author.full_name if u.author else "") or u.author_name,
            u.author_unit.name if u.author_unit else "",
            u.text,
            "\n".join(evidence_paths.get(u.pk, [])),
        )
        for n, u in enumerate(f.updates, start=1)
    ]
    escalation_rows = [
        (
            n,
            f.label_of(e),
            e.from_unit.name,
            e.to_unit.name,
            e.request_text,
            _local(e.created_at),
            e.due_date,
            str(escalation_status.get(e.status, e.status)),
            e.answer_text,
            _local(e.answered_at),
        )
        for n, e in enumerate(f.escalations, start=1)
    ]
    subtitle = _subtitle(s.conference)
    return _workbook(
        gettext("Follow-up history"),
        subtitle,
        s.conference.plan.issuing_unit.name,
        [
            (
                pgettext("dossier sheet", "Directives"),
                gettext("DIRECTIVES OF THE CONCLUSION NOTICE AND THEIR STATUS"),
                subtitle,
                DIRECTIVE_HEADERS,
                (6, 50, 26, 26, 34, 12, 18, 12, 17, 17, 30, 17),
                directive_rows,
                {0, 7, 8, 9, 11},
                {5},
            ),
            (
                pgettext("dossier sheet", "Petitions followed"),
                gettext("OPINIONS AND PETITIONS FOLLOWED UNTIL RESOLVED"),
                subtitle,
                GROUP_HEADERS,
                (6, 50, 26, 20, 20, 12, 12, 17, 30),
                group_rows,
                {0, 6, 7},
                {5},
            ),
            (
                pgettext("dossier sheet", "Timeline"),
                gettext("TIMELINE OF THE FOLLOW-UP"),
                subtitle,
                TIMELINE_HEADERS,
                (6, 14, 17, 22, 18, 18, 22, 26, 60, 50),
                timeline_rows,
                {0, 2},
                set(),
            ),
            (
                pgettext("dossier sheet", "Higher level"),
                gettext("RECOMMENDATIONS TO THE HIGHER LEVEL"),
                subtitle,
                ESCALATION_HEADERS,
                (6, 14, 26, 26, 50, 17, 12, 22, 50, 17),
                escalation_rows,
                {0, 5, 9},
                {6},
            ),
        ],
    )


def add_followup(z: DossierZip, s: Sources) -> None:
    title = gettext("Follow-up history: directives, petitions followed, timeline, recommendations to the higher level")
    f = followup_of(s)
    if not f.directives and not f.groups:
        z.absent(FOLLOW_UP, title)
        return
    # The evidence first, so the history can name each file by its place in the dossier.
    folder = pgettext("dossier folder", "Evidence")
    paths: dict[int, list[str]] = {}
    for update in f.updates:
        label = f.label_of(update)
        for evidence in update.evidence.all():
            entry = z.add_stored(
                FOLLOW_UP,
                evidence.name,
                evidence.file,
                gettext("%(matter)s: evidence of %(date)s, %(name)s")
                % {"matter": label, "date": _local(update.created_at)[:10], "name": evidence.name},
                sub=f"{folder}/{label}",
                expected_sha256=evidence.sha256,
            )
            paths.setdefault(update.pk, []).append(entry.path or f"{evidence.name} ({entry.note})")
    z.add(FOLLOW_UP, gettext("Follow-up history.xlsx"), followup_workbook(s, f, paths), title)


PARTS: tuple[tuple[object, Callable[[DossierZip, Sources], None]], ...] = (
    (PLAN, add_plan),
    (INVITATIONS, add_invitations),
    (ATTENDANCE, add_attendance),
    (PETITIONS, add_petitions),
    (MINUTES, add_minutes),
    (CONCLUSION, add_conclusion),
    (FOLLOW_UP, add_followup),
)


# ---------------------------------------------------------------- the table of contents


def _size(size: int) -> str:
    return f"{size:,}".replace(",", ".")


def contents_text(z: DossierZip, s: Sources, *, requested_by: str) -> str:
    """MUC-LUC.txt: what the dossier holds, folder by folder, with the size and SHA-256
    of every file (one `sha256sum -c` line each), and the parts not there yet."""
    conference, plan = s.conference, s.conference.plan
    rule = "=" * 78
    lines = [
        gettext("TABLE OF CONTENTS OF THE CONFERENCE DOSSIER"),
        rule,
        gettext("Conference: %(title)s") % {"title": conference.title},
        gettext("Time: %(when)s") % {"when": plan_documents.when_words(conference)},
    ]
    if conference.venue:
        lines.append(gettext("Venue: %(venue)s") % {"venue": conference.venue})
    lines += [
        gettext("Plan: %(label)s of %(unit)s") % {"label": plan.label, "unit": plan.issuing_unit.name},
        gettext("Dossier made on %(when)s, requested by %(who)s") % {"when": _local(z.when), "who": requested_by},
        "",
        gettext(
            "Internal archive: this dossier holds the names of delegates and of the people who sent opinions "
            "(no telephone numbers). Keep it inside the agency under the rules on personal data protection "
            "(Law 91/2025/QH15); do not publish it or send it outside."
        ),
        gettext(
            "Each file is followed by its SHA-256 checksum; check them with “sha256sum -c MUC-LUC.txt” (Linux) "
            "or “certutil -hashfile <file> SHA256” (Windows)."
        ),
        "",
    ]
    for folder in FOLDERS:
        lines += [folder_name(folder).upper(), "-" * 78]
        entries = [e for e in z.entries if e.folder == folder_name(folder)]
        for number, entry in enumerate(entries, start=1):
            if entry.path:
                head = f"{number}. {entry.title} ({_size(entry.size)} byte)"
                if entry.note:
                    head += f" [{entry.note}]"
                lines += [head, f"   {entry.sha256}  {entry.path}"]
            else:
                lines.append(f"{number}. {entry.title}: {entry.note}")
        lines.append("")
    files = z.files
    total = sum(e.size for e in files)
    missing = [e for e in z.entries if e.lacking]
    lines += [
        rule,
        ngettext("Total: %(count)s file, %(size)s bytes.", "Total: %(count)s files, %(size)s bytes.", len(files))
        % {"count": len(files), "size": _size(total)}
        + " "
        + ngettext("%(missing)s part not yet available.", "%(missing)s parts not yet available.", len(missing))
        % {"missing": len(missing)},
    ]
    return "\n".join(lines) + "\n"


def build_zip(
    target, conference: Conference, user, *, progress: Callable[[str], None] = lambda step: None
) -> DossierZip:
    """Write the whole dossier into `target` (a binary file). Any error propagates: the
    caller throws the half-written file away."""
    z = DossierZip(target, timezone.localtime())
    try:
        progress(gettext("Reading the records"))
        sources = sources_for(conference, user)
        for folder, add in PARTS:
            progress(folder_name(folder))
            add(z, sources)
        progress(gettext("Table of contents"))
        requested_by = (getattr(user, "full_name", "") or getattr(user, "username", "")) if user else ""
        z.close(contents_text(z, sources, requested_by=requested_by))
    except BaseException:
        z.abort()
        raise
    return z
