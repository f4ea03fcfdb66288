"""Search in the report list ranks what the user meant first (issue 10 §6): the organization whose name
has the phrase, then the words apart (as the organization list); then the latest period."""

from danvan.orgs.models import Kind
from danvan.reports.domain.periods import get_period
from danvan.reports.queries.reports import filter_reports
from tests.factories import OrganizationFactory, UserFactory
from tests.reports.conftest import make_report


def test_the_organization_named_by_the_phrase_comes_first(cast):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    farmers = OrganizationFactory(name="Hội Nông dân xã Bảo Ái", kind=Kind.FARMERS,
                                  area=cast.geo.commune_a)
    commission = OrganizationFactory(name="Ban Dân vận xã Bảo Ái, khối nông nghiệp",
                                     kind=Kind.MOBILIZATION_COMMISSION, area=cast.geo.commune_a)
    make_report(root, farmers, get_period("month", 2026, 3), {"DV_DON_NHAN": 1})
    make_report(root, commission, get_period("month", 2026, 6), {"DV_DON_NHAN": 2})
    for q in ("nong dan", "Nông dân"):
        assert [r.organization.name for r in filter_reports(root, q=q)] == [farmers.name, commission.name]
    assert [r.organization.name for r in filter_reports(root)] == [commission.name, farmers.name]
