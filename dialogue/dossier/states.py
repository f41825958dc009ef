"""The legal moves of a dossier export: the worker takes a queued build, and a build
ends ready or failed. A build whose worker stopped is marked failed (`services`)."""

from dialogue.core.states import TransitionTable
from dialogue.dossier.models import DossierStatus

DOSSIER_TRANSITIONS = TransitionTable(
    {
        DossierStatus.QUEUED: {DossierStatus.BUILDING, DossierStatus.FAILED},
        DossierStatus.BUILDING: {DossierStatus.READY, DossierStatus.FAILED},
        DossierStatus.READY: set(),
        DossierStatus.FAILED: set(),
    },
    dict(DossierStatus.choices),
)
