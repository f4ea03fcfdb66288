"""Search in the report list ranks what the user meant first (issue 10 §6): the organization whose name
has the phrase, then the words apart (as the organization list); then the latest period."""

from danvan.orgs.models import Kind
from danvan.reports.domain.periods import get_period
from danvan.reports.queries.reports import filter_reports
from tests.factories import OrganizationFactory, UserFactory
from tests.reports.conftest import make_report


def test_the_organization_named_by_the_phrase_comes_first(cast):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    commission = OrganizationFactory(name="Ban Dân vận Đảng ủy xã Bảo Ái", kind=Kind.MOBILIZATION_COMMISSION,
                                     area=cast.geo.commune_a)
    front = OrganizationFactory(name="Ủy ban Mặt trận Tổ quốc xã Văn Đàn", kind=Kind.FATHERLAND_FRONT,
                                area=cast.geo.commune_a)
    other = OrganizationFactory(name="Ủy ban Mặt trận Tổ quốc xã Cốc San", kind=Kind.FATHERLAND_FRONT,
                                area=cast.geo.commune_a)
    make_report(root, commission, get_period("month", 2025, 9), {"DV_DON_NHAN": 1})
    make_report(root, front, get_period("month", 2025, 10), {"DV_DON_NHAN": 2})
    make_report(root, other, get_period("month", 2025, 11), {"DV_DON_NHAN": 3})
    for q in ("dan van", "Dân vận"):
        assert [r.organization.name for r in filter_reports(root, q=q)] == [commission.name, front.name]
    assert [r.organization.name for r in filter_reports(root)] == [other.name, front.name, commission.name]
