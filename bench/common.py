"""What the module benchmarks share (not a benchmark itself: ``bench/run.py`` runs ``bench_*.py`` only).

- ``run_child(path)``: a benchmark runs in its own process, so its database never mixes with another's;
- ``fresh_database(name)``: a new SQLite file under bench/out/, or ``BENCH_DATABASE_URL`` (PostgreSQL;
  that database is dropped and made again);
- ``setup(url)``: Django on that database, migrated, with the administrative units loaded;
- ``organizations(local_kind, local_name)``: a dân vận commission per current province and one local
  organization per current commune (bulk, with the reach closure rebuilt);
- ``officer(username, organization)``: a signed-in user's account with a chuyên viên membership;
- ``timed``, ``p95``, ``analyze``.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def run_child(path: str) -> None:
    """Run the benchmark file ``path`` in a child process (its ``__main__`` block calls its ``run()``)."""
    env = dict(os.environ, DANVAN_BENCH_CHILD="1", DJANGO_SETTINGS_MODULE="danvan.settings")
    subprocess.run([sys.executable, path], check=True, env=env, cwd=ROOT)


def fresh_database(name: str) -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT / f'{name}.sqlite3'}"
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        import psycopg

        base, db = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
            conn.execute(f'CREATE DATABASE "{db}"')
    return url


def setup(url: str):
    """Django on ``url``, migrated, the administrative units loaded. Returns the connection."""
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from danvan.places.domain.units import load_units

    load_units()
    return connection


def analyze() -> str:
    """Refresh the planner's statistics; returns the engine's name for the printed figures."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"


def organizations(local_kind: str, local_name):
    """A dân vận commission per current province and one organization of ``local_kind`` per current commune,
    named ``local_name(commune)``. Returns (provinces, commissions, communes, locals)."""
    from danvan.orgs.domain.organizations import rebuild_reach
    from danvan.orgs.models import Kind, Organization
    from danvan.places.models import Area

    provinces = list(Area.objects.current().filter(level="province"))
    commissions = [Organization(name=f"Ban Tuyên giáo và Dân vận Tỉnh ủy {p.name}", kind=Kind.MOBILIZATION_COMMISSION,
                                area=p) for p in provinces]
    communes = list(Area.objects.current().filter(level="commune").select_related("parent"))
    local = [Organization(name=local_name(c), kind=local_kind, area=c) for c in communes]
    for org in commissions + local:
        org.fill_derived()
    Organization.objects.bulk_create(commissions + local, batch_size=2000)
    rebuild_reach()
    return provinces, commissions, communes, local


def officer(username: str, organization, full_name: str = "Bench"):
    from danvan.core.models import User
    from danvan.orgs.models import Membership, Role

    user = User.objects.create_user(username, password="x", full_name=full_name)
    Membership.objects.create(user=user, organization=organization, role=Role.OFFICER)
    return user


def timed(func, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p95(samples) -> float:
    return statistics.quantiles(samples, n=100)[94]
