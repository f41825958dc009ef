"""Follow-up data for the supervision tests (imported by them; it holds no test of its own).

On top of the conclusion tests' held commune conference (`meeting`: Xã Cao Minh, notice of
Đảng ủy xã Cao Minh giving the canal dredging to agency A, a provincial Sở, and the
landslide to agency B):

- the notice is issued four working days after the conference, so on time;
- a provincial notice of UBND tỉnh gives one matter to the commune's People's Committee
  (which the commune's MTTQ supervises through the unit that must act) and one to agency A
  (which it must not see);
- a notice of Xã Gia Phúc in Hải Phòng, which nobody of Thái Nguyên may see;
- a petition group of the commune followed directly (no directive), late;
- people: the commune's MTTQ collector; the supervisor (inspection commission) and the chair
  come from `meeting`.
"""

import hashlib
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from dialogue.conclusions import services as conclusion_services
from dialogue.conclusions.models import Conclusion, ConclusionStatus, Directive, DirectiveStatus
from dialogue.core.services import audit_record
from dialogue.followup.models import Escalation, Evidence, ProgressUpdate, SatisfactionRequest, UpdateKind
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.roles import Role
from dialogue.petitions.models import FollowUpStatus, GroupStatus, Petition, PetitionGroup
from dialogue.plans.models import Conference, ConferenceStatus, Participant, Plan
from dialogue.workcalendar.selectors import add_working_days
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

LATE = "late"
NOT_DUE = "not_due"


def due(kind: str) -> date:
    """A due date well in the past (late) or well in the future, whatever today is."""
    today = timezone.localdate()
    return today - timedelta(days=40) if kind == LATE else today + timedelta(days=40)


def bare_conclusion(*, conference: Conference, issuing_unit, number: int, matters) -> Conclusion:
    """An issued notice written directly (the issuing service is tested elsewhere)."""
    conclusion = Conclusion.objects.create(
        conference=conference,
        issuing_unit=issuing_unit,
        layout="state",
        issuer_line=issuing_unit.name.upper(),
        number=number,
        symbol="TB-UBND",
        year=timezone.localdate().year,
        place="Thái Nguyên",
        issued_on=conference.date,
        due_date=conference.date,
        title=f"Kết luận hội nghị {number}",
        status=ConclusionStatus.ISSUED,
    )
    for order, (matter, lead, due_date) in enumerate(matters, start=1):
        Directive.objects.create(
            conclusion=conclusion,
            order=order,
            matter=matter,
            lead_unit=lead,
            due_date=due_date,
            status=DirectiveStatus.ASSIGNED,
            assigned_at=timezone.now(),
        )
    return conclusion


def bare_conference(*, issuing_unit, host_unit, title: str, on: date) -> Conference:
    plan = Plan.objects.create(
        issuing_unit=issuing_unit,
        layout="state",
        issuer_line=issuing_unit.name.upper(),
        symbol="KH-UBND",
        year=on.year,
        place="Thái Nguyên",
        title=title,
    )
    return Conference.objects.create(plan=plan, host_unit=host_unit, title=title, date=on, status=ConferenceStatus.HELD)


@pytest.fixture
def followed(meeting):
    m = meeting
    t = m.tree
    held_on = m.conference.date
    m.conference.status = ConferenceStatus.HELD
    m.conference.save(update_fields=["status"])

    # The commune's notice, issued four working days after the conference (due in seven).
    draft = conclusion_services.conclusion_draft(actor=m.officer, conference=m.conference)
    approved = conclusion_services.conclusion_approve(actor=m.chair, conclusion=draft)
    notice = conclusion_services.conclusion_issue(
        actor=m.chair, conclusion=approved, issued_on=add_working_days(held_on, 4)
    )
    canal = notice.directives.get(lead_unit=t.agency_a)
    landslide = notice.directives.get(lead_unit=t.agency_b)
    Directive.objects.filter(pk=canal.pk).update(due_date=due(LATE))
    Directive.objects.filter(pk=landslide.pk).update(due_date=due(NOT_DUE))
    canal.refresh_from_db()
    landslide.refresh_from_db()

    # A provincial notice: one matter for the commune's committee, one for agency A.
    provincial_conference = bare_conference(
        issuing_unit=t.ubnd,
        host_unit=t.province,
        title="Hội nghị đối thoại của Chủ tịch UBND tỉnh với doanh nghiệp",
        on=held_on,
    )
    provincial = bare_conclusion(
        conference=provincial_conference,
        issuing_unit=t.ubnd,
        number=5,
        matters=[
            ("Giao UBND xã Cao Minh hoàn thiện hồ sơ giao đất sản xuất cho hợp tác xã", m.ubnd_xa, due(LATE)),
            ("Giao Sở Nông nghiệp và Môi trường thẩm định quy hoạch vùng chè", t.agency_a, due(LATE)),
        ],
    )
    to_commune = provincial.directives.get(lead_unit=m.ubnd_xa)
    to_province_agency = provincial.directives.get(lead_unit=t.agency_a)

    # Hải Phòng: nobody of Thái Nguyên may see it.
    other_ubnd = make_unit("Ủy ban nhân dân xã Gia Phúc", "people_committee", t.other_commune)
    other_conference = bare_conference(
        issuing_unit=other_ubnd, host_unit=t.other_commune, title="Hội nghị đối thoại xã Gia Phúc", on=held_on
    )
    elsewhere = bare_conclusion(
        conference=other_conference,
        issuing_unit=other_ubnd,
        number=1,
        matters=[("Sửa chữa tuyến đường liên thôn Phong Lâm - Văn Lâm", other_ubnd, due(LATE))],
    ).directives.get()

    # A matter of the commune followed directly, without a directive.
    lighting = PetitionGroup.objects.create(
        conference=m.conference,
        receiving_unit=t.commune,
        summary="Đề nghị lắp đèn chiếu sáng đường vào trường mầm non thôn Nà Đon.",
        lead_unit=m.ubnd_xa,
        status=GroupStatus.APPROVED,
        followup_status=FollowUpStatus.IN_PROGRESS,
        resolve_due=due(LATE),
    )

    mttq = make_person("mttq", "Đinh Thị Thu", organisation=t.commune, roles=[(Role.MTTQ, t.commune)])
    return SimpleNamespace(
        meeting=m,
        cast=m.cast,
        tree=t,
        notice=notice,
        canal=canal,
        landslide=landslide,
        provincial=provincial,
        to_commune=to_commune,
        to_province_agency=to_province_agency,
        elsewhere=elsewhere,
        lighting=lighting,
        mttq=mttq,
        supervisor=m.supervisor,
        chair=m.chair,
    )


def add_history(f) -> SimpleNamespace:
    """The canal directive's follow-up: progress with evidence, a report, an escalation to
    the province, and two petitioners' answers (as the follow-up services would write them)."""
    canal, t = f.canal, f.tree
    officer = f.cast.agency_a

    def update(kind, text, before, after, files=()):
        entry = ProgressUpdate.objects.create(
            directive=canal,
            kind=kind,
            text=text,
            status_before=before,
            status_after=after,
            author=officer,
            author_name=officer.full_name,
            author_unit=t.agency_a,
        )
        for name in files:
            body = f"%PDF-1.4 {name}".encode()
            evidence = Evidence(
                update=entry,
                name=name,
                content_type="application/pdf",
                size=len(body),
                sha256=hashlib.sha256(body).hexdigest(),
            )
            evidence.file.save("e.pdf", ContentFile(body), save=False)
            evidence.save()
        audit_record(
            actor=officer,
            action=f"followup.{kind}",
            target=canal,
            before={"status": before},
            after={"status": after, "text": text, "files": list(files)},
            unit=f.notice.issuing_unit,
        )
        return entry

    progress = update(
        UpdateKind.PROGRESS,
        "Đã khảo sát 2,3 km kênh mương nội đồng, lập phương án nạo vét.",
        DirectiveStatus.ASSIGNED,
        DirectiveStatus.IN_PROGRESS,
        files=["Bien ban khao sat kenh muong.pdf"],
    )
    report = update(
        UpdateKind.REPORT,
        "Đã nạo vét xong 1,8 km; còn 0,5 km vướng giải phóng mặt bằng.",
        DirectiveStatus.IN_PROGRESS,
        DirectiveStatus.PARTLY_RESOLVED,
        files=["Bao cao ket qua nao vet.pdf", "Anh sau nao vet.pdf"],
    )
    Directive.objects.filter(pk=canal.pk).update(
        status=DirectiveStatus.REPORTED, claimed_status=DirectiveStatus.PARTLY_RESOLVED, last_update_at=timezone.now()
    )
    escalation = Escalation.objects.create(
        directive=canal,
        from_unit=t.agency_a,
        to_unit=t.ubnd,
        request_text="Đề nghị UBND tỉnh bố trí kinh phí giải phóng mặt bằng đoạn kênh 0,5 km còn lại.",
        created_by=officer,
    )
    petition = Petition.objects.get(group=f.meeting.open_group)
    second = Petition.objects.create(
        conference=f.meeting.conference,
        receiving_unit=t.commune,
        channel="paper_citizen",
        name="Trần Thị Hoa",
        content="Kênh mương bị bồi lấp",
        received_on=f.meeting.conference.date,
        ack_due=f.meeting.conference.date,
        group=f.meeting.open_group,
    )
    now = timezone.now()
    SatisfactionRequest.objects.create(
        petition=petition,
        directive=canal,
        token_hash="a" * 64,
        channel="sms",
        sent_at=now,
        response="partly",
        comment="Đoạn kênh gần nhà tôi vẫn chưa được nạo vét.",
        responded_at=now,
    )
    SatisfactionRequest.objects.create(petition=second, directive=canal, token_hash="b" * 64, sent_at=now)
    canal.refresh_from_db()
    return SimpleNamespace(progress=progress, report=report, escalation=escalation, petition=petition, second=second)


def add_conference_day(f) -> None:
    """Who came and what was raised, for the chair's overview."""
    m = f.meeting
    for i, attended in enumerate([True, True, False, None]):
        Participant.objects.create(conference=m.conference, full_name=f"Đại biểu {i}", attended=attended)
    for content, group in [
        ("Giống lúa sau lũ cho thôn Nà Đon", m.answered),
        ("Đèn chiếu sáng đường liên thôn", m.live),
        ("Đề nghị làm lại cổng chào thôn", None),
    ]:
        Petition.objects.create(
            conference=m.conference,
            receiving_unit=f.tree.commune,
            channel="paper_citizen",
            content=content,
            received_on=m.conference.date,
            ack_due=m.conference.date,
            group=group,
        )
