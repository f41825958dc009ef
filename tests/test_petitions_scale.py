"""The petition list at national scale (issue 8): its length is counted when short and
estimated from a sample when long (PostgreSQL), the pages say which; the scope written for
the planner still lets an agency see the matters forwarded to it from elsewhere and no
others."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from dialogue.petitions import selectors, services
from dialogue.petitions.models import Channel, Petition, PetitionGroup

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
    PetitionGroup.objects.filter(pk=group.pk).update(lead_unit=t.agency_a)
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
