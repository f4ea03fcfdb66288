"""Demo of grassroots democracy (names invented): the commune People's Committees of the 99 communes of
Lào Cai and the 40 of Huế, a year (2025) of disclosure obligations — most made public on time, some late,
a few missing a channel or posted too briefly, some not at all —, a dozen community decisions, boards and
their findings, and a portal with recognized models, boards and a few intake submissions.
Idempotent: a second run creates nothing (obligations by commune, item and period; the rest by name)."""

import datetime
import random

from django.db import transaction

from danvan.democracy.domain import portal
from danvan.democracy.domain.decisions import record_decision
from danvan.democracy.domain.findings import create_board, record_finding
from danvan.democracy.domain.obligations import generate, trigger_by_document
from danvan.democracy.models import (
    POSTING_CHANNELS,
    CommunityDecision,
    DisclosureItem,
    DisclosureRecord,
    Obligation,
    OversightBoard,
    PortalSubmission,
)
from danvan.orgs.domain.organizations import rebuild_reach
from danvan.orgs.models import Kind, Membership, Organization, Role
from danvan.places.models import Area

YEAR = 2025
PROVINCES = ["2025:p15", "2025:p46"]
VILLAGES = ["Thôn Nậm Lúc", "Thôn Khe Mạ", "Bản Phố", "Thôn Làng Giàng", "Tổ dân phố 3", "Thôn An Lộc"]
DECISIONS = [
    ("public_works", "Bê tông hóa đường liên thôn, mỗi hộ góp 2 ngày công", "show_of_hands", 120, 96, 81, 10, 5),
    ("funds", "Lập quỹ khuyến học của thôn, mức góp 50.000 đồng/hộ/năm", "questionnaire", 85, 80, 62, 15, 3),
    ("village_rules", "Sửa đổi hương ước: bỏ tục ép uống rượu trong đám cưới", "secret_ballot", 140, 120, 101, 14, 5),
    ("village_head", "Bầu trưởng thôn nhiệm kỳ 2025–2027", "secret_ballot", 96, 90, 58, 30, 2),
    ("inspection_board", "Bầu Ban Thanh tra nhân dân xã nhiệm kỳ 2024–2026", "show_of_hands", 60, 50, 44, 6, 0),
    ("public_works", "Xây nhà văn hóa thôn, nhân dân góp 30% kinh phí", "questionnaire", 110, 70, 52, 18, 0),
]


def _commune_states(stdout) -> dict[int, Organization]:
    """A People's Committee for every current commune of the two provinces (the responsible organization)."""
    made = 0
    out = {}
    for key in PROVINCES:
        province = Area.objects.get(source_key=key)
        city = province.kind_name == "Thành phố"
        parent = Organization.objects.filter(area=province, kind=Kind.STATE).first()
        for commune in province.children.current().order_by("name_sort"):
            name = f"Ủy ban nhân dân {commune.kind_name.lower()} {commune.name}"
            org = Organization.objects.filter(name=name, area=commune).first()
            if org is None:
                org = Organization.objects.create(name=name, kind=Kind.STATE, area=commune, parent=parent,
                                                  valid_from=datetime.date(2025, 7, 1))
                made += 1
            out[commune.pk] = org
        del city
    if made:
        rebuild_reach()
    stdout.write(f"demo democracy: {made} commune People's Committees created")
    return out


def _records(obligations, items, rng) -> list[DisclosureRecord]:
    rows = []
    for ob in obligations:
        item = items[ob.item_id]
        rng = random.Random(ob.pk)  # the same fate on every run: a second run adds nothing
        fate = rng.random()
        if fate > 0.95:
            continue  # not made public at all
        late = 0.80 < fate <= 0.88
        channels = list(item.channels)
        if 0.88 < fate <= 0.93 and len(channels) > 1:
            channels = channels[:-1]  # a required channel missing
        brief = 0.93 < fate <= 0.95
        for channel in channels:
            posted = ob.due_on + datetime.timedelta(days=rng.randint(3, 20)) if late else \
                ob.basis_date + datetime.timedelta(days=rng.randint(1, max(1, item.deadline_days - 1)))
            down = posted + datetime.timedelta(days=(item.min_posting_days - 10 if brief else item.min_posting_days + 5)) \
                if channel in POSTING_CHANNELS else None
            rows.append(DisclosureRecord(
                obligation=ob, channel=channel, posted_on=posted, taken_down_on=down,
                radio_days=(item.min_radio_days or 3) if channel == "radio" else None,
                village_heads_informed=12 if channel == "village_heads" else None,
                village_heads_total=12 if channel == "village_heads" else None,
                source_number=f"{rng.randint(1, 300)}/QĐ-UBND", source_date=ob.basis_date,
                link="https://example.gov.vn/cong-khai" if channel == "portal" else ""))
    return rows


@transaction.atomic
def load(stdout) -> None:
    if not Area.objects.filter(source_key__in=PROVINCES).exists():
        return
    rng = random.Random(2025)
    states = _commune_states(stdout)
    baoai = Area.objects.filter(source_key__startswith="2025:", name="Bảo Ái", level="commune").first()
    if baoai and baoai.pk in states:
        from danvan.core.models import User
        from danvan.orgs.demo import DEMO_PASSWORD

        user = User.objects.filter(username="baoai.ubnd").first()
        if user is None:
            user = User(username="baoai.ubnd", full_name="Lý Thị Công Khai", email="baoai.ubnd@example.org")
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, organization=states[baoai.pk],
                                         defaults={"role": Role.OFFICER, "position": "Văn phòng UBND xã"})
    created = 0
    for key in PROVINCES:
        created += generate(province=Area.objects.get(source_key=key), year=YEAR)["created"]
    items = {i.pk: i for i in DisclosureItem.objects.all()}
    # a few obligations triggered by documents (project approvals, poor-household lists)
    for n, org in enumerate(list(states.values())[::10]):
        number = f"{100 + n}/QĐ-UBND"
        if not Obligation.objects.unscoped("demo").filter(area=org.area, document_number=number).exists():
            trigger_by_document(actor=None, organization=org, item=items[[i for i in items if items[i].number == 3][0]],
                                number=number, issued_on=datetime.date(YEAR, 4, 1 + n % 25),
                                title="Phê duyệt dự án đường giao thông nông thôn", issuer=org.name)
    bare = list(Obligation.objects.unscoped("demo: obligations without records").filter(
        year=YEAR, records__isnull=True, area_id__in=list(states)).order_by("id"))
    records = _records(bare, items, rng)
    DisclosureRecord.objects.bulk_create(records, batch_size=1000)
    stdout.write(f"demo democracy: {created} obligations created, {len(records)} disclosure records")
    _people(states, rng, stdout)
    _portal(states, stdout)


def _people(states, rng, stdout):
    orgs = list(states.values())
    made = 0
    for n, (matter, subject, form, total, part, yes, no, blank) in enumerate(DECISIONS * 2):
        org = orgs[(n * 7) % len(orgs)]
        village = VILLAGES[n % len(VILLAGES)]
        full = f"{subject} ({village})"
        if CommunityDecision.objects.unscoped("demo").filter(subject=full, organization=org).exists():
            continue
        decided = datetime.date(YEAR, 3 + n % 9, 3 + n)
        record_decision(actor=None, organization=org, village=village, matter=matter, subject=full, form=form,
                        households_total=total, participating=part, issued=total if form == "questionnaire" else None,
                        votes_for=yes, votes_against=no, votes_blank=blank, decided_on=decided,
                        sent_on=decided + datetime.timedelta(days=4 if n % 4 else 11))
        made += 1
    boards = 0
    for org in orgs[::15]:
        front = Organization.objects.filter(area=org.area, kind=Kind.FATHERLAND_FRONT).first()
        if front is None or OversightBoard.objects.unscoped("demo").filter(organization=front).exists():
            continue
        board = create_board(actor=None, organization=front, kind="inspection", term_start=datetime.date(2024, 1, 1),
                             members=[{"name": f"Thành viên {i + 1}", "role": "Trưởng ban" if i == 0 else ""}
                                      for i in range(5)])
        record_finding(actor=None, organization=front, board=board, addressed_to=org,
                       finding="Dự toán ngân sách quý II chưa được niêm yết tại trụ sở", found_on=datetime.date(YEAR, 8, 5),
                       recommendation="Niêm yết đủ 30 ngày và thông báo qua trưởng thôn",
                       answer_due=datetime.date(YEAR, 9, 5))
        boards += 1
    from danvan.democracy.domain.consultations import record_consultation
    from danvan.democracy.models import Consultation

    consulted = 0
    for n, org in enumerate(orgs[3::25]):
        draft = f"Dự thảo quy hoạch chợ trung tâm {org.area.full_name}"
        if Consultation.objects.unscoped("demo").filter(draft=draft, organization=org).exists():
            continue
        record_consultation(actor=None, organization=org, draft=draft, opens_on=datetime.date(YEAR, 5, 5),
                            closes_on=datetime.date(YEAR, 6, 4), channels=["office", "conference", "village_heads"],
                            opinions_received=40 + n * 7, opinions_taken_in=25 + n * 3,
                            how_taken_in="Điều chỉnh vị trí bãi đỗ xe, bổ sung khu bán hàng nông sản",
                            result_number=f"{60 + n}/BC-UBND", result_date=datetime.date(YEAR, 6, 20))
        consulted += 1
    stdout.write(f"demo democracy: {made} community decisions, {boards} inspection boards with findings, "
                 f"{consulted} consultations")


def _portal(states, stdout):
    from danvan.practices.models import Holder, Practice, Status

    published = 0
    for practice in Practice.objects.unscoped("demo").filter(status=Status.RECOGNIZED, holder=Holder.COLLECTIVE
                                                            ).select_related("area", "organization")[:60]:
        portal.publish_practice(actor=None, practice=practice, photos=[])
        published += 1
    from danvan.democracy.models import PortalEntry
    from danvan.democracy.queries.disclosures import board
    from danvan.democracy.rules.periods import quarter_bounds  # noqa: F401

    boards = 0
    for org in list(states.values())[:10]:
        if PortalEntry.objects.filter(kind="board", area=org.area).exists():
            continue
        from danvan.core.models import User

        root = User.objects.filter(is_superuser=True).first()
        rows = board(root, org.area, year=YEAR, quarter=2, today=datetime.date(YEAR, 12, 31)) if root else []
        if any(r["obligations"] for r in rows):
            portal.publish_board(actor=None, area=org.area, year=YEAR, quarter=2, rows=rows)
            boards += 1
    subs = 0
    for n, area_id in enumerate(list(states)[:4]):
        code = f"DEMO{n:06d}"
        if not PortalSubmission.objects.filter(code=code).exists():
            PortalSubmission.objects.create(code=code, kind="kien_nghi" if n % 2 else "phan_anh",
                                            area_id=area_id, content="Đề nghị sửa đèn chiếu sáng đường thôn",
                                            name="Người dân (demo)", consent=True, client_key="demo")
            subs += 1
    stdout.write(f"demo democracy: portal with {published} models, {boards} boards, {subs} submissions")
