"""The public portal: only what was published reaches it (not a model that is not public, not an individual
without consent, no personal data of an intake), the intake's abuse limits, feeds and cache headers."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from danvan.democracy.domain import portal
from danvan.democracy.domain.obligations import generate
from danvan.democracy.domain.records import add_record
from danvan.democracy.models import Obligation, PortalEntry, PortalSubmission
from danvan.practices.domain.attachments import add_attachment
from danvan.practices.models import Status
from tests.conftest import login
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db
D = datetime.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def models(cast):
    """In xã Bảo Ái: a recognized collective model, a recognized individual's model, a model not recognized;
    one of them recorded on the legacy commune (shown under the new one, the old name kept)."""
    recognized = make_practice(cast.front_a, name="Đường thôn Nậm Lúc sáng xanh", status=Status.RECOGNIZED,
                               level="province", decision_number="12/QĐ-UBND", decision_date=D(2024, 5, 2),
                               year=2024, outputs="2 km đường bê tông", area=cast.geo.old_commune_a)
    person = make_practice(cast.front_a, name="Bà Lò Thị Hoa vận động hiến đất", status=Status.RECOGNIZED,
                           holder="individual", person_name="Lò Thị Hoa", year=2024, level="commune")
    draft = make_practice(cast.front_a, name="Mô hình chưa công nhận", status=Status.IN_PROGRESS, year=2024)
    add_attachment(practice=recognized, actor=cast.commune_a, caption="Đường mới",
                   upload=SimpleUploadedFile("duong.png", PNG, content_type="image/png"))
    return recognized, person, draft


def anonymous():
    return Client()


def test_nothing_unpublished_reaches_the_portal(cast, models):
    recognized, person, draft = models
    c = login(cast.commune_a)
    c.post(f"/dan-chu/cong-thong-tin/mo-hinh/{recognized.pk}/")
    c.post(f"/dan-chu/cong-thong-tin/mo-hinh/{person.pk}/")  # no consent ticked: refused
    c.post(f"/dan-chu/cong-thong-tin/mo-hinh/{draft.pk}/")  # not recognized: refused
    assert list(PortalEntry.objects.values_list("title", flat=True)) == ["Đường thôn Nậm Lúc sáng xanh"]
    page = anonymous().get("/cong-khai/mo-hinh/")
    html = page.content.decode()
    assert "Đường thôn Nậm Lúc sáng xanh" in html and "Lò Thị Hoa" not in html and "chưa công nhận" not in html
    assert "Xã Bảo Ái" in html and page["Cache-Control"] == "public, max-age=300"
    entry = PortalEntry.objects.get()
    detail = anonymous().get(f"/cong-khai/mo-hinh/{entry.pk}/").content.decode()
    assert "12/QĐ-UBND 02/05/2024" in detail and "Ủy ban MTTQ Việt Nam xã Bảo Ái" in detail
    assert "2 km đường bê tông" in detail
    photo = entry.photos.get()
    got = anonymous().get(f"/cong-khai/anh/{photo.pk}/")
    assert b"".join(got.streaming_content) == PNG
    # with consent the individual is named
    c.post(f"/dan-chu/cong-thong-tin/mo-hinh/{person.pk}/", {"consent": "on"})
    assert "Lò Thị Hoa" in anonymous().get("/cong-khai/mo-hinh/").content.decode()
    # another commune may not publish A's model, and taking it off removes it
    assert login(cast.commune_b).post(f"/dan-chu/cong-thong-tin/mo-hinh/{recognized.pk}/").status_code == 404
    c.post(f"/dan-chu/cong-thong-tin/mo-hinh/{recognized.pk}/", {"go": "off"})
    assert anonymous().get(f"/cong-khai/mo-hinh/{entry.pk}/").status_code == 404


def test_pages_are_cached_and_a_publication_refreshes_them(cast, models):
    recognized, _person, _draft = models
    first = anonymous().get("/cong-khai/mo-hinh/")
    assert first.context is not None and "Nậm Lúc" not in first.content.decode()
    again = anonymous().get("/cong-khai/mo-hinh/")
    assert again.context is None and again.content == first.content  # served from the cache
    assert again["Cache-Control"] == "public, max-age=300"
    portal.publish_practice(actor=None, practice=recognized)
    assert "Nậm Lúc" in anonymous().get("/cong-khai/mo-hinh/").content.decode()


def test_filters_counters_and_feeds(cast, models):
    recognized, person, _draft = models
    portal.publish_practice(actor=None, practice=recognized)
    assert anonymous().get("/cong-khai/mo-hinh/", {"nam": 2023}).context["page_obj"].paginator.count == 0
    assert anonymous().get("/cong-khai/mo-hinh/", {"nam": 2024, "tinh": cast.geo.laocai.pk, "q": "nam luc",
                                                   "linh-vuc": "economy"}).context["page_obj"].paginator.count == 1
    assert anonymous().get("/cong-khai/mo-hinh/", {"nam": "abc", "tinh": "-1", "trang": "x"}).status_code == 200
    home = anonymous().get("/cong-khai/").content.decode()
    assert "Tỉnh Lào Cai" in home
    feed = json.loads(anonymous().get("/cong-khai/feed/mo-hinh.json").content)
    assert [i["title"] for i in feed["items"]] == ["Đường thôn Nậm Lúc sáng xanh"]
    assert feed["items"][0]["data"]["former_area"] == "Xã Bảo Ái" and feed["items"][0]["data"]["area"] == "Xã Bảo Ái"
    rss = anonymous().get("/cong-khai/feed/mo-hinh.rss")
    assert rss["Content-Type"].startswith("application/rss+xml") and "Nậm Lúc" in rss.content.decode()
    assert anonymous().get("/cong-khai/feed/khac.json").status_code == 404


def test_a_commune_board_is_public_only_once_published(cast):
    from danvan.orgs.models import Kind
    from tests.factories import OrganizationFactory

    OrganizationFactory(name="UBND xã Bảo Ái", kind=Kind.STATE, area=cast.geo.commune_a)
    generate(province=cast.geo.laocai, year=2025)
    q1 = Obligation._base_manager.get(area=cast.geo.commune_a, item__number=2, period_key="2025-Q1")
    add_record(actor=None, obligation=q1, channel="office", posted_on=D(2025, 4, 10))
    add_record(actor=None, obligation=q1, channel="portal", posted_on=D(2025, 4, 10), link="https://baoai.gov.vn/ns",
               note="Người lập: Nguyễn Văn Kế Toán")
    url = f"/cong-khai/bang-cong-khai/{cast.geo.commune_a.pk}/"
    assert anonymous().get(url).status_code == 404
    assert login(cast.province).post(f"/dan-chu/xa/{cast.geo.commune_a.pk}/dang-cong-khai/",
                                     {"nam": 2025, "quy": 1}).status_code == 302
    html = anonymous().get(url).content.decode()
    assert "Dự toán, tình hình thực hiện dự toán" in html and "https://baoai.gov.vn/ns" in html
    assert "Kế Toán" not in html  # the record's note is internal
    assert login(cast.commune_b).post(f"/dan-chu/xa/{cast.geo.commune_a.pk}/dang-cong-khai/",
                                      {"nam": 2025, "quy": 1}).status_code == 404


def test_intake_returns_a_code_and_the_status_page_shows_no_personal_data(cast):
    c = anonymous()
    form = c.get("/cong-khai/gui-y-kien/")
    assert form["Cache-Control"].startswith("max-age=0") or "no-cache" in form["Cache-Control"]
    sent = c.post("/cong-khai/gui-y-kien/", {
        "kind": "kien_nghi", "area": cast.geo.commune_a.pk, "content": "Đề nghị sửa cầu treo bản Nậm Lúc bị hỏng",
        "name": "Giàng A Páo", "contact": "0912345678", "consent": "on", "website": ""})
    assert sent.status_code == 302
    sub = PortalSubmission.objects.get()
    assert (sub.channel, sub.status, len(sub.code)) == ("cong_thong_tin", "received", 10)
    status = c.get("/cong-khai/tra-cuu/", {"ma": sub.code.lower()})
    html = status.content.decode()
    assert sub.code in html and "Giàng A Páo" not in html and "0912345678" not in html and "cầu treo" not in html
    assert c.get("/cong-khai/tra-cuu/", {"ma": "KHONGCO"}).status_code == 404
    # the queue: officers of the commune or above see it (and the reading is logged), the other commune does not
    from danvan.core.models import AuditEvent

    queue = login(cast.province).get("/dan-chu/y-kien/")
    assert "Giàng A Páo" in queue.content.decode()
    assert AuditEvent.objects.filter(action="view", object_id=str(sub.pk)).exists()
    assert "Giàng A Páo" not in login(cast.commune_b).get("/dan-chu/y-kien/").content.decode()
    assert login(cast.commune_b).post(f"/dan-chu/y-kien/{sub.pk}/", {"status": "rejected"}).status_code == 404
    login(cast.province).post(f"/dan-chu/y-kien/{sub.pk}/", {"status": "answered", "public_answer": "Đã sửa cầu"})
    assert "Đã sửa cầu" in c.get("/cong-khai/tra-cuu/", {"ma": sub.code}).content.decode()


def test_intake_abuse_limits(cast):
    c = anonymous()
    base = {"kind": "phan_anh", "area": cast.geo.commune_a.pk, "content": "Đèn đường thôn Nậm Lúc không sáng",
            "name": "Người dân", "consent": "on"}
    assert c.post("/cong-khai/gui-y-kien/", {**base, "website": "http://spam"}).status_code == 422  # honeypot
    assert c.post("/cong-khai/gui-y-kien/", {**base, "consent": ""}).status_code == 422  # no consent
    assert c.post("/cong-khai/gui-y-kien/", {**base, "content": "x" * 4001}).status_code == 422  # too long
    assert c.post("/cong-khai/gui-y-kien/", {**base, "area": cast.geo.old_commune_a.pk}).status_code == 422
    assert PortalSubmission.objects.count() == 0
    for _i in range(portal.MAX_PER_HOUR):
        assert c.post("/cong-khai/gui-y-kien/", base).status_code == 302
    refused = c.post("/cong-khai/gui-y-kien/", base)
    assert refused.status_code == 422 and PortalSubmission.objects.count() == portal.MAX_PER_HOUR
    other = Client(REMOTE_ADDR="10.9.9.9")
    assert other.post("/cong-khai/gui-y-kien/", base).status_code == 302  # per address


def test_notices_come_from_a_registered_source_and_the_calendar_works_without(cast):
    empty = anonymous().get("/cong-khai/lich-doi-thoai/")
    assert empty.status_code == 200 and empty.context["notices"] == []

    def source():
        return [{"key": "dt1", "title": "Đối thoại với nhân dân xã Bảo Ái", "date": D(2026, 5, 20),
                 "area_id": cast.geo.commune_a.pk, "summary": "Về đường thôn",
                 "promises": [{"text": "Sửa cầu treo trước mùa mưa", "state": "đang thực hiện"}]}]

    portal.register_notice_source(source)
    try:
        assert portal.sync_notices() == 1
        html = anonymous().get("/cong-khai/lich-doi-thoai/").content.decode()
        assert "Đối thoại với nhân dân xã Bảo Ái" in html and "Sửa cầu treo trước mùa mưa" in html
    finally:
        portal._NOTICE_SOURCES.remove(source)


def test_intake_asks_the_province_first_so_a_phone_gets_a_short_list(cast):
    first = anonymous().get("/cong-khai/gui-y-kien/")
    html = first.content.decode()
    assert "Tỉnh Lào Cai" in html and "Thành phố Huế" in html and "Xã Bảo Ái" not in html
    second = anonymous().get("/cong-khai/gui-y-kien/", {"tinh": cast.geo.laocai.pk})
    options = [str(a) for a in second.context["form"].fields["area"].queryset]
    assert options == ["Xã Bảo Ái", "Phường Yên Bái"] or set(options) == {"Xã Bảo Ái", "Phường Yên Bái"}
    assert "Thuận Hóa" not in second.content.decode()
    # a commune of another province than the one chosen is refused, naming the field
    refused = anonymous().post("/cong-khai/gui-y-kien/", {
        "tinh": cast.geo.laocai.pk, "kind": "phan_anh", "area": cast.geo.commune_h.pk, "consent": "on",
        "content": "Đèn đường không sáng", "name": "Người dân"})
    assert refused.status_code == 422 and "area" in refused.context["form"].errors


def test_the_notice_hook_syncs_on_commit_takes_off_withdrawn_notices_and_skips_bad_ones(
        cast, django_capture_on_commit_callbacks, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setattr(portal, "_NOTICE_SOURCES", [])  # this test's source alone (voice registers its own)

    offered = [{"key": "dt1", "title": "Đối thoại với nhân dân xã Bảo Ái", "date": D(2026, 5, 20),
                "area_id": cast.geo.commune_a.pk, "promises": []},
               {"key": "dt2", "title": "Đối thoại về đất đai phường Yên Bái", "date": D(2026, 6, 3),
                "area_id": cast.geo.commune_b.pk},
               {"key": "", "title": "không có khóa", "date": D(2026, 6, 3)},
               {"key": "dt3", "title": "không có ngày"}]

    def source():
        return list(offered)

    portal.register_notice_source(source)
    portal.register_notice_source(source)  # twice: still one source
    try:
        assert portal._NOTICE_SOURCES.count(source) == 1
        with django_capture_on_commit_callbacks(execute=True):
            portal.notices_changed()
        titles = set(PortalEntry.objects.filter(kind="notice").values_list("title", flat=True))
        assert titles == {"Đối thoại với nhân dân xã Bảo Ái", "Đối thoại về đất đai phường Yên Bái"}
        assert PortalEntry.objects.get(source_key="dt2").province == cast.geo.laocai
        del offered[1]  # withdrawn by the officer
        call_command("sync_portal_notices", stdout=__import__("io").StringIO())
        html = anonymous().get("/cong-khai/lich-doi-thoai/").content.decode()
        assert "Đối thoại với nhân dân xã Bảo Ái" in html and "đất đai" not in html
    finally:
        portal._NOTICE_SOURCES.remove(source)
    # no source registered (the citizens' voice module's own set aside): nothing is taken off
    registered = portal._NOTICE_SOURCES[:]
    portal._NOTICE_SOURCES.clear()
    try:
        portal.sync_notices()
        assert PortalEntry.objects.filter(kind="notice").count() == 1
    finally:
        portal._NOTICE_SOURCES.extend(registered)


def test_a_cached_page_is_served_before_the_session_stack_with_its_headers(cast, models, django_assert_num_queries):
    recognized, _person, _draft = models
    portal.publish_practice(actor=None, practice=recognized)
    first = anonymous().get("/cong-khai/mo-hinh/")
    with django_assert_num_queries(0):
        hit = anonymous().get("/cong-khai/mo-hinh/")
    assert hit.content == first.content and "Nậm Lúc" in hit.content.decode()
    assert hit["Cache-Control"] == "public, max-age=300" and hit["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in hit and hit["X-Content-Type-Options"] == "nosniff"
    assert not hasattr(hit.wsgi_request, "user")  # answered before the authentication middleware
    # a signed-in officer (session cookie) goes through the whole stack
    officer = login(cast.commune_a).get("/cong-khai/mo-hinh/")
    assert hasattr(officer.wsgi_request, "user") and officer.wsgi_request.user.is_authenticated
    # the intake form is never served from the cache
    anonymous().get("/cong-khai/gui-y-kien/")
    assert anonymous().get("/cong-khai/gui-y-kien/").context is not None


def test_warming_fills_the_front_pages_so_the_first_visitor_reads_no_table(cast, models, django_assert_num_queries):
    from danvan.democracy import portal_cache

    recognized, _person, _draft = models
    portal.publish_practice(actor=None, practice=recognized)
    portal_cache.bump()
    assert portal_cache.warm() == len(portal_cache.WARM_PATHS)
    for path in portal_cache.WARM_PATHS:
        with django_assert_num_queries(0):
            hit = anonymous().get(path)
        assert hit.status_code == 200 and hit["Cache-Control"] == "public, max-age=300"
    with django_assert_num_queries(0):
        showcase = anonymous().get("/cong-khai/mo-hinh/").content.decode()
    assert "Nậm Lúc" in showcase and 'lang="vi"' in showcase
    # an unknown path is skipped, not kept, and never stops the warming
    portal_cache.bump()
    assert portal_cache.warm(("/cong-khai/khong-co/", "/cong-khai/")) == 1


def test_each_gunicorn_worker_warms_the_portal_when_it_starts(cast, models, django_assert_num_queries):
    import runpy
    from pathlib import Path

    from danvan.democracy import portal_cache

    recognized, _person, _draft = models
    portal.publish_practice(actor=None, practice=recognized)
    portal_cache.bump()
    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"))
    said = []

    class Worker:
        class log:  # noqa: N801 - gunicorn's worker.log
            info = staticmethod(lambda message, *args: said.append(message % args))

    config["post_worker_init"](Worker())
    assert said == [f"portal cache: {len(portal_cache.WARM_PATHS)} pages warmed"]
    with django_assert_num_queries(0):
        assert "Nậm Lúc" in anonymous().get("/cong-khai/mo-hinh/").content.decode()
