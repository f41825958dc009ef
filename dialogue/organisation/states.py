from django.utils.translation import gettext_lazy as _

from dialogue.core.states import TransitionTable
from dialogue.organisation.models import UnitStatus

UNIT_TRANSITIONS = TransitionTable(
    {
        UnitStatus.ACTIVE: {UnitStatus.DISSOLVED},
        # A unit dissolved by mistake may be restored.
        UnitStatus.DISSOLVED: {UnitStatus.ACTIVE},
    },
    labels={UnitStatus.ACTIVE: _("Active"), UnitStatus.DISSOLVED: _("Dissolved / merged")},
)
