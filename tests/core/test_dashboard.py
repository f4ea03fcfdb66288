from tests.conftest import login


def test_dashboard_counts_in_scope(cast):
    summary = login(cast.province).get("/").context["summary"]
    assert summary["organizations"] == 5
    assert summary["former_organizations"] == 1
    assert summary["communes"] == 2 and summary["legacy_communes"] == 2
    assert summary["users"] == 6
    commune = login(cast.commune_a).get("/").context["summary"]
    assert (commune["organizations"], commune["communes"], commune["users"]) == (1, 1, 1)


def test_dashboard_shows_the_users_organization_and_scope(cast):
    body = login(cast.mttq).get("/").content.decode()
    assert "Ủy ban MTTQ Việt Nam tỉnh Lào Cai" in body
    assert "và các tổ chức trực thuộc" in body


def test_user_without_organization_is_told_what_to_do(cast):
    body = login(cast.nobody).get("/").content.decode()
    assert "chưa được gán vào tổ chức nào" in body
