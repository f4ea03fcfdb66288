"""Demo "Dân vận khéo" models: ~1,200 in Lào Cai for 2023 (legacy units of old Lào Cai and Yên Bái
and their organizations), ~300 in Huế for 2023, a few dozen of 2026 in the new communes.

Deterministic (seeded random), idempotent (skipped when the demo campaign exists), bulk inserts.
"""

import datetime
import random
import time

from django.db import transaction

from danvan.orgs.models import Kind, Organization
from danvan.places.models import Area
from danvan.practices.demo_words import (
    FAMILY,
    GIVEN,
    HUE_VILLAGES,
    MIDDLE_F,
    MIDDLE_M,
    ROLES,
    TOPICS,
    VILLAGES,
)
from danvan.practices.domain.campaigns import _set_criteria
from danvan.practices.models import (
    DEFAULT_CRITERIA,
    Campaign,
    CriterionScore,
    Evaluation,
    Practice,
    PracticeEvent,
    Status,
)

DEMO_CAMPAIGN = "Phong trào thi đua “Dân vận khéo” tỉnh Lào Cai giai đoạn 2021–2025"
FIELD_WEIGHTS = {"economy": 45, "culture_society": 30, "defense_security": 12, "political_system": 13}
# 2023: registered 2,071 vs effective 1,808 in one province (87%); ~11% recognized, ~45% of those outstanding.
STATUS_WEIGHTS_2023 = {Status.DRAFT: 2, Status.REGISTERED: 11, Status.IN_PROGRESS: 59, Status.EVALUATED: 14,
                       Status.RECOGNIZED: 11, Status.NOT_RECOGNIZED: 3}
STATUS_WEIGHTS_2026 = {Status.DRAFT: 25, Status.REGISTERED: 45, Status.IN_PROGRESS: 30}
LEVEL_WEIGHTS_LEGACY = {"commune": 35, "district": 50, "province": 15}


def pick(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def person(rng) -> str:
    female = rng.random() < 0.45
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F if female else MIDDLE_M)} {rng.choice(GIVEN)}"


def make(rng, *, org, commune, field, year, status, campaign, villages) -> Practice:
    topic = rng.choice(TOPICS[field])
    village = rng.choice(villages)
    place = f"thôn {village}, {commune.kind_name.lower()} {commune.name}"
    individual = rng.random() < 0.4
    if individual:
        who = person(rng)
        name = f"Điển hình “Dân vận khéo”: {rng.choice(ROLES)} {who} với {topic}"
    else:
        who = ""
        name = rng.choice([
            f"Mô hình “Dân vận khéo” trong {topic} ở thôn {village}",
            f"“Dân vận khéo” trong {topic} tại {commune.kind_name.lower()} {commune.name}",
            f"Mô hình “{topic[:1].upper()}{topic[1:]}” ở {place}",
        ])
    level = ""
    decision_number, decision_date = "", None
    if status == Status.RECOGNIZED:
        level = pick(rng, LEVEL_WEIGHTS_LEGACY) if year < 2025 else "commune"
        decision_date = datetime.date(year, 12, rng.randint(10, 28))
        decision_number = f"{rng.randint(100, 999)}-QĐ/{'HU' if level == 'district' else 'BDVTU'}"
    households = rng.randint(20, 400)
    return Practice(
        name=name[:300], kind="exemplar" if individual else "model", holder="individual" if individual else "collective",
        person_name=who, field=field, organization=org, area=commune, campaign=campaign, year=year, status=status,
        situation=f"Trước đây, việc {topic} ở {place} còn nhiều khó khăn, người dân chưa đồng thuận.",
        goals=f"Đến cuối năm {year}, {households} hộ tham gia; giải quyết dứt điểm vấn đề bức xúc ở thôn.",
        content="Cán bộ “nói dân hiểu, làm dân tin”; họp thôn, đến từng nhà vận động; cấp ủy trực tiếp chỉ đạo.",
        beneficiaries_scope=f"{households} hộ thôn {village}.",
        forces="Mặt trận chủ trì; Hội Nông dân, Hội Phụ nữ, Đoàn Thanh niên, Cựu chiến binh phối hợp.",
        resources=f"Nhân dân đóng góp ngày công; ngân sách hỗ trợ một phần; thực hiện trong năm {year}.",
        outputs=f"{households} hộ thực hiện; biên bản nghiệm thu của thôn.",
        sustainability="Có quy ước thôn, có tổ tự quản duy trì; có thể nhân rộng ra các thôn lân cận.",
        beneficiaries=households * rng.randint(3, 5), level=level, decision_number=decision_number,
        decision_date=decision_date, is_outstanding=status == Status.RECOGNIZED and rng.random() < 0.45,
        registered_on=None if status == Status.DRAFT else datetime.date(year, rng.randint(1, 4), rng.randint(1, 28)),
    )


def legacy_units(province: Area):
    """(organizations, communes) per legacy district of ``province``."""
    result = []
    for district in province.children.order_by("name_sort"):
        orgs = list(Organization.objects.filter(area=district, kind__in=[Kind.MOBILIZATION_COMMISSION,
                                                                          Kind.FATHERLAND_FRONT]))
        communes = list(district.children.order_by("name_sort"))
        if orgs and communes:
            result.append((orgs, communes))
    return result


def _campaign(org, name, start, end, deadline) -> Campaign:
    campaign = Campaign.objects.create(organization=org, name=name, start_year=start, end_year=end,
                                       registration_deadline=deadline)
    _set_criteria(campaign, [str(c) for c in DEFAULT_CRITERIA])
    return campaign


@transaction.atomic
def load(stdout) -> None:
    started = time.monotonic()
    if Campaign.objects.unscoped("demo").filter(name=DEMO_CAMPAIGN).exists():
        stdout.write("demo practices: already loaded")
        return
    rng = random.Random(2023)
    laocai_commission = Organization.objects.get(name="Ban Dân vận Tỉnh ủy Lào Cai", area__source_key="legacy:p10")
    yenbai_commission = Organization.objects.get(name="Ban Dân vận Tỉnh ủy Yên Bái", area__source_key="legacy:p15")
    new_commission = Organization.objects.get(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai")
    c_laocai = _campaign(laocai_commission, DEMO_CAMPAIGN, 2021, 2025, datetime.date(2023, 4, 30))
    c_yenbai = _campaign(yenbai_commission, "Phong trào thi đua “Dân vận khéo” tỉnh Yên Bái giai đoạn 2021–2025",
                         2021, 2025, datetime.date(2023, 4, 30))
    c_new = _campaign(new_commission, "Phong trào thi đua “Dân vận khéo” tỉnh Lào Cai năm 2026", 2026, 2026,
                      datetime.date(2026, 12, 31))
    practices = []
    for province_key, campaign, count in (("legacy:p10", c_laocai, 620), ("legacy:p15", c_yenbai, 580)):
        units = legacy_units(Area.objects.get(source_key=province_key))
        for _i in range(count):
            orgs, communes = rng.choice(units)
            practices.append(make(rng, org=rng.choice(orgs), commune=rng.choice(communes),
                                  field=pick(rng, FIELD_WEIGHTS), year=2023, status=pick(rng, STATUS_WEIGHTS_2023),
                                  campaign=campaign, villages=VILLAGES))
    hue_orgs = list(Organization.objects.filter(area__source_key="legacy:p46-tinhthuathienhue",
                                                kind__in=[Kind.MOBILIZATION_COMMISSION, Kind.FATHERLAND_FRONT]))
    hue_communes = list(Area.objects.filter(parent__parent__source_key="legacy:p46"))
    if hue_orgs and hue_communes:
        c_hue = _campaign(hue_orgs[0], "Phong trào thi đua “Dân vận khéo” tỉnh Thừa Thiên Huế giai đoạn 2021–2025",
                          2021, 2025, datetime.date(2023, 4, 30))
        for _i in range(300):
            practices.append(make(rng, org=rng.choice(hue_orgs), commune=rng.choice(hue_communes),
                                  field=pick(rng, FIELD_WEIGHTS), year=2023, status=pick(rng, STATUS_WEIGHTS_2023),
                                  campaign=c_hue, villages=HUE_VILLAGES))
    fronts = list(Organization.objects.filter(area__parent__source_key="2025:p15", kind=Kind.FATHERLAND_FRONT)
                  .select_related("area").order_by("name_sort"))
    baoai = next((f for f in fronts if f.area.name == "Bảo Ái"), fronts[0])
    for index in range(60):
        org = baoai if index < 8 else rng.choice(fronts)  # a few for xã Bảo Ái's demo user (baoai.mttq)
        practices.append(make(rng, org=org, commune=org.area, field=pick(rng, FIELD_WEIGHTS), year=2026,
                              status=pick(rng, STATUS_WEIGHTS_2026), campaign=c_new, villages=VILLAGES))
    for practice in practices:
        practice.fill_derived()
    Practice.objects.bulk_create(practices, batch_size=500)
    _replicate(rng, practices)
    PracticeEvent.objects.bulk_create([
        PracticeEvent(practice=p, action="demo", to_status=p.status, reason="Dữ liệu mẫu") for p in practices
    ], batch_size=1000)
    evaluations = _evaluate(rng, practices)
    stdout.write(f"demo practices: {len(practices)} models, {evaluations} evaluations "
                 f"in {time.monotonic() - started:.1f} s")


def _replicate(rng, practices) -> None:
    """About 8% of the carried-out models replicate a recognized one of the same field and province."""
    recognized = {}
    for p in practices:
        if p.status == Status.RECOGNIZED:
            recognized.setdefault((p.campaign_id, p.field), []).append(p)
    changed = []
    for p in practices:
        sources = recognized.get((p.campaign_id, p.field))
        if p.status in {Status.IN_PROGRESS, Status.EVALUATED} and sources and rng.random() < 0.1:
            p.replicates = rng.choice(sources)
            changed.append(p)
    Practice.objects.bulk_update(changed, ["replicates"], batch_size=500)


def _evaluate(rng, practices) -> int:
    criteria = {}
    evaluations, pending = [], []
    for p in practices:
        if p.status not in {Status.EVALUATED, Status.RECOGNIZED, Status.NOT_RECOGNIZED}:
            continue
        if p.campaign_id not in criteria:
            criteria[p.campaign_id] = list(p.campaign.criteria.all())
        items = criteria[p.campaign_id]
        low = 4 if p.status == Status.NOT_RECOGNIZED else 6
        scores = [rng.randint(low, 10) for _c in items]
        evaluations.append(Evaluation(practice=p, evaluated_on=datetime.date(p.year, 11, rng.randint(1, 28)),
                                      total=sum(scores), max_total=10 * len(items)))
        pending.append(list(zip(items, scores, strict=True)))
    Evaluation.objects.bulk_create(evaluations, batch_size=500)
    CriterionScore.objects.bulk_create([
        CriterionScore(evaluation=e, criterion=c, score=s) for e, pairs in zip(evaluations, pending, strict=True)
        for c, s in pairs
    ], batch_size=2000)
    return len(evaluations)
