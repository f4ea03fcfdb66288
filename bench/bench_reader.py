"""Articles read a second by the ``read_articles --jsonl`` path (file bytes → source → facts → JSON line),
in one process on one core, over the module's fixture articles (TXT and HTML) repeated to 1,000 articles.
No database is used. Target: ≥ 20 articles a second (issue 14).

Then the background job of the page (``reader.read``): a ZIP of 1,000 articles read into ``Article``
rows with progress, on its own database (bench/out/reader.sqlite3, or BENCH_DATABASE_URL)."""

import json
import os
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 20.0


OUT = ROOT / "bench" / "out"


def _setup():
    OUT.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT / 'reader.sqlite3'}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()


def main() -> None:
    _setup()
    files = sorted(p for p in (ROOT / "tests" / "reader" / "fixtures").iterdir() if p.suffix in (".txt", ".html"))
    _run("fixtures", [(p.name, p.read_bytes()) for p in files])
    seeds = next((d / "shared" / "seeds" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared" / "seeds").is_dir()), None)
    if seeds:  # the shared seed articles (longer pages with their furniture), read in place
        _run("seeds", [(p.name, p.read_bytes()) for p in sorted(seeds.glob("*.txt"))])
    _job([(p.name, p.read_bytes()) for p in files])


def _job(inputs, count=1000) -> None:
    """The page's batch: one ZIP of ``count`` articles, read by the background job with progress."""
    import zipfile
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from danvan.core.domain.jobs import start_job
    from danvan.core.models import Job
    from danvan.orgs.domain.organizations import rebuild_reach as orgs_reach
    from danvan.orgs.models import Kind, Organization
    from danvan.places.domain.units import rebuild_reach as places_reach
    from danvan.places.models import Area
    from danvan.reader.models import Article
    from tests.factories import member

    call_command("migrate", verbosity=0)
    area = Area(code="99", name="Tỉnh số 1", kind_name="Tỉnh", level="province", source_key="bench:reader")
    area.fill_derived()
    area.save()
    org = Organization.objects.create(name="Ban Dân vận Tỉnh ủy", kind=Kind.MOBILIZATION_COMMISSION, area=area)
    places_reach()
    orgs_reach()
    user = member(org)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(count):
            name, data = inputs[n % len(inputs)]
            archive.writestr(f"{n:04d}-{name}", data)
    start = time.perf_counter()
    job = start_job(kind="reader.read", title="bench", user=user, organization=org, params={"organization": org.pk},
                    input_file=SimpleUploadedFile("bai.zip", buffer.getvalue()))  # immediate backend: runs now
    seconds = time.perf_counter() - start
    job = Job.objects.get(pk=job.pk)
    rows = Article.objects.unscoped("bench").filter(job=job).count()
    rate = rows / seconds if seconds else 0.0
    print(f"reader job: {job.status}, progress {job.done}/{job.total}, {rows} articles saved in {seconds:.2f} s")
    print(f"reader job: {rate:.0f} articles/s into the database (target ≥ {TARGET:.0f} articles/s; "
          f"ratio {TARGET / rate if rate else float('inf'):.3f})")


def _run(label, inputs, count=1000) -> None:
    from danvan.reader.interfaces.extract import read_source
    from danvan.reader.interfaces.sources import articles_from_bytes

    batch = [inputs[i % len(inputs)] for i in range(count)]
    out = StringIO()
    start = time.perf_counter()
    for name, data in batch:
        for article in articles_from_bytes(name, data):
            out.write(json.dumps(read_source(article.source).fields(), ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - start
    rate = count / seconds
    chars = sum(len(d) for _, d in batch)
    print(f"read_articles --jsonl ({label}): {count} articles ({chars / count / 1000:.1f} kB each) in {seconds:.2f} s")
    print(f"reader {label}: {rate:.0f} articles/s (target ≥ {TARGET:.0f} articles/s; ratio {TARGET / rate:.3f})")
