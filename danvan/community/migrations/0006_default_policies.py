"""QĐ 28/2023/QĐ-TTg's support ceilings for people of prestige as the default policy rows (data: a
province's council resolution adds rows; amounts change by new rows, never by code). The condolence row
is (unconfirmed)."""

import datetime

from django.db import migrations

BASIS = "Quyết định 28/2023/QĐ-TTg"
START = datetime.date(2024, 1, 15)
ROWS = [
    ("Tặng quà Tết, lễ hội", "gift", "", 500_000, 2, None),
    ("Thăm hỏi ốm đau (bệnh viện tuyến trung ương)", "illness", "central", 3_000_000, 1, None),
    ("Thăm hỏi ốm đau (bệnh viện tuyến tỉnh)", "illness", "province", 1_500_000, 1, None),
    ("Thăm hỏi ốm đau (bệnh viện tuyến huyện)", "illness", "district", 800_000, 1, None),
    ("Thăm hỏi ốm đau (trạm y tế xã)", "illness", "commune", 500_000, 1, None),
    ("Hỗ trợ gia đình gặp khó khăn", "hardship", "", 2_000_000, 1, None),
    ("Thăm viếng khi qua đời", "death", "", 2_000_000, 1, None),
]


def add(apps, schema_editor):
    policy = apps.get_model("community", "SupportPolicy")
    for name, kind, level, ceiling, times, per_year in ROWS:
        policy.objects.get_or_create(
            name=name, legal_basis=BASIS, kind=kind, hospital_level=level, area=None, beneficiary_kind="prestige",
            valid_from=START, defaults={"ceiling_per_time": ceiling, "times_per_year": times,
                                        "ceiling_per_year": per_year, "payer": "Ngân sách địa phương"})


def drop(apps, schema_editor):
    apps.get_model("community", "SupportPolicy").objects.filter(legal_basis=BASIS).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0005_support")]
    operations = [migrations.RunPython(add, drop)]
