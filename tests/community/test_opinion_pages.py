"""Public opinion through the pages: topics asked by the Ban and answered below, reports filed from the
page (by a collaborator's code, never a name), the list, export and API sharing one filter, the monthly
summary per topic and social group across the area, and the Ban's report to the Standing Committee read
back from the DOCX."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from danvan.community.domain import opinion
from danvan.community.domain.privacy import MASK
from danvan.community.models import OpinionReport
from danvan.community.queries.opinion import monthly_summary
from danvan.core.models import AuditEvent
from tests.conftest import login
from tests.reading import docx_text

pytestmark = pytest.mark.django_db
NOV = datetime.date(2026, 11, 1)
WORRY = "Lo ngại giá bồi thường thấp hơn giá thị trường"


@pytest.fixture
def topic(cast):
    return opinion.create_topic(actor=cast.province, organization=cast.commission, title="Dư luận về giá đất 2027",
                                due_date=datetime.date(2026, 11, 30), guidance="Nắm ý kiến các nhóm xã hội")


def _report(cast, topic, org, area, group, stance, day=20, urgent=False, **kw):
    actor = {cast.front_a: cast.commune_a, cast.front_b: cast.commune_b}.get(org, cast.province)
    return opinion.file_report(actor=actor, organization=org, area=area, date=datetime.date(2026, 11, day),
                               social_groups=f"Nhóm {group}", social_group=group, statement=WORRY, stance=stance,
                               strength=4 if stance == "against" else 2, spread=3, source="direct", topic=topic,
                               urgent=urgent, **kw)


@pytest.fixture
def reports(cast, topic):
    return [_report(cast, topic, cast.front_a, cast.geo.commune_a, "farmers", "against", urgent=True),
            _report(cast, topic, cast.front_a, cast.geo.commune_a, "farmers", "for"),
            _report(cast, topic, cast.front_b, cast.geo.commune_b, "farmers", "against", day=25),
            _report(cast, topic, cast.front_b, cast.geo.commune_b, "youth", "undecided"),
            _report(cast, None, cast.front_a, cast.geo.commune_a, "workers", "for", day=2)]


def test_commune_answers_the_province_topic(cast, topic):
    page = login(cast.commune_a).get(f"/cong-dong/du-luan/chu-de/{topic.pk}/").content.decode()
    assert "Dư luận về giá đất 2027" in page and "Nắm ý kiến các nhóm xã hội" in page and "30/11/2026" in page
    assert login(cast.hue).get(f"/cong-dong/du-luan/chu-de/{topic.pk}/").status_code == 404
    listing = login(cast.commune_a).get("/cong-dong/du-luan/chu-de/", {"month": "11/2026"}).content.decode()
    assert "Dư luận về giá đất 2027" in listing
    assert "Dư luận về giá đất 2027" not in login(cast.commune_a).get(
        "/cong-dong/du-luan/chu-de/", {"month": "12/2026"}).content.decode()
    bad = login(cast.commune_a).get("/cong-dong/du-luan/chu-de/", {"month": "13/2026"}).content.decode()
    assert "mm/yyyy" in bad and "Dư luận về giá đất 2027" not in bad
    # the topic page's form posts a report from the commune, with a collaborator's code
    c = opinion.appoint_collaborator(actor=cast.commune_a, organization=cast.front_a, full_name="Hờ A Dơ",
                                     level="village", social_group="ethnic", area=cast.geo.commune_a,
                                     term_from=datetime.date(2026, 1, 1), confidential=True)
    response = login(cast.commune_a).post("/cong-dong/du-luan/them/", {
        "organization": cast.front_a.pk, "topic": topic.pk, "collaborator": c.pk, "area": cast.geo.commune_a.pk,
        "date": "2026-11-21", "social_group": "ethnic", "social_groups": "Đồng bào Mông thôn Nậm Lúc",
        "statement": WORRY, "stance": "against", "strength": 4, "spread": 2, "source": "direct"})
    assert response.status_code == 302
    report = OpinionReport.objects.unscoped("test").get()
    assert report.topic == topic and report.collaborator == c
    leader_page = login(cast.leader).get(f"/cong-dong/du-luan/{report.pk}/").content.decode()
    assert c.code in leader_page and "Hờ A Dơ" not in leader_page and WORRY in leader_page
    bad = login(cast.commune_a).post("/cong-dong/du-luan/them/", {
        "organization": cast.front_a.pk, "topic": topic.pk, "area": cast.geo.commune_a.pk, "date": "2026-11-21",
        "social_group": "aliens", "social_groups": "x", "statement": "x", "stance": "against", "strength": 9,
        "spread": 2, "source": "direct"})
    assert bad.status_code == 200 and "Nhóm xã hội chính" in bad.content.decode()
    assert OpinionReport.objects.unscoped("test").count() == 1


def test_list_export_and_api_share_the_filter_and_mask(cast, reports):
    leader, officer = login(cast.leader), login(cast.commune_a)
    page = leader.get("/cong-dong/du-luan/", {"social_group": "farmers", "month": "11/2026"}).content.decode()
    assert page.count(WORRY) == 3 and ">Thanh niên</td>" not in page and ">Nông dân</td>" in page
    masked = officer.get("/cong-dong/du-luan/").content.decode()
    assert WORRY not in masked and MASK in masked
    sheet = list(load_workbook(io.BytesIO(leader.post("/cong-dong/du-luan/xuat.xlsx", {
        "social_group": "farmers", "stance": "against"}).content)).active.iter_rows(values_only=True))
    assert len(sheet) == 3 and all(row[7] == WORRY for row in sheet[1:])
    officer_sheet = list(load_workbook(io.BytesIO(officer.post("/cong-dong/du-luan/xuat.xlsx").content)
                                       ).active.iter_rows(values_only=True))
    assert {row[7] for row in officer_sheet[1:]} == {MASK}
    api = leader.get("/api/v1/opinion-reports", {"month": "2026-11", "waiting": "true"}).json()
    assert api["count"] == 1 and api["items"][0]["statement"] == WORRY and api["items"][0]["urgent"] is True
    assert officer.get("/api/v1/opinion-reports").json()["items"][0]["statement"] == MASK
    assert officer.get("/api/v1/opinion-reports").json()["count"] == 3  # its own commune's reports only
    bad = leader.get("/api/v1/opinion-reports", {"month": "2026-13"})
    assert bad.status_code == 422 and "month" in str(bad.json())
    reads = AuditEvent.objects.filter(action="view", content_type__model="opinionreport", actor=cast.commune_a)
    assert reads.count() == 3 + 3 + 3 + 3  # page, export, two API lists


def test_monthly_summary_per_topic_and_group(cast, topic, reports):
    rows = monthly_summary(cast.province, month=NOV)
    by_key = {(r["topic__title"], r["social_group"]): r for r in rows}
    farmers = by_key[("Dư luận về giá đất 2027", "farmers")]
    assert (farmers["reports"], farmers["for_"], farmers["against"], farmers["undecided"], farmers["urgent"]) == (
        3, 1, 2, 0, 1)
    assert farmers["strength"] == pytest.approx(10 / 3)
    assert by_key[(None, "workers")]["reports"] == 1 and by_key[("Dư luận về giá đất 2027", "youth")]["undecided"] == 1
    only_a = {(r["topic__title"], r["social_group"]): r["reports"]
              for r in monthly_summary(cast.province, month=NOV, area=cast.geo.commune_a)}
    assert only_a == {("Dư luận về giá đất 2027", "farmers"): 2, (None, "workers"): 1}
    assert monthly_summary(cast.commune_b, month=NOV) and all(
        r["social_group"] in {"farmers", "youth"} for r in monthly_summary(cast.commune_b, month=NOV))
    assert monthly_summary(cast.province, month=datetime.date(2026, 12, 1)) == []
    page = login(cast.province).get("/cong-dong/du-luan/tong-hop/", {"month": "11/2026"}).content.decode()
    assert "Nông dân" in page and "Thanh niên" in page and "3,3" in page
    bad = login(cast.province).get("/cong-dong/du-luan/tong-hop/", {"month": "2026"}).content.decode()
    assert "mm/yyyy" in bad


def test_the_bans_report_to_the_standing_committee(cast, reports):
    collaborator = opinion.appoint_collaborator(
        actor=cast.province, organization=cast.commission, full_name="Trần Bí Mật", level="province",
        social_group="intellectuals", area=cast.geo.laocai, term_from=datetime.date(2026, 1, 1))
    _report(cast, None, cast.commission, cast.geo.laocai, "intellectuals", "for", collaborator=collaborator)
    response = login(cast.leader).get("/cong-dong/du-luan/tong-hop/bao-cao.docx", {"month": "11/2026"})
    text = docx_text(response.content)
    assert "BÁO CÁO" in text and "Tình hình dư luận xã hội tháng 11/2026" in text
    assert "Tháng 11/2026, các cơ quan, đơn vị đã gửi 6 báo cáo dư luận xã hội (1 báo cáo khẩn)." in text
    assert "I. SỐ LIỆU THEO CHỦ ĐỀ VÀ NHÓM XÃ HỘI" in text and "Dư luận về giá đất 2027" in text
    assert WORRY in text and "Thường trực Tỉnh ủy (để báo cáo)," in text
    assert "Trần Bí Mật" not in text and collaborator.code not in text  # never names anyone
    officer = docx_text(login(cast.province).get("/cong-dong/du-luan/tong-hop/bao-cao.docx",
                                                 {"month": "11/2026"}).content)
    assert WORRY not in officer and MASK in officer and "Nông dân" in officer
    hue = docx_text(login(cast.hue).get("/cong-dong/du-luan/tong-hop/bao-cao.docx", {"month": "11/2026"}).content)
    assert "Dư luận về giá đất 2027" not in hue and "đã gửi 0 báo cáo" in hue
    assert login(cast.leader).get("/cong-dong/du-luan/tong-hop/bao-cao.docx", {"month": "x"}).status_code == 302
