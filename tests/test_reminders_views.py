"""The pages of reminders: the record of messages sent and chase letters (công văn đôn
đốc), for the synthesis board and the national administrator only."""

import io
import uuid
from datetime import date

import pytest
from django.core import mail
from docx import Document

from dialogue.core.models import AuditEntry
from dialogue.reminders import services
from dialogue.reminders.models import ChaseLetter, OutboundMessage
from dialogue.workcalendar.selectors import get_calendar
from tests import test_reminders_fixtures
from tests.test_reminders_fixtures import at

matters = test_reminders_fixtures.matters

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _post_letter(client, matters, **changes):
    data = {
        "submission_key": str(uuid.uuid4()),
        "sender_unit": matters.tree.tinh_uy.pk,
        "report_days": 5,
        "number": "",
        "symbol": "",
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "signer_name": "Phạm Hoàng Sơn",
        "recipients": "Như trên,\nThường trực Tỉnh ủy (để b/c),\nLưu Văn phòng Tỉnh ủy.",
        **changes,
    }
    return client.post(f"/reminders/chase/units/{matters.tree.agency_a.pk}/", data), data


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    # A long header line is broken to fit its cell: read it as one line.
    return "\n".join(line.replace("\n", " ") for line in lines)


# ---------------------------------------------------------------- the late list


def test_the_synthesis_board_sees_each_late_unit_with_what_it_must_still_do(matters, login):
    response = login(matters.cast.province_officer).get("/reminders/chase/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nội dung quá hạn và công văn đôn đốc" in page
    for text in [
        "Sở Nông nghiệp và Môi trường",
        "Rà soát, cấp giấy chứng nhận quyền sử dụng đất",
        "Đề nghị hỗ trợ giống lúa",
        "Sở Xây dựng",
        "Đề nghị sửa chữa cầu treo",
        "Ủy ban nhân dân tỉnh Thái Nguyên",
        "quá hạn 6 ngày làm việc",
        f"Thông báo kết luận Số 12-TB/TU ngày {matters.conclusion.issued_on:%d/%m/%Y} của Tỉnh ủy Thái Nguyên",
    ]:
        assert text in page, text
    assert "Khắc phục điểm sạt lở" not in page  # not late yet


def test_the_board_of_another_province_sees_nothing_of_this_one(matters, login):
    client = login(matters.cast.outsider)
    page = client.get("/reminders/chase/").content.decode()
    assert "Sở Nông nghiệp" not in page and "Không có nội dung nào quá hạn" in page
    assert client.get(f"/reminders/chase/units/{matters.tree.agency_a.pk}/").status_code == 404
    response, _data = _post_letter(client, matters)
    assert response.status_code == 404 and not ChaseLetter.objects.exists()


@pytest.mark.parametrize("who", ["agency_a", "agency_b", "commune_officer"])
def test_people_outside_the_synthesis_board_are_refused_every_page(matters, login, who):
    client = login(getattr(matters.cast, who))
    for url in ["/reminders/", "/reminders/chase/", f"/reminders/chase/units/{matters.tree.agency_a.pk}/"]:
        assert client.get(url).status_code == 403, url
    response, _data = _post_letter(client, matters)
    assert response.status_code == 403 and not ChaseLetter.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(matters, client):
    for url in ["/reminders/", "/reminders/chase/", f"/reminders/chase/units/{matters.tree.agency_a.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_unit_with_nothing_late_cannot_be_chased(matters, login):
    client = login(matters.cast.province_officer)
    assert client.get(f"/reminders/chase/units/{matters.tree.commune.pk}/").status_code == 404
    assert client.get("/reminders/chase/units/999999/").status_code == 404


# ---------------------------------------------------------------- the chase letter


def test_the_form_offers_the_boards_units_with_the_unit_that_issued_the_notice(matters, login):
    response = login(matters.cast.province_officer).get(f"/reminders/chase/units/{matters.tree.agency_a.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    choices = dict(form.fields["sender_unit"].choices)
    assert list(choices.values())[:2] == ["Ban Dân vận Tỉnh ủy", "Tỉnh ủy Thái Nguyên"]
    assert "Sở Nông nghiệp và Môi trường" in choices.values()  # a body of the province, not its own
    assert form.initial["symbol"] == "CV/BDVTU" and form.initial["report_days"] == 5
    assert form.initial["recipients"] == "Như trên,\nLưu Văn phòng."


def test_a_chase_letter_is_made_once_audited_and_printed_in_the_party_layout(matters, login):
    m = matters
    client = login(m.cast.province_officer)
    response, data = _post_letter(client, m)
    letter = ChaseLetter.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reminders/chase/letters/{letter.pk}/"
    again = client.post(f"/reminders/chase/units/{m.tree.agency_a.pk}/", data)
    assert again["Location"] == response["Location"] and ChaseLetter.objects.count() == 1

    assert (letter.sender_unit, letter.addressee, letter.symbol) == (m.tree.tinh_uy, m.tree.agency_a, "CV/TU")
    assert letter.report_by == get_calendar().add(letter.issued_on, 5)
    assert [(i["kind"], i["pk"]) for i in letter.items] == [("directive", m.directive_a.pk), ("answer", m.answer.pk)]
    entry = AuditEntry.objects.get(action="reminders.chase_letter")
    assert entry.actor == m.cast.province_officer and entry.unit == m.tree.tinh_uy
    assert entry.after["items"] == [f"directive:{m.directive_a.pk}", f"answer:{m.answer.pk}"]

    page = client.get(response["Location"]).content.decode()
    assert "Số     -CV/TU" in page and "Sở Nông nghiệp và Môi trường" in page

    download = client.get(f"/reminders/chase/letters/{letter.pk}/document.docx")
    assert download.status_code == 200 and "cong-van-don-doc" in download["Content-Disposition"]
    text = _docx_text(download.content)
    issued = m.conclusion.issued_on
    for line in [
        "TỈNH ỦY THÁI NGUYÊN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số     -CV/TU",
        "V/v đôn đốc giải quyết các nội dung quá hạn sau hội nghị đối thoại với Nhân dân",
        "Kính gửi: Sở Nông nghiệp và Môi trường",
        f"tính đến ngày {letter.issued_on:%d/%m/%Y}, Sở Nông nghiệp và Môi trường còn 02 nội dung đã quá thời hạn",
        "a) Các nhiệm vụ được giao tại thông báo kết luận chưa hoàn thành:",
        "1. Rà soát, cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tổ 5 phường Phan Đình Phùng.",
        f"- Nguồn: Thông báo kết luận Số 12-TB/TU ngày {issued:%d/%m/%Y} của Tỉnh ủy Thái Nguyên; "
        f"thời hạn: ngày {m.directive_a.due_date:%d/%m/%Y}, đã quá hạn 06 ngày làm việc.",
        "b) Các ý kiến, kiến nghị chưa được trả lời bằng văn bản:",
        "2. Đề nghị hỗ trợ giống lúa cho các hộ bị thiệt hại do lũ tại xã Cao Minh.",
        f"- Nguồn: ý kiến, kiến nghị tổng hợp tại hội nghị đối thoại của đồng chí Bí thư Tỉnh ủy với Nhân dân năm "
        f"2026 ngày {m.conference.date:%d/%m/%Y}; thời hạn: ngày {m.answer.due_date:%d/%m/%Y}, "
        "đã quá hạn 02 ngày làm việc.",
        f"về Tỉnh ủy Thái Nguyên trước ngày {letter.report_by:%d/%m/%Y}.",
        "Tỉnh ủy Thái Nguyên đề nghị Sở Nông nghiệp và Môi trường quan tâm, thực hiện./.",
        "- Thường trực Tỉnh ủy (để b/c),",
        "T/M BAN THƯỜNG VỤ",
        "Phạm Hoàng Sơn",
    ]:
        assert line in text, line
    assert "Khắc phục điểm sạt lở" not in text


def test_a_state_sender_prints_the_national_motto_and_its_own_symbol(matters, login):
    m = matters
    client = login(m.cast.province_officer)
    _response, _data = _post_letter(client, m, sender_unit=m.tree.ubnd.pk, number="27", signing_authority="")
    letter = ChaseLetter.objects.get()
    assert letter.symbol == "UBND" and letter.layout == "state"
    text = _docx_text(client.get(f"/reminders/chase/letters/{letter.pk}/document.docx").content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Số: 27/UBND" in text
    assert "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" in text


def test_bad_input_is_refused_with_a_vietnamese_message_and_nothing_is_made(matters, login):
    m = matters
    client = login(m.cast.province_officer)
    response, _data = _post_letter(client, m, report_days=0)
    assert response.status_code == 200 and not ChaseLetter.objects.exists()
    assert response.context["form"].errors["report_days"] == ["Nhập số ngày làm việc từ 1 đến 60."]
    response, _data = _post_letter(client, m, sender_unit=m.tree.other_province.pk)
    assert response.status_code == 200 and not ChaseLetter.objects.exists()
    _post_letter(client, m, number="8")
    response, _data = _post_letter(client, m, number="8")
    assert ChaseLetter.objects.count() == 1
    assert "Số 8 năm" in response.content.decode() and "đã được dùng cho một công văn đôn đốc khác" in (
        response.content.decode()
    )


def test_a_sender_outside_the_boards_units_is_refused_by_the_service(matters):
    m = matters
    with pytest.raises(services.ServiceError) as refused:
        services.chase_letter_create(
            actor=m.cast.province_officer, addressee=m.tree.agency_a, sender_unit=m.tree.other_commune, report_days=5
        )
    assert str(refused.value.message) == "Chọn đơn vị ban hành công văn thuộc phạm vi của đồng chí."


def test_a_letter_is_read_only_within_the_senders_units(matters, login):
    m = matters
    _post_letter(login(m.cast.province_officer), m)
    letter = ChaseLetter.objects.get()
    for url in [f"/reminders/chase/letters/{letter.pk}/", f"/reminders/chase/letters/{letter.pk}/document.docx"]:
        assert login(m.cast.admin).get(url).status_code == 200
        assert login(m.cast.outsider).get(url).status_code == 404
        assert login(m.cast.agency_a).get(url).status_code == 403
    assert login(m.cast.province_officer).get(f"/reminders/chase/letters/{letter.pk}/document.odt").status_code == 404


# ---------------------------------------------------------------- messages sent


def test_the_record_of_messages_is_read_by_the_board_of_the_unit_and_the_national_administrator(matters, login):
    m = matters
    day = date(2026, 11, 18)
    type(m.directive_a).objects.filter(pk=m.directive_a.pk).update(due_date=date(2026, 11, 17))
    services.reminders_scan(now=at(day, 10))
    assert len(mail.outbox) >= 1
    message = OutboundMessage.objects.filter(reminder__directive=m.directive_a, channel="email").get()

    page = login(m.cast.province_officer).get("/reminders/").content.decode()
    assert "Lê Văn An" in page and "an@example.vn" in page and "Quá hạn 1 ngày làm việc" in page
    detail = login(m.cast.province_officer).get(f"/reminders/messages/{message.pk}/")
    assert detail.status_code == 200 and "Rà soát, cấp giấy chứng nhận" in detail.content.decode()
    assert login(m.cast.admin).get(f"/reminders/messages/{message.pk}/").status_code == 200

    outsider = login(m.cast.outsider)
    assert "Lê Văn An" not in outsider.get("/reminders/").content.decode()
    assert outsider.get(f"/reminders/messages/{message.pk}/").status_code == 404
    assert login(m.cast.agency_a).get(f"/reminders/messages/{message.pk}/").status_code == 403

    filtered = login(m.cast.province_officer).get("/reminders/?channel=sms").content.decode()
    assert "an@example.vn" not in filtered
