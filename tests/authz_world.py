"""The world of the authorisation matrix (tests/test_authz_matrix.py): one object of every
kind a URL names, built once per module (docs/authorisation.md).

The fixed cast of tests/conftest.py again (the matrix builds it at module scope, so it
cannot use the function-scoped `cast`), plus one person for each role the cast lacks,
held over Xã Cao Minh (C), where most of the objects live:

- `mttq` — Fatherland Front collector over C
- `chair` — chair (Bí thư Đảng ủy xã) over C
- `supervisor` — supervisor (Ủy ban Kiểm tra, read-only) over C

The objects: the province's plan, which gives agency A a duty (done, with its file), and a
programme; the commune's plan with an upcoming conference announced on the portal (chair,
delegation, participant, agenda item) and a held one (speaker, approved minutes,
petitions in four groups led by agency A: followed up after its approved answer, waiting
for its answer, waiting for the board's review, recommended to the province and answered);
an issued conclusion notice whose late directive agency A leads (with a photo, recommended
to UBND tỉnh); a second held conference whose notice is a draft; a petition sent online
with a file and one sent through Open311 by MTTQ's application; an import, a saved filter,
a message and a chase letter to agency A, a built dossier, a satisfaction link, an API key
for everyone. Agency B and the outsider have no part in any of it.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, time, timedelta
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.utils import timezone

from dialogue.api.tokens import token_issue
from dialogue.conclusions import services as conclusion_services
from dialogue.conclusions.models import DirectiveStatus
from dialogue.core.models import AuditEntry
from dialogue.dossier import services as dossier_services
from dialogue.dossier.models import DossierExport
from dialogue.followup import escalation as escalation_services
from dialogue.followup import satisfaction
from dialogue.followup.models import Escalation, Evidence, ProgressUpdate, SatisfactionRequest, UpdateKind
from dialogue.open311 import services as open311_services
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.models import RoleAssignment
from dialogue.organisation.roles import Role
from dialogue.petitions import public as petition_public
from dialogue.petitions import services as petition_services
from dialogue.petitions.fields_seed import load_builtin_fields
from dialogue.petitions.models import (
    Channel,
    Field,
    ImportBatch,
    ImportStatus,
    Petition,
    SavedFilter,
)
from dialogue.plans import services as plan_services
from dialogue.plans.models import ConferenceStatus, Programme, ProgrammeFrequency, TimelineStep, TimelineTemplate
from dialogue.plans.procedure import load_builtin_timelines
from dialogue.proceedings import services as proceedings_services
from dialogue.reminders.models import ChaseLetter, MessageChannel, MessageStatus, OutboundMessage
from dialogue.workcalendar import services as calendar_services
from dialogue.workcalendar.models import CalendarException
from tests.test_followup_fixtures import pdf_bytes, png_bytes
from tests.unit_tree import build_unit_tree

# The satisfaction link's secret (only its hash is stored).
SATISFACTION_TOKEN = "matran-phan-quyen-danh-gia-0001"

# Columns of the matrix, in order: the people, then the anonymous visitor.
PEOPLE = (
    "admin",
    "province_officer",
    "agency_a",
    "agency_b",
    "commune_officer",
    "outsider",
    "mttq",
    "chair",
    "supervisor",
)


def _past_working_day(days_back: int):
    day = timezone.localdate() - timedelta(days=days_back)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _future_working_day(days_ahead: int):
    day = timezone.localdate() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def build_tree():
    # A transactional test run earlier flushes what the data migrations loaded.
    load_builtin_fields(Field)
    load_builtin_timelines(TimelineTemplate, TimelineStep)
    t = build_unit_tree()
    t.dang_uy = make_unit("Đảng ủy xã Cao Minh", "party_committee", t.commune)
    t.ubnd_xa = make_unit("Ủy ban nhân dân xã Cao Minh", "people_committee", t.commune)
    return t


def build_cast(t):
    return SimpleNamespace(
        admin=make_person("quantri", "Nguyễn Văn Quản", roles=[(Role.ADMIN, None)]),
        province_officer=make_person(
            "minh", "Trần Thị Minh", organisation=t.ban_dan_van, roles=[(Role.SYNTHESIS, t.province)]
        ),
        agency_a=make_person("an", "Lê Văn An", organisation=t.agency_a, roles=[(Role.AGENCY, t.agency_a)]),
        agency_b=make_person("binh", "Phạm Thị Bình", organisation=t.agency_b, roles=[(Role.AGENCY, t.agency_b)]),
        commune_officer=make_person(
            "cuong", "Hoàng Văn Cường", organisation=t.commune, roles=[(Role.SECRETARIAT, t.commune)]
        ),
        outsider=make_person(
            "dung", "Vũ Thị Dung", organisation=t.other_province, roles=[(Role.SYNTHESIS, t.other_province)]
        ),
        mttq=make_person("lan", "Vũ Thị Lan", organisation=t.commune, roles=[(Role.MTTQ, t.commune)]),
        chair=make_person("sy", "Hứa Ngọc Sỹ", organisation=t.dang_uy, roles=[(Role.CHAIR, t.commune)]),
        supervisor=make_person("hung", "Phạm Văn Hưng", organisation=t.dang_uy, roles=[(Role.SUPERVISOR, t.commune)]),
    )


def _upload(name: str, data: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def build_world() -> SimpleNamespace:
    t = build_tree()
    cast = build_cast(t)
    officer, chair = cast.commune_officer, cast.chair
    w = SimpleNamespace(tree=t, cast=cast)
    w.person = cast.mttq
    w.assignment = RoleAssignment.objects.get(user=cast.mttq)
    # A worked Saturday no yearly decision has swapped yet.
    saturday = date(timezone.localdate().year + 2, 8, 1)
    while saturday.weekday() != 5 or CalendarException.objects.filter(date=saturday).exists():
        saturday += timedelta(days=1)
    w.calendar_exception = calendar_services.calendar_exception_create(
        actor=cast.admin, day=saturday, kind="working_day", reason="Làm bù ngày nghỉ lễ"
    )

    # ---- the province's plan gives agency A a duty; the commune's plan holds the conferences
    plan = plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=t.tinh_uy,
        title="Tổ chức các hội nghị đối thoại của đồng chí Bí thư Tỉnh ủy với Nhân dân năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Phạm Hoàng Sơn",
        place="Thái Nguyên",
    )
    w.plan = plan
    w.responsibility = plan_services.responsibility_add(
        actor=cast.province_officer, plan=plan, unit=t.agency_a, label="Sở Nông nghiệp và Môi trường"
    )
    w.task = plan_services.task_add(
        actor=cast.province_officer,
        plan=plan,
        responsibility=w.responsibility,
        description="Chuẩn bị nội dung trả lời các kiến nghị về nông nghiệp",
        due_date=_future_working_day(10),
    )
    w.task = plan_services.task_complete(
        actor=cast.agency_a,
        task=w.task,
        note="Đã gửi báo cáo",
        file=_upload("bao-cao.pdf", pdf_bytes("Bao cao"), "application/pdf"),
        done_on=timezone.localdate(),
    )
    start = _future_working_day(40)
    w.programme = plan_services.programme_create(
        actor=cast.province_officer,
        plan=plan,
        title="Tiếp công dân định kỳ",
        frequency=ProgrammeFrequency.MONTHLY,
        start_date=start,
        end_date=start + timedelta(days=90),
        day_of_month=15,
    )
    assert isinstance(w.programme, Programme)
    commune_plan = plan_services.plan_create(
        actor=officer,
        issuing_unit=t.dang_uy,
        title="Tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Hứa Ngọc Sỹ",
        place="Cao Minh",
    )
    w.commune_plan = commune_plan

    # ---- the upcoming conference, announced on the portal
    upcoming = plan_services.conference_create(
        actor=officer,
        plan=commune_plan,
        host_unit=t.commune,
        title="Hội nghị đối thoại với Nhân dân thôn Nà Đon",
        venue="Nhà văn hóa thôn Nà Đon",
        date=_future_working_day(20),
        start_time=time(8, 0),
        end_time=time(11, 0),
    )
    w.chair_item = plan_services.chair_add(
        actor=officer, conference=upcoming, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã Cao Minh"
    )
    w.delegation = plan_services.delegation_add(actor=officer, conference=upcoming, name="Nhân dân thôn Nà Đon")
    w.participant = plan_services.participant_add(
        actor=officer,
        conference=upcoming,
        full_name="Lý Văn Tài",
        position="Trưởng thôn Nà Đon",
        phone="0912000111",
        delegation=w.delegation,
    )
    w.agenda_item = plan_services.agenda_item_add(
        actor=officer, conference=upcoming, title="Khai mạc, giới thiệu đại biểu", duration_minutes=10
    )
    upcoming = plan_services.conference_announce(actor=officer, conference=upcoming, late_reason="Thử")
    w.upcoming = upcoming

    # ---- the held conference and its petitions
    held_on = _past_working_day(30)
    held = plan_services.conference_create(
        actor=officer,
        plan=commune_plan,
        host_unit=t.commune,
        title="Hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân",
        venue="Hội trường Ủy ban nhân dân xã Cao Minh",
        date=held_on,
        start_time=time(8, 0),
        end_time=time(11, 30),
    )
    plan_services.chair_add(actor=officer, conference=held, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã")
    held_participant = plan_services.participant_add(
        actor=officer, conference=held, full_name="Nguyễn Văn Bình", phone="0912345678"
    )
    proceedings_services.attendance_mark(actor=officer, participant=held_participant, present=True)
    w.held_participant = held_participant
    held = plan_services.conference_set_status(actor=officer, conference=held, status=ConferenceStatus.HELD)
    w.held = held

    dat_dai = Field.objects.get(code="dat_dai")

    def received(content, name, phone, days_before):
        petition = petition_services.petition_receive(
            actor=officer,
            receiving_unit=t.commune,
            conference=held,
            channel=Channel.PAPER_CITIZEN,
            content=content,
            name=name,
            phone=phone,
            address="thôn Nà Đon, xã Cao Minh",
            received_on=held_on - timedelta(days=days_before),
        )
        petition_services.petition_triage(actor=officer, petition=petition, field=dat_dai, level="tinh")
        return Petition.objects.get(pk=petition.pk)

    def assigned(petition, **extra):
        group = petition_services.group_create(actor=officer, petitions=[petition])
        return petition_services.group_assign(
            actor=officer, group=group, lead_unit=t.agency_a, due_date=_future_working_day(15), **extra
        )

    def answered(group, text, files=()):
        return petition_services.answer_submit(actor=cast.agency_a, group=group, text=text, files=files)

    def approved(group):
        petition_services.answer_review(
            actor=cast.province_officer,
            group=group,
            approve=True,
            comment="",
            followup_until=_future_working_day(40),
        )
        return type(group).objects.get(pk=group.pk)

    # The group followed up after agency A's approved answer (with its document).
    w.petition = received(
        "Đề nghị nạo vét kênh mương nội đồng thôn Nà Đon bị bồi lấp, gây ngập úng.", "Nguyễn Văn Bình", "0912345678", 20
    )
    group = assigned(w.petition)
    w.answer = answered(
        group,
        "Sở đã bố trí kinh phí nạo vét kênh mương thôn Nà Đon trong quý này.",
        [_upload("cong-van-tra-loi.pdf", pdf_bytes("Cong van"), "application/pdf")],
    )
    w.attachment = w.answer.attachments.get()
    w.group = approved(group)
    # A group agency A must still answer (Ủy ban nhân dân xã supports it), one whose answer
    # waits for the board's review, one recommended to the province and answered there.
    w.assigned_group = assigned(
        received("Đề nghị sửa chữa đèn chiếu sáng đường liên thôn Nà Đon.", "Hoàng Thị Mai", "0987000222", 18),
        supporting_units=[t.ubnd_xa],
    )
    # Its petitioner asked that the answering agencies not learn who they are (QĐ 11-QĐi/TW).
    protected = received("Đề nghị hỗ trợ giống lúa cho các hộ bị thiệt hại do lũ.", "Triệu Thị Nhàn", "0912000333", 17)
    Petition.objects.filter(pk=protected.pk).update(identity_protected=True, email="nhan.trieu@example.vn")
    w.protected_petition = Petition.objects.get(pk=protected.pk)
    w.submitted_group = assigned(w.protected_petition)
    w.submitted_answer = answered(w.submitted_group, "Sở đã cấp 5 tấn giống lúa cho xã trong tháng 7.")
    escalated = assigned(
        received("Đề nghị đầu tư tuyến kênh liên xã Cao Minh - Xuân Dương.", "Đỗ Văn Kiên", "0912000444", 16)
    )
    answered(escalated, "Việc đầu tư tuyến kênh liên xã vượt thẩm quyền của Sở, đề nghị tỉnh xem xét.")
    w.escalated_group = approved(escalated)
    # A petition not yet grouped (grouping forms name it).
    w.waiting_petition = received(
        "Đề nghị lắp đặt biển báo giao thông tại ngã ba thôn Nà Đon.", "Vi Thị Hằng", "0912000555", 15
    )

    # ---- the day: a speaker, minutes approved by the chair
    w.speaker = proceedings_services.speaker_add(
        actor=officer,
        conference=held,
        speaker_name="Nguyễn Văn Bình",
        matter="Kênh mương nội đồng bị bồi lấp",
        group=w.group,
    )
    minutes = proceedings_services.minutes_draft(actor=officer, conference=held)
    w.minutes = proceedings_services.minutes_approve(actor=chair, minutes=minutes, expected_version=None)

    # ---- the conclusion notice, issued: its directive goes to agency A
    draft = conclusion_services.conclusion_draft(actor=officer, conference=held)
    conclusion_services.directive_add(
        actor=officer,
        conclusion=draft,
        matter="Nạo vét kênh mương nội đồng thôn Nà Đon trước mùa mưa",
        lead_unit=t.agency_a,
        due_date=_future_working_day(30),
    )
    conclusion = conclusion_services.conclusion_issue(
        actor=chair,
        conclusion=conclusion_services.conclusion_approve(actor=chair, conclusion=draft),
        issued_on=timezone.localdate(),
    )
    w.conclusion = conclusion
    w.publication = conclusion.publication
    # The directive written above (the draft also gave the conference's groups directives of their own).
    directive = conclusion.directives.get(matter__startswith="Nạo vét kênh mương nội đồng")

    # Progress with a photo on the directive, which is now late (agency A may be chased).
    update = ProgressUpdate.objects.create(
        directive=directive,
        kind=UpdateKind.PROGRESS,
        text="Đã nạo vét 600 m kênh mương thôn Nà Đon.",
        status_before=DirectiveStatus.ASSIGNED,
        status_after=DirectiveStatus.IN_PROGRESS,
        author=cast.agency_a,
        author_unit=t.agency_a,
    )
    photo = png_bytes()
    w.evidence = Evidence(
        update=update,
        name="Ảnh hiện trường.png",
        content_type="image/png",
        size=len(photo),
        sha256=hashlib.sha256(photo).hexdigest(),
    )
    w.evidence.file.save("anh-hien-truong.png", ContentFile(photo), save=False)
    w.evidence.save()
    type(directive).objects.filter(pk=directive.pk).update(
        status=DirectiveStatus.IN_PROGRESS, last_update_at=update.created_at, due_date=_past_working_day(3)
    )
    w.directive = type(directive).objects.get(pk=directive.pk)

    # Agency A recommends the directive to UBND tỉnh (pending) ...
    w.escalation = Escalation.objects.create(
        directive=w.directive,
        from_unit=t.agency_a,
        to_unit=t.ubnd,
        request_text="Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí nạo vét kênh mương liên xã.",
        due_date=_future_working_day(20),
        created_by=cast.agency_a,
    )
    # ... and the province answered the commune's recommendation of the escalated group, with a document.
    answered_escalation = Escalation.objects.create(
        group=w.escalated_group,
        from_unit=t.commune,
        to_unit=t.ubnd,
        request_text="Đề nghị Ủy ban nhân dân tỉnh bố trí vốn đầu tư tuyến kênh liên xã.",
        due_date=_future_working_day(20),
        created_by=officer,
    )
    w.answered_escalation = escalation_services.escalation_answer(
        actor=cast.province_officer,
        escalation=answered_escalation,
        answer_text="Ủy ban nhân dân tỉnh đã giao Sở Nông nghiệp và Môi trường lập dự án đầu tư năm 2027.",
        files=[_upload("cong-van-tra-loi-tinh.pdf", pdf_bytes("Tra loi"), "application/pdf")],
    )
    w.escalation_evidence = escalation_services.answer_update(w.answered_escalation).evidence.get()

    # The petitioner's satisfaction link.
    # (The approved answer already asked the petitioner; the link is given a known secret.)
    w.satisfaction, _created = SatisfactionRequest.objects.update_or_create(
        petition=w.petition,
        group=w.group,
        round=1,
        defaults={
            "token_hash": satisfaction.token_hash(SATISFACTION_TOKEN),
            "channel": "sms",
            "sent_at": timezone.now(),
        },
    )
    w.satisfaction_token = SATISFACTION_TOKEN

    # ---- a second held conference whose notice is still a draft, with one directive
    held2 = plan_services.conference_create(
        actor=officer,
        plan=commune_plan,
        host_unit=t.commune,
        title="Hội nghị đối thoại chuyên đề đất đai",
        date=_past_working_day(10),
    )
    held2 = plan_services.conference_set_status(actor=officer, conference=held2, status=ConferenceStatus.HELD)
    w.held2 = held2
    w.draft_conclusion = conclusion_services.conclusion_draft(actor=officer, conference=held2)
    w.draft_directive = conclusion_services.directive_add(
        actor=officer,
        conclusion=w.draft_conclusion,
        matter="Rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất thôn Nà Đon",
        lead_unit=t.agency_a,
        due_date=_future_working_day(30),
    )

    # ---- a petition sent online, with a file and a tracking code
    w.online = petition_public.petition_submit_public(
        petition_public.Submission(
            content="Đề nghị xã sửa chữa cống thoát nước trước nhà văn hóa thôn Nà Đon.",
            name="Đỗ Thị Hoa",
            phone="0912555666",
            consent=True,
            area=t.commune,
            files=[_upload("anh-cong.png", png_bytes(), "image/png")],
            submission_key=uuid.uuid4(),
        )
    )
    w.petition_file = w.online.files.get()

    # ---- the commune officer's saved filter and import
    w.saved_filter = SavedFilter.objects.create(owner=officer, name="Đất đai", query="field=dat_dai")
    w.import_batch = ImportBatch.objects.create(
        conference=held,
        receiving_unit=t.commune,
        file_name="y-kien-thon-na-don.xlsx",
        file_sha256="0" * 64,
        default_channel=Channel.VILLAGE,
        status=ImportStatus.CHECKED,
        created_by=officer,
    )

    # ---- reminders: a message to agency A, a chase letter of the province's board
    w.message = OutboundMessage.objects.create(
        key="matrix:1:email",
        channel=MessageChannel.EMAIL,
        recipient=cast.agency_a,
        recipient_name=cast.agency_a.full_name,
        address=cast.agency_a.email,
        subject="Nhắc hạn trả lời kiến nghị",
        body="Kiến nghị về kênh mương thôn Nà Đon sắp đến hạn trả lời.",
        status=MessageStatus.SENT,
        unit=t.agency_a,
        unit_path=t.agency_a.path,
        sent_at=timezone.now(),
    )
    w.chase_letter = ChaseLetter.objects.create(
        sender_unit=t.commune,
        addressee=t.agency_a,
        layout="state",
        issuer_line="ỦY BAN NHÂN DÂN XÃ CAO MINH",
        place="Cao Minh",
        issued_on=timezone.localdate(),
        report_by=_future_working_day(5),
        items=[],
        created_by=officer,
    )

    # ---- the dossier of the held conference, built
    export, _created = dossier_services.dossier_request(actor=officer, conference=held)
    dossier_services.dossier_build(export_id=export.pk)
    w.dossier = DossierExport.objects.get(pk=export.pk)

    # ---- an API key for everyone
    w.keys = {}
    w.tokens = {}
    for name in PEOPLE:
        person = getattr(cast, name)
        token, raw = token_issue(actor=person, user=person, name=f"Phần mềm của {person.full_name}")
        w.keys[name], w.tokens[name] = raw, token
    w.api_token = w.tokens["agency_a"]

    # ---- a request the Fatherland Front's application sent through Open311
    w.open311_petition, _new = open311_services.request_submit(
        token=w.tokens["mttq"],
        area=t.commune,
        field=dat_dai,
        data=open311_services.RequestInput(
            description="Đề nghị sửa chữa cầu treo bản Nà Đon bị hư hỏng sau mưa lũ.",
            first_name="Thị Hoa",
            last_name="Nông",
            phone="0912777888",
            address_string="thôn Nà Đon, xã Cao Minh",
            consent=True,
            request_key="matran-phan-quyen-1",
        ),
    )

    # ---- an audit entry of the commune's plan
    w.audit_entry = AuditEntry.objects.filter(action="plan.create").order_by("pk").first()
    w.field = dat_dai
    # What only the people of Tỉnh Thái Nguyên working on these matters may read: agency B,
    # the outsider and the anonymous visitor must find none of it on any page they are given.
    w.secrets = (
        "Bí thư Tỉnh ủy với Nhân dân năm 2026",  # the province's plan
        "Bí thư Đảng ủy xã với Nhân dân",  # the commune's plan and held conference
        "chuyên đề đất đai",  # the conference whose notice is a draft
        "nội dung trả lời các kiến nghị về nông nghiệp",  # agency A's duty
        "kênh mương",  # the followed-up group, its directive, the recommendation, the message
        "đèn chiếu sáng",
        "giống lúa",
        "Xuân Dương",
        "biển báo giao thông",
        "cống thoát nước",
        "cầu treo",
        "giấy chứng nhận quyền sử dụng đất",
        # petitioners
        "Triệu Thị Nhàn",
        "Nguyễn Văn Bình",
        "Hoàng Thị Mai",
        "Lý Văn Tài",
        "Đỗ Văn Kiên",
        "Vi Thị Hằng",
        "Đỗ Thị Hoa",
        "0912345678",
        # staff of the province
        "Vũ Thị Lan",
        "Phạm Văn Hưng",
        "Hoàng Văn Cường",
        "Lê Văn An",
    )
    # What agency A, which answers the protected petition, must not learn either.
    w.protected = ("Triệu Thị Nhàn", "0912000333", "nhan.trieu@example.vn")
    # Every petitioner's telephone and e-mail, as stored and as a page may write a number:
    # a page that shows one must record the access (privacy.ContactAccess).
    w.petitioner_contacts = petitioner_contacts()
    # Every object as the database holds it now (later steps moved some of them on).
    for value in list(vars(w).values()):
        if isinstance(value, Model):
            value.refresh_from_db()
    return w


def petitioner_contacts() -> tuple[str, ...]:
    found = set()
    for phone, email in Petition.objects.values_list("phone", "email"):
        digits = "".join(c for c in phone if c.isdigit())
        if len(digits) >= 9:
            found |= {digits, f"{digits[:4]} {digits[4:7]} {digits[7:]}", f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"}
            if digits.startswith("0"):
                found.add("+84" + digits[1:])
        if email:
            found.add(email)
    return tuple(sorted(found))
