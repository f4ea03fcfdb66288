"""The people registry's own page masks ethnicity like the community module does (sensitive data)."""

from tests.conftest import login
from tests.meetings.helpers import person


def test_person_page_shows_ethnicity_only_to_roles_granted_it(cast):
    someone = person(cast.commission, "Lò Văn Páo", ethnicity="Tày")
    seen = login(cast.leader).get(f"/hoi-nghi/nguoi/{someone.pk}/").content.decode()
    assert "Lò Văn Páo" in seen and "Tày" in seen
    masked = login(cast.admin).get(f"/hoi-nghi/nguoi/{someone.pk}/").content.decode()
    assert "Lò Văn Páo" in masked and "Tày" not in masked and "•••" in masked
