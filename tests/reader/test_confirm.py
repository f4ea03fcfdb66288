"""Confirming a read article creates the records of the meetings module, in scope, without duplicates."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from danvan.core.domain.jobs import start_job
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.core.models import Job
from danvan.meetings.models import Conclusion, Meeting, MeetingRole, Person, Role
from danvan.reader.domain import articles as actions
from danvan.reader.models import Article, ArticleStatus, ReportedFigure

OLD_ARTICLE = """Giao ban công tác dân vận 9 tháng năm 2021
Chiều 12/10/2021, Ban Dân vận Tỉnh ủy Yên Bái tổ chức hội nghị giao ban công tác dân vận 9 tháng năm 2021 với 9 điểm cầu.
Đồng chí Trần Văn Định, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị. Dự hội nghị có đồng chí Lê Thị Hoa, Phó Chủ tịch UBND tỉnh.
Toàn tỉnh có 1.134 mô hình "Dân vận khéo".
Kết luận hội nghị, đồng chí Trần Văn Định đề nghị các cấp tiếp tục nắm chắc tình hình Nhân dân; đẩy mạnh phong trào thi đua "Dân vận khéo" trong các ngành.
"""
SECOND_ARTICLE = """Yên Bái: giao ban dân vận 9 tháng
Chiều 12/10/2021, Ban DV Tỉnh ủy Yên Bái tổ chức giao ban công tác dân vận 9 tháng năm 2021.
Đồng chí Trần Văn Định, Trưởng Ban Dân vận Tỉnh ủy chủ trì. Toàn tỉnh có trên 1.200 mô hình "Dân vận khéo".
"""


def read(user, org, text):
    return actions.read_text(actor=user, organization=org, text=text)


def confirm(user, article, organization, **changes):
    fields = {k: article.reading[k] for k in actions.FIELDS} | changes
    people = [{"name": p["name"], "positions": p["positions"],
               "role": next((r for r in ("chair", "direct", "report", "attend") if r in p["roles"]), "")}
              for p in article.reading["people"]]
    return actions.confirm_article(actor=user, article=article, fields=fields, people=people,
                                   directions=[d["text"] for d in article.reading["directions"]],
                                   organization=organization, expected_version=article.version)


def test_organizer_resolves_to_the_organization_of_that_day(cast):
    on_2021 = actions.resolve_organizer(cast.province, "Ban Dân vận Tỉnh ủy Yên Bái", on=datetime.date(2021, 10, 12))
    assert on_2021 == cast.old_commission
    # today's commission, named as it is now
    on_2026 = actions.resolve_organizer(cast.province, "Ban Tuyên giáo và Dân vận Tỉnh ủy", on=datetime.date(2026, 1, 5),
                                        province="Lào Cai")
    assert on_2026 == cast.commission
    # abbreviations are expanded; an unknown body is not guessed
    assert actions.resolve_organizer(cast.province, "Ban DV Tỉnh ủy Yên Bái", on=datetime.date(2021, 1, 1)) == cast.old_commission
    assert actions.resolve_organizer(cast.province, "Hội Nông dân huyện X", on=datetime.date(2021, 1, 1)) is None
    # out of the user's scope: Huế's commission is never offered to the Lào Cai officer
    assert actions.resolve_organizer(cast.province, "Ban Tuyên giáo và Dân vận Thành ủy Huế", on=None) != cast.hue_commission


def test_confirm_creates_meeting_people_roles_conclusions_figures(cast):
    article = read(cast.province, cast.commission, OLD_ARTICLE)
    assert article.reading["event_date"] == "2021-10-12" and article.status == ArticleStatus.READ
    meeting = confirm(cast.province, article, cast.old_commission)
    meeting = Meeting._base_manager.get(pk=meeting.pk)
    assert (meeting.organization, meeting.kind, meeting.starts_at.date()) == (cast.old_commission, "giao_ban",
                                                                               datetime.date(2021, 10, 12))
    assert meeting.period_label == "9T-2021" and meeting.mode == "hybrid"
    roles = {(r.person.full_name, r.role, r.position_text) for r in MeetingRole._base_manager.filter(meeting=meeting)}
    assert roles == {("Trần Văn Định", Role.PRESIDING, "Trưởng Ban Dân vận Tỉnh ủy"),
                     ("Lê Thị Hoa", Role.DELEGATE, "Phó Chủ tịch UBND tỉnh")}
    assert [c.text for c in Conclusion._base_manager.filter(meeting=meeting).order_by("number")] == [
        "Các cấp tiếp tục nắm chắc tình hình Nhân dân",
        'Đẩy mạnh phong trào thi đua "Dân vận khéo" trong các ngành']
    figures = {f.code: f.value for f in ReportedFigure._base_manager.filter(meeting=meeting)}
    assert figures == {"dvk_models": Decimal("1134"), "bridge_points": Decimal("9")}
    article = Article._base_manager.get(pk=article.pk)
    assert article.status == ArticleStatus.CONFIRMED and article.meeting_id == meeting.pk
    assert article.confirmed["organizer"] == "Ban Dân vận Tỉnh ủy Yên Bái" and article.reading["dvk_models"] == 1134
    assert "ban dan van tinh uy yen bai" in article.text_folded
    from danvan.meetings.models import MeetingDocument

    assert [d.link for d in MeetingDocument._base_manager.filter(meeting=meeting)] == [f"/hoi-nghi/doc-bai/{article.pk}/"]


def test_a_second_article_of_the_same_meeting_merges(cast):
    first = confirm(cast.province, read(cast.province, cast.commission, OLD_ARTICLE), cast.old_commission)
    second_article = read(cast.province, cast.commission, SECOND_ARTICLE)
    second = confirm(cast.province, second_article, cast.old_commission)
    assert second.pk == first.pk
    assert Meeting._base_manager.filter(organization=cast.old_commission).count() == 1
    assert Person._base_manager.filter(full_name="Trần Văn Định").count() == 1
    assert MeetingRole._base_manager.filter(meeting=first, person__full_name="Trần Văn Định").count() == 1
    figure = ReportedFigure._base_manager.get(meeting=first, code="dvk_models")
    assert figure.value == Decimal("1200") and figure.article_id == second_article.pk


def test_the_officer_corrects_and_the_correction_is_kept(cast):
    article = read(cast.province, cast.commission, OLD_ARTICLE)
    confirm(cast.province, article, cast.old_commission, dvk_models="1135", province="Yên Bái")
    article = Article._base_manager.get(pk=article.pk)
    assert article.reading["dvk_models"] == 1134 and article.confirmed["dvk_models"] == 1135
    result = actions.quality([article])
    assert result["count"] == 1
    assert result["fields"]["dvk_models"]["found"] == (0, 1)
    assert result["fields"]["event_date"]["found"] == (1, 1)
    assert result["fields"]["province"]["found"] == (1, 1)  # read right from "Tỉnh ủy Yên Bái"


def test_refusals_change_nothing(cast):
    article = read(cast.province, cast.commission, OLD_ARTICLE)
    with pytest.raises(NotAllowed):
        confirm(cast.commune_b, article, cast.front_b)
    with pytest.raises(ValidationError) as exc:
        confirm(cast.province, article, cast.old_commission, event_date="")
    assert "event_date" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        confirm(cast.province, article, cast.old_commission, dvk_models="nhiều")
    assert "dvk_models" in exc.value.message_dict
    assert Meeting._base_manager.count() == 0 and Person._base_manager.count() == 0
    confirm(cast.province, article, cast.old_commission)
    article = Article._base_manager.get(pk=article.pk)
    with pytest.raises(WrongState):
        confirm(cast.province, article, cast.old_commission)
    with pytest.raises(NotAllowed):
        read(cast.commune_a, cast.commission, OLD_ARTICLE)
    with pytest.raises(ValidationError) as exc:
        read(cast.province, cast.commission, "   ")
    assert "text" in exc.value.message_dict


def test_a_batch_is_read_by_a_background_job_with_progress(cast, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(12):
            archive.writestr(f"bai-{n:02d}.txt", OLD_ARTICLE.replace("Trần Văn Định", f"Trần Văn Định {n}"))
        archive.writestr("rong.txt", "")
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(kind="reader.read", title="Đọc bài", user=cast.province, organization=cast.commission,
                        params={"organization": cast.commission.pk},
                        input_file=SimpleUploadedFile("bai.zip", buffer.getvalue()))
    job = Job.objects.get(pk=job.pk)
    assert job.status == Job.Status.SUCCEEDED, job.message
    assert (job.done, job.total) == (13, 13)
    assert Article._base_manager.filter(job=job).count() == 12
    assert [e["field"] for e in job.errors] == ["rong.txt"]
    assert actions.undo_batch(job=job) == 12


def _points(meeting):
    from danvan.meetings.models import BridgePoint

    return [(p.name, p.area_id) for p in BridgePoint._base_manager.filter(meeting=meeting).order_by("order")]


def test_bridge_points_come_from_the_named_units_or_the_count(cast, geo):
    # a count that no unit list matches: that many numbered points, for the officer to name
    meeting = confirm(cast.province, read(cast.province, cast.commission, OLD_ARTICLE), cast.old_commission)
    points = _points(meeting)
    assert len(points) == 9 and points[0] == ("Điểm cầu 1", None) and points[-1] == ("Điểm cầu 9", None)
    assert all(area is None for _, area in points)
    # a second article of the same meeting adds none
    confirm(cast.province, read(cast.province, cast.commission, SECOND_ARTICLE), cast.old_commission)
    assert len(_points(meeting)) == 9

    # the units named: matched to the unit of that day under the organizer's province, else kept as written
    named = OLD_ARTICLE.replace("12/10/2021", "14/10/2021").replace(
        "với 9 điểm cầu.", "kết nối với các điểm cầu huyện Yên Bình và thị xã Nghĩa Lộ.")
    article = read(cast.province, cast.commission, named)
    assert article.reading["bridge_names"] == ["huyện Yên Bình", "thị xã Nghĩa Lộ"]
    meeting = confirm(cast.province, article, cast.old_commission)
    assert _points(meeting) == [("Huyện Yên Bình", geo.old_district.pk), ("thị xã Nghĩa Lộ", None)]

    # a count of the organizer's own point and one per unit under it that day: those units
    counted = OLD_ARTICLE.replace("12/10/2021", "15/10/2021").replace("với 9 điểm cầu", "với 2 điểm cầu")
    meeting = confirm(cast.province, read(cast.province, cast.commission, counted), cast.old_commission)
    assert _points(meeting) == [("Ban Dân vận Tỉnh ủy Yên Bái", geo.old_yenbai.pk), ("Huyện Yên Bình", geo.old_district.pk)]


def test_commendations_reported_at_the_meetings_become_the_report_value(cast):
    from types import SimpleNamespace

    from danvan.reports.domain.sources import source_for

    source = source_for("DV_KT_TT")
    assert source is not None and source_for("DV_MH_DK") is None  # a reported stock is not a report value
    q4 = SimpleNamespace(start=datetime.date(2021, 10, 1), end=datetime.date(2021, 12, 31))
    assert source.value(cast.old_commission, q4) is None  # nothing confirmed: the figure stays typed in
    text = OLD_ARTICLE + "Dịp này, Ban Dân vận Tỉnh ủy tặng Giấy khen cho 7 tập thể có thành tích xuất sắc.\n"
    confirm(cast.province, read(cast.province, cast.commission, text), cast.old_commission)
    other_day = text.replace("12/10/2021", "20/11/2021").replace("7 tập thể", "5 tập thể").replace("giao ban", "sơ kết")
    confirm(cast.province, read(cast.province, cast.commission, other_day), cast.old_commission)
    assert source.value(cast.old_commission, q4) == Decimal("12")  # both meetings of the quarter
    october = SimpleNamespace(start=datetime.date(2021, 10, 1), end=datetime.date(2021, 10, 31))
    assert source.value(cast.old_commission, october) == Decimal("7")
    q1 = SimpleNamespace(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 3, 31))
    assert source.value(cast.old_commission, q1) is None
    assert source.value(cast.commission, q4) is None  # only the organization's own meetings
