"""The follow-up moves of a petition group, and the order in which follow-up states advance.

A directive moves through `conclusions.states.DIRECTIVE_TRANSITIONS`. A petition group is
followed up with the same words (`petitions.models.FollowUpStatus`):

- a group *with* directives takes the least advanced state of them (`FOLLOWUP_ORDER`):
  it is derived, not moved, and `services.group_sync` keeps it;
- a group *without* directives is followed directly through `GROUP_FOLLOWUP_TRANSITIONS`:
  the same moves as a directive, plus the start ("" → assigned when the group gets its
  lead agency, or straight to the first move of an older group), and "assigned → resolved"
  / "assigned → in progress" when the synthesis board approves the written answer and says
  whether it settles the matter or must be followed up.
"""

from dialogue.conclusions.models import DirectiveStatus
from dialogue.conclusions.states import DIRECTIVE_TRANSITIONS
from dialogue.core.states import TransitionTable
from dialogue.petitions.models import FollowUpStatus

_F = FollowUpStatus

GROUP_FOLLOWUP_TRANSITIONS = TransitionTable(
    {
        _F.NONE: {_F.ASSIGNED, _F.IN_PROGRESS, _F.REPORTED, _F.FORWARDED_UP, _F.RESOLVED},
        # Approving the written answer: it settles the matter (resolved) or the matter is
        # followed until a date (in progress).
        _F.ASSIGNED: {_F.IN_PROGRESS, _F.REPORTED, _F.FORWARDED_UP, _F.RESOLVED},
        _F.IN_PROGRESS: {_F.REPORTED, _F.FORWARDED_UP},
        _F.REPORTED: {_F.RESOLVED, _F.PARTLY_RESOLVED, _F.CANNOT_RESOLVE, _F.IN_PROGRESS},
        _F.PARTLY_RESOLVED: {_F.IN_PROGRESS, _F.REPORTED, _F.FORWARDED_UP, _F.CLOSED},
        _F.RESOLVED: {_F.CLOSED, _F.IN_PROGRESS},
        _F.CANNOT_RESOLVE: {_F.CLOSED, _F.IN_PROGRESS, _F.FORWARDED_UP},
        _F.FORWARDED_UP: {_F.REPORTED, _F.IN_PROGRESS},
        _F.CLOSED: {_F.IN_PROGRESS},
    },
    dict(FollowUpStatus.choices),
)

_D = DirectiveStatus
# From the least to the most advanced. A group with several directives is as far as the
# least advanced of them: one still assigned keeps the whole matter "assigned".
FOLLOWUP_ORDER = (
    _D.ASSIGNED,
    _D.IN_PROGRESS,
    _D.FORWARDED_UP,
    _D.REPORTED,
    _D.PARTLY_RESOLVED,
    _D.CANNOT_RESOLVE,
    _D.RESOLVED,
    _D.CLOSED,
)
FOLLOWUP_RANK = {status: rank for rank, status in enumerate(FOLLOWUP_ORDER)}

# The responsible unit still works on it (posts progress, reports a result).
ACTING_STATUSES = (_D.ASSIGNED, _D.IN_PROGRESS, _D.PARTLY_RESOLVED)
# A progress update may be posted while the matter is not finished.
PROGRESS_STATUSES = (_D.ASSIGNED, _D.IN_PROGRESS, _D.PARTLY_RESOLVED, _D.REPORTED, _D.FORWARDED_UP)
# Results the synthesis board may close (a closed matter needs evidence).
CLOSABLE_STATUSES = (_D.RESOLVED, _D.PARTLY_RESOLVED, _D.CANNOT_RESOLVE)
# The synthesis board may reopen a finished matter with a reason.
REOPENABLE_STATUSES = (_D.CLOSED, _D.RESOLVED, _D.PARTLY_RESOLVED, _D.CANNOT_RESOLVE)
# The due date still matters (late is counted) while somebody has to act.
DUE_STATUSES = (_D.ASSIGNED, _D.IN_PROGRESS, _D.REPORTED, _D.PARTLY_RESOLVED, _D.FORWARDED_UP)
# Where the synthesis board has to decide.
REVIEW_STATUSES = (_D.REPORTED,)


def least_advanced(statuses) -> str:
    """The least advanced of follow-up states ("" for none)."""
    ranked = [s for s in statuses if s in FOLLOWUP_RANK]
    return min(ranked, key=FOLLOWUP_RANK.__getitem__) if ranked else ""


def table_for(item) -> TransitionTable:
    return DIRECTIVE_TRANSITIONS if item._meta.model_name == "directive" else GROUP_FOLLOWUP_TRANSITIONS
