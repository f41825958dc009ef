"""What the public portal reads. No account is needed, so every selector here is scoped
to what is public by nature, never to a person:

- areas: active provinces (no parent) and active communes, wards and special zones;
- conferences: those announced on the portal (`announced_at` set), never cancelled;
- results: conclusions whose `Publication` is PUBLISHED (its `public_text` is masked
  when published), the approved answers of the conference's petition groups and the
  issued directives, every text passed through `mask_text` with the petitioners' names.

Nothing from a draft, an unissued or an unpublished conclusion, and never a petitioner's
name, telephone number, address, e-mail or tracking code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Case, CharField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr
from django.http import Http404
from django.utils import timezone

from dialogue.lib.masking import mask_text
from dialogue.lib.text import fold
from dialogue.organisation.models import Level, Unit, UnitStatus
from dialogue.plans.models import Conference, ConferenceStatus

# The words an area's official name starts with: “Xã Gia Phúc” is found from “gia phuc”
# as a prefix match, not only as a substring.
_AREA_PREFIXES = ("tinh ", "thanh pho ", "xa ", "phuong ", "dac khu ")


# ---------------------------------------------------------------- areas


def _areas() -> QuerySet[Unit]:
    """Active provinces and communes (the two levels since the reform of 1 July 2025)."""
    province = Q(kind__code="province", level=Level.PROVINCE, parent__isnull=True)
    commune = Q(kind__code="commune", level=Level.COMMUNE)
    return Unit.objects.filter(province | commune, status=UnitStatus.ACTIVE)


def _with_province(units: list[Unit]) -> list[Unit]:
    """Give each unit `is_province`, and `province_id`, `province_name` (None and "" for a
    province); the province is the root of the unit's path, fetched in one query."""

    def root(unit: Unit) -> int | None:
        head = unit.path.strip("/").split("/")[0]
        return int(head) if head.isdigit() else None

    roots = {root(u) for u in units if u.level != Level.PROVINCE} - {None}
    names = dict(Unit.objects.filter(pk__in=roots).values_list("pk", "name")) if roots else {}
    for unit in units:
        unit.is_province = unit.level == Level.PROVINCE
        unit.province_id = None if unit.is_province else root(unit)
        unit.province_name = names.get(unit.province_id, "") if unit.province_id else ""
    return units


def search_areas(query: str, limit: int = 20) -> list[Unit]:
    """Provinces and communes whose name matches `query` with or without diacritics, best
    first: the whole name, then names starting with it (“gia phuc” → “Xã Gia Phúc”), then
    a word starting with it, then any other place; provinces before communes at each step.

    The words are looked for in the name without its kind word (“Phường”, “Xã”, “Tỉnh”,
    “Thành phố”, “Đặc khu”), so “phu” finds “Phường Phú Lợi” and not every ward; a query
    that starts with a kind word keeps only that kind (“phuong an” → wards). Every word
    must appear. Each unit carries `is_province`, `province_id` and `province_name`. An
    empty query finds nothing."""
    folded = fold(query)
    if not folded:
        return []
    kind = next((p for p in _AREA_PREFIXES if (folded + " ").startswith(p)), "")
    bare_query = folded[len(kind) :].strip()
    qs = _areas().annotate(
        bare=Case(
            *[When(name_folded__startswith=p, then=Substr("name_folded", len(p) + 1)) for p in _AREA_PREFIXES],
            default=F("name_folded"),
            output_field=CharField(),
        )
    )
    if kind:
        qs = qs.filter(name_folded__startswith=kind)
    for word in bare_query.split():
        qs = qs.filter(bare__contains=word)
    rank = Case(
        When(bare=bare_query, then=Value(0)),
        When(bare__startswith=bare_query, then=Value(1)),
        When(bare__contains=" " + bare_query, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    rows = qs.annotate(match_rank=rank).order_by("match_rank", "level", "name_folded", "pk")[: max(limit, 0)]
    return _with_province(list(rows))


def area_or_404(pk) -> Unit:
    """An active province or commune by its id, with `province_name`; 404 for anything
    else (an agency, a village, a dissolved unit, a bad id)."""
    try:
        unit = _areas().select_related("kind").get(pk=int(pk))
    except (Unit.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404 from exc
    return _with_province([unit])[0]


def area_or_none(pk) -> Unit | None:
    try:
        return area_or_404(pk)
    except Http404:
        return None


def province_list() -> list[Unit]:
    """Every active province by its name without “Tỉnh”/“Thành phố” (Cần Thơ, Cà Mau…),
    the list to browse when not searching."""
    provinces = list(_areas().filter(level=Level.PROVINCE))
    return sorted(provinces, key=lambda u: (_bare(u.name_folded), u.pk))


def _bare(folded: str) -> str:
    for prefix in _AREA_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def communes_of(province: Unit) -> QuerySet[Unit]:
    return _areas().filter(level=Level.COMMUNE, path__startswith=province.path).order_by("name_folded")


# ---------------------------------------------------------------- conferences


def announced_conferences() -> QuerySet[Conference]:
    """Every conference announced on the portal and not cancelled."""
    return (
        Conference.objects.filter(announced_at__isnull=False, date__isnull=False)
        .exclude(status=ConferenceStatus.CANCELLED)
        .select_related("host_unit", "plan__issuing_unit")
    )


def upcoming(*, area: Unit | None = None, query: str = "", today: date | None = None) -> QuerySet[Conference]:
    """Announced conferences from today on, soonest first; within an area's subtree and
    matching every word of `query` (topic, venue, host or plan, any diacritics)."""
    today = today or timezone.localdate()
    qs = announced_conferences().filter(date__gte=today)
    if area is not None:
        qs = qs.filter(host_unit__path__startswith=area.path)
    qs = _conference_text_filter(qs, query)
    return qs.order_by("date", "start_time", "id")


def _conference_text_filter(qs: QuerySet[Conference], query: str) -> QuerySet[Conference]:
    """Conferences whose topic, venue, host or plan holds every word of `query`, typed
    with or without diacritics. Conferences keep no folded copy of their text, and SQLite
    compares only ASCII letters without case, so the few public conferences of the
    selection are folded here (one query for their ids and texts) and kept by id."""
    words = fold(query).split()[:8]
    if not words:
        return qs
    rows = qs.order_by().values_list("pk", "title", "venue", "host_unit__name", "plan__title")
    keep = [pk for pk, *texts in rows if all(w in fold(" ".join(t or "" for t in texts)) for w in words)]
    return qs.filter(pk__in=keep)


def conference_or_404(pk) -> Conference:
    """A public conference, with its chairs: announced on the portal, or with a published
    conclusion notice (results published are public even when the conference was announced
    elsewhere, e.g. before the portal existed). 404 otherwise. A cancelled conference stays
    readable (people may hold its link) and says it is cancelled."""
    public = Q(announced_at__isnull=False) | Q(conclusions__in=_published_conclusions().values("pk"))
    try:
        return (
            Conference.objects.filter(public, date__isnull=False)
            .distinct()
            .select_related("host_unit", "plan__issuing_unit")
            .prefetch_related("chairs")
            .get(pk=int(pk))
        )
    except (Conference.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404 from exc


# ---------------------------------------------------------------- results


@dataclass
class PublicDirective:
    matter: str
    unit: str
    due_date: date | None
    status: str
    status_label: str


@dataclass
class PublicAnswer:
    summary: str
    answer: str
    unit: str
    approved_at: datetime | None
    directives: list[PublicDirective] = field(default_factory=list)


@dataclass
class PublicResults:
    """The published results of one conference; every text masked."""

    notice_label: str
    issued_on: date | None
    published_at: datetime | None
    text: str
    answers: list[PublicAnswer]
    directives: list[PublicDirective]  # those not tied to a petition group


def _published_conclusions():
    from dialogue.conclusions.models import Conclusion, ConclusionStatus, PublicationStatus

    return Conclusion.objects.filter(
        status=ConclusionStatus.ISSUED, publication__status=PublicationStatus.PUBLISHED
    ).exclude(publication__public_text="")


def with_results() -> QuerySet[Conference]:
    """Announced or held conferences that have a published conclusion notice, newest first.
    Each carries `published_at` (the newest publication of its notice)."""
    from django.db.models import Max

    from dialogue.conclusions.models import PublicationStatus

    published = Q(
        conclusions__in=_published_conclusions().values("pk"),
        conclusions__publication__status=PublicationStatus.PUBLISHED,
    )
    return (
        Conference.objects.filter(published, date__isnull=False)
        .exclude(status=ConferenceStatus.CANCELLED)
        .annotate(published_at=Max("conclusions__publication__published_at"))
        .select_related("host_unit")
        .order_by("-date", "-id")
    )


def results_list(*, area: Unit | None = None, year: int | None = None, query: str = "") -> QuerySet[Conference]:
    qs = with_results()
    if area is not None:
        qs = qs.filter(host_unit__path__startswith=area.path)
    if year:
        qs = qs.filter(date__year=year)
    return _conference_text_filter(qs, query)


def result_years() -> list[int]:
    return sorted({d.year for d in with_results().values_list("date", flat=True) if d}, reverse=True)


def results_of(conference: Conference) -> PublicResults | None:
    """The published results of a conference, or None when nothing is published. The
    notice's text is the publication's (masked when it was published); the approved
    answers and the issued directives are masked here with the names of every citizen the
    records know for the conference (petitioners of its groups, speakers), keeping the
    chairs' and signer's names as officials."""
    from dialogue.conclusions.models import Directive, DirectiveStatus
    from dialogue.conclusions.services import official_names, personal_names
    from dialogue.petitions.models import GroupStatus, Petition, PetitionGroup

    conclusion = (
        _published_conclusions()
        .filter(conference=conference)
        .select_related("publication", "conference")
        .order_by("-publication__published_at", "-id")
        .first()
    )
    if conclusion is None:
        return None
    groups = list(
        PetitionGroup.objects.filter(conference=conference, status=GroupStatus.APPROVED)
        .exclude(answer_text="")
        .select_related("lead_unit")
        .order_by("id")
    )
    names = set(personal_names(conclusion))
    names |= set(Petition.objects.filter(group__conference=conference).exclude(name="").values_list("name", flat=True))
    names = sorted(names)
    keep = official_names(conclusion)
    directives_by_group: dict[int | None, list[PublicDirective]] = {}
    issued = (
        Directive.objects.filter(conclusion=conclusion)
        .exclude(status=DirectiveStatus.PROPOSED)
        .select_related("lead_unit")
        .order_by("order", "id")
    )
    answered = {g.pk for g in groups}
    for directive in issued:
        key = directive.group_id if directive.group_id in answered else None
        directives_by_group.setdefault(key, []).append(_directive(directive, names, keep))
    answers = [
        PublicAnswer(
            summary=mask_text(group.summary, names=names, keep=keep),
            answer=mask_text(group.answer_text, names=names, keep=keep),
            unit=group.lead_unit.name if group.lead_unit_id else "",
            approved_at=group.approved_at,
            directives=directives_by_group.get(group.pk, []),
        )
        for group in groups
    ]
    publication = conclusion.publication
    return PublicResults(
        notice_label=conclusion.number_label,
        issued_on=conclusion.issued_on,
        published_at=publication.published_at,
        text=publication.public_text,
        answers=answers,
        directives=directives_by_group.get(None, []),
    )


def _directive(directive, names: list[str], keep: list[str]) -> PublicDirective:
    return PublicDirective(
        matter=mask_text(directive.matter, names=names, keep=keep),
        unit=directive.lead_unit.name if directive.lead_unit_id else "",
        due_date=directive.due_date,
        status=directive.status,
        status_label=str(directive.get_status_display()),
    )


def published_notices(limit: int = 30):
    """The newest published conclusion notices (the results feed), with their conference."""
    from dialogue.conclusions.models import Publication, PublicationStatus

    return (
        Publication.objects.filter(
            status=PublicationStatus.PUBLISHED, conclusion__in=_published_conclusions().values("pk")
        )
        .exclude(conclusion__conference__status=ConferenceStatus.CANCELLED)
        .select_related("conclusion__conference__host_unit")
        .order_by("-published_at", "-id")[:limit]
    )
