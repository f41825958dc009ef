"""Supervision lists (MTTQ, inspection commission, synthesis board) and the chair's
overview: who sees what, late in working days, the history of a matter, read only."""

import io
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.models import AuditEntry
from dialogue.followup import selectors_supervision as sv
from dialogue.followup.models import ProgressUpdate
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions.models import Field, FollowUpStatus, PetitionGroup
from dialogue.plans.models import ConferenceChair
from dialogue.workcalendar.selectors import add_working_days
from tests import test_followup_supervision_fixtures as fx

meeting = fx.meeting
followed = fx.followed

pytestmark = pytest.mark.django_db

LIST = reverse("followup:supervision")
EXPORT = reverse("followup:supervision_export")
CHAIR = reverse("followup:chair_overview")


def _pks(rows, kind="directive"):
    return {r.pk for r in rows if r.kind == kind}


def _open(user):
    return sv.supervision_rows(user=user, filters=sv.SupervisionFilters(state=sv.STATE_OPEN))


# ---------------------------------------------------------------- scope


def test_the_mttq_of_a_commune_sees_its_conferences_directives_even_when_a_provincial_agency_must_act(followed):
    f = followed
    seen = _pks(_open(f.mttq))
    # The commune's notice gives the canal to agency A and the landslide to agency B (Sở of the province).
    assert {f.canal.pk, f.landslide.pk} <= seen


def test_the_mttq_of_a_commune_sees_what_a_provincial_notice_gives_to_the_communes_bodies(followed):
    f = followed
    seen = _pks(_open(f.mttq))
    assert f.to_commune.pk in seen
    # …but not the province's own matters of its agencies, nor another province's.
    assert f.to_province_agency.pk not in seen
    assert f.elsewhere.pk not in seen


def test_the_supervisor_of_the_commune_sees_the_same_matters_as_its_mttq(followed):
    f = followed
    assert _pks(_open(f.supervisor)) == _pks(_open(f.mttq)) == {f.canal.pk, f.landslide.pk, f.to_commune.pk}
    assert _pks(_open(f.supervisor), "group") == {f.lighting.pk}


def test_the_province_synthesis_board_supervises_the_whole_province_and_nothing_else(followed):
    f = followed
    seen = _pks(_open(f.cast.province_officer))
    assert seen == {f.canal.pk, f.landslide.pk, f.to_commune.pk, f.to_province_agency.pk}


def test_an_outsider_sees_nothing_of_another_province(followed, login):
    f = followed
    assert _pks(_open(f.cast.outsider)) == {f.elsewhere.pk}
    client = login(f.cast.outsider)
    assert client.get(reverse("followup:supervision_directive", args=[f.canal.pk])).status_code == 404
    assert client.get(reverse("followup:supervision_group", args=[f.lighting.pk])).status_code == 404
    page = client.get(LIST, {"state": "open"}).content.decode()
    assert "kênh mương" not in page and "Phong Lâm" in page


def test_a_national_administrator_supervises_everything(followed):
    f = followed
    assert {f.canal.pk, f.to_province_agency.pk, f.elsewhere.pk} <= _pks(_open(f.cast.admin))


@pytest.mark.parametrize("who", ["agency_a", "agency_b", "commune_officer"])
def test_agency_officers_and_the_secretariat_are_refused_the_supervision_pages(followed, login, who):
    f = followed
    client = login(getattr(f.cast, who))
    for url in [
        LIST,
        EXPORT,
        reverse("followup:supervision_directive", args=[f.canal.pk]),
        reverse("followup:supervision_group", args=[f.lighting.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    assert sv.supervision_rows(user=getattr(f.cast, who)) == []


def test_anonymous_visitors_are_sent_to_sign_in(followed, client):
    for url in [LIST, EXPORT, CHAIR, reverse("followup:supervision_directive", args=[followed.canal.pk])]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


# ---------------------------------------------------------------- read only


@pytest.mark.parametrize("who", ["mttq", "supervisor", "chair"])
def test_every_supervision_page_refuses_a_post_and_changes_nothing(followed, login, who):
    f = followed
    fx.add_history(f)
    client = login(getattr(f, who))
    audit_before = AuditEntry.objects.count()
    updates_before = ProgressUpdate.objects.count()
    status_before = Directive.objects.get(pk=f.canal.pk).status
    for url in [
        LIST,
        EXPORT,
        CHAIR,
        reverse("followup:supervision_directive", args=[f.canal.pk]),
        reverse("followup:supervision_group", args=[f.lighting.pk]),
    ]:
        response = client.post(url, {"status": "closed", "text": "Đóng lại"})
        assert response.status_code == 405, url
    assert AuditEntry.objects.count() == audit_before
    assert ProgressUpdate.objects.count() == updates_before
    assert Directive.objects.get(pk=f.canal.pk).status == status_before


def test_the_supervision_pages_hold_no_form_that_changes_anything(followed, login):
    f = followed
    fx.add_history(f)
    client = login(f.mttq)
    for url in [
        LIST + "?state=open",
        reverse("followup:supervision_directive", args=[f.canal.pk]),
        reverse("followup:supervision_group", args=[f.lighting.pk]),
    ]:
        html = client.get(url).content.decode()
        # The only form that posts is the page header's sign-out.
        assert html.count('method="post"') == 1, url
        assert reverse("logout") in html


# ---------------------------------------------------------------- late in working days


def test_a_matter_due_on_friday_is_not_late_over_the_weekend_and_late_by_one_on_monday(followed):
    f = followed
    friday = date(2026, 11, 13)
    assert friday.weekday() == 4
    Directive.objects.filter(pk=f.canal.pk).update(due_date=friday)
    late = sv.SupervisionFilters(state=sv.STATE_LATE)

    def late_rows(today):
        return {r.pk: r.late_by for r in sv.supervision_rows(user=f.mttq, filters=late, today=today)}

    assert f.canal.pk not in late_rows(friday)
    assert f.canal.pk not in late_rows(friday + timedelta(days=1))  # Saturday
    assert f.canal.pk not in late_rows(friday + timedelta(days=2))  # Sunday
    assert late_rows(friday + timedelta(days=3))[f.canal.pk] == 1  # Monday
    assert late_rows(friday + timedelta(days=4))[f.canal.pk] == 2  # Tuesday
    # Still listed as unresolved over the weekend, with no working day late.
    weekend = sv.supervision_rows(
        user=f.mttq, filters=sv.SupervisionFilters(state=sv.STATE_OPEN), today=date(2026, 11, 15)
    )
    assert {r.pk: r.late_by for r in weekend}[f.canal.pk] == 0


def test_lateness_skips_the_public_holidays(followed):
    f = followed
    # 30/4 and 1/5/2026 fall on Thursday and Friday: due Wednesday 29/4, the next working
    # day is Monday 4/5.
    Directive.objects.filter(pk=f.canal.pk).update(due_date=date(2026, 4, 29))
    rows = sv.supervision_rows(user=f.mttq, filters=sv.SupervisionFilters(), today=date(2026, 5, 4))
    assert {r.pk: r.late_by for r in rows}[f.canal.pk] == 1
    rows = sv.supervision_rows(user=f.mttq, filters=sv.SupervisionFilters(), today=date(2026, 5, 1))
    assert f.canal.pk not in {r.pk for r in rows}


def test_the_list_shows_late_matters_by_default_and_every_unresolved_one_on_request(followed, login):
    f = followed
    client = login(f.mttq)
    late_page = client.get(LIST).content.decode()
    assert "nạo vét kênh mương" in late_page  # late
    assert "sạt lở" not in late_page  # not yet due
    assert "đèn chiếu sáng đường vào trường" in late_page  # the directly followed group, late
    open_page = client.get(LIST, {"state": "open"}).content.decode()
    assert "sạt lở" in open_page


def test_finished_matters_leave_the_lists(followed):
    f = followed
    for status in (DirectiveStatus.RESOLVED, DirectiveStatus.CLOSED, DirectiveStatus.CANNOT_RESOLVE):
        Directive.objects.filter(pk=f.canal.pk).update(status=status)
        assert f.canal.pk not in _pks(_open(f.mttq))
    for status in (DirectiveStatus.REPORTED, DirectiveStatus.FORWARDED_UP, DirectiveStatus.PARTLY_RESOLVED):
        Directive.objects.filter(pk=f.canal.pk).update(status=status)
        assert f.canal.pk in _pks(_open(f.mttq))
    PetitionGroup.objects.filter(pk=f.lighting.pk).update(followup_status=FollowUpStatus.CLOSED)
    assert not _pks(_open(f.mttq), "group")


def test_a_group_followed_through_directives_is_listed_once_as_its_directive(followed):
    f = followed
    PetitionGroup.objects.filter(pk=f.meeting.open_group.pk).update(followup_status=FollowUpStatus.ASSIGNED)
    rows = _open(f.mttq)
    assert f.meeting.open_group.pk not in _pks(rows, "group")
    assert f.canal.pk in _pks(rows)


def test_the_most_late_come_first(followed):
    f = followed
    today = timezone.localdate()
    Directive.objects.filter(pk=f.canal.pk).update(due_date=today - timedelta(days=10))
    Directive.objects.filter(pk=f.to_commune.pk).update(due_date=today - timedelta(days=60))
    rows = [r for r in sv.supervision_rows(user=f.mttq) if r.kind == "directive"]
    assert [r.pk for r in rows] == [f.to_commune.pk, f.canal.pk]
    assert rows[0].late_by > rows[1].late_by > 0


def test_the_stale_order_puts_the_matter_without_news_for_longest_first(followed):
    f = followed
    Directive.objects.filter(pk=f.to_commune.pk).update(last_update_at=timezone.now())
    Directive.objects.filter(pk=f.canal.pk).update(last_update_at=timezone.now() - timedelta(days=30))
    rows = sv.supervision_rows(user=f.mttq, filters=sv.SupervisionFilters(kind="directive", sort=sv.SORT_STALE))
    assert [r.pk for r in rows] == [f.canal.pk, f.to_commune.pk]


# ---------------------------------------------------------------- filters, pages, export


def test_the_search_ignores_accents_and_the_filters_narrow_the_list(followed, login):
    f = followed
    land = Field.objects.get_or_create(code="thuy-loi", defaults={"name": "Thủy lợi"})[0]
    PetitionGroup.objects.filter(pk=f.meeting.open_group.pk).update(field=land)

    def rows(**filters):
        return sv.supervision_rows(user=f.mttq, filters=sv.SupervisionFilters(state=sv.STATE_OPEN, **filters))

    assert _pks(rows(query="nao vet kenh MUONG")) == {f.canal.pk}
    assert _pks(rows(query="Nạo vét")) == {f.canal.pk}
    assert _pks(rows(query="hop tac xa")) == {f.to_commune.pk}
    assert _pks(rows(unit=f.tree.agency_b.pk)) == {f.landslide.pk}
    assert _pks(rows(conference=f.provincial.conference_id)) == {f.to_commune.pk}
    assert _pks(rows(field="thuy-loi")) == {f.canal.pk}
    assert _pks(rows(kind="group"), "group") == {f.lighting.pk} and not _pks(rows(kind="group"))
    assert not _pks(rows(kind="directive"), "group")
    Directive.objects.filter(pk=f.landslide.pk).update(status=DirectiveStatus.IN_PROGRESS)
    assert _pks(rows(status="in_progress")) == {f.landslide.pk}
    # Through the page, with the same words.
    page = login(f.mttq).get(LIST, {"state": "open", "q": "sat lo"}).content.decode()
    assert "sạt lở" in page and "nạo vét kênh" not in page


def test_a_wrong_filter_value_is_explained_and_the_page_still_answers(followed, login):
    f = followed
    response = login(f.mttq).get(LIST, {"unit": f.tree.agency_a.pk + 999, "state": "open"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "form-errors" in html and "nạo vét kênh mương" in html


def test_the_list_is_paginated(followed, login):
    f = followed
    for i in range(60):
        Directive.objects.create(
            conclusion=f.provincial,
            order=10 + i,
            matter=f"Nhiệm vụ thử số {i}",
            lead_unit=f.meeting.ubnd_xa,
            due_date=fx.due(fx.LATE),
            status=DirectiveStatus.ASSIGNED,
        )
    client = login(f.mttq)
    first = client.get(LIST)
    assert len(first.context["page"].object_list) == 50 and first.context["total"] == 63
    second = client.get(LIST, {"page": 2})
    assert len(second.context["page"].object_list) == 13


def test_the_export_has_the_rows_of_the_filtered_list(followed, login):
    f = followed
    response = login(f.mttq).get(EXPORT, {"state": "open", "kind": "directive"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "QUÁ HẠN" in sheet["A1"].value
    assert "Xã Cao Minh" in sheet["A2"].value
    headers = [c.value for c in sheet[5]]
    assert headers[:3] == ["STT", "Loại", "Nội dung"]
    matters = {row[2] for row in sheet.iter_rows(min_row=6, values_only=True) if row[0]}
    assert matters == {f.canal.matter, f.landslide.matter, f.to_commune.matter}
    canal_row = next(row for row in sheet.iter_rows(min_row=6, values_only=True) if row[2] == f.canal.matter)
    assert canal_row[6] == f.tree.agency_a.name and canal_row[10] > 0
    assert canal_row[3] == f.notice.number_label


# ---------------------------------------------------------------- history


def test_the_history_shows_updates_evidence_escalations_answers_and_audit(followed, login):
    f = followed
    fx.add_history(f)
    response = login(f.supervisor).get(reverse("followup:supervision_directive", args=[f.canal.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # The directive, its notice and its units.
    assert f.notice.number_label in html and f.tree.agency_a.name in html and f.tree.agency_b.name in html
    # The timeline, with the names of the evidence files.
    assert "Đã khảo sát 2,3 km kênh mương nội đồng" in html
    assert "Bien ban khao sat kenh muong.pdf" in html and "Anh sau nao vet.pdf" in html
    assert html.index("Đã khảo sát 2,3 km") < html.index("Đã nạo vét xong 1,8 km")
    # The recommendation to the province, and what the petitioners said (initials only).
    assert "bố trí kinh phí giải phóng mặt bằng" in html and f.tree.ubnd.name in html
    assert "Đoạn kênh gần nhà tôi vẫn chưa được nạo vét." in html
    assert "N.V.B." in html and "Nguyễn Văn Bình" not in html
    history = sv.directive_history(f.canal)
    assert history.satisfaction_summary == {"asked": 2, "answered": 1, "satisfied": 0, "partly": 1, "dissatisfied": 0}
    # The audit trail of the directive: assigned on issue, then the follow-up.
    actions = [row.entry.action for row in history.audit]
    assert actions[0] == "directive.assign" and actions.count("followup.progress") == 1
    assert "Giao nhiệm vụ cho cơ quan" in html and "Trạng thái: Đề xuất trong dự thảo → Đã giao" in html


def test_a_directly_followed_group_shows_its_own_history(followed, login):
    f = followed
    ProgressUpdate.objects.create(
        group=f.lighting,
        kind="progress",
        text="Đã lắp 12 cột đèn.",
        status_before="assigned",
        status_after="in_progress",
    )
    html = login(f.mttq).get(reverse("followup:supervision_group", args=[f.lighting.pk])).content.decode()
    assert "Đã lắp 12 cột đèn." in html and f.meeting.ubnd_xa.name in html


def test_a_group_followed_through_directives_shows_their_timeline(followed, login):
    f = followed
    fx.add_history(f)
    PetitionGroup.objects.filter(pk=f.meeting.open_group.pk).update(followup_status=FollowUpStatus.REPORTED)
    response = login(f.mttq).get(reverse("followup:supervision_group", args=[f.meeting.open_group.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã nạo vét xong 1,8 km" in html
    assert reverse("followup:supervision_directive", args=[f.canal.pk]) in html


def test_the_mttq_reads_a_provincial_directive_of_its_commune_but_not_the_provinces_others(followed, login):
    f = followed
    client = login(f.mttq)
    assert client.get(reverse("followup:supervision_directive", args=[f.to_commune.pk])).status_code == 200
    assert client.get(reverse("followup:supervision_directive", args=[f.to_province_agency.pk])).status_code == 404
    assert client.get(reverse("followup:supervision_directive", args=[f.elsewhere.pk])).status_code == 404


# ---------------------------------------------------------------- the chair


def test_the_chair_overview_gives_the_figures_of_each_conference(followed, login):
    f = followed
    fx.add_history(f)
    fx.add_conference_day(f)
    overview = sv.chair_overview(user=f.chair, year=f.meeting.conference.date.year)
    assert not overview.named  # nobody linked the chair's account to the conference
    facts = {c.conference.pk: c for c in overview.conferences}
    c = facts[f.meeting.conference.pk]
    assert (c.invited, c.checked_in) == (4, 2)
    assert (c.petitions, c.petitions_grouped) == (5, 4)
    # Groups: the approved one, the live one, the canal (open) and the lighting (approved).
    assert (c.groups, c.groups_answered) == (4, 3)
    assert c.interventions == 3
    assert c.notice.conclusion == f.notice and c.notice.on_time is True and c.notice.late_by == 0
    assert c.directives == 2 and c.directives_done == 0
    assert {s: n for s, _label, n in c.directive_states} == {"assigned": 1, "reported": 1}
    assert [d.pk for d, _late in c.late_directives] == [f.canal.pk]
    assert c.publication is not None and c.publication.status == "pending"
    assert c.publication_late_days == max((timezone.localdate() - c.publication.due_date).days, 0)
    assert c.satisfaction == {"asked": 2, "answered": 1, "satisfied": 0, "partly": 1, "dissatisfied": 0}
    # The provincial conference is not the commune chair's.
    assert f.provincial.conference_id not in facts
    assert overview.totals["directives_late"] == 1 and overview.totals["notices_on_time"] == 1


def test_a_notice_issued_after_seven_working_days_shows_late(followed):
    f = followed
    held = f.meeting.conference.date
    type(f.notice).objects.filter(pk=f.notice.pk).update(issued_on=add_working_days(held, 9))
    overview = sv.chair_overview(user=f.chair, year=held.year)
    notice = next(c.notice for c in overview.conferences if c.conference.pk == f.meeting.conference.pk)
    assert notice.on_time is False and notice.late_by == 2


def test_the_chair_overview_page_prints_the_figures(followed, login):
    f = followed
    fx.add_conference_day(f)
    response = login(f.chair).get(CHAIR, {"year": f.meeting.conference.date.year})
    assert response.status_code == 200
    html = response.content.decode()
    assert f.meeting.conference.title[:40] in html
    assert f.notice.number_label in html and "đúng hạn" in html
    # The print rules live in the page's static stylesheet (no inline <style>: docs/accounts.md).
    assert "css/supervision.css" in html
    assert "@media print" in (settings.BASE_DIR / "static" / "css" / "supervision.css").read_text(encoding="utf-8")
    assert f.canal.matter[:40] in html  # the late directive is named


def test_a_chair_named_on_conferences_sees_only_those(followed):
    f = followed
    other = fx.bare_conference(
        issuing_unit=f.meeting.dang_uy,
        host_unit=f.tree.commune,
        title="Hội nghị đối thoại với thanh niên",
        on=f.meeting.conference.date,
    )
    year = f.meeting.conference.date.year
    assert {c.conference.pk for c in sv.chair_overview(user=f.chair, year=year).conferences} == {
        f.meeting.conference.pk,
        other.pk,
    }
    ConferenceChair.objects.create(conference=other, name=f.chair.full_name, person=f.chair)
    overview = sv.chair_overview(user=f.chair, year=year)
    assert overview.named and [c.conference.pk for c in overview.conferences] == [other.pk]


@pytest.mark.parametrize("who", ["mttq", "supervisor"])
def test_people_without_the_chair_role_are_refused_the_overview(followed, login, who):
    assert login(getattr(followed, who)).get(CHAIR).status_code == 403


@pytest.mark.parametrize("who", ["agency_a", "province_officer", "commune_officer", "outsider"])
def test_the_fixed_cast_without_the_chair_role_is_refused_the_overview(followed, login, who):
    assert login(getattr(followed.cast, who)).get(CHAIR).status_code == 403


def test_a_chair_of_another_commune_sees_none_of_cao_minh(followed, login):
    f = followed
    stranger = make_person("chu2", "Lò Văn Pín", roles=[(Role.CHAIR, f.tree.other_commune)])
    overview = sv.chair_overview(user=stranger, year=f.meeting.conference.date.year)
    assert f.meeting.conference.pk not in {c.conference.pk for c in overview.conferences}
    html = login(stranger).get(CHAIR).content.decode()
    assert f.meeting.conference.title[:40] not in html


def test_a_year_not_in_the_list_is_explained(followed, login):
    response = login(followed.chair).get(CHAIR, {"year": "1990"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    assert "Vui lòng chọn một năm trong danh sách." in response.content.decode()
