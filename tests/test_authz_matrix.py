"""The authorisation matrix: every URL of the project, opened (GET) and posted to (POST:
an empty form, or the case's minimal data) by every member of the cast and the anonymous
visitor, must answer exactly as tests/authz_matrix.py says — and never with an error
(500). A refused request changes nothing: no new audit entry, the objects the URL names
as they were. Agency B, the outsider and the anonymous visitor read none of the world's
secrets. A URL the matrix does not list fails the suite.

The objects every URL names are built once for the module (tests/authz_world.py); each
request runs in a savepoint that is rolled back, so what one person's POST does is never
seen by the next. How to read and extend the table: docs/authorisation.md.
"""

from __future__ import annotations

import inspect
import re
import traceback
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.db.models import Model
from django.test import Client, override_settings
from django.urls import NoReverseMatch, Resolver404, URLPattern, URLResolver, get_resolver, resolve

from dialogue.core.admin_access import RoleGatedAdmin
from dialogue.core.models import AuditEntry
from dialogue.privacy.models import ContactAccess
from dialogue.reminders.sms import LocmemBackend
from tests import authz_matrix as matrix
from tests.authz_world import PEOPLE, build_world

BUILD_SETTINGS = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    SMS_BACKEND="dialogue.reminders.sms.LocmemBackend",
)


# ---------------------------------------------------------------- the URLs of the project


def url_patterns() -> list[tuple[str, str, object]]:
    """(route, name, callback) of every URL pattern, the included ones too, as the full
    route text Django matches ("plans/<int:pk>/edit/", "api/v1/^units/$")."""
    found = []

    def walk(resolver, prefix: str, namespace: str):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner or namespace)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
                found.append((prefix + str(entry.pattern), name, entry.callback))

    walk(get_resolver(), "", "")
    return found


def in_admin(route: str) -> bool:
    return route.startswith(matrix.ADMIN_PREFIX)


# ---------------------------------------------------------------- building a request


def _resolve(world, spec):
    """A matrix argument: "=text" is the text itself; otherwise the named object of the
    world ("plan", "tree.agency_a", "participant.token")."""
    if isinstance(spec, str) and spec.startswith("="):
        return spec[1:]
    value = world
    for part in spec.split("."):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


def _value(world, spec):
    value = _resolve(world, spec)
    return getattr(value, "pk", value)


def _fields(world, values: dict) -> dict:
    """A query or a form of the matrix; matrix.W("group.version") names a value of the world."""
    return {k: _value(world, str(v)) if isinstance(v, matrix.W) else v for k, v in values.items()}


def _objects(world, case: matrix.Case) -> list[Model]:
    """The database objects the URL names: a refused request must leave them as they were."""
    found = []
    for spec in case.kwargs.values():
        value = _resolve(world, spec)
        if isinstance(value, Model):
            found.append(value)
        elif isinstance(spec, str) and "." in spec and not spec.startswith("="):
            owner = _resolve(world, spec.rsplit(".", 1)[0])
            if isinstance(owner, Model):
                found.append(owner)
    return found


def _rows(objects: list[Model]) -> list:
    return [type(o).objects.filter(pk=o.pk).values().first() for o in objects]


def build_path(route: str, case: matrix.Case, world) -> str:
    """The path of `route` with the case's arguments, checked to resolve back to it."""
    kwargs = {name: _value(world, spec) for name, spec in case.kwargs.items()}
    path = "/" + _fill(route, kwargs)
    try:
        match = resolve(path)
    except Resolver404:
        raise AssertionError(f"{route}: the arguments {kwargs} give {path}, which no URL matches") from None
    if match.route.replace("^", "") != route.replace("^", "") and not route.endswith("(?P<rest>.*)$"):
        raise AssertionError(f"{route}: {path} resolves to {match.route!r}, not to this pattern")
    return path


def _fill(route: str, kwargs: dict) -> str:
    text = route
    # Path converters: <int:pk>, <str:fmt>, <uuid:token>, <slug:action>, <path:object_id>.
    for name, value in kwargs.items():
        text, count = re.subn(rf"(?<!\?P)<(?:\w+:)?{name}>", str(value), text)
        if count:
            continue
        # Regular-expression groups: (?P<pk>[^/]+), (?P<fmt>json|xml).
        text = re.sub(rf"\(\?P<{name}>(?:[^()]|\([^()]*\))*\)", str(value), text)
    text = text.replace("^", "").replace("$", "").replace("\\.", ".")
    if "<" in text or "(?P" in text:
        raise NoReverseMatch(f"{route}: no value for every argument ({kwargs})")
    return text


# ---------------------------------------------------------------- the people and their clients


class Caller:
    """One column of the matrix: how that person (or nobody) reaches each kind of URL."""

    def __init__(self, name: str, person, session_key: str | None, api_key: str | None):
        self.name, self.person, self.session_key, self.api_key = name, person, session_key, api_key
        self.client = Client()

    def request(self, method: str, path: str, *, route: str, query: dict, data: dict):
        client = self.client
        # Every request starts from the person's own session (a logout or a message
        # stored by the previous request must not carry over).
        client.cookies = SimpleCookie()
        extra = {}
        if route.startswith(matrix.API_PREFIX):
            if self.api_key:
                extra["HTTP_AUTHORIZATION"] = f"Bearer {self.api_key}"
        elif route.startswith(matrix.OPEN311_PREFIX):
            if self.api_key:
                if method == "GET":
                    query = {**query, "api_key": self.api_key}
                else:
                    data = {**data, "api_key": self.api_key}
        elif self.session_key:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.session_key
        url = path + ("?" + urlencode(query) if query else "")
        if method == "GET":
            return client.get(url, **extra)
        if method == "POST":
            if route.startswith(matrix.API_PREFIX):
                return client.post(url, data or {}, content_type="application/json", **extra)
            return client.post(url, data, **extra)
        if method == "PATCH":
            return client.patch(url, data or {}, content_type="application/json", **extra)
        raise ValueError(method)


def _login_session(person) -> str:
    client = Client()
    client.force_login(person)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


# ---------------------------------------------------------------- the world, once per module


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("authz-media")))
    with BUILD_SETTINGS, media, django_db_blocker.unblock(), transaction.atomic():
        w = build_world()
        w.callers = {
            name: Caller(name, getattr(w.cast, name), _login_session(getattr(w.cast, name)), w.keys[name])
            for name in PEOPLE
        }
        w.callers["anonymous"] = Caller("anonymous", None, None, None)
        w.media_root = media.options["MEDIA_ROOT"]
        LocmemBackend.outbox.clear()
        yield w
        transaction.set_rollback(True)
    LocmemBackend.outbox.clear()


@pytest.fixture(autouse=True)
def private_media(settings, world):
    # The files of the world (answers, evidence, the dossier) stay readable in every test.
    settings.MEDIA_ROOT = world.media_root


@pytest.fixture(autouse=True)
def tasks_are_only_queued(settings):
    # What a request queues (a dossier build, a message) is not run: the matrix is about
    # who may ask, and a refused request must not even queue anything it would change.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"


# ---------------------------------------------------------------- what a response means


LOGIN_PATHS = ("/accounts/login/", "/admin/login/")


def outcome(response, *, changed: bool) -> tuple[str, str]:
    """The matrix's word for a response, and what it was in detail."""
    status = response.status_code
    if status in (301, 302, 303):
        location = urlsplit(response["Location"])
        if location.path in LOGIN_PATHS:
            return "in", f"302 → {response['Location']}"
        return ("go" if changed else "no"), f"302 → {response['Location']}"
    if status == 200:
        return "ok", "200"
    return str(status), str(status)


def same_feature(route: str, location: str, allowed: tuple[str, ...]) -> bool:
    """A redirect stays in the feature: its target resolves to a URL of the same
    namespace as the route (or of one the case names)."""
    try:
        target = resolve(urlsplit(location).path)
    except Resolver404:
        return False
    own = _namespace_of(route)
    return target.namespace in {own, *allowed}


def _namespace_of(route: str) -> str:
    for route_, name, _callback in url_patterns_cached():
        if route_ == route:
            return name.rsplit(":", 1)[0] if ":" in name else ""
    return ""


_PATTERNS: list | None = None


def url_patterns_cached():
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = url_patterns()
    return _PATTERNS


def observe(world, route: str, case: matrix.Case, method: str) -> list[tuple[str, str, bool]]:
    """What every column gets: (cell, detail, whether anything changed: an audit entry
    written, or an object the URL names changed or gone), each request in a savepoint
    rolled back at once."""
    path = build_path(route, case, world)
    objects = _objects(world, case)
    data = {} if method == "GET" else _fields(world, case.data)
    query = _fields(world, case.query)
    seen = []
    for column in matrix.COLUMNS:
        caller = world.callers[column]
        with transaction.atomic():
            audit, rows = AuditEntry.objects.count(), _rows(objects)
            accesses = ContactAccess.objects.count()
            try:
                response = caller.request(method, path, route=route, query=query, data=data)
            except Exception as error:  # the test client re-raises what the view raised
                frames = traceback.extract_tb(error.__traceback__)
                frame = next((f for f in reversed(frames) if "/dialogue/" in f.filename), frames[-1])
                seen.append(("500", f"{type(error).__name__}: {error} ({frame.filename}:{frame.lineno})", False))
            else:
                changed = AuditEntry.objects.count() != audit
                moved = _rows(objects) != rows
                got, detail = outcome(response, changed=changed or moved)
                hidden = world.secrets if column in matrix.MUST_NOT_READ and not case.reveals else ()
                if column in matrix.ANSWERING_AGENCIES:
                    hidden = world.protected
                body = _text(response) if got == "ok" else ""
                shown = [text for text in hidden if text in body]
                if shown:
                    got, detail = "leak", f"200 showing {shown}"
                elif body and ContactAccess.objects.count() == accesses:
                    # A page showing a petitioner's telephone or e-mail records who saw it.
                    contacts = [c for c in world.petitioner_contacts if c in body]
                    if contacts:
                        got, detail = "unlogged", f"200 showing {contacts} with no ContactAccess entry"
                if moved:
                    detail += " (the object named by the URL changed)"
                if got in ("go", "no") and not same_feature(route, response["Location"], case.redirects):
                    got, detail = "away", detail + " (outside the feature)"
                seen.append((got, detail, changed or moved))
            transaction.set_rollback(True)
    return seen


def _text(response) -> str:
    """The text of a page or JSON answer (files are not searched)."""
    kind = response.get("Content-Type", "")
    if getattr(response, "streaming", False) or not kind.startswith(("text/", "application/json")):
        return ""
    return response.content.decode(response.charset or "utf-8", errors="replace")


def run_case(world, route: str, case: matrix.Case, method: str) -> list[str]:
    """The list of what differs from the matrix in one row."""
    expected = matrix.parse_row(case.expect[method], route=route, method=method)
    problems = []
    for column, want, (got, detail, changed) in zip(
        matrix.COLUMNS, expected, observe(world, route, case, method), strict=True
    ):
        if got != want:
            problems.append(f"{column}: expected {want}, got {got} [{detail}]")
        elif want in matrix.REFUSED and changed:
            problems.append(f"{column}: refused ({got}) but something changed [{detail}]")
    return problems


# ---------------------------------------------------------------- the tests


def _cases():
    for route, cases in matrix.MATRIX.items():
        for index, case in enumerate(cases):
            for method in case.expect:
                label = f"/{route} {method}" + (f" #{index + 1}" if len(cases) > 1 else "")
                yield pytest.param(route, index, method, id=label)


@pytest.mark.parametrize(("route", "index", "method"), list(_cases()))
def test_every_person_gets_exactly_what_the_matrix_says(world, db, route, index, method):
    case = matrix.MATRIX[route][index]
    problems = run_case(world, route, case, method)
    assert not problems, f"{method} {route} ({case.why or 'see tests/authz_matrix.py'}):\n  " + "\n  ".join(problems)


def test_every_url_of_the_project_has_an_entry_in_the_matrix():
    missing = [
        f"{route}  (name {name!r}, view {getattr(callback, '__module__', '?')}.{getattr(callback, '__name__', '?')})"
        for route, name, callback in url_patterns()
        if not in_admin(route) and route not in matrix.MATRIX
    ]
    assert not missing, (
        "These URL patterns have no entry in the authorisation matrix (tests/authz_matrix.py). Add one row per "
        "pattern saying who may open it and who is refused (docs/authorisation.md):\n  " + "\n  ".join(missing)
    )


def _methods_handled(callback) -> set[str]:
    """The unsafe methods a view answers, as far as its code tells: a viewset's actions,
    or a view whose own code (decorators included) names POST."""
    actions = getattr(callback, "actions", None)
    if actions is not None:
        return {m.upper() for m in actions if m in ("post", "patch", "put", "delete")}
    view = getattr(callback, "view_class", None) or inspect.unwrap(callback)
    try:
        source = inspect.getsource(view)
    except (OSError, TypeError):
        return set()
    return {"POST"} if ("POST" in source or "request.method" in source) else set()


def test_every_view_that_takes_a_form_has_a_post_row():
    """A view that acts on POST (or PATCH) is posted to by every column of the matrix (in
    the route's first case; the others may only vary the address)."""
    missing = []
    for route, _name, callback in url_patterns():
        if in_admin(route) or route not in matrix.MATRIX:
            continue
        for method in sorted(_methods_handled(callback)):
            if method not in matrix.MATRIX[route][0].expect:
                missing.append(f"{method} {route}")
    assert not missing, "Add a row for these methods (docs/authorisation.md):\n  " + "\n  ".join(missing)


def test_the_matrix_names_no_url_the_project_no_longer_has():
    routes = {route for route, _name, _callback in url_patterns()}
    stale = [route for route in matrix.MATRIX if route not in routes and not in_admin(route)]
    assert not stale, "Remove these entries, their URL is gone:\n  " + "\n  ".join(stale)


def test_the_admin_is_checked_on_representative_pages_of_the_group():
    routes = {route for route, _name, _callback in url_patterns() if in_admin(route)}
    listed = [route for route in matrix.MATRIX if in_admin(route)]
    assert len(listed) >= 4
    assert set(listed) <= routes, set(listed) - routes


def test_every_model_in_the_django_admin_follows_the_roles():
    """The admin is one group in the matrix because the site itself refuses everyone but a
    national administrator; a model registered outside `RoleGatedAdmin` must be a known
    third-party one (which Django's own permission flags also close)."""
    outside = sorted(
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, RoleGatedAdmin)
    )
    assert outside == sorted(matrix.ADMIN_THIRD_PARTY), outside


def _names_an_object_of_the_province(case: matrix.Case) -> bool:
    return any(
        not spec.startswith("=") and spec.split(".")[0] not in matrix.NATIONAL_OBJECTS for spec in case.kwargs.values()
    )


def test_the_outsider_is_refused_objects_of_the_province_as_if_they_did_not_exist():
    """The project's rule: on a URL that names an object of Tỉnh Thái Nguyên, the outsider
    (Hải Phòng) gets 404, never 403 (a 403 is for a person who may see the object but not
    do this, or who lacks the capability whatever the object)."""
    wrong = []
    for route, cases in matrix.MATRIX.items():
        for case in cases:
            if case.public or not _names_an_object_of_the_province(case):
                continue
            for method, row in case.expect.items():
                cell = matrix.parse_row(row, route=route, method=method)[matrix.COLUMNS.index("outsider")]
                if cell == "403":
                    wrong.append(f"{method} {route}")
    assert not wrong, wrong


MISSING_PK = 2_000_000_000


def test_a_refusal_does_not_tell_agency_b_or_the_outsider_whether_the_object_exists(world, db):
    """Wherever agency B or the outsider is refused with 403 on an object of the province,
    the same URL naming an object that does not exist answers them 403 too: the refusal
    comes before the lookup and says nothing about the object."""
    wrong, checked = [], 0
    columns = ("agency_b", "outsider")
    for route, cases in matrix.MATRIX.items():
        for case in cases:
            if case.public or not _names_an_object_of_the_province(case):
                continue
            ids = {
                name: MISSING_PK
                for name, spec in case.kwargs.items()
                if not spec.startswith("=") and isinstance(_resolve(world, spec), Model)
            }
            if not ids:
                continue
            missing = matrix.Case(**{**vars(case), "kwargs": {**case.kwargs, **{k: f"={v}" for k, v in ids.items()}}})
            for method, row in case.expect.items():
                cells = matrix.parse_row(row, route=route, method=method)
                for column in columns:
                    if cells[matrix.COLUMNS.index(column)] != "403":
                        continue
                    checked += 1
                    caller = world.callers[column]
                    path = build_path(route, missing, world)
                    with transaction.atomic():
                        response = caller.request(
                            method,
                            path,
                            route=route,
                            query=_fields(world, case.query),
                            data={} if method == "GET" else _fields(world, case.data),
                        )
                        transaction.set_rollback(True)
                    if response.status_code != 403:
                        wrong.append(
                            f"{method} {route} as {column}: 403 for the real object, {response.status_code} for none"
                        )
    assert checked >= 5
    assert not wrong, "\n".join(wrong)


def test_the_anonymous_visitor_is_sent_to_sign_in_on_every_staff_page():
    wrong = []
    for route, cases in matrix.MATRIX.items():
        if route.startswith((matrix.API_PREFIX, matrix.OPEN311_PREFIX)):
            continue
        for case in cases:
            if case.public:
                continue
            for method, row in case.expect.items():
                cell = matrix.parse_row(row, route=route, method=method)[-1]
                if cell != "in":
                    wrong.append(f"{method} {route}: {cell}")
    assert not wrong, wrong
