"""An organization's page and API name only the predecessors and successors the reader may open (each
one named would otherwise answer 404)."""

import datetime

from danvan.orgs.models import OrganizationSuccession
from tests.conftest import bearer, login


def _links(cast):
    # The commune MTTQ of Bảo Ái took over from the Huế commission (out of everyone's scope in Lào Cai but
    # the superuser's) and from the provincial MTTQ (above the commune officer); it became Phường Yên Bái's.
    day = datetime.date(2025, 7, 1)
    OrganizationSuccession.objects.create(predecessor=cast.hue_commission, successor=cast.front_a, kind="merge",
                                          effective=day)
    OrganizationSuccession.objects.create(predecessor=cast.front, successor=cast.front_a, kind="transfer",
                                          effective=day)
    OrganizationSuccession.objects.create(predecessor=cast.front_a, successor=cast.front_b, kind="merge",
                                          effective=day)


def _named(response, key):
    side = "predecessor" if key == "predecessors" else "successor"
    return [getattr(link, side) for link in response.context[key]]


def test_page_names_only_successions_the_reader_may_open(cast):
    _links(cast)
    response = login(cast.commune_a).get(f"/to-chuc/{cast.front_a.pk}/")
    assert response.context["org"] == cast.front_a
    assert (_named(response, "predecessors"), _named(response, "successors")) == ([], [])
    page = response.content.decode()
    for hidden in (cast.hue_commission, cast.front, cast.front_b):  # each would answer 404 when opened
        assert f'href="/to-chuc/{hidden.pk}/">{hidden.name}</a> —' not in page
        assert login(cast.commune_a).get(f"/to-chuc/{hidden.pk}/").status_code == 404
    wider = login(cast.mttq).get(f"/to-chuc/{cast.front_a.pk}/")  # positive control
    assert (_named(wider, "predecessors"), _named(wider, "successors")) == ([cast.front], [cast.front_b])
    assert f'href="/to-chuc/{cast.front_b.pk}/">{cast.front_b.name}</a> —' in wider.content.decode()


def test_api_names_only_successions_the_reader_may_open(cast, client):
    _links(cast)
    body = client.get(f"/api/v1/organizations/{cast.front_a.pk}", **bearer(cast.commune_a)).json()
    assert (body["predecessors"], body["successors"]) == ([], [])
    body = client.get(f"/api/v1/organizations/{cast.front_a.pk}", **bearer(cast.mttq)).json()
    assert body["predecessors"] == [{"id": cast.front.pk, "code": "", "name": cast.front.name}]
    assert body["successors"] == [{"id": cast.front_b.pk, "code": "", "name": cast.front_b.name}]
    for ref in body["predecessors"] + body["successors"]:
        assert client.get(f"/api/v1/organizations/{ref['id']}", **bearer(cast.mttq)).status_code == 200
