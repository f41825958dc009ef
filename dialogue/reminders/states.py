"""The legal moves of a reminder or a digest on its way out (one table for both)."""

from dialogue.core.states import TransitionTable
from dialogue.reminders.models import DeliveryStatus

_S = DeliveryStatus
# A worker claims a pending row (→ sending), or takes again a row another worker left
# “sending” too long (sending → sending); it ends sent, cancelled (the matter moved on),
# back to pending for a later try, or failed after the last try.
DELIVERY_TRANSITIONS = TransitionTable(
    {
        _S.PENDING: {_S.SENDING, _S.CANCELLED},
        _S.SENDING: {_S.SENDING, _S.SENT, _S.PENDING, _S.CANCELLED, _S.FAILED},
        _S.SENT: set(),
        _S.CANCELLED: set(),
        _S.FAILED: set(),
    },
    dict(DeliveryStatus.choices),
)
