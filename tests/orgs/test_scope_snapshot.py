"""A read-only request resolves its scope once (``danvan.orgs.scope.scope_ids``, issue 9 §6): the same
rows as the subquery, never stale after a write to what makes a scope, and nothing kept across requests."""

from danvan.orgs.models import Kind, Membership, Organization, Role
from danvan.orgs.scope import can, reset_snapshot, restrict, scope_ids, snapshot_scope
from tests.conftest import login
from tests.factories import OrganizationFactory


def names(qs):
    return sorted(qs.values_list("name", flat=True))


def test_outside_a_read_only_request_the_scope_stays_a_subquery(cast):
    assert scope_ids(cast.province) is None
    assert "IN (SELECT" in str(Organization.objects.for_user(cast.province).query)


def test_the_snapshot_gives_the_same_organizations_as_the_subquery(cast):
    expected = {user.username: names(Organization.objects.for_user(user)) for user in
                (cast.province, cast.commune_a, cast.mttq, cast.nobody, cast.hue)}
    token = snapshot_scope(True)
    try:
        for user in (cast.province, cast.commune_a, cast.mttq, cast.nobody, cast.hue):
            ids = scope_ids(user)
            assert ids is not None
            assert names(Organization.objects.for_user(user)) == expected[user.username]
            assert sorted(Organization.objects.filter(pk__in=ids).values_list("name", flat=True)) == \
                expected[user.username]
        assert "IN (SELECT" not in str(Organization.objects.for_user(cast.province).query)
        assert can(cast.commune_a, "view", cast.front_a) and not can(cast.commune_a, "view", cast.front_b)
        assert not can(cast.province, "approve", cast.front_a) and can(cast.leader, "approve", cast.front_a)
        # restrict over a relation keeps the same memberships
        members = restrict(Membership.objects.all(), cast.mttq)
        assert sorted(m.user.username for m in members) == ["commune_a", "commune_b", "mttq"]
        assert scope_ids(cast.nobody) == []
    finally:
        reset_snapshot(token)


def test_a_superuser_is_never_narrowed_by_a_snapshot(cast):
    from tests.factories import UserFactory

    root = UserFactory(username="root_snapshot", is_superuser=True)
    token = snapshot_scope(True)
    try:
        assert scope_ids(root) is None
        assert Organization.objects.for_user(root).count() == Organization.objects.count()
    finally:
        reset_snapshot(token)


def test_a_new_organization_in_the_same_request_is_seen_at_once(cast):
    """A write to an organization ends the snapshot: a domain action that creates one and checks that
    its creator sees it (``_check_still_visible``) is never answered from a list read before."""
    token = snapshot_scope(True)
    try:
        before = scope_ids(cast.mttq)
        new = OrganizationFactory(name="Hội Nông dân xã Bảo Ái", kind=Kind.FARMERS, area=cast.geo.commune_a,
                                  parent=cast.front)
        assert new.pk not in before
        assert scope_ids(cast.mttq) is None  # the snapshot ended with the write
        assert "Hội Nông dân xã Bảo Ái" in names(Organization.objects.for_user(cast.mttq))
        assert can(cast.mttq, "view", new)
    finally:
        reset_snapshot(token)


def test_a_role_granted_shows_the_new_scope_on_the_next_page(cast):
    """Nothing of the snapshot outlives its request: commune A's officer granted a role in commune B
    sees commune B on the very next page (list and detail), and loses it when the role is taken away."""
    client = login(cast.commune_a)
    other = "Ủy ban MTTQ Việt Nam phường Yên Bái"
    assert other not in client.get("/to-chuc/").content.decode()
    assert client.get(f"/to-chuc/{cast.front_b.pk}/").status_code == 404
    membership = Membership.objects.create(user=cast.commune_a, organization=cast.front_b, role=Role.OFFICER)
    assert other in client.get("/to-chuc/").content.decode()
    assert other in client.get(f"/to-chuc/{cast.front_b.pk}/").content.decode()
    membership.delete()
    assert other not in client.get("/to-chuc/").content.decode()
    assert client.get(f"/to-chuc/{cast.front_b.pk}/").status_code == 404


def test_a_read_only_page_resolves_the_scope_once(cast):
    """The page filters every scoped query on the list read once (no nested scope subquery in any SQL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(cast.province)
    with CaptureQueriesContext(connection) as ctx:
        assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in client.get("/to-chuc/").content.decode()
    sqls = [q["sql"] for q in ctx.captured_queries]
    scope_reads = [sql for sql in sqls if sql.startswith('SELECT "orgs_organization"."id" AS "id" FROM "orgs_organization" '
                                                         'WHERE "orgs_organization"."area_id" IN (SELECT')]
    assert len(scope_reads) == 1, scope_reads
    assert not [sql for sql in sqls if 'IN (SELECT "V0"."id"' in sql]  # no query nests the scope again
