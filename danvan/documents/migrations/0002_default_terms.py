"""Default Party terms (nhiệm kỳ): editable data, adjust them where a committee's term differs."""

import datetime

from django.db import migrations

TERMS = [
    ("2020–2025", datetime.date(2020, 10, 1), datetime.date(2025, 9, 30)),
    ("2025–2030", datetime.date(2025, 10, 1), datetime.date(2030, 9, 30)),
]


def add_terms(apps, schema_editor):
    PartyTerm = apps.get_model("documents", "PartyTerm")
    for name, start, end in TERMS:
        PartyTerm.objects.get_or_create(name=name, defaults={"start": start, "end": end})


def remove_terms(apps, schema_editor):
    PartyTerm = apps.get_model("documents", "PartyTerm")
    PartyTerm.objects.filter(name__in=[name for name, _start, _end in TERMS], documents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_terms, remove_terms)]
