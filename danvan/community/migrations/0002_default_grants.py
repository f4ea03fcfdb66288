"""The default access to sensitive data (data, editable in the admin site): chuyên viên and lãnh đạo of
the dân vận commissions, the communes' Ban Xây dựng Đảng and the Fatherland Front see ethnicity and
religion; political opinions are seen by the commissions' lãnh đạo only. Quản trị see none (they see the
log of reads)."""

from django.db import migrations

WORKERS = ("mobilization_commission", "party_building_commission", "fatherland_front")


def add(apps, schema_editor):
    grant = apps.get_model("community", "SensitiveGrant")
    rows = [(category, role, kind) for category in ("ethnicity", "religion") for role in ("officer", "leader")
            for kind in WORKERS]
    rows.append(("opinion", "leader", "mobilization_commission"))
    for category, role, kind in rows:
        grant.objects.get_or_create(category=category, role=role, organization_kind=kind)


def drop(apps, schema_editor):
    apps.get_model("community", "SensitiveGrant").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]
    operations = [migrations.RunPython(add, drop)]
