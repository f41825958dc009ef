"""The citizen's own petition on the portal: sending it (to a conference or a unit's
standing reception) with consent, files, honeypot and rate limits; tracking it by code
and telephone number without enumeration; assessing the answer.

The fixed cast plus `place`: Đảng ủy xã Cao Minh's plan with a conference in two weeks,
announced on the portal, and the commune's synthesis board. Staff act through services."""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dialogue.core.models import AuditEntry, Notification
from dialogue.followup.models import ProgressUpdate, Satisfaction, SatisfactionRequest, UpdateKind
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.roles import Role
from dialogue.petitions import public
from dialogue.petitions import services as petitions
from dialogue.petitions.models import AckKind, FollowUpStatus, Petition, PetitionFile
from dialogue.plans import services as plans
from dialogue.plans.models import Conference
from dialogue.reminders.sms import LocmemBackend
from dialogue.workcalendar.selectors import get_calendar

pytestmark = pytest.mark.django_db

SUBMIT = "/gui-kien-nghi/"
TRACK = "/tra-cuu/"
TRACKED = "/tra-cuu/kien-nghi/"
CONTENT = "Đề nghị sửa chữa cầu tràn thôn Nà Đon bị sạt lở sau mưa lớn, học sinh đi lại nguy hiểm."
PHONE = "0912 345 678"


# ---------------------------------------------------------------- the place and helpers


@pytest.fixture
def place(cast, settings):
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"
    settings.SITE_URL = "https://doithoai.example.vn"
    LocmemBackend.outbox.clear()
    t = cast.tree
    dang_uy = make_unit("Đảng ủy xã Cao Minh", "party_committee", t.commune)
    board = make_person("tonghop", "Đinh Thị Hoa", organisation=dang_uy, roles=[(Role.SYNTHESIS, t.commune)])
    plan = plans.plan_create(
        actor=cast.commune_officer,
        issuing_unit=dang_uy,
        title="Tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Hứa Ngọc Sỹ",
        place="Cao Minh",
    )
    conference = plans.conference_create(
        actor=cast.commune_officer,
        plan=plan,
        host_unit=t.commune,
        title="Hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân thôn Nà Đon",
        venue="Hội trường Ủy ban nhân dân xã Cao Minh",
        date=timezone.localdate() + timedelta(days=14),
    )
    Conference.objects.filter(pk=conference.pk).update(announced_at=timezone.now())
    conference.refresh_from_db()
    yield SimpleNamespace(cast=cast, tree=t, dang_uy=dang_uy, board=board, plan=plan, conference=conference)
    LocmemBackend.outbox.clear()


def pdf(name="don-de-nghi.pdf") -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    body += b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name="anh-cau-tran.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, content_type="image/png")


def renamed_program() -> SimpleUploadedFile:
    return SimpleUploadedFile("anh-hien-truong.jpg", b"MZ\x90\x00\x03" + b"\x00" * 500, content_type="image/jpeg")


def form_url(place) -> str:
    return f"{SUBMIT}?hoi-nghi={place.conference.pk}"


def fresh_form(client, url) -> dict:
    """The form as served: its hidden submission key."""
    page = client.get(url).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f-]+)"', page).group(1)
    return {"submission_key": key}


def fields(**extra) -> dict:
    data = {
        "name": "Nguyễn Thị Lan",
        "phone": PHONE,
        "address": "xóm Nà Đon, xã Cao Minh",
        "email": "",
        "content": CONTENT,
        "consent": "on",
        "notify_by": "",
        "website": "",
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def send(client, place, url=None, **extra):
    url = url or form_url(place)
    data = {**fresh_form(client, url), **fields(**extra)}
    return client.post(url, data)


def code_from(client) -> str:
    page = client.get(reverse("portal:submit_done")).content.decode()
    return re.search(r'id="tracking-code">([A-Z0-9-]+)<', page).group(1)


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def track(client, code, phone=PHONE):
    return client.post(TRACK, {"code": code, "phone": phone})


def submitted(client, place, **extra) -> tuple[Petition, str]:
    response = send(client, place, **extra)
    assert response.status_code == 302, response.content.decode()[:3000]
    code = code_from(client)
    return Petition.objects.get(tracking_code=public.normalise_tracking_code(code)), code


def future_working_day(days=10):
    return get_calendar().add(timezone.localdate(), days)


def answer(place, petition, text, *, followup_until=None):
    """Staff: acknowledge, group, assign to agency A, answer, approve."""
    officer = place.cast.commune_officer
    petitions.petition_acknowledge(actor=officer, petition=petition, kind=AckKind.ACCEPTED)
    group = petitions.group_create(actor=officer, petitions=[petition])
    group = petitions.group_assign(
        actor=officer, group=group, lead_unit=place.tree.agency_a, due_date=future_working_day()
    )
    petitions.answer_submit(actor=place.cast.agency_a, group=group, text=text)
    return petitions.answer_review(actor=place.board, group=group, approve=True, followup_until=followup_until)


# ---------------------------------------------------------------- choosing where it goes


def test_without_a_target_the_page_finds_the_commune_and_its_conference_without_javascript(place, client):
    page = client.get(SUBMIT, {"q": "cao minh"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Xã Cao Minh" in html
    assert f"?hoi-nghi={place.conference.pk}" in html and place.conference.title in html
    assert f"?don-vi={place.tree.commune.pk}" in html
    assert "<script" not in html


def test_an_empty_or_unknown_search_finds_nothing_and_says_so(place, client):
    assert "Xã Cao Minh" not in client.get(SUBMIT).content.decode()
    assert "Không có tỉnh, xã nào" in client.get(SUBMIT, {"q": "khong co dau"}).content.decode()


def test_the_form_has_the_fields_of_seed_000_and_the_consent_purpose_in_full(place, client):
    page = client.get(form_url(place))
    assert page.status_code == 200 and page["Cache-Control"] == "no-store, private"
    html = page.content.decode()
    for label in ("Họ và tên", "Số điện thoại", "Địa chỉ liên hệ", "Nội dung ý kiến, đề xuất, kiến nghị"):
        assert label in html
    assert str(public.CONSENT_PURPOSE) in html and "Tôi đồng ý" in html
    assert str(public.IDENTITY_NOTE) in html
    assert 'type="file" name="files"' in html and " multiple" in html
    assert "Đảng ủy xã Cao Minh" in html
    assert len(page.content) < 200 * 1024


def test_an_unannounced_conference_and_a_village_are_not_offered(place, client):
    Conference.objects.filter(pk=place.conference.pk).update(announced_at=None)
    assert client.get(form_url(place)).status_code == 404
    assert client.get(SUBMIT, {"don-vi": place.tree.village.pk}).status_code == 404
    assert client.get(SUBMIT, {"don-vi": "abc"}).status_code == 404


def test_a_conference_from_the_day_before_takes_no_more_petitions_online(place, client):
    Conference.objects.filter(pk=place.conference.pk).update(date=timezone.localdate())
    page = client.get(form_url(place))
    assert "không còn nhận kiến nghị trực tuyến" in page.content.decode()
    assert f"?don-vi={place.tree.commune.pk}" in page.content.decode()
    response = client.post(form_url(place), fields(submission_key="8d3b1a52-0c67-4a5e-9f4e-0b8f5f1f2a11"))
    assert response.status_code == 200 and not Petition.objects.exists()


# ---------------------------------------------------------------- sending


def test_a_citizen_sends_a_petition_and_reads_the_code_on_the_confirmation_page(place, client):
    url = form_url(place)
    data = {**fresh_form(client, url), **fields(), "files": [pdf(), png()]}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == reverse("portal:submit_done")
    code = code_from(client)
    assert re.fullmatch(r"DT-[0-9A-Z]{5}-[0-9A-Z]{5}", code)
    petition = Petition.objects.get()
    assert public.display_tracking_code(petition.tracking_code) == code
    assert code.replace("-", "") not in response["Location"]
    assert petition.receiving_unit == place.dang_uy and petition.conference == place.conference
    assert petition.channel == "online" and petition.phone == "0912345678"
    assert petition.consent_purpose == str(public.CONSENT_PURPOSE) and petition.consented_at is not None
    assert sorted(PetitionFile.objects.values_list("name", flat=True)) == ["anh-cau-tran.png", "don-de-nghi.pdf"]
    assert AuditEntry.objects.filter(action="petition.submit_public").count() == 1
    done = client.get(reverse("portal:submit_done")).content.decode()
    assert "Giấy biên nhận" in done and "Đảng ủy xã Cao Minh" in done and place.conference.title in done
    assert reverse("portal:track") in done


def test_the_confirmation_page_without_a_petition_sent_goes_back_to_the_form(place, client):
    assert client.get(reverse("portal:submit_done"))["Location"] == SUBMIT


def test_a_petition_goes_to_the_standing_reception_of_a_commune(place, client):
    url = f"{SUBMIT}?don-vi={place.tree.commune.pk}"
    page = client.get(url).content.decode()
    assert "Đảng ủy xã Cao Minh" in page and place.conference.title in page  # offered as an alternative
    petition, _code = submitted(client, place, url=url)
    assert petition.receiving_unit == place.dang_uy and petition.conference is None


def test_consent_is_required_and_nothing_is_written(place, client):
    response = send(client, place, consent=None)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hãy đánh dấu đồng ý cho xử lý dữ liệu cá nhân của bạn" in html
    assert "Nguyễn Thị Lan" in html and "cầu tràn thôn Nà Đon" in html  # what was typed is kept
    assert not Petition.objects.exists()


def test_an_invalid_phone_is_refused_in_vietnamese_with_the_typed_data_kept(place, client):
    response = send(client, place, phone="12345")
    html = response.content.decode()
    assert response.status_code == 200 and "Số điện thoại “12345” không hợp lệ" in html
    assert 'aria-invalid="true"' in html and "Nguyễn Thị Lan" in html
    assert not Petition.objects.exists()


def test_sms_notices_need_a_mobile_number_and_email_notices_an_address(place, client):
    landline = send(client, place, phone="0208 3855 123", notify_by="sms").content.decode()
    assert "Nhận thông báo qua SMS cần số điện thoại di động" in landline
    no_mail = send(client, place, notify_by="email").content.decode()
    assert "Hãy nhập địa chỉ thư điện tử để nhận thông báo qua thư điện tử" in no_mail
    assert not Petition.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([renamed_program()], "Tệp “anh-hien-truong.jpg” không thuộc loại được nhận"),
        ([SimpleUploadedFile("ban-ve.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))], "lớn hơn 10 MB"),
        ([pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf"), pdf("d.pdf")], "tối đa 3 tệp"),
    ],
    ids=["a renamed program", "too big", "too many"],
)
def test_bad_attachments_are_refused_with_a_clear_message_and_nothing_is_written(place, client, files, message):
    url = form_url(place)
    response = client.post(url, {**fresh_form(client, url), **fields(), "files": files})
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert "chọn lại tệp" in html  # files are not kept: the citizen is told to choose them again
    assert "Nguyễn Thị Lan" in html
    assert not Petition.objects.exists() and not PetitionFile.objects.exists()


def test_a_request_larger_than_the_files_allowed_is_refused_before_it_is_read(place, client):
    url = form_url(place)
    response = client.post(url, fields(), CONTENT_LENGTH=str(40 * 1024 * 1024))
    assert response.status_code == 413 and "quá lớn" in response.content.decode()
    assert not Petition.objects.exists()


def test_a_double_submit_creates_nothing_twice(place, client):
    url = form_url(place)
    data = {**fresh_form(client, url), **fields()}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Petition.objects.count() == 1
    assert AuditEntry.objects.filter(action="petition.submit_public").count() == 1


def test_a_submission_key_sent_again_with_another_phone_reveals_nothing(place, client):
    url = form_url(place)
    data = {**fresh_form(client, url), **fields()}
    client.post(url, data)
    stranger = Client()
    response = stranger.post(url, {**data, "phone": "0987654321"})
    html = response.content.decode()
    assert response.status_code == 200 and "Phiếu này đã được gửi" in html
    assert Petition.objects.get().tracking_code not in html
    assert stranger.get(reverse("portal:submit_done"))["Location"] == SUBMIT


def test_a_filled_honeypot_answers_as_if_accepted_and_stores_nothing(place, client):
    response = send(client, place, website="http://spam.example")
    assert response.status_code == 302 and response["Location"] == reverse("portal:submit_done")
    code = code_from(client)
    assert re.fullmatch(r"DT-[0-9A-Z]{5}-[0-9A-Z]{5}", code)
    assert not Petition.objects.exists() and not AuditEntry.objects.filter(action="petition.submit_public").exists()
    assert "không tìm thấy kiến nghị" in track(Client(), code).content.decode()


def test_the_honeypot_is_hidden_from_people_and_from_assistive_technology(place, client):
    html = client.get(form_url(place)).content.decode()
    block = re.search(r'<div class="hp" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert 'name="website"' in block and 'tabindex="-1"' in block


def test_sending_is_limited_per_client_address(place, settings):
    settings.PORTAL_SUBMIT_PER_IP_HOUR = 2
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(2):
        assert send(visitor, place, phone=f"091234567{n}").status_code == 302
    limited = send(visitor, place, phone="0912345679", name="Lò Văn Páo")
    html = limited.content.decode()
    assert limited.status_code == 429
    assert "Có quá nhiều kiến nghị được gửi từ kết nối của bạn" in html
    assert "Lò Văn Páo" in html and "cầu tràn thôn Nà Đon" in html and 'value="0912345679"' in html
    assert Petition.objects.count() == 2
    assert send(Client(REMOTE_ADDR="203.0.113.8"), place, phone="0912345679").status_code == 302


def test_sending_is_limited_per_telephone_number(place, settings):
    settings.PORTAL_SUBMIT_PER_PHONE_DAY = 2
    for n in range(2):
        assert send(Client(REMOTE_ADDR=f"198.51.100.{n}"), place, content=f"{CONTENT} Lần {n}.").status_code == 302
    limited = send(Client(REMOTE_ADDR="198.51.100.9"), place, content=f"{CONTENT} Lần 3.")
    assert limited.status_code == 429
    assert "quá nhiều kiến nghị được gửi với số điện thoại này" in limited.content.decode()
    assert Petition.objects.count() == 2
    # The same number written another way is the same number.
    assert send(Client(REMOTE_ADDR="198.51.100.10"), place, phone="+84 912 345 678").status_code == 429
    assert send(Client(REMOTE_ADDR="198.51.100.11"), place, phone="0987654321").status_code == 302


def test_a_refused_file_does_not_count_against_the_telephone_number(place, settings, client):
    settings.PORTAL_SUBMIT_PER_PHONE_DAY = 1
    url = form_url(place)
    client.post(url, {**fresh_form(client, url), **fields(), "files": [renamed_program()]})
    assert send(client, place).status_code == 302


def test_the_identity_protection_and_the_notice_channel_are_stored(place, client):
    petition, _code = submitted(client, place, identity_protected="on", notify_by="email", email="lan@example.vn")
    assert petition.identity_protected is True
    assert petition.notify_by == "email" and petition.email == "lan@example.vn"
    done = client.get(reverse("portal:submit_done")).content.decode()
    assert "giữ kín với cơ quan trả lời" in done


# ---------------------------------------------------------------- tracking


def test_a_citizen_tracks_the_petition_with_the_code_and_phone_never_in_an_address(place, client):
    petition, code = submitted(client, place, files=[pdf()])
    visitor = Client()
    response = track(visitor, code.lower().replace("-", " "), phone="0912.345.678")
    assert response.status_code == 302 and response["Location"] == TRACKED
    assert petition.tracking_code not in response["Location"] and "0912" not in response["Location"]
    page = visitor.get(TRACKED)
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "no-store, private"
    assert code in html and CONTENT in html and "don-de-nghi.pdf" in html
    assert "Đã tiếp nhận, đang phân loại" in html and "Kết thúc tra cứu" in html


def test_a_query_string_does_not_track_anything(place, client):
    _petition, code = submitted(client, place)
    visitor = Client()
    visitor.get(TRACK, {"code": code, "phone": PHONE})
    assert visitor.get(TRACKED)["Location"] == TRACK


def test_an_unknown_code_a_wrong_phone_and_a_malformed_code_answer_identically(place, client):
    _petition, code = submitted(client, place)
    unknown = track(Client(), "DT-00000-00000")
    wrong_phone = track(Client(), code, phone="0987654321")
    malformed = track(Client(), "xin chao")
    empty = track(Client(), "", phone="")
    assert unknown.status_code == wrong_phone.status_code == malformed.status_code == empty.status_code == 200
    body = without_csrf(unknown.content.decode())
    assert body == without_csrf(wrong_phone.content.decode())
    assert body == without_csrf(malformed.content.decode()) == without_csrf(empty.content.decode())
    assert "không tìm thấy kiến nghị" in body and code not in body


def test_after_five_wrong_phones_even_the_right_pair_is_refused_for_the_hour(place, client):
    _petition, code = submitted(client, place)
    for n in range(5):
        assert track(Client(REMOTE_ADDR=f"192.0.2.{n}"), code, phone=f"098765432{n}").status_code == 200
    refused = track(Client(REMOTE_ADDR="192.0.2.99"), code)
    assert refused.status_code == 429 and "Quá nhiều lần thử" in refused.content.decode()
    # An unknown code is refused the same way after as many tries: nothing tells them apart.
    for n in range(5):
        track(Client(REMOTE_ADDR=f"192.0.2.{n}"), "DT-00000-00000", phone=f"098765432{n}")
    again = track(Client(REMOTE_ADDR="192.0.2.98"), "DT-00000-00000")
    assert again.status_code == 429
    assert without_csrf(again.content.decode()) == without_csrf(refused.content.decode())


def test_tracking_is_limited_per_client_address(place, client, settings):
    settings.PORTAL_TRACK_PER_IP_HOUR = 3
    _petition, code = submitted(client, place)
    visitor = Client(REMOTE_ADDR="192.0.2.50")
    for n in range(3):
        track(visitor, f"DT-00000-0000{n}")
    assert track(visitor, code).status_code == 429
    assert track(Client(REMOTE_ADDR="192.0.2.51"), code).status_code == 302


def test_the_tracking_page_needs_a_match_in_this_session_whoever_asks(place, client, login):
    _petition, _code = submitted(client, place)
    assert Client().get(TRACKED)["Location"] == TRACK
    assert login(place.cast.agency_b).get(TRACKED)["Location"] == TRACK
    assert login(place.cast.admin).post(reverse("portal:rate"), {"response": "satisfied"})["Location"] == TRACK


def test_finishing_clears_the_session_and_it_also_ends_after_thirty_minutes(place, client):
    _petition, code = submitted(client, place)
    visitor = Client()
    track(visitor, code)
    assert visitor.get(TRACKED).status_code == 200
    ended = visitor.post(reverse("portal:track_end"))
    assert ended["Location"] == TRACK
    assert visitor.get(TRACKED)["Location"] == TRACK
    track(visitor, code)
    session = visitor.session
    session["portal_tracked"] = {**session["portal_tracked"], "until": 0}
    session.save()
    assert visitor.get(TRACKED)["Location"] == TRACK


def test_the_page_follows_the_petition_to_its_masked_answer(place, client):
    petition, code = submitted(client, place)
    visitor = Client()
    track(visitor, code)
    officer = place.cast.commune_officer
    petitions.petition_acknowledge(actor=officer, petition=petition, kind=AckKind.ACCEPTED)
    html = visitor.get(TRACKED).content.decode()
    assert "Đã tiếp nhận để trả lời" in html and timezone.localdate().strftime("%d/%m/%Y") in html
    group = petitions.group_create(actor=officer, petitions=[Petition.objects.get(pk=petition.pk)])
    due = future_working_day()
    group = petitions.group_assign(actor=officer, group=group, lead_unit=place.tree.agency_a, due_date=due)
    html = visitor.get(TRACKED).content.decode()
    assert "Sở Nông nghiệp và Môi trường" in html and due.strftime("%d/%m/%Y") in html
    petitions.answer_submit(
        actor=place.cast.agency_a,
        group=group,
        text="Sở đã làm việc với bà Nguyễn Thị Lan (0912345678): cầu tràn được sửa trong tháng 12.",
    )
    html = visitor.get(TRACKED).content.decode()
    assert "cầu tràn được sửa" not in html  # not approved yet
    petitions.answer_review(actor=place.board, group=group, approve=True)
    html = visitor.get(TRACKED).content.decode()
    assert "cầu tràn được sửa trong tháng 12" in html
    assert "bà N.T.L." in html and "Nguyễn Thị Lan (0912345678)" not in html.split("Nội dung")[0]
    assert "Đã giải quyết" in html


def test_a_withdrawn_petition_is_shown_as_not_accepted(place, client):
    petition, code = submitted(client, place)
    Petition.objects.filter(pk=petition.pk).update(status="withdrawn")
    visitor = Client()
    track(visitor, code)
    assert "Không được tiếp nhận" in visitor.get(TRACKED).content.decode()


# ---------------------------------------------------------------- assessing the answer


def _tracking_visitor(client, code) -> Client:
    visitor = Client()
    assert track(visitor, code).status_code == 302
    return visitor


def test_the_assessment_is_offered_only_once_the_answer_is_approved(place, client):
    petition, code = submitted(client, place)
    visitor = _tracking_visitor(client, code)
    assert "Gửi đánh giá" not in visitor.get(TRACKED).content.decode()
    refused = visitor.post(reverse("portal:rate"), {"response": "satisfied"}, follow=True)
    assert "chưa có trả lời hoặc kết quả để đánh giá" in refused.content.decode()
    assert not SatisfactionRequest.objects.exists()
    answer(place, petition, "Cầu tràn được sửa chữa xong trong tháng 12/2026.")
    html = visitor.get(TRACKED).content.decode()
    assert "Gửi đánh giá" in html
    for label in ("Hài lòng", "Chưa hoàn toàn hài lòng", "Không hài lòng"):
        assert label in html


def test_a_satisfied_citizen_is_recorded_once_on_the_timeline_by_the_citizen(place, client):
    petition, code = submitted(client, place)
    group = answer(place, petition, "Cầu tràn được sửa chữa xong trong tháng 12/2026.")
    visitor = _tracking_visitor(client, code)
    data = {"response": Satisfaction.SATISFIED, "comment": "Cảm ơn xã."}
    assert visitor.post(reverse("portal:rate"), data)["Location"] == TRACKED
    assert visitor.post(reverse("portal:rate"), data)["Location"] == TRACKED  # a double submit
    request = SatisfactionRequest.objects.get(petition=petition)
    assert request.response == Satisfaction.SATISFIED and request.comment == "Cảm ơn xã." and request.round == 1
    entry = ProgressUpdate.objects.get(group=group, kind=UpdateKind.SATISFACTION)
    assert entry.author_name == "Công dân" and entry.author_unit is None and "Hài lòng" in entry.text
    html = visitor.get(TRACKED).content.decode()
    assert "Bạn đã đánh giá: <strong>Hài lòng</strong>" in html and "Gửi đánh giá" not in html
    assert AuditEntry.objects.filter(action="satisfaction.respond").count() == 1


def test_the_link_sent_by_sms_and_the_tracking_page_share_one_assessment(place, client):
    petition, code = submitted(client, place)
    answer(place, petition, "Cầu tràn được sửa chữa xong trong tháng 12/2026.")
    assert SatisfactionRequest.objects.get(petition=petition).channel == "sms"  # asked by SMS on resolution
    visitor = _tracking_visitor(client, code)
    visitor.post(reverse("portal:rate"), {"response": Satisfaction.PARTLY})
    request = SatisfactionRequest.objects.get(petition=petition)
    assert request.response == Satisfaction.PARTLY
    link = re.search(r"/danh-gia/([A-Za-z0-9_\-]+)/", LocmemBackend.outbox[-1].body).group(0)
    page = Client().get(link).content.decode()
    assert "<strong>Hài lòng một phần</strong>" in page and "<form" not in page.split("</header>")[1]


def test_a_dissatisfied_citizen_reopens_the_matter_and_the_board_is_told(place, client):
    petition, code = submitted(client, place)
    group = answer(place, petition, "Cầu tràn được sửa chữa xong trong tháng 12/2026.")
    assert group.followup_status == FollowUpStatus.RESOLVED
    visitor = _tracking_visitor(client, code)
    response = visitor.post(reverse("portal:rate"), {"response": Satisfaction.DISSATISFIED, "comment": "Chưa sửa."})
    assert response["Location"] == TRACKED
    group.refresh_from_db()
    assert group.followup_status == FollowUpStatus.IN_PROGRESS
    reopened = ProgressUpdate.objects.get(group=group, kind=UpdateKind.REOPENED)
    assert reopened.author_name == "Công dân" and "Chưa sửa." in reopened.text
    assert Notification.objects.filter(recipient=place.board, message__contains="chưa hài lòng").exists()
    html = visitor.get(TRACKED).content.decode()
    assert "chuyển lại cơ quan có trách nhiệm để xem xét" in html
    assert "Chưa sửa." in html  # their own comment, on their own page


def test_an_assessment_before_any_result_does_not_reopen_and_a_later_result_asks_again(place, client):
    petition, code = submitted(client, place)
    group = answer(place, petition, "Sở sẽ sửa cầu tràn trước ngày 31/12/2026.", followup_until=future_working_day(20))
    assert group.followup_status == FollowUpStatus.IN_PROGRESS
    visitor = _tracking_visitor(client, code)
    visitor.post(reverse("portal:rate"), {"response": Satisfaction.DISSATISFIED})
    group.refresh_from_db()
    assert group.followup_status == FollowUpStatus.IN_PROGRESS
    request = SatisfactionRequest.objects.get(petition=petition)
    assert request.round == 0 and request.response == Satisfaction.DISSATISFIED
    assert Notification.objects.filter(recipient=place.board, message__contains="chưa hài lòng với kết quả").exists()
    assert "Gửi đánh giá" not in visitor.get(TRACKED).content.decode()


def test_a_comment_too_long_is_refused_and_nothing_is_recorded(place, client):
    petition, code = submitted(client, place)
    answer(place, petition, "Cầu tràn được sửa chữa xong trong tháng 12/2026.")
    visitor = _tracking_visitor(client, code)
    response = visitor.post(reverse("portal:rate"), {"response": "satisfied", "comment": "x" * 2001})
    assert response.status_code == 200 and "dài hơn 2.000 ký tự" in response.content.decode()
    no_choice = visitor.post(reverse("portal:rate"), {"response": "rat hai long"})
    assert "Vui lòng chọn một trong ba mức đánh giá" in no_choice.content.decode()
    assert not SatisfactionRequest.objects.exclude(response="").exists()


# ---------------------------------------------------------------- the satisfaction page


def test_the_satisfaction_page_of_the_sms_link_is_a_portal_page(place, client):
    page = client.get("/danh-gia/khong-co-lien-ket-nay/")
    html = page.content.decode()
    assert page.status_code == 404 and 'class="portal' in html and "citizen.css" in html
    assert page["Cache-Control"] == "no-store, private"


def test_pages_stay_under_200_kb_with_their_stylesheets(place, client):
    from tests.test_portal_read import PAGE_BUDGET, links_and_assets, static_size

    petition, code = submitted(client, place, notify_by="sms")
    answer(place, petition, "Cầu tràn được sửa chữa xong trong tháng 12/2026. " * 40)
    visitor = _tracking_visitor(client, code)
    link = re.search(r"/danh-gia/[A-Za-z0-9_\-]+/", " ".join(m.body for m in LocmemBackend.outbox))
    pages = (SUBMIT, SUBMIT + "?q=cao", form_url(place), TRACK, TRACKED, link.group(0))
    for url in pages:
        response = visitor.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        weight = len(response.content) + sum(static_size(a) for a in set(links_and_assets(html)[1]))
        assert weight < PAGE_BUDGET, (url, weight)
        assert "<script" not in html, url
    assert len(client.get(reverse("portal:submit_done")).content) < PAGE_BUDGET


def test_sending_a_petition_takes_a_fixed_small_number_of_statements(place, client, settings):
    """What the request itself does (docs/performance.md, "The statements that remain");
    the address, the repeat and the officers' notices are the worker's: its task is stored
    here, not run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    url = form_url(place)
    data = {**fresh_form(client, url), **fields()}
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url, data).status_code == 302
    statements = [q["sql"] for q in queries.captured_queries]
    # The conference with its area (no unit-kind lookups), the key twice, two rate limits
    # (one statement each, plus the cleanup of old windows at a window's first hit), the
    # calendar, the petition, its audit entry and task in one savepoint, the session.
    assert not [s for s in statements if s.startswith('SELECT "organisation_unitkind"')]
    assert len(statements) <= 19, "\n".join(s[:300] for s in statements)


# ---------------------------------------------------------------- directives and their progress


def directive_about(place, group, matter: str):
    """An issued conclusion notice of the conference with one directive about the group
    (the issuing service is tested with the conclusions)."""
    from dialogue.conclusions.models import Directive, DirectiveStatus
    from tests.test_followup_supervision_fixtures import bare_conclusion

    conclusion = bare_conclusion(conference=place.conference, issuing_unit=place.tree.commune, number=7, matters=[])
    return Directive.objects.create(
        conclusion=conclusion,
        order=1,
        group=group,
        matter=matter,
        lead_unit=place.tree.agency_a,
        due_date=future_working_day(30),
        status=DirectiveStatus.ASSIGNED,
    )


def test_the_page_shows_the_directive_about_the_matter_and_its_progress_masked(place, client):
    from dialogue.followup import services as followup

    petition, code = submitted(client, place)
    group = answer(place, petition, "Sở sẽ sửa cầu tràn.", followup_until=timezone.localdate() + timedelta(days=60))
    directive = directive_about(place, group, "Sửa cầu tràn thôn Nà Đon theo kiến nghị của bà Nguyễn Thị Lan")
    followup.progress_post(
        actor=place.cast.agency_a,
        item=directive,
        text="Đã khảo sát cùng bà Nguyễn Thị Lan (0912 345 678); thi công trong tháng 12.",
    )
    html = _tracking_visitor(client, code).get(TRACKED).content.decode()
    directives = re.search(r'<ul class="directives">(.*?)</ul>', html, re.S).group(1)
    assert "Sửa cầu tràn thôn Nà Đon theo kiến nghị của bà N.T.L." in directives
    assert "Sở Nông nghiệp và Môi trường" in directives
    assert future_working_day(30).strftime("%d/%m/%Y") in directives
    directive.refresh_from_db()
    assert directive.get_status_display() == "Đang thực hiện" and "Đang thực hiện" in directives
    progress = re.search(r'<details class="progress".*?</details>', html, re.S).group(0)
    assert "thi công trong tháng 12" in progress and "bà N.T.L." in progress
    for leak in ("Nguyễn Thị Lan", "0912 345 678", "0912345678"):
        assert leak not in directives and leak not in progress
    assert "Đang giải quyết" in html
