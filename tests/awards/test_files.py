"""A nomination's dossier files: served through a scoped view, never a /media/ link."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.awards.test_nominations import medal, nominate  # noqa: F401 - the fixture is used by name
from tests.conftest import login

PDF = b"%PDF-1.4 to trinh"


def test_dossier_file_link_answers_in_scope_only(cast, medal):  # noqa: F811
    n = nominate(cast, medal)
    client = login(cast.commune_a)
    client.post(f"/khen-thuong/{n.pk}/ho-so/", {"kind": "submission",
                                                "file": SimpleUploadedFile("To trinh.pdf", PDF)})
    item = n.files.get()
    assert item.original_name == "To trinh.pdf" and "trinh" not in item.file.name
    page = client.get(f"/khen-thuong/{n.pk}/").content.decode()
    link = re.search(r'href="(/khen-thuong/ho-so/\d+/tai-ve/)"', page).group(1)
    assert "/media/" not in page
    for user in (cast.commune_a, cast.province):
        response = login(user).get(link)
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"] == 'attachment; filename="To trinh.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
    assert login(cast.commune_b).get(link).status_code == 404


def test_dossier_refuses_a_disguised_file(cast, medal):  # noqa: F811
    n = nominate(cast, medal)
    page = login(cast.commune_a).post(f"/khen-thuong/{n.pk}/ho-so/", {
        "kind": "other", "file": SimpleUploadedFile("to-trinh.pdf", b"<html><script>x</script>")},
        follow=True).content.decode()
    assert "Nội dung tệp không phải là tệp PDF" in page and n.files.count() == 0
