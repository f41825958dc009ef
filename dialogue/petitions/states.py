"""The legal moves of petitions, groups and answers, one table each."""

from dialogue.core.states import TransitionTable
from dialogue.petitions.models import GroupStatus, ImportStatus, PetitionStatus

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

# An Excel import: the worker checks the file, the person decides, the worker writes.
# A failed or interrupted import wrote nothing and may be started again.
IMPORT_TRANSITIONS = TransitionTable(
    {
        ImportStatus.CHECKING: {ImportStatus.CHECKED, ImportStatus.FAILED},
        ImportStatus.CHECKED: {ImportStatus.QUEUED, ImportStatus.CANCELLED},
        ImportStatus.QUEUED: {ImportStatus.IMPORTING, ImportStatus.FAILED},
        ImportStatus.IMPORTING: {ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.QUEUED},
        ImportStatus.FAILED: {ImportStatus.QUEUED, ImportStatus.CANCELLED},
        ImportStatus.DONE: set(),
        ImportStatus.CANCELLED: set(),
    },
    dict(ImportStatus.choices),
)
