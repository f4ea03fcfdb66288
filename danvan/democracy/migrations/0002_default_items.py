"""The 14 kinds of item and the ratio rules, as editable defaults (see domain/defaults.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from danvan.democracy.domain.defaults import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("democracy", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
