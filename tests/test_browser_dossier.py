"""The conference dossier in a real Chromium: the secretariat opens the dossier page of a
held conference, builds the dossier, downloads the ZIP and finds the table of contents.

Screenshots land in var/screenshots/dossier-*.png."""

import io
import zipfile

import pytest

from dialogue.dossier.models import DossierExport, DossierStatus
from tests import test_browser, test_dossier_fixtures

meeting = test_dossier_fixtures.meeting
archived = test_dossier_fixtures.archived

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
shot = test_browser.shot
sign_in = test_browser.sign_in


def test_the_secretariat_builds_and_downloads_the_dossier(live_server, archived, browser):
    base = live_server.url
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    sign_in(page, live_server, archived.officer.username)
    page.wait_for_url(f"{base}/staff/")
    page.goto(f"{base}/dossier/conference/{archived.conference.pk}/")
    assert page.locator("#personal-data").is_visible()
    shot(page, "dossier-empty")
    page.locator("#dossier-build").click()
    page.wait_for_selector("a[href$='/download/']")
    export = DossierExport.objects.get()
    assert export.status == DossierStatus.READY
    shot(page, "dossier-ready")
    with page.expect_download() as info:
        page.locator(f"a[href='/dossier/{export.pk}/download/']").click()
    download = info.value
    assert download.suggested_filename.startswith("ho-so-hoi-nghi-xa-cao-minh-")
    with open(download.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert "MUC-LUC.txt" in archive.namelist()
    assert "05 Biên bản/Biên bản hội nghị.docx" in archive.namelist()
    context.close()
