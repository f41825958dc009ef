"""The legal moves of conclusion notices, directives and publications, one table each.

Issue 5 needs only the draft-to-issued path of a notice and the creation of directives
("assigned" on issue); the follow-up of issue 6 adds the moves of a directive after that.
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

DIRECTIVE_TRANSITIONS = TransitionTable(
    {
        DirectiveStatus.PROPOSED: {DirectiveStatus.ASSIGNED},
        DirectiveStatus.ASSIGNED: set(),
        DirectiveStatus.IN_PROGRESS: set(),
        DirectiveStatus.RESOLVED: set(),
        DirectiveStatus.PARTLY_RESOLVED: set(),
        DirectiveStatus.CANNOT_RESOLVE: set(),
        DirectiveStatus.FORWARDED_UP: set(),
        DirectiveStatus.CLOSED: set(),
    },
    dict(DirectiveStatus.choices),
)

PUBLICATION_TRANSITIONS = TransitionTable(
    {PublicationStatus.PENDING: {PublicationStatus.PUBLISHED}, PublicationStatus.PUBLISHED: set()},
    dict(PublicationStatus.choices),
)
