"""Plans (kế hoạch), their conferences and everything prepared before the day.

A plan is the numbered document an issuing unit signs; it schedules one or more
conferences, assigns duties to units (tổ chức thực hiện) and is printed in the legal
layout of its issuer (state or Party). Field names follow domain.md's glossary.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DocumentLayout(models.TextChoices):
    STATE = "state", _("State document (Decree 30/2020/NĐ-CP)")
    PARTY = "party", _("Party document (Guideline 36-HD/VPTW)")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    CANCELLED = "cancelled", _("Cancelled")


class Plan(models.Model):
    """Kế hoạch: the issuing unit's numbered plan for one or more conferences."""

    issuing_unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="plans"
    )
    layout = models.CharField(_("document layout"), max_length=10, choices=DocumentLayout.choices)
    issuer_parent_line = models.CharField(
        _("higher body line"), max_length=200, blank=True, help_text=_("E.g. “ĐẢNG BỘ TỈNH THÁI NGUYÊN”; may be empty.")
    )
    issuer_line = models.CharField(
        _("issuing body line"),
        max_length=200,
        help_text=_("E.g. “TỈNH ỦY THÁI NGUYÊN”, “ỦY BAN NHÂN DÂN TỈNH BẮC GIANG”."),
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=40, help_text=_("Party: “KH/TU”, “KH/ĐU”; state: “KH-UBND”."))
    year = models.PositiveSmallIntegerField(_("year"))
    place = models.CharField(_("place"), max_length=100)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    draft_month = models.PositiveSmallIntegerField(_("month (while the day is not fixed)"), null=True, blank=True)
    title = models.TextField(_("title (summary)"))
    basis_verb = models.CharField(_("opening word of the legal bases"), max_length=40, default="Thực hiện")
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("The rest of the opening paragraph after the legal bases, e.g. “… xây dựng Kế hoạch … như sau:”."),
    )
    purposes = models.TextField(_("purposes and requirements (section I)"), blank=True)
    content = models.TextField(
        _("content (section II)"),
        blank=True,
        help_text=_("Leave empty to write section II from the conferences of the plan."),
    )
    tasks_heading = models.CharField(
        _("heading of the tasks section"), max_length=200, default="III. TỔ CHỨC THỰC HIỆN"
    )
    closing = models.TextField(_("closing paragraph"), blank=True)
    signing_authority = models.CharField(
        _("signing authority"),
        max_length=120,
        blank=True,
        help_text=_("E.g. “T/M BAN THƯỜNG VỤ”, “TM. ỦY BAN NHÂN DÂN”."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signed_plans",
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    recipients = models.TextField(_("recipients (Nơi nhận)"), blank=True, help_text=_("One recipient per line."))
    drafter_mark = models.CharField(_("drafter's mark"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    search_folded = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Guards against two people overwriting each other's edits.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_unit", "year", "number"],
                condition=Q(number__isnull=False),
                name="plan_number_unique_per_unit_year",
            )
        ]

    def __str__(self):
        return f"{self.label} — {self.title[:80]}"

    @property
    def label(self) -> str:
        """How people name the plan on screen: “Số 166-KH/TU”, or “Dự thảo KH/ĐU” before
        it has a number (the blank “Số     -KH/ĐU” is only for the printed draft)."""
        if self.number:
            return self.number_label
        return f"{PlanStatus.DRAFT.label} {self.symbol}"

    @property
    def number_label(self) -> str:
        """“Số 166-KH/TU” (Party) or “Số: 15/KH-UBND” (state); a blank number for drafts."""
        number = str(self.number) if self.number else "    "
        if self.layout == DocumentLayout.PARTY:
            return f"Số {number}-{self.symbol}"
        return f"Số: {number}/{self.symbol}"


class LegalBasis(models.Model):
    """One căn cứ: a document the plan implements, cited as its issuer wrote it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(default=0)
    citation = models.TextField(
        _("citation"), help_text=_("E.g. “Quyết định số 1050-QĐ/TU, ngày 24/5/2022 của Ban Thường vụ Tỉnh ủy về …”.")
    )
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self):
        return self.citation[:120]


class Responsibility(models.Model):
    """One heading of “Tổ chức thực hiện”: a unit and the duties the plan gives it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responsibilities")
    order = models.PositiveSmallIntegerField(default=0)
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("heading as printed"), max_length=300, help_text=_("E.g. “Văn phòng Đảng ủy xã”, “Giao Công an xã”.")
    )
    intro = models.TextField(_("introductory sentence"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self):
        return self.label


class ConferenceFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    COMBINED = "combined", _("In person and online")


class ConferenceStatus(models.TextChoices):
    PLANNED = "planned", _("Planned (date not fixed)")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class ProgrammeFrequency(models.TextChoices):
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    MONTHS = "months", _("In chosen months")


class Programme(models.Model):
    """A recurring series in a plan (seed 002: the 15th of every month). It generates
    conferences once; each then lives on its own, so moving one moves no other."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="programmes")
    title = models.CharField(_("title"), max_length=300)
    frequency = models.CharField(_("frequency"), max_length=12, choices=ProgrammeFrequency.choices)
    day_of_month = models.PositiveSmallIntegerField(
        _("day of the month"), null=True, blank=True, help_text=_("Leave empty when the day is fixed later.")
    )
    months = models.JSONField(_("months"), default=list, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    content = models.TextField(_("content"), blank=True)
    audience = models.TextField(_("audience"), blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    format = models.CharField(_("format"), max_length=12, choices=ConferenceFormat.choices, default="in_person")
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    # Who chairs every generated conference (seed 002: the Vice-Chairman himself).
    chair_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chair_name = models.CharField(_("chair"), max_length=150, blank=True)
    chair_position = models.CharField(_("chair's position"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "id"]
        verbose_name = _("recurring programme")
        verbose_name_plural = _("recurring programmes")

    def __str__(self):
        return self.title


class TimelineTemplate(models.Model):
    """A preparation timeline: steps placed in working days before or after the conference."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # None: offered to every unit; otherwise to that unit's subtree.
    unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    code = models.SlugField(max_length=60, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("preparation timeline")
        verbose_name_plural = _("preparation timelines")

    def __str__(self):
        return self.name


class StepKind(models.TextChoices):
    COLLECT = "collect", _("Collect opinions")
    CLASSIFY = "classify", _("Classify and assign")
    ANSWER = "answer", _("Agencies' written answers")
    INVITE = "invite", _("Invitations")
    ANNOUNCE = "announce", _("Public announcement")
    DOSSIER = "dossier", _("Dossier to the chair")
    REPORT = "report", _("Socio-economic report")
    SECURITY = "security", _("Security")
    CONCLUSION = "conclusion", _("Conclusion notice")
    OTHER = "other", _("Other")


class TimelineStep(models.Model):
    template = models.ForeignKey(TimelineTemplate, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=StepKind.choices, default=StepKind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    offset_working_days = models.SmallIntegerField(
        _("working days from the conference"), help_text=_("Negative: before the conference; positive: after it.")
    )
    responsible_hint = models.CharField(_("usually done by"), max_length=200, blank=True)
    min_calendar_days_before = models.PositiveSmallIntegerField(
        _("legal minimum (calendar days before)"),
        null=True,
        blank=True,
        help_text=_("E.g. 7: a commune announces its dialogue at least 7 days before (Law 72/2025/QH15, art. 43)."),
    )

    class Meta:
        ordering = ["order", "offset_working_days", "id"]
        verbose_name = _("timeline step")
        verbose_name_plural = _("timeline steps")

    def __str__(self):
        return self.title


class Conference(models.Model):
    """Hội nghị tiếp xúc, đối thoại: one meeting of a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="conferences")
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="conferences"
    )
    occurrence_key = models.CharField(max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    host_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("host unit"),
        on_delete=models.PROTECT,
        related_name="hosted_conferences",
        help_text=_("The province or commune where the conference is held."),
    )
    title = models.TextField(_("topic"))
    content = models.TextField(_("content"), blank=True)
    audience = models.TextField(_("audience"), blank=True)
    format = models.CharField(_("format"), max_length=12, choices=ConferenceFormat.choices, default="in_person")
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_link = models.CharField(_("online meeting address"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    planned_period = models.CharField(
        _("planned period"),
        max_length=120,
        blank=True,
        help_text=_("While the date is not fixed: “trung tuần tháng 7/2024”."),
    )
    scope_levels = models.JSONField(
        _("levels whose matters are accepted"),
        default=list,
        blank=True,
        help_text=_("Empty: every level. Seed 000 accepts only the province and the centre."),
    )
    scope_note = models.TextField(_("note on the scope of matters"), blank=True)
    served_units = models.ManyToManyField(
        "organisation.Unit",
        blank=True,
        related_name="served_by_conferences",
        verbose_name=_("villages or communes served"),
    )
    timeline_template = models.ForeignKey(
        TimelineTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ConferenceStatus.choices, default=ConferenceStatus.PLANNED
    )
    # --- the public announcement on the portal (Law 72/2025/QH15 art. 43: at least 7 days before)
    participation = models.TextField(
        _("how to take part"),
        blank=True,
        help_text=_("Shown on the public portal: who may attend, how to register to speak, how to send opinions."),
    )
    announced_at = models.DateTimeField(_("announced on the portal at"), null=True, blank=True)
    announced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Why it was announced later than the law allows (asked of staff who announce late).
    announce_late_reason = models.TextField(_("reason for the late announcement"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["plan", "order", "date", "id"]
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "occurrence_key"],
                condition=Q(programme__isnull=False),
                name="conference_one_per_occurrence",
            )
        ]
        indexes = [
            models.Index(fields=["date"]),
            models.Index(fields=["announced_at", "date"], name="conference_public"),
        ]

    def __str__(self):
        return self.title[:120]


class ConferenceChair(models.Model):
    """Người chủ trì. Seed 004 has two (the Party secretary and the commune chairman)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="chairs")
    order = models.PositiveSmallIntegerField(default=0)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_conferences"
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("chair")
        verbose_name_plural = _("chairs")

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name


class Delegation(models.Model):
    """Expected delegates, nested: ~250 city delegates of whom ~200 citizens (seed 000)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="delegations")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=300)
    unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sending unit"),
    )
    expected_size = models.PositiveIntegerField(_("expected number"), null=True, blank=True)
    note = models.TextField(_("composition"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self):
        return self.name


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Not yet invited")
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class Participant(models.Model):
    """A named invitee, from the organisation tree or typed by hand."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="participants")
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.SET_NULL, related_name="participants"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    invitation_status = models.CharField(
        _("invitation"), max_length=12, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    # Came on the day without an invitation; added at the check-in desk.
    walk_in = models.BooleanField(_("walk-in"), default=False)
    # Printed as a QR code on the invitation for check-in on the day.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delegation__order", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "person"], condition=Q(person__isnull=False), name="participant_once_per_person"
            )
        ]

    def __str__(self):
        return self.full_name


class AgendaItem(models.Model):
    """Trình tự: one step of the conference's order of business."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.TextField(_("item"))
    presenter = models.CharField(_("presented by"), max_length=300, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=10)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")

    def __str__(self):
        return self.title[:100]


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Task(models.Model):
    """A duty with a due date: written in the plan (under a responsibility) or generated
    from a preparation timeline (relative to a conference's date)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    responsibility = models.ForeignKey(
        Responsibility, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    conference = models.ForeignKey(Conference, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    step = models.ForeignKey(TimelineStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="tasks"
    )
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(_("duty"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # Set for timeline tasks: the due date follows the conference date when it moves.
    offset_working_days = models.SmallIntegerField(null=True, blank=True)
    min_calendar_days_before = models.PositiveSmallIntegerField(null=True, blank=True)
    in_document = models.BooleanField(_("printed in the plan"), default=True)
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_note = models.TextField(_("note"), blank=True)
    evidence = models.FileField(_("file"), upload_to="tasks/%Y/%m/", blank=True, max_length=255)
    evidence_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "order", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return self.description[:120]

    @property
    def working_days_before(self) -> int | None:
        offset = self.offset_working_days
        return -offset if offset is not None and offset < 0 else None
