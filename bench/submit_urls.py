"""The application's URLs plus the floor of the submission benchmark: a bare view that
parses the same form (behind the same middleware: sessions, CSRF, authentication) and
stores it with one INSERT. Loaded only by bench.submit_settings, never in production."""

from datetime import timedelta

from django.http import HttpResponseRedirect
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as application
from dialogue.petitions.models import Channel, Petition

FLOOR_CLIENT = "bench-floor"


@require_POST
def floor(request):
    today = timezone.localdate()
    Petition.objects.create(
        receiving_unit_id=int(request.GET["don-vi"]),
        channel=Channel.ONLINE,
        name=request.POST.get("name", "")[:200],
        phone=request.POST.get("phone", "")[:20],
        address=request.POST.get("address", "")[:300],
        content=request.POST.get("content", ""),
        received_on=today,
        ack_due=today + timedelta(days=14),
        source_client=FLOOR_CLIENT,
    )
    return HttpResponseRedirect("/gui-kien-nghi/da-gui/")


urlpatterns = [path("bench/floor/", floor), *application]
