"""The conference day's pages: the secretariat runs them, the chair approves the minutes,
everyone else is refused (403 inside the scope, 404 outside it, login for anonymous)."""

import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.plans import services as plan_services
from dialogue.proceedings import services
from dialogue.proceedings.models import Minutes, SpeakerRequest


@pytest.fixture
def day(cast):
    officer = cast.commune_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=cast.tree.commune, title="Đối thoại năm 2026")
    conference = plan_services.conference_create(
        actor=officer, plan=plan, title="Hội nghị đối thoại với Nhân dân xã Cao Minh", date=timezone.localdate()
    )
    plan_services.chair_add(actor=officer, conference=conference, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã")
    plan_services.agenda_prefill(actor=officer, conference=conference)
    person = plan_services.participant_add(actor=officer, conference=conference, full_name="Nguyễn Thị Hoà")
    speaker = services.speaker_add(actor=officer, conference=conference, speaker_name="Ông Tư", matter="Sửa cầu tràn.")
    return {"conference": conference, "participant": person, "speaker": speaker}


def _role(cast, role):
    return make_person(f"r-{role}", f"Người {role}", organisation=cast.tree.commune, roles=[(role, cast.tree.commune)])


def _run_pages(s):
    pk = s["conference"].pk
    return [
        reverse("proceedings:checkin", args=[pk]),
        reverse("proceedings:attendance", args=[pk]),
        reverse("proceedings:checkin_token", args=[s["participant"].token]),
        reverse("proceedings:speakers", args=[pk]),
        reverse("proceedings:console", args=[pk]),
        reverse("proceedings:console_status", args=[pk]),
    ]


RUN = {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS}
MINUTES = RUN | {Role.CHAIR}


@pytest.mark.parametrize("role", Role.values)
def test_each_role_of_the_commune_runs_the_day_only_if_it_is_the_secretariat(cast, login, day, role):
    client = login(_role(cast, role))
    for url in _run_pages(day):
        assert client.get(url).status_code == (200 if role in RUN else 403), f"{role} {url}"
    assert client.get(reverse("proceedings:hall", args=[day["conference"].pk])).status_code == 200
    minutes_status = client.get(reverse("proceedings:minutes", args=[day["conference"].pk])).status_code
    assert minutes_status == (200 if role in MINUTES else 403)


def test_people_outside_the_commune_get_not_found_everywhere(cast, login, day):
    pages = [
        *_run_pages(day),
        reverse("proceedings:hall", args=[day["conference"].pk]),
        reverse("proceedings:minutes", args=[day["conference"].pk]),
    ]
    for person in (cast.agency_b, cast.agency_a, cast.outsider):
        client = login(person)
        for url in pages:
            assert client.get(url).status_code == 404, f"{person.username} {url}"


def test_anonymous_visitors_are_sent_to_sign_in(client, day, settings):
    login_url = reverse(settings.LOGIN_URL)
    for url in [*_run_pages(day), reverse("proceedings:hall", args=[day["conference"].pk])]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(login_url), url


def test_the_secretariat_checks_in_by_button_by_code_and_by_the_qr_address(cast, login, day):
    client = login(cast.commune_officer)
    person = day["participant"]
    url = reverse("proceedings:checkin_mark", args=[day["conference"].pk, person.pk])
    response = client.post(url, {"present": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "is-present" in response.content.decode()
    client.post(url, {"present": "0"})
    person.refresh_from_db()
    assert person.attended is False
    response = client.post(
        reverse("proceedings:checkin_code", args=[day["conference"].pk]),
        {"code": str(person.token)[:8].upper(), "key": str(uuid.uuid4())},
        HTTP_HX_REQUEST="true",
    )
    assert "Nguyễn Thị Hoà" in response.content.decode()
    person.refresh_from_db()
    assert person.attended
    client.post(reverse("proceedings:checkin_token", args=[person.token]), {"key": str(uuid.uuid4())})
    assert person.__class__.objects.get(pk=person.pk).attended


def test_a_wrong_code_says_so_in_vietnamese_and_checks_nobody_in(cast, login, day):
    client = login(cast.commune_officer)
    response = client.post(
        reverse("proceedings:checkin_code", args=[day["conference"].pk]), {"code": "ABCDEF12"}, HTTP_HX_REQUEST="true"
    )
    assert str(services.MSG_CODE_UNKNOWN) in response.content.decode()
    assert not day["conference"].participants.filter(attended=True).exists()


def test_the_chair_cannot_check_anyone_in_even_with_the_qr_address(cast, login, day):
    chair = _role(cast, Role.CHAIR)
    response = login(chair).post(reverse("proceedings:checkin_token", args=[day["participant"].token]))
    assert response.status_code == 403
    response = login(chair).post(
        reverse("proceedings:checkin_mark", args=[day["conference"].pk, day["participant"].pk]), {"present": "1"}
    )
    assert response.status_code == 403


def test_a_walk_in_is_added_from_the_desk(cast, login, day):
    client = login(cast.commune_officer)
    response = client.post(
        reverse("proceedings:walk_in", args=[day["conference"].pk]),
        {"full_name": "Bà Lò Thị Mến", "key": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    assert day["conference"].participants.get(walk_in=True).full_name == "Bà Lò Thị Mến"
    response = client.post(reverse("proceedings:walk_in", args=[day["conference"].pk]), {"full_name": ""})
    assert response.status_code == 400


def test_the_queue_takes_a_request_moves_and_withdraws_it(cast, login, day):
    client = login(cast.commune_officer)
    pk = day["conference"].pk
    response = client.post(
        reverse("proceedings:speaker_add", args=[pk]),
        {
            "source": "floor",
            "speaker_name": "Bà Năm",
            "represents": "Hội Phụ nữ",
            "matter": "Đèn đường thôn.",
            "key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    second = SpeakerRequest.objects.get(speaker_name="Bà Năm")
    client.post(reverse("proceedings:speaker_change", args=[second.pk]), {"action": "up"})
    names = list(
        SpeakerRequest.objects.filter(conference_id=pk).order_by("position").values_list("speaker_name", flat=True)
    )
    assert names == ["Bà Năm", "Ông Tư"]
    client.post(reverse("proceedings:speaker_change", args=[second.pk]), {"action": "withdraw"}, HTTP_HX_REQUEST="true")
    second.refresh_from_db()
    assert second.status == "withdrawn"
    response = client.post(
        reverse("proceedings:speaker_add", args=[pk]), {"source": "floor", "speaker_name": "X", "matter": ""}
    )
    assert response.status_code == 400


def test_the_agency_officer_cannot_change_the_queue(cast, login, day):
    response = login(cast.agency_b).post(
        reverse("proceedings:speaker_change", args=[day["speaker"].pk]), {"action": "withdraw"}
    )
    assert response.status_code == 404


def test_the_console_gives_the_floor_records_and_refuses_a_stale_record_keeping_the_text(cast, login, day):
    client = login(cast.commune_officer)
    pk = day["conference"].pk
    client.post(reverse("proceedings:console", args=[pk]))
    run = day["conference"].run
    response = client.post(
        reverse("proceedings:console_next", args=[pk, "speaker"]),
        {"version": run.version, "key": str(uuid.uuid4())},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Ông Tư" in response.content.decode()
    speaker = SpeakerRequest.objects.get(pk=day["speaker"].pk)
    url = reverse("proceedings:record", args=[speaker.pk])
    data = {
        "version": speaker.version,
        "key": str(uuid.uuid4()),
        "notes": "Cầu tràn hỏng.",
        "answered_by": "chair",
        "outcome": "settled",
    }
    assert client.post(url, data, HTTP_HX_REQUEST="true").status_code == 200
    stale = {**data, "key": str(uuid.uuid4()), "notes": "Ghi chép của máy thứ hai"}
    response = client.post(url, stale, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 409 and "Ghi chép của máy thứ hai" in body and "Cầu tràn hỏng." in body
    assert SpeakerRequest.objects.get(pk=speaker.pk).notes == "Cầu tràn hỏng."


def test_the_supervisor_cannot_press_next_or_record(cast, login, day):
    client = login(_role(cast, Role.SUPERVISOR))
    assert client.post(reverse("proceedings:console_next", args=[day["conference"].pk, "speaker"])).status_code == 403
    assert client.post(reverse("proceedings:record", args=[day["speaker"].pk]), {"version": 1}).status_code == 403


def test_the_minutes_are_drafted_edited_approved_by_the_chair_and_downloaded(cast, login, day):
    secretary = login(cast.commune_officer)
    pk = day["conference"].pk
    secretary.post(reverse("proceedings:minutes_action", args=[pk, "draft"]))
    minutes = Minutes.objects.get(conference_id=pk)
    form = {
        name: getattr(minutes, name) for name in ("time_place", "attendance", "presiding", "agenda", "interventions")
    }
    form.update(
        closing="Hội nghị kết thúc lúc 11 giờ 30.",
        version=minutes.version,
        secretary_name="Hoàng Văn Cường",
        chair_name="Hứa Ngọc Sỹ",
    )
    assert secretary.post(reverse("proceedings:minutes_edit", args=[pk]), form).status_code == 302
    minutes.refresh_from_db()
    # The secretary cannot approve; the chair can.
    secretary.post(reverse("proceedings:minutes_action", args=[pk, "approve"]), {"version": minutes.version})
    assert Minutes.objects.get(pk=minutes.pk).status == "draft"
    chair = login(_role(cast, Role.CHAIR))
    chair.post(reverse("proceedings:minutes_action", args=[pk, "approve"]), {"version": minutes.version})
    assert Minutes.objects.get(pk=minutes.pk).status == "approved"
    assert secretary.get(reverse("proceedings:minutes_edit", args=[pk])).status_code == 302
    response = chair.get(reverse("proceedings:minutes_document", args=[pk, "docx"]))
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "BIÊN BẢN" in text and "Hội nghị kết thúc lúc 11 giờ 30." in text


def test_the_conference_page_links_the_day_only_for_those_who_may_use_it(cast, login, day):
    url = reverse("plans:conference_detail", args=[day["conference"].pk])
    assert (
        reverse("proceedings:console", args=[day["conference"].pk])
        in login(cast.commune_officer).get(url).content.decode()
    )
    chair_page = login(_role(cast, Role.CHAIR)).get(url).content.decode()
    assert reverse("proceedings:console", args=[day["conference"].pk]) not in chair_page
    assert reverse("proceedings:minutes", args=[day["conference"].pk]) in chair_page
    assert (
        reverse("proceedings:minutes", args=[day["conference"].pk])
        not in login(_role(cast, Role.MTTQ)).get(url).content.decode()
    )


def test_the_invitation_of_a_participant_carries_the_check_in_qr_code(cast, login, day):
    url = reverse("plans:conference_document", args=[day["conference"].pk, "invitation", "docx"])
    response = login(cast.commune_officer).get(url, {"participant": day["participant"].pk})
    document = Document(io.BytesIO(response.content))
    assert len(document.inline_shapes) == 1
    blank = Document(io.BytesIO(login(cast.commune_officer).get(url).content))
    assert len(blank.inline_shapes) == 0
