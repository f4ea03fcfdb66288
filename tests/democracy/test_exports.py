"""XLSX exports of community decisions and oversight findings through the core list mechanism: the same
filter form as the page and the API, the derived values (approved, deadline with holidays, late) in the
sheet, a bad filter starting nothing, another commune's rows never in the file."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from danvan.core.models import Job
from danvan.democracy.domain.decisions import record_decision
from danvan.democracy.domain.findings import record_finding
from danvan.democracy.interfaces.lists import DECISIONS, FINDINGS
from tests.conftest import login

pytestmark = pytest.mark.django_db
D = datetime.date


def decide(org, subject, **kw):
    values = dict(village="Thôn Nậm Lúc", matter="public_works", subject=subject, form="show_of_hands",
                  households_total=120, participating=80, votes_for=61, votes_against=15, votes_blank=4,
                  decided_on=D(2026, 2, 13))
    values.update(kw)
    return record_decision(actor=None, organization=org, **values)


def sheet(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_decisions_export_shows_the_derived_values_and_only_the_scope(cast, ubnd, settings):
    decide(ubnd.a, "Bê tông hóa đường thôn Nậm Lúc", sent_on=D(2026, 2, 26))
    decide(ubnd.a, "Quỹ khuyến học thôn Khe Mạ", village="Thôn Khe Mạ", matter="funds", votes_for=30,
           decided_on=D(2026, 3, 6), sent_on=D(2026, 3, 16))
    decide(ubnd.b, "Sửa nhà văn hóa tổ 5")
    client = login(ubnd.a.officer)
    rows = sheet(client.post("/dan-chu/quyet-dinh/xuat-excel/", {"year": 2026}))
    header = rows[0]
    assert header[0] == "Ngày quyết định" and len(rows) == 3
    by_subject = {r[header.index("Nội dung")]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(by_subject) == {"Bê tông hóa đường thôn Nậm Lúc", "Quỹ khuyến học thôn Khe Mạ"}
    tet = by_subject["Bê tông hóa đường thôn Nậm Lúc"]
    # 13/02/2026 + 5 working days, Tết (16–20/02) counted out: 27/02; sent 26/02, on time
    assert tet["Hạn gửi biên bản về xã"].date() == D(2026, 2, 27) and not tet["Gửi chậm"]  # an empty cell
    assert tet["Đồng tình"] == 61 and tet["Được thông qua"] == "có"
    funds = by_subject["Quỹ khuyến học thôn Khe Mạ"]
    assert not funds["Được thông qua"] and funds["Gửi chậm"] == "có"  # 30 of 120; sent 16/03 after 13/03
    # the same filter form as the page: a bad matter starts nothing and says why
    bad = client.post("/dan-chu/quyet-dinh/xuat-excel/", {"matter": "lottery"})
    assert bad.status_code == 302 and bad["Location"] == "/dan-chu/quyet-dinh/"
    page = client.get("/dan-chu/quyet-dinh/", {"matter": "lottery"})
    assert "matter" in page.context["form"].errors and list(page.context["page_obj"].object_list) == []
    # another commune's officer gets only its own decision
    other = sheet(login(ubnd.b.officer).post("/dan-chu/quyet-dinh/xuat-excel/", {}))
    assert [r[4] for r in other[1:]] == ["Sửa nhà văn hóa tổ 5"]
    # beyond the inline limit: a background job with every row
    settings.DANVAN_EXPORT_INLINE_MAX = 1
    assert client.post("/dan-chu/quyet-dinh/xuat-excel/", {"year": 2026}).status_code == 302
    job = Job.objects.filter(kind="core.list_export").last()
    assert job.params["list"] == "democracy.decisions" and job.params["filters"] == {"year": 2026}


def test_findings_export_and_the_late_mark(cast, ubnd):
    record_finding(actor=cast.commune_a, organization=cast.front_a, addressed_to=ubnd.a,
                   finding="Chưa công khai dự toán quý I", recommendation="Niêm yết tại trụ sở",
                   found_on=D(2026, 4, 2), answer_due=D(2026, 4, 30))
    record_finding(actor=None, organization=ubnd.b, addressed_to=ubnd.b, finding="Bảng tin tổ 5 cũ",
                   found_on=D(2026, 4, 3), answer_due=D(2026, 4, 30))
    client = login(cast.province)
    rows = sheet(client.post("/dan-chu/giam-sat/xuat-excel/", {"area": cast.geo.commune_a.pk}))
    header = rows[0]
    assert len(rows) == 2
    assert "Chưa công khai dự toán quý I" in rows[1] and "Niêm yết tại trụ sở" in rows[1]
    assert rows[1][header.index("Hạn trả lời")].date() == D(2026, 4, 30)
    assert login(ubnd.b.officer).post("/dan-chu/giam-sat/xuat-excel/", {"area": cast.geo.commune_a.pk}
                                      ).status_code == 302  # the area is out of its scope: refused, no file
    assert client.post("/dan-chu/giam-sat/xuat-excel/", {"year": "hai nghìn"}).status_code == 302


def test_one_definition_for_page_api_and_export(cast, ubnd):
    decide(ubnd.a, "Bê tông hóa đường thôn Nậm Lúc")
    client = login(ubnd.a.officer)
    page = client.get("/dan-chu/quyet-dinh/")
    assert page.context["export_action"] == "/dan-chu/quyet-dinh/xuat-excel/"
    assert "Xuất 1 dòng ra Excel" in page.content.decode()
    api = client.get("/api/v1/community-decisions", {"matter": "lottery"})
    assert api.status_code == 422 and "matter" in api.content.decode()
    assert DECISIONS.form is type(page.context["form"]) and FINDINGS.key == "democracy.findings"
