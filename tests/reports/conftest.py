"""Report fixtures on the cast's geography, across the 2025 succession.

March 2023 (legacy units, all in old Yên Bái):
  old_front_a (old xã Bảo Ái → commune A): DON_NHAN 10, DON_GQ 8, NUT 5 — submitted LATE
  old_front_b (old xã Tân Hương → commune B): DON_NHAN 20, DON_GQ 15, NUT 7 — submitted on time, approved
  old_commission (Ban Dân vận Tỉnh ủy Yên Bái): DON_NHAN 3, DON_GQ 3 — submitted on time
  old_front_c (old xã Tân Hương, second body): draft only (missing)
  hue_commission (Huế): DON_NHAN 100 — submitted (never counted in Lào Cai)
September 2025 (new units): front_a 4, front_b 6, commission 1 (DON_NHAN), all submitted on time.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from danvan.orgs.models import Kind, Organization
from danvan.reports.domain.default_form import DEFAULT_FORM_CODE, ensure_default_form
from danvan.reports.domain.periods import get_period
from danvan.reports.domain.reports import create_report, save_report, submit_report
from danvan.reports.models import Report, Status
from tests.factories import OrganizationFactory, UserFactory

REFORM = datetime.date(2025, 7, 1)
LEGACY_END = datetime.date(2025, 6, 30)


def at(day: datetime.date):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def make_report(actor, org, period, values, *, submitted_on=None, form=None):
    form = form or ensure_default_form()
    report = create_report(actor=actor, form=form, period=period, organization=org)
    save_report(report, actor=actor, expected_version=report.version, values=values)
    if submitted_on:
        submit_report(report, actor=actor)
        Report.objects.unscoped("test reads back").filter(pk=report.pk).update(submitted_at=at(submitted_on))
        report.refresh_from_db()
    return report


@pytest.fixture
def rep(cast):
    r = SimpleNamespace(cast=cast)
    Organization.objects.filter(pk__in=[cast.commission.pk, cast.front.pk, cast.front_a.pk, cast.front_b.pk,
                                        cast.party.pk]).update(valid_from=REFORM)
    g = cast.geo
    r.form = ensure_default_form()
    assert r.form.code == DEFAULT_FORM_CODE
    r.root = UserFactory(username="root", is_superuser=True, is_staff=True)
    r.old_front_a = OrganizationFactory(name="Ủy ban MTTQ xã Bảo Ái (cũ)", kind=Kind.FATHERLAND_FRONT,
                                        area=g.old_commune_a, valid_to=LEGACY_END)
    r.old_front_b = OrganizationFactory(name="Ủy ban MTTQ xã Tân Hương", kind=Kind.FATHERLAND_FRONT,
                                        area=g.old_commune_b, valid_to=LEGACY_END)
    r.old_front_c = OrganizationFactory(name="Ban Dân vận Đảng ủy xã Tân Hương", kind=Kind.MOBILIZATION_COMMISSION,
                                        area=g.old_commune_b, valid_to=LEGACY_END)
    r.m2023 = get_period("month", 2023, 3)
    r.m2025 = get_period("month", 2025, 9)
    late, on_time = datetime.date(2023, 4, 20), datetime.date(2023, 4, 3)
    r.a23 = make_report(r.root, r.old_front_a, r.m2023, {"DV_DON_NHAN": 10, "DV_DON_GQ": 8, "DV_NUT": 5,
                                                         "DV_MH_DK": 2}, submitted_on=late)
    r.b23 = make_report(r.root, r.old_front_b, r.m2023, {"DV_DON_NHAN": 20, "DV_DON_GQ": 15, "DV_NUT": 7,
                                                         "DV_MH_DK": 3}, submitted_on=on_time)
    Report.objects.unscoped("test reads back").filter(pk=r.b23.pk).update(status=Status.APPROVED)
    r.y23 = make_report(r.root, cast.old_commission, r.m2023, {"DV_DON_NHAN": 3, "DV_DON_GQ": 3, "DV_MH_DK": 0},
                        submitted_on=on_time)
    r.c23 = make_report(r.root, r.old_front_c, r.m2023, {"DV_DON_NHAN": 50})
    r.h23 = make_report(r.root, cast.hue_commission, r.m2023, {"DV_DON_NHAN": 100, "DV_DON_GQ": 1, "DV_MH_DK": 1},
                        submitted_on=on_time)
    sept = datetime.date(2025, 10, 2)
    r.a25 = make_report(r.root, cast.front_a, r.m2025, {"DV_DON_NHAN": 4, "DV_DON_GQ": 4, "DV_MH_DK": 1},
                        submitted_on=sept)
    r.b25 = make_report(r.root, cast.front_b, r.m2025, {"DV_DON_NHAN": 6, "DV_DON_GQ": 2, "DV_MH_DK": 1},
                        submitted_on=sept)
    r.p25 = make_report(r.root, cast.commission, r.m2025, {"DV_DON_NHAN": 1, "DV_DON_GQ": 1, "DV_MH_DK": 0},
                        submitted_on=sept)
    return r


# A fake module's records for the indicator sources' tests: dialogues held per organization id and period label.
HELD = {}


def _dialogues(organization, period):
    return HELD.get((organization.pk, period.label))


@pytest.fixture
def source(rep):
    """``DV_DT_SO`` counted from ``HELD`` for the test (the registration before it restored after)."""
    from danvan.reports.domain.sources import register_source, source_for, unregister_source

    previous = source_for("DV_DT_SO")
    register_source("DV_DT_SO", _dialogues, label="sổ đối thoại",
                    url=lambda organization, period: f"/doi-thoai/?org={organization.pk}")
    HELD.clear()
    yield
    HELD.clear()
    unregister_source("DV_DT_SO")
    if previous is not None:
        register_source(previous.code, previous.fn, label=previous.label, url=previous.url)
