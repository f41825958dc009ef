"""A held commune conference with everything its dossier can hold: delegations,
invitees (present, absent, walk-in), an agenda, petition groups with an approved answer
and its attachment, approved and corrected minutes, an issued and published conclusion
notice, and follow-up updates with evidence and a recommendation to the higher level.
Shared by the dossier tests (imported by them; it holds no test of its own)."""

import hashlib
from datetime import time, timedelta
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from dialogue.conclusions import services as conclusion_services
from dialogue.conclusions.models import DirectiveStatus
from dialogue.followup.models import Escalation, Evidence, ProgressUpdate, UpdateKind
from dialogue.petitions.models import Answer, AnswerStatus, Attachment
from dialogue.plans import services as plan_services
from dialogue.plans.models import AgendaItem, ConferenceStatus
from dialogue.proceedings import services as proceedings_services
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

ATTACHMENT_BYTES = b"%PDF-1.4\n% Quyet dinh cap giong lua\n"
EVIDENCE_BYTES = b"\xff\xd8\xff\xe0 anh hien truong nao vet kenh"


@pytest.fixture
def archived(meeting):
    m = meeting
    officer, chair, conference = m.officer, m.chair, m.conference
    conference = plan_services.conference_update(
        actor=officer, conference=conference, start_time=time(8, 0), end_time=time(11, 30)
    )
    conference = plan_services.conference_set_status(actor=officer, conference=conference, status=ConferenceStatus.HELD)
    commune_delegates = plan_services.delegation_add(actor=officer, conference=conference, name="Đại biểu xã")
    citizens = plan_services.delegation_add(
        actor=officer, conference=conference, name="Nhân dân thôn Nà Đon", expected_size=60
    )
    present = plan_services.participant_add(
        actor=officer,
        conference=conference,
        full_name="Vũ Thị Lan",
        position="Chủ tịch Ủy ban MTTQ Việt Nam xã Cao Minh",
        phone="0987654321",
        delegation=commune_delegates,
    )
    absent = plan_services.participant_add(
        actor=officer,
        conference=conference,
        full_name="Phạm Văn Hưng",
        position="Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã",
        delegation=commune_delegates,
    )
    proceedings_services.attendance_mark(actor=officer, participant=present, present=True)
    walk_in = proceedings_services.walk_in_add(
        actor=officer, conference=conference, full_name="Ông Lý Văn Tài", delegation=citizens
    )
    AgendaItem.objects.create(
        conference=conference, order=1, title="Khai mạc, giới thiệu đại biểu", duration_minutes=10
    )
    AgendaItem.objects.create(
        conference=conference,
        order=2,
        title="Nhân dân phát biểu ý kiến",
        presenter="Đại biểu Nhân dân",
        duration_minutes=120,
    )

    # The written answer approved before the conference, with its document.
    answer = Answer.objects.create(
        group=m.answered, text=m.answered.answer_text, submitted_by=m.cast.agency_a, status=AnswerStatus.APPROVED
    )
    attachment = Attachment(answer=answer, name="Quyết định cấp giống lúa.pdf", size=len(ATTACHMENT_BYTES))
    attachment.file.save("quyet-dinh-cap-giong-lua.pdf", ContentFile(ATTACHMENT_BYTES), save=False)
    attachment.save()

    # Minutes drafted, approved by the chair, then corrected.
    minutes = proceedings_services.minutes_draft(actor=officer, conference=conference)
    minutes = proceedings_services.minutes_approve(actor=chair, minutes=minutes, expected_version=None)
    amendment = proceedings_services.minutes_amend(
        actor=officer,
        minutes=minutes,
        section="closing",
        after="Hội nghị kết thúc lúc 11 giờ 30 cùng ngày.",
        reason="Ghi đúng giờ kết thúc",
    )

    # The conclusion notice, issued and published.
    conclusion = conclusion_services.conclusion_draft(actor=officer, conference=conference)
    conclusion = conclusion_services.conclusion_approve(actor=chair, conclusion=conclusion)
    conclusion = conclusion_services.conclusion_issue(
        actor=chair, conclusion=conclusion, issued_on=timezone.localdate()
    )
    publication = conclusion_services.publication_publish(actor=officer, publication=conclusion.publication)
    directives = list(conclusion.directives.order_by("order", "id"))

    # Follow-up: progress with a photo on the first directive, a recommendation to the
    # province on the second, and the open petition group followed on its own.
    first, second = directives[0], directives[1]
    update = ProgressUpdate.objects.create(
        directive=first,
        kind=UpdateKind.PROGRESS,
        text="Đã nạo vét 600 m kênh mương thôn Nà Đon.",
        status_before=DirectiveStatus.ASSIGNED,
        status_after=DirectiveStatus.IN_PROGRESS,
        author=m.cast.agency_a,
        author_unit=m.tree.agency_a,
    )
    evidence = Evidence(
        update=update,
        name="Ảnh hiện trường.jpg",
        content_type="image/jpeg",
        size=len(EVIDENCE_BYTES),
        sha256=hashlib.sha256(EVIDENCE_BYTES).hexdigest(),
    )
    evidence.file.save("anh-hien-truong.jpg", ContentFile(EVIDENCE_BYTES), save=False)
    evidence.save()
    first.status = DirectiveStatus.IN_PROGRESS
    first.last_update_at = update.created_at
    first.save(update_fields=["status", "last_update_at"])
    escalation = Escalation.objects.create(
        directive=second,
        from_unit=m.tree.agency_b,
        to_unit=m.tree.ubnd,
        request_text="Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí khắc phục sạt lở.",
        due_date=timezone.localdate() + timedelta(days=20),
        created_by=m.cast.agency_b,
    )
    m.open_group.followup_status = DirectiveStatus.IN_PROGRESS
    m.open_group.resolve_due = timezone.localdate() - timedelta(days=10)
    m.open_group.save(update_fields=["followup_status", "resolve_due"])
    group_update = ProgressUpdate.objects.create(
        group=m.open_group,
        kind=UpdateKind.PROGRESS,
        text="Đã khảo sát tuyến kênh, lập dự toán.",
        status_before="assigned",
        status_after="in_progress",
        author_name="Ma Thị Hạnh",
        author_unit=m.tree.agency_a,
    )
    return SimpleNamespace(
        **vars(m),
        present=present,
        absent=absent,
        walk_in=walk_in,
        answer=answer,
        attachment=attachment,
        minutes=minutes,
        amendment=amendment,
        conclusion=conclusion,
        publication=publication,
        directives=directives,
        update=update,
        evidence=evidence,
        escalation=escalation,
        group_update=group_update,
    )
