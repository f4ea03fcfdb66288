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
        changed += _changes(key)
    fronts = Organization.objects.filter(area__parent__source_key="2025:p46", kind=Kind.FATHERLAND_FRONT)
    hue_fronts = list(fronts.filter(area__name__startswith="A Lưới").select_related("area")[:5]) or list(
        fronts.select_related("area").order_by("id")[:5])
    for org in hue_fronts:
        made += _people(org, [org.area], 12, ETHNIC["2025:p46"], 2026, EntryStatus.SELECTED, counter)
    stdout.write(f"demo people of prestige: {made} created "
                 f"({PrestigeEntry.objects.unscoped('demo').count()} in all, {changed} removed or replaced)")
