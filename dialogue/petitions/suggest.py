"""Suggestions at triage: field (three best), level and answering agency, from the
built-in vocabulary plus the confirmed decisions of the receiving unit's area. A model
per area is cached and rebuilt when a new decision is recorded."""

from __future__ import annotations

from django.core.cache import cache

from dialogue.organisation.models import Unit
from dialogue.petitions.models import Field, Petition
from dialogue.petitions.triage import Example, Suggester
from dialogue.plans.services import administrative_area

MAX_EXAMPLES = 5000
_CACHE = "petitions:suggester:{area}"


def _area_id(unit_id: int) -> int:
    return administrative_area(Unit.objects.select_related("kind", "parent").get(pk=unit_id)).pk


def decisions_for(area: Unit) -> list[Example]:
    """Confirmed classifications in the area, newest first (the unit's own past decisions)."""
    rows = (
        Petition.objects.filter(
            receiving_unit__path__startswith=area.path, field__isnull=False, triaged_at__isnull=False
        )
        .order_by("-triaged_at")
        .values_list("content", "field__code", "level", "competent_unit_id", "group__lead_unit_id")[:MAX_EXAMPLES]
    )
    return [
        Example(text=text, field=field, level=level or "", agency=str(competent or lead or ""))
        for text, field, level, competent, lead in rows
    ]


def confirmed_decisions(limit: int = MAX_EXAMPLES) -> list[Example]:
    """Confirmed classifications of the whole installation, newest first (for the
    classify_petitions command, which serves no particular unit)."""
    rows = (
        Petition.objects.filter(field__isnull=False, triaged_at__isnull=False)
        .order_by("-triaged_at")
        .values_list("content", "field__code", "level")[:limit]
    )
    return [Example(text=text, field=field, level=level or "") for text, field, level in rows]


def suggester_for(unit: Unit) -> Suggester:
    area = administrative_area(unit)
    key = _CACHE.format(area=area.pk)
    data = cache.get(key)
    if data is not None:
        return Suggester.from_bytes(data)
    model = Suggester.train(decisions_for(area))
    cache.set(key, model.to_bytes(), 3600)
    return model


def forget_unit_model(unit_id: int) -> None:
    cache.delete(_CACHE.format(area=_area_id(unit_id)))


def suggest(petition: Petition) -> dict:
    """What to show next to the triage form; also stored with the decision."""
    result = suggester_for(petition.receiving_unit).suggest(petition.content)
    fields = {f.code: f for f in Field.objects.filter(code__in=[code for code, _ in result.fields])}
    agency_ids = [int(a) for a, _ in result.agencies if str(a).isdigit()][:3]
    agencies = {u.pk: u for u in Unit.objects.filter(pk__in=agency_ids)}
    return {
        "fields": [
            {"code": code, "name": fields[code].name, "score": round(score, 3)}
            for code, score in result.fields
            if code in fields
        ],
        "level": result.level,
        "level_score": round(result.level_score, 3),
        "agencies": [
            {"id": a, "name": agencies[a].name, "score": round(score, 3)}
            for a, score in ((int(a), s) for a, s in result.agencies if str(a).isdigit())
            if a in agencies
        ][:3],
    }
