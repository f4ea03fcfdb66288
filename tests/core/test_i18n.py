import datetime
import os
import shutil
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from tests.conftest import login


# CI installs gettext (.ci/run), so there the check always runs; on a developer's machine without it, skip.
@pytest.mark.skipif(shutil.which("xgettext") is None and not os.environ.get("CI"),
                    reason="gettext tools are not installed (apt-get install gettext)")
def test_every_catalogue_is_complete_and_up_to_date():
    call_command("catalogues", check=True)  # raises CommandError listing what is missing or untranslated


def test_catalogue_check_finds_untranslated_entries(tmp_path):
    from danvan.core.management.commands.catalogues import untranslated

    po = tmp_path / "django.po"
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Save"\nmsgstr "Lưu"\n\nmsgid "Cancel"\nmsgstr ""\n\n'
                  '#, fuzzy\nmsgid "Edit"\nmsgstr "Sửa"\n', encoding="utf-8")
    assert untranslated(po) == ["Cancel", "Edit"]


def test_vietnamese_is_the_default_even_for_an_english_browser(cast):
    client = login(cast.province)
    body = client.get("/to-chuc/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tổ chức trong hệ thống dân vận" in body
    assert '<html lang="vi">' in body


def test_english_can_be_chosen(cast):
    client = login(cast.province)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Organizations of the mass mobilization network" in client.get("/to-chuc/").content.decode()


def render(template, **context):
    return Template("{% load dv %}" + template).render(Context(context))


def test_numbers_percentages_and_dates_in_vietnamese_format():
    with translation.override("vi"):
        assert render("{{ n|num }}", n=1134) == "1.134"
        assert render("{{ n|num }}", n=2255000000) == "2.255.000.000"
        assert render("{{ r|pct }}", r=Decimal("0.3624")) == "36,24%"
        assert render("{% pct_of 55 123 %}") == "44,7%"
        assert render("{{ d|date:'SHORT_DATE_FORMAT' }}", d=datetime.date(2024, 1, 5)) == "05/01/2024"
        assert render("{{ n|num }}", n=None) == "—"


def test_models_and_migrations_agree(db):
    from io import StringIO

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)  # exits non-zero on drift


def test_whole_number_fast_path_matches_number_format():
    from django.utils.formats import number_format

    for language in ("vi", "en"):
        with translation.override(language):
            for n in (0, 7, 999, 1000, 1134, -2255000, 74828):
                assert render("{{ n|num }}", n=n) == number_format(n, use_l10n=True, force_grouping=True)
