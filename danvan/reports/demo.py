"""Demo reports: the default form, monthly reports of Lào Cai's reporting organizations from January
2021 to October 2026 (legacy Lào Cai and Yên Bái units before 01/07/2025, the new province and its
communes after), some late or missing, compiled provincial 6-month, 9-month and annual reports, and
the reminders of the day. Idempotent: nothing is added when the demo reports exist."""

import datetime
import random
import time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from danvan.core.models import User
from danvan.orgs.models import Organization
from danvan.places.models import Area
from danvan.reports.domain.default_form import REPORTING_KINDS, ensure_default_form
from danvan.reports.domain.notifications import send_reminders
from danvan.reports.domain.periods import get_period
from danvan.reports.models import Indicator, Report, ReportEvent, ReportNarrative, ReportValue, Status
from danvan.reports.queries.rollup import rollup

TODAY = datetime.date(2026, 11, 22)
NARRATIVES = {
    "DANG": "<p>Cấp ủy tiếp tục lãnh đạo, chỉ đạo thực hiện Quy chế công tác dân vận của hệ thống chính trị; "
            "nắm chắc tình hình Nhân dân, kịp thời giải quyết những vấn đề phát sinh ở cơ sở.</p>",
    "MTDT": "<p>Mặt trận và các đoàn thể tổ chức thăm hỏi, tặng quà gia đình chính sách, hộ nghèo; vận động "
            "đoàn viên, hội viên tham gia xây dựng nông thôn mới.</p>",
    "KK": "<p>Một số nơi còn lúng túng trong xây dựng mô hình \"Dân vận khéo\"; tình trạng tảo hôn ở vùng cao "
          "chưa được đẩy lùi triệt để.</p>",
}


def _figures(rng, scale: float, month_index: int, year: int) -> dict:
    dk = max(1, int(rng.randint(2, 8) * scale))
    parts = [rng.randint(0, dk) for _ in range(4)]
    nhan = int(rng.randint(3, 15) * scale)
    luot = int(rng.randint(800, 1500) * scale)
    th = int(rng.randint(10, 60) * scale)
    qua = rng.randint(th // 2, th)
    return {
        "DV_VB_CD": rng.randint(0, 3), "DV_MH_DK": dk, "DV_MH_KT": parts[0], "DV_MH_VH": parts[1],
        "DV_MH_QP": parts[2], "DV_MH_XD": parts[3], "DV_MH_HQ": int(dk * 0.85), "DV_KT_TT": rng.randint(0, 2),
        "DV_KT_CN": rng.randint(0, 3), "DV_DT_SO": rng.randint(0, 2), "DV_DON_NHAN": nhan,
        "DV_DON_GQ": rng.randint(nhan // 2, nhan), "DV_LLVT_NC": int(rng.randint(20, 200) * scale),
        "DV_HV_NGUOI": int(luot * 0.8), "DV_HV_LUOT": luot, "DV_TH_LUOT": th, "DV_TH_QUA": qua,
        "DV_TH_TIEN": qua * 500_000, "DV_NUT": int(23 * scale), "DV_TAO_HON": rng.randint(0, 3),
        "DV_DCTD": rng.randint(0, 2), "DV_PN_XC": rng.randint(0, 1), "DV_DIEM_NONG": rng.randint(0, 1),
        "DV_HN_DTTS": Decimal(str(round(max(8.0, 36.24 - 3.1 * (year - 2021) - 0.2 * month_index
                                            + rng.uniform(-1.5, 1.5)), 2))),
        "DV_HN_SO": rng.randint(0, 3), "DV_TIN_BAI": int(rng.randint(2, 12) * scale), "DV_KTGS": rng.randint(0, 2),
    }


def _reporters():
    laocai = Area.objects.get(source_key="2025:p15")
    return list(Organization.objects.in_area(laocai).filter(kind__in=REPORTING_KINDS).select_related("area"))


def _active(org, day):
    return (org.valid_from is None or org.valid_from <= day) and (org.valid_to is None or org.valid_to >= day) and (
        org.area.valid_from is None or org.area.valid_from <= day) and (org.area.valid_to is None or
                                                                        org.area.valid_to >= day)


@transaction.atomic
def load(stdout) -> None:
    started = time.perf_counter()
    form = ensure_default_form()
    if Report.objects.unscoped("demo").filter(form=form).exists():
        stdout.write("demo reports: already loaded")
        return
    version = form.current_version()
    indicators = {i.code: i for i in Indicator.objects.filter(version=version)}
    sections = {s.code: s for s in version.sections.all()}
    officer = User.objects.filter(username="laocai.chuyenvien").first()
    leader = User.objects.filter(username="laocai.lanhdao").first()
    rng = random.Random(2026)
    orgs = _reporters()
    reports, payloads = [], []
    months = [(y, m) for y in range(2021, 2027) for m in range(1, 13) if datetime.date(y, m, 1) < TODAY.replace(day=1)]
    for y, m in months:
        period = get_period("month", y, m)
        recent = (TODAY - period.end).days < 60
        for org in orgs:
            if not _active(org, period.end):
                continue
            roll = rng.random()
            if roll < (0.12 if recent else 0.04):
                continue  # missing
            scale = 5.0 if org.area.level == "province" else (2.0 if org.area.level == "district" else 1.0)
            days = rng.choice([2, 3, 4, 4, 5, 5, 5, 7, 9]) if roll < 0.97 else None
            if recent and roll > 0.9:
                status, submitted = Status.DRAFT, None
            else:
                submitted = timezone.make_aware(datetime.datetime.combine(
                    period.end + datetime.timedelta(days=days or 3), datetime.time(9, 30)))
                status = Status.SUBMITTED if recent else Status.APPROVED
            reports.append(Report(form_version=version, form=form, period=period, organization=org, status=status,
                                  submitted_at=submitted, submitted_by=officer if submitted else None,
                                  approved_at=submitted + datetime.timedelta(days=2)
                                  if status == Status.APPROVED else None,
                                  approved_by=leader if status == Status.APPROVED else None))
            payloads.append(_figures(rng, scale, m, y))
    Report.objects.bulk_create(reports, batch_size=2000)
    values, narratives = [], []
    for report, figures in zip(reports, payloads, strict=True):
        values += [ReportValue(report=report, indicator=indicators[c], value=v) for c, v in figures.items()]
        if report.period.start >= datetime.date(2025, 7, 1):
            narratives += [ReportNarrative(report=report, section=sections[c], html=f"{h}") for c, h in
                           NARRATIVES.items()]
    ReportValue.objects.bulk_create(values, batch_size=5000)
    ReportNarrative.objects.bulk_create(narratives, batch_size=5000)
    ReportEvent.objects.bulk_create([ReportEvent(report=r, action="submit", actor=officer, from_status="draft",
                                                 to_status="submitted") for r in reports if r.submitted_at])
    compiled = _compiled(form, version, indicators, sections, officer, leader)
    reminders = send_reminders(today=TODAY)
    stdout.write(f"demo reports: {len(reports)} monthly reports, {len(values)} figures, {compiled} compiled "
                 f"reports, {reminders} reminders in {time.perf_counter() - started:.1f} s")


def _compiled(form, version, indicators, sections, officer, leader) -> int:
    """Compiled provincial reports (6 months, 9 months, year) whose figures are derived from the months."""
    old_commission = Organization.objects.filter(name="Ban Dân vận Tỉnh ủy Lào Cai", valid_to__isnull=False).first()
    new_commission = Organization.objects.filter(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai").first()
    laocai = Area.objects.get(source_key="2025:p15")
    plan = [(kind, y, old_commission) for y in range(2021, 2025) for kind in ("half", "nine_months", "year")]
    plan += [("nine_months", 2025, new_commission), ("year", 2025, new_commission), ("half", 2026, new_commission),
             ("nine_months", 2026, new_commission)]
    count = 0
    for kind, year, org in plan:
        if org is None:
            continue
        period = get_period(kind, year)
        figures = rollup(None, form=form, period=period, area=laocai).values
        last = (kind, year) == ("nine_months", 2026)
        issued = period.end + datetime.timedelta(days=4)
        report = Report.objects.create(
            form_version=version, form=form, period=period, organization=org, is_compiled=True,
            status=Status.APPROVED, submitted_at=timezone.make_aware(datetime.datetime.combine(issued, datetime.time(8))),
            submitted_by=officer, approved_by=leader,
            approved_at=timezone.make_aware(datetime.datetime.combine(issued, datetime.time(15))),
            signer_name="Giàng Seo Phử", signer_title="Phó Trưởng ban")
        ReportValue.objects.bulk_create([ReportValue(report=report, indicator=indicators[c], value=v)
                                         for c, v in figures.items() if c in indicators])
        ReportNarrative.objects.bulk_create([
            ReportNarrative(report=report, section=sections[c], html=h + (
                "<p>Toàn tỉnh tiếp tục triển khai có hiệu quả phong trào thi đua \"Dân vận khéo\".</p>" if last else ""))
            for c, h in NARRATIVES.items()])
        count += 1
    return count
