from django.db import migrations


def create_default_form(apps, schema_editor):
    from danvan.reports.domain.default_form import ensure_default_form

    ensure_default_form(apps)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create_default_form, migrations.RunPython.noop)]
