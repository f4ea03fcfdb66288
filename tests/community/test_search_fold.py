"""The community lists that still matched the written text (hot spots, opinion topics, visits and gifts,
the read log) search without diacritics, whatever the case, and rank what the user meant first; the
migrations that add the folded columns fill the rows written before them."""

import datetime
import importlib

import pytest
from django.apps import apps

from danvan.community.domain import hotspots, opinion, support
from danvan.community.domain.privacy import record_read
from danvan.community.models import HotSpot, HotSpotField, OpinionTopic, SupportEvent
from danvan.community.queries.hotspots import filter_hot_spots
from danvan.community.queries.opinion import filter_topics
from danvan.community.queries.reads import filter_reads
from danvan.community.queries.support import filter_events
from danvan.orgs.models import Role
from tests.community.helpers import make_list, recognized
from tests.factories import member

pytestmark = pytest.mark.django_db


def fill(migration: str, function: str):
    """Run a migration's data fill against the current models (as ``RunPython`` would)."""
    getattr(importlib.import_module(f"danvan.community.migrations.{migration}"), function)(apps, None)


# hot spots ------------------------------------------------------------------------------------------------


@pytest.fixture
def spots(cast):
    field = HotSpotField.objects.get(name__startswith="Đất đai")

    def spot(title, village, day):
        return hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title=title, field=field,
                                        area=cast.geo.commune_a, village=village, review_date=day)

    return [spot("Điểm nóng tranh chấp đất rẫy giáp ranh Khe Lìa", "Thôn Khe Lìa", datetime.date(2027, 1, 12)),
            spot("Tranh chấp đất rẫy", "Bản Phìn Hồ", datetime.date(2027, 2, 9)),
            spot("Ô nhiễm nguồn nước suối Nậm Ớt", "Bản Tà Chải", datetime.date(2027, 3, 16))]


def titles(user, **filters):
    return [s.title for s in filter_hot_spots(user, **filters)]


def test_hot_spots_are_found_without_accents_and_in_any_case(cast, spots):
    both = ["Điểm nóng tranh chấp đất rẫy giáp ranh Khe Lìa", "Tranh chấp đất rẫy"]
    assert titles(cast.commune_a, q="tranh chap dat") == both
    assert titles(cast.commune_a, q="TRANH CHẤP Đất") == both
    assert titles(cast.commune_a, q="điểm nóng") == titles(cast.commune_a, q="DIEM NONG") == both[:1]
    assert titles(cast.commune_a, q="ta chai") == ["Ô nhiễm nguồn nước suối Nậm Ớt"]  # the village
    assert titles(cast.commune_a, q="Ô nhiễm nguồn nước suối Nậm Ớt") == ["Ô nhiễm nguồn nước suối Nậm Ớt"]
    assert titles(cast.commune_a, q="tranh chap dat lua") == []
    assert titles(cast.commune_b, q="tranh chap") == []  # still within the user's scope


def test_the_hot_spot_titled_as_typed_comes_first(cast, spots):
    # the list's order is the next review first; the search puts the exact title before it
    assert titles(cast.commune_a)[:2] == ["Điểm nóng tranh chấp đất rẫy giáp ranh Khe Lìa", "Tranh chấp đất rẫy"]
    assert titles(cast.commune_a, q="tranh chap dat ray") == [
        "Tranh chấp đất rẫy", "Điểm nóng tranh chấp đất rẫy giáp ranh Khe Lìa"]


def test_the_hot_spots_migration_fills_the_search_key(cast, spots):
    HotSpot.objects.unscoped("test: blank the key").update(search_folded="")
    assert titles(cast.commune_a, q="nam ot") == []
    fill("0011_hot_spot_search_folded", "fold_hot_spots")
    assert titles(cast.commune_a, q="nam ot") == ["Ô nhiễm nguồn nước suối Nậm Ớt"]
    assert titles(cast.commune_a, q="phin ho") == ["Tranh chấp đất rẫy"]


# opinion topics -------------------------------------------------------------------------------------------


@pytest.fixture
def topics(cast):
    def topic(title, day):
        return opinion.create_topic(actor=cast.province, organization=cast.commission, title=title, due_date=day)

    return [topic("Dư luận về giá đất bồi thường tuyến đường tránh", datetime.date(2027, 4, 30)),
            topic("Giá đất bồi thường", datetime.date(2027, 1, 31)),
            topic("Tâm trạng đoàn viên về sáp nhập chi đoàn", datetime.date(2027, 2, 28))]


def topic_titles(user, **filters):
    return [t.title for t in filter_topics(user, **filters)]


def test_topics_are_found_without_accents_and_in_any_case(cast, topics):
    both = ["Dư luận về giá đất bồi thường tuyến đường tránh", "Giá đất bồi thường"]
    assert topic_titles(cast.province, q="du luan") == both[:1]
    assert topic_titles(cast.province, q="GIÁ ĐẤT") == topic_titles(cast.province, q="gia dat") == both
    assert topic_titles(cast.province, q="Tâm trạng đoàn viên về sáp nhập chi đoàn") == [
        "Tâm trạng đoàn viên về sáp nhập chi đoàn"]
    assert topic_titles(cast.province, q="sap nhap thon") == []


def test_the_topic_titled_as_typed_comes_first(cast, topics):
    assert topic_titles(cast.province)[0] == "Dư luận về giá đất bồi thường tuyến đường tránh"  # latest due date
    assert topic_titles(cast.province, q="gia dat boi thuong") == [
        "Giá đất bồi thường", "Dư luận về giá đất bồi thường tuyến đường tránh"]


def test_the_topics_migration_fills_the_folded_title(cast, topics):
    OpinionTopic.objects.unscoped("test: blank the key").update(title_folded="")
    assert topic_titles(cast.province, q="doan vien") == []
    fill("0012_opinion_topic_title_folded", "fold_topics")
    assert topic_titles(cast.province, q="doan vien") == ["Tâm trạng đoàn viên về sáp nhập chi đoàn"]


# visits and gifts -----------------------------------------------------------------------------------------


@pytest.fixture
def events(cast):
    def event(name, day):
        return support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="poor_household",
                                    beneficiary_name=name, area=cast.geo.commune_a, date=day, occasion="tet",
                                    kind="gift", cash=300_000)

    return [event("Gia đình ông Lò Văn Pấng", datetime.date(2027, 1, 18)),
            event("Lò Văn Pấng Sử", datetime.date(2027, 1, 25)),
            event("Hộ bà Đèo Thị Ính", datetime.date(2027, 1, 21))]


def names(user, **filters):
    return [e.beneficiary_name for e in filter_events(user, **filters)]


def test_beneficiaries_are_found_without_accents_and_in_any_case(cast, events):
    both = ["Lò Văn Pấng Sử", "Gia đình ông Lò Văn Pấng"]
    assert names(cast.commune_a, q="lo van") == both
    assert names(cast.commune_a, q="LÒ VĂN") == both
    assert names(cast.commune_a, q="deo thi inh") == names(cast.commune_a, q="Đèo thị ính") == ["Hộ bà Đèo Thị Ính"]
    assert names(cast.commune_a, q="Hộ bà Đèo Thị Ính") == ["Hộ bà Đèo Thị Ính"]
    assert names(cast.commune_a, q="lo thi") == []
    # the name is shown to whoever sees the event; searching it stays within the same scope
    assert names(cast.commune_b, q="lo van") == []


def test_the_beneficiary_named_as_typed_comes_first(cast, events):
    assert names(cast.commune_a)[0] == "Lò Văn Pấng Sử"  # the latest first
    assert names(cast.commune_a, q="lo van pang") == ["Gia đình ông Lò Văn Pấng", "Lò Văn Pấng Sử"]


def test_the_support_migration_fills_the_folded_name(cast, events):
    SupportEvent.objects.unscoped("test: blank the key").update(beneficiary_folded="")
    assert names(cast.commune_a, q="deo") == []
    fill("0013_support_event_beneficiary_folded", "fold_beneficiaries")
    assert names(cast.commune_a, q="deo") == ["Hộ bà Đèo Thị Ính"]


# the read log ---------------------------------------------------------------------------------------------


@pytest.fixture
def readers(cast):
    entry = recognized(make_list(cast.front_a), "Sùng A Tủa")
    people = [member(cast.front_a, Role.OFFICER, full_name=name, username=username) for name, username in (
        ("Nguyễn Văn An", "vanan_xa"), ("Nguyễn Văn An Khang", "ankhang_xa"), ("Bế Thị Hường", "huongbt"))]
    for person in people:  # one after the other: the newest read is the last one
        record_read(actor=person, objects=[entry], where="test")
    return people


def readers_of(user, **filters):
    return [e.actor.full_name for e in filter_reads(user, **filters)]


def test_reads_are_found_by_the_reader_without_accents_and_in_any_case(cast, readers):
    assert readers_of(cast.admin, q="nguyen van") == ["Nguyễn Văn An Khang", "Nguyễn Văn An"]
    assert readers_of(cast.admin, q="NGUYỄN văn") == ["Nguyễn Văn An Khang", "Nguyễn Văn An"]
    assert readers_of(cast.admin, q="be thi huong") == readers_of(cast.admin, q="Bế Thị Hường") == ["Bế Thị Hường"]
    assert readers_of(cast.admin, q="huongbt") == ["Bế Thị Hường"]  # the username too
    assert readers_of(cast.admin, q="tran thi") == []


def test_the_reader_named_as_typed_comes_first(cast, readers):
    assert readers_of(cast.admin)[:2] == ["Bế Thị Hường", "Nguyễn Văn An Khang"]  # newest first
    assert readers_of(cast.admin, q="nguyen van an") == ["Nguyễn Văn An", "Nguyễn Văn An Khang"]
