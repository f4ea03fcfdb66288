"""Demo meetings of Lào Cai 2021–2026 (names are invented): an online giao ban of 9 months 2021 with
9 district bridge points, the annual review of 2023 with its people, conclusions and tasks (some late,
some overdue), and a national-style online review of December 2025 with 3,315 bridge points.
Idempotent: a meeting is matched by its title and organizer."""

import datetime

from django.db import transaction
from django.utils import timezone

from danvan.meetings.domain.bridge import add_bridge_point, add_bridge_points
from danvan.meetings.domain.meetings import (
    add_conclusion,
    add_contribution,
    add_role,
    create_meeting,
    update_meeting,
)
from danvan.meetings.domain.people import create_person
from danvan.meetings.domain.tasks import create_task, report_progress
from danvan.meetings.models import BridgePoint, Meeting, Person
from danvan.orgs.models import Organization
from danvan.places.models import Area
from danvan.reports.domain.periods import get_period
from danvan.reports.models import PeriodKind

BRIEFING_2021 = "Giao ban trực tuyến công tác dân vận 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2021"
REVIEW_2023 = "Hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024"
NATIONAL_2025 = "Hội nghị trực tuyến toàn quốc tổng kết công tác dân vận năm 2025"

# Invented people: (name, position, organization name)
PEOPLE_2023 = [
    ("Lục Thị Vân", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy Lào Cai", "chu_tri"),
    ("Đặng Quốc Khánh", "Phó Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy Lào Cai", "dong_chu_tri"),
    ("Phạm Minh Hòa", "Phó Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy Lào Cai", "dong_chu_tri"),
    ("Nông Văn Tiến", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy Lào Cai", "chi_dao"),
    ("Hoàng Thị Lan Anh", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh Lào Cai", "dai_bieu"),
]
CONCLUSIONS_2023 = [
    ("Đổi mới phương thức lãnh đạo công tác dân vận, sâu sát cơ sở, lấy sự hài lòng của Nhân dân làm thước đo.",
     "Rà soát, bổ sung quy chế công tác dân vận của hệ thống chính trị huyện", datetime.date(2024, 6, 30)),
    ("Nâng cao chất lượng phong trào thi đua “Dân vận khéo”, nhân rộng các mô hình hiệu quả.",
     "Đăng ký và đánh giá mô hình “Dân vận khéo” năm 2024", datetime.date(2024, 11, 30)),
    ("Tăng cường nắm tình hình Nhân dân ở địa bàn trọng điểm, giải quyết kịp thời những vấn đề bức xúc.",
     "Báo cáo tình hình Nhân dân vùng đồng bào dân tộc thiểu số hằng quý", datetime.date(2024, 3, 31)),
]


def _at(day: datetime.date, hour: int = 8):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, 0))


def _org(name, area=None):
    qs = Organization.objects.filter(name=name)
    if area is not None:
        qs = qs.filter(area=area)
    return qs.first()


def _person(name, position, org, since=datetime.date(2020, 10, 1)):
    existing = Person.objects.unscoped("demo").filter(full_name=name, positions__organization=org).first()
    return existing or create_person(actor=None, full_name=name, title=position, organization=org, valid_from=since,
                                     mobilization_since=2008)


def briefing_2021(old_laocai, old_commission):
    m = create_meeting(actor=None, kind="giao_ban", title=BRIEFING_2021, organization=old_commission,
                       period=get_period(PeriodKind.NINE_MONTHS, 2021), period_start=datetime.date(2021, 1, 1),
                       period_end=datetime.date(2021, 9, 30), starts_at=_at(datetime.date(2021, 10, 8), 14),
                       venue="Điểm cầu Tỉnh ủy Lào Cai", mode="online",
                       agenda="Báo cáo kết quả công tác dân vận 9 tháng năm 2021\nThảo luận tại các điểm cầu\n"
                              "Phát biểu chỉ đạo")
    add_bridge_points(actor=None, meeting=m, level="district", parent=old_laocai, expected=35)
    points = list(m.bridge_points.select_related("area"))
    for point in points:
        unit = point.area
        committee = {"Thành phố": "Thành ủy", "Thị xã": "Thị ủy"}.get(unit.kind_name, "Huyện ủy")
        point.organization = _org(f"Ban Dân vận {committee} {unit.name}", unit)
        point.present = 30 + point.order % 6
    BridgePoint.objects.bulk_update(points, ["organization", "present"])
    party = _org("Tỉnh ủy Lào Cai", old_laocai)
    add_role(actor=None, meeting=m, person=_person("Trần Quang Vinh", "Phó Bí thư Thường trực Tỉnh ủy", party),
             role="chi_dao")
    return m


def review_2023(old_laocai, old_commission):
    m = create_meeting(actor=None, kind="tong_ket", title=REVIEW_2023, organization=old_commission,
                       period=get_period(PeriodKind.YEAR, 2023), period_start=datetime.date(2023, 1, 1),
                       period_end=datetime.date(2023, 12, 31), starts_at=_at(datetime.date(2024, 1, 5)),
                       venue="Trung tâm Hội nghị thành phố Lào Cai", mode="in_person",
                       summary="Năm 2023 toàn tỉnh có 1.134 mô hình “Dân vận khéo” trên các lĩnh vực.")
    for name, position, org_name, role in PEOPLE_2023:
        org = _org(org_name, old_laocai) or old_commission
        add_role(actor=None, meeting=m, person=_person(name, position, org), role=role)
    districts = list(Organization.objects.filter(name__startswith="Ban Dân vận", area__parent=old_laocai)
                     .order_by("name_sort"))
    sapa = next((d for d in districts if "Sa Pa" in d.name), districts[0])
    add_contribution(actor=None, meeting=m, organization=sapa, speaker="Lãnh đạo Thị ủy",
                     summary="Chia sẻ kinh nghiệm triển khai công tác dân vận ở địa bàn du lịch.")
    today = datetime.date.today()
    for i, (text, title, due) in enumerate(CONCLUSIONS_2023):
        c = add_conclusion(actor=None, meeting=m, text=text)
        for j, district in enumerate(districts):
            t = create_task(actor=None, conclusion=c, title=title, assignees=[district], due_date=due)
            kind = (i + j) % 4
            if kind == 0:  # done on time
                report_progress(actor=None, task=t, status="done", progress=100, note="Đã hoàn thành, có báo cáo.",
                                on=due - datetime.timedelta(days=5), organization=district)
            elif kind == 1:  # done late
                report_progress(actor=None, task=t, status="done", progress=100, note="Hoàn thành chậm.",
                                on=min(due + datetime.timedelta(days=20), today), organization=district)
            elif kind == 2:  # in progress, overdue
                report_progress(actor=None, task=t, status="in_progress", progress=60,
                                note="Đang tổng hợp ý kiến các xã.", on=due - datetime.timedelta(days=10),
                                organization=district)
            # kind 3: not started, overdue
    return m


def national_2025(commission):
    m = create_meeting(actor=None, kind="tong_ket", title=NATIONAL_2025, organization=commission,
                       period=get_period(PeriodKind.YEAR, 2025), period_start=datetime.date(2025, 1, 1),
                       period_end=datetime.date(2025, 12, 31), starts_at=_at(datetime.date(2025, 12, 19)),
                       venue="Điểm cầu Trung ương và các điểm cầu tỉnh, xã", mode="online")
    add_bridge_point(actor=None, meeting=m, name="Điểm cầu Trung ương", expected=300)
    add_bridge_points(actor=None, meeting=m, level="province", expected=120)
    add_bridge_points(actor=None, meeting=m, level="commune", expected=23, limit=3280)
    return m


def link_periods(old_commission, commission) -> int:
    """Link the demo meetings (also those of an older demo run) to their reporting period."""
    count = 0
    for title, org, (kind, year) in [(BRIEFING_2021, old_commission, (PeriodKind.NINE_MONTHS, 2021)),
                                     (REVIEW_2023, old_commission, (PeriodKind.YEAR, 2023)),
                                     (NATIONAL_2025, commission, (PeriodKind.YEAR, 2025))]:
        meeting = Meeting.objects.unscoped("demo").filter(title=title, organization=org).first()
        if meeting is None:
            continue
        if meeting.period_id is None:
            update_meeting(meeting, actor=None, period=get_period(kind, year))
        count += 1
    return count


@transaction.atomic
def load(stdout) -> None:
    old_laocai = Area.objects.get(source_key="legacy:p10")
    laocai = Area.objects.get(source_key="2025:p15")
    old_commission = _org("Ban Dân vận Tỉnh ủy Lào Cai", old_laocai)
    commission = _org("Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", laocai)
    made = []
    for title, org, build in [(BRIEFING_2021, old_commission, lambda: briefing_2021(old_laocai, old_commission)),
                              (REVIEW_2023, old_commission, lambda: review_2023(old_laocai, old_commission)),
                              (NATIONAL_2025, commission, lambda: national_2025(commission))]:
        if not Meeting.objects.unscoped("demo").filter(title=title, organization=org).exists():
            made.append(build())
    linked = link_periods(old_commission, commission)
    stdout.write(f"demo meetings: {len(made)} created ({Meeting.objects.unscoped("demo").count()} in all, "
                 f"{BridgePoint.objects.unscoped("demo").count()} bridge points, {linked} linked to their period)")
