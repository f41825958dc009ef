"""Reads of API keys: a person's own, and an administrator's view of the keys of the
accounts they manage. Nobody else's."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from dialogue.api.models import ApiToken
from dialogue.organisation.models import User
from dialogue.organisation.roles import Capability

# The same people the person-management pages let an administrator manage (private
# there; see the report on making it public).
from dialogue.organisation.selectors import _people_in_scope_q, user_can


def managed_people(user) -> QuerySet[User]:
    """Accounts whose keys `user` administers besides their own (none for most people)."""
    if not user_can(user, Capability.PERSON_MANAGE):
        return User.objects.none()
    return User.objects.filter(_people_in_scope_q(user, Capability.PERSON_MANAGE)).exclude(pk=user.pk)


def token_list_for_user(*, user, others: bool = False) -> QuerySet[ApiToken]:
    """The person's own keys, or (`others`) those of the accounts they administer."""
    qs = ApiToken.objects.select_related("user", "created_by")
    if others:
        return qs.filter(user__in=managed_people(user).values("pk")).order_by("user__full_name", "-created_at", "-id")
    return qs.filter(user=user).order_by("-created_at", "-id")


def token_get_for_user(*, user, pk: int) -> ApiToken:
    token = (
        ApiToken.objects.select_related("user")
        .filter(Q(user=user) | Q(user__in=managed_people(user).values("pk")), pk=pk)
        .first()
    )
    if token is None:
        raise Http404
    return token
