"""The legal moves of plans, conferences, tasks and invitations, one table each."""

from dialogue.core.states import TransitionTable
from dialogue.plans.models import ConferenceStatus, InvitationStatus, PlanStatus, TaskStatus

PLAN_TRANSITIONS = TransitionTable(
    {
        PlanStatus.DRAFT: {PlanStatus.ISSUED, PlanStatus.CANCELLED},
        PlanStatus.ISSUED: {PlanStatus.CANCELLED},
        PlanStatus.CANCELLED: set(),
    },
    dict(PlanStatus.choices),
)

CONFERENCE_TRANSITIONS = TransitionTable(
    {
        ConferenceStatus.PLANNED: {ConferenceStatus.SCHEDULED, ConferenceStatus.CANCELLED},
        ConferenceStatus.SCHEDULED: {ConferenceStatus.HELD, ConferenceStatus.CANCELLED},
        ConferenceStatus.HELD: set(),
        ConferenceStatus.CANCELLED: set(),
    },
    dict(ConferenceStatus.choices),
)

TASK_TRANSITIONS = TransitionTable(
    {
        TaskStatus.OPEN: {TaskStatus.DONE, TaskStatus.CANCELLED},
        TaskStatus.DONE: {TaskStatus.OPEN},
        TaskStatus.CANCELLED: {TaskStatus.OPEN},
    },
    dict(TaskStatus.choices),
)

INVITATION_TRANSITIONS = TransitionTable(
    {
        InvitationStatus.PENDING: {InvitationStatus.INVITED, InvitationStatus.CONFIRMED, InvitationStatus.DECLINED},
        InvitationStatus.INVITED: {InvitationStatus.CONFIRMED, InvitationStatus.DECLINED},
        InvitationStatus.CONFIRMED: {InvitationStatus.DECLINED},
        InvitationStatus.DECLINED: {InvitationStatus.CONFIRMED},
    },
    dict(InvitationStatus.choices),
)
