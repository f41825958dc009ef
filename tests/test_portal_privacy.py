"""No personal data of a citizen on any public page or feed (Law 91/2025/QH15; Decree
356/2025/NĐ-CP). Two citizens with distinctive names, telephone numbers, addresses and
e-mail addresses appear everywhere the records allow — petition content, group summary,
the approved answer, a speaker's matter, the conclusion notice and a directive — and
their results are published. Then every page reachable from the home page (and the
feeds) is fetched and searched for their data in any spelling.
"""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from dialogue.conclusions import services as conclusion_services
from dialogue.conclusions.models import Conclusion
from dialogue.lib.masking import mask_text
from dialogue.lib.text import fold
from dialogue.petitions import public
from dialogue.petitions.models import GroupStatus, Petition, PetitionGroup
from dialogue.plans import services as plan_services
from dialogue.plans.models import Conference
from dialogue.proceedings.models import Outcome, SpeakerRequest, SpeakerStatus
from tests import test_portal_read
from tests.test_portal_read import announce, crawl

meeting = test_portal_read.meeting
portal = test_portal_read.portal

pytestmark = pytest.mark.django_db

MAI = {
    "name": "Nguyễn Thị Hoa Mai",
    "phone": "0912 345 678",
    "address": "số 12 đường Lê Lợi",
    "email": "hoamai.nguyen@example.vn",
}
THUONG = {
    "name": "Lò Văn Thưởng",
    "phone": "0387 111 222",
    "address": "số 7 ngõ 5 phố Huế",
    "email": "thuong.lo@example.vn",
}


def about(person: dict, *, plain: bool = False) -> str:
    """A sentence carrying all of a person's data; `plain` types it without diacritics."""
    text = f"Bà {person['name']} (SĐT {person['phone']}), {person['address']}, e-mail {person['email']}"
    return fold(text) if plain else text


@pytest.fixture
def exposed(portal):
    m = portal.meeting
    t = portal.tree
    today = timezone.localdate()
    held = plan_services.conference_create(
        actor=m.officer,
        plan=m.plan,
        host_unit=t.commune,
        title="Đối thoại về thoát nước khu dân cư thôn Nà Đon",
        venue="Hội trường Ủy ban nhân dân xã Cao Minh",
        date=today - timedelta(days=15),
        start_time=time(8),
        chairs=[{"name": "Hứa Ngọc Sỹ", "position": "Bí thư Đảng ủy xã Cao Minh"}],
    )
    announce(held)
    group = PetitionGroup.objects.create(
        conference=held,
        receiving_unit=t.commune,
        summary=f"{about(MAI)} đề nghị sửa cống thoát nước trước nhà; {about(MAI, plain=True)}.",
        lead_unit=m.ubnd_xa,
        status=GroupStatus.APPROVED,
        answer_text=(
            f"Trả lời {about(MAI)}: Ủy ban nhân dân xã sửa cống trước ngày 31/12. "
            f"Gửi {MAI['name'].upper()} qua {MAI['email'].upper()}; ông {about(THUONG, plain=True)}."
        ),
        approved_at=timezone.now(),
    )
    Petition.objects.create(
        conference=held,
        receiving_unit=t.commune,
        channel="paper_citizen",
        name=MAI["name"],
        phone=MAI["phone"].replace(" ", ""),
        address=f"{MAI['address']}, thôn Nà Đon",
        email=MAI["email"],
        content=f"{about(MAI)} đề nghị sửa cống thoát nước.",
        received_on=today - timedelta(days=30),
        ack_due=today - timedelta(days=20),
        group=group,
        tracking_code="DTQ4W8Z2N6MB",
    )
    SpeakerRequest.objects.create(
        conference=held,
        position=1,
        speaker_name=THUONG["name"],
        matter=f"{about(THUONG)} phản ánh nước tràn vào nhà",
        status=SpeakerStatus.DONE,
        outcome=Outcome.FOLLOW_UP,
        group=group,
    )
    conclusion = conclusion_services.conclusion_draft(actor=m.officer, conference=held)
    Conclusion.objects.filter(pk=conclusion.pk).update(
        settled=f"- {about(MAI)} và {about(THUONG, plain=True)} đề nghị sửa cống.",
        opening=conclusion.opening + f"\nÝ kiến của {THUONG['name']} ({THUONG['phone']}).",
    )
    conclusion.refresh_from_db()
    conclusion_services.directive_add(
        actor=m.officer,
        conclusion=conclusion,
        matter=f"Sửa cống theo đề nghị của {about(MAI)}",
        lead_unit=m.ubnd_xa,
        due_date=today + timedelta(days=30),
    )
    conclusion = conclusion_services.conclusion_approve(actor=m.chair, conclusion=conclusion)
    conclusion = conclusion_services.conclusion_issue(actor=m.chair, conclusion=conclusion, issued_on=today)
    conclusion_services.publication_publish(actor=m.officer, publication=conclusion.publication)

    # Thưởng also sends a petition online for the upcoming conference, with a tracking code.
    online = public.petition_submit_public(
        public.Submission(
            content=f"{about(THUONG)} đề nghị lắp đèn đường.",
            name=THUONG["name"],
            phone=THUONG["phone"],
            address=THUONG["address"],
            email=THUONG["email"],
            consent=True,
            conference=portal.soon,
        )
    )
    return held, online


def forms_of(person: dict) -> list[str]:
    """What must not be found, compared with a folded page: the name (and the given names
    without the family name), the street, the e-mail address and its local part."""
    name = fold(person["name"])
    street = fold(re.sub(r"^số \d+\s+", "", person["address"]))
    return [name, name.split(" ", 1)[1], street, fold(person["email"]), fold(person["email"].split("@")[0])]


def phone_pattern(phone: str) -> re.Pattern:
    """The number with any separators, with a leading 0 or +84 / 84."""
    digits = re.sub(r"\D", "", phone)[1:]
    body = r"[\s.\-()]{0,3}".join(digits)
    return re.compile(rf"(?:0|\+?84)[\s.\-()]{{0,3}}{body}(?!\d)")


def leaks(text: str, tracking_codes: list[str]) -> list[str]:
    found = []
    folded = fold(text)
    for person in (MAI, THUONG):
        found += [f"{person['name']}: {form!r}" for form in forms_of(person) if form in folded]
        if phone_pattern(person["phone"]).search(text):
            found.append(f"{person['name']}: phone")
    for code in tracking_codes:
        if code in text.upper() or public.display_tracking_code(code) in text.upper():
            found.append(f"tracking code {code}")
    return found


def test_the_staff_records_really_hold_the_personal_data_the_crawl_looks_for(exposed):
    held, online = exposed
    group = held.petition_groups.get()
    assert MAI["name"] in group.summary and MAI["phone"] in group.answer_text and MAI["email"] in group.answer_text
    assert online.tracking_code and online.name == THUONG["name"]
    assert leaks(group.answer_text, [online.tracking_code])  # the check finds them unmasked


def test_no_public_page_or_feed_shows_a_citizens_name_phone_address_email_or_tracking_code(exposed, client):
    held, online = exposed
    codes = [online.tracking_code, "DTQ4W8Z2N6MB"]
    # From the home page and the feeds, plus every conference by its address (linked or not).
    every_conference = [f"/hoi-nghi/{pk}/" for pk in Conference.objects.values_list("pk", flat=True)]
    pages = crawl(client, ["/", "/hoi-nghi/feed.xml", "/ket-qua/feed.xml", *every_conference])
    assert f"/hoi-nghi/{held.pk}/" in pages and f"/hoi-nghi/{online.conference_id}/" in pages
    results = pages[f"/hoi-nghi/{held.pk}/"].content.decode()
    assert "N.T.H.M." in results and "sửa cống" in results  # the results are there, masked
    assert len(pages) >= 15
    for url, response in pages.items():
        body = response.content.decode()
        assert not leaks(body, codes), (url, leaks(body, codes))


def test_the_masking_removes_email_addresses_and_addresses_typed_without_diacritics():
    text = (
        "Bà Nguyen Thi Hoa Mai, so 12 duong Le Loi, dt 0912345678, email: hoamai.nguyen@example.vn; "
        "ông Lò Văn Thưởng ở số 7 Trần Hưng Đạo, thuong.lo@example.vn."
    )
    masked = mask_text(text, names=[MAI["name"], THUONG["name"]])
    assert masked == "Bà N.T.H.M., ông L.V.T. ở."
    for unchanged in ("Có 12 hộ ở số 3 thôn Nghĩa Hy", "Quyết định số 12 Tháng 5", "Thông báo số 12 Hội nghị"):
        assert mask_text(unchanged) == unchanged
