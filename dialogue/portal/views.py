"""The public portal's reading pages: no account, nothing but public data
(`dialogue.portal.selectors`), GET forms only, so every page may be cached for five
minutes by the browser and by a shared cache (a slow connection fetches it once)."""

from __future__ import annotations

from functools import wraps

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from dialogue.petitions import public
from dialogue.portal import selectors

PAGE_SIZE = 20
# How long a public page may be reused: short enough that a newly announced conference or
# a newly published result shows within minutes.
PUBLIC_MAX_AGE = 300

# The query-string names, in Vietnamese as the paths are (links people share).
AREA_PARAM = "dia-ban"
YEAR_PARAM = "nam"


def public_page(view):
    """`Cache-Control: public, max-age=300` on a page that holds no form with a CSRF token
    and nothing personal. `Vary: Cookie` keeps a signed-in officer's copy (which may carry
    their flash messages) out of what a shared cache hands to citizens."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _area_filter(request):
    """The area chosen with `?dia-ban=<id>`: (area, error). An unknown id is reported and
    ignored rather than answered with an error page, so a stale link still lists something."""
    raw = (request.GET.get(AREA_PARAM) or "").strip()
    if not raw:
        return None, False
    found = selectors.area_or_none(raw)
    return found, found is None


def _year_filter(request, years: list[int]):
    raw = (request.GET.get(YEAR_PARAM) or "").strip()
    if raw.isdigit() and int(raw) in years:
        return int(raw), False
    return None, bool(raw)


@public_page
def home(request):
    upcoming = list(selectors.upcoming()[:6])
    recent = list(selectors.with_results()[:3])
    return render(request, "portal/home.html", {"upcoming": upcoming, "recent": recent, "nav": "home"})


@public_page
def areas(request):
    query = (request.GET.get("q") or "").strip()[:100]
    found = selectors.search_areas(query, limit=50) if query else []
    return render(
        request,
        "portal/areas.html",
        {
            "query": query,
            "found": found,
            "provinces": [] if query else selectors.province_list(),
            "nav": "areas",
        },
    )


@public_page
def area(request, pk: int):
    unit = selectors.area_or_404(pk)
    communes = list(selectors.communes_of(unit)) if unit.is_province else []
    return render(
        request,
        "portal/area.html",
        {
            "area": unit,
            "upcoming": list(selectors.upcoming(area=unit)[:20]),
            "results": list(selectors.results_list(area=unit)[:10]),
            "communes": communes,
            "area_param": AREA_PARAM,
            "nav": "areas",
        },
    )


@public_page
def conferences(request):
    area, bad_area = _area_filter(request)
    query = (request.GET.get("q") or "").strip()[:100]
    page = _page(request, selectors.upcoming(area=area, query=query))
    return render(
        request,
        "portal/conferences.html",
        {
            "page": page,
            "area": area,
            "bad_area": bad_area,
            "query": query,
            "provinces": selectors.province_list(),
            "area_param": AREA_PARAM,
            "nav": "conferences",
        },
    )


@public_page
def conference(request, pk: int):
    conf = selectors.conference_or_404(pk)
    today = timezone.localdate()
    past = conf.date < today
    return render(
        request,
        "portal/conference.html",
        {
            "conf": conf,
            "area": selectors.area_or_none(conf.host_unit_id),
            "past": past,
            "is_today": conf.date == today,
            "accepts_online": public.accepts_online(conf, today=today),
            "results": selectors.results_of(conf) if conf.date <= today else None,
            "nav": "results" if past else "conferences",
        },
    )


@public_page
def results(request):
    area, bad_area = _area_filter(request)
    years = selectors.result_years()
    year, bad_year = _year_filter(request, years)
    query = (request.GET.get("q") or "").strip()[:100]
    page = _page(request, selectors.results_list(area=area, year=year, query=query))
    return render(
        request,
        "portal/results.html",
        {
            "page": page,
            "area": area,
            "bad_area": bad_area,
            "year": year,
            "bad_year": bad_year,
            "years": years,
            "query": query,
            "provinces": selectors.province_list(),
            "area_param": AREA_PARAM,
            "year_param": YEAR_PARAM,
            "nav": "results",
        },
    )


@public_page
def privacy(request):
    return render(
        request,
        "portal/privacy.html",
        {"consent_purpose": public.CONSENT_PURPOSE, "identity_note": public.IDENTITY_NOTE, "nav": "privacy"},
    )
