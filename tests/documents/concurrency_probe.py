"""Run by ``test_numbering.py`` in a subprocess: several processes reserve numbers at once in a
file-based SQLite database (the in-memory test database cannot be shared between connections), and
the numbers they got are printed as JSON."""

import datetime
import json
import multiprocessing
import os
import sys

PROCESSES, PER_PROCESS = 6, 8


def _issue(org_id: int) -> list[int]:
    from django.db import connections

    from danvan.documents.domain.register import issue_number
    from danvan.orgs.models import Organization

    connections.close_all()
    org = Organization.objects.get(pk=org_id)
    return [issue_number(organization=org, doc_type="BC", issued_on=datetime.date(2025, 11, 5), title="Thử",
                         actor=None).number for _ in range(PER_PROCESS)]


def main(path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from danvan.orgs.models import Kind, Organization
    from danvan.places.models import Area

    call_command("migrate", verbosity=0)
    area = Area.objects.create(name="Lào Cai", kind_name="Tỉnh", level="province", code="15", source_key="probe:15")
    org = Organization.objects.create(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", kind=Kind.PARTY_COMMITTEE,
                                      area=area)
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        results = pool.map(_issue, [org.pk] * PROCESSES)
    print(json.dumps(sorted(n for numbers in results for n in numbers)))


if __name__ == "__main__":
    main(sys.argv[1])
