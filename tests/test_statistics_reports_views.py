"""The periodic report page: who may produce which unit's report, the files, the audit log."""

import io
import uuid
import zipfile

import pytest
from django.urls import reverse

from dialogue.core.models import AuditEntry
from tests import test_statistics_reports_fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_urls")]
half_year = test_statistics_reports_fixtures.half_year
report_urls = test_statistics_reports_fixtures.report_urls

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def url():
    return reverse("statistics:reports")


def produce(client, unit, *, fmt="docx", key=None, period="h1", year=2025, month=None):
    data = {"unit": unit.pk, "period": period, "year": year, "format": fmt, "submission_key": str(key or uuid.uuid4())}
    if month:
        data["month"] = month
    return client.post(url(), data)


def productions():
    return AuditEntry.objects.filter(action="report.produce")


def test_the_page_offers_the_province_and_its_communes_to_the_province_officer(half_year, login):
    t = half_year.tree
    response = login(half_year.cast.province_officer).get(url())
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<option value="{t.province.pk}" selected>' in body
    assert "Xã Cao Minh" in body and "Xã Phú Đình" in body
    assert "Xã Gia Phúc" not in body


def test_the_preview_shows_the_period_its_deadline_and_the_main_figures(half_year, login):
    t = half_year.tree
    response = login(half_year.cast.province_officer).get(url(), {"unit": t.province.pk, "period": "h1", "year": 2025})
    assert response.status_code == 200
    body = response.content.decode()
    assert "15/12/2024" in body and "14/06/2025" in body
    assert "19/06/2025" in body  # 4 working days after Saturday 14/06/2025, for a province
    assert response.context["figures"].petitions == 6
    assert "Số    -BC/TU" in body


def test_the_province_officer_produces_the_report_in_one_click_and_it_is_audited(half_year, login):
    t = half_year.tree
    response = produce(login(half_year.cast.province_officer), t.province)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert "bao-cao-qd11-6-thang-2025-tinh-thai-nguyen.docx" in response["Content-Disposition"]
    entry = productions().get()
    assert entry.unit == t.province
    assert entry.actor == half_year.cast.province_officer
    assert entry.after["period"] == "h1" and entry.after["petitions"] == 6 and entry.after["late"] == 2


def test_a_double_click_records_one_production(half_year, login):
    client = login(half_year.cast.province_officer)
    key = uuid.uuid4()
    for _ in range(2):
        assert produce(client, half_year.tree.province, key=key).status_code == 200
    assert productions().count() == 1
    produce(client, half_year.tree.province)
    assert productions().count() == 2


def test_the_zip_holds_the_report_and_its_annex(half_year, login):
    response = produce(login(half_year.cast.province_officer), half_year.tree.province, fmt="zip")
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == [
        "bao-cao-qd11-6-thang-2025-tinh-thai-nguyen.docx",
        "phu-luc-bao-cao-qd11-6-thang-2025-tinh-thai-nguyen.xlsx",
    ]


def test_the_annex_alone_is_an_excel_file(half_year, login):
    response = produce(login(half_year.cast.province_officer), half_year.tree.province, fmt="xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.content[:2] == b"PK"


def test_the_commune_officer_produces_the_communes_report(half_year, login):
    response = produce(login(half_year.cast.commune_officer), half_year.tree.commune)
    assert response.status_code == 200
    assert productions().get().unit == half_year.tree.commune


def test_the_commune_officer_cannot_report_for_the_province(half_year, login):
    client = login(half_year.cast.commune_officer)
    assert produce(client, half_year.tree.province).status_code == 404
    assert client.get(url(), {"unit": half_year.tree.province.pk, "period": "h1", "year": 2025}).status_code == 404
    assert not productions().exists()


def test_an_outsider_cannot_report_another_province(half_year, login):
    client = login(half_year.cast.outsider)
    assert produce(client, half_year.tree.province).status_code == 404
    assert produce(client, half_year.tree.commune).status_code == 404
    assert client.get(url(), {"unit": half_year.tree.province.pk, "period": "h1", "year": 2025}).status_code == 404
    assert not productions().exists()


def test_an_outsider_sees_only_their_own_province(half_year, login):
    body = login(half_year.cast.outsider).get(url()).content.decode()
    assert "Thành phố Hải Phòng" in body
    assert "Thái Nguyên" not in body


def test_an_agency_officer_cannot_produce_reports(half_year, login):
    client = login(half_year.cast.agency_a)
    assert client.get(url()).status_code == 403
    assert produce(client, half_year.tree.province).status_code == 403
    assert not productions().exists()


def test_a_unit_that_is_not_a_province_or_commune_cannot_report(half_year, login):
    client = login(half_year.cast.province_officer)
    assert produce(client, half_year.tree.ban_dan_van).status_code == 404
    assert produce(client, half_year.tree.village).status_code == 404
    assert produce(client, half_year.tree.agency_a).status_code == 404
    assert not productions().exists()


def test_choosing_the_party_committee_reports_for_its_province(half_year, login):
    response = produce(login(half_year.cast.province_officer), half_year.tree.tinh_uy)
    assert response.status_code == 200
    assert productions().get().unit == half_year.tree.province


def test_an_outsider_cannot_report_through_another_provinces_party_committee(half_year, login):
    assert produce(login(half_year.cast.outsider), half_year.tree.tinh_uy).status_code == 404


def test_the_anonymous_visitor_is_sent_to_sign_in(half_year, client):
    response = client.get(url())
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]
    assert client.post(url(), {"unit": half_year.tree.province.pk}).status_code == 302
    assert not productions().exists()


def test_the_national_administrator_chooses_any_unit_with_the_picker(half_year, login):
    client = login(half_year.cast.admin)
    page = client.get(url())
    assert page.status_code == 200
    assert 'data-picker="unit"' in page.content.decode()
    assert produce(client, half_year.tree.other_commune).status_code == 200


def test_a_month_report_without_a_month_is_refused_with_a_message(half_year, login):
    response = produce(login(half_year.cast.province_officer), half_year.tree.province, period="month")
    assert response.status_code == 400
    assert "Chọn tháng của báo cáo." in response.content.decode()
    assert not productions().exists()


def test_a_period_that_has_not_started_is_refused(half_year, login):
    response = produce(login(half_year.cast.province_officer), half_year.tree.province, period="year", year=2100)
    assert response.status_code == 400
    assert not productions().exists()


def test_the_page_lists_the_reports_already_produced(half_year, login):
    client = login(half_year.cast.province_officer)
    produce(client, half_year.tree.province, fmt="xlsx")
    body = client.get(url(), {"unit": half_year.tree.province.pk, "period": "h1", "year": 2025}).content.decode()
    assert "15/12/2024 – 14/06/2025" in body
    assert "XLSX" in body
