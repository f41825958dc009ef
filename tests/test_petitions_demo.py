"""The demo petitions (`petitions_demo_load`): a few hundred petitions raised at the 23
conferences of the five seed plans, entered through the petitions services.

Like tests/test_plans_demo.py, the demo (3,300 communes, the plans, then the petitions)
is loaded once for the module inside a transaction rolled back at the end; each test runs
in its own savepoint on top of it.
"""

import calendar
import re
from collections import Counter
from datetime import date
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Max
from django.test import override_settings
from django.utils import timezone

from dialogue.core.models import AuditEntry
from dialogue.lib.phones import MOBILE_PREFIXES
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import Level, User
from dialogue.petitions.demo import BATCHES, batch_conference, petitions_demo_load
from dialogue.petitions.models import (
    Answer,
    AnswerMode,
    AnswerStatus,
    Channel,
    GroupStatus,
    Petition,
    PetitionGroup,
    PetitionStatus,
    Support,
)
from dialogue.plans.demo import plans_demo_load
from dialogue.plans.models import Conference
from dialogue.workcalendar.selectors import get_calendar

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])

# The district level was abolished on 1 July 2025 (Resolution 202/2025/QH15).
DISTRICTS_ABOLISHED = date(2025, 7, 1)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The organisation demo, the plans and the petitions, loaded once; returns the
    petitions' first counts."""
    with FAST_HASHING, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        plans_demo_load(actor=admin)
        counts = petitions_demo_load(actor=admin)
        yield counts
        transaction.set_rollback(True)


def seed_conference(issuer: str) -> Conference:
    return Conference.objects.get(plan__issuing_unit__name=issuer)


def last_day(conference: Conference) -> date:
    """The conference's date, or the last day of its planned period (“trung tuần tháng
    7/2024” ends on the 20th, “Quý IV/2024” and “Năm 2024” on 31 December)."""
    if conference.date:
        return conference.date
    period = conference.planned_period.lower()
    month = re.search(r"tháng (\d{1,2})/(\d{4})", period)
    if month:
        year, number = int(month.group(2)), int(month.group(1))
        end = 20 if "trung tuần" in period else calendar.monthrange(year, number)[1]
        return date(year, number, end)
    year = int(re.search(r"(\d{4})", period).group(1))
    return date(year, 12, 31)


# --- what the demo holds ---------------------------------------------------------------


def test_the_demo_holds_a_few_hundred_petitions_across_the_seed_conferences(loaded, db):
    per_conference = dict(Conference.objects.annotate(n=Count("petitions")).values_list("pk", "n"))

    assert 250 <= Petition.objects.count() <= 350
    assert loaded == {
        "petitions": Petition.objects.count(),
        "groups": PetitionGroup.objects.count(),
        "answers": Answer.objects.count(),
    }
    assert len(per_conference) == 23 and all(n > 0 for n in per_conference.values())
    by_plan = Counter(Petition.objects.values_list("conference__plan__issuing_unit__name", flat=True))
    assert set(by_plan) == {
        "Tỉnh ủy Thái Nguyên",
        "Thị ủy Đức Phổ",
        "Ủy ban nhân dân tỉnh Bắc Giang",
        "Đảng ủy xã Gia Phúc",
        "Đảng ủy xã Cao Minh",
    }
    assert min(by_plan.values()) >= 30
    assert len(set(Petition.objects.values_list("content", flat=True))) >= 250


def test_every_channel_appears(loaded, db):
    channels = Counter(Petition.objects.values_list("channel", flat=True))

    # Every channel staff record; Open311 petitions come only from connected applications.
    assert set(channels) == set(Channel.values) - {Channel.OPEN311}
    assert Petition.objects.filter(petitioner_kind="organisation").exclude(organisation="").count() >= 20
    # Some people type without diacritics.
    assert Petition.objects.filter(content__startswith="de nghi").count() >= 5


def test_some_groups_merge_several_petitioners_under_a_written_summary(loaded, db):
    merged = list(PetitionGroup.objects.annotate(n=Count("petitions")).filter(n__gte=2))

    assert len(merged) >= 40
    assert max(g.n for g in merged) >= 4
    for group in merged:
        contents = set(group.petitions.values_list("content", flat=True))
        assert group.summary not in contents
        assert len({p.name or p.organisation for p in group.petitions.all()}) >= 2


def test_some_matters_are_flagged_raised_before_with_times_raised_at_least_2(loaded, db):
    repeats = list(
        Petition.objects.filter(repeat_of__isnull=False).select_related("conference", "repeat_of__conference")
    )
    raised_again = PetitionGroup.objects.filter(times_raised__gte=2)

    assert len(repeats) >= 8
    for petition in repeats:
        earlier = petition.repeat_of
        assert earlier.conference_id != petition.conference_id
        assert earlier.received_on < petition.received_on
        assert earlier.conference.plan_id == petition.conference.plan_id
    assert raised_again.count() >= 8
    assert raised_again.filter(times_raised=3).count() >= 2
    assert all(g.previous_group_id and g.previous_group.conference_id != g.conference_id for g in raised_again)
    # Across the months of seed 002 and the quarters of seed 001.
    assert {g.conference.plan.issuing_unit.name for g in raised_again} == {
        "Thị ủy Đức Phổ",
        "Ủy ban nhân dân tỉnh Bắc Giang",
    }


def test_seed_000_s_forwarded_petitions_are_commune_level_and_assigned_to_a_commune_body(loaded, db):
    conference = seed_conference("Tỉnh ủy Thái Nguyên")
    forwarded = list(conference.petitions.filter(status=PetitionStatus.FORWARDED).select_related("group__lead_unit"))

    assert len(forwarded) >= 3
    for petition in forwarded:
        assert petition.level == "xa"
        assert petition.group.forwarded and petition.group.level == "xa"
        assert petition.group.lead_unit.level == Level.COMMUNE
        assert petition.competent_unit_id == petition.group.lead_unit_id
        assert petition.group.lead_unit.path.startswith(conference.host_unit.path)
        assert petition.ack_kind in ("", "forwarded")
    # Everything else it kept is of the province or the centre, as the plan requires.
    kept = conference.petitions.exclude(status=PetitionStatus.FORWARDED)
    assert set(kept.values_list("level", flat=True)) <= {"tinh", "trung_uong"}


def test_no_received_on_is_in_the_future_or_after_its_conference(loaded, db):
    today = timezone.localdate()

    for conference in Conference.objects.all():
        end = min(last_day(conference), today)
        assert not conference.petitions.filter(received_on__gt=end).exists(), conference.title
    assert all(b.day <= last_day(batch_conference(b)) for b in BATCHES)


def test_every_phone_is_blank_or_a_valid_normalised_mobile(loaded, db):
    phones = list(Petition.objects.values_list("phone", flat=True))

    assert all(p == "" or (len(p) == 10 and p.isdigit() and p[:2] in MOBILE_PREFIXES) for p in phones)
    assert 0.1 < phones.count("") / len(phones) < 0.5


# --- triage, answers, acknowledgments ------------------------------------------------


def test_most_petitions_are_triaged_with_levels_that_existed_at_the_time(loaded, db):
    untriaged = Petition.objects.filter(status=PetitionStatus.RECEIVED)

    assert 3 <= untriaged.count() <= 15
    assert Petition.objects.filter(field__isnull=False).count() >= 0.9 * Petition.objects.count()
    levels_before = set(
        Petition.objects.filter(received_on__lt=DISTRICTS_ABOLISHED).exclude(level="").values_list("level", flat=True)
    )
    levels_after = set(
        Petition.objects.filter(received_on__gte=DISTRICTS_ABOLISHED).exclude(level="").values_list("level", flat=True)
    )
    assert "huyen" in levels_before
    assert "huyen" not in levels_after and "xa" in levels_after


def test_past_conferences_are_mostly_answered_and_seed_003_is_a_mix(loaded, db):
    for issuer in ("Tỉnh ủy Thái Nguyên", "Thị ủy Đức Phổ", "Ủy ban nhân dân tỉnh Bắc Giang", "Đảng ủy xã Cao Minh"):
        groups = PetitionGroup.objects.filter(conference__plan__issuing_unit__name=issuer)
        assert groups.filter(status=GroupStatus.APPROVED).count() >= 0.7 * groups.count(), issuer
        assert all(g.lead_unit_id for g in groups)
    statuses = set(seed_conference("Đảng ủy xã Gia Phúc").petition_groups.values_list("status", flat=True))
    assert statuses == {
        GroupStatus.OPEN,
        GroupStatus.ASSIGNED,
        GroupStatus.SUBMITTED,
        GroupStatus.RETURNED,
        GroupStatus.APPROVED,
    }
    returned = Answer.objects.filter(status=AnswerStatus.RETURNED)
    assert returned.count() >= 4 and all(a.review_comment for a in returned)
    # Returned once, answered again and approved.
    assert PetitionGroup.objects.annotate(n=Count("answers")).filter(n=2, status=GroupStatus.APPROVED).count() >= 3


def test_some_answers_are_late_and_two_are_given_live(loaded, db):
    today = timezone.localdate()
    late = PetitionGroup.objects.filter(status=GroupStatus.ASSIGNED, due_date__lt=today)

    assert late.count() >= 3
    assert PetitionGroup.objects.filter(answer_mode=AnswerMode.LIVE).count() == 2
    assert PetitionGroup.objects.filter(answer_mode=AnswerMode.LIVE, status=GroupStatus.APPROVED).count() == 2


def test_answers_are_submitted_by_the_lead_agency_s_account_when_it_has_one(loaded, db):
    agency = User.objects.get(username="coquan.nnmt")
    building = User.objects.get(username="coquan.xaydung")

    by_agency = Answer.objects.filter(submitted_by=agency)
    assert by_agency.count() >= 5
    assert {a.group.lead_unit.name for a in by_agency} == {"Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên"}
    assert Answer.objects.filter(submitted_by=building).exists()
    # Seed 004's provincial matters (forest land, landslides) are answered by the province.
    cao_minh = seed_conference("Đảng ủy xã Cao Minh")
    assert by_agency.filter(group__conference=cao_minh).exists()
    assert Support.objects.count() >= 15
    assert Support.objects.exclude(contribution="").count() >= 3


def test_answers_are_dated_after_their_petitions_reviewed_after_them_and_never_in_the_future(loaded, db):
    now = timezone.now()
    answers = list(Answer.objects.select_related("group"))
    received = {
        g.pk: g.last
        for g in PetitionGroup.objects.annotate(last=Max("petitions__received_on")).filter(answers__isnull=False)
    }

    assert all(timezone.localtime(a.submitted_at).date() >= received[a.group_id] for a in answers)
    assert all(a.submitted_at <= now for a in answers)
    reviewed = [a for a in answers if a.reviewed_at]
    assert reviewed and all(a.submitted_at < a.reviewed_at <= now for a in reviewed)
    # Dated over the years of the seeds, not all on the day the demo was loaded.
    days = {timezone.localtime(a.submitted_at).date() for a in answers}
    assert len(days) >= 0.5 * len(answers) and min(days).year <= 2024
    for group in PetitionGroup.objects.filter(status=GroupStatus.APPROVED, answers__isnull=False).distinct():
        versions = list(group.answers.order_by("submitted_at"))
        assert group.approved_at == versions[-1].reviewed_at
        assert all(a.reviewed_at and a.reviewed_at < b.submitted_at for a, b in pairwise(versions))


def test_most_petitioners_are_told_within_10_working_days_and_a_few_are_overdue(loaded, db):
    cal = get_calendar()
    today = timezone.localdate()
    acknowledged = list(Petition.objects.filter(acknowledged_on__isnull=False))

    assert len(acknowledged) >= 0.85 * Petition.objects.count()
    assert all(p.received_on <= p.acknowledged_on <= cal.add(p.received_on, 10) for p in acknowledged)
    assert all(p.acknowledged_on <= p.ack_due for p in acknowledged)
    overdue = Petition.objects.filter(acknowledged_on__isnull=True, ack_due__lt=today)
    assert 5 <= overdue.count() <= 30


def test_every_change_is_audited_with_the_national_admin_or_the_agency_as_actor(loaded, db):
    admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)

    assert AuditEntry.objects.filter(action="petition.receive", actor=admin).count() == Petition.objects.count()
    assert (
        AuditEntry.objects.filter(action="group.create", actor=admin).count()
        == PetitionGroup.objects.filter(forwarded=False).count()
    )
    assert AuditEntry.objects.filter(action="answer.submit").count() == Answer.objects.count()


# --- idempotent -------------------------------------------------------------------------


def test_a_second_load_creates_nothing(loaded, db):
    admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
    before = (
        Petition.objects.count(),
        PetitionGroup.objects.count(),
        Answer.objects.count(),
        AuditEntry.objects.count(),
        list(PetitionGroup.objects.order_by("pk").values_list("status", "due_date", "times_raised")),
    )

    counts = petitions_demo_load(actor=admin)

    assert counts == {"petitions": 0, "groups": 0, "answers": 0}
    after = (
        Petition.objects.count(),
        PetitionGroup.objects.count(),
        Answer.objects.count(),
        AuditEntry.objects.count(),
        list(PetitionGroup.objects.order_by("pk").values_list("status", "due_date", "times_raised")),
    )
    assert after == before


def test_load_demo_reports_nothing_new_when_the_petitions_are_loaded_too(loaded, db, settings, capsys):
    settings.DEBUG = True
    from dialogue.conclusions.demo import conclusions_demo_load
    from dialogue.followup.demo import followup_demo_load
    from dialogue.proceedings.demo import proceedings_demo_load

    admin = User.objects.get(username="quantri")
    proceedings_demo_load(actor=admin)
    conclusions_demo_load(actor=admin)
    followup_demo_load(actor=admin)

    call_command("load_demo")

    assert "Dữ liệu mẫu đã có đủ, không tạo thêm gì (" in capsys.readouterr().out
