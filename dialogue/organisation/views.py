"""Organisation tree and people. Views parse input, check scope through selectors, call
one service and render; every lookup is scoped to the person's units."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.organisation import services
from dialogue.organisation.forms import PersonForm, PersonUpdateForm, RoleGrantForm, UnitDissolveForm, UnitForm
from dialogue.organisation.models import RoleAssignment, Unit, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import (
    person_get_for_user,
    person_list_for_user,
    scope_paths,
    scope_q,
    unit_ancestors,
    unit_get_for_user,
    unit_list_for_user,
    unit_roots_for_user,
    unit_subtree_counts,
    user_can,
)


def _require(user, capability, unit=None):
    if not user_can(user, capability, unit):
        raise PermissionDenied


# --- Units ------------------------------------------------------------------------


@login_required
def unit_list(request):
    _require(request.user, Capability.UNIT_VIEW)
    query = request.GET.get("q", "").strip()
    show_dissolved = request.GET.get("dissolved") == "1"
    if query:
        units = unit_list_for_user(user=request.user, query=query, include_dissolved=show_dissolved)
        page = Paginator(units, 50).get_page(request.GET.get("page"))
    else:
        page = None
    context = {
        "query": query,
        "show_dissolved": show_dissolved,
        "page": page,
        "roots": None if query else unit_roots_for_user(user=request.user),
        "can_manage_root": scope_paths(request.user, Capability.UNIT_MANAGE) is None,
    }
    template = "organisation/_unit_results.html" if request.htmx and query else "organisation/unit_list.html"
    return render(request, template, context)


@login_required
def unit_detail(request, pk: int):
    unit = unit_get_for_user(user=request.user, pk=pk)
    show_dissolved = request.GET.get("dissolved") == "1"
    children = unit.children.select_related("kind").order_by("kind__sort_order", "name_folded")
    if not show_dissolved:
        children = children.filter(status=UnitStatus.ACTIVE)
    page = Paginator(children, 100).get_page(request.GET.get("page"))
    visible_ancestors = [a for a in unit_ancestors(unit) if user_can(request.user, Capability.UNIT_VIEW, a)]
    context = {
        "unit": unit,
        "ancestors": visible_ancestors,
        "page": page,
        "show_dissolved": show_dissolved,
        "counts": unit_subtree_counts(unit),
        "staff": unit.staff.filter(is_active=True).order_by("full_name")[:50]
        if user_can(request.user, Capability.PERSON_VIEW, unit)
        else None,
        "roles_here": RoleAssignment.objects.filter(unit=unit, is_active=True).select_related("user")
        if user_can(request.user, Capability.PERSON_VIEW, unit)
        else None,
        "can_manage": user_can(request.user, Capability.UNIT_MANAGE, unit),
        "can_manage_people": user_can(request.user, Capability.PERSON_MANAGE, unit),
        "dissolved_count": unit.children.filter(status=UnitStatus.DISSOLVED).count(),
    }
    return render(request, "organisation/unit_detail.html", context)


@login_required
def unit_create(request):
    parent = None
    parent_id = request.POST.get("parent") or request.GET.get("parent")
    if parent_id:
        parent = unit_get_for_user(user=request.user, pk=int(parent_id), capability=Capability.UNIT_MANAGE)
    elif scope_paths(request.user, Capability.UNIT_MANAGE) is not None:
        raise PermissionDenied
    parent_qs = Unit.objects.filter(scope_q(request.user, Capability.UNIT_MANAGE))
    form = UnitForm(request.POST or None, parent_queryset=parent_qs, initial={"parent": parent})
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(
                actor=request.user,
                kind=form.cleaned_data["kind"],
                parent=form.cleaned_data["parent"],
                name=form.cleaned_data["name"],
                short_name=form.cleaned_data["short_name"],
                code=form.cleaned_data["code"],
                note=form.cleaned_data["note"],
            )
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, _("Unit “%(name)s” was created.") % {"name": unit.name})
            return redirect("organisation:unit_detail", pk=unit.pk)
    return render(request, "organisation/unit_form.html", {"form": form, "parent": parent, "unit": None})


@login_required
def unit_update(request, pk: int):
    unit = unit_get_for_user(user=request.user, pk=pk, capability=Capability.UNIT_MANAGE)
    parent_qs = Unit.objects.filter(scope_q(request.user, Capability.UNIT_MANAGE))
    initial = {
        "kind": unit.kind,
        "parent": unit.parent,
        "name": unit.name,
        "short_name": unit.short_name,
        "code": unit.code,
        "note": unit.note,
    }
    form = UnitForm(request.POST or None, parent_queryset=parent_qs, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("organisation:unit_detail", pk=unit.pk)
    return render(request, "organisation/unit_form.html", {"form": form, "parent": unit.parent, "unit": unit})


@login_required
def unit_dissolve(request, pk: int):
    unit = unit_get_for_user(user=request.user, pk=pk, capability=Capability.UNIT_MANAGE)
    form = UnitDissolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_set_status(
                actor=request.user, unit=unit, status=UnitStatus.DISSOLVED, on_date=form.cleaned_data["on_date"]
            )
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, _("Unit “%(name)s” is now recorded as dissolved.") % {"name": unit.name})
            return redirect("organisation:unit_detail", pk=unit.pk)
    return render(request, "organisation/unit_dissolve.html", {"form": form, "unit": unit})


@login_required
@require_POST
def unit_restore(request, pk: int):
    unit = unit_get_for_user(user=request.user, pk=pk, capability=Capability.UNIT_MANAGE)
    try:
        services.unit_set_status(actor=request.user, unit=unit, status=UnitStatus.ACTIVE)
    except ServiceError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Unit “%(name)s” is active again.") % {"name": unit.name})
    return redirect("organisation:unit_detail", pk=unit.pk)


@login_required
def unit_picker(request):
    """htmx search used by forms to choose a unit inside the person's scope."""
    capability = request.GET.get("capability", Capability.UNIT_VIEW)
    if capability not in Capability.values:
        capability = Capability.UNIT_VIEW
    query = request.GET.get("q", "").strip()
    units = unit_list_for_user(user=request.user, capability=capability, query=query)[:20] if len(query) >= 2 else []
    return render(
        request,
        "organisation/_unit_picker_results.html",
        {"units": units, "field": request.GET.get("field", "unit"), "query": query},
    )


# --- People -----------------------------------------------------------------------


@login_required
def person_list(request):
    _require(request.user, Capability.PERSON_VIEW)
    query = request.GET.get("q", "").strip()
    people = person_list_for_user(user=request.user, query=query).prefetch_related("role_assignments__unit")
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "organisation/person_list.html",
        {"page": page, "query": query, "can_manage": user_can(request.user, Capability.PERSON_MANAGE)},
    )


@login_required
def person_detail(request, pk: int):
    person = person_get_for_user(user=request.user, pk=pk)
    assignments = person.role_assignments.select_related("unit").order_by("-is_active", "role")
    can_manage = (
        user_can(request.user, Capability.PERSON_MANAGE, person.organisation)
        if person.organisation
        else (scope_paths(request.user, Capability.PERSON_MANAGE) is None)
    )
    grant_form = None
    if can_manage:
        grant_form = RoleGrantForm(
            unit_queryset=Unit.objects.none(),
            allow_national=scope_paths(request.user, Capability.PERSON_MANAGE) is None,
        )
    return render(
        request,
        "organisation/person_detail.html",
        {"person": person, "assignments": assignments, "can_manage": can_manage, "grant_form": grant_form},
    )


@login_required
def person_create(request):
    organisation_id = request.POST.get("organisation") or request.GET.get("organisation")
    if not organisation_id:
        messages.info(request, _("Open the unit where the person works and add them from there."))
        return redirect("organisation:unit_list")
    organisation = unit_get_for_user(user=request.user, pk=int(organisation_id), capability=Capability.PERSON_MANAGE)
    unit_qs = Unit.objects.filter(scope_q(request.user, Capability.PERSON_MANAGE))
    form = PersonForm(request.POST or None, unit_queryset=unit_qs, initial={"organisation": organisation})
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, _("Account “%(username)s” was created.") % {"username": person.username})
            return redirect("organisation:person_detail", pk=person.pk)
    return render(
        request, "organisation/person_form.html", {"form": form, "organisation": organisation, "person": None}
    )


@login_required
def person_update(request, pk: int):
    person = person_get_for_user(user=request.user, pk=pk, capability=Capability.PERSON_MANAGE)
    unit_qs = Unit.objects.filter(scope_q(request.user, Capability.PERSON_MANAGE))
    initial = {
        "full_name": person.full_name,
        "position": person.position,
        "email": person.email,
        "phone": person.phone,
        "organisation": person.organisation,
        "is_active": person.is_active,
    }
    form = PersonUpdateForm(request.POST or None, unit_queryset=unit_qs, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(actor=request.user, person=person, **form.cleaned_data)
        except ServiceError as error:
            apply_to_form(form, error)
        except PermissionDenied:
            form.add_error("organisation", _("You cannot move this person to that unit."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("organisation:person_detail", pk=person.pk)
    return render(
        request,
        "organisation/person_form.html",
        {"form": form, "organisation": person.organisation, "person": person},
    )


@login_required
@require_POST
def role_grant(request, pk: int):
    person = person_get_for_user(user=request.user, pk=pk, capability=Capability.PERSON_MANAGE)
    national = scope_paths(request.user, Capability.PERSON_MANAGE) is None
    unit_qs = Unit.objects.filter(scope_q(request.user, Capability.PERSON_MANAGE))
    form = RoleGrantForm(request.POST, unit_queryset=unit_qs, allow_national=national)
    if form.is_valid():
        unit = None if form.cleaned_data.get("whole_country") else form.cleaned_data["unit"]
        try:
            services.role_grant(actor=request.user, person=person, role=form.cleaned_data["role"], unit=unit)
        except ServiceError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Role granted."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("organisation:person_detail", pk=person.pk)


@login_required
@require_POST
def role_revoke(request, pk: int, assignment_pk: int):
    person = person_get_for_user(user=request.user, pk=pk, capability=Capability.PERSON_MANAGE)
    assignment = get_object_or_404(RoleAssignment, pk=assignment_pk, user=person)
    if (
        not user_can(request.user, Capability.PERSON_MANAGE, assignment.unit)
        if assignment.unit
        else (scope_paths(request.user, Capability.PERSON_MANAGE) is not None)
    ):
        raise PermissionDenied
    services.role_revoke(actor=request.user, assignment=assignment)
    messages.success(request, _("Role revoked."))
    return redirect("organisation:person_detail", pk=person.pk)
