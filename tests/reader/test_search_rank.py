"""The article list ranks a title match first (then the newest), not only the newest: an article found
only by its text comes after the one whose title holds what the user typed."""

import importlib

import pytest
from django.apps import apps

from danvan.reader.domain.articles import read_text
from danvan.reader.models import Article
from danvan.reader.queries import filter_articles

pytestmark = pytest.mark.django_db

BODY = "Sáng 14/11, Ủy ban MTTQ xã phối hợp tổ chức buổi gặp gỡ tại nhà văn hóa thôn Lủ Khấu."


@pytest.fixture
def articles(cast):
    # oldest first: the list shows the newest first
    for title, text in (
            ("Hội nghị đối thoại với nông dân xã Tả Van", BODY),
            ("Bản tin công tác dân vận tháng 11", "Hội nghị đối thoại với nông dân xã Tả Van thu hút đông người. " + BODY),
            ("Hội nghị đối thoại với nông dân", BODY)):
        read_text(actor=cast.province, organization=cast.commission, text=text, title=title)


def titles(user, **filters):
    return [a.title for a in filter_articles(user, **filters)]


def test_a_title_match_comes_before_a_text_match(cast, articles):
    assert titles(cast.province) == ["Hội nghị đối thoại với nông dân", "Bản tin công tác dân vận tháng 11",
                                     "Hội nghị đối thoại với nông dân xã Tả Van"]
    ranked = ["Hội nghị đối thoại với nông dân", "Hội nghị đối thoại với nông dân xã Tả Van",
              "Bản tin công tác dân vận tháng 11"]
    assert titles(cast.province, q="hoi nghi doi thoai voi nong dan") == ranked
    assert titles(cast.province, q="HỘI NGHỊ đối thoại với nông dân") == ranked
    assert titles(cast.province, q="lu khau") == titles(cast.province)  # in every text: the newest first


def test_the_migration_fills_the_folded_title(cast, articles):
    Article.objects.unscoped("test: blank the key").update(title_folded="")
    assert titles(cast.province, q="hoi nghi doi thoai") == titles(cast.province)  # no title key: the newest
    fold_titles = importlib.import_module("danvan.reader.migrations.0002_article_title_folded").fold_titles
    fold_titles(apps, None)
    assert titles(cast.province, q="hoi nghi doi thoai") == [
        "Hội nghị đối thoại với nông dân", "Hội nghị đối thoại với nông dân xã Tả Van",
        "Bản tin công tác dân vận tháng 11"]
