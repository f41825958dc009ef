"""`{% privacy_card petition %}`: on the petition page, the basis and purpose of processing
the petitioner's data, whether it was anonymised, and a link to who was shown it."""

from django import template

from dialogue.privacy.basis import BasisKind, processing_basis
from dialogue.privacy.models import ErasedPetition
from dialogue.privacy.selectors import can_read_access_log

register = template.Library()


@register.inclusion_tag("privacy/_card.html", takes_context=True)
def privacy_card(context, petition):
    user = context["request"].user
    erased = ErasedPetition.objects.filter(petition_id=petition.pk).select_related("erasure").first()
    return {
        "petition": petition,
        "basis": processing_basis(petition),
        "missing": BasisKind.MISSING,
        "erased": erased,
        "can_read_log": can_read_access_log(user, petition.receiving_unit),
    }
