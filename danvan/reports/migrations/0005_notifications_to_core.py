"""Reports' own inbox moves into the one inbox (core.Notification): every row is copied with its key,
message, address, dates and e-mail flag, then the table is dropped."""

from django.db import migrations


def copy(apps, schema_editor):
    Old = apps.get_model("reports", "Notification")
    New = apps.get_model("core", "Notification")
    rows = [New(user_id=n.user_id, kind="reports", key=n.key[:150], message=n.message[:500], url=n.url,
                read_at=n.read_at, emailed=n.emailed) for n in Old.objects.order_by("id").iterator()]
    New.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    # auto_now_add stamped the copies now; give them back their own time
    for old in Old.objects.order_by("id").iterator():
        New.objects.filter(user_id=old.user_id, key=old.key[:150]).update(created_at=old.created_at)


def back(apps, schema_editor):
    Old = apps.get_model("reports", "Notification")
    New = apps.get_model("core", "Notification")
    Membership = apps.get_model("orgs", "Membership")
    for n in New.objects.filter(kind__startswith="reports").iterator():
        membership = Membership.objects.filter(user_id=n.user_id).first()
        if membership is not None:
            Old.objects.create(user_id=n.user_id, organization_id=membership.organization_id, key=n.key[:120],
                               message=n.message[:400], url=n.url, read_at=n.read_at, emailed=n.emailed)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_notification"),
        ("orgs", "0001_initial"),
        ("reports", "0004_rollup_aggregates"),
    ]

    operations = [
        migrations.RunPython(copy, back),
        migrations.DeleteModel(name="Notification"),
    ]
