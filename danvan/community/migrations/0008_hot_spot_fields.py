"""The default fields of hot spots (an editable list: data)."""

from django.db import migrations

FIELDS = ["Đất đai, bồi thường, giải phóng mặt bằng", "Môi trường", "Tôn giáo", "Dân tộc", "Lao động, việc làm",
          "Di cư tự do", "An ninh, trật tự", "Khác"]


def add(apps, schema_editor):
    model = apps.get_model("community", "HotSpotField")
    for order, name in enumerate(FIELDS, start=1):
        model.objects.get_or_create(name=name, defaults={"order": order})


def drop(apps, schema_editor):
    apps.get_model("community", "HotSpotField").objects.filter(name__in=FIELDS).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0007_hot_spots")]
    operations = [migrations.RunPython(add, drop)]
