"""The dossier page, the build button and the download, with the people allowed and the
people refused (agency officers, outsiders, anonymous visitors). Every build and download
is audited."""

import io
import zipfile

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from dialogue.core.models import AuditEntry
from dialogue.dossier import services
from dialogue.dossier.models import DossierExport, DossierStatus
from dialogue.plans.models import Task
from tests import test_dossier_fixtures

meeting = test_dossier_fixtures.meeting
archived = test_dossier_fixtures.archived

pytestmark = pytest.mark.django_db


def _urls(conference, export):
    return {
        "page": reverse("dossier:conference", args=[conference.pk]),
        "build": reverse("dossier:build", args=[conference.pk]),
        "download": reverse("dossier:download", args=[export.pk]),
    }


def _ready(m):
    export, _ = services.dossier_request(actor=m.officer, conference=m.conference)
    export.refresh_from_db()
    assert export.status == DossierStatus.READY
    return export


def test_the_secretariat_builds_and_downloads_the_dossier_and_both_are_audited(archived, login):
    client = login(archived.officer)
    page = client.get(reverse("dossier:conference", args=[archived.conference.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    # The page says the dossier holds personal data and is for the internal archive.
    assert 'id="personal-data"' in body and "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15" in body
    assert "Chưa lập hồ sơ nào cho hội nghị này." in body and 'id="dossier-build"' in body
    assert "05 Biên bản" in body and "07 Theo dõi thực hiện" in body

    response = client.post(reverse("dossier:build", args=[archived.conference.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "dossier:conference", args=[archived.conference.pk]
    )
    export = DossierExport.objects.get()
    assert export.status == DossierStatus.READY and export.requested_by == archived.officer
    page = client.get(reverse("dossier:conference", args=[archived.conference.pk])).content.decode()
    assert reverse("dossier:download", args=[export.pk]) in page and export.sha256 in page

    download = client.get(reverse("dossier:download", args=[export.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    day = archived.conference.date
    assert f'filename="ho-so-hoi-nghi-xa-cao-minh-{day:%d-%m-%Y}.zip"' in download["Content-Disposition"]
    data = b"".join(download.streaming_content)
    assert "MUC-LUC.txt" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert len(data) == export.size

    actions = list(
        AuditEntry.objects.filter(target_id=str(export.pk), action__startswith="dossier.").values_list(
            "action", "actor"
        )
    )
    assert sorted(actions) == sorted(
        [
            ("dossier.request", archived.officer.pk),
            ("dossier.build", archived.officer.pk),
            ("dossier.download", archived.officer.pk),
        ]
    )
    # The person is told when the dossier is ready.
    assert archived.officer.notifications.filter(message__contains="đã sẵn sàng để tải về").exists()


def test_the_province_synthesis_board_and_the_chair_may_build_it_too(archived, login):
    for person in (archived.cast.province_officer, archived.chair, archived.cast.admin):
        page = login(person).get(reverse("dossier:conference", args=[archived.conference.pk]))
        assert page.status_code == 200


@pytest.mark.parametrize("who", ["agency_a", "agency_b", "outsider"])
def test_people_who_do_not_see_the_plan_get_404_everywhere(archived, login, who):
    export = _ready(archived)
    client = login(getattr(archived.cast, who))
    urls = _urls(archived.conference, export)
    assert client.get(urls["page"]).status_code == 404
    assert client.post(urls["build"]).status_code == 404
    assert client.get(urls["download"]).status_code == 404
    assert DossierExport.objects.count() == 1
    assert not AuditEntry.objects.filter(action="dossier.download").exists()


def test_an_agency_officer_who_sees_the_plan_through_a_duty_is_refused_the_dossier(archived, login):
    Task.objects.create(
        plan=archived.plan,
        unit=archived.tree.agency_a,
        description="Chuẩn bị văn bản trả lời ý kiến cử tri",
    )
    export = _ready(archived)
    client = login(archived.cast.agency_a)
    # The plan is visible to agency A through its duty…
    assert client.get(reverse("plans:conference_detail", args=[archived.conference.pk])).status_code == 200
    # …but not the archive with the citizens' names.
    urls = _urls(archived.conference, export)
    assert client.get(urls["page"]).status_code == 403
    assert client.post(urls["build"]).status_code == 403
    assert client.get(urls["download"]).status_code == 403
    assert DossierExport.objects.count() == 1
    assert not AuditEntry.objects.filter(action="dossier.download").exists()
    with pytest.raises(Exception) as refused:
        services.dossier_request(actor=archived.cast.agency_a, conference=archived.conference)
    assert refused.type.__name__ == "PermissionDenied"


def test_anonymous_visitors_are_sent_to_sign_in(archived, client):
    export = _ready(archived)
    for method, url in [
        ("get", _urls(archived.conference, export)["page"]),
        ("post", _urls(archived.conference, export)["build"]),
        ("get", _urls(archived.conference, export)["download"]),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login" in response["Location"]
    assert DossierExport.objects.count() == 1


def test_a_double_submit_of_the_build_button_queues_one_build(archived, login, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = login(archived.officer)
    url = reverse("dossier:build", args=[archived.conference.pk])
    client.post(url)
    second = client.post(url, follow=True)
    assert DossierExport.objects.count() == 1
    assert "Hồ sơ của hội nghị này đang được lập" in second.content.decode()


def test_while_building_the_page_refreshes_itself_with_htmx_and_without_javascript(archived, login, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    services.dossier_request(actor=archived.officer, conference=archived.conference)
    client = login(archived.officer)
    url = reverse("dossier:conference", args=[archived.conference.pk])
    page = client.get(url).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert 'hx-trigger="every 2s"' in page and 'id="dossier-build"' not in page
    part = client.get(f"{url}?part=exports", HTTP_HX_REQUEST="true")
    assert part.status_code == 200 and part.content.decode().lstrip().startswith('<div id="dossier-exports"')
    # Built: the part stops polling and offers the download.
    export = DossierExport.objects.get()
    services.dossier_build(export_id=export.pk)
    part = client.get(f"{url}?part=exports", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in part and reverse("dossier:download", args=[export.pk]) in part
    assert "noscript" not in client.get(url).content.decode()


def test_a_failed_build_shows_its_reason_and_cannot_be_downloaded(archived, login, monkeypatch):
    from dialogue.dossier import builders

    def broken(z, s):
        raise ZeroDivisionError

    monkeypatch.setattr(builders, "PARTS", (*builders.PARTS[:-1], (builders.FOLLOW_UP, broken)))
    export, _ = services.dossier_request(actor=archived.officer, conference=archived.conference)
    export.refresh_from_db()
    assert export.status == DossierStatus.FAILED
    client = login(archived.officer)
    page = client.get(reverse("dossier:conference", args=[archived.conference.pk])).content.decode()
    assert "Không lập được hồ sơ (ở bước “07 Theo dõi thực hiện”)" in page
    response = client.get(reverse("dossier:download", args=[export.pk]), follow=True)
    assert "Hồ sơ này chưa sẵn sàng để tải về." in response.content.decode()
    assert not AuditEntry.objects.filter(action="dossier.download").exists()


def test_the_conference_page_link_is_shown_only_to_people_who_may_archive(archived):
    html = render_to_string(
        "dossier/_conference_links.html", {"user": archived.officer, "conference": archived.conference}
    )
    assert reverse("dossier:conference", args=[archived.conference.pk]) in html and "Hồ sơ lưu trữ" in html
    for person in (archived.cast.agency_a, archived.cast.outsider):
        html = render_to_string("dossier/_conference_links.html", {"user": person, "conference": archived.conference})
        assert html.strip() == ""
