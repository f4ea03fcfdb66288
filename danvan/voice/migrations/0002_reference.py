from django.db import migrations


def forwards(apps, schema_editor):
    from danvan.voice.domain.reference import ensure_reference

    ensure_reference(apps)


class Migration(migrations.Migration):
    dependencies = [("voice", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
