"""The legal moves of a request to speak and of the minutes, one table each."""

from dialogue.core.states import TransitionTable
from dialogue.proceedings.models import MinutesStatus, SpeakerStatus

SPEAKER_TRANSITIONS = TransitionTable(
    {
        # A withdrawn request may be put back in the queue; a spoken one is the record.
        SpeakerStatus.WAITING: {SpeakerStatus.SPEAKING, SpeakerStatus.WITHDRAWN},
        SpeakerStatus.SPEAKING: {SpeakerStatus.DONE},
        SpeakerStatus.DONE: set(),
        SpeakerStatus.WITHDRAWN: {SpeakerStatus.WAITING},
    },
    dict(SpeakerStatus.choices),
)

MINUTES_TRANSITIONS = TransitionTable(
    {
        # Approved minutes are locked: later corrections are amendments, not a new status.
        MinutesStatus.DRAFT: {MinutesStatus.APPROVED},
        MinutesStatus.APPROVED: set(),
    },
    dict(MinutesStatus.choices),
)
