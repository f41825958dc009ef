"""The conference dossier page: previous builds, a button to build a new one (refreshing
itself while the worker builds), and the download of a ready ZIP."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError
from dialogue.dossier import selectors, services
from dialogue.plans.selectors import conference_get_for_user
from dialogue.privacy.access import record_dossier_access


def _conference(request, pk: int):
    conference = conference_get_for_user(user=request.user, pk=pk)  # 404 outside the person's plans
    if not services.can_archive(request.user, conference):
        raise PermissionDenied
    return conference


def _context(request, conference) -> dict:
    active = selectors.active_export(conference)
    return {
        "conference": conference,
        "plan": conference.plan,
        "exports": selectors.export_list(conference),
        "active": active,
        "stale": bool(active and services.is_stale(active)),
    }


@login_required
def conference_dossier(request, pk: int):
    conference = _conference(request, pk)
    context = _context(request, conference)
    if request.htmx and request.GET.get("part") == "exports":
        return render(request, "dossier/_exports.html", context)
    context["outline"] = selectors.outline(conference, user=request.user)
    return render(request, "dossier/conference.html", context)


@login_required
@require_POST
def dossier_build(request, pk: int):
    conference = _conference(request, pk)
    _export, created = services.dossier_request(actor=request.user, conference=conference)
    if created:
        messages.success(request, _("The dossier is being built; this page shows it when it is ready."))
    else:
        messages.info(request, _("A dossier of this conference is already being built; it appears below when ready."))
    return redirect("dossier:conference", conference.pk)


@login_required
def dossier_download(request, pk: int):
    export = selectors.export_get_for_user(user=request.user, pk=pk)
    if not services.can_archive(request.user, export.conference):
        raise PermissionDenied
    try:
        handle = services.dossier_download(actor=request.user, export=export)
    except ServiceError as error:
        messages.error(request, str(error.message))
        return redirect("dossier:conference", export.conference_id)
    record_dossier_access(request.user, export)
    response = FileResponse(
        handle, as_attachment=True, filename=services.download_name(export), content_type="application/zip"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
