"""Community benchmarks (issue 12): a national registry of 30,000 people of prestige and 100,000 support
events in a year; a province's campaign page (target < 300 ms) and the ceiling check of a new event
(target < 20 ms). Own database (bench/out/community.sqlite3 or BENCH_DATABASE_URL); synthetic geography."""

import datetime
import random
import statistics
import time

from bench.bench_meetings import OUT, geography, ms  # noqa: F401


def setup_django() -> None:
    import os
    from pathlib import Path

    OUT.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT / 'community.sqlite3'}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]


def main():
    setup_django()
    from django.test import Client

    from danvan.community.domain.support import check_event, create_campaign
    from danvan.community.models import PrestigeEntry, PrestigeList, SupportEvent
    from danvan.core.models import User
    from danvan.meetings.models import Person, Position
    from danvan.orgs.domain.organizations import rebuild_reach as rebuild_org_reach
    from danvan.orgs.models import Kind, Membership, Organization
    from danvan.places.models import Area

    province = geography()
    provinces = list(Area.objects.filter(level="province").order_by("id"))
    fronts = [Organization(name=f"Ủy ban MTTQ {p.name}", area=p, kind=Kind.FATHERLAND_FRONT) for p in provinces]
    for o in fronts:
        o.fill_derived()
    Organization.objects.bulk_create(fronts)
    commission = Organization.objects.create(name="Ban Tuyên giáo và Dân vận Tỉnh ủy số 1", area=province,
                                             kind=Kind.MOBILIZATION_COMMISSION)
    rebuild_org_reach()
    front_of = {o.area_id: o for o in Organization.objects.filter(kind=Kind.FATHERLAND_FRONT)}
    user = User.objects.create_user("bench", "bench@example.org", "mat-khau-bench-123", full_name="Bench")
    Membership.objects.create(user=user, organization=commission, role="leader")

    started = time.perf_counter()
    communes = list(Area.objects.filter(level="commune").order_by("id"))
    lists = PrestigeList.objects.bulk_create([
        PrestigeList(organization=front_of[c.parent_id], area=c, selection_year=2023, term_start=2024, term_end=2028,
                     decision_number="1/QĐ-UBND", decision_date=datetime.date(2023, 12, 20), authority="UBND")
        for c in communes], batch_size=2000)
    lists = list(PrestigeList.objects.unscoped("benchmark").select_related("area", "organization").order_by("id"))
    rng = random.Random(12)
    people = []
    for i in range(30_000):
        p = Person(full_name=f"Người có uy tín số {i}", ethnicity=rng.choice(["Mông", "Tày", "Dao", "Thái"]))
        p.fill_derived()
        people.append(p)
    Person.objects.bulk_create(people, batch_size=5000)
    people = list(Person.objects.unscoped("benchmark").order_by("id").values_list("id", flat=True))
    owner = [lists[i % len(lists)] for i in range(len(people))]
    Position.objects.bulk_create([Position(person_id=pid, title="Người có uy tín", organization=pl.organization)
                                  for pid, pl in zip(people, owner, strict=True)], batch_size=5000)
    PrestigeEntry.objects.bulk_create([
        PrestigeEntry(prestige_list=pl, person_id=pid, area=pl.area, village="Thôn 1", role="elder",
                      status="recognized", village_meeting_on=datetime.date(2023, 10, 20), households_present=40,
                      households_total=50, selected_on=datetime.date(2023, 11, 5),
                      proposed_on=datetime.date(2023, 11, 25), recognized_on=datetime.date(2023, 12, 20),
                      decision_number="1/QĐ-UBND") for pid, pl in zip(people, owner, strict=True)], batch_size=5000)
    entries = list(PrestigeEntry.objects.unscoped("benchmark").select_related("area", "prestige_list__organization")
                   .order_by("id"))
    campaign = create_campaign(actor=None, organization=commission, name="Thăm, tặng quà Tết 2027", area=province,
                               occasion="tet", date_from=datetime.date(2027, 1, 15), date_to=datetime.date(2027, 2, 10))
    events = []
    for i in range(100_000):
        e = entries[i % len(entries)]
        in_campaign = e.area.parent_id == province.pk and i < len(entries)
        events.append(SupportEvent(
            organization=e.prestige_list.organization, beneficiary_kind="prestige", prestige_entry=e,
            beneficiary_name="x", beneficiary_key=f"prestige:{e.person_id}", area=e.area,
            date=datetime.date(2027, 1 + i % 12, 1 + i % 28), occasion="tet", kind="gift",
            cash=300_000, in_kind=100_000, campaign=campaign if in_campaign else None))
    SupportEvent.objects.bulk_create(events, batch_size=5000)
    load = (time.perf_counter() - started) * 1000
    print(f"load 30,000 people of prestige and 100,000 support events: {load:.0f} ms (no target)")

    client = Client()
    client.force_login(user)
    url = f"/cong-dong/tham-hoi/chien-dich/{campaign.pk}/"
    assert client.get(url).status_code == 200  # warm-up
    page = ms(lambda: client.get(url))
    targets = sum(1 for e in entries if e.area.parent_id == province.pk)
    print(f"campaign page of a province ({targets:,} people of prestige, 100 communes): median {page:.0f} ms "
          f"(target < 300 ms; ratio {page / 300:.2f})")
    sample = entries[: 200]
    samples = []
    for e in sample:
        t = time.perf_counter()
        check_event(key=f"prestige:{e.person_id}", kind="gift", beneficiary_kind="prestige", hospital_level="",
                    area=e.area, on=datetime.date(2027, 12, 30), value=400_000)
        samples.append((time.perf_counter() - t) * 1000)
    check = statistics.median(samples)
    print(f"ceiling check of a new event (100,000 events in the year): median {check:.1f} ms "
          f"(target < 20 ms; ratio {check / 20:.2f})")


if __name__ == "__main__":
    main()
