"""The scoped managers (``danvan.orgs.scoping``): a query on an organization-owned model that did not
pass through the scope raises, on every such model; the registry covers every model linked to an
organization."""

import pytest
from django.apps import apps
from django.contrib.admin.sites import site as admin_site
from django.db import models
from django.db.models import Count
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path

from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope, restrict
from danvan.orgs.scoping import (
    SCOPED_MODELS,
    UNSCOPED_MODELS,
    ScopedManagerMixin,
    ScopedModel,
    ScopedQuerySet,
    ScopeError,
)
from danvan.practices.models import Practice, PracticeEvent
from tests.conftest import login
from tests.practices.conftest import make_practice

SCOPED = sorted(SCOPED_MODELS, key=lambda m: m._meta.label)


def _project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("danvan.")]


def _links(model):
    """The models ``model`` points to (forward foreign keys, one-to-one and many-to-many)."""
    return {f.related_model for f in model._meta.get_fields()
            if f.is_relation and f.concrete and f.related_model is not None}


def test_registry_covers_every_model_linked_to_an_organization():
    """Every model with a relation to Organization, or to an organization-owned model, is scoped or
    listed as not organization-owned, with its reason."""
    missing = []
    for model in _project_models():
        linked = _links(model)
        if Organization in linked or linked & set(SCOPED_MODELS):
            if model not in SCOPED_MODELS and model._meta.label not in UNSCOPED_MODELS:
                missing.append(model._meta.label)
    assert missing == []
    labels = {m._meta.label for m in _project_models()}
    assert set(UNSCOPED_MODELS) <= labels  # no stale exemption
    assert {m._meta.label for m in SCOPED_MODELS}.isdisjoint(UNSCOPED_MODELS)


def test_registry_lists_the_organization_owned_models():
    assert {m._meta.label for m in SCOPED_MODELS} >= {
        "reports.Report", "reports.ReportValue", "practices.Practice", "practices.Campaign", "meetings.Meeting",
        "meetings.BridgePoint", "meetings.FollowUpTask", "meetings.TaskUpdate", "meetings.Person",
        "meetings.Position", "awards.Nomination", "documents.IssuedDocument",
    }


@pytest.mark.parametrize("model", SCOPED, ids=lambda m: m._meta.label)
def test_scoped_model_declares_manager_and_keeps_plain_base_manager(model):
    assert isinstance(model._default_manager, ScopedManagerMixin)
    assert isinstance(model._default_manager.get_queryset(), ScopedQuerySet)
    assert issubclass(model, ScopedModel)
    assert not isinstance(model._base_manager.get_queryset(), ScopedQuerySet)
    assert model._default_manager.use_in_migrations is False
    # every declared lookup leads to an organization
    for lookup in SCOPED_MODELS[model]:
        target = model
        for part in lookup.split("__"):
            target = target._meta.get_field(part).related_model
        assert target is Organization, (model, lookup)


EVALUATIONS = {
    "get": lambda qs: qs.get(pk=1),
    "list": lambda qs: list(qs),
    "len": lambda qs: len(qs),
    "bool": lambda qs: bool(qs),
    "first": lambda qs: qs.first(),
    "last": lambda qs: qs.last(),
    "count": lambda qs: qs.count(),
    "exists": lambda qs: qs.exists(),
    "aggregate": lambda qs: qs.aggregate(n=Count("pk")),
    "values": lambda qs: list(qs.values("pk")),
    "values_list": lambda qs: list(qs.values_list("pk", flat=True)),
    "in_bulk": lambda qs: qs.in_bulk([1]),
    "iterator": lambda qs: list(qs.iterator()),
    "slice": lambda qs: qs[0],
    "update": lambda qs: qs.update(pk=models.F("pk")),
    "delete": lambda qs: qs.delete(),
    "get_or_create": lambda qs: qs.get_or_create(pk=1),
}


@pytest.mark.django_db
@pytest.mark.parametrize("how", EVALUATIONS)
@pytest.mark.parametrize("model", SCOPED, ids=lambda m: m._meta.label)
def test_query_without_the_scope_raises(model, how):
    with pytest.raises(ScopeError) as exc:
        EVALUATIONS[how](model.objects.filter(pk__gt=0))
    assert model._meta.label in str(exc.value)
    assert "restrict(" in str(exc.value) and '.unscoped("why")' in str(exc.value)


@pytest.mark.django_db
@pytest.mark.parametrize("model", SCOPED, ids=lambda m: m._meta.label)
def test_restricted_or_explicitly_unscoped_query_runs(model, cast):
    assert restrict(model.objects.all(), cast.commune_a).count() == 0
    assert restrict(model.objects.all(), cast.commune_a).filter(pk__gt=0).order_by("pk").first() is None
    assert list(model.objects.unscoped("test reads back").values_list("pk", flat=True)) == []
    with pytest.raises(ValueError):
        model.objects.unscoped("  ")
    assert list(model.objects.none()) == []


def forgotten_view(request, label, pk):
    """What a new view that forgets the scope looks like."""
    obj = apps.get_model(label).objects.get(pk=pk)
    return HttpResponse(str(obj.pk))


def scoped_view(request, pk):
    return HttpResponse(get_in_scope(Practice.objects.all(), request.user, pk=pk).name)


urlpatterns = [
    path("forgotten/<str:label>/<int:pk>/", forgotten_view),
    path("scoped/<int:pk>/", scoped_view),
]


@pytest.mark.urls("tests.orgs.test_scoping")
@pytest.mark.parametrize("model", SCOPED, ids=lambda m: m._meta.label)
def test_new_view_calling_objects_get_raises(model, cast):
    with pytest.raises(ScopeError):
        login(cast.commune_a).get(f"/forgotten/{model._meta.label}/1/")


@pytest.mark.urls("tests.orgs.test_scoping")
def test_new_view_through_the_scope_answers_owner_and_404s_the_other_unit(cast):
    practice = make_practice(cast.front_a, name="Đường hoa nông thôn")
    assert login(cast.commune_a).get(f"/scoped/{practice.pk}/").content.decode() == "Đường hoa nông thôn"
    assert login(cast.commune_b).get(f"/scoped/{practice.pk}/").status_code == 404
    with pytest.raises(ScopeError):
        login(cast.commune_a).get(f"/forgotten/practices.Practice/{practice.pk}/")


def test_subquery_inside_a_scoped_query_does_not_raise(cast):
    own = make_practice(cast.front_a)
    make_practice(cast.front_b)
    inner = Practice.objects.filter(name__startswith="Mô hình")  # not scoped: compiled into the outer query
    assert list(restrict(Practice.objects.filter(pk__in=inner.values("pk")), cast.commune_a)) == [own]
    assert Organization.objects.filter(pk__in=inner.values("organization_id")).count() == 2


def test_related_manager_and_prefetch_from_an_object_in_hand(cast):
    practice = make_practice(cast.front_a)
    PracticeEvent.objects.create(practice=practice, action="create")
    fetched = get_in_scope(Practice.objects.all(), cast.commune_a, pk=practice.pk)
    assert [e.action for e in fetched.events.all()] == ["create"]
    prefetched = restrict(Practice.objects.prefetch_related("events"), cast.commune_a)
    assert [[e.action for e in p.events.all()] for p in prefetched] == [["create"]]
    event = practice.events.get()
    assert event.practice.organization == cast.front_a  # forward relation: the plain base manager
    event.refresh_from_db()


def test_restrict_with_several_lookups_keeps_each_row_once(cast):
    from danvan.meetings.models import Meeting

    meeting = Meeting.objects.create(title="Hội nghị giao ban", organization=cast.front,
                                     starts_at="2025-03-01T08:00:00+07:00")
    meeting.co_organizers.set([cast.front_a, cast.front_b])
    assert list(restrict(Meeting.objects.all(), cast.commune_a)) == [meeting]  # as co-organizer
    assert list(restrict(Meeting.objects.all(), cast.mttq)) == [meeting]  # organizer and both co-organizers
    assert list(restrict(Meeting.objects.all(), cast.hue)) == []


def test_admin_shows_every_row_to_a_superuser_and_the_scope_to_others(cast):
    import datetime

    from danvan.core.models import User
    from danvan.documents.domain.register import issue_number
    from danvan.documents.domain.terms import ensure_default_terms

    ensure_default_terms()
    day = datetime.date(2025, 3, 1)
    own = issue_number(organization=cast.front_a, doc_type="BC", issued_on=day, title="Báo cáo A", actor=None)
    other = issue_number(organization=cast.hue_commission, doc_type="BC", issued_on=day, title="Báo cáo H",
                         actor=None)
    doc_admin = next(a for m, a in admin_site._registry.items() if m._meta.label == "documents.IssuedDocument")
    request = RequestFactory().get("/")
    request.user = User.objects.create_superuser("root", password="x-Very-long-1")
    assert sorted(d.pk for d in doc_admin.get_queryset(request)) == sorted([own.pk, other.pk])
    request.user = cast.commune_a
    assert [d.pk for d in doc_admin.get_queryset(request)] == [own.pk]
