"""The demo conclusion notice (`conclusions_demo_load`) for seed 003's conference of
11/06/2026, loaded after the plans and the petitions (with or without the conference day)."""

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from dialogue.conclusions.demo import CONFERENCE_DATE, conclusions_demo_load, demo_conference
from dialogue.conclusions.models import Conclusion, ConclusionStatus, DirectiveStatus, PublicationStatus
from dialogue.conclusions.selectors import directive_inbox_for_user
from dialogue.conclusions.services import personal_names, public_text
from dialogue.core.models import Notification
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.demo import petitions_demo_load
from dialogue.plans.demo import plans_demo_load
from dialogue.workcalendar.selectors import get_calendar

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with FAST_HASHING, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        plans_demo_load(actor=admin)
        petitions_demo_load(actor=admin)
        counts = conclusions_demo_load(actor=admin)
        yield admin, counts
        transaction.set_rollback(True)


def test_the_gia_phuc_conference_has_an_issued_notice_signed_as_in_the_seed(loaded, db):
    _admin, counts = loaded
    conclusion = Conclusion.objects.get(conference=demo_conference())
    assert counts == {"conclusions": 1, "directives": conclusion.directives.count()}
    assert conclusion.status == ConclusionStatus.ISSUED
    assert conclusion.number_label == "Số 1-TB/ĐU"
    assert conclusion.issuer_line == "ĐẢNG ỦY XÃ GIA PHÚC"
    assert (conclusion.signing_authority, conclusion.signer_title, conclusion.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Đỗ Văn Tiến",
    )
    assert conclusion.issued_by.username == "chutri.giaphuc"
    assert conclusion.created_by.username == "vanphong.giaphuc"
    calendar = get_calendar()
    assert CONFERENCE_DATE < conclusion.issued_on <= calendar.add(CONFERENCE_DATE, 7)
    assert conclusion.recipients.splitlines()[-1] == "- Lưu VPĐU."


def test_the_directives_go_to_real_demo_units_and_reach_their_people(loaded, db):
    conclusion = Conclusion.objects.get(conference=demo_conference())
    directives = list(conclusion.directives.select_related("lead_unit"))
    assert len(directives) >= 2
    assert all(d.status == DirectiveStatus.ASSIGNED and d.lead_unit and d.due_date for d in directives)
    leads = {d.lead_unit.name for d in directives}
    assert {"Ủy ban nhân dân xã Gia Phúc", "Công an xã Gia Phúc"} <= leads
    # The commune's secretariat works over those bodies: the directives are in its inbox.
    secretariat = User.objects.get(username="vanphong.giaphuc")
    inbox = {row.directive.pk for row in directive_inbox_for_user(user=secretariat, state="all")}
    assert {d.pk for d in directives} <= inbox
    # An agency of another province sees none of them.
    assert directive_inbox_for_user(user=User.objects.get(username="coquan.nnmt"), state="all") == []


def test_the_publication_is_tracked_and_its_text_masks_citizens(loaded, db):
    conclusion = Conclusion.objects.get(conference=demo_conference())
    publication = conclusion.publication
    assert publication.status == PublicationStatus.PUBLISHED
    assert (publication.due_date - CONFERENCE_DATE).days == 10
    assert timezone.localdate(publication.published_at) <= publication.due_date  # on time, as the law asks
    assert timezone.localdate(conclusion.issued_at) == conclusion.issued_on
    text = public_text(conclusion)
    assert publication.public_text == text
    assert "Đỗ Văn Tiến" in text  # the chair and signer, in office
    names = personal_names(conclusion)
    assert names  # the petitioners of the conference are known
    for name in names:
        assert name not in text


def test_loading_twice_changes_nothing(loaded, db):
    admin, _counts = loaded
    before = (Conclusion.objects.count(), Notification.objects.count())
    assert conclusions_demo_load(actor=admin) == {"conclusions": 0, "directives": 0}
    assert (Conclusion.objects.count(), Notification.objects.count()) == before
