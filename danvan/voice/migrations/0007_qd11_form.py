from django.db import migrations


def create(apps, schema_editor):
    from danvan.voice.domain.qd11 import ensure_qd11_form

    ensure_qd11_form(apps)


class Migration(migrations.Migration):
    dependencies = [("voice", "0006_reception_meeting"), ("reports", "0005_notifications_to_core")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
