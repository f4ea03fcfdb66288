"""The scope matrix: every route that takes an object id has a scope case (``tests/scope_cases.py``).

``test_every_id_route_has_a_scope_case`` walks the whole URL configuration (Django patterns, and the
NinjaAPI's path operations with their methods) and fails, naming the routes, when one has no case; each
``test_scope_case[...]`` then proves its case on a world built once for the module.
"""

import json

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.models import Model
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import bearer
from tests.scope_cases import CASES, EXEMPT_PREFIXES, PREPARE, PUBLIC, Case, build_world

ID_PARAMS = ("pk", "object_id")  # and every parameter named *_id
DJANGO_METHODS = ("GET", "POST")  # a Django view answers both unless it refuses one (405)


def _is_id(name: str) -> bool:
    return name in ID_PARAMS or name.endswith("_id")


def _django_routes(patterns=None, prefix=""):
    """(route, parameter names) of every Django URL pattern that is not a NinjaAPI path operation."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            if getattr(p, "namespace", None) == "api":
                continue  # the API: walked through its path operations (they carry their methods)
            yield from _django_routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield "/" + prefix + str(p.pattern), list(p.pattern.regex.groupindex)


def _api_operations():
    """(method, path) of every path operation of the one NinjaAPI (routers included)."""
    from danvan.api.urls import api

    root = "/api/v1"
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = (root + "/" + prefix.strip("/") + path).replace("//", "/").rstrip("/")
            for operation in path_view.operations:
                for method in operation.methods:
                    yield method, full


def id_routes() -> list[str]:
    """Every (method, route) key that takes an object id, outside the exempt prefixes."""
    keys = []
    for route, params in _django_routes():
        if any(_is_id(p) for p in params) and not route.startswith(tuple(EXEMPT_PREFIXES)):
            keys += [f"{method} {route}" for method in DJANGO_METHODS]
    for method, path in _api_operations():
        params = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        if any(_is_id(p) for p in params):
            keys.append(f"{method} {path}")
    return sorted(set(keys))


def coverage_problems(routes, cases, public) -> list[str]:
    """What is wrong between the id-taking routes and the registry, one line per route."""
    problems = [f"no scope case: {key}" for key in routes if key not in cases and key not in public]
    problems += [f"case for a route that does not exist: {key}" for key in [*cases, *public] if key not in routes]
    problems += [f"both a case and public: {key}" for key in set(cases) & set(public)]
    return problems


def test_every_id_route_has_a_scope_case():
    problems = coverage_problems(id_routes(), CASES, PUBLIC)
    assert not problems, "tests/scope_cases.py is out of step with the URL configuration:\n" + "\n".join(problems)


def test_a_route_without_a_case_is_named(settings):
    """A new id-taking page or API operation without a case fails the matrix, naming it."""
    from django.urls import clear_url_caches, path
    from ninja import Router

    from danvan.api.urls import api

    routes = id_routes()
    assert coverage_problems(routes, CASES, PUBLIC) == []
    reduced = {k: v for k, v in CASES.items() if k != "GET /hoi-nghi/<int:pk>/"}
    assert coverage_problems(routes, reduced, PUBLIC) == ["no scope case: GET /hoi-nghi/<int:pk>/"]

    # a new page and a new API operation taking ids are picked up by the walk
    urls = type("urls", (), {"urlpatterns": [path("moi/<int:pk>/", lambda r, pk: None)]})
    settings.ROOT_URLCONF = urls
    clear_url_caches()
    try:
        assert {"GET /moi/<int:pk>/", "POST /moi/<int:pk>/"} <= set(id_routes())
    finally:
        clear_url_caches()
    router = Router()
    router.delete("/{widget_id}")(lambda request, widget_id: None)
    api._routers.append(("/widgets", router))
    try:
        assert "DELETE /api/v1/widgets/{widget_id}" in id_routes()
    finally:
        api._routers.remove(("/widgets", router))


def test_the_walker_sees_pages_and_api_routes():
    """The walk reaches the Django pages and every NinjaAPI operation with its method (so that a route
    without a case cannot hide from it), and skips neither a POST nor a PUT/PATCH of the API."""
    routes = id_routes()
    assert "GET /hoi-nghi/<int:pk>/" in routes and "POST /hoi-nghi/<int:pk>/ket-luan/" in routes
    assert "PUT /api/v1/reports/{report_id}/values" in routes
    assert "PATCH /api/v1/practices/{practice_id}" in routes
    assert "GET /api/v1/reports" not in routes and "GET /hoi-nghi/" not in routes  # lists take no id
    assert not [r for r in routes if "/quan-tri-he-thong/" in r]


# --- the cases ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def matrix_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, matrix_media):
    """The world's files live in one folder for the whole module (overrides the per-test folder)."""
    settings.MEDIA_ROOT = matrix_media
    settings.DANVAN_X_ACCEL_PREFIX = ""


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, matrix_media):
    """The world, built once for the module inside a transaction rolled back at the end; every test runs
    in its own savepoint (the ``db`` fixture), so what a case changes is undone for the next one."""
    settings = override_settings(MEDIA_ROOT=matrix_media, DANVAN_X_ACCEL_PREFIX="",
                                 PASSWORD_HASHERS=["tests.hashers.QuickArgon2PasswordHasher"])
    with django_db_blocker.unblock(), settings:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build_world()
            world.sessions = sign_in_everyone(world)
            yield world
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def pristine(world):
    """A copy of every object of the world as built (the database is rolled back to that state after
    each case, so the objects are put back the same way, without a query)."""
    return {name: dict(value.__dict__) for name, value in vars(world).items() if isinstance(value, Model)}


@pytest.fixture
def w(world, pristine, db):
    """The world, its objects as built (a previous case may have changed the in-memory copies, e.g. a
    domain action in ``PREPARE``, before its savepoint was rolled back)."""
    for name, state in pristine.items():
        obj = getattr(world, name)
        obj.__dict__.clear()
        obj.__dict__.update(state)
    return world


def table_counts() -> tuple:
    """The row count of every table of the project's apps, in one query (read outside any scope)."""
    tables = sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True)
                     if m.__module__.startswith("danvan.")})
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables))
        return tuple(zip(tables, cursor.fetchone(), strict=True))


def sign_in_everyone(world) -> dict:
    """Signed-in clients and API headers of every user a case names, made with the world (so that a
    session row or an API token is neither rolled back with a case nor counted as a row it wrote)."""
    made = {}
    for case in CASES.values():
        for who in (case.owner, case.other):
            if (who, case.is_api) not in made:
                client = Client()
                if case.is_api:
                    made[who, True] = client, bearer(getattr(world, who))
                else:
                    client.force_login(getattr(world, who))
                    made[who, False] = client, {}
    return made


def signed_in(case: Case, w, who: str):
    """A function making ``case``'s request as the world's user ``who``."""
    client, headers = w.sessions[who, case.is_api]

    def send():
        if case.is_api:
            body = json.dumps(case.data(w)) if case.data else ""
            return client.generic(case.method, case.url(w), body, content_type="application/json", **headers)
        if case.method == "GET":
            return client.get(case.url(w))
        data = case.data(w) if case.data else {}
        if case.files:
            data.update(case.files())
        return client.post(case.url(w), data)
    return send


def explain(response) -> str:
    """The messages of a refused or invalid request, for the failure report."""
    context = getattr(response, "context", None)
    if context is not None:
        values = [v for layer in (context if isinstance(context, list) else [context]) for d in layer.dicts
                  for v in d.values()]
        forms = {id(v): v for v in values if hasattr(v, "errors") and hasattr(v, "is_bound")}.values()
        errors = [dict(f.errors) for f in forms if f.is_bound and f.errors]
        if errors:
            return f"form errors: {errors}"
    messages = [str(m) for m in response.wsgi_request._messages] if hasattr(response, "wsgi_request") else []
    return f"messages: {messages}" if messages else content(response)[:500]


def content(response) -> str:
    if getattr(response, "streaming", False):
        raw = b"".join(response.streaming_content)
    else:
        raw = response.content
    return raw.decode("utf-8", "replace")


@pytest.mark.parametrize("key", sorted(CASES))
def test_scope_case(key, w):
    case = CASES[key]
    owner, other = signed_in(case, w, case.owner), signed_in(case, w, case.other)
    if key in PREPARE:
        PREPARE[key](w)
    if case.kind == "refuse":
        response = owner()
        assert response.status_code == 405, f"{key}: {case.method} is answered, give it a real case"
        return

    # the other unit: 404, nothing shown, nothing written
    watched = case.watch(w) if case.watch else None
    before = table_counts()
    refused = other()
    assert refused.status_code == 404, f"{key}: the other unit got {refused.status_code}"
    shown = case.shows(w) if case.shows else None
    if shown:
        assert shown not in content(refused)
    assert table_counts() == before, f"{key}: a refused request wrote rows"
    if case.watch:
        assert case.watch(w) == watched, f"{key}: a refused request changed the object"

    # the owner (positive control): the same request works
    response = owner()
    assert response.status_code == case.status, f"{key}: the owner got {response.status_code}; {explain(response)}"
    if case.shows:
        assert case.shows(w) in content(response)
    if case.json_id:
        assert response.json()["id"] == case.json_id(w)
    if case.kind == "change":
        assert case.watch(w) != watched, f"{key}: the owner's request changed nothing; {explain(response)}"
