"""The legal moves of conclusion notices, directives and publications, one table each.

A notice goes from draft to issued; issuing assigns its directives, which are then
followed up until closed (dialogue.followup.services makes those moves).
"""

from dialogue.conclusions.models import ConclusionStatus, DirectiveStatus, PublicationStatus
from dialogue.core.states import TransitionTable

CONCLUSION_TRANSITIONS = TransitionTable(
    {
        ConclusionStatus.DRAFT: {ConclusionStatus.APPROVED, ConclusionStatus.CANCELLED},
        # The chair may send an approved notice back for changes before it is issued.
        ConclusionStatus.APPROVED: {ConclusionStatus.ISSUED, ConclusionStatus.DRAFT},
        ConclusionStatus.ISSUED: set(),
        ConclusionStatus.CANCELLED: set(),
    },
    dict(ConclusionStatus.choices),
)

_D = DirectiveStatus
# A proposal of the draft is assigned when the notice is issued. The responsible unit
# posts progress, reports a result or forwards the matter up; the synthesis board
# accepts the reported result or sends it back; a resolved matter is closed with
# evidence; a petitioner's dissatisfaction or new facts reopen it (back in progress).
DIRECTIVE_TRANSITIONS = TransitionTable(
    {
        _D.PROPOSED: {_D.ASSIGNED},
        _D.ASSIGNED: {_D.IN_PROGRESS, _D.REPORTED, _D.FORWARDED_UP},
        _D.IN_PROGRESS: {_D.REPORTED, _D.FORWARDED_UP},
        _D.REPORTED: {_D.RESOLVED, _D.PARTLY_RESOLVED, _D.CANNOT_RESOLVE, _D.IN_PROGRESS},
        _D.PARTLY_RESOLVED: {_D.IN_PROGRESS, _D.REPORTED, _D.FORWARDED_UP, _D.CLOSED},
        _D.RESOLVED: {_D.CLOSED, _D.IN_PROGRESS},
        _D.CANNOT_RESOLVE: {_D.CLOSED, _D.IN_PROGRESS, _D.FORWARDED_UP},
        # The higher level's answer comes back as a result to review, or the matter is
        # returned to the unit as within its competence.
        _D.FORWARDED_UP: {_D.REPORTED, _D.IN_PROGRESS},
        _D.CLOSED: {_D.IN_PROGRESS},
    },
    dict(DirectiveStatus.choices),
)

PUBLICATION_TRANSITIONS = TransitionTable(
    {PublicationStatus.PENDING: {PublicationStatus.PUBLISHED}, PublicationStatus.PUBLISHED: set()},
    dict(PublicationStatus.choices),
)
