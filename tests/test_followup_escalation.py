"""Recommendations to the higher level (kiến nghị với cấp trên): who may send them, where
they may go, the higher unit's inbox, the answer flowing back and the return."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from dialogue.conclusions.models import DirectiveStatus
from dialogue.core.errors import ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.followup import escalation as esc
from dialogue.followup import services as followup
from dialogue.followup.models import Escalation, EscalationStatus, ProgressUpdate, UpdateKind
from dialogue.organisation.factories import make_unit
from dialogue.reminders.models import OutboundMessage
from dialogue.workcalendar.selectors import add_working_days
from tests import test_followup_escalation_fixtures as fx

meeting = fx.meeting
world = fx.world

pytestmark = [pytest.mark.django_db, pytest.mark.urls(fx.URLCONF)]

REQUEST = "Việc nạo vét kênh cấp II vượt khả năng ngân sách xã; đề nghị tỉnh bố trí vốn và chỉ đạo thực hiện."
ANSWER = "UBND tỉnh đã bố trí 1,2 tỷ đồng từ nguồn dự phòng; Sở Nông nghiệp và Môi trường nạo vét xong trong tháng 9."


def _forward(world, *, actor=None, to_unit=None, **extra):
    return esc.escalation_create(
        actor=actor or world.board,
        item=world.canal,
        to_unit=to_unit or world.tree.ubnd,
        request_text=REQUEST,
        **extra,
    )


def _reload(directive):
    directive.refresh_from_db()
    return directive


# ---------------------------------------------------------------- sending


def test_the_commune_board_recommends_a_matter_to_the_provincial_committee(world):
    escalation = _forward(world)
    canal = _reload(world.canal)
    assert canal.status == DirectiveStatus.FORWARDED_UP
    assert escalation.from_unit == world.conclusion.issuing_unit  # the conference's unit speaks
    assert escalation.to_unit == world.tree.ubnd and escalation.status == EscalationStatus.PENDING
    # Fifteen working days to answer unless the sender says otherwise.
    assert escalation.due_date == add_working_days(timezone.localdate(), 15)
    update = ProgressUpdate.objects.get(directive=canal, kind=UpdateKind.FORWARDED)
    assert update.status_after == DirectiveStatus.FORWARDED_UP and world.tree.ubnd.name in update.text
    assert AuditEntry.objects.filter(action="escalation.create", target_id=str(escalation.pk)).exists()
    # The office of the People's Committee is told; the sender is not.
    assert Notification.objects.filter(recipient=world.office, url__contains=f"/escalations/{escalation.pk}/").exists()
    assert not Notification.objects.filter(recipient=world.board, url__contains="/escalations/").exists()


def test_the_answer_due_date_is_a_setting(world, settings):
    settings.ESCALATION_ANSWER_WORKING_DAYS = 5
    assert _forward(world).due_date == add_working_days(timezone.localdate(), 5)


def test_the_responsible_agency_may_recommend_its_matter_too(world):
    escalation = _forward(world, actor=world.cast.agency_a, to_unit=world.tree.tinh_uy)
    assert escalation.from_unit == world.tree.agency_a


def test_the_choices_are_the_provincial_bodies_then_the_central_ones(world):
    central = make_unit("Bộ Nông nghiệp và Môi trường", "central_body")
    targets = list(esc.escalation_targets(world.canal))
    t = world.tree
    assert {t.ubnd, t.tinh_uy, t.ban_dan_van, t.agency_b, central} <= set(targets)
    assert targets.index(t.ubnd) < targets.index(central)
    # Not the responsible agency, nothing of the commune, nothing of another province,
    # no administrative unit.
    for refused in (t.agency_a, world.meeting.ubnd_xa, world.meeting.dang_uy, t.other_commune, t.province):
        assert refused not in targets


@pytest.mark.parametrize("target", ["ubnd_xa", "dang_uy", "agency_a", "province", "other_province_body"])
def test_a_recommendation_to_a_unit_that_is_not_higher_is_refused(world, target):
    t = world.tree
    units = {
        "ubnd_xa": world.meeting.ubnd_xa,
        "dang_uy": world.meeting.dang_uy,
        "agency_a": t.agency_a,
        "province": t.province,
        "other_province_body": make_unit("Ủy ban nhân dân thành phố Hải Phòng", "people_committee", t.other_province),
    }
    with pytest.raises(ServiceError) as refused:
        _forward(world, to_unit=units[target])
    assert refused.value.field == "to_unit"
    assert _reload(world.canal).status == DirectiveStatus.ASSIGNED
    assert not Escalation.objects.exists() and not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("who", ["agency_b", "commune_officer", "outsider"])
def test_people_who_neither_act_on_nor_review_the_matter_cannot_recommend_it(world, who):
    with pytest.raises(PermissionDenied):
        _forward(world, actor=getattr(world.cast, who))
    assert not Escalation.objects.exists()


def test_a_recommendation_needs_its_text_and_a_due_date_after_today(world):
    with pytest.raises(ServiceError) as empty:
        esc.escalation_create(actor=world.board, item=world.canal, to_unit=world.tree.ubnd, request_text="  ")
    assert empty.value.field == "request_text"
    with pytest.raises(ServiceError) as past:
        _forward(world, due_date=timezone.localdate())
    assert past.value.field == "due_date"
    assert not Escalation.objects.exists()


def test_a_double_submit_makes_one_recommendation_and_a_second_one_waits(world):
    key = uuid.uuid4()
    first = _forward(world, submission_key=key)
    again = _forward(world, submission_key=key)
    assert again.pk == first.pk and Escalation.objects.count() == 1
    assert ProgressUpdate.objects.filter(kind=UpdateKind.FORWARDED).count() == 1
    with pytest.raises(ServiceError):
        _forward(world, to_unit=world.tree.tinh_uy)
    assert Escalation.objects.count() == 1


def test_a_stale_form_is_refused(world):
    with pytest.raises(ServiceError):
        _forward(world, expected_version=world.canal.version - 1)
    assert not Escalation.objects.exists()


def test_a_resolved_matter_cannot_be_forwarded(world):
    type(world.canal).objects.filter(pk=world.canal.pk).update(status=DirectiveStatus.RESOLVED)
    canal = _reload(world.canal)
    assert not esc.can_escalate(world.board, canal)
    with pytest.raises(ServiceError):
        esc.escalation_create(actor=world.board, item=canal, to_unit=world.tree.ubnd, request_text=REQUEST)


# ---------------------------------------------------------------- the inbox


def test_the_inbox_shows_a_recommendation_to_the_receiver_and_to_the_sender_only(world):
    escalation = _forward(world)

    def received(person):
        return [r.escalation.pk for r in esc.escalation_list_for_user(user=person, box="received")]

    def sent(person):
        return [r.escalation.pk for r in esc.escalation_list_for_user(user=person, box="sent")]

    cast = world.cast
    assert received(world.office) == [escalation.pk]
    assert received(cast.province_officer) == [escalation.pk]  # the province's synthesis board
    assert received(cast.admin) == [escalation.pk]
    for person in (world.board, cast.agency_a, cast.agency_b, cast.commune_officer, cast.outsider):
        assert received(person) == []
    assert sent(world.board) == [escalation.pk]
    assert sent(cast.agency_a) == [escalation.pk]  # its matter
    assert sent(cast.commune_officer) == [escalation.pk]  # the commune's office reads what the commune sent
    assert sent(world.office) == [escalation.pk]  # UBND tỉnh oversees its Sở, which must act
    for person in (cast.agency_b, cast.outsider):
        assert sent(person) == []
    assert esc.escalation_counts(user=world.office) == {"pending": 1, "late": 0}


def test_an_agency_answers_what_is_recommended_to_it(world):
    escalation = _forward(world, to_unit=world.tree.agency_b)
    assert [r.escalation for r in esc.escalation_list_for_user(user=world.cast.agency_b)] == [escalation]
    assert esc.can_answer(world.cast.agency_b, escalation)
    assert not esc.can_answer(world.cast.agency_a, escalation)
    assert Notification.objects.filter(recipient=world.cast.agency_b, url__contains="/escalations/").exists()


def test_a_late_recommendation_comes_first(world):
    late = _forward(world)
    Escalation.objects.filter(pk=late.pk).update(due_date=timezone.localdate() - timedelta(days=10))
    rows = esc.escalation_list_for_user(user=world.office)
    assert rows[0].escalation.pk == late.pk and rows[0].late_by > 0
    assert esc.escalation_counts(user=world.office)["late"] == 1


# ---------------------------------------------------------------- the answer


def test_the_answer_flows_back_to_the_matter_the_petitioners_and_the_conference(world):
    escalation = _forward(world)
    answered = esc.escalation_answer(
        actor=world.office, escalation=escalation, answer_text=ANSWER, files=[fx.pdf()], expected_version=1
    )
    canal = _reload(world.canal)
    assert answered.status == EscalationStatus.ANSWERED and answered.answered_by == world.office
    # A result to review, claimed resolved, for the commune's synthesis board.
    assert canal.status == DirectiveStatus.REPORTED and canal.claimed_status == DirectiveStatus.RESOLVED
    update = esc.answer_update(answered)
    assert update.kind == UpdateKind.ESCALATION_ANSWER and update.text == ANSWER
    assert update.author == world.office and update.author_unit == world.tree.ubnd
    assert [e.name for e in update.evidence.all()] == ["cong-van-tra-loi.pdf"]
    assert Notification.objects.filter(recipient=world.board, url=followup.item_url(canal)).exists()
    # The petitioner who left a mobile number is told the answer by SMS, nothing else of hers.
    [sms] = fx.sms_outbox()
    assert sms.to == "0912345678" and "UBND tỉnh đã bố trí 1,2 tỷ đồng" in sms.body
    assert "Nguyễn Văn Bình" not in sms.body and "0912345678" not in sms.body
    record = OutboundMessage.objects.get(key__startswith=f"escalation-answer:{escalation.pk}:")
    assert record.status == "sent" and record.recipient is None and record.address == "0912345678"
    # The conference's panel shows it with the answer.
    panel = esc.conference_escalations(conference=world.meeting.conference)
    assert panel == [answered] and panel[0].answer_text == ANSWER
    assert AuditEntry.objects.filter(action="escalation.answer", target_id=str(escalation.pk)).exists()
    # The board accepts it: the matter is resolved.
    followup.result_accept(actor=world.board, item=canal)
    assert _reload(canal).status == DirectiveStatus.RESOLVED


def test_only_the_receiving_unit_may_answer_or_return(world):
    escalation = _forward(world)
    for person in (world.board, world.cast.agency_a, world.cast.agency_b, world.cast.outsider):
        with pytest.raises(PermissionDenied):
            esc.escalation_answer(actor=person, escalation=escalation, answer_text=ANSWER)
        with pytest.raises(PermissionDenied):
            esc.escalation_return(actor=person, escalation=escalation, reason="Không thuộc thẩm quyền.")
    assert Escalation.objects.get().status == EscalationStatus.PENDING


def test_an_answer_is_given_once_and_a_stale_one_is_refused(world):
    escalation = _forward(world)
    with pytest.raises(ServiceError):
        esc.escalation_answer(actor=world.office, escalation=escalation, answer_text=ANSWER, expected_version=7)
    with pytest.raises(ServiceError) as empty:
        esc.escalation_answer(actor=world.office, escalation=escalation, answer_text="")
    assert empty.value.field == "answer_text"
    key = uuid.uuid4()
    esc.escalation_answer(actor=world.office, escalation=escalation, answer_text=ANSWER, submission_key=key)
    # The same form sent twice changes nothing; another answer is refused.
    esc.escalation_answer(actor=world.office, escalation=escalation, answer_text=ANSWER, submission_key=key)
    with pytest.raises(ServiceError):
        esc.escalation_answer(actor=world.cast.province_officer, escalation=escalation, answer_text="Khác")
    assert ProgressUpdate.objects.filter(kind=UpdateKind.ESCALATION_ANSWER).count() == 1
    assert len(fx.sms_outbox()) == 1


def test_a_returned_matter_is_back_in_progress_and_may_be_sent_again(world):
    escalation = _forward(world)
    with pytest.raises(ServiceError) as empty:
        esc.escalation_return(actor=world.office, escalation=escalation, reason=" ")
    assert empty.value.field == "reason"
    returned = esc.escalation_return(
        actor=world.office, escalation=escalation, reason="Thuộc thẩm quyền của UBND xã; đề nghị xã tự bố trí."
    )
    canal = _reload(world.canal)
    assert returned.status == EscalationStatus.RETURNED and canal.status == DirectiveStatus.IN_PROGRESS
    assert "Thuộc thẩm quyền của UBND xã" in ProgressUpdate.objects.filter(directive=canal).last().text
    assert Notification.objects.filter(recipient=world.board, message__contains="Thuộc thẩm quyền").exists()
    assert Notification.objects.filter(recipient=world.cast.agency_a, message__contains="Thuộc thẩm quyền").exists()
    assert not fx.sms_outbox()  # nothing to tell the petitioners yet
    assert esc.conference_escalations(conference=world.meeting.conference) == []
    again = _forward(world, to_unit=world.tree.agency_b)
    assert again.status == EscalationStatus.PENDING and _reload(world.canal).status == DirectiveStatus.FORWARDED_UP


# ---------------------------------------------------------------- pages


def test_the_board_forwards_through_the_form_and_the_office_answers_through_the_page(world, login):
    board = login(world.board)
    url = reverse("followup:escalation_create", args=["directive", world.canal.pk])
    page = board.get(url)
    assert page.status_code == 200 and world.tree.ubnd.name in page.content.decode()
    key = str(uuid.uuid4())
    data = {
        "submission_key": key,
        "version": world.canal.version,
        "to_unit": world.tree.ubnd.pk,
        "request_text": REQUEST,
        "due_date": "",
    }
    response = board.post(url, data)
    escalation = Escalation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "followup:escalation_detail", args=[escalation.pk]
    )
    board.post(url, data)  # a double click
    assert Escalation.objects.count() == 1
    sent = board.get(reverse("followup:escalation_inbox") + "?box=sent")
    assert REQUEST[:30] not in sent.content.decode() and "nạo vét kênh mương" in sent.content.decode()

    office = login(world.office)
    inbox = office.get(reverse("followup:escalation_inbox"))
    assert inbox.status_code == 200 and reverse("followup:escalation_detail", args=[escalation.pk]) in (
        inbox.content.decode()
    )
    detail = office.get(reverse("followup:escalation_detail", args=[escalation.pk]))
    body = detail.content.decode()
    assert REQUEST in body and reverse("followup:escalation_answer", args=[escalation.pk]) in body
    # No petitioner's name or number on the higher level's page.
    assert "Nguyễn Văn Bình" not in body and "0912345678" not in body
    response = office.post(
        reverse("followup:escalation_answer", args=[escalation.pk]),
        {"version": 1, "submission_key": str(uuid.uuid4()), "answer_text": ANSWER, "files": [fx.pdf()]},
    )
    assert response.status_code == 302
    evidence = esc.answer_update(Escalation.objects.get()).evidence.get()
    download = office.get(reverse("followup:escalation_evidence", args=[escalation.pk, evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    # The sender reads the answer and its document.
    detail = board.get(reverse("followup:escalation_detail", args=[escalation.pk]))
    assert ANSWER in detail.content.decode() and "cong-van-tra-loi.pdf" in detail.content.decode()
    assert board.get(reverse("followup:escalation_evidence", args=[escalation.pk, evidence.pk])).status_code == 200


def test_a_refused_answer_keeps_what_was_typed(world, login):
    escalation = _forward(world)
    response = login(world.office).post(
        reverse("followup:escalation_answer", args=[escalation.pk]),
        {"version": 99, "submission_key": str(uuid.uuid4()), "answer_text": ANSWER},
    )
    assert response.status_code == 400 and ANSWER in response.content.decode()
    assert Escalation.objects.get().status == EscalationStatus.PENDING


def test_the_office_returns_through_the_page(world, login):
    escalation = _forward(world)
    response = login(world.office).post(
        reverse("followup:escalation_return", args=[escalation.pk]),
        {"version": 1, "reason": "Gửi nhầm đơn vị; đề nghị gửi Sở Xây dựng."},
    )
    assert response.status_code == 302 and Escalation.objects.get().status == EscalationStatus.RETURNED


def test_the_wrong_person_is_refused_on_every_page(world, login, client):
    escalation = _forward(world)
    escalation = esc.escalation_answer(actor=world.office, escalation=escalation, answer_text=ANSWER, files=[fx.pdf()])
    evidence = esc.answer_update(escalation).evidence.get()
    pending = esc.escalation_create(
        actor=world.cast.agency_b,
        item=followup_road(world),
        to_unit=world.tree.ubnd,
        request_text="Kinh phí khắc phục sạt lở vượt khả năng của Sở; đề nghị tỉnh hỗ trợ.",
    )
    pages = [
        reverse("followup:escalation_detail", args=[escalation.pk]),
        reverse("followup:escalation_evidence", args=[escalation.pk, evidence.pk]),
    ]
    answer = reverse("followup:escalation_answer", args=[pending.pk])
    give_back = reverse("followup:escalation_return", args=[pending.pk])
    create = reverse("followup:escalation_create", args=["directive", world.canal.pk])
    # Outsiders and the other agency: nothing exists for them.
    for person in (world.cast.outsider,):
        c = login(person)
        for url in pages:
            assert c.get(url).status_code == 404
        assert c.post(answer, _answer_data()).status_code == 404
        assert c.post(give_back, {"version": 1, "reason": "x"}).status_code == 404
        assert c.get(create).status_code == 404
    agency_b = login(world.cast.agency_b)
    for url in pages:
        assert agency_b.get(url).status_code == 404
    # The sender sees its recommendation but may not answer or return it.
    sender = login(world.cast.agency_b)
    assert sender.get(reverse("followup:escalation_detail", args=[pending.pk])).status_code == 200
    assert sender.post(answer, _answer_data()).status_code == 403
    assert sender.post(give_back, {"version": 1, "reason": "x"}).status_code == 403
    # The commune's secretariat reads the directive and what the commune sent, but may
    # neither forward the matter nor answer.
    office_xa = login(world.cast.commune_officer)
    assert office_xa.get(create).status_code == 403
    assert office_xa.get(pages[0]).status_code == 200
    assert office_xa.post(answer, {"version": 1, "answer_text": "x"}).status_code == 404
    # The supervisor has no inbox; an anonymous visitor is sent to sign in.
    assert login(world.meeting.supervisor).get(reverse("followup:escalation_inbox")).status_code == 403
    for url in [*pages, reverse("followup:escalation_inbox"), create]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/" in response["Location"]
    assert client.post(answer, {"version": 1, "answer_text": "x"}).status_code == 302
    assert Escalation.objects.get(pk=pending.pk).status == EscalationStatus.PENDING
    # A GET on the answer or return address is refused.
    assert login(world.office).get(answer).status_code == 405


def _answer_data():
    return {"version": 1, "answer_text": "Trả lời", "submission_key": str(uuid.uuid4())}


def followup_road(world):
    """The other directive of the notice: agency B's landslide."""
    return world.conclusion.directives.get(speaker_request=world.meeting.committed)


def test_the_conference_panel_and_the_matter_panel_render(world, login):
    from django.template.loader import render_to_string

    escalation = _forward(world)
    esc.escalation_answer(actor=world.office, escalation=escalation, answer_text=ANSWER)
    html = render_to_string(
        "followup/escalation/_conference_panel.html",
        {"escalations": esc.conference_escalations(conference=world.meeting.conference)},
    )
    assert "UBND tỉnh đã bố trí" in html and world.tree.ubnd.name in html
    panel = esc.item_panel(user=world.board, item=_reload(world.canal))
    assert panel["escalations"] and not panel["can_escalate"]  # a result now awaits review
    html = render_to_string("followup/escalation/_item_panel.html", {"panel": panel})
    assert reverse("followup:escalation_detail", args=[escalation.pk]) in html


def test_a_petition_group_followed_on_its_own_goes_up_and_comes_back_too(world, login):
    from dialogue.petitions.models import GroupStatus, Petition, PetitionGroup

    t = world.tree
    group = PetitionGroup.objects.create(
        conference=world.meeting.conference,
        receiving_unit=t.commune,
        summary="Đề nghị nâng cấp đường tỉnh đoạn qua thôn Nà Đon bị xuống cấp.",
        lead_unit=world.meeting.ubnd_xa,
        status=GroupStatus.APPROVED,
        followup_status=DirectiveStatus.IN_PROGRESS,
    )
    Petition.objects.create(
        conference=world.meeting.conference,
        receiving_unit=t.commune,
        channel="paper_citizen",
        name="Hà Văn Lực",
        phone="0988777666",
        content=group.summary,
        received_on=world.meeting.conference.date,
        ack_due=world.meeting.conference.date,
        group=group,
    )
    page = login(world.board).get(reverse("followup:escalation_create", args=["group", group.pk]))
    assert page.status_code == 200
    # The commune's own People's Committee is not a higher level; the province's is.
    targets = list(esc.escalation_targets(group))
    assert world.meeting.ubnd_xa not in targets and t.ubnd in targets
    escalation = esc.escalation_create(actor=world.board, item=group, to_unit=t.ubnd, request_text=REQUEST)
    group.refresh_from_db()
    assert group.followup_status == DirectiveStatus.FORWARDED_UP and escalation.group == group
    esc.escalation_answer(actor=world.office, escalation=escalation, answer_text=ANSWER)
    group.refresh_from_db()
    assert group.followup_status == DirectiveStatus.REPORTED
    assert followup.claimed_of(group) == DirectiveStatus.RESOLVED
    assert [m.to for m in fx.sms_outbox()] == ["0988777666"]
    followup.result_accept(actor=world.board, item=group)
    group.refresh_from_db()
    assert group.followup_status == DirectiveStatus.RESOLVED
    # Now the petitioner is asked whether the matter is settled to their satisfaction.
    assert [m.to for m in fx.sms_outbox()] == ["0988777666", "0988777666"]
    assert "danh-gia" in fx.sms_outbox()[1].body


def test_a_group_followed_through_its_directives_is_forwarded_through_them(world):
    with pytest.raises(ServiceError) as refused:
        esc.escalation_create(actor=world.board, item=world.group, to_unit=world.tree.ubnd, request_text=REQUEST)
    assert refused.value.message == esc.MSG_GROUP_FOLLOWS_DIRECTIVES
    assert not esc.can_escalate(world.board, world.group)
