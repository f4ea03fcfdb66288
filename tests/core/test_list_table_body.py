"""The list table's rows written in Python (``core.lists.table_body``) are the HTML of the template loop
they replaced, whatever the cell: escaped text, numbers, dates, links, badges, CSS classes."""

import datetime

from django.template import engines
from django.utils import translation
from django.utils.html import format_html

from danvan.core.lists import Column, ListDefinition, ListFilterForm, table_body
from danvan.orgs.models import Organization

LOOP = """{% for row, cells in table.rows %}
    <tr>{% for html, format, css in cells %}<td class="{% if format == 'number' %}dv-num {% endif %}{{ css }}">{{ html }}</td>{% endfor %}</tr>
  {% endfor %}"""


def test_table_body_is_the_html_of_the_template_loop(cast):
    Organization.objects.filter(pk=cast.front_a.pk).update(short_name='<b>"MTTQ" & co</b>')
    definition = ListDefinition(
        key="test_table_body", form=ListFilterForm, query=lambda user, **f: Organization.objects.for_user(user),
        title="t", filename="t", list_url="org_list",
        columns=[
            Column("name", "Name", link=lambda o: f"/to-chuc/{o.pk}/?a=1&b=2"),
            Column("short_name", "Short", css="text-nowrap <x>"),
            Column("id", "Number", format="number", value=lambda o: o.pk * 1000),
            Column("valid_to", "Date", format="date"),
            Column("created", "When", value=lambda o: datetime.datetime(2026, 12, 1, 8, 30, tzinfo=datetime.UTC)),
            Column("flag", "Flag", format="bool", value=lambda o: o.pk % 2 == 0),
            Column("badge", "Badge", display=lambda o: format_html('<span class="badge">{}</span>', o.kind)),
            Column("raw", "Raw", display=lambda o: 1234.5),
        ])
    rows = list(Organization.objects.for_user(cast.province).order_by("id"))
    loop = engines["django"].from_string(LOOP)
    for language in ("vi", "en"):
        with translation.override(language):
            table = definition.table(rows)
            assert table["body"] == loop.render({"table": table})
            assert table["body"] == table_body(table["rows"])
    assert "&lt;b&gt;&quot;MTTQ&quot; &amp; co&lt;/b&gt;" in table["body"]
    assert 'class="text-nowrap &lt;x&gt;"' in table["body"]
    assert table_body([]) == ""


def test_the_definition_keeps_its_api_and_export():
    """table_body lives beside ListDefinition, not inside it (a misplaced helper once cut off every
    method after ``table``)."""
    for name in ("api", "export", "workbook", "file_name", "page", "table"):
        assert callable(getattr(ListDefinition, name, None)), name
