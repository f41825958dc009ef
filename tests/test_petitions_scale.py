"""The petition list at national scale (issue 8): its length is counted when short and
estimated from a sample when long (PostgreSQL), the pages say which; the scope written for
the planner still lets an agency see the matters forwarded to it from elsewhere and no
others."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from dialogue.petitions import crossings, selectors, services
from dialogue.petitions.models import Channel, Petition, PetitionGroup, Support

LIST = reverse("petitions:petition_list")


def _petitions(cast, n: int, unit=None, actor=None) -> list[Petition]:
    return [
        services.petition_receive(
            actor=actor or cast.province_officer, receiving_unit=unit or cast.tree.tinh_uy,
            channel=Channel.PAPER_CITIZEN,
            content=f"Đề nghị sửa chữa tuyến đường liên thôn số {i}, mùa mưa đi lại rất khó khăn.",
            received_on=date(2026, 11, 1 + i % 20),
        )
        for i in range(n)
    ]  # fmt: skip


def test_a_short_list_shows_how_many_petitions_it_holds(cast, login):
    _petitions(cast, 3)
    response = login(cast.province_officer).get(LIST)
    page = response.context["page"]
    assert (page.count, page.estimated, page.has_next()) == (3, False, False)
    assert "3 kiến nghị" in response.content.decode()


def test_the_pages_of_a_list_are_fifty_rows_and_past_the_end_is_the_last_page(cast, login):
    _petitions(cast, 53)
    client = login(cast.province_officer)
    first = client.get(LIST).context["page"]
    assert (len(first.object_list), first.count, first.has_next(), first.num_pages) == (50, 53, True, 2)
    last = client.get(LIST, {"page": 99}).context["page"]
    assert (last.number, len(last.object_list), last.has_next()) == (2, 3, False)
    assert client.get(LIST, {"page": "abc"}).context["page"].number == 1
    text = client.get(LIST, {"page": 2}).content.decode()
    assert "Trang 2/2" in text and "53 kiến nghị" in text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the sample is PostgreSQL's TABLESAMPLE")
def test_a_long_list_shows_an_estimate_and_its_pages_no_total(cast, login, monkeypatch):
    _petitions(cast, 60)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE petitions_petition")
    # A sample of the whole table, and any list "long": the estimate is then the count.
    monkeypatch.setattr(selectors, "SAMPLE_FROM_PAGES", 0)
    monkeypatch.setattr(selectors, "SAMPLE_PAGES", 10**9)
    monkeypatch.setattr(selectors, "EXACT_COUNT_UP_TO", 10)
    response = login(cast.province_officer).get(LIST, {"q": "duong lien thon"})
    page = response.context["page"]
    assert (page.count, page.estimated, page.shown_count) == (60, True, 60)
    text = response.content.decode()
    assert "khoảng 60 kiến nghị (ước tính)" in text
    assert "Trang 1" in text and "Trang 1/" not in text


def test_an_estimate_is_shown_to_two_significant_digits():
    page = selectors.PetitionPage([], 1, 1_234_567, True, True)
    assert page.shown_count == 1_200_000
    assert selectors.PetitionPage([], 1, 1_234_567, False, True).shown_count == 1_234_567


def test_a_small_table_is_always_counted_exactly(cast):
    _petitions(cast, 5)
    assert selectors.petition_count(Petition.objects.all()) == (5, False)


def test_an_agency_sees_a_matter_forwarded_to_it_from_another_province_and_no_one_else_does(cast, login):
    """Group received in Hải Phòng (Q), led by agency A of Thái Nguyên (P)."""
    t = cast.tree
    mine = _petitions(cast, 2)  # received in P, not grouped: A does not see them
    (elsewhere,) = [
        services.petition_receive(
            actor=cast.outsider, receiving_unit=t.other_commune, channel=Channel.PAPER_CITIZEN,
            content="Xả thải của nhà máy ở Thái Nguyên chảy về xã Gia Phúc.", received_on=date(2026, 11, 5),
        )
    ]  # fmt: skip
    group = services.group_create(actor=cast.outsider, petitions=[elsewhere], summary="Nước thải từ Thái Nguyên")
    group.lead_unit = t.agency_a  # as a forwarding between provinces does (services.petition_forward)
    group.save()
    assert PetitionGroup.objects.get(pk=group.pk).crosses_roots
    seen = {
        who: {p.pk for p in selectors.petition_list_for_user(user=getattr(cast, who))}
        for who in ("agency_a", "agency_b", "province_officer", "outsider", "admin")
    }
    assert seen["agency_a"] == {elsewhere.pk}
    assert seen["agency_b"] == set()
    assert seen["province_officer"] == {elsewhere.pk, *(p.pk for p in mine)}  # its agency leads the group
    assert seen["outsider"] == {elsewhere.pk}
    assert seen["admin"] >= {elsewhere.pk, *(p.pk for p in mine)}
    assert login(cast.agency_a).get(reverse("petitions:petition_detail", args=[elsewhere.pk])).status_code == 200
    assert login(cast.agency_b).get(reverse("petitions:petition_detail", args=[elsewhere.pk])).status_code == 404
    assert login(cast.agency_b).get(LIST).context["page"].count == 0


def test_the_unacknowledged_count_covers_only_the_persons_units(cast):
    _petitions(cast, 2)
    _petitions(cast, 1, unit=cast.tree.other_commune, actor=cast.outsider)
    Petition.objects.update(ack_due=date(2026, 1, 1))
    assert selectors.ack_due_count(user=cast.province_officer) == 2
    assert selectors.ack_due_count(user=cast.outsider) == 1
    assert selectors.ack_due_count(user=cast.admin) == 3
    assert selectors.ack_due_count(user=cast.agency_b) == 0


def _group_in_other_province(cast, text: str) -> PetitionGroup:
    petition = services.petition_receive(
        actor=cast.outsider, receiving_unit=cast.tree.other_commune, channel=Channel.PAPER_CITIZEN,
        content=text, received_on=date(2026, 11, 5),
    )  # fmt: skip
    return services.group_create(actor=cast.outsider, petitions=[petition], summary=text)


def test_a_province_sees_a_matter_from_another_province_that_its_agency_supports(cast):
    t = cast.tree
    group = _group_in_other_province(cast, "Bụi than từ mỏ ở Thái Nguyên bay sang xã Gia Phúc.")
    Support.objects.create(group=group, unit=t.agency_b)
    assert Support.objects.get(group=group).crosses_roots
    petitions = set(group.petitions.values_list("pk", flat=True))
    assert {p.pk for p in selectors.petition_list_for_user(user=cast.province_officer)} >= petitions
    assert {p.pk for p in selectors.petition_list_for_user(user=cast.agency_b)} == petitions
    assert not {p.pk for p in selectors.petition_list_for_user(user=cast.agency_a)} & petitions


def test_a_group_led_within_its_own_province_does_not_cross(cast):
    t = cast.tree
    (petition,) = _petitions(cast, 1)
    group = services.group_create(actor=cast.province_officer, petitions=[petition], summary="Đường liên thôn")
    group.lead_unit = t.agency_a
    group.save(update_fields=["lead_unit"])
    Support.objects.create(group=group, unit=t.agency_b)
    group.refresh_from_db()
    assert not group.crosses_roots and not Support.objects.get(group=group).crosses_roots


def test_moving_a_unit_to_another_province_keeps_the_crossings_true(cast):
    """Hải Phòng's commune moves under Thái Nguyên: its group led by agency A no longer
    crosses; moved back, it does again, and the province officer's list follows."""
    from dialogue.organisation import services as organisation

    t = cast.tree
    group = _group_in_other_province(cast, "Nước thải từ Thái Nguyên chảy về xã Gia Phúc.")
    group.lead_unit = t.agency_a
    group.save()
    commune = t.other_commune

    def move(parent):
        organisation.unit_update(
            actor=cast.admin, unit=commune, kind=commune.kind, parent=parent, name=commune.name,
            short_name=commune.short_name, code=commune.code, note="",
        )  # fmt: skip
        group.refresh_from_db()
        commune.refresh_from_db()

    move(t.province)
    assert not group.crosses_roots
    move(t.other_province)
    assert group.crosses_roots
    assert set(group.petitions.values_list("pk", flat=True)) <= {
        p.pk for p in selectors.petition_list_for_user(user=cast.province_officer)
    }


def test_refresh_sets_the_flags_of_rows_written_in_bulk(cast):
    t = cast.tree
    group = _group_in_other_province(cast, "Khói từ lò gạch ở Thái Nguyên.")
    PetitionGroup.objects.filter(pk=group.pk).update(lead_unit=t.agency_a)  # as a bulk load writes it
    Support.objects.bulk_create([Support(group=group, unit=t.agency_b)])
    crossings.refresh()
    group.refresh_from_db()
    assert group.crosses_roots and Support.objects.get(group=group).crosses_roots
    assert crossings.root_of(t.agency_a.path) == str(t.province.pk)


def test_a_save_that_does_not_touch_the_units_keeps_the_flag_and_reads_no_unit(cast, django_assert_num_queries):
    group = _group_in_other_province(cast, "Tiếng ồn từ công trường ở Thái Nguyên.")
    group.lead_unit = cast.tree.agency_a
    group.save(update_fields=["lead_unit"])  # the flag is written with the unit it follows
    group = PetitionGroup.objects.get(pk=group.pk)
    assert group.crosses_roots
    group.summary = "Tiếng ồn từ công trường ban đêm"
    with django_assert_num_queries(1):
        group.save(update_fields=["summary"])
    assert PetitionGroup.objects.get(pk=group.pk).crosses_roots
