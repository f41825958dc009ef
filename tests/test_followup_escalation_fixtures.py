"""A followed-up directive that may be recommended to the higher level, and petitioners to
ask whether they are satisfied; shared by the escalation and satisfaction tests (imported
by them; it holds no test of its own).

Built on the held commune conference of `test_conclusions_fixtures.meeting`: the issued
notice of Đảng ủy xã Cao Minh gives agency A (Sở Nông nghiệp và Môi trường, a provincial
body) the silted canal of the open group, whose petitioner Nguyễn Văn Bình left a mobile
number. Two more people:

- `board` — the commune's synthesis board (over Xã Cao Minh): reviews the commune's
  matters and may recommend them to the province;
- `office` — the office of the province's People's Committee (secretariat over UBND tỉnh):
  receives and answers what is recommended to UBND tỉnh.

The module is also the URL configuration of those tests: the project's, plus the
petitioner's page at /danh-gia/ if the project does not mount it yet.
"""

import io
import re
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import include, path
from django.utils import timezone

from config import urls as project_urls
from dialogue.conclusions import services as conclusion_services
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.reminders.sms import LocmemBackend
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

urlpatterns = list(project_urls.urlpatterns)
if not any(str(getattr(p, "pattern", "")) == "danh-gia/" for p in urlpatterns):
    urlpatterns.append(path("danh-gia/", include("dialogue.followup.public_urls")))

URLCONF = "tests.test_followup_escalation_fixtures"
LINK = re.compile(r"https?://\S+/danh-gia/([A-Za-z0-9_\-]+)/")


def pdf(name: str = "cong-van-tra-loi.pdf") -> SimpleUploadedFile:
    """A small real PDF."""
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    body += b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, io.BytesIO(body).getvalue(), content_type="application/pdf")


def sms_outbox() -> list:
    return LocmemBackend.outbox


def token_in(body: str) -> str:
    match = LINK.search(body)
    assert match, body
    return match.group(1)


@pytest.fixture
def world(meeting, settings):
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"
    settings.SITE_URL = "https://doithoai.example.vn"
    LocmemBackend.outbox.clear()
    t = meeting.tree
    board = make_person("tonghop", "Đinh Thị Hoa", organisation=meeting.dang_uy, roles=[(Role.SYNTHESIS, t.commune)])
    office = make_person("vpubnd", "Ngô Văn Tỉnh", organisation=t.ubnd, roles=[(Role.SECRETARIAT, t.ubnd)])
    draft = conclusion_services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    approved = conclusion_services.conclusion_approve(actor=meeting.chair, conclusion=draft)
    conclusion = conclusion_services.conclusion_issue(
        actor=meeting.chair, conclusion=approved, issued_on=timezone.localdate()
    )
    canal = conclusion.directives.get(group=meeting.open_group)
    yield SimpleNamespace(
        meeting=meeting,
        cast=meeting.cast,
        tree=t,
        board=board,
        office=office,
        conclusion=conclusion,
        canal=canal,
        group=meeting.open_group,
        petition=meeting.open_group.petitions.get(),
    )
    LocmemBackend.outbox.clear()
