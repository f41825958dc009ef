from django.shortcuts import render

from dialogue.organisation.models import Level, Unit, UnitStatus


def home(request):
    provinces = Unit.objects.filter(level=Level.PROVINCE, parent__isnull=True, status=UnitStatus.ACTIVE)
    return render(
        request,
        "portal/home.html",
        {
            "province_count": provinces.count(),
            "commune_count": Unit.objects.filter(
                kind__code="commune", level=Level.COMMUNE, status=UnitStatus.ACTIVE
            ).count(),
        },
    )
