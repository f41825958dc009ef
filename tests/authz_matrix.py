"""The authorisation matrix: for every URL pattern of the project, what each member of the
cast gets when they open it (GET) and when they post to it (POST: an empty form, or the
minimal `data` of the case where the form is checked before the permission).

Checked by tests/test_authz_matrix.py against the world of tests/authz_world.py; how to
read it and how to add a row: docs/authorisation.md.

Columns, in this order (the people of tests/conftest.py, three more roles held over Xã
Cao Minh, and nobody):

    adm  admin             national system administrator
    prv  province_officer  synthesis board over Tỉnh Thái Nguyên (P)
    agA  agency_a          officer of Sở Nông nghiệp và Môi trường (agency A), who acts on the objects
    agB  agency_b          officer of Sở Xây dựng (agency B): must be refused A's things
    com  commune_officer   secretariat over Xã Cao Minh (C)
    out  outsider          synthesis board of Hải Phòng: refused everything in P
    mtq  mttq              Fatherland Front collector over C
    chr  chair             chair over C (Bí thư Đảng ủy xã)
    sup  supervisor        supervisor over C (read-only)
    ano  anonymous         nobody signed in (no session, no API key)

Cells:

    ok   200: the page (or file) is given
    go   302 to a page of the same feature, and something changed (an audit entry, or the
         object the URL names)
    no   302 to a page of the same feature, nothing changed: a refusal or an empty form
         sent back with its message
    in   302 to the sign-in page
    201  created (API, Open311)
    400  the empty form or request is refused as invalid, nothing changed
    401  no credentials (API)
    403  refused: the person sees the object (or the list) but may not do this
    404  refused as if it did not exist: the object is outside the person's units
    405  the method is not accepted (a form that only takes POST, opened with GET)
    409  refused because the object's state does not allow it

A refusal (no, in, 400, 401, 403, 404, 405, 409) must leave the audit log and the objects
the URL names as they were; an answer the table does not name, above all a 500, fails
the test (reported as 500, "away" for a redirect out of the feature, "leak" for a page
showing what the person must not read).

The objects each URL names (kwargs) are attributes of the world: "plan" is world.plan,
"tree.agency_a" the unit of agency A; "=docx" is the text "docx" itself. In `query` and
`data`, W("group.version") is a value of the world, anything else is sent as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COLUMNS = (
    "admin",
    "province_officer",
    "agency_a",
    "agency_b",
    "commune_officer",
    "outsider",
    "mttq",
    "chair",
    "supervisor",
    "anonymous",
)
ALLOWED = {"ok", "go", "201"}
REFUSED = {"no", "in", "400", "401", "403", "404", "405", "409"}
CELLS = ALLOWED | REFUSED

# The people who must find none of the world's secrets on a page they are given.
MUST_NOT_READ = ("agency_b", "outsider", "anonymous")
# The agencies that answer a petition whose petitioner keeps their identity from them:
# they must find neither the name, nor the telephone, nor the e-mail on any page.
ANSWERING_AGENCIES = ("agency_a",)

# Objects of the world that belong to no province (the national working-day calendar).
NATIONAL_OBJECTS = ("calendar_exception",)

API_PREFIX = "api/v1/"
OPEN311_PREFIX = "open311/v2/"
ADMIN_PREFIX = "admin/"
# Models of other packages in the Django admin, not wrapped in RoleGatedAdmin (the site
# itself admits national administrators only).
ADMIN_THIRD_PARTY = (
    "auth.group",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "django_tasks_database.dbtaskresult",
)


class W(str):
    """A value of the world in a form's data: W("directive.version")."""


@dataclass(frozen=True)
class Case:
    kwargs: dict
    expect: dict  # method -> row of cells
    query: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    # Other namespaces a redirect may lead to and still be "the same feature".
    redirects: tuple = ()
    # A public page: no sign-in.
    public: bool = False
    # A page that shows the world's secrets to whoever holds its link (the petitioner's).
    reveals: bool = False
    why: str = ""


def case(
    kwargs=None,
    *,
    GET=None,
    POST=None,
    PATCH=None,
    query=None,
    data=None,
    redirects=(),
    public=False,
    reveals=False,
    why="",
):
    expect = {m: row for m, row in (("GET", GET), ("POST", POST), ("PATCH", PATCH)) if row is not None}
    return [
        Case(
            kwargs=kwargs or {},
            expect=expect,
            query=query or {},
            data=data or {},
            redirects=tuple(redirects),
            public=public,
            reveals=reveals,
            why=why,
        )
    ]


def parse_row(row: str, *, route: str = "", method: str = "") -> list[str]:
    cells = row.split()
    if len(cells) != len(COLUMNS):
        raise ValueError(f"{method} {route}: {len(cells)} cells, the matrix has {len(COLUMNS)} columns")
    unknown = [c for c in cells if c not in CELLS]
    if unknown:
        raise ValueError(f"{method} {route}: unknown cells {unknown}")
    return cells


MATRIX: dict[str, list[Case]] = {
    # ---- the public portal
    #          adm prv agA agB com out mtq chr sup ano
    "": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "dia-ban/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "dia-ban/<int:pk>/": case(
        {"pk": "tree.commune"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "hoi-nghi/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "hoi-nghi/feed.xml": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "hoi-nghi/<int:pk>/": case(
        {"pk": "upcoming"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "ket-qua/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "ket-qua/feed.xml": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "du-lieu-ca-nhan/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "gui-kien-nghi/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "gui-kien-nghi/da-gui/": case(
        None,
        GET="  no  no  no  no  no  no  no  no  no  no",
        public=True,
    ),
    "tra-cuu/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "tra-cuu/kien-nghi/": case(
        None,
        GET="  no  no  no  no  no  no  no  no  no  no",
        public=True,
    ),
    "tra-cuu/kien-nghi/danh-gia/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 405",
        POST=" no  no  no  no  no  no  no  no  no  no",
        public=True,
    ),
    "tra-cuu/ket-thuc/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 405",
        POST=" no  no  no  no  no  no  no  no  no  no",
        public=True,
    ),
    # ---- signing in and one's own account
    #          adm prv agA agB com out mtq chr sup ano
    "accounts/login/": case(
        None,
        GET="  no  no  no  no  no  no  no  no  no  ok",
        redirects=("staff",),
        public=True,
    ),
    "accounts/login/code/": case(
        None,
        GET="  in  in  in  in  in  in  in  in  in  in",
        POST=" in  in  in  in  in  in  in  in  in  in",
        public=True,
    ),
    "accounts/logout/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 405",
        POST=" no  no  no  no  no  no  no  no  no  no",
        redirects=("portal",),
        public=True,
    ),
    "accounts/security/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "accounts/security/two-factor/setup/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "accounts/security/two-factor/recovery-codes/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "accounts/security/two-factor/recovery-codes/new/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "accounts/security/two-factor/disable/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "accounts/security/password/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "accounts/people/<int:pk>/two-factor/reset/": case(
        {"pk": "person"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  404 404 404 404 404 404 404 404 in",
        redirects=("organisation",),
    ),
    "accounts/password/reset/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "accounts/password/reset/sent/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "accounts/password/reset/<uidb64>/<token>/": case(
        {"uidb64": "=MQ", "token": "=cuqk8a-0123456789abcdef0123456789abcdef"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "accounts/password/reset/done/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    # ---- the staff home
    #          adm prv agA agB com out mtq chr sup ano
    "staff/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "staff/notifications/read/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  no  no  no  no  no  no  no  in",
    ),
    # ---- units and people
    #          adm prv agA agB com out mtq chr sup ano
    "organisation/units/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "organisation/units/create/": case(
        None,
        GET="  ok  403 403 403 403 403 403 403 403 in",
        POST=" ok  403 403 403 403 403 403 403 403 in",
    ),
    "organisation/units/picker/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    )
    + case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
        query={"capability": "petition.intake", "q": "Cao Minh"},
        why="the units a person may take petitions for",
    ),
    "organisation/units/<int:pk>/": case(
        {"pk": "tree.agency_a"},
        GET="  ok  ok  ok  404 404 404 404 404 404 in",
        why="agency A's unit: seen by those whose units contain it",
    ),
    "organisation/units/<int:pk>/update/": case(
        {"pk": "tree.agency_a"},
        GET="  ok  404 404 404 404 404 404 404 404 in",
        POST=" ok  404 404 404 404 404 404 404 404 in",
    ),
    "organisation/units/<int:pk>/dissolve/": case(
        {"pk": "tree.agency_a"},
        GET="  ok  404 404 404 404 404 404 404 404 in",
        POST=" ok  404 404 404 404 404 404 404 404 in",
    ),
    "organisation/units/<int:pk>/restore/": case(
        {"pk": "tree.agency_a"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  404 404 404 404 404 404 404 404 in",
    ),
    "organisation/people/": case(
        None,
        GET="  ok  ok  403 403 ok  ok  403 ok  403 in",
    ),
    "organisation/people/create/": case(
        None,
        GET="  ok  404 404 404 404 404 404 404 404 in",
        POST=" ok  404 404 404 404 404 404 404 404 in",
        query={"organisation": W("tree.commune")},
        why="a person of Xã Cao Minh: only an administrator over the unit",
    ),
    "organisation/people/<int:pk>/": case(
        {"pk": "person"},
        GET="  ok  ok  404 404 ok  404 404 ok  404 in",
        why="MTTQ's collector of Xã Cao Minh: read by administrators, secretariats, boards and chairs over them",
    ),
    "organisation/people/<int:pk>/update/": case(
        {"pk": "person"},
        GET="  ok  404 404 404 404 404 404 404 404 in",
        POST=" ok  404 404 404 404 404 404 404 404 in",
    ),
    "organisation/people/<int:pk>/roles/grant/": case(
        {"pk": "person"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  404 404 404 404 404 404 404 404 in",
    ),
    "organisation/people/<int:pk>/roles/<int:assignment_pk>/revoke/": case(
        {"pk": "person", "assignment_pk": "assignment"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  404 404 404 404 404 404 404 404 in",
    ),
    # ---- the working-day calendar
    #          adm prv agA agB com out mtq chr sup ano
    "calendar/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "calendar/<int:year>/": case(
        {"year": "=2026"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "calendar/exceptions/create/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  403 403 403 403 403 403 403 403 in",
    ),
    "calendar/exceptions/<int:pk>/delete/": case(
        {"pk": "calendar_exception"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  403 403 403 403 403 403 403 403 in",
        why="a national day swap: only a national administrator",
    ),
    # ---- plans, conferences, duties
    #          adm prv agA agB com out mtq chr sup ano
    "plans/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "plans/new/": case(
        None,
        GET="  ok  ok  403 403 ok  ok  403 403 403 in",
        POST=" ok  ok  403 403 ok  ok  403 403 403 in",
    ),
    "plans/<int:pk>/": case(
        {"pk": "plan"},
        GET="  ok  ok  ok  404 404 404 404 404 404 in",
        why="the province's plan: agency A reads it through its duty; the commune's people do not",
    ),
    "plans/<int:pk>/edit/": case(
        {"pk": "plan"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/issue/": case(
        {"pk": "plan"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/cancel/": case(
        {"pk": "plan"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/document.<str:fmt>": case(
        {"pk": "plan", "fmt": "=docx"},
        GET="  ok  ok  ok  404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/responsibilities/add/": case(
        {"pk": "plan"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/responsibilities/<int:item_pk>/edit/": case(
        {"pk": "plan", "item_pk": "responsibility"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/responsibilities/<int:item_pk>/delete/": case(
        {"pk": "plan", "item_pk": "responsibility"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/tasks/add/": case(
        {"pk": "plan"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/conferences/add/": case(
        {"pk": "plan"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/<int:pk>/programmes/add/": case(
        {"pk": "plan"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/programmes/<int:pk>/generate/": case(
        {"pk": "programme"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 404 404 404 404 404 in",
    ),
    "plans/tasks/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  403 in",
    ),
    "plans/tasks/<int:pk>/": case(
        {"pk": "task"},
        GET="  ok  ok  ok  404 404 404 404 404 404 in",
        POST=" ok  ok  ok  404 404 404 404 404 404 in",
        why="agency A's duty (done, with its file): agency A may post or reopen it, not edit it",
    ),
    "plans/tasks/<int:pk>/edit/": case(
        {"pk": "task"},
        GET="  ok  ok  403 404 404 404 404 404 404 in",
        POST=" ok  ok  403 404 404 404 404 404 404 in",
    ),
    "plans/tasks/<int:pk>/reopen/": case(
        {"pk": "task"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  go  404 404 404 404 404 404 in",
    ),
    "plans/tasks/<int:pk>/delete/": case(
        {"pk": "task"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 404 404 404 404 404 in",
    ),
    "plans/tasks/<int:pk>/file/": case(
        {"pk": "task"},
        GET="  ok  ok  ok  404 404 404 404 404 404 in",
    ),
    "plans/conferences/<int:pk>/": case(
        {"pk": "upcoming"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
        why="the commune's upcoming conference: read by every role over the commune, changed by planners",
    ),
    "plans/conferences/<int:pk>/edit/": case(
        {"pk": "upcoming"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
        POST=" ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/status/": case(
        {"pk": "upcoming"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
        data={"status": "cancelled"},
    ),
    "plans/conferences/<int:pk>/announce/": case(
        {"pk": "upcoming"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/unannounce/": case(
        {"pk": "upcoming"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/timeline/": case(
        {"pk": "upcoming"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
        POST=" ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/chairs/add/": case(
        {"pk": "upcoming"},
        GET="  no  no  404 404 no  404 403 403 403 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/chairs/<int:item_pk>/delete/": case(
        {"pk": "upcoming", "item_pk": "chair_item"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/delegations/add/": case(
        {"pk": "upcoming"},
        GET="  no  no  404 404 no  404 403 403 403 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/delegations/<int:item_pk>/delete/": case(
        {"pk": "upcoming", "item_pk": "delegation"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/participants/add/": case(
        {"pk": "upcoming"},
        GET="  no  no  404 404 no  404 403 403 403 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/invitations-sent/": case(
        {"pk": "upcoming"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "plans/participants/<int:pk>/invitation/": case(
        {"pk": "participant"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
        data={"status": "invited"},
    ),
    "plans/participants/<int:pk>/attendance/": case(
        {"pk": "participant"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/participants/<int:pk>/delete/": case(
        {"pk": "participant"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/agenda/prefill/": case(
        {"pk": "upcoming"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/agenda/add/": case(
        {"pk": "upcoming"},
        GET="  no  no  404 404 no  404 403 403 403 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/agenda/<int:item_pk>/edit/": case(
        {"pk": "upcoming", "item_pk": "agenda_item"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
        POST=" ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/agenda/<int:item_pk>/move/": case(
        {"pk": "upcoming", "item_pk": "agenda_item"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/agenda/<int:item_pk>/delete/": case(
        {"pk": "upcoming", "item_pk": "agenda_item"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "plans/conferences/<int:pk>/<str:kind>.<str:fmt>": case(
        {"pk": "upcoming", "kind": "=invitation", "fmt": "=docx"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    )
    + case(
        {"pk": "upcoming", "kind": "=invitation", "fmt": "=docx"},
        GET="  404 404 404 404 404 404 404 404 404 in",
        query={"participant": W("held_participant")},
        why="the invitation of a participant of another conference",
    ),
    "plans/calendar/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    # ---- petitions
    #          adm prv agA agB com out mtq chr sup ano
    "petitions/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    )
    + case(
        None,
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
        query={"conference": W("held")},
        why="the petitions of a conference named in the address",
    ),
    "petitions/new/": case(
        None,
        GET="  ok  ok  403 403 ok  ok  ok  403 403 in",
        POST=" ok  ok  403 403 ok  ok  ok  403 403 in",
    )
    + case(
        None,
        GET="  ok  ok  403 403 ok  404 ok  403 403 in",
        POST=" ok  ok  403 403 ok  404 ok  403 403 in",
        query={"conference": W("held")},
        why="the intake form for a conference named in the address",
    ),
    "petitions/<int:pk>/": case(
        {"pk": "petition"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
        why="a petition of the group agency A leads",
    ),
    "petitions/<int:pk>/edit/": case(
        {"pk": "petition"},
        GET="  ok  ok  403 404 ok  404 ok  403 403 in",
        POST=" ok  ok  403 404 ok  404 ok  403 403 in",
    ),
    "petitions/<int:pk>/triage/": case(
        {"pk": "petition"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  403 404 no  404 403 403 403 in",
    ),
    "petitions/<int:pk>/forward/": case(
        {"pk": "petition"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  403 404 no  404 403 403 403 in",
    ),
    "petitions/<int:pk>/acknowledge/": case(
        {"pk": "petition"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  403 404 no  404 no  403 403 in",
    ),
    "petitions/filters/save/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  no  no  no  no  no  no  no  in",
    ),
    "petitions/filters/<int:pk>/delete/": case(
        {"pk": "saved_filter"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  no  no  go  no  no  no  no  in",
        why="the commune officer's own saved filter: anyone else's request deletes nothing",
    ),
    "petitions/groups/new/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  no  no  go  no  403 403 403 in",
        data={"petitions": W("waiting_petition")},
    ),
    "petitions/groups/<int:pk>/": case(
        {"pk": "group"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
    ),
    "petitions/groups/<int:pk>/add/": case(
        {"pk": "group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 go  404 403 403 403 in",
        data={"petitions": W("waiting_petition")},
    ),
    "petitions/groups/<int:pk>/split/": case(
        {"pk": "group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  403 404 no  404 403 403 403 in",
    ),
    "petitions/groups/<int:pk>/edit/": case(
        {"pk": "assigned_group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 go  404 403 403 403 in",
        data={"summary": "Đề nghị sửa chữa đèn chiếu sáng đường liên thôn.", "field": W("field"), "level": "xa"},
    ),
    "petitions/groups/<int:pk>/assign/": case(
        {"pk": "assigned_group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 go  404 403 403 403 in",
        data={"lead_unit": W("tree.agency_b")},
    ),
    "petitions/groups/<int:pk>/answer/": case(
        {"pk": "assigned_group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  go  404 403 404 403 403 403 in",
        data={"text": "Sở sẽ sửa chữa đèn chiếu sáng trong tháng này."},
        why="a group agency A must answer: only its lead agency (and the boards) answer",
    ),
    "petitions/groups/<int:pk>/contribute/": case(
        {"pk": "assigned_group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 go  404 403 403 403 in",
        data={"text": "Xã đã khảo sát hiện trạng đèn chiếu sáng."},
        why="Ủy ban nhân dân xã supports the group: the commune's secretariat contributes, not agency A",
    ),
    "petitions/groups/<int:pk>/review/": case(
        {"pk": "submitted_group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 403 404 403 403 403 in",
        data={"decision": "approve", "comment": ""},
        why="an answer waiting for review: the synthesis board (and administrators) decide",
    ),
    "petitions/groups/<int:pk>/mode/": case(
        {"pk": "assigned_group"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  403 404 403 404 403 go  403 in",
        data={"mode": "live"},
        why="the chair decides which matters are answered live",
    ),
    "petitions/attachments/<int:pk>/": case(
        {"pk": "attachment"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
    ),
    "petitions/files/<int:pk>/": case(
        {"pk": "petition_file"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
        why="a file of a petition sent online to the commune, in no group",
    ),
    "petitions/inbox/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  403 403 403 in",
    ),
    "petitions/conferences/<int:pk>/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    ),
    "petitions/conferences/<int:pk>/report.<str:fmt>": case(
        {"pk": "held", "fmt": "=xlsx"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    ),
    "petitions/conferences/<int:pk>/form-<str:kind>.<str:fmt>": case(
        {"pk": "upcoming", "kind": "=citizen", "fmt": "=docx"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    ),
    "petitions/import/": case(
        None,
        GET="  ok  ok  403 403 ok  ok  ok  403 403 in",
        POST=" ok  ok  403 403 ok  ok  ok  403 403 in",
    )
    + case(
        None,
        GET="  ok  ok  403 403 ok  404 ok  403 403 in",
        POST=" ok  ok  403 403 ok  404 ok  403 403 in",
        query={"conference": W("held")},
        why="the import form for a conference named in the address",
    ),
    "petitions/import/<int:pk>/": case(
        {"pk": "import_batch"},
        GET="  ok  ok  403 403 ok  404 ok  403 403 in",
    ),
    "petitions/import/<int:pk>/start/": case(
        {"pk": "import_batch"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 no  404 404 in",
    ),
    "petitions/import/template.xlsx": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    # ---- the conference day
    #          adm prv agA agB com out mtq chr sup ano
    "proceedings/conferences/<int:pk>/check-in/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/check-in/attendance/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/check-in/code/": case(
        {"pk": "held"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/check-in/walk-in/": case(
        {"pk": "held"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" 400 400 404 404 400 404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/check-in/<int:participant_pk>/": case(
        {"pk": "upcoming", "participant_pk": "participant"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "proceedings/check-in/<uuid:token>/": case(
        {"token": "participant.token"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/speakers/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/speakers/add/": case(
        {"pk": "held"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" 400 400 404 404 400 404 403 403 403 in",
    ),
    "proceedings/speakers/<int:pk>/change/": case(
        {"pk": "speaker"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
        data={"action": "withdraw"},
    ),
    "proceedings/speakers/<int:pk>/record/": case(
        {"pk": "speaker"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" 400 400 404 404 400 404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/console/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/console/status/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/console/next-<str:what>/": case(
        {"pk": "held", "what": "=speaker"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/hall/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    ),
    "proceedings/conferences/<int:pk>/minutes/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 403 ok  403 in",
        why="approved minutes: the chair reads and approves, MTTQ and the supervisor do not",
    ),
    "proceedings/conferences/<int:pk>/minutes/edit/": case(
        {"pk": "held"},
        GET="  no  no  404 404 no  404 403 403 403 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "proceedings/conferences/<int:pk>/minutes/<str:action>/": case(
        {"pk": "held", "action": "=amend"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" 400 400 404 404 400 404 403 400 403 in",
    ),
    "proceedings/conferences/<int:pk>/minutes.<str:fmt>": case(
        {"pk": "held", "fmt": "=docx"},
        GET="  ok  ok  404 404 ok  404 403 ok  403 in",
    ),
    # ---- conclusion notices and directives
    #          adm prv agA agB com out mtq chr sup ano
    "conclusions/conference/<int:conference_pk>/draft/": case(
        {"conference_pk": "held2"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 403 403 403 in",
    ),
    "conclusions/<int:pk>/": case(
        {"pk": "draft_conclusion"},
        GET="  ok  ok  404 404 ok  404 404 ok  404 in",
        why="a draft notice: read by its drafters and the chair, not yet by MTTQ or the supervisor",
    ),
    "conclusions/<int:pk>/edit/": case(
        {"pk": "draft_conclusion"},
        GET="  ok  ok  404 404 ok  404 404 403 404 in",
        POST=" ok  ok  404 404 ok  404 404 403 404 in",
    ),
    "conclusions/<int:pk>/cancel/": case(
        {"pk": "draft_conclusion"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 404 403 404 in",
        redirects=("plans",),
    ),
    "conclusions/<int:pk>/refresh/": case(
        {"pk": "draft_conclusion"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 404 403 404 in",
    ),
    "conclusions/<int:pk>/approve/": case(
        {"pk": "draft_conclusion"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  403 404 404 403 404 404 go  404 in",
        why="a draft notice: approved by the chair (or an administrator)",
    ),
    "conclusions/<int:pk>/return/": case(
        {"pk": "draft_conclusion"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  403 404 404 403 404 404 no  404 in",
    ),
    "conclusions/<int:pk>/issue/": case(
        {"pk": "draft_conclusion"},
        GET="  ok  403 404 404 403 404 404 ok  404 in",
        POST=" ok  403 404 404 403 404 404 ok  404 in",
    ),
    "conclusions/<int:pk>/document.<str:fmt>": case(
        {"pk": "conclusion", "fmt": "=docx"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
        why="the issued notice: agency A reads it through its directive",
    ),
    "conclusions/<int:pk>/publication/": case(
        {"pk": "conclusion"},
        GET="  ok  ok  403 404 ok  404 403 403 403 in",
        POST=" go  go  403 404 go  404 403 403 403 in",
    ),
    "conclusions/<int:pk>/directives/add/": case(
        {"pk": "draft_conclusion"},
        GET="  ok  ok  404 404 ok  404 404 403 404 in",
        POST=" ok  ok  404 404 ok  404 404 403 404 in",
    ),
    "conclusions/directives/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  403 in",
    )
    + case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  403 in",
        query={"state": "all"},
        why="every directive, whatever its state",
    ),
    "conclusions/directives/<int:pk>/": case(
        {"pk": "directive"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
        why="the issued directive agency A leads",
    ),
    "conclusions/directives/<int:pk>/edit/": case(
        {"pk": "draft_directive"},
        GET="  ok  ok  404 404 ok  404 404 403 404 in",
        POST=" ok  ok  404 404 ok  404 404 403 404 in",
    ),
    "conclusions/directives/<int:pk>/delete/": case(
        {"pk": "draft_directive"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 404 403 404 in",
    ),
    "conclusions/directives/<int:pk>/move/<str:direction>/": case(
        {"pk": "draft_directive", "direction": "=up"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  no  404 404 no  404 404 403 404 in",
    ),
    "conclusions/policy/<int:unit_pk>/": case(
        {"unit_pk": "tree.dang_uy"},
        GET="  ok  ok  404 404 ok  404 403 403 403 in",
        POST=" ok  ok  404 404 ok  404 403 403 403 in",
    ),
    # ---- follow-up, recommendations, supervision
    #          adm prv agA agB com out mtq chr sup ano
    "followup/directives/<int:pk>/": case(
        {"pk": "directive"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
    ),
    "followup/directives/<int:pk>/<slug:action>/": case(
        {"pk": "directive", "action": "=progress"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  go  404 403 404 403 403 403 in",
        data={
            "progress-text": "Đã nạo vét thêm 200 m kênh mương.",
            "progress-version": W("directive.version"),
            "progress-key": "7d3c1f0e-5b2a-4c8e-9a61-3f4e2d1c0b9a",
        },
        why="a progress update: the responsible unit (and the boards); the issuer's secretariat only reads",
    ),
    "followup/groups/<int:pk>/": case(
        {"pk": "group"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
    ),
    "followup/groups/<int:pk>/<slug:action>/": case(
        {"pk": "group", "action": "=progress"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  go  404 403 404 403 403 403 in",
        data={
            "progress-text": "Đã khảo sát và lập dự toán nạo vét.",
            "progress-version": W("group.version"),
            "progress-key": "7d3c1f0e-5b2a-4c8e-9a61-3f4e2d1c0b9a",
        },
    ),
    "followup/evidence/<int:pk>/": case(
        {"pk": "evidence"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  in",
    ),
    "followup/escalations/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  403 403 403 in",
    ),
    "followup/escalations/new/<str:kind>/<int:pk>/": case(
        {"kind": "=group", "pk": "group"},
        GET="  ok  ok  ok  404 403 404 403 403 403 in",
        POST=" ok  ok  ok  404 403 404 403 403 403 in",
    )
    + case(
        {"kind": "=directive", "pk": "directive"},
        GET="  no  no  no  404 403 404 403 403 403 in",
        POST=" ok  ok  ok  404 403 404 403 403 403 in",
        why="a directive whose recommendation still waits for the answer: the form sends back to its page",
    ),
    "followup/escalations/<int:pk>/": case(
        {"pk": "escalation"},
        GET="  ok  ok  ok  404 404 404 404 404 404 in",
        why="agency A's recommendation to UBND tỉnh: its sender and the province see it",
    ),
    "followup/escalations/<int:pk>/answer/": case(
        {"pk": "escalation"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" 400 400 403 404 404 404 404 404 404 in",
        why="answered by the province's synthesis board or office, not by the sender",
    ),
    "followup/escalations/<int:pk>/return/": case(
        {"pk": "escalation"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" 400 400 403 404 404 404 404 404 404 in",
    ),
    "followup/escalations/<int:pk>/documents/<int:evidence_pk>/": case(
        {"pk": "answered_escalation", "evidence_pk": "escalation_evidence"},
        GET="  ok  ok  ok  404 ok  404 404 404 404 in",
        why="the province's answer to the commune's recommendation, with its document",
    ),
    "followup/supervision/": case(
        None,
        GET="  ok  ok  403 403 403 ok  ok  ok  ok  in",
    )
    + case(
        None,
        GET="  ok  ok  403 403 403 ok  ok  ok  ok  in",
        query={"unit": W("tree.agency_a"), "conference": W("held")},
        why="the list narrowed to a unit and a conference named in the address",
    ),
    "followup/supervision/export.xlsx": case(
        None,
        GET="  ok  ok  403 403 403 ok  ok  ok  ok  in",
    ),
    "followup/supervision/directive/<int:pk>/": case(
        {"pk": "directive"},
        GET="  ok  ok  403 403 403 404 ok  ok  ok  in",
    ),
    "followup/supervision/group/<int:pk>/": case(
        {"pk": "group"},
        GET="  ok  ok  403 403 403 404 ok  ok  ok  in",
    ),
    "followup/chair/": case(
        None,
        GET="  ok  403 403 403 403 403 403 ok  403 in",
        why="the chair's overview of their own conferences",
    ),
    # ---- reminders and chase letters
    #          adm prv agA agB com out mtq chr sup ano
    "reminders/": case(
        None,
        GET="  ok  ok  403 403 403 ok  403 403 403 in",
    ),
    "reminders/messages/<int:pk>/": case(
        {"pk": "message"},
        GET="  ok  ok  403 403 403 404 403 403 403 in",
    ),
    "reminders/chase/": case(
        None,
        GET="  ok  ok  403 403 403 ok  403 403 403 in",
    ),
    "reminders/chase/units/<int:unit_pk>/": case(
        {"unit_pk": "tree.agency_a"},
        GET="  ok  ok  403 403 403 404 403 403 403 in",
        POST=" ok  ok  403 403 403 404 403 403 403 in",
        why="agency A, late with its directive: chased by the synthesis board",
    ),
    "reminders/chase/letters/<int:pk>/": case(
        {"pk": "chase_letter"},
        GET="  ok  ok  403 403 403 404 403 403 403 in",
    ),
    "reminders/chase/letters/<int:pk>/document.<str:fmt>": case(
        {"pk": "chase_letter", "fmt": "=docx"},
        GET="  ok  ok  403 403 403 404 403 403 403 in",
    ),
    # ---- statistics and periodic reports
    #          adm prv agA agB com out mtq chr sup ano
    "statistics/": case(
        None,
        GET="  ok  ok  403 403 ok  ok  ok  ok  ok  in",
    )
    + case(
        None,
        GET="  ok  ok  403 403 ok  404 ok  ok  ok  in",
        query={"unit": W("tree.commune")},
        why="the figures of a unit named in the address",
    ),
    "statistics/rows/<slug:metric>/": case(
        {"metric": "=petitions"},
        GET="  ok  ok  403 403 ok  ok  ok  ok  ok  in",
    )
    + case(
        {"metric": "=petitions"},
        GET="  ok  ok  403 403 ok  404 ok  ok  ok  in",
        query={"unit": W("tree.commune")},
        why="the petitions behind a figure of a unit named in the address",
    ),
    "statistics/reports/": case(
        None,
        GET="  ok  ok  403 403 ok  ok  403 403 403 in",
        POST=" 400 400 403 403 400 400 403 403 403 in",
    )
    + case(
        None,
        GET="  ok  ok  403 403 ok  ok  403 403 403 in",
        query={"unit": W("tree.commune")},
        why="the report form for a unit named in the address",
    ),
    # ---- the conference dossier
    #          adm prv agA agB com out mtq chr sup ano
    "dossier/conference/<int:pk>/": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    ),
    "dossier/conference/<int:pk>/build/": case(
        {"pk": "held"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  go  404 404 go  404 go  go  go  in",
        why="whoever sees the plan and the petitions through the commune may archive (docs/dossier.md)",
    ),
    "dossier/<int:pk>/download/": case(
        {"pk": "dossier"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  in",
    ),
    # ---- personal data
    #          adm prv agA agB com out mtq chr sup ano
    "privacy/": case(
        None,
        GET="  ok  ok  403 403 403 ok  403 403 403 in",
    ),
    "privacy/lookup/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" ok  403 403 403 403 403 403 403 403 in",
    ),
    "privacy/export/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  403 403 403 403 403 403 403 403 in",
    ),
    "privacy/anonymise/": case(
        None,
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" no  403 403 403 403 403 403 403 403 in",
    ),
    "privacy/access/": case(
        None,
        GET="  ok  ok  403 403 403 ok  403 403 403 in",
    ),
    "privacy/access/petition/<int:pk>/": case(
        {"pk": "petition"},
        GET="  ok  ok  403 403 403 404 403 403 403 in",
    ),
    "privacy/access/staff/<int:pk>/": case(
        {"pk": "person"},
        GET="  ok  ok  403 403 403 404 403 403 403 in",
    ),
    # ---- the petitioner's satisfaction link
    #          adm prv agA agB com out mtq chr sup ano
    "danh-gia/<str:token>/": case(
        {"token": "satisfaction_token"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
        reveals=True,
        why="the petitioner's secret link: whoever holds it (no sign-in) sees the matter",
    ),
    # ---- the audit log
    #          adm prv agA agB com out mtq chr sup ano
    "audit/": case(
        None,
        GET="  ok  ok  403 403 403 ok  403 403 403 in",
    ),
    "audit/<int:pk>/": case(
        {"pk": "audit_entry"},
        GET="  ok  ok  404 404 404 404 404 404 404 in",
        why="the entry of the province's plan: administrators and the province's synthesis board",
    ),
    # ---- the REST API (a key in the Authorization header; anonymous: no key)
    #          adm prv agA agB com out mtq chr sup ano
    "api/v1/schema/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "api/v1/^units/$": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
    ),
    "api/v1/^units/(?P<pk>[^/]+)/$": case(
        {"pk": "tree.agency_a"},
        GET="  ok  ok  ok  404 404 404 404 404 404 401",
    ),
    "api/v1/^conferences/$": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
    ),
    "api/v1/^conferences/(?P<pk>[^/]+)/$": case(
        {"pk": "held"},
        GET="  ok  ok  404 404 ok  404 ok  ok  ok  401",
    ),
    "api/v1/^petitions/$": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
        POST=" 400 400 403 403 400 400 400 403 403 401",
    )
    + case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
        query={"conference": W("held")},
        why="the petitions of a conference named in the address",
    ),
    "api/v1/^petitions/(?P<pk>[^/]+)/$": case(
        {"pk": "petition"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  401",
        PATCH="400 400 403 404 400 404 403 403 403 401",
    ),
    "api/v1/^assignments/$": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
    ),
    "api/v1/^assignments/(?P<pk>[^/]+)/$": case(
        {"pk": "group"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  401",
    ),
    "api/v1/^assignments/(?P<pk>[^/]+)/assign/$": case(
        {"pk": "assigned_group"},
        GET="  405 405 405 405 405 405 405 405 405 401",
        POST=" 400 400 403 404 400 404 403 403 403 401",
    ),
    "api/v1/^answers/$": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
        POST=" 201 201 201 400 403 400 403 403 403 401",
        data={"group": W("assigned_group"), "text": "Sở sẽ sửa chữa đèn chiếu sáng trong tháng này."},
        why="an answer to the group agency A must answer: a group the caller cannot see is an invalid value (400)",
    ),
    "api/v1/^answers/(?P<pk>[^/]+)/$": case(
        {"pk": "answer"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  401",
    ),
    "api/v1/^answers/(?P<pk>[^/]+)/review/$": case(
        {"pk": "submitted_answer"},
        GET="  405 405 405 405 405 405 405 405 405 401",
        POST=" 400 400 403 404 403 404 403 403 403 401",
    ),
    "api/v1/^directives/$": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
    )
    + case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
        query={"conference": W("held")},
        why="the directives of a conference named in the address",
    ),
    "api/v1/^directives/(?P<pk>[^/]+)/$": case(
        {"pk": "directive"},
        GET="  ok  ok  ok  404 ok  404 ok  ok  ok  401",
    ),
    "api/v1/^directives/(?P<pk>[^/]+)/progress/$": case(
        {"pk": "directive"},
        GET="  405 405 405 405 405 405 405 405 405 401",
        POST=" 400 400 400 404 403 404 403 403 403 401",
        data={"text": "Đã nạo vét thêm 200 m kênh mương."},
    ),
    "api/v1/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  401",
    ),
    "api/v1/^(?P<rest>.*)$": case(
        {"rest": "=khong-co/"},
        GET="  404 404 404 404 404 404 404 404 404 404",
    ),
    # ---- Open311 GeoReport v2 (api_key parameter; anonymous: no key)
    #          adm prv agA agB com out mtq chr sup ano
    "open311/v2/^discovery\\.(?P<fmt>json|xml)$": case(
        {"fmt": "=json"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "open311/v2/^services\\.(?P<fmt>json|xml)$": case(
        {"fmt": "=json"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "open311/v2/^services/(?P<code>[^/]+?)\\.(?P<fmt>json|xml)$": case(
        {"code": "field.code", "fmt": "=json"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        public=True,
    ),
    "open311/v2/^requests\\.(?P<fmt>json|xml)$": case(
        {"fmt": "=json"},
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        POST=" 201 201 403 403 201 403 201 403 403 403",
        data={
            "jurisdiction_id": "01879",
            "service_code": "dat_dai",
            "description": "Đề nghị sửa chữa đường vào khu sản xuất thôn Nà Đon.",
            "last_name": "Nông",
            "first_name": "Văn Sáu",
            "phone": "0912999000",
            "address_string": "thôn Nà Đon, xã Cao Minh",
            "attribute[consent]": "true",
            "attribute[request_key]": "matran-post-1",
        },
        public=True,
        why="POST: a petition to Xã Cao Minh; only a key whose person takes petitions there",
    ),
    "open311/v2/^requests/(?P<request_id>[^/]+?)\\.(?P<fmt>json|xml)$": case(
        {"request_id": "open311_petition.pk", "fmt": "=json"},
        GET="  404 404 404 404 404 404 ok  404 404 404",
        public=True,
        why="an unpublished request sent by MTTQ's application: only that application reads it",
    ),
    "open311/v2/^(?P<rest>.*)$": case(
        {"rest": "=khong-co.json"},
        GET="  404 404 404 404 404 404 404 404 404 404",
        public=True,
    ),
    # ---- API keys
    #          adm prv agA agB com out mtq chr sup ano
    "api-keys/": case(
        None,
        GET="  ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
        POST=" ok  ok  ok  ok  ok  ok  ok  ok  ok  in",
    ),
    "api-keys/<int:pk>/revoke/": case(
        {"pk": "api_token"},
        GET="  405 405 405 405 405 405 405 405 405 in",
        POST=" go  404 go  404 404 404 404 404 404 in",
        why="agency A's key: its person or an administrator revokes it",
    ),
    # ---- the Django admin: one group, national administrators only (representative pages)
    #          adm prv agA agB com out mtq chr sup ano
    "admin/": case(
        None,
        GET="  ok  in  in  in  in  in  in  in  in  in",
    ),
    "admin/core/auditentry/": case(
        None,
        GET="  ok  in  in  in  in  in  in  in  in  in",
    ),
    "admin/core/auditentry/<path:object_id>/change/": case(
        {"object_id": "audit_entry"},
        GET="  ok  in  in  in  in  in  in  in  in  in",
        POST=" 403 in  in  in  in  in  in  in  in  in",
    ),
    "admin/organisation/unitkind/": case(
        None,
        GET="  ok  in  in  in  in  in  in  in  in  in",
    ),
    "admin/organisation/unitkind/add/": case(
        None,
        GET="  ok  in  in  in  in  in  in  in  in  in",
        POST=" ok  in  in  in  in  in  in  in  in  in",
    ),
    "admin/organisation/unitkind/<path:object_id>/change/": case(
        {"object_id": "tree.province.kind"},
        GET="  ok  in  in  in  in  in  in  in  in  in",
        POST=" ok  in  in  in  in  in  in  in  in  in",
    ),
    "admin/plans/timelinetemplate/": case(
        None,
        GET="  ok  in  in  in  in  in  in  in  in  in",
    ),
}
