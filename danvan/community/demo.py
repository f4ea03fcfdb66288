"""Demo people of prestige (names invented, figures in the order of the real ones): the 2023 selection of
the legacy communes of old Lào Cai (1,119 people) and old Yên Bái (872), kept by the districts' Fronts,
with removals and replacements in 2025–2026; and Huế's 2026 selection under way (fourth quarter).
Idempotent: a commune's list for a selection year is made once."""

import datetime
import itertools

from django.db import transaction

from danvan.community.models import EntryKind, EntryStatus, PrestigeEntry, PrestigeList
from danvan.meetings.models import Person, Position
from danvan.orgs.models import Kind, Organization
from danvan.places.models import Area

FAMILY = ["Vàng", "Giàng", "Sùng", "Thào", "Lý", "Hoàng", "Lò", "Triệu", "Bàn", "Hà", "Nông", "Lục", "Má", "Tẩn"]
MIDDLE = ["Seo", "A", "Văn", "Thị", "Chản", "Quầy", "Phù", "Mí"]
GIVEN = ["Páo", "Chứ", "Dình", "Khánh", "Mai", "Sử", "Lử", "Chá", "Phìn", "Thắng", "Hoa", "Tả", "Pử", "Sình", "Lìn"]
ETHNIC = {"legacy:p10": ["Mông", "Tày", "Dao", "Giáy", "Nùng", "Hà Nhì", "Phù Lá", "Xa Phó"],
          "legacy:p15": ["Tày", "Dao", "Mông", "Thái", "Mường", "Nùng", "Khơ Mú"],
          "2025:p46": ["Tà Ôi", "Cơ Tu", "Pa Cô", "Bru-Vân Kiều"]}
ROLES = ["elder", "village_head", "cell_secretary", "clan_head", "ritual_master", "producer", "artisan", "retired",
         "dignitary"]
TARGETS = [("legacy:p10", 1119), ("legacy:p15", 872)]


def _name(i: int) -> str:
    return f"{FAMILY[i % len(FAMILY)]} {MIDDLE[(i // 3) % len(MIDDLE)]} {GIVEN[(i // 7) % len(GIVEN)]}"


def _people(org, communes, total, ethnic, year, status, counter, *, recognized_on=None, decision=""):
    """Bulk-insert ``total`` entries spread over ``communes`` (one list each) with their people."""
    per, extra = divmod(total, len(communes))
    made = 0
    for index, commune in enumerate(communes):
        if PrestigeList.objects.unscoped("demo").filter(area=commune, selection_year=year).exists():
            continue
        plist = PrestigeList.objects.create(
            organization=org, area=commune, selection_year=year, term_start=year + 1, term_end=year + 5,
            decision_number=decision, decision_date=recognized_on,
            authority=f"Ủy ban nhân dân {org.area.kind_name.lower()} {org.area.name}" if decision else "")
        n = per + (1 if index < extra else 0)
        people, entries = [], []
        for _k in range(n):
            i = next(counter)
            person = Person(full_name=_name(i), gender="female" if i % 9 == 0 else "male",
                            birth_year=1940 + i % 40, ethnicity=ethnic[i % len(ethnic)])
            person.fill_derived()
            people.append(person)
        Person.objects.bulk_create(people)
        Position.objects.bulk_create([Position(person=p, title="Người có uy tín", organization=org,
                                               valid_from=datetime.date(year, 10, 20)) for p in people])
        for k, person in enumerate(people):
            total_households = 40 + (k * 7) % 90
            entries.append(PrestigeEntry(
                prestige_list=plist, person=person, area=commune, village=f"Thôn {k // 2 + 1}",
                role=ROLES[(k + index) % len(ROLES)], religion="Tin Lành" if k % 11 == 0 else "",
                kind=EntryKind.SELECTION, status=status, village_meeting_on=datetime.date(year, 10, 15 + k % 10),
                households_present=total_households * 3 // 4 + 1, households_total=total_households,
                selected_on=datetime.date(year, 11, 5) if status != EntryStatus.NOMINATED else None,
                proposed_on=datetime.date(year, 11, 25) if status == EntryStatus.RECOGNIZED else None,
                recognized_on=recognized_on if status == EntryStatus.RECOGNIZED else None,
                decision_number=decision if status == EntryStatus.RECOGNIZED else ""))
        PrestigeEntry.objects.bulk_create(entries)
        made += n
    return made


def _changes(area_key: str) -> int:
    """A few removals (death, moving away) and replacements in 2025–2026 on the legacy lists."""
    entries = list(PrestigeEntry.objects.unscoped("demo").filter(
        area__parent__parent__source_key=area_key, status=EntryStatus.RECOGNIZED).order_by("id")[:400:40])
    done = 0
    for index, entry in enumerate(entries):
        reason = ["death", "moved", "health", "violation"][index % 4]
        entry.status = EntryStatus.REPLACED if index % 2 == 0 else EntryStatus.REMOVED
        entry.ended_on, entry.end_reason = datetime.date(2025, 3 + index % 8, 10), reason
        entry.end_decision = f"{50 + index}/QĐ-UBND"
        entry.save()
        if entry.status == EntryStatus.REPLACED:
            person = Person(full_name=_name(9000 + index), gender="male", birth_year=1965,
                            ethnicity=entry.person.ethnicity)
            person.save()
            Position.objects.create(person=person, title="Người có uy tín", organization=entry.prestige_list.organization,
                                    valid_from=entry.ended_on)
            PrestigeEntry.objects.create(
                prestige_list=entry.prestige_list, person=person, area=entry.area, village=entry.village,
                role=entry.role, kind=EntryKind.ADDITION, status=EntryStatus.RECOGNIZED, replaces=entry,
                village_meeting_on=entry.ended_on + datetime.timedelta(days=10), households_present=45,
                households_total=52, selected_on=entry.ended_on + datetime.timedelta(days=20),
                proposed_on=entry.ended_on + datetime.timedelta(days=25),
                recognized_on=entry.ended_on + datetime.timedelta(days=40), decision_number=f"{60 + index}/QĐ-UBND")
        done += 1
    return done


@transaction.atomic
def load(stdout) -> None:
    counter = itertools.count()
    made = changed = 0
    for key, total in TARGETS:
        districts = Area.objects.filter(parent__source_key=key, level="district").order_by("name_sort")
        left = total
        district_list = list(districts)
        for d_index, district in enumerate(district_list):
            org = Organization.objects.filter(area=district, kind=Kind.FATHERLAND_FRONT).first()
            communes = list(Area.objects.filter(parent=district, level="commune").order_by("name_sort"))
            if org is None or not communes:
                continue
            share = left if d_index == len(district_list) - 1 else total // len(district_list)
            left -= share
            made += _people(org, communes, share, ETHNIC[key], 2023, EntryStatus.RECOGNIZED, counter,
                            recognized_on=datetime.date(2023, 12, 20), decision=f"{100 + d_index}/QĐ-UBND")
        if made:  # only on the first run: the changes are not repeated
            changed += _changes(key)
    fronts = Organization.objects.filter(area__parent__source_key="2025:p46", kind=Kind.FATHERLAND_FRONT)
    hue_fronts = list(fronts.filter(area__name__startswith="A Lưới").select_related("area")[:5]) or list(
        fronts.select_related("area").order_by("id")[:5])
    for org in hue_fronts:
        made += _people(org, [org.area], 12, ETHNIC["2025:p46"], 2026, EntryStatus.SELECTED, counter)
    stdout.write(f"demo people of prestige: {made} created "
                 f"({PrestigeEntry.objects.unscoped('demo').count()} in all, {changed} removed or replaced)")
    load_religion_and_support(stdout)
    load_hot_spots_and_opinion(stdout)
    load_collaborators(stdout)


def load_religion_and_support(stdout) -> None:
    """A few dignitaries of Lào Cai and Huế, and a Tết 2027 campaign of the Lào Cai commission with some
    gifts to people of prestige, two of them over the ceiling refused (the refusal is what the demo shows)."""
    from django.core.exceptions import ValidationError

    from danvan.community.domain.religion import add_place, appoint
    from danvan.community.domain.support import create_campaign, record_event
    from danvan.community.models import Dignitary, Religion, SupportCampaign

    laocai = Area.objects.filter(source_key="2025:p15").first()
    commission = Organization.objects.filter(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai").first()
    if laocai is None or commission is None or Dignitary.objects.unscoped("demo").exists():
        return
    buddhism, protestant, catholic = (Religion.objects.get(name=n) for n in ("Phật giáo", "Tin Lành", "Công giáo"))
    commune = Area.objects.filter(parent=laocai, level="commune").order_by("name_sort").first()
    place = add_place(actor=None, name="Chùa Thượng", religion=buddhism, organization=commission, area=commune)
    church = add_place(actor=None, name="Nhà thờ giáo xứ Sa Pa", religion=catholic, organization=commission,
                       area=commune)
    titles = [("Thích Thanh Minh", "rank", "Thượng tọa", buddhism, place), ("Giàng A Lềnh", "post",
              "Trưởng điểm nhóm", protestant, None), ("Nguyễn Văn Phêrô", "rank", "Linh mục", catholic, church),
              ("Vàng A Tủa", "post", "Trưởng ban hành giáo", catholic, church)]
    for name, kind, title, religion, where in titles:
        appoint(actor=None, organization=commission, kind=kind, title=title, religion=religion, full_name=name,
                since=datetime.date(2018, 3, 1), place=where, area=commune)
    if SupportCampaign.objects.unscoped("demo").exists():
        return
    campaign = create_campaign(actor=None, organization=commission, name="Thăm, tặng quà Tết Đinh Mùi 2027",
                               area=laocai, occasion="tet", date_from=datetime.date(2027, 1, 20),
                               date_to=datetime.date(2027, 2, 10))
    entries = list(PrestigeEntry.objects.unscoped("demo").filter(
        status=EntryStatus.RECOGNIZED, area__parent__parent__source_key="legacy:p10").select_related(
        "person", "prestige_list__organization", "area").order_by("id")[:60])
    made = refused = 0
    for index, entry in enumerate(entries):
        cash = 700_000 if index % 25 == 0 else 300_000
        try:
            record_event(actor=None, organization=entry.prestige_list.organization, beneficiary_kind="prestige",
                         prestige_entry=entry, date=datetime.date(2027, 1, 25), occasion="tet", kind="gift", cash=cash,
                         in_kind=200_000 if cash < 500_000 else 0, leader="Lãnh đạo Ban Tuyên giáo và Dân vận",
                         funds_source="Ngân sách tỉnh", campaign=campaign)
            made += 1
        except ValidationError:
            refused += 1
    stdout.write(f"demo religion and support: {len(titles)} dignitaries, {made} Tết gifts, {refused} over the "
                 f"ceiling refused")


HOT_SPOTS = [
    ("Khiếu kiện bồi thường giải phóng mặt bằng đường cao tốc", "Đất đai", "high", 120),
    ("Tranh chấp đất rừng giữa hai thôn", "Đất đai", "medium", 35),
    ("Ô nhiễm nguồn nước do khai thác khoáng sản", "Môi trường", "high", 200),
    ("Bãi rác quá tải gây bức xúc", "Môi trường", "medium", 80),
    ("Hoạt động truyền đạo trái phép", "Tôn giáo", "high", 15),
    ("Tranh chấp đất cơ sở thờ tự", "Tôn giáo", "medium", 20),
    ("Mâu thuẫn trong cộng đồng dân tộc thiểu số", "Dân tộc", "low", 12),
    ("Công nhân ngừng việc tập thể", "Lao động", "high", 300),
    ("Di cư tự do sang tỉnh khác", "Di cư", "medium", 40),
    ("Tụ tập đông người trước trụ sở xã", "An ninh", "very_high", 60),
    ("Tảo hôn ở vùng cao", "Khác", "low", 49),
    ("Khai thác cát trái phép trên sông", "Môi trường", "medium", 25),
]


def load_hot_spots_and_opinion(stdout) -> None:
    """A dozen hot spots of Lào Cai and Huế, one opinion topic with reports (one urgent)."""
    from danvan.community.domain.hotspots import add_update, create_hot_spot
    from danvan.community.domain.opinion import create_topic, file_report
    from danvan.community.models import HotSpot, HotSpotField

    commission = Organization.objects.filter(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai").first()
    if commission is None or HotSpot.objects.unscoped("demo").exists():
        return
    hue = Organization.objects.filter(area__source_key="2025:p46", kind=Kind.MOBILIZATION_COMMISSION).first()
    communes = {org: list(Area.objects.filter(parent=org.area, level="commune").order_by("name_sort")[:12])
                for org in (commission, hue) if org is not None}
    for index, (title, field_word, risk, people) in enumerate(HOT_SPOTS):
        org = commission if index % 3 or hue is None else hue
        field = HotSpotField.objects.filter(name__icontains=field_word).first() or HotSpotField.objects.last()
        area = communes[org][index % len(communes[org])]
        spot = create_hot_spot(actor=None, organization=org, title=title, field=field, area=area, risk=risk,
                               people_involved=people, review_date=datetime.date(2026, 10, 1) + datetime.timedelta(days=index * 7))
        if index % 2:
            add_update(actor=None, hot_spot=spot, on=datetime.date(2026, 10, 15), action="handle",
                       text="Tổ công tác của xã đối thoại với các hộ liên quan.")
    topic = create_topic(actor=None, organization=commission, title="Dư luận về sắp xếp thôn, tổ dân phố",
                         due_date=datetime.date(2026, 11, 30), guidance="Nắm ý kiến của các nhóm xã hội.")
    for index, (group, code, stance, urgent) in enumerate([
            ("Nông dân", "farmers", "for", False), ("Cán bộ hưu trí", "retired", "undecided", False),
            ("Đồng bào dân tộc thiểu số", "ethnic", "against", True)]):
        file_report(actor=None, organization=commission, area=commission.area, date=datetime.date(2026, 11, 20 + index),
                    social_groups=group, social_group=code, stance=stance, strength=3 + index % 2, spread=2 + index, source="direct",
                    topic=topic, urgent=urgent, statement="Băn khoăn về việc sáp nhập thôn và tên gọi mới.",
                    recommendation="Tăng cường tuyên truyền, đối thoại trước khi sáp nhập.")
    stdout.write(f"demo hot spots and opinion: {len(HOT_SPOTS)} hot spots, 3 opinion reports (1 urgent)")


COLLABORATORS = [  # name, group, level, confidential
    ("Vàng A Chứ", "ethnic", "village", True),
    ("Nguyễn Thị Lan", "women", "commune", False),
    ("Trần Văn Hưu", "retired", "province", False),
    ("Lý Thị Mẩy", "religious", "village", True),
    ("Phạm Đức Trí", "intellectuals", "province", False),
    ("Hoàng Văn Công", "workers", "commune", False),
]


def load_collaborators(stdout) -> None:
    """Opinion collaborators of the Lào Cai commission (two confidential), a second topic with reports
    from them, and the first hot spots linked to the petitions of their commune (when the citizens'
    voice demo has petitions)."""
    from danvan.community.domain.opinion import appoint_collaborator, create_topic, file_report
    from danvan.community.models import HotSpot, OpinionCollaborator

    commission = Organization.objects.filter(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai").first()
    if commission is None or OpinionCollaborator.objects.unscoped("demo").exists():
        return
    communes = list(Area.objects.filter(parent=commission.area, level="commune").order_by("name_sort")[:6])
    made = []
    for index, (name, group, level, confidential) in enumerate(COLLABORATORS):
        made.append(appoint_collaborator(
            actor=None, organization=commission, full_name=name, level=level, social_group=group,
            area=commission.area if level == "province" else communes[index % len(communes)],
            term_from=datetime.date(2026, 1, 1), term_to=datetime.date(2030, 12, 31), confidential=confidential,
            decision_number=f"{120 + index}-QĐ/BTGDVTU", decision_date=datetime.date(2025, 12, 20)))
    topic = create_topic(actor=None, organization=commission, title="Dư luận về giá đất bồi thường năm 2027",
                         due_date=datetime.date(2026, 12, 15),
                         guidance="Nắm tâm trạng của các nhóm xã hội về bảng giá đất mới; không nêu tên người phát ngôn.")
    for index, c in enumerate(made):
        file_report(actor=None, organization=commission, area=c.area, date=datetime.date(2026, 12, 1 + index),
                    social_groups=c.get_social_group_display(), social_group=c.social_group, collaborator=c,
                    stance=("against", "for", "undecided")[index % 3], strength=2 + index % 4, spread=1 + index % 5,
                    source=("direct", "social", "meetings")[index % 3], topic=topic,
                    statement="Một bộ phận người dân cho rằng giá bồi thường thấp hơn giá thị trường.",
                    recommendation="Công khai bảng giá, tổ chức đối thoại ở các xã có dự án.")
    linked = 0
    try:
        from danvan.voice.models import Petition
    except ImportError:  # pragma: no cover - the module is always installed
        Petition = None
    if Petition is not None:
        for spot in HotSpot.objects.unscoped("demo").filter(organization=commission).order_by("id")[:4]:
            petitions = list(Petition.objects.unscoped("demo").filter(area=spot.area)[:2])
            spot.petitions.add(*petitions)
            linked += bool(petitions)
    stdout.write(f"demo opinion collaborators: {len(made)} (2 confidential), {len(made)} reports; "
                 f"{linked} hot spots linked to petitions")
