"""The legal moves of petitions, groups and answers, one table each."""

from dialogue.core.states import TransitionTable
from dialogue.petitions.models import GroupStatus, PetitionStatus

PETITION_TRANSITIONS = TransitionTable(
    {
        PetitionStatus.RECEIVED: {
            PetitionStatus.TRIAGED,
            PetitionStatus.GROUPED,
            PetitionStatus.FORWARDED,
            PetitionStatus.WITHDRAWN,
        },
        PetitionStatus.TRIAGED: {
            PetitionStatus.TRIAGED,
            PetitionStatus.GROUPED,
            PetitionStatus.FORWARDED,
            PetitionStatus.WITHDRAWN,
        },
        # Split out of a group, a petition is classified again.
        PetitionStatus.GROUPED: {PetitionStatus.TRIAGED, PetitionStatus.GROUPED},
        PetitionStatus.FORWARDED: set(),
        PetitionStatus.WITHDRAWN: {PetitionStatus.RECEIVED},
    },
    dict(PetitionStatus.choices),
)

GROUP_TRANSITIONS = TransitionTable(
    {
        GroupStatus.OPEN: {GroupStatus.ASSIGNED},
        GroupStatus.ASSIGNED: {GroupStatus.ASSIGNED, GroupStatus.SUBMITTED, GroupStatus.OPEN},
        GroupStatus.SUBMITTED: {GroupStatus.RETURNED, GroupStatus.APPROVED},
        GroupStatus.RETURNED: {GroupStatus.SUBMITTED, GroupStatus.ASSIGNED},
        GroupStatus.APPROVED: {GroupStatus.RETURNED},
    },
    dict(GroupStatus.choices),
)
