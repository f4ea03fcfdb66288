"""The meetings' inbox (task reminders, and the voice and democracy modules' messages that used it)
moves into the one inbox (core.Notification): every row copied, then the table dropped."""

from django.db import migrations


def kind_of(key: str) -> str:
    head = key.split(":", 1)[0]
    return {"task": "meetings.task", "petition": "voice.petition_overdue", "democracy": "democracy.overdue"}.get(
        head, "meetings")


def copy(apps, schema_editor):
    Old = apps.get_model("meetings", "Notification")
    New = apps.get_model("core", "Notification")
    rows = [New(user_id=n.user_id, kind=kind_of(n.key), key=n.key[:150], message=n.message[:500], url=n.url,
                read_at=n.read_at) for n in Old.objects.order_by("id").iterator()]
    New.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    for old in Old.objects.order_by("id").iterator():
        New.objects.filter(user_id=old.user_id, key=old.key[:150]).update(created_at=old.created_at)


def back(apps, schema_editor):
    Old = apps.get_model("meetings", "Notification")
    New = apps.get_model("core", "Notification")
    for n in New.objects.exclude(kind__startswith="reports").iterator():
        Old.objects.create(user_id=n.user_id, key=n.key[:100], message=n.message, url=n.url, read_at=n.read_at)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_notification"),
        ("meetings", "0004_files_random_names_point_version"),
    ]

    operations = [
        migrations.RunPython(copy, back),
        migrations.DeleteModel(name="Notification"),
    ]
