"""The reading side of the public portal (issue 7): no account, only public data.

The cast: a held conference of Xã Cao Minh with published results (`meeting` from the
conclusion fixtures), an upcoming announced one in Cao Minh, an upcoming announced one in
Xã Gia Phúc (another province), one not announced, and a past announced one whose notice
was issued but not published (its text must never show).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, time, timedelta
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone

from dialogue.conclusions import services as conclusion_services
from dialogue.organisation.factories import make_unit
from dialogue.petitions.models import GroupStatus, PetitionGroup
from dialogue.plans import services as plan_services
from dialogue.plans.models import Conference
from dialogue.portal import selectors
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting
past_working_day = test_conclusions_fixtures.past_working_day

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAGE_BUDGET = 200 * 1024


def announce(conference, days_before: int = 9):
    """Stand-in for the announcement (tested with plans): the conference appears publicly
    `days_before` days before it takes place."""
    day = conference.date - timedelta(days=days_before)
    moment = timezone.make_aware(datetime.combine(day, time(8)))
    Conference.objects.filter(pk=conference.pk).update(announced_at=moment)
    conference.refresh_from_db()
    return conference


def issue(meeting, conference):
    conclusion = conclusion_services.conclusion_draft(actor=meeting.officer, conference=conference)
    conclusion = conclusion_services.conclusion_approve(actor=meeting.chair, conclusion=conclusion)
    return conclusion_services.conclusion_issue(
        actor=meeting.chair, conclusion=conclusion, issued_on=timezone.localdate()
    )


def submit_url() -> str | None:
    """The citizen-side form, when it is installed (another part of the portal)."""
    try:
        return reverse("portal:submit")
    except NoReverseMatch:
        return None


@pytest.fixture
def portal(meeting):
    t = meeting.tree
    today = timezone.localdate()
    held = announce(meeting.conference, days_before=12)
    conclusion = issue(meeting, held)
    publication = conclusion_services.publication_publish(actor=meeting.officer, publication=conclusion.publication)

    soon = plan_services.conference_create(
        actor=meeting.officer,
        plan=meeting.plan,
        host_unit=t.commune,
        title="Đối thoại về chuyển đổi số với Nhân dân thôn Nà Đon",
        content="Nghe Nhân dân phản ánh về dịch vụ công trực tuyến và sóng điện thoại.",
        audience="Cử tri và Nhân dân thôn Nà Đon",
        venue="Nhà văn hóa thôn Nà Đon",
        date=today + timedelta(days=10),
        start_time=time(8, 0),
        end_time=time(11, 0),
        participation="Đăng ký phát biểu với Văn phòng Đảng ủy xã trước ngày hội nghị.",
        chairs=[{"name": "Hứa Ngọc Sỹ", "position": "Bí thư Đảng ủy xã Cao Minh"}],
    )
    announce(soon)
    hidden = plan_services.conference_create(
        actor=meeting.officer,
        plan=meeting.plan,
        host_unit=t.commune,
        title="Hội nghị chưa thông báo về quy hoạch khu dân cư",
        date=today + timedelta(days=20),
    )

    dang_uy_gp = make_unit("Đảng ủy xã Gia Phúc", "party_committee", t.other_commune)
    plan_gp = plan_services.plan_create(
        actor=meeting.cast.outsider,
        issuing_unit=dang_uy_gp,
        title="Tổ chức đối thoại năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Trần Văn Lâm",
        place="Gia Phúc",
    )
    far = plan_services.conference_create(
        actor=meeting.cast.outsider,
        plan=plan_gp,
        host_unit=t.other_commune,
        title="Đối thoại về nước sạch nông thôn",
        venue="Hội trường Ủy ban nhân dân xã Gia Phúc",
        date=today + timedelta(days=8),
        start_time=time(14, 0),
    )
    announce(far, days_before=7)

    quiet = plan_services.conference_create(
        actor=meeting.officer,
        plan=meeting.plan,
        host_unit=t.commune,
        title="Đối thoại về đất đai thôn Khuổi Khỉ",
        date=past_working_day(10),
    )
    announce(quiet)
    secret = PetitionGroup.objects.create(
        conference=quiet,
        receiving_unit=t.commune,
        summary="Đề nghị xem xét ranh giới thửa đất giáp suối.",
        lead_unit=meeting.ubnd_xa,
        status=GroupStatus.APPROVED,
        answer_text="NỘI DUNG TRẢ LỜI CHƯA CÔNG BỐ về ranh giới thửa đất",
    )
    quiet_conclusion = issue(meeting, quiet)
    assert quiet_conclusion.publication.status == "pending"
    return SimpleNamespace(
        meeting=meeting,
        tree=t,
        held=held,
        conclusion=conclusion,
        publication=publication,
        soon=soon,
        hidden=hidden,
        far=far,
        quiet=quiet,
        secret=secret,
    )


# ---------------------------------------------------------------- crawling


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").split()
            if "stylesheet" in rel:
                self.assets.append(attrs["href"])
            elif "alternate" in rel:
                self.links.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "form" and (attrs.get("method") or "get").lower() == "get" and attrs.get("action"):
            self.links.append(attrs["action"])


def links_and_assets(html: str) -> tuple[list[str], list[str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links, parser.assets


def is_portal(path: str) -> bool:
    try:
        return resolve(path).namespace == "portal"
    except Resolver404:
        return False


def crawl(client: Client, start: list[str], limit: int = 400) -> dict[str, object]:
    """Every portal page reachable from `start` by links (and GET forms, submitted empty),
    with its response: what a visitor or a search engine can reach without an account."""
    seen: dict[str, object] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        url = urldefrag(queue.pop(0))[0]
        parts = urlsplit(url)
        if parts.netloc and parts.netloc != "testserver":
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url in seen or not url.startswith("/") or not is_portal(parts.path):
            continue
        response = client.get(url)
        seen[url] = response
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            links, _assets = links_and_assets(response.content.decode())
            queue += [link.replace("&amp;", "&") for link in links]
    return seen


def static_size(url: str) -> int:
    path = finders.find(url.removeprefix("/static/").split("?")[0])
    assert path, f"{url} is not a static file"
    with open(path, "rb") as handle:
        return len(handle.read())


READ_PAGES = {"home", "areas", "area", "conferences", "conference", "results", "privacy"}


# ---------------------------------------------------------------- tests


def test_every_reading_page_answers_an_anonymous_visitor_with_a_public_cache_header_and_no_cookie(portal, client):
    t = portal.tree
    for url in [
        "/",
        "/dia-ban/",
        "/dia-ban/?q=cao+minh",
        f"/dia-ban/{t.commune.pk}/",
        f"/dia-ban/{t.province.pk}/",
        "/hoi-nghi/",
        f"/hoi-nghi/{portal.soon.pk}/",
        f"/hoi-nghi/{portal.held.pk}/",
        "/ket-qua/",
        "/du-lieu-ca-nhan/",
        "/hoi-nghi/feed.xml",
        "/ket-qua/feed.xml",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        cache = response["Cache-Control"]
        assert "public" in cache and "max-age=300" in cache, url
        assert "Cookie" in response["Vary"], url
        assert not response.cookies, f"{url} set {list(response.cookies)}"


def test_a_conference_that_was_not_announced_is_not_found_even_for_the_officer_who_created_it(portal, client, login):
    assert client.get(f"/hoi-nghi/{portal.hidden.pk}/").status_code == 404
    assert login(portal.meeting.officer).get(f"/hoi-nghi/{portal.hidden.pk}/").status_code == 404
    assert client.get("/hoi-nghi/999999/").status_code == 404
    listing = client.get("/hoi-nghi/").content.decode()
    assert "quy hoạch khu dân cư" not in listing
    assert "quy hoạch khu dân cư" not in client.get("/hoi-nghi/feed.xml").content.decode()


def test_an_area_that_is_not_a_province_or_commune_is_not_found(portal, client):
    t = portal.tree
    for unit in (t.agency_a, t.village, t.tinh_uy):
        assert client.get(f"/dia-ban/{unit.pk}/").status_code == 404
    assert client.get("/dia-ban/999999/").status_code == 404


def test_an_announced_conference_shows_topic_date_with_weekday_time_place_chairs_and_how_to_take_part(portal, client):
    soon = portal.soon
    response = client.get(f"/hoi-nghi/{soon.pk}/")
    page = response.content.decode()
    weekday = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][soon.date.weekday()]
    assert f"{weekday}, {soon.date:%d/%m/%Y}" in page
    assert "08:00–11:00" in page
    assert "Nhà văn hóa thôn Nà Đon" in page and "Cử tri và Nhân dân thôn Nà Đon" in page
    assert "Hứa Ngọc Sỹ, Bí thư Đảng ủy xã Cao Minh" in page
    assert "Đăng ký phát biểu với Văn phòng Đảng ủy xã" in page
    assert "Cách tham gia" in page and "Sắp diễn ra" in page
    assert f'href="/dia-ban/{portal.tree.commune.pk}/"' in page
    assert f"Thông báo ngày {soon.announced_at.astimezone(timezone.get_current_timezone()):%d/%m/%Y}" in page
    link = f'href="{submit_url()}?hoi-nghi={soon.pk}"'
    if submit_url():
        assert link in page and "Gửi kiến nghị cho hội nghị này" in page
    else:
        assert "Gửi kiến nghị cho hội nghị này" not in page


def test_a_past_conference_shows_its_published_notice_answers_and_directives_masked(portal, client):
    page = client.get(f"/hoi-nghi/{portal.held.pk}/").content.decode()
    assert 'id="ket-qua"' in page and "Cách tham gia" not in page
    assert portal.conclusion.number_label in page
    # the notice as published (masked when published): H.T.M. spoke, her name does not show
    assert "H.T.M." in page and "Hoàng Thị Mai" not in page
    # the approved answer of the group and the directive given for the open group
    assert "Sở đã cấp 5 tấn giống lúa cho xã trong tháng 7" in page
    assert "Đề nghị hỗ trợ giống lúa sau lũ cho các hộ thôn Nà Đon." in page
    assert "Đã giao" in page  # a directive's status in words
    assert "Nguyễn Văn Bình" not in page and "0912345678" not in page and "Trần Phú" not in page
    assert "Gửi kiến nghị cho hội nghị này" not in page


def test_an_issued_but_unpublished_notice_never_shows_anywhere(portal, client):
    page = client.get(f"/hoi-nghi/{portal.quiet.pk}/").content.decode()
    assert "chưa được công bố" in page
    for url in ["/", "/ket-qua/", f"/dia-ban/{portal.tree.commune.pk}/", "/ket-qua/feed.xml", "/hoi-nghi/feed.xml"]:
        body = client.get(url).content.decode()
        assert "NỘI DUNG TRẢ LỜI CHƯA CÔNG BỐ" not in body, url
        assert "ranh giới thửa đất" not in body, url
    assert "NỘI DUNG TRẢ LỜI CHƯA CÔNG BỐ" not in page
    assert portal.quiet.title not in client.get("/ket-qua/").content.decode()
    assert selectors.results_of(portal.quiet) is None


def test_a_search_without_diacritics_finds_gia_phuc_and_links_to_its_page(portal, client):
    page = client.get("/dia-ban/", {"q": "gia phuc"}).content.decode()
    assert f'href="/dia-ban/{portal.tree.other_commune.pk}/"' in page
    assert "Xã Gia Phúc" in page and "Thành phố Hải Phòng" in page
    assert "Tìm thấy 1 địa bàn" in page
    nothing = client.get("/dia-ban/", {"q": "khong co dau"}).content.decode()
    assert "Không có tỉnh, xã nào có tên này" in nothing


def test_area_search_puts_prefixes_before_substrings_and_provinces_before_communes(portal):
    t = portal.tree
    make_unit("Xã Thái Hòa", "commune", t.other_province, code="99001")
    make_unit("Phường Hòa Thái", "commune", t.other_province, code="99002")
    names = [u.name for u in selectors.search_areas("thai")]
    assert names == ["Tỉnh Thái Nguyên", "Xã Thái Hòa", "Phường Hòa Thái"]
    assert selectors.search_areas("THÁI hoà")[0].province_name == "Thành phố Hải Phòng"
    # the kind word is not searched: “phu” is not every “Phường”; “phuong hoa” keeps wards
    assert "Phường Hòa Thái" not in [u.name for u in selectors.search_areas("phu")]
    assert [u.name for u in selectors.search_areas("phuong hoa")] == ["Phường Hòa Thái"]
    assert [u.name for u in selectors.search_areas("xa gia phuc")] == ["Xã Gia Phúc"]
    assert selectors.search_areas("   ") == []
    assert len(selectors.search_areas("a", limit=2)) == 2


def test_an_area_page_lists_its_conferences_results_and_the_link_to_the_regular_reception(portal, client):
    t = portal.tree
    page = client.get(f"/dia-ban/{t.commune.pk}/").content.decode()
    assert portal.soon.title in page and portal.held.title in page
    assert portal.far.title not in page and portal.hidden.title not in page
    assert f'href="/dia-ban/{t.province.pk}/"' in page  # up to its province
    if submit_url():
        assert f'href="{submit_url()}?don-vi={t.commune.pk}"' in page
        assert "Gửi kiến nghị đến tiếp dân thường xuyên" in page
    else:
        assert "Gửi kiến nghị đến tiếp dân thường xuyên" not in page
    province = client.get(f"/dia-ban/{t.province.pk}/").content.decode()
    assert f'href="/dia-ban/{t.commune.pk}/"' in province and "1 xã, phường, đặc khu" in province
    assert portal.soon.title in province  # a commune's conference is the province's too


def test_conferences_filter_by_area_and_words_with_or_without_diacritics(portal, client):
    t = portal.tree
    by_area = client.get("/hoi-nghi/", {"dia-ban": t.other_province.pk}).content.decode()
    assert portal.far.title in by_area and portal.soon.title not in by_area
    by_commune = client.get("/hoi-nghi/", {"dia-ban": t.commune.pk}).content.decode()
    assert portal.soon.title in by_commune and portal.far.title not in by_commune
    assert "Xã Cao Minh — Tỉnh Thái Nguyên" in by_commune  # the commune stays chosen
    for words in ("nước sạch", "NUOC SACH nong thon", "gia phuc", "Hội trường"):
        found = client.get("/hoi-nghi/", {"q": words}).content.decode()
        assert portal.far.title in found and portal.soon.title not in found, words
    everything = client.get("/hoi-nghi/").content.decode()
    assert portal.held.title not in everything and portal.quiet.title not in everything  # past
    stale = client.get("/hoi-nghi/", {"dia-ban": "abc"})
    assert stale.status_code == 200 and "Không tìm thấy tỉnh, xã trong đường dẫn" in stale.content.decode()


def test_results_filter_by_area_and_year_and_page_through(portal, client):
    t = portal.tree
    year = portal.held.date.year
    assert portal.held.title in client.get("/ket-qua/", {"nam": year}).content.decode()
    assert portal.held.title not in client.get("/ket-qua/", {"dia-ban": t.other_province.pk}).content.decode()
    assert portal.held.title in client.get("/ket-qua/", {"dia-ban": t.province.pk}).content.decode()
    odd = client.get("/ket-qua/", {"nam": 1999}).content.decode()
    assert "Không có kết quả công bố trong năm ở đường dẫn" in odd and portal.held.title in odd
    # 25 more published results: two pages of 20
    for index in range(25):
        conference = Conference.objects.create(
            plan=portal.meeting.plan,
            host_unit=t.commune,
            title=f"Hội nghị đã công bố số {index:02d}",
            date=portal.held.date - timedelta(days=index + 1),
            status="held",
            announced_at=timezone.now() - timedelta(days=60),
        )
        published = issue(portal.meeting, conference)
        conclusion_services.publication_publish(actor=portal.meeting.officer, publication=published.publication)
    first = client.get("/ket-qua/").content.decode()
    assert "26 hội nghị đã công bố kết quả" in first and "Trang 1/2" in first.replace(" trên ", "/")
    second = client.get("/ket-qua/", {"page": 2}).content.decode()
    assert "Hội nghị đã công bố số 24" in second and "Hội nghị đã công bố số 24" not in first


def test_the_feeds_are_valid_atom_with_only_public_entries(portal, client):
    for url, present, absent in [
        ("/hoi-nghi/feed.xml", [portal.soon, portal.far], [portal.hidden, portal.held, portal.quiet]),
        ("/ket-qua/feed.xml", [portal.held], [portal.quiet, portal.soon]),
    ]:
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        root = ET.fromstring(response.content)  # noqa: S314 - our own server's answer
        assert root.tag == f"{ATOM}feed"
        for required in ("title", "id", "updated", "link", "author"):
            assert root.find(f"{ATOM}{required}") is not None, (url, required)
        assert root.find(f"{ATOM}author/{ATOM}name").text
        entries = root.findall(f"{ATOM}entry")
        assert entries, url
        for entry in entries:
            for required in ("title", "id", "updated", "link"):
                assert entry.find(f"{ATOM}{required}") is not None, (url, required)
            assert re.match(r"^https?://", entry.find(f"{ATOM}id").text)
        links = " ".join(e.find(f"{ATOM}link").get("href") for e in entries)
        for conf in present:
            assert f"/hoi-nghi/{conf.pk}/" in links, (url, conf.title)
        for conf in absent:
            assert f"/hoi-nghi/{conf.pk}/" not in links, (url, conf.title)
    text = client.get("/ket-qua/feed.xml").content.decode()
    assert "Hoàng Thị Mai" not in text and "Nguyễn Văn Bình" not in text


def test_the_home_page_offers_the_search_the_next_conferences_and_the_staff_sign_in(portal, client):
    page = client.get("/").content.decode()
    assert 'action="/dia-ban/"' in page and 'name="q"' in page
    assert portal.far.title in page and portal.soon.title in page
    assert page.index(portal.far.title) < page.index(portal.soon.title)  # soonest first
    assert portal.hidden.title not in page
    assert "Đăng nhập cán bộ" in page and 'href="/accounts/login/"' in page
    assert 'href="/ket-qua/"' in page and 'href="/du-lieu-ca-nhan/"' in page


def test_every_public_page_weighs_less_than_200_kb_with_its_stylesheets_and_scripts(portal, client):
    pages = crawl(client, ["/", "/hoi-nghi/feed.xml", "/ket-qua/feed.xml"])
    names = {resolve(urlsplit(u).path).url_name for u in pages}
    assert names >= READ_PAGES, READ_PAGES - names
    weights = {}
    for url, response in pages.items():
        assert response.status_code < 500, url
        if response.status_code != 200:
            continue
        html = response.content.decode()
        _links, assets = links_and_assets(html) if response["Content-Type"].startswith("text/html") else ([], [])
        weights[url] = len(response.content) + sum(static_size(a) for a in set(assets))
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] < PAGE_BUDGET, (heaviest, weights[heaviest])
    for url, response in pages.items():
        if resolve(urlsplit(url).path).url_name in READ_PAGES:
            assert response.status_code == 200, url
            assert "<script" not in response.content.decode(), url  # reading needs no script


def test_the_pages_do_not_query_once_per_conference(portal, client, django_assert_max_num_queries):
    t = portal.tree
    for index in range(15):
        conference = Conference.objects.create(
            plan=portal.meeting.plan,
            host_unit=t.commune,
            title=f"Đối thoại định kỳ số {index}",
            date=timezone.localdate() + timedelta(days=index + 1),
            status="scheduled",
            announced_at=timezone.now(),
        )
        conference.chairs.create(name="Hứa Ngọc Sỹ", position="Bí thư")
    for url, most in [
        ("/", 8),
        ("/hoi-nghi/", 8),
        (f"/dia-ban/{t.commune.pk}/", 10),
        (f"/dia-ban/{t.province.pk}/", 10),
        ("/ket-qua/", 10),
        (f"/hoi-nghi/{portal.held.pk}/", 16),
        (f"/hoi-nghi/{portal.soon.pk}/", 8),
        ("/hoi-nghi/feed.xml", 4),
        ("/ket-qua/feed.xml", 4),
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200, url


def test_a_signed_in_officer_sees_the_same_public_pages_and_nothing_more(portal, login):
    officer = login(portal.meeting.officer)
    page = officer.get(f"/hoi-nghi/{portal.quiet.pk}/").content.decode()
    assert "NỘI DUNG TRẢ LỜI CHƯA CÔNG BỐ" not in page
    assert portal.hidden.title not in officer.get("/hoi-nghi/").content.decode()
