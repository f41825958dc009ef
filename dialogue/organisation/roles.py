"""Roles and what each may do. A role is always held over a unit and covers its subtree."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("System administrator")
    SECRETARIAT = "secretariat", _("Secretariat (Office)")
    SYNTHESIS = "synthesis", _("Synthesis and monitoring board")
    MTTQ = "mttq", _("Fatherland Front collector")
    AGENCY = "agency", _("Agency officer")
    CHAIR = "chair", _("Chair")
    SUPERVISOR = "supervisor", _("Supervisor (read-only)")


class Capability(models.TextChoices):
    UNIT_VIEW = "unit.view"
    UNIT_MANAGE = "unit.manage"
    PERSON_VIEW = "person.view"
    PERSON_MANAGE = "person.manage"
    AUDIT_VIEW = "audit.view"
    CALENDAR_MANAGE = "calendar.manage"
    PLAN_VIEW = "plan.view"
    PLAN_MANAGE = "plan.manage"
    TASK_UPDATE = "task.update"
    PETITION_VIEW = "petition.view"
    PETITION_INTAKE = "petition.intake"
    PETITION_TRIAGE = "petition.triage"
    ANSWER_PREPARE = "answer.prepare"
    ANSWER_REVIEW = "answer.review"
    ANSWER_MODE = "answer.mode"
    PROCEEDINGS_RUN = "proceedings.run"
    MINUTES_APPROVE = "minutes.approve"
    CONCLUSION_DRAFT = "conclusion.draft"
    CONCLUSION_ISSUE = "conclusion.issue"
    FOLLOWUP_UPDATE = "followup.update"
    FOLLOWUP_REVIEW = "followup.review"
    FOLLOWUP_SUPERVISE = "followup.supervise"
    ESCALATION_ANSWER = "escalation.answer"
    STATISTICS_VIEW = "statistics.view"
    REPORT_PRODUCE = "report.produce"


_STAFF = set(Role.values)

CAPABILITIES: dict[str, set[str]] = {
    Capability.UNIT_VIEW: _STAFF,
    Capability.UNIT_MANAGE: {Role.ADMIN},
    Capability.PERSON_VIEW: {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS, Role.CHAIR},
    Capability.PERSON_MANAGE: {Role.ADMIN},
    Capability.AUDIT_VIEW: {Role.ADMIN, Role.SYNTHESIS},
    Capability.CALENDAR_MANAGE: {Role.ADMIN},
    # Plans of a unit are read by everyone working over it; agencies outside that subtree
    # see a plan only through the duties it gives them.
    Capability.PLAN_VIEW: _STAFF,
    Capability.PLAN_MANAGE: {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS},
    # Marking a duty done: anyone working in the responsible unit, except supervisors.
    Capability.TASK_UPDATE: _STAFF - {Role.SUPERVISOR},
    # Petitions received by a unit are read by everyone working over it; agencies see
    # the groups they must answer or support.
    Capability.PETITION_VIEW: _STAFF,
    Capability.PETITION_INTAKE: {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS, Role.MTTQ},
    Capability.PETITION_TRIAGE: {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS},
    Capability.ANSWER_PREPARE: {Role.ADMIN, Role.AGENCY, Role.SECRETARIAT, Role.SYNTHESIS},
    Capability.ANSWER_REVIEW: {Role.ADMIN, Role.SYNTHESIS},
    # The chair decides which matters are answered live at the conference.
    Capability.ANSWER_MODE: {Role.ADMIN, Role.SYNTHESIS, Role.CHAIR},
    # The conference day: the secretariat checks people in, keeps the speakers' queue,
    # runs the console and drafts the minutes; the chair approves them.
    Capability.PROCEEDINGS_RUN: {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS},
    Capability.MINUTES_APPROVE: {Role.ADMIN, Role.CHAIR},
    # The conclusion notice is drafted by the secretariat or the synthesis board and
    # approved and issued by the chair.
    Capability.CONCLUSION_DRAFT: {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS},
    Capability.CONCLUSION_ISSUE: {Role.ADMIN, Role.CHAIR},
    # Follow-up: the responsible unit posts progress with evidence and reports a result;
    # the synthesis board accepts or returns it and closes the matter; MTTQ, the
    # inspection commission (supervisor) and the chair read the late and unresolved lists.
    Capability.FOLLOWUP_UPDATE: {Role.ADMIN, Role.AGENCY, Role.SECRETARIAT, Role.SYNTHESIS},
    Capability.FOLLOWUP_REVIEW: {Role.ADMIN, Role.SYNTHESIS},
    Capability.FOLLOWUP_SUPERVISE: {Role.ADMIN, Role.SYNTHESIS, Role.MTTQ, Role.SUPERVISOR, Role.CHAIR},
    # A recommendation to the higher level is answered by its synthesis board or office.
    Capability.ESCALATION_ANSWER: {Role.ADMIN, Role.SYNTHESIS, Role.SECRETARIAT},
    Capability.STATISTICS_VIEW: {Role.ADMIN, Role.SYNTHESIS, Role.SECRETARIAT, Role.CHAIR, Role.SUPERVISOR, Role.MTTQ},
    Capability.REPORT_PRODUCE: {Role.ADMIN, Role.SYNTHESIS, Role.SECRETARIAT},
}

# Only a system administrator may hold a role over the whole country (no unit).
NATIONAL_ROLES = {Role.ADMIN}


def roles_with(capability: str) -> set[str]:
    return CAPABILITIES[capability]
