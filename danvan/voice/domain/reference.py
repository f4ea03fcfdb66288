"""The reference data of the module as rows (obligations of reception, legal clocks of petitions).
``ensure_reference`` is idempotent; the data migration and the demo call it. A changed rule or amount is
a new row with its validity (or an edit in the admin), never a change of code."""

import datetime

START = datetime.date(2019, 2, 18)  # Quy định 11-QĐi/TW
KL215 = datetime.date(2025, 11, 23)  # Kết luận 215-KL/TW
LAW_2011 = datetime.date(2012, 7, 1)  # Luật Khiếu nại 2011 in force
LAW_2018 = datetime.date(2019, 1, 1)  # Luật Tố cáo 2018 in force

# rule, position, days, per, legal basis, valid from
OBLIGATIONS = [
    ("qd11", "prov_secretary", 1, "month", "Quy định 11-QĐi/TW, sửa đổi theo Kết luận 215-KL/TW", START),
    ("qd11", "commune_secretary", 2, "month", "Quy định 11-QĐi/TW, sửa đổi theo Kết luận 215-KL/TW", START),
    ("law_2013", "commune_chairman", 1, "week", "Luật Tiếp công dân 2013, Điều 15", datetime.date(2014, 7, 1)),
    ("law_2013", "prov_chairman", 1, "month", "Luật Tiếp công dân 2013, Điều 13", datetime.date(2014, 7, 1)),
]

# kind, instance, stage, starts from, days, complex, remote, remote complex, extension days,
# extensions complex, extensions very complex, legal basis, valid from
CLOCKS = [
    ("complaint", 1, "accept", "received", 10, None, None, None, 0, 0, 0, "Luật Khiếu nại 2011, Điều 27", LAW_2011),
    ("complaint", 1, "resolve", "accepted", 30, 45, 45, 60, 0, 0, 0, "Luật Khiếu nại 2011, Điều 28", LAW_2011),
    ("complaint", 2, "accept", "received", 10, None, None, None, 0, 0, 0, "Luật Khiếu nại 2011, Điều 36", LAW_2011),
    ("complaint", 2, "resolve", "accepted", 45, 60, 60, 70, 0, 0, 0, "Luật Khiếu nại 2011, Điều 37", LAW_2011),
    ("denunciation", 1, "accept", "received", 7, None, None, None, 0, 0, 0, "Luật Tố cáo 2018, Điều 24", LAW_2018),
    ("denunciation", 1, "resolve", "accepted", 30, None, None, None, 30, 1, 2, "Luật Tố cáo 2018, Điều 30",
     LAW_2018),
    ("recommendation", 1, "accept", "received", 10, None, None, None, 0, 0, 0,
     "Chỉ tiêu của cơ quan (chưa có thời hạn luật định)", LAW_2011),
    ("recommendation", 1, "resolve", "accepted", 30, None, None, None, 0, 0, 0,
     "Chỉ tiêu của cơ quan (chưa có thời hạn luật định)", LAW_2011),
    ("reflection", 1, "accept", "received", 10, None, None, None, 0, 0, 0,
     "Chỉ tiêu của cơ quan (chưa có thời hạn luật định)", LAW_2011),
    ("reflection", 1, "resolve", "accepted", 30, None, None, None, 0, 0, 0,
     "Chỉ tiêu của cơ quan (chưa có thời hạn luật định)", LAW_2011),
    ("mixed", 1, "accept", "received", 10, None, None, None, 0, 0, 0, "Luật Khiếu nại 2011, Điều 27", LAW_2011),
    ("mixed", 1, "resolve", "accepted", 30, 45, 45, 60, 0, 0, 0, "Luật Khiếu nại 2011, Điều 28", LAW_2011),
]


def ensure_reference(apps=None):
    """Insert the obligations and clocks that are missing (matched by rule/position or kind/instance/stage
    and start date). Effects: inserts ``ReceptionObligation`` and ``PetitionClock`` rows; changes none."""
    if apps is None:
        from django.apps import apps
    Obligation = apps.get_model("voice", "ReceptionObligation")
    Clock = apps.get_model("voice", "PetitionClock")
    for rule, position, days, per, basis, since in OBLIGATIONS:
        Obligation.objects.get_or_create(rule=rule, position=position, valid_from=since,
                                         defaults={"days": days, "per": per, "legal_basis": basis})
    for (kind, instance, stage, starts, days, cx, remote, remote_cx, ext_days, ext_cx, ext_vcx, basis,
         since) in CLOCKS:
        Clock.objects.get_or_create(kind=kind, instance=instance, stage=stage, valid_from=since, defaults={
            "starts_from": starts, "days": days, "complex_days": cx, "remote_days": remote,
            "remote_complex_days": remote_cx, "extension_days": ext_days, "extensions_complex": ext_cx,
            "extensions_very_complex": ext_vcx, "legal_basis": basis})
