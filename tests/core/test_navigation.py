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


# The template loop the base layout used before the menu was written in Python (render_menu): the same HTML.
TEMPLATE_MENU = """        {% for item in nav_items %}{% if item.children %}
        <li class="nav-item dropdown">
          <a class="nav-link dropdown-toggle{% if nav_active in item.keys %} active{% endif %}" href="#" role="button" data-bs-toggle="dropdown" aria-expanded="false"><i class="bi bi-{{ item.icon }}"></i> {{ item.label }}</a>
          <ul class="dropdown-menu">
            <li><a class="dropdown-item{% if item.key == nav_active %} active{% endif %}" href="{{ item.url }}">{{ item.label }}</a></li>
            {% for child in item.children %}<li><a class="dropdown-item{% if child.key == nav_active %} active{% endif %}" href="{{ child.url }}"><i class="bi bi-{{ child.icon }}"></i> {{ child.label }}</a></li>{% endfor %}
          </ul>
        </li>{% else %}
        <li class="nav-item"><a class="nav-link{% if item.key == nav_active %} active{% endif %}" href="{{ item.url }}"{% if item.key == nav_active %} aria-current="page"{% endif %}><i class="bi bi-{{ item.icon }}"></i> {{ item.label }}</a></li>
        {% endif %}{% endfor %}"""


def test_menu_written_in_python_is_the_html_of_the_template_loop(cast):
    from django.template import engines
    from django.utils import translation

    from danvan.core.navigation import items_for, render_menu

    loop = engines["django"].from_string(TEMPLATE_MENU)
    for language in ("vi", "en"):
        with translation.override(language):
            for user in (cast.province, cast.admin, cast.nobody):
                entries = items_for(user)
                for active in ("", None, "dashboard", "reports", "report_rollup", "orgs", "users", "practices"):
                    expected = loop.render({"nav_items": entries, "nav_active": active})
                    assert "        " + render_menu(entries, active) == expected
    with translation.override("en"):
        assert "Overview" in render_menu(items_for(cast.province), "")
    with translation.override("vi"):
        assert "Tổng quan" in render_menu(items_for(cast.province), "")  # kept per language
    assert 'href="/to-chuc/nguoi-dung/"' in render_menu(items_for(cast.admin), "")
    assert 'href="/to-chuc/nguoi-dung/"' not in render_menu(items_for(cast.province), "")  # kept per entries
