"""Petitions sent by citizens themselves — the public portal's form and connected
applications (Open311) — and what a citizen may see of one afterwards.

- Intake (`petition_submit_public`): no staff actor. The citizen's explicit consent to the
  processing of their personal data is required and stored with the purpose they agreed
  to, word for word (Law 91/2025/QH15, Decree 356/2025/NĐ-CP). Attachments are checked by
  their content before anything is written. A repeated submission key (a double click, a
  resent form, a client retrying) returns the petition already recorded.
- Tracking code: 10 random characters of Crockford's base 32 (50 bits) after “DT”, shown
  as DT-XXXXX-XXXXX. A code alone reveals nothing: the portal asks for the code and the
  telephone number together and answers the same way for any mismatch.
- `public_state`: what the citizen (and, masked further, the public) may see of where a
  petition stands, in one place for the portal, the notifications and Open311.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record
from dialogue.core.uploads import check_files
from dialogue.lib.masking import mask_text
from dialogue.lib.phones import InvalidPhone, normalize_phone
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import Unit, UnitCategory, UnitStatus
from dialogue.petitions import services
from dialogue.petitions.models import (
    AckKind,
    Channel,
    FollowUpStatus,
    GroupStatus,
    NotifyChannel,
    Petition,
    PetitionFile,
    PetitionStatus,
)
from dialogue.plans.models import Conference, ConferenceStatus, Plan
from dialogue.plans.services import administrative_area

# Law 91/2025/QH15 art. 9 and Decree 356/2025: the purpose is stated and agreed to before
# the data is processed. This text is stored with each petition as the citizen saw it.
CONSENT_PURPOSE = _(
    "I agree that the receiving body processes my name, telephone number, address and e-mail "
    "address only to receive, classify and answer this petition, to tell me of its progress "
    "and to ask whether I am satisfied with the result. My data is not published: public "
    "pages show my name as initials and never my telephone number or address. I may ask to "
    "see, correct or erase my data where the law allows."
)
IDENTITY_NOTE = _(
    "The receiving body still sees your name and contact details, to answer you; the agencies "
    "that answer see only the content. A denunciation (tố cáo) is protected under the Law on "
    "Denunciations in any case."
)

MSG_CONSENT = _(
    "Tick the box to agree to the processing of your personal data; without it the petition cannot be sent."
)
MSG_NAME = _("Enter your full name.")
MSG_PHONE = _("Enter a telephone number: you will need it with the tracking code to follow your petition.")
MSG_EMAIL_FOR_NOTICE = _("Enter an e-mail address to be notified by e-mail.")
MSG_MOBILE_FOR_SMS = _("SMS notices need a mobile number.")
MSG_CONFERENCE_CLOSED = _("This conference no longer takes petitions online; send it to the unit's reception instead.")
MSG_UNIT = _("Choose the province or commune whose body should receive the petition.")
MSG_KEY_USED = _("This form was already sent. Open the form again to send a new petition.")

# What a citizen may attach online: fewer and smaller files than staff.
PUBLIC_MAX_FILES = 3
PUBLIC_MAX_FILE_MB = 10

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_CONFUSED = str.maketrans({"O": "0", "I": "1", "L": "1"})


# ---------------------------------------------------------------- tracking code


def new_tracking_code() -> str:
    return "DT" + "".join(secrets.choice(_ALPHABET) for _ in range(10))


def normalise_tracking_code(raw: str) -> str:
    """What a person types (“dt-7k3m9-qxpr2”, spaces, O for 0) as stored (“DT7K3M9QXPR2”)."""
    cleaned = re.sub(r"[^0-9A-Za-z]", "", raw or "").upper()
    if cleaned.startswith("DT"):
        cleaned = "DT" + cleaned[2:].translate(_CONFUSED)
    return cleaned[:16]


def display_tracking_code(code: str) -> str:
    return f"{code[:2]}-{code[2:7]}-{code[7:]}" if code and len(code) == 12 else code or ""


# ---------------------------------------------------------------- where it goes


def upcoming_conferences(area: Unit | None = None, *, today: date | None = None):
    """Conferences announced on the portal that have not yet taken place, in date order;
    within `area` (a province or commune, with its subtree) when given."""
    today = today or timezone.localdate()
    qs = Conference.objects.filter(announced_at__isnull=False, date__gte=today).exclude(
        status=ConferenceStatus.CANCELLED
    )
    if area is not None:
        qs = qs.filter(host_unit__path__startswith=area.path)
    return qs.select_related("host_unit", "plan__issuing_unit").order_by("date", "start_time", "id")


def accepts_online(conference: Conference, *, today: date | None = None) -> bool:
    """A conference takes petitions online from its announcement until the day before it."""
    today = today or timezone.localdate()
    return (
        conference.announced_at is not None
        and conference.date is not None
        and conference.date > today
        and conference.status != ConferenceStatus.CANCELLED
    )


def reception_unit(area: Unit) -> Unit:
    """The body that receives a province's or commune's petitions outside a conference:
    the issuer of the area's latest plan (its Party committee, usually), otherwise the area."""
    plan = (
        Plan.objects.filter(issuing_unit__path__startswith=area.path)
        .exclude(issuing_unit__kind__category=UnitCategory.ADMINISTRATIVE)
        .select_related("issuing_unit")
        .order_by("-id")
    )
    for candidate in plan[:20]:
        issuer = candidate.issuing_unit
        if issuer.status == UnitStatus.ACTIVE and _area_of(issuer) == area:
            return issuer
    return area


def _area_of(unit: Unit) -> Unit:
    from dialogue.plans.services import administrative_area

    return administrative_area(unit)


# ---------------------------------------------------------------- intake


@dataclass
class Submission:
    content: str
    name: str
    phone: str
    consent: bool
    conference: Conference | None = None
    area: Unit | None = None
    address: str = ""
    email: str = ""
    identity_protected: bool = False
    notify_by: str = NotifyChannel.NONE
    files: list = field(default_factory=list)
    submission_key: object = None
    channel: str = Channel.ONLINE
    source_client: str = ""


def _check(sub: Submission) -> tuple[Unit, str]:
    if not sub.consent:
        raise ServiceError(MSG_CONSENT, field="consent")
    if not normalize_text(sub.name):
        raise ServiceError(MSG_NAME, field="name")
    if not (sub.phone or "").strip():
        raise ServiceError(MSG_PHONE, field="phone")
    try:
        phone = normalize_phone(sub.phone)
    except InvalidPhone as exc:
        raise ServiceError(str(exc), field="phone") from exc
    if sub.notify_by == NotifyChannel.EMAIL and not sub.email:
        raise ServiceError(MSG_EMAIL_FOR_NOTICE, field="email")
    if sub.notify_by == NotifyChannel.SMS and not phone.startswith(("03", "05", "07", "08", "09")):
        raise ServiceError(MSG_MOBILE_FOR_SMS, field="notify_by")
    if sub.conference is not None:
        if not accepts_online(sub.conference):
            raise ServiceError(MSG_CONFERENCE_CLOSED, field="conference")
        return sub.conference.plan.issuing_unit, phone
    if sub.area is None or sub.area.status != UnitStatus.ACTIVE:
        raise ServiceError(MSG_UNIT, field="area")
    return reception_unit(sub.area), phone


def petition_submit_public(sub: Submission) -> Petition:
    """Record a citizen's own petition with its consent and files; return it (with its
    tracking code). Validation and file checks happen before anything is written; the
    petition, its files and its audit entry are written in one transaction, with the task
    that matches its address, looks for what it repeats and tells the receiving unit's
    intake officers (`petition_enrich`): none of that is the citizen's to wait for, and a
    burst of submissions is then stored at the pace of the database (docs/performance.md)."""
    existing = _already_submitted(sub)
    if existing is not None:
        return existing
    receiving_unit, phone = _check(sub)
    checked = check_files(sub.files, max_files=PUBLIC_MAX_FILES, max_mb=PUBLIC_MAX_FILE_MB)
    petition = services.petition_prepare(
        receiving_unit=receiving_unit,
        conference=sub.conference,
        content=sub.content,
        channel=sub.channel,
        name=sub.name,
        phone=phone,
        address=sub.address,
        submission_key=sub.submission_key,
        enrich=False,
    )
    petition.email = (sub.email or "").strip()[:254]
    petition.consent_purpose = str(CONSENT_PURPOSE)
    petition.consented_at = timezone.now()
    petition.identity_protected = bool(sub.identity_protected)
    petition.notify_by = sub.notify_by or ""
    petition.source_client = sub.source_client[:120]
    # What the citizen is told at once (the receipt); the scan tells them of each change after.
    petition.notified_state = public_state(petition).digest()
    for _attempt in range(5):
        petition.tracking_code = new_tracking_code()
        try:
            with transaction.atomic():
                petition.save()
                for item in checked:
                    stored = PetitionFile(
                        petition=petition,
                        name=item.name,
                        content_type=item.content_type,
                        size=item.size,
                        sha256=item.sha256,
                    )
                    stored.file.save(item.stored_name, item.upload, save=False)
                    stored.save()
                audit_record(
                    actor=None,
                    action="petition.submit_public",
                    target=petition,
                    unit=receiving_unit,
                    after={
                        "channel": petition.channel,
                        "conference": petition.conference_id,
                        "files": len(checked),
                        "identity_protected": petition.identity_protected,
                        "source_client": petition.source_client,
                    },
                )
                # Queued here, the worker's tasks exist only if the petition does.
                from dialogue.portal.tasks import enrich_public_petition, send_receipt

                enrich_public_petition.enqueue(petition.pk)
                if petition.notify_by:
                    # The receipt with the tracking code leaves through the worker.
                    send_receipt.enqueue(petition.pk)
            break
        except IntegrityError:
            petition.pk = None
            existing = _already_submitted(sub)
            if existing is not None:
                return existing
            if not Petition.objects.filter(tracking_code=petition.tracking_code).exists():
                raise
    return petition


def petition_enrich(*, petition_id: int) -> str:
    """Worker, once per citizen's petition stored by `petition_submit_public`: the village
    or commune its address names and the earlier petition it repeats (what
    `services.petition_prepare` finds for a petition entered by staff), then the receiving
    unit's intake officers are told of it."""
    petition = Petition.objects.select_related("receiving_unit").filter(pk=petition_id).first()
    if petition is None:
        return "no petition"
    address_unit = services.match_address(petition.address, administrative_area(petition.receiving_unit))
    repeat_of = services.find_repeat(petition)
    # What staff set in the meantime stays: only what is still empty is filled in.
    if address_unit is not None:
        Petition.objects.filter(pk=petition.pk, address_unit__isnull=True).update(address_unit=address_unit)
    if repeat_of is not None:
        Petition.objects.filter(pk=petition.pk, repeat_of__isnull=True).update(repeat_of=repeat_of)
    services.notify_new_public(petition)
    return "enriched"


def _already_submitted(sub: Submission) -> Petition | None:
    """The petition a repeated submission key already recorded (a double click, a resent
    form, a client retrying), when it was sent with the same telephone number; a key seen
    with another number is refused rather than answered with somebody else's petition."""
    if not sub.submission_key:
        return None
    existing = Petition.objects.filter(submission_key=sub.submission_key).first()
    if existing is None:
        return None
    try:
        phone = normalize_phone(sub.phone)
    except InvalidPhone:
        phone = ""
    if not phone or not secrets.compare_digest(existing.phone, phone):
        raise ServiceError(MSG_KEY_USED)
    return existing


def submission_known(key) -> bool:
    """Whether a submission key was already recorded (a double submit is not an attempt)."""
    return bool(key) and Petition.objects.filter(submission_key=key).exists()


def petition_for_tracking(code: str, phone: str) -> Petition | None:
    """The petition with this tracking code and telephone number, or None for any mismatch
    (the caller shows one neutral message whatever was wrong)."""
    code = normalise_tracking_code(code)
    try:
        phone = normalize_phone(phone)
    except InvalidPhone:
        return None
    if not code.startswith("DT") or len(code) != 12:
        return None
    petition = Petition.objects.filter(tracking_code=code).select_related("group", "conference").first()
    if petition is None or not secrets.compare_digest(petition.phone, phone):
        return None
    return petition


# ---------------------------------------------------------------- what the citizen sees


class Stage:
    RECEIVED = "received"
    ACCEPTED = "accepted"
    FORWARDED = "forwarded"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    NOT_ACCEPTED = "not_accepted"


STAGE_LABELS = {
    Stage.RECEIVED: _("Received, being classified"),
    Stage.ACCEPTED: _("Accepted for an answer"),
    Stage.FORWARDED: _("Forwarded to the competent body"),
    Stage.ASSIGNED: _("Assigned to an agency to answer"),
    Stage.ANSWERED: _("Answered"),
    Stage.IN_PROGRESS: _("Being resolved"),
    Stage.RESOLVED: _("Resolved"),
    Stage.CLOSED: _("Closed"),
    Stage.NOT_ACCEPTED: _("Not accepted"),
}
# Stages after which nothing more is expected (Open311 "closed").
FINAL_STAGES = {Stage.RESOLVED, Stage.CLOSED, Stage.NOT_ACCEPTED}

_DONE_FOLLOWUP = {
    FollowUpStatus.RESOLVED,
    FollowUpStatus.PARTLY_RESOLVED,
    FollowUpStatus.CANNOT_RESOLVE,
    FollowUpStatus.CLOSED,
}


@dataclass
class DirectiveView:
    matter: str
    unit: str
    due_date: date | None
    status: str
    status_label: str


@dataclass
class PublicState:
    stage: str
    label: str
    received_on: date
    acknowledged_on: date | None
    ack_kind: str
    answering_unit: str
    answer_due: date | None
    answer: str  # masked
    answered_at: datetime | None
    followup_label: str
    directives: list[DirectiveView]
    updated_at: datetime
    ack_due: date | None = None  # QĐ 11-QĐi/TW: the petitioner is told within 10 working days

    @property
    def closed(self) -> bool:
        return self.stage in FINAL_STAGES

    def digest(self) -> str:
        """Changes when anything the citizen would be told changes."""
        parts = [self.stage, str(self.acknowledged_on or ""), self.answer, self.followup_label]
        parts += [f"{d.matter}|{d.status}|{d.due_date}" for d in self.directives]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def public_state(petition: Petition) -> PublicState:
    """Where the petition stands, in words a citizen understands; texts are masked."""
    return public_states([petition])[petition.pk]


def public_states(petitions: list[Petition]) -> dict[int, PublicState]:
    """`public_state` of many petitions at once, by petition id: the petitioners' names
    and the directives of their groups are read in two statements for the whole batch
    (a list of a thousand requests each in its own group would otherwise take two
    thousand). The petitions should come with `group` and `group__lead_unit` selected."""
    from dialogue.conclusions.models import Directive, DirectiveStatus

    group_ids = {p.group_id for p in petitions if p.group_id}
    names: dict[int, list[str]] = {}
    directives: dict[int, list[Directive]] = {}
    if group_ids:
        rows = Petition.objects.filter(group_id__in=group_ids).exclude(name="").values_list("group_id", "name")
        for group_id, name in rows:
            names.setdefault(group_id, []).append(name)
        for row in (
            Directive.objects.filter(group_id__in=group_ids)
            .exclude(status=DirectiveStatus.PROPOSED)
            .select_related("lead_unit")
            .order_by("order", "id")
        ):
            directives.setdefault(row.group_id, []).append(row)
    return {p.pk: _state_of(p, names.get(p.group_id, []), directives.get(p.group_id, [])) for p in petitions}


def _state_of(petition: Petition, names: list[str], directive_rows: list) -> PublicState:
    group = petition.group
    stage = Stage.RECEIVED
    if petition.status == PetitionStatus.WITHDRAWN:
        stage = Stage.NOT_ACCEPTED
    elif petition.status == PetitionStatus.FORWARDED or petition.ack_kind == AckKind.FORWARDED:
        stage = Stage.FORWARDED
    elif petition.acknowledged_on:
        stage = Stage.ACCEPTED
    answer, answered_at, answering_unit, answer_due, followup_label = "", None, "", None, ""
    directives: list[DirectiveView] = []
    if group is not None and stage != Stage.NOT_ACCEPTED:
        if group.lead_unit_id:
            answering_unit = group.lead_unit.name
            answer_due = group.due_date
            if group.status != GroupStatus.OPEN:
                stage = Stage.ASSIGNED
        if group.status == GroupStatus.APPROVED and group.answer_text:
            stage = Stage.ANSWERED
            answer = mask_text(group.answer_text, names=names)
            answered_at = group.approved_at
        for row in directive_rows:
            directives.append(
                DirectiveView(
                    matter=mask_text(row.matter, names=names),
                    unit=row.lead_unit.name if row.lead_unit_id else "",
                    due_date=row.due_date,
                    status=row.status,
                    status_label=str(row.get_status_display()),
                )
            )
        if group.followup_status:
            followup_label = str(group.get_followup_status_display())
            if group.followup_status in _DONE_FOLLOWUP:
                stage = Stage.CLOSED if group.followup_status == FollowUpStatus.CLOSED else Stage.RESOLVED
            elif stage == Stage.ANSWERED or directives:
                stage = Stage.IN_PROGRESS
    updated = max(
        [petition.updated_at] + ([group.updated_at] if group is not None else []),
    )
    return PublicState(
        stage=stage,
        label=str(STAGE_LABELS[stage]),
        received_on=petition.received_on,
        acknowledged_on=petition.acknowledged_on,
        ack_kind=petition.ack_kind,
        answering_unit=answering_unit,
        answer_due=answer_due,
        answer=answer,
        answered_at=answered_at,
        followup_label=followup_label,
        directives=directives,
        updated_at=updated,
        ack_due=petition.ack_due,
    )


def public_petitions():
    """Petitions sent through the public channels (the portal and connected applications)."""
    return Petition.objects.filter(Q(channel=Channel.ONLINE) | Q(channel=Channel.OPEN311)).exclude(
        tracking_code__isnull=True
    )


# ---------------------------------------------------------------- the citizen's own page

# How far along the path a stage is (the page's steps are done up to it).
_STAGE_RANK = {
    Stage.RECEIVED: 0,
    Stage.ACCEPTED: 1,
    Stage.FORWARDED: 1,
    Stage.ASSIGNED: 2,
    Stage.ANSWERED: 3,
    Stage.IN_PROGRESS: 4,
    Stage.RESOLVED: 5,
    Stage.CLOSED: 5,
    Stage.NOT_ACCEPTED: 1,
}
STEP_LABELS = {
    "received": pgettext_lazy("tracking step", "Received"),
    "acknowledged": pgettext_lazy("tracking step", "Accepted or forwarded"),
    "assigned": pgettext_lazy("tracking step", "Assigned to the answering agency"),
    "answered": pgettext_lazy("tracking step", "Answered"),
    "followed": pgettext_lazy("tracking step", "Followed until resolved"),
    "finished": pgettext_lazy("tracking step", "Resolved or closed"),
    "not_accepted": pgettext_lazy("tracking step", "Not accepted"),
}


@dataclass
class Step:
    key: str
    label: str
    done: bool
    current: bool


def tracking_steps(state: PublicState) -> list[Step]:
    """The path of a petition as the citizen's page draws it: each step done, current
    (the furthest reached) or still ahead. A petition not accepted stops after receipt."""
    keys = ["received", "acknowledged", "assigned", "answered", "followed", "finished"]
    if state.stage == Stage.NOT_ACCEPTED:
        keys = ["received", "not_accepted"]
    reached = _STAGE_RANK[state.stage]
    steps = []
    for index, key in enumerate(keys):
        steps.append(Step(key=key, label=str(STEP_LABELS[key]), done=index <= reached, current=index == reached))
    return steps


@dataclass
class ProgressEntry:
    when: datetime
    label: str
    text: str  # masked
    matter: str  # the directive it belongs to (masked), "" for the group itself


# What of a follow-up timeline a citizen sees: the responsible unit's progress and the
# synthesis board's decisions, not a result still awaiting review, an internal return,
# nor other petitioners' assessments.
PUBLIC_UPDATE_KINDS = ("progress", "accepted", "closed", "forwarded", "escalation_answer", "reopened", "due_changed")


def public_progress(petition: Petition, *, limit: int = 30) -> list[ProgressEntry]:
    """The accepted steps of the follow-up of the petition's matter (its group and the
    directives in force about it), newest first, every text masked with the names of the
    matter's petitioners."""
    from dialogue.conclusions.models import Directive, DirectiveStatus
    from dialogue.followup.models import ProgressUpdate

    group = petition.group
    if group is None or petition.status == PetitionStatus.WITHDRAWN:
        return []
    names = [n for n in group.petitions.values_list("name", flat=True) if n]
    directives = Directive.objects.filter(Q(group=group) | Q(speaker_request__group=group)).exclude(
        status=DirectiveStatus.PROPOSED
    )
    rows = (
        ProgressUpdate.objects.filter(Q(group=group) | Q(directive__in=directives), kind__in=PUBLIC_UPDATE_KINDS)
        .select_related("directive")
        .order_by("-created_at", "-id")[:limit]
    )
    return [
        ProgressEntry(
            when=row.created_at,
            label=str(row.get_kind_display()),
            # A reopening a petitioner's assessment caused carries their comment: not shown
            # to the other petitioners of the matter.
            text="" if _by_citizen(row) else mask_text(row.text, names=names),
            matter=mask_text(row.directive.matter, names=names) if row.directive_id else "",
        )
        for row in rows
    ]


def _by_citizen(update) -> bool:
    return update.author_id is None and update.author_unit_id is None and update.kind == "reopened"
