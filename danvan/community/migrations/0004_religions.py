"""The 16 religions recognized in Vietnam (reference data; the list is data, editable in the admin site)."""

from django.db import migrations

RELIGIONS = ["Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Phật giáo Hòa Hảo", "Hồi giáo", "Tôn giáo Baha'i",
             "Tịnh độ Cư sĩ Phật hội Việt Nam", "Cơ đốc Phục lâm", "Phật giáo Tứ Ân Hiếu Nghĩa", "Minh Sư đạo",
             "Minh Lý đạo – Tam Tông Miếu", "Bà La Môn giáo", "Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô",
             "Phật giáo Hiếu Nghĩa Tà Lơn", "Bửu Sơn Kỳ Hương"]


def add(apps, schema_editor):
    from danvan.core.text import sort_key

    religion = apps.get_model("community", "Religion")
    for name in RELIGIONS:
        religion.objects.get_or_create(name=name, defaults={"name_sort": sort_key(name)})


def drop(apps, schema_editor):
    apps.get_model("community", "Religion").objects.filter(name__in=RELIGIONS).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0003_religious_registry")]
    operations = [migrations.RunPython(add, drop)]
