"""Approving many reports in one step (``approve_reports``): the same outcome as one approval each,
all or nothing, in a fixed number of queries whatever the count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import AuditEvent
from danvan.orgs.models import Kind
from danvan.reports.domain import reports as actions
from danvan.reports.domain.periods import get_period
from danvan.reports.models import Report, ReportEvent, Status
from tests.factories import OrganizationFactory
from tests.reports.conftest import make_report

FIGURES = {"DV_DON_NHAN": 4, "DV_DON_GQ": 1, "DV_MH_DK": 1}


def submitted(rep, orgs, month=10):
    period = get_period("month", 2024, month)
    return [make_report(rep.root, org, period, FIGURES, submitted_on=period.end) for org in orgs]


def stored(report):
    return Report._base_manager.get(pk=report.pk)


def test_bulk_approval_writes_what_one_approval_writes(rep):
    front_a, front_b = rep.cast.front_a, rep.cast.front_b
    reports = submitted(rep, [front_a, front_b, rep.cast.commission])
    versions = [r.version for r in reports]
    approved = actions.approve_reports(reports, actor=rep.cast.leader)
    assert [r.pk for r in approved] == [r.pk for r in reports]
    for report, version in zip(reports, versions, strict=True):
        row = stored(report)
        assert (row.status, row.version, row.approved_by_id) == (Status.APPROVED, version + 1, rep.cast.leader.pk)
        assert row.approved_at is not None
        assert report.status == Status.APPROVED and report.version == version + 1  # the caller's objects too
        event = ReportEvent._base_manager.filter(report_id=report.pk, action="approve").get()
        assert (event.actor_id, event.from_status, event.to_status) == (rep.cast.leader.pk, Status.SUBMITTED,
                                                                        Status.APPROVED)
        audit = AuditEvent.objects.filter(object_id=str(report.pk), action="action",
                                          changes__status=[Status.SUBMITTED, Status.APPROVED])
        assert audit.filter(actor=rep.cast.leader).count() == 1


def test_bulk_approval_refuses_a_report_the_leader_is_not_above_and_changes_nothing(rep):
    hue_front = OrganizationFactory(name="Ủy ban MTTQ phường Thuận Hóa", kind=Kind.FATHERLAND_FRONT, area=rep.cast.geo.hue)
    reports = submitted(rep, [rep.cast.front_a, hue_front])
    events = ReportEvent._base_manager.count()
    with pytest.raises(actions.NotAllowed):
        actions.approve_reports(reports, actor=rep.cast.leader)
    assert [stored(r).status for r in reports] == [Status.SUBMITTED, Status.SUBMITTED]
    assert ReportEvent._base_manager.count() == events


def test_bulk_approval_refuses_the_leaders_own_unit_below_the_top(rep):
    """A commune leader may approve neither the commune's own report (not at the top) nor, above all, one
    outside: the same rule as ``may_review``."""
    from danvan.orgs.models import Membership, Role
    from danvan.orgs.scope import _CACHE_ATTR

    report, = submitted(rep, [rep.cast.front_a])
    Membership.objects.filter(user=rep.cast.commune_a, organization=rep.cast.front_a).update(role=Role.LEADER)
    rep.cast.commune_a.__dict__.pop(_CACHE_ATTR, None)
    assert not actions.access.may_review(rep.cast.commune_a, report)  # the one-report rule agrees
    with pytest.raises(actions.NotAllowed):
        actions.approve_reports([report], actor=rep.cast.commune_a)
    assert stored(report).status == Status.SUBMITTED


def test_bulk_approval_takes_the_same_number_of_queries_for_two_or_six_reports(rep):
    orgs = [rep.cast.front_a, rep.cast.front_b, rep.cast.commission]
    warm = submitted(rep, orgs[:1], month=9)
    actions.approve_reports(warm, actor=rep.cast.leader)  # the leader's memberships and content types are cached
    few = submitted(rep, orgs[:2], month=10)
    many = submitted(rep, orgs, month=11) + submitted(rep, orgs, month=12)
    counts = []
    for batch in (few, many):
        with CaptureQueriesContext(connection) as queries:
            actions.approve_reports(batch, actor=rep.cast.leader)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert all(stored(r).status == Status.APPROVED for r in few + many)
