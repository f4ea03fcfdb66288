"""Meetings benchmarks: bulk-adding 3,315 bridge points, rendering that meeting's page, and a
province's task overview with 50,000 follow-up tasks.

Uses its own database: a SQLite file under bench/out/ (or BENCH_DATABASE_URL, e.g. a dedicated
PostgreSQL database) — never the demo database. Geography is synthetic (34 provinces and 3,281
communes) so the benchmark does not depend on loading the real units."""

import datetime
import os
import random
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def setup_django() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT / 'meetings.sqlite3'}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


def geography():
    from danvan.places.domain.units import rebuild_reach
    from danvan.places.models import Area

    reform = datetime.date(2025, 7, 1)
    provinces = [Area(code=f"{i:02d}", name=f"Tỉnh số {i}", kind_name="Tỉnh", level="province",
                      source_key=f"bench:p{i}", valid_from=reform) for i in range(1, 35)]
    for a in provinces:
        a.fill_derived()
    Area.objects.bulk_create(provinces)
    provinces = list(Area.objects.filter(level="province").order_by("id"))
    communes = []
    for i in range(3281):
        parent = provinces[0] if i < 100 else provinces[1 + i % 33]
        a = Area(code=f"{10000 + i}", name=f"Xã số {i}", kind_name="Xã", level="commune", parent=parent,
                 source_key=f"bench:c{i}", valid_from=reform)
        a.fill_derived()
        communes.append(a)
    Area.objects.bulk_create(communes, batch_size=1000)
    rebuild_reach()
    return provinces[0]


def ms(func, runs=10):
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main():
    setup_django()
    from django.test import Client
    from django.utils import timezone

    from danvan.core.models import User
    from danvan.meetings.domain.bridge import add_bridge_points
    from danvan.meetings.domain.meetings import create_meeting
    from danvan.meetings.models import Conclusion, FollowUpTask, Meeting, TaskAssignment
    from danvan.meetings.queries import task_overview
    from danvan.orgs.models import Kind, Membership, Organization

    province = geography()
    commission = Organization.objects.create(name="Ban Tuyên giáo và Dân vận Tỉnh ủy số 1", area=province,
                                             kind=Kind.MOBILIZATION_COMMISSION)
    user = User.objects.create_user("bench", "bench@example.org", "mat-khau-bench-123", full_name="Bench")
    Membership.objects.create(user=user, organization=commission, role="officer")
    from danvan.orgs.domain.organizations import rebuild_reach as rebuild_org_reach

    meeting = create_meeting(actor=None, kind="tong_ket", title="Hội nghị trực tuyến toàn quốc", organization=commission,
                             starts_at=timezone.now(), mode="online")
    started = time.perf_counter()
    n = add_bridge_points(actor=user, meeting=meeting, level="province", expected=100)
    n += add_bridge_points(actor=user, meeting=meeting, level="commune", expected=20)
    bulk = (time.perf_counter() - started) * 1000
    print(f"bulk-add {n:,} bridge points: {bulk:.0f} ms (target < 2000 ms; ratio {bulk / 2000:.2f})")

    client = Client()
    client.force_login(user)
    assert client.get(f"/hoi-nghi/{meeting.pk}/").status_code == 200  # warm-up
    page = ms(lambda: client.get(f"/hoi-nghi/{meeting.pk}/"))
    print(f"meeting page with {n:,} bridge points: median {page:.0f} ms (target < 300 ms; ratio {page / 300:.2f})")

    # 50,000 tasks of 200 meetings, assigned to 100 commune organizations of the province.
    communes = list(province.children.order_by("id")[:100])
    orgs = [Organization(name=f"Ủy ban MTTQ xã số {i}", area=a, kind=Kind.FATHERLAND_FRONT)
            for i, a in enumerate(communes)]
    for o in orgs:
        o.fill_derived()
    Organization.objects.bulk_create(orgs)
    rebuild_org_reach()
    orgs = list(Organization.objects.filter(kind=Kind.FATHERLAND_FRONT).order_by("id"))
    rng = random.Random(7)
    meetings = Meeting.objects.bulk_create([
        Meeting(kind="giao_ban", title=f"Giao ban số {i}", title_folded=f" giao ban so {i}", organization=commission,
                starts_at=timezone.now() - datetime.timedelta(days=i)) for i in range(200)])
    conclusions = Conclusion.objects.bulk_create([Conclusion(meeting=m, number=1, text="Kết luận") for m in meetings])
    today = datetime.date.today()
    tasks = []
    for m, c in zip(meetings, conclusions, strict=True):
        for j in range(250):
            status = rng.choice(["not_started", "in_progress", "done"])
            due = today + datetime.timedelta(days=rng.randint(-200, 200))
            tasks.append(FollowUpTask(conclusion=c, meeting=m, organization=commission, title=f"Nhiệm vụ {j}",
                                      title_folded=f" nhiem vu {j}", due_date=due, status=status,
                                      completed_on=due + datetime.timedelta(days=rng.randint(-10, 10))
                                      if status == "done" else None))
    FollowUpTask.objects.bulk_create(tasks, batch_size=2000)
    ids = list(FollowUpTask.objects.unscoped("benchmark").values_list("id", flat=True))
    TaskAssignment.objects.bulk_create([TaskAssignment(task_id=t, organization=orgs[i % len(orgs)])
                                        for i, t in enumerate(ids)], batch_size=5000)
    overview = task_overview(user)
    assert client.get("/hoi-nghi/nhiem-vu/tong-hop/").status_code == 200
    view = ms(lambda: client.get("/hoi-nghi/nhiem-vu/tong-hop/"))
    print(f"task overview by meeting ({overview['overall']['total']:,} tasks, {len(overview['by_meeting'])} "
          f"meetings shown): page median {view:.0f} ms (target < 150 ms; ratio {view / 150:.2f})")
    area_view = ms(lambda: client.get("/hoi-nghi/nhiem-vu/tong-hop/?theo=dia-ban"))
    print(f"task overview by assignee area ({len(overview['by_area'])} areas, 50,000 assignments): page median "
          f"{area_view:.0f} ms (no target; ratio to 150 ms {area_view / 150:.2f})")


if __name__ == "__main__":
    main()
