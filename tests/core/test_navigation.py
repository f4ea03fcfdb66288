from tests.conftest import login


def test_menu_groups_sub_entries_under_their_parent(cast):
    from danvan.core.navigation import items_for

    entries = {entry.key: [child.key for child in entry.children] for entry in items_for(cast.admin)}
    assert "users" in entries["orgs"]
    assert "users" not in entries
    assert "users" not in {child for children in [entries[k] for k in entries] for child in children} - {"users"}
    assert "users" not in [c.key for e in items_for(cast.province) for c in e.children]


def test_menu_is_rendered_with_dropdowns(cast):
    body = login(cast.admin).get("/to-chuc/nguoi-dung/").content.decode()
    assert 'class="nav-link dropdown-toggle active"' in body
    assert 'href="/to-chuc/nguoi-dung/"' in body
