"""Demo organizations and users: Lào Cai (new, and legacy Lào Cai and Yên Bái with their districts)
and Huế. Idempotent: organizations are matched by name and area, users by username."""

import datetime

from django.db import transaction

from danvan.core.models import User
from danvan.orgs.domain.organizations import rebuild_reach
from danvan.orgs.models import Kind, Membership, Organization, OrganizationSuccession, Role
from danvan.places.models import Area

DEMO_PASSWORD = "danvan2026"
LEGACY_END = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)

DEMO_USERS = [
    # username, full name, organization key, role, position
    ("laocai.chuyenvien", "Nguyễn Thị Thu Hà", "laocai:commission", Role.OFFICER, "Chuyên viên"),
    ("laocai.lanhdao", "Giàng Seo Phử", "laocai:commission", Role.LEADER, "Phó Trưởng ban"),
    ("laocai.quantri", "Lê Minh Tuấn", "laocai:commission", Role.ADMIN, "Quản trị hệ thống"),
    ("laocai.mttq", "Hoàng Thị Mai", "laocai:front", Role.OFFICER, "Chuyên viên Ban Phong trào"),
    ("baoai.mttq", "Vàng Văn Sử", "commune:Bảo Ái:front", Role.OFFICER, "Phó Chủ tịch Ủy ban MTTQ xã"),
    ("yenbai.mttq", "Trần Thu Trang", "commune:Yên Bái:front", Role.OFFICER, "Cán bộ Ủy ban MTTQ phường"),
    ("hue.chuyenvien", "Nguyễn Văn Phước", "hue:commission", Role.OFFICER, "Chuyên viên"),
    ("hue.lanhdao", "Tôn Nữ Thanh Tâm", "hue:commission", Role.LEADER, "Trưởng ban"),
]


class Builder:
    def __init__(self):
        self.created = 0
        self.orgs: dict[str, Organization] = {}

    def org(self, key, name, kind, area, parent=None, valid_from=None, valid_to=None, short_name=""):
        org = Organization.objects.filter(name=name, area=area).first()
        if org is None:
            org = Organization.objects.create(name=name, kind=kind, area=area, parent=parent, valid_from=valid_from,
                                              valid_to=valid_to, short_name=short_name)
            self.created += 1
        self.orgs[key] = org
        return org


def _succeed(preds, succ, kind, effective):
    for pred in preds:
        OrganizationSuccession.objects.get_or_create(
            predecessor=pred, successor=succ, defaults={"kind": kind, "effective": effective}
        )


def _province(b: Builder, key: str, area: Area, *, city: bool):
    committee = "Thành ủy" if city else "Tỉnh ủy"
    label = area.name
    place = f"{'thành phố' if city else 'tỉnh'} {label}"
    party = b.org(f"{key}:party", f"{committee} {label}", Kind.PARTY_COMMITTEE, area, valid_from=REFORM if not city else None)
    b.org(f"{key}:commission", f"Ban Tuyên giáo và Dân vận {committee} {label}", Kind.MOBILIZATION_COMMISSION, area,
          parent=party, valid_from=REFORM if not city else datetime.date(2025, 3, 1), short_name="BTGDV")
    front = b.org(f"{key}:front", f"Ủy ban MTTQ Việt Nam {place}", Kind.FATHERLAND_FRONT, area)
    for kind, name in [
        (Kind.FARMERS, f"Hội Nông dân {place}"), (Kind.WOMEN, f"Hội Liên hiệp Phụ nữ {place}"),
        (Kind.YOUTH, f"Đoàn TNCS Hồ Chí Minh {place}"), (Kind.VETERANS, f"Hội Cựu chiến binh {place}"),
        (Kind.TRADE_UNION, f"Liên đoàn Lao động {place}"), (Kind.ASSOCIATION, f"Hội Chữ thập đỏ {place}"),
        (Kind.ASSOCIATION, f"Hội Người cao tuổi {place}"),
    ]:
        b.org(f"{key}:{name}", name, kind, area, parent=front)
    b.org(f"{key}:state", f"Ủy ban nhân dân {place}", Kind.STATE, area)
    b.org(f"{key}:military", f"Bộ Chỉ huy Quân sự {place}", Kind.MILITARY, area)
    b.org(f"{key}:police", f"Công an {place}", Kind.POLICE, area)
    if not city:
        b.org(f"{key}:border", f"Bộ Chỉ huy Bộ đội Biên phòng {place}", Kind.BORDER_GUARD, area)
    for commune in area.children.current().order_by("name_sort"):
        unit = f"{commune.kind_name.lower()} {commune.name}"
        committee_c = b.org(f"commune:{commune.name}:party", f"Đảng ủy {unit}", Kind.PARTY_COMMITTEE, commune, valid_from=REFORM)
        b.org(f"commune:{commune.name}:building", f"Ban Xây dựng Đảng Đảng ủy {unit}", Kind.PARTY_BUILDING_COMMISSION,
              commune, parent=committee_c, valid_from=REFORM)
        b.org(f"commune:{commune.name}:front", f"Ủy ban MTTQ Việt Nam {unit}", Kind.FATHERLAND_FRONT, commune,
              parent=front, valid_from=REFORM)


def _legacy_province(b: Builder, key: str, area: Area, *, city: bool = False, valid_to=LEGACY_END):
    committee = "Thành ủy" if city else "Tỉnh ủy"
    place = f"{'thành phố' if city else 'tỉnh'} {area.name}"
    party = b.org(f"{key}:party", f"{committee} {area.name}", Kind.PARTY_COMMITTEE, area, valid_to=valid_to)
    b.org(f"{key}:commission", f"Ban Dân vận {committee} {area.name}", Kind.MOBILIZATION_COMMISSION, area, parent=party,
          valid_to=valid_to if valid_to != LEGACY_END else datetime.date(2025, 2, 28))
    b.org(f"{key}:front", f"Ủy ban MTTQ Việt Nam {place}", Kind.FATHERLAND_FRONT, area, valid_to=valid_to)
    for district in area.children.order_by("name_sort"):
        committee_d = {"Thành phố": "Thành ủy", "Thị xã": "Thị ủy", "Quận": "Quận ủy"}.get(district.kind_name, "Huyện ủy")
        d_party = b.org(f"{key}:{district.name}:party", f"{committee_d} {district.name}", Kind.PARTY_COMMITTEE, district,
                        parent=party, valid_to=valid_to)
        b.org(f"{key}:{district.name}:commission", f"Ban Dân vận {committee_d} {district.name}",
              Kind.MOBILIZATION_COMMISSION, district, parent=d_party, valid_to=valid_to)
        b.org(f"{key}:{district.name}:front", f"Ủy ban MTTQ Việt Nam {district.kind_name.lower()} {district.name}",
              Kind.FATHERLAND_FRONT, district, parent=b.orgs[f"{key}:front"], valid_to=valid_to)


@transaction.atomic
def load(stdout) -> None:
    b = Builder()
    laocai = Area.objects.get(source_key="2025:p15")
    old_laocai = Area.objects.get(source_key="legacy:p10")
    old_yenbai = Area.objects.get(source_key="legacy:p15")
    hue = Area.objects.get(source_key="2025:p46")
    old_hue = Area.objects.get(source_key="legacy:p46")
    tth = Area.objects.get(source_key="legacy:p46-tinhthuathienhue")

    _province(b, "laocai", laocai, city=False)
    _legacy_province(b, "oldlaocai", old_laocai)
    _legacy_province(b, "oldyenbai", old_yenbai)
    _province(b, "hue", hue, city=True)
    _legacy_province(b, "tth", tth, valid_to=datetime.date(2024, 12, 31))
    b.org("oldhue:party", "Thành ủy Huế (trực thuộc Trung ương, trước 01/07/2025)", Kind.PARTY_COMMITTEE, old_hue,
          valid_from=datetime.date(2025, 1, 1), valid_to=LEGACY_END)

    _succeed([b.orgs["oldlaocai:commission"], b.orgs["oldyenbai:commission"]], b.orgs["laocai:commission"],
             OrganizationSuccession.Kind.MERGE, REFORM)
    _succeed([b.orgs["oldlaocai:party"], b.orgs["oldyenbai:party"]], b.orgs["laocai:party"],
             OrganizationSuccession.Kind.MERGE, REFORM)
    _succeed([b.orgs["oldlaocai:front"], b.orgs["oldyenbai:front"]], b.orgs["laocai:front"],
             OrganizationSuccession.Kind.MERGE, REFORM)
    _succeed([b.orgs["tth:commission"]], b.orgs["hue:commission"], OrganizationSuccession.Kind.RENAME,
             datetime.date(2025, 3, 1))
    _succeed([b.orgs["tth:party"]], b.orgs["oldhue:party"], OrganizationSuccession.Kind.RENAME, datetime.date(2025, 1, 1))
    _succeed([b.orgs["oldhue:party"]], b.orgs["hue:party"], OrganizationSuccession.Kind.RENAME, REFORM)
    rebuild_reach()

    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@example.org", DEMO_PASSWORD, full_name="Quản trị hệ thống")
    for username, full_name, org_key, role, position in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, full_name=full_name, email=f"{username}@example.org")
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, organization=b.orgs[org_key],
                                         defaults={"role": role, "position": position})
    stdout.write(f"demo orgs: {b.created} organizations created ({Organization.objects.count()} in all), "
                 f"{User.objects.count()} users")
