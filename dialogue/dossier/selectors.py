"""Reads of conference dossiers, scoped to what the person may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from dialogue.dossier.models import ACTIVE_STATUSES, DossierExport
from dialogue.plans.models import Conference, Plan
from dialogue.plans.selectors import plan_scope_q


def export_list(conference: Conference, *, limit: int = 20) -> QuerySet[DossierExport]:
    return conference.dossier_exports.select_related("requested_by").order_by("-created_at", "-id")[:limit]


def active_export(conference: Conference) -> DossierExport | None:
    return conference.dossier_exports.filter(status__in=ACTIVE_STATUSES).first()


def export_get_for_user(*, user, pk: int) -> DossierExport:
    """An export of a conference whose plan the person sees; 404 for anything else."""
    visible = Plan.objects.filter(plan_scope_q(user)).values("pk")
    export = (
        DossierExport.objects.filter(pk=pk, conference__plan__in=visible)
        .select_related("conference", "conference__plan", "conference__plan__issuing_unit", "conference__host_unit")
        .first()
    )
    if export is None:
        raise Http404
    return export


@dataclass
class Part:
    folder: str
    summary: str
    present: bool


def outline(conference: Conference, *, user) -> list[Part]:
    """What the dossier would hold today, folder by folder, for the page (a light count,
    not the build)."""
    from django.utils.translation import gettext, ngettext, pgettext

    from dialogue.conclusions.models import ConclusionStatus
    from dialogue.conclusions.selectors import conclusion_of_conference
    from dialogue.dossier import builders
    from dialogue.petitions.selectors import group_list_for_user
    from dialogue.proceedings.models import MinutesStatus
    from dialogue.proceedings.selectors import minutes_of

    parts = []

    def add(folder, summary: str, present: bool) -> None:
        parts.append(Part(builders.folder_name(folder), summary, present))

    add(builders.PLAN, conference.plan.label, True)
    invited = conference.participants.filter(walk_in=False).count()
    delegations = conference.delegations.count()
    add(
        builders.INVITATIONS,
        gettext("%(people)s named invitees, %(delegations)s delegations")
        % {"people": invited, "delegations": delegations},
        bool(invited or delegations),
    )
    people = conference.participants.count()
    present = conference.participants.filter(attended=True).count()
    add(
        builders.ATTENDANCE,
        gettext("%(present)s present of %(people)s listed") % {"present": present, "people": people},
        bool(people),
    )
    groups = group_list_for_user(user=user, conference=conference).count()
    add(
        builders.PETITIONS,
        ngettext("%(n)s combined opinion", "%(n)s combined opinions", groups) % {"n": groups},
        bool(groups),
    )
    minutes = minutes_of(conference)
    if minutes is None:
        add(builders.MINUTES, str(builders.NOT_YET), False)
    else:
        add(
            builders.MINUTES,
            pgettext("minutes state", "approved")
            if minutes.status == MinutesStatus.APPROVED
            else pgettext("minutes state", "draft"),
            True,
        )
    conclusion = conclusion_of_conference(conference)
    issued = conclusion is not None and conclusion.status == ConclusionStatus.ISSUED
    add(
        builders.CONCLUSION,
        conclusion.label if issued else (conclusion.get_status_display() if conclusion else str(builders.NOT_YET)),
        issued,
    )
    directives = conclusion.directives.count() if issued else 0
    followed = group_list_for_user(user=user, conference=conference).exclude(followup_status="").count()
    add(
        builders.FOLLOW_UP,
        gettext("%(directives)s directives, %(groups)s opinions followed")
        % {"directives": directives, "groups": followed}
        if directives or followed
        else str(builders.NOT_YET),
        bool(directives or followed),
    )
    return parts
