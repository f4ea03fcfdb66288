"""Wording that reads like Vietnamese (issue 10 §6): open-ended periods, counts with the thousands dot,
the row number "STT", the meeting's expected delegates."""

import datetime

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import pgettext

from danvan.core.templatetags.dv import date_span
from tests.conftest import login
from tests.practices.conftest import make_practice


def test_an_open_ended_period_reads_to_date():
    with translation.override("vi"):
        assert date_span(datetime.date(2025, 7, 1), None) == "từ 01/07/2025 đến nay"
        assert date_span(datetime.date(2018, 3, 1), datetime.date(2020, 12, 31)) == "01/03/2018 – 31/12/2020"
        assert date_span(None, datetime.date(2020, 12, 31)) == "… – 31/12/2020"


def test_counts_of_a_list_have_the_thousands_dot():
    page = Paginator(range(1260), 2000).get_page(1)
    request = RequestFactory().get("/")
    with translation.override("vi"):
        html = Template('{% include "includes/pagination.html" %}').render(
            Context({"page_obj": page, "request": request}))
        export = Template('{% load i18n dv %}{% blocktranslate count n=page_obj.paginator.count with '
                          'shown=page_obj.paginator.count|num %}Export {{ shown }} row to Excel{% plural %}Export '
                          '{{ shown }} rows to Excel{% endblocktranslate %}').render(Context({"page_obj": page}))
    assert "1.260 mục" in html
    assert export == "Xuất 1.260 dòng ra Excel"


def test_practice_list_numbers_rows_across_pages_not_ids(cast, settings):
    settings.DANVAN = {**settings.DANVAN, "PAGE_SIZE": 2}
    made = [make_practice(cast.front_a, name=f"Mô hình số {i}") for i in range(1, 4)]
    body = login(cast.commune_a).get("/mo-hinh/", {"page": 2}).content.decode()
    assert "<th class=\"dv-num\">STT</th>" in body
    table = body[body.index("<tbody>"):body.index("</tbody>")]
    assert '<td class="dv-num ">3</td>' in table
    assert f'<td class="dv-num dv-num">{made[2].pk}</td>' not in table


def test_expected_delegates_are_not_reports_to_submit():
    with translation.override("vi"):
        assert pgettext("delegates", "Expected") == "Đại biểu dự kiến"
        assert str(pgettext("meeting", "kind")) == "loại hội nghị"
        assert str(pgettext("organization", "kind")) == "loại tổ chức"


def test_no_message_of_django_reads_with_a_space_before_its_full_stop():
    """Django's own Vietnamese catalogue writes "… bằng với %(limit_value)s ." in three messages: every
    one of them is translated again by ours, and a refused number reads cleanly."""
    import re
    from pathlib import Path

    import django
    from django import forms
    from django.utils import translation

    po = Path(django.__file__).parent / "conf" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    entries = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po.read_text(encoding="utf-8"), re.M)
    spaced = [msgid for msgid, msgstr in entries if re.search(r"\s\.$", msgstr)]
    assert spaced, "Django's catalogue changed: this test guards nothing any more"
    with translation.override("vi"):
        for msgid in spaced:
            assert not re.search(r"\s\.$", translation.gettext(msgid)), msgid
        field = forms.IntegerField(min_value=1, max_value=100, label="Số hộ")
        for value, expected in (("150", "Giá trị này phải nhỏ hơn hoặc bằng 100."),
                                ("0", "Giá trị này phải lớn hơn hoặc bằng 1.")):
            try:
                field.clean(value)
            except forms.ValidationError as exc:
                assert exc.messages == [expected]
            else:
                raise AssertionError(f"{value} was accepted")
